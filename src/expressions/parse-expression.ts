/** Public entry points of the runtime-expression parser (Arazzo 1.0.1 §Runtime Expressions). */
import type { Problem } from '../diagnostics/diagnostic.js';
import type { RuntimeExpression } from './ast.js';
import { expressionError } from './expression-problems.js';
import { scanExpression } from './scan-expression.js';
import type { ScanResult } from './scan-parts.js';

export type ParseResult = { ok: true; expression: RuntimeExpression; warnings: Problem[] } | { ok: false; problem: Problem };

/**
 * Result of parseExpressionAt. Offsets are inside the whole `text`; a warning's `fix` replaces
 * `text.slice(start, end)`. On failure `end`, when set, is where the bad expression ends.
 */
export type ParseAtResult = ScanResult;

export type EmbeddingMode = 'condition' | 'template' | 'bare';

/** The whole string must be exactly one runtime expression. */
export function parseExpression(text: string): ParseResult {
  const scanned = scanExpression(text, 0, 'whole');
  if (!scanned.ok) return { ok: false, problem: scanned.problem };
  if (scanned.end < text.length) {
    return {
      ok: false,
      problem: expressionError('expression-syntax', `unexpected "${text[scanned.end]}" after the expression`, scanned.end, {
        hint: 'to mix an expression with text, embed it: "text {$inputs.name} text"',
      }),
    };
  }
  return { ok: true, expression: scanned.expression, warnings: scanned.warnings };
}

/** The longest expression starting at `text[start] === '$'`, for the condition and template parsers. */
export function parseExpressionAt(text: string, start: number, mode: EmbeddingMode): ParseAtResult {
  return scanExpression(text, start, mode);
}
