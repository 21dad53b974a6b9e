/**
 * Severity per code: `--rule code=off|warn|error` (or `prefix-*=…`), else the catalogue default.
 * Codes whose default is `off` are dropped unless a setting turns them on.
 */
import { describeCode } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RuleSettings, RuleSeverity } from './lint-input.js';

export function applyRuleSettings(diagnostics: readonly Diagnostic[], settings: RuleSettings = {}): Diagnostic[] {
  const result: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const setting = settingFor(diagnostic.code, settings);
    if (setting === 'off') continue;
    if (setting === undefined && describeCode(diagnostic.code)?.severity === 'off') continue;
    result.push(setting === undefined || setting === diagnostic.severity ? diagnostic : { ...diagnostic, severity: setting });
  }
  return result;
}

/** The exact code wins over the longest matching `prefix-*`. */
export function settingFor(code: string, settings: RuleSettings): RuleSeverity | undefined {
  if (Object.hasOwn(settings, code)) return settings[code];
  let best: { length: number; value: RuleSeverity } | undefined;
  for (const [key, value] of Object.entries(settings)) {
    if (!key.endsWith('*')) continue;
    const prefix = key.slice(0, -1);
    if (code.startsWith(prefix) && (!best || prefix.length > best.length)) best = { length: prefix.length, value };
  }
  return best?.value;
}
