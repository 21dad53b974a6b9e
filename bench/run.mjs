/**
 * `npm run bench` (after `npm run build`): start-up, lint, per-step overhead, memory and the demo,
 * each as a median over several runs and a ratio to a baseline measured in the same run. Prints
 * a table and writes bench/results.json. Options: --quick (fewer runs), --only <group,...> with
 * groups startup, per-step, memory, state-file, queue, queue-carry, demo, big-description. ARAZZO_BENCH_ROOT measures another built tree.
 */
import { writeFile, rename } from 'node:fs/promises';
import os from 'node:os';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { measureBigDescription } from './measure-big-description.mjs';
import { measureDemo } from './measure-demo.mjs';
import { measureMemory } from './measure-memory.mjs';
import { measurePerStep } from './measure-per-step.mjs';
import { measureStartup } from './measure-startup.mjs';
import { measureStateFile } from './measure-state-file.mjs';
import { measureQueue } from './measure-queue.mjs';
import { measureQueueCarry } from './measure-queue-carry.mjs';
import { startPollServerProcess } from './lib/poll-server-process.mjs';
import { benchFile, ROOT } from './lib/paths.mjs';
import { formatTable } from './lib/stats.mjs';

const quick = process.argv.includes('--quick');
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex > 0 ? new Set(process.argv[onlyIndex + 1].split(',')) : undefined;
const wants = (group) => only === undefined || only.has(group);
const runs = { startup: quick ? 7 : 21, perStep: quick ? 3 : 7, memory: quick ? 1 : 3, stateFile: quick ? 3 : 5, demo: quick ? 2 : 5, big: quick ? 2 : 5, queueRuns: quick ? 100 : 5000, queue: 1, carryRuns: quick ? 500 : 2000, carrySeconds: quick ? 30 : 60 };

function describeMachine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  return { cpus: os.availableParallelism(), cpuModel: model.trim(), node: process.version, platform: `${os.platform()} ${os.release()}`, loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))) };
}

function describeCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: benchFile(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

const started = performance.now();
const figures = [];
const machine = describeMachine();
const step = (text) => process.stderr.write(`bench: ${text}\n`);

if (wants('startup')) {
  step(`start-up and lint, ${runs.startup} runs each`);
  figures.push(...(await measureStartup(runs.startup)));
}
if (wants('per-step') || wants('memory') || wants('state-file') || wants('queue') || wants('queue-carry')) {
  const server = await startPollServerProcess();
  try {
    if (wants('per-step')) {
      step(`per-step overhead, ${runs.perStep} alternating runs`);
      figures.push(await measurePerStep(server, runs.perStep));
    }
    if (wants('memory')) {
      step(`memory, ${runs.memory} run(s) of each length`);
      figures.push(...(await measureMemory(server, runs.memory)));
    }
    if (wants('state-file')) {
      step(`--state-file, ${runs.stateFile} alternating runs`);
      figures.push(await measureStateFile(server, runs.stateFile));
    }
    if (wants('queue')) {
      step(`queue: ${runs.queueRuns} runs through workers over Redis, ${runs.queue} round(s)`);
      figures.push(...(await measureQueue(server, runs.queueRuns, runs.queue)));
    }
    if (wants('queue-carry')) {
      step(`queue carrying capacity: ${runs.carryRuns} runs polling every second on 2 workers, sampled for ${runs.carrySeconds} s`);
      figures.push(...(await measureQueueCarry(server, runs.carryRuns, runs.carrySeconds)));
    }
  } finally {
    await server.close();
  }
}
if (wants('demo')) {
  step(`demo, ${runs.demo} rounds`);
  figures.push(await measureDemo(runs.demo));
}

if (wants('big-description')) {
  step(`GitHub's description (JSON and YAML), ${runs.big} rounds`);
  figures.push(...(await measureBigDescription(runs.big)));
}

const totalSeconds = (performance.now() - started) / 1000;
process.stdout.write(`\n${formatTable(figures)}\n\n`);
process.stdout.write(`machine: ${machine.cpus} CPUs, ${machine.cpuModel}, node ${machine.node}, load average ${machine.loadAverage.join(' ')}; bench took ${totalSeconds.toFixed(0)} s\n`);
const missed = figures.filter((f) => f.withinTarget === false);
if (missed.length > 0) process.stdout.write(`missed targets: ${missed.map((f) => f.id).join(', ')}\n`);

const results = { takenAt: new Date().toISOString(), machine, commit: describeCommit(), tree: ROOT, quick, totalSeconds, figures };
const file = benchFile('results.json');
await writeFile(`${file}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
await rename(`${file}.tmp`, file);
