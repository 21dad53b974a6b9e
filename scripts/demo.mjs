/**
 * `npm run demo`: the three seed workflows, each run by the real CLI against `arazzo mock` serving
 * its description with one of the seed scenarios in workflows/scenarios (the inputs come from the
 * scenario too). What the demo shows is the product: the mock's request log, the run's progress
 * and outputs. No account, no network: the mocks listen on free 127.0.0.1 ports.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bin/arazzo.js');

const demos = [
  { title: 'Daytona: build a snapshot that lands inactive, then activate it', scenario: 'workflows/scenarios/snapshot-inactive.scenario.yaml' },
  { title: 'Daytona: from a container image to a running sandbox', scenario: 'workflows/scenarios/sandbox-running.scenario.yaml' },
  { title: 'Oracle OCI: create a custom image from a stopped instance', scenario: 'workflows/scenarios/oci-image-available.scenario.yaml' },
];

/** Starts `arazzo mock <workflow> --scenario <file>`; resolves with its URL (its first stdout line). */
function startMock(workflow, scenario) {
  const child = spawn(process.execPath, [cli, 'mock', workflow, '--scenario', scenario], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  // The mock's request log, indented under the run's own lines.
  child.stderr.setEncoding('utf8').on('data', (text) => process.stdout.write(text.replace(/^(?=.)/gm, '  mock │ ')));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (text) => {
      out += text;
      if (out.includes('\n')) resolve({ url: out.split('\n')[0].trim(), stop: () => new Promise((done) => { child.once('close', done); child.kill('SIGTERM'); }) });
    });
    child.once('close', (code) => reject(new Error(`arazzo mock exited with ${code} before listening`)));
  });
}

function run(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

let failures = 0;
for (const demo of demos) {
  const scenario = parse(readFileSync(path.join(root, demo.scenario), 'utf8'));
  const workflow = path.relative(root, path.resolve(path.dirname(path.join(root, demo.scenario)), scenario.workflow));
  const sources = (parse(readFileSync(path.join(root, workflow), 'utf8')).sourceDescriptions ?? []).map((s) => s.name);
  process.stdout.write(`\n=== ${demo.title}\n$ arazzo mock ${workflow} --scenario ${demo.scenario}\n`);
  const mock = await startMock(workflow, demo.scenario);
  try {
    const inputs = Object.entries(scenario.inputs ?? {}).flatMap(([name, value]) => ['--input', `${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`]);
    const args = ['run', workflow, ...sources.flatMap((name) => ['--server', `${name}=${mock.url}`]), ...inputs, '--poll-interval', '200ms'];
    process.stdout.write(`$ arazzo ${args.join(' ')}\n`);
    if ((await run(args)) !== 0) failures++;
  } finally {
    await mock.stop();
  }
}
process.stdout.write(`\n${demos.length - failures} of ${demos.length} workflows succeeded, each against arazzo mock serving a scenario of workflows/scenarios.\n`);
process.exitCode = failures === 0 ? 0 : 1;
