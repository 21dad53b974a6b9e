/**
 * Issue 13 fixtures: an OpenAPI description with one operation per security scheme, an Arazzo
 * document calling them, written to a temp directory; and the CLI run in-process through main().
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { stringify } from 'yaml';
import { main } from '../../../src/cli/main.js';

export const SCHEMES = {
  keyHeader: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
  keyQuery: { type: 'apiKey', in: 'query', name: 'api_key' },
  keyCookie: { type: 'apiKey', in: 'cookie', name: 'session_id' },
  bearerAuth: { type: 'http', scheme: 'bearer' },
  basicAuth: { type: 'http', scheme: 'basic' },
};

/** `security` per operationId; each operation is GET /<operationId> answering 200 {}. */
export function securedApi(operations: Record<string, unknown[]>, schemes: Record<string, unknown> = SCHEMES): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const [operationId, security] of Object.entries(operations)) {
    paths[`/${operationId}`] = { get: { operationId, security, responses: { '200': { description: 'ok' } } } };
  }
  return { openapi: '3.1.0', info: { title: 'secured', version: '1' }, servers: [{ url: 'http://127.0.0.1:9/' }], paths, components: { securitySchemes: schemes } };
}

export interface StepSpec {
  operationId: string;
  parameters?: unknown[];
  'x-security'?: unknown[];
}

export function workflowDocument(steps: StepSpec[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    arazzo: '1.0.1',
    info: { title: 'auth', version: '1' },
    sourceDescriptions: [{ name: 'api', url: './api.yaml', type: 'openapi' }],
    workflows: [{
      workflowId: 'flow',
      inputs: { type: 'object', properties: { apiToken: { type: 'string' }, user: { type: 'string' }, pass: { type: 'string', format: 'password' } } },
      steps: steps.map((s) => ({ stepId: `call-${s.operationId}`, ...s })),
      ...extra,
    }],
  };
}

/** Writes api.yaml + flow.yaml into a fresh temp dir (removed after the test); returns flow.yaml's path. */
export function writeDocuments(api: Record<string, unknown>, flow: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'arazzo-auth-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, 'api.yaml'), stringify(api));
  writeFileSync(path.join(dir, 'flow.yaml'), stringify(flow));
  return path.join(dir, 'flow.yaml');
}

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runInProcess(argv: string[], env: Record<string, string> = {}): Promise<InProcessRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { NO_COLOR: '1', ...env },
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}
