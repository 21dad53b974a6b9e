/**
 * Several runs in one call (issue 12 item 15): `arazzo run a.yml b.yml` and `arazzo run flow.yml
 * --all` (every workflow of the file, in document order). Every run is checked before the first
 * request is sent — any problem is exit 2 with nothing sent — then they run one after another,
 * each reported as a single run is. Exit code: the worst; an interruption stops the rest.
 * stdout: `{status, runs: [...]}`, each entry the single-run object with its `file`
 * (without --json: `file`, `workflowId`, `status` and `outputs` only).
 */
import path from 'node:path';
import type { LoadedPlan } from '../load/load-plan.js';
import type { WorkflowPlan } from '../plan/plan.js';
import { displayPath } from '../report/format-diagnostic.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';
import { checkFailOnEnd } from './fail-on-end.js';
import { UsageError } from './parse-cli-values.js';
import { loadRunFile, prepareRun } from './run-command.js';
import type { ReportTargets, RunFlags, RunSettings } from './run-flags.js';
import { selectWorkflow } from './select-workflow.js';

interface Planned {
  file: string;
  workflowId?: string;
  stdout: () => string;
  start?: () => Promise<number>;
}

export async function runMany(files: readonly string[], flags: RunFlags, settings: RunSettings, io: CliIo): Promise<number> {
  const planned: Planned[] = [];
  const names = new Set<string>();
  // A run's stdout is its JSON object; they are collected into one document.
  const captured = (): { io: CliIo; text: () => string } => {
    let text = '';
    return { io: { ...io, stdout: { write: (chunk: string) => (text += chunk, true), isTTY: false } }, text: () => text };
  };
  const runFlags: RunFlags = { ...flags, json: flags.dryRun ? flags.json : true };
  let invalid = false;
  for (const file of files) {
    const out = captured();
    const loaded = await loadRunFile(file, runFlags, reportsFor(settings.reports, file, undefined, names), out.io);
    if (typeof loaded === 'number') {
      invalid = true;
      planned.push({ file, stdout: out.text });
      continue;
    }
    const workflows = chooseWorkflows(loaded, flags, settings, io);
    if (typeof workflows === 'string') {
      invalid = true;
      planned.push({ file, stdout: () => JSON.stringify({ status: 'invalid', error: workflows }) });
      continue;
    }
    for (const workflow of workflows) {
      const run = captured();
      const reports = reportsFor(settings.reports, file, workflow.workflowId, names);
      const start = await prepareRun({ file, loaded, workflow, flags: runFlags, settings: { ...settings, servers: { ...settings.servers }, reports }, io: run.io });
      if (typeof start === 'number') invalid = true;
      planned.push({ file, workflowId: workflow.workflowId, stdout: run.text, ...(typeof start === 'number' ? {} : { start }) });
    }
  }
  if (invalid) return finish(planned.filter((p) => !p.start), 'invalid', EXIT.invalid, flags, io);
  let worst: number = EXIT.ok;
  const done: Planned[] = [];
  for (const [index, run] of planned.entries()) {
    io.stderr.write(`${index > 0 ? '\n' : ''}── ${displayPath(run.file, io.cwd)} · ${run.workflowId} (${index + 1}/${planned.length})\n`);
    const code = await run.start!();
    done.push(run);
    worst = Math.max(worst, code);
    if (code === EXIT.interrupted || code === EXIT.terminated) return finish(done, 'interrupted', code, flags, io);
  }
  return finish(done, worst === EXIT.ok ? 'succeeded' : 'failed', worst, flags, io);
}

/** The workflows to run from one file; a usage problem (no --workflow, a bad --fail-on-end) is printed and returned. */
function chooseWorkflows(loaded: LoadedPlan, flags: RunFlags, settings: RunSettings, io: CliIo): WorkflowPlan[] | string {
  try {
    const document = loaded.plan.documents.get(loaded.plan.rootKey);
    const workflows = flags.all ? [...(document?.workflows.values() ?? [])] : [selectWorkflow(loaded.plan, flags.workflow)];
    checkFailOnEnd(settings.failOnEnd, workflows);
    return workflows;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`error: ${error.message}\n${error.hint ? `  hint: ${error.hint}\n` : ''}`);
    return error.message;
  }
}

function finish(runs: readonly Planned[], status: string, code: number, flags: RunFlags, io: CliIo): number {
  if (flags.dryRun && !flags.json) {
    for (const run of runs) io.stdout.write(run.stdout());
    return code;
  }
  const entries = runs.map((run) => {
    const json = (JSON.parse(run.stdout() || '{}') ?? {}) as Record<string, unknown>;
    const entry: Record<string, unknown> = { file: displayPath(run.file, io.cwd), ...(run.workflowId ? { workflowId: run.workflowId } : {}), ...json };
    return flags.json ? entry : { file: entry.file, workflowId: entry.workflowId, status: entry.status, outputs: entry.outputs ?? {} };
  });
  io.stdout.write(`${JSON.stringify({ status, runs: entries }, null, 2)}\n`);
  return code;
}

/**
 * Each run writes its own report files: `reports/arazzo.xml` becomes `reports/arazzo.<workflowId>.xml`
 * (`.<file name>.<workflowId>` when two files share a workflowId).
 */
function reportsFor(reports: ReportTargets, file: string, workflowId: string | undefined, used: Set<string>): ReportTargets {
  const stem = path.basename(file).replace(/\.(arazzo\.)?(ya?ml|json)$/i, '');
  const label = workflowId === undefined ? stem : used.has(`id:${workflowId}`) ? `${stem}.${workflowId}` : workflowId;
  if (workflowId !== undefined) used.add(`id:${workflowId}`);
  const renamed: ReportTargets = {};
  for (const [kind, target] of Object.entries(reports) as Array<[keyof ReportTargets, string]>) {
    const ext = path.extname(target);
    renamed[kind] = `${target.slice(0, target.length - ext.length)}.${label}${ext}`;
  }
  return renamed;
}
