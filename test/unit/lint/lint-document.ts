/**
 * Lints an Arazzo document written by a test, beside test/fixtures/lint/api.openapi.yaml, through
 * the shared front half (loadPlan). `# <-` at the end of a line marks where a test expects a problem.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import type { RuleSettings } from '../../../src/lint/lint-input.js';
import { loadPlan } from '../../../src/cli/load-plan.js';

export const LINT_FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/lint');

export function writeDocument(text: string, name = 'flow.arazzo.yaml'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'arazzo-lint-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  copyFileSync(path.join(LINT_FIXTURES, 'api.openapi.yaml'), path.join(dir, 'api.openapi.yaml'));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

export async function lintText(text: string, rules?: RuleSettings): Promise<Diagnostic[]> {
  const file = writeDocument(text);
  return (await loadPlan(file, rules ? { rules } : {})).diagnostics;
}

/** 1-based line of the `# <-` marker. */
export function markedLine(text: string): number {
  const index = text.split('\n').findIndex((line) => line.includes('# <-'));
  if (index < 0) throw new Error('the failing document has no "# <-" marker');
  return index + 1;
}

/** A complete document around the given workflows (and optional components). */
export function document(workflows: string, extra: { components?: string; sources?: string } = {}): string {
  return [
    'arazzo: 1.0.1',
    'info: { title: Lint test, version: "1", description: d }',
    'sourceDescriptions:',
    extra.sources ?? '  - { name: api, url: ./api.openapi.yaml, type: openapi }',
    'workflows:',
    workflows.replace(/^\n/, '').trimEnd(),
    ...(extra.components ? ['components:', extra.components.replace(/^\n/, '').trimEnd()] : []),
    '',
  ].join('\n');
}
