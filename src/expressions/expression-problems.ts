/** Problem codes and constructors shared by the expression parser and the value compiler. */
import type { Problem } from '../diagnostics/diagnostic.js';

export type ExpressionCode =
  | 'expression-syntax'
  | 'expression-unknown-source'
  | 'expression-empty-name'
  | 'expression-invalid-pointer'
  | 'expression-steps-missing-outputs'
  | 'expression-dot-body'
  | 'expression-bare-in-string';

export const EXPRESSION_SOURCES = [
  'url',
  'method',
  'statusCode',
  'request',
  'response',
  'message',
  'self',
  'inputs',
  'outputs',
  'steps',
  'workflows',
  'sourceDescriptions',
  'components',
] as const;

const SOURCES_WITH_MEMBERS = new Set<string>(['request', 'response', 'message', 'inputs', 'outputs', 'steps', 'workflows', 'sourceDescriptions', 'components']);

export const SOURCES_HINT =
  'valid sources: ' + EXPRESSION_SOURCES.map((s) => (SOURCES_WITH_MEMBERS.has(s) ? `$${s}.` : `$${s}`)).join(', ');

export function expressionError(
  code: ExpressionCode,
  message: string,
  offset: number,
  extra: Pick<Problem, 'hint' | 'fix'> = {},
): Problem {
  return { code, message, offset, severity: 'error', ...extra };
}

export function expressionWarning(
  code: ExpressionCode,
  message: string,
  offset: number,
  extra: Pick<Problem, 'hint' | 'fix'> = {},
): Problem {
  return { code, message, offset, severity: 'warning', ...extra };
}

/** The known source a mistyped word most likely meant (`respons` → `response`), if any. */
export function closestSource(word: string): string | undefined {
  const limit = word.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const source of EXPRESSION_SOURCES) {
    // A case-only difference counts as one edit, so `$statuscode` still suggests `$statusCode`.
    const distance = Math.max(1, editDistance(word.toLowerCase(), source.toLowerCase()));
    if (distance < bestDistance) {
      best = source;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
