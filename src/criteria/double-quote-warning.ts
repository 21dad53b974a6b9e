/**
 * Spec "Literals": strings MUST use single quotes. Double quotes are a common slip (the
 * seeds use them and some runners accept them), so we accept them and warn once per
 * condition, with the whole condition rewritten as the fix.
 */
import type { Problem } from '../diagnostics/diagnostic.js';
import type { Token } from './tokenize-condition.js';

export const quoteSingle = (value: string): string => `'${value.split("'").join("''")}'`;

export function doubleQuoteWarning(text: string, tokens: readonly Token[]): Problem | undefined {
  const quoted = tokens.filter((t) => t.kind === 'string' && t.doubleQuoted);
  const first = quoted[0];
  if (first === undefined) return undefined;
  let fix = '';
  let from = 0;
  for (const token of quoted) {
    if (token.kind !== 'string') continue;
    fix += text.slice(from, token.start) + quoteSingle(token.value);
    from = token.end;
  }
  fix += text.slice(from);
  return {
    code: 'condition-double-quoted-string',
    severity: 'warning',
    message: `${quoted.length} double-quoted string(s); Arazzo string literals use single quotes`,
    offset: first.start,
    hint: "write 'text' and double an inner quote: 'O''Brien'",
    fix,
  };
}
