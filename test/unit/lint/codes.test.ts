// style.md §4 rule 3: one catalogue of codes (src/diagnostics/codes.ts). Every code the sources
// report is listed, with a title; the lint rule ids are exactly these codes.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES, describeCode } from '../../../src/diagnostics/codes.js';
import { applyRuleSettings, settingFor } from '../../../src/lint/apply-rule-settings.js';
import { makeDiagnostic } from '../../../src/diagnostics/diagnostic.js';

const SRC = path.resolve(__dirname, '../../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && entry.name !== 'codes.ts' ? [full] : [];
  });
}

const CODE = "'([a-z][a-z0-9]*(?:-[a-z0-9]+)+|timeout|aborted)'";
/** The ways the sources name a code: reporting calls, `code:` fields, comparisons, union members. */
const PATTERNS = [
  new RegExp(`\\b(?:report|add|warn|makeDiagnostic|expressionError|expressionWarning|fail|failed|typeProblem|goessnerProblem|error)\\(\\s*${CODE}`, 'g'),
  new RegExp(`\\bcode:\\s*${CODE}`, 'g'),
  new RegExp(`\\.code\\s*===?\\s*${CODE}`, 'g'),
  new RegExp(`conditionError\\([^)]*,\\s*${CODE}\\)`, 'g'),
];

function codesInSources(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of PATTERNS) {
      for (const match of text.matchAll(pattern)) found.set(match[1]!, path.relative(SRC, file));
    }
  }
  return found;
}

describe('style.md §4.3: the one catalogue of codes', () => {
  it('lists every code reported in src/', () => {
    const found = codesInSources();
    expect(found.size).toBeGreaterThan(100);
    const missing = [...found].filter(([code]) => describeCode(code) === undefined).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it('gives every code a title and a default severity', () => {
    const bad = Object.entries(CODES).filter(([, entry]) => entry.title.length < 5 || !['error', 'warning', 'info', 'off'].includes(entry.severity));
    expect(bad).toEqual([]);
  });
});

describe('issue 4 --rule id=off|warn|error: severity settings', () => {
  const d = (code: string) => makeDiagnostic(code, 'warning', 'm');

  it('an exact id wins over the longest matching prefix-*', () => {
    const settings = { 'step-*': 'off', 'step-id-*': 'error', 'step-id-pattern': 'info' } as const;
    expect(settingFor('step-id-pattern', settings)).toBe('info');
    expect(settingFor('step-id-duplicate', settings)).toBe('error');
    expect(settingFor('step-unreachable', settings)).toBe('off');
    expect(settingFor('loop-without-exit', settings)).toBeUndefined();
  });

  it('off drops a diagnostic; default-off rules appear only when turned on', () => {
    expect(applyRuleSettings([d('step-unreachable')], { 'step-unreachable': 'off' })).toEqual([]);
    expect(applyRuleSettings([d('info-summary-missing')])).toEqual([]);
    expect(applyRuleSettings([d('info-summary-missing')], { 'info-summary-missing': 'warning' }).map((x) => x.severity)).toEqual(['warning']);
  });
});
