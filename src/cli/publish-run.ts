/**
 * After a run (finished, failed or interrupted): the result on stdout, the report files, and in
 * GitHub Actions the annotation and the step summary. Every sink gets masked values.
 */
import path from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import type { RunResult } from '../engine/run-result.js';
import type { Plan, WorkflowPlan } from '../plan/plan.js';
import type { Workspace } from '../load/load-workspace.js';
import { locateDiagnostics } from '../load/load-plan.js';
import { displayPath } from '../report/format-diagnostic.js';
import { runFailureAnnotation, stepSummaryMarkdown } from '../report/github-actions.js';
import { buildHar } from '../report/har-report.js';
import { buildScenario } from '../report/scenario-report.js';
import { buildJunitReport } from '../report/junit-report.js';
import type { Redactor } from '../report/redact.js';
import type { RunJournal } from '../report/run-journal.js';
import { runResultToJson } from '../report/run-result-json.js';
import { appendReportFile, writeReportFile } from '../report/write-report-file.js';
import type { CliIo } from './cli-io.js';
import { annotateDiagnostics, inGitHubActions, toPlace } from './github-place.js';
import type { LocateStep } from './locate-step.js';
import type { ReportTargets } from './run-flags.js';

export interface PublishContext {
  io: CliIo;
  file: string;
  result: RunResult;
  journal: RunJournal;
  redactor: Redactor;
  reports: ReportTargets;
  json: boolean;
  locate: LocateStep;
  workspace: Workspace;
  interruptedBy?: 'SIGINT' | 'SIGTERM';
  /** When a resumed run was resumed (ISO), each time. */
  resumedAt?: readonly string[];
  /** The run's workflow drawn (src/graph), for --report graph= and the GitHub step summary. */
  drawn?: { plan: Plan; workflow: WorkflowPlan };
  /** For --record: the workflow and the inputs it ran with (masked when written). */
  recorded?: { workflowId: string; inputs: Readonly<Record<string, unknown>> };
}

/** Returns false when a report could not be written (already explained on stderr). */
export async function publishRun(context: PublishContext): Promise<boolean> {
  const { io, result, redactor, journal, reports } = context;
  const json = redactor.value(runResultToJson(result, io.cwd, {
    journal,
    ...(context.interruptedBy ? { interruptedBy: context.interruptedBy } : {}),
    ...(context.resumedAt ? { resumedAt: context.resumedAt } : {}),
  }));
  io.stdout.write(`${JSON.stringify(context.json ? json : json.outputs, null, 2)}\n`);
  const shown = displayPath(context.file, io.cwd);
  const writes: Array<[string, () => string]> = [];
  if (reports.json) writes.push([reports.json, () => `${JSON.stringify(json, null, 2)}\n`]);
  if (reports.junit) {
    writes.push([reports.junit, () => redactor.text(buildJunitReport({
      result: redactor.value(result),
      workflows: journal.workflows,
      workflowDurations: journal.workflowDurations,
      file: shown,
      timestamp: new Date(journal.startedAt).toISOString(),
      ...(context.interruptedBy ? { interruptedBy: context.interruptedBy } : {}),
    }))]);
  }
  if (reports.har) writes.push([reports.har, () => `${JSON.stringify(buildHar(journal.exchanges, redactor, pkg.version, journal.messages), null, 2)}\n`]);
  if (reports.scenario && context.recorded) {
    const target = path.resolve(io.cwd, reports.scenario);
    const recorded = { ...context.recorded, file: path.resolve(io.cwd, context.file), json };
    writes.push([reports.scenario, () => buildScenario(recorded, journal, redactor, target)]);
  }
  if (reports.graph && context.drawn) {
    const text = await renderRunGraph(context.drawn, result, reports.graph);
    writes.push([reports.graph, () => redactor.text(text)]);
  }
  const written = await writeAll(writes, io);
  if (inGitHubActions(io)) await publishToGitHub(context, shown);
  return written;
}

/** Loaded only when a graph is asked for, so a run's start-up is unchanged. */
async function renderRunGraph(drawn: { plan: Plan; workflow: WorkflowPlan }, result: RunResult, target: string): Promise<string> {
  const [{ buildGraph }, { markRun }, { renderMermaid }, { renderDot }, { chooseGraphFormat }] = await Promise.all([
    import('../graph/build-graph.js'), import('../graph/mark-run.js'), import('../graph/render-mermaid.js'), import('../graph/render-dot.js'), import('./graph-format.js'),
  ]);
  const graph = buildGraph(drawn.plan, drawn.workflow);
  const marks = markRun(result);
  const format = chooseGraphFormat(undefined, target);
  if (format === 'mermaid') return renderMermaid(graph, marks);
  if (format === 'svg') return (await import('../report/render-graph-svg.js')).renderSvg(renderDot(graph, marks));
  return renderDot(graph, marks);
}

export async function writeAll(writes: ReadonlyArray<[string, () => string]>, io: CliIo): Promise<boolean> {
  let ok = true;
  for (const [target, render] of writes) {
    try {
      await writeReportFile(path.resolve(io.cwd, target), render());
    } catch (error) {
      ok = false;
      io.stderr.write(`error: the report ${target} could not be written: ${(error as Error).message}\n`);
    }
  }
  return ok;
}

async function publishToGitHub(context: PublishContext, shown: string): Promise<void> {
  const { io, result, redactor } = context;
  const annotation = runFailureAnnotation(redactor.value(result), (workflowId, stepId) => toPlace(context.locate(workflowId, stepId), io), context.interruptedBy);
  if (annotation) io.stderr.write(`${annotation}\n`);
  annotateDiagnostics(locateDiagnostics(result.warnings, context.workspace), io, redactor);
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (!summaryFile) return;
  try {
    let summary = stepSummaryMarkdown(redactor.value(result), shown, context.interruptedBy);
    if (context.drawn) summary += `\n<details><summary>Graph of the run</summary>\n\n\`\`\`mermaid\n${await renderRunGraph(context.drawn, result, 'run.mmd')}\`\`\`\n\n</details>\n`;
    await appendReportFile(summaryFile, redactor.text(summary));
  } catch (error) {
    io.stderr.write(`warning: could not append to GITHUB_STEP_SUMMARY: ${(error as Error).message}\n`);
  }
}
