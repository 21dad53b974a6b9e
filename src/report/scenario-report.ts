/**
 * `arazzo run … --record scenario.yaml` (issue 16): what the run sent and received, written as a
 * scenario for `arazzo test` — the responses by stepId in the order they came, the inputs, and the
 * run's end as the expectation — so a run against the real API today replays offline tomorrow.
 * Everything is masked (secret inputs stay as *** so the scenario still gives them); only the
 * content-type and location headers are kept (dates, request ids and rate limits would only make
 * the file differ from run to run, and Retry-After would make the replay wait).
 */
import path from 'node:path';
import { stringify } from 'yaml';
import type { RunJournal } from './run-journal.js';
import type { Redactor } from './redact.js';

const KEPT_HEADERS = ['content-type', 'location'];

export interface RecordedRun {
  /** The Arazzo document, absolute. */
  file: string;
  workflowId: string;
  inputs: Readonly<Record<string, unknown>>;
  /** The run's --json result, already masked. */
  json: Record<string, unknown>;
}

export function buildScenario(run: RecordedRun, journal: RunJournal, redactor: Redactor, target: string, now = new Date()): string {
  const responses: Record<string, unknown[]> = {};
  let transportFailures = 0;
  for (const exchange of journal.exchanges) {
    if (!exchange.response) {
      transportFailures += 1;
      continue;
    }
    const headers = Object.fromEntries(Object.entries(exchange.response.headers).filter(([name]) => KEPT_HEADERS.includes(name)));
    (responses[exchange.stepId] ??= []).push({
      status: exchange.response.status,
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
      ...(exchange.response.body !== undefined ? { body: exchange.response.body } : {}),
    });
  }
  const steps = Array.isArray(run.json.steps) ? (run.json.steps as Array<{ stepId?: string; status?: string }>) : [];
  const scenario = {
    name: `recorded ${run.workflowId}`,
    workflow: path.relative(path.dirname(target), run.file).split(path.sep).join('/'),
    workflowId: run.workflowId,
    inputs: run.inputs,
    responses,
    expect: {
      status: run.json.status,
      outputs: run.json.outputs ?? {},
      ...(run.json.endedBy ? { endedBy: run.json.endedBy } : {}),
      steps: steps.filter((s) => s.status !== 'skipped').map((s) => s.stepId),
    },
  };
  const note = [
    `# Recorded by arazzo run --record on ${now.toISOString()}; replay it offline with: arazzo test ${path.basename(target)}`,
    ...(transportFailures > 0 ? [`# ${transportFailures} request(s) got no response (a transport failure); a scenario cannot script that, so the replay differs there.`] : []),
  ];
  return `${note.join('\n')}\n${stringify(redactor.value(scenario), { lineWidth: 0 })}`;
}
