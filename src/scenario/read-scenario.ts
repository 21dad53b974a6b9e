/**
 * A scenario file (issue 16): a workflow, its inputs, the responses to give by operationId or
 * stepId (a list is a sequence: a poll walks it, the last one repeats), and what the run must end
 * with. Checked by hand, every problem with its line (exit 2 for the whole `arazzo test`).
 *
 *   workflow: ../flow.yml          # relative to the scenario file
 *   workflowId: build              # optional when the document has one workflow
 *   inputs: { name: demo }
 *   responses:
 *     createThing: { status: 201, body: { id: t1 } }
 *     pollThing: [ { body: { state: pending } }, { body: { state: done } } ]
 *   expect: { status: succeeded, outputs: { id: t1 }, endedBy: { stepId: pollThing, action: done }, steps: [createThing, pollThing] }
 *   expect.requests:               # optional: what requests must contain, by operationId or stepId
 *     createThing: { headers: { authorization: Bearer t }, body: { name: demo } }   # every request
 *     pollThing: [ { query: { verbose: "true" } } ]                                   # the n-th request
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isObject } from '../document/model.js';
import { parseYamlText } from '../document/parse-yaml.js';

export interface ScriptedResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

export interface Scenario {
  file: string;
  name: string;
  workflow: string;
  workflowId?: string;
  inputs: Record<string, unknown>;
  /** operationId or stepId → the responses in order. */
  responses: Map<string, ScriptedResponse[]>;
  /** Line of each responses key, for "names no step or operation". */
  keyLines: Map<string, number | undefined>;
  /** Line of each expect.requests key, likewise. */
  requestKeyLines: Map<string, number | undefined>;
  expect: { status?: string; outputs?: Record<string, unknown>; endedBy?: Record<string, unknown>; steps?: string[]; requests?: Map<string, RequestExpectations> };
}

/**
 * What requests to an operation must contain: its query parameters and headers (names of headers in
 * any case) with these values, and a body holding these members (objects compared member by
 * member, anything else whole). `every` applies to each request; `inOrder` to the first, second, ….
 */
export interface RequestExpectation {
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
}

export type RequestExpectations = { every: RequestExpectation } | { inOrder: RequestExpectation[] };

const TOP = ['name', 'workflow', 'workflowId', 'inputs', 'responses', 'expect'];
const EXPECT = ['status', 'outputs', 'endedBy', 'steps', 'requests'];
const RESPONSE = ['status', 'headers', 'body'];
const REQUEST = ['query', 'headers', 'body'];

export async function readScenario(file: string): Promise<{ ok: true; scenario: Scenario } | { ok: false; diagnostics: Diagnostic[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, diagnostics: [makeDiagnostic('scenario-invalid', 'error', `Scenario ${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { file, hint: 'Check the path.' })] };
  }
  const parsed = parseYamlText(text, file);
  if (parsed.diagnostics.length > 0) return { ok: false, diagnostics: parsed.diagnostics };
  const problems: Diagnostic[] = [];
  const problem = (pointer: string, message: string, hint?: string): void => {
    const at = parsed.sourceMap.locate(pointer);
    problems.push(makeDiagnostic('scenario-invalid', 'error', message, { file, pointer, ...(at ? { line: at.line, column: at.column } : {}), ...(hint ? { hint } : {}) }));
  };
  const value = parsed.value;
  if (!isObject(value)) {
    problem('', 'A scenario is a mapping with workflow, responses and expect', `Keys: ${TOP.join(', ')}.`);
    return { ok: false, diagnostics: problems };
  }
  for (const key of Object.keys(value)) if (!TOP.includes(key)) problem(`/${key}`, `Unknown key "${key}" in the scenario`, `Keys: ${TOP.join(', ')}.`);
  if (typeof value.workflow !== 'string') problem('/workflow', '"workflow" names the Arazzo document (a path relative to the scenario)');
  if (value.workflowId !== undefined && typeof value.workflowId !== 'string') problem('/workflowId', '"workflowId" is a string');
  if (value.inputs !== undefined && !isObject(value.inputs)) problem('/inputs', '"inputs" is a mapping of input names to values');
  const responses = new Map<string, ScriptedResponse[]>();
  const requests = new Map<string, RequestExpectations>();
  const requestKeyLines = new Map<string, number | undefined>();
  const keyLines = new Map<string, number | undefined>();
  if (!isObject(value.responses)) problem('/responses', '"responses" maps an operationId or stepId to a response or a list of them');
  else {
    for (const [key, given] of Object.entries(value.responses)) {
      keyLines.set(key, parsed.sourceMap.locateKey(`/responses/${key}`)?.line);
      const list = Array.isArray(given) ? given : [given];
      const read: ScriptedResponse[] = [];
      list.forEach((item, index) => {
        const pointer = Array.isArray(given) ? `/responses/${key}/${index}` : `/responses/${key}`;
        if (!isObject(item)) return problem(pointer, `Response for "${key}" is not a mapping of ${RESPONSE.join(', ')}`);
        for (const field of Object.keys(item)) if (!RESPONSE.includes(field)) problem(`${pointer}/${field}`, `Unknown key "${field}" in a response`, `Keys: ${RESPONSE.join(', ')}.`);
        const status = item.status ?? 200;
        if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) problem(`${pointer}/status`, `Response status ${JSON.stringify(status)} is not an HTTP status`);
        if (item.headers !== undefined && (!isObject(item.headers) || Object.values(item.headers).some((h) => typeof h !== 'string'))) problem(`${pointer}/headers`, 'Response headers map names to strings');
        read.push({ status: status as number, headers: (isObject(item.headers) ? item.headers : {}) as Record<string, string>, ...(item.body !== undefined ? { body: item.body } : {}) });
      });
      if (list.length === 0) problem(`/responses/${key}`, `"${key}" has no response`);
      responses.set(key, read);
    }
  }
  const expected = value.expect ?? {};
  if (!isObject(expected)) problem('/expect', '"expect" is a mapping', `Keys: ${EXPECT.join(', ')}.`);
  else {
    for (const key of Object.keys(expected)) if (!EXPECT.includes(key)) problem(`/expect/${key}`, `Unknown key "${key}" in expect`, `Keys: ${EXPECT.join(', ')}.`);
    if (expected.status !== undefined && expected.status !== 'succeeded' && expected.status !== 'failed') problem('/expect/status', 'expect.status is succeeded or failed');
    if (expected.outputs !== undefined && !isObject(expected.outputs)) problem('/expect/outputs', 'expect.outputs maps output names to values');
    if (expected.endedBy !== undefined && !isObject(expected.endedBy)) problem('/expect/endedBy', 'expect.endedBy is { stepId, action }');
    if (expected.steps !== undefined && !(Array.isArray(expected.steps) && expected.steps.every((s) => typeof s === 'string'))) problem('/expect/steps', 'expect.steps lists stepIds in the order they run');
    if (expected.requests !== undefined) readRequestExpectations(expected.requests, problem, requests, (key) => requestKeyLines.set(key, parsed.sourceMap.locateKey(`/expect/requests/${key}`)?.line));
  }
  if (problems.length > 0) return { ok: false, diagnostics: problems };
  const e = expected as Record<string, unknown>;
  return {
    ok: true,
    scenario: {
      file,
      name: typeof value.name === 'string' ? value.name : path.basename(file).replace(/\.ya?ml$/i, ''),
      workflow: path.resolve(path.dirname(file), value.workflow as string),
      ...(typeof value.workflowId === 'string' ? { workflowId: value.workflowId } : {}),
      inputs: (value.inputs ?? {}) as Record<string, unknown>,
      responses,
      keyLines,
      requestKeyLines,
      expect: {
        ...(typeof e.status === 'string' ? { status: e.status } : {}),
        ...(isObject(e.outputs) ? { outputs: e.outputs } : {}),
        ...(isObject(e.endedBy) ? { endedBy: e.endedBy } : {}),
        ...(Array.isArray(e.steps) ? { steps: e.steps as string[] } : {}),
        ...(requests.size > 0 ? { requests } : {}),
      },
    },
  };
}

function readRequestExpectations(given: unknown, problem: (pointer: string, message: string, hint?: string) => void, into: Map<string, RequestExpectations>, noteLine: (key: string) => void): void {
  if (!isObject(given)) return problem('/expect/requests', 'expect.requests maps an operationId or stepId to what its requests must contain');
  for (const [key, value] of Object.entries(given)) {
    noteLine(key);
    const read = (item: unknown, pointer: string): RequestExpectation | undefined => {
      if (!isObject(item)) return problem(pointer, `The request expectation for "${key}" is not a mapping of ${REQUEST.join(', ')}`), undefined;
      for (const field of Object.keys(item)) if (!REQUEST.includes(field)) problem(`${pointer}/${field}`, `Unknown key "${field}" in a request expectation`, `Keys: ${REQUEST.join(', ')}.`);
      for (const field of ['query', 'headers'] as const) {
        if (item[field] !== undefined && (!isObject(item[field]) || Object.values(item[field]).some((v) => typeof v !== 'string'))) problem(`${pointer}/${field}`, `${field} maps names to strings (quote numbers: "2")`);
      }
      return {
        ...(isObject(item.query) ? { query: item.query as Record<string, string> } : {}),
        ...(isObject(item.headers) ? { headers: item.headers as Record<string, string> } : {}),
        ...(item.body !== undefined ? { body: item.body } : {}),
      };
    };
    if (Array.isArray(value)) {
      const list = value.map((item, index) => read(item, `/expect/requests/${key}/${index}`)).filter((r): r is RequestExpectation => r !== undefined);
      if (value.length === 0) problem(`/expect/requests/${key}`, `"${key}" expects no request`, 'Give a mapping (every request) or a list (the first, second, … request).');
      into.set(key, { inOrder: list });
    } else {
      const every = read(value, `/expect/requests/${key}`);
      if (every) into.set(key, { every });
    }
  }
}
