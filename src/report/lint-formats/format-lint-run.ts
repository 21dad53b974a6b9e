/** The lint output formats by name; `arazzo lint --format <name>`. */
import type { TextStyle } from '../style-text.js';
import { formatGithub } from './format-github.js';
import { formatJson } from './format-json.js';
import { formatJunit } from './format-junit.js';
import { formatSarif } from './format-sarif.js';
import { formatStylish } from './format-stylish.js';
import type { FormatContext, LintRun } from './lint-run.js';

export const LINT_FORMATS = ['stylish', 'json', 'github', 'sarif', 'junit'] as const;

export type LintFormat = (typeof LINT_FORMATS)[number];

export function formatLintRun(format: LintFormat, run: LintRun, context: FormatContext, style: TextStyle): string {
  switch (format) {
    case 'stylish':
      return formatStylish(run, context, style);
    case 'json':
      return formatJson(run, context);
    case 'github':
      return formatGithub(run, context);
    case 'sarif':
      return formatSarif(run, context);
    case 'junit':
      return formatJunit(run, context);
  }
}
