/**
 * Redocly and Jentic read into values with dots (`$steps.s.outputs.user.id`, `$inputs.env.TOKEN`);
 * Arazzo names may contain dots, so that reads an output named "user.id". When a dot-prefix of the
 * name is declared, the intent is clear: the same path as a JSON pointer (`…outputs.user#/id`).
 */
import { formatPointer } from '../expressions/json-pointer.js';
import type { FoundExpression } from './collect-expressions.js';

export interface DotPath {
  /** The declared name the path starts with. */
  name: string;
  /** The expression rewritten with a JSON pointer. */
  expression: string;
  /** The whole string rewritten, when it is known. */
  fix?: string;
}

/** `head` is the expression text before the name (e.g. `$steps.s.outputs.`). */
export function dotPathFix(found: FoundExpression, head: string, name: string, pointer: readonly string[], isDeclared: (name: string) => boolean): DotPath | undefined {
  const parts = name.split('.');
  for (let k = parts.length - 1; k >= 1; k--) {
    const prefix = parts.slice(0, k).join('.');
    if (!isDeclared(prefix)) continue;
    const expression = `${head}${prefix}#${formatPointer([...parts.slice(k), ...pointer])}`;
    const { source, offset } = found;
    const text = found.expression.text;
    const fix = source !== undefined && source.slice(offset, offset + text.length) === text
      ? source.slice(0, offset) + expression + source.slice(offset + text.length)
      : undefined;
    return { name: prefix, expression, ...(fix !== undefined ? { fix } : {}) };
  }
  return undefined;
}
