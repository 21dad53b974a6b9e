/**
 * `arazzo rules` (issue 12 item 14): every code of the catalogue — the ids `--rule` takes — with
 * its default severity, the stage that reports it and its one-line description.
 */
import { CODES, type CodeEntry } from '../diagnostics/codes.js';
import type { TextStyle } from './style-text.js';

export interface RuleRow {
  id: string;
  severity: CodeEntry['severity'];
  stage: CodeEntry['stage'];
  description: string;
  hint?: string;
}

export function listRules(): RuleRow[] {
  return Object.entries(CODES).map(([id, entry]) => ({ id, severity: entry.severity, stage: entry.stage, description: entry.title, ...(entry.hint ? { hint: entry.hint } : {}) }));
}

const SHOWN: Record<CodeEntry['severity'], string> = { error: 'error', warning: 'warn', info: 'info', off: 'off' };

export function formatRulesText(rows: readonly RuleRow[], style: TextStyle): string {
  const width = Math.max(...rows.map((r) => r.id.length));
  const out: string[] = [];
  let stage: string | undefined;
  for (const row of rows) {
    if (row.stage !== stage) {
      if (stage !== undefined) out.push('');
      out.push(style.bold(`${row.stage}`));
      stage = row.stage;
    }
    const severity = SHOWN[row.severity].padEnd(5);
    const colored = row.severity === 'error' ? style.red(severity) : row.severity === 'warning' ? style.yellow(severity) : style.dim(severity);
    out.push(`  ${row.id.padEnd(width)}  ${colored}  ${row.description}`);
  }
  out.push('', `${rows.length} rules. Change one with --rule <id>=off|info|warn|error (lint and run), or in arazzo.config.yaml under rules.`);
  return `${out.join('\n')}\n`;
}
