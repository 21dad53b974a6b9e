/** `--rule code=off|info|warn|error` (lint and run), repeatable; `prefix-*=…` covers every code with that prefix. */
import { CODES, describeCode } from '../diagnostics/codes.js';
import type { RuleSettings, RuleSeverity } from '../lint/lint-input.js';
import { suggest } from '../plan/resolve-references.js';
import { UsageError } from './parse-cli-values.js';

const LEVELS: Readonly<Record<string, RuleSeverity>> = { off: 'off', info: 'info', warn: 'warning', warning: 'warning', error: 'error' };

/** Later values win, so config-file rules put before the flags are overridden by them. */
export function parseRuleSettings(values: readonly string[]): RuleSettings {
  const settings: Record<string, RuleSeverity> = {};
  for (const value of values) {
    const index = value.indexOf('=');
    const code = value.slice(0, index).trim();
    const level = LEVELS[value.slice(index + 1).trim().toLowerCase()];
    if (index <= 0 || level === undefined) {
      throw new UsageError(`--rule "${value}" is not <rule>=off|info|warn|error`, 'Example: --rule step-description-missing=off');
    }
    const known = code.endsWith('*') ? Object.keys(CODES).some((c) => c.startsWith(code.slice(0, -1))) : describeCode(code) !== undefined;
    if (!known) throw new UsageError(`--rule "${code}" names no rule`, suggest(code, Object.keys(CODES)) ?? 'Run "arazzo rules" for the rule ids.');
    settings[code] = level;
  }
  return settings;
}
