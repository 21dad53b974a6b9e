/** What lint reads: the loaded documents (raw values + source maps + resolved sources) and the plan. */
import type { SourceMap } from '../document/parse-yaml.js';
import type { Plan } from '../plan/plan.js';
import type { SourceInput } from '../plan/resolve-references.js';

export interface LintDocument {
  key: string;
  parsed: { value: unknown; sourceMap?: SourceMap };
  sources: readonly SourceInput[];
}

/** A load-workspace Workspace plus its compiled Plan fits this shape. */
export interface LintInput {
  rootKey: string;
  documents: ReadonlyMap<string, LintDocument>;
  plan?: Plan;
}

export type RuleSeverity = 'off' | 'info' | 'warning' | 'error';

/** Per-code severity overrides (`--rule code=off|warn|error`); `prefix-*` keys cover every code with that prefix. */
export type RuleSettings = Readonly<Record<string, RuleSeverity>>;
