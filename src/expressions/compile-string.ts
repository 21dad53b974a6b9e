/**
 * One string value → literal, whole expression, or template (spec §Runtime Expressions, last
 * paragraph; checklist §16). Offsets and fixes in problems refer to the whole string.
 */
import type { Problem } from '../diagnostics/diagnostic.js';
import type { RuntimeExpression, ValueTemplate } from './ast.js';
import { closestSource, EXPRESSION_SOURCES, expressionError, expressionWarning, SOURCES_HINT } from './expression-problems.js';
import { parseExpression } from './parse-expression.js';
import { isAlpha, isWordChar } from './scan-chars.js';
import { scanExpression } from './scan-expression.js';
import type { ScanResult } from './scan-parts.js';

export interface StringCompilation {
  template: ValueTemplate;
  problems: Problem[];
}

const literal = (text: string): ValueTemplate => ({ kind: 'literal', value: text });

export function compileString(text: string, bareExpressions: boolean): StringCompilation {
  if (!text.startsWith('$')) return compileTemplate(text, bareExpressions);
  const whole = scanExpression(text, 0, 'whole');
  if (whole.ok && whole.end === text.length) {
    return { template: { kind: 'expression', expression: whole.expression }, problems: whole.warnings };
  }
  // A known source that fails to parse is a mistake; anything else (`$.items[*]`) is just text.
  if (!whole.ok && startsWithKnownSource(text)) {
    return { template: literal(text), problems: [withStringFix(text, 0, whole)] };
  }
  const compiled = compileTemplate(text, bareExpressions);
  if (!whole.ok && whole.problem.code === 'expression-unknown-source') compiled.problems.unshift(...nearMissSource(text));
  return compiled;
}

const startsWithKnownSource = (text: string): boolean =>
  EXPRESSION_SOURCES.some((source) => text.startsWith(`$${source}.`));

/**
 * `$respons.body` (a near miss: warn with the fix) or `$faker.name` / `$dependencies.x` (a `$word.`
 * that is no source) is sent as text, which is rarely what the author meant: warn.
 */
function nearMissSource(text: string): Problem[] {
  let wordEnd = 1;
  while (isWordChar(text[wordEnd])) wordEnd++;
  if (text[wordEnd] !== undefined && text[wordEnd] !== '.') return [];
  const word = text.slice(1, wordEnd);
  const suggestion = closestSource(word);
  if (suggestion === undefined) {
    if (text[wordEnd] !== '.' || !isAlpha(word[0])) return [];
    return [expressionWarning('expression-unknown-source', `"$${word}" is not a runtime expression source; the value is sent as this text`, 0, { hint: SOURCES_HINT })];
  }
  const fix = `$${suggestion}${text.slice(wordEnd)}`;
  const extra = parseExpression(fix).ok ? { hint: `did you mean ${fix}?`, fix } : { hint: `did you mean $${suggestion}?` };
  return [expressionWarning('expression-unknown-source', 'looks like a runtime expression with an unknown source; sent as text', 0, extra)];
}

type Part = string | RuntimeExpression;

interface TemplateState {
  readonly text: string;
  readonly parts: Part[];
  readonly problems: Problem[];
  readonly bareSpans: Array<readonly [number, number]>;
  literal: string;
}

function compileTemplate(text: string, bareExpressions: boolean): StringCompilation {
  const state: TemplateState = { text, parts: [], problems: [], bareSpans: [], literal: '' };
  let i = 0;
  while (i < text.length) {
    if (text[i] === '{' && text[i + 1] === '$') {
      const next = embedBraced(state, i);
      if (next === undefined) return { template: literal(text), problems: state.problems };
      i = next;
    } else if (bareExpressions && text[i] === '$' && atWordStart(text, i)) {
      i = embedBare(state, i);
    } else {
      state.literal += text[i];
      i++;
    }
  }
  flushLiteral(state);
  if (state.parts.every((part) => typeof part === 'string')) return { template: literal(text), problems: state.problems };
  if (state.bareSpans.length > 0) state.problems.push(bareWarning(text, state.bareSpans));
  return { template: { kind: 'template', parts: state.parts }, problems: state.problems };
}

/** `{$…}` at `open`: returns the index after `}`, or undefined after recording an error. */
function embedBraced(state: TemplateState, open: number): number | undefined {
  const { text } = state;
  const scanned = scanExpression(text, open + 1, 'template');
  if (!scanned.ok) {
    state.problems.push(withStringFix(text, open + 1, scanned));
    return undefined;
  }
  if (text[scanned.end] !== '}') {
    state.problems.push(
      scanned.end >= text.length
        ? expressionError('expression-syntax', 'missing "}" to close the embedded expression', open)
        : expressionError('expression-syntax', `expected "}" but found "${text[scanned.end]}"`, scanned.end),
    );
    return undefined;
  }
  pushExpression(state, open + 1, scanned);
  return scanned.end + 1;
}

/** Bare `$inputs.x` inside text (project decision, checklist §16.3); unparseable → literal `$`. */
function embedBare(state: TemplateState, at: number): number {
  const scanned = scanExpression(state.text, at, 'bare');
  if (scanned.ok) {
    pushExpression(state, at, scanned);
    state.bareSpans.push([at, scanned.end]);
    return scanned.end;
  }
  if (scanned.problem.code === 'expression-steps-missing-outputs' && scanned.problem.fix !== undefined) {
    state.problems.push({ ...withStringFix(state.text, at, scanned), severity: 'warning' });
  }
  state.literal += '$';
  return at + 1;
}

function pushExpression(state: TemplateState, start: number, scanned: Extract<ScanResult, { ok: true }>): void {
  flushLiteral(state);
  state.parts.push(scanned.expression);
  for (const warning of scanned.warnings) state.problems.push(withStringFix(state.text, start, { ...scanned, problem: warning }));
}

function flushLiteral(state: TemplateState): void {
  if (state.literal === '') return;
  state.parts.push(state.literal);
  state.literal = '';
}

/** `US$5` and `a$b` are not expressions: a bare `$` must start a word. */
const atWordStart = (text: string, i: number): boolean => i === 0 || !(isWordChar(text[i - 1]) || text[i - 1] === '$');

/** Turns a fix for the expression at `start` into a fix for the whole string. */
function withStringFix(text: string, start: number, result: { problem: Problem; end?: number }): Problem {
  const { problem, end } = result;
  if (problem.fix === undefined) return problem;
  if (end === undefined) {
    const withoutFix = { ...problem };
    delete withoutFix.fix;
    return withoutFix;
  }
  return { ...problem, fix: text.slice(0, start) + problem.fix + text.slice(end) };
}

function bareWarning(text: string, spans: ReadonlyArray<readonly [number, number]>): Problem {
  let fix = '';
  let from = 0;
  for (const [start, end] of spans) {
    fix += `${text.slice(from, start)}{${text.slice(start, end)}}`;
    from = end;
  }
  fix += text.slice(from);
  return expressionWarning('expression-bare-in-string', 'runtime expression inside text without {}', spans[0]?.[0] ?? 0, {
    hint: `write ${fix}`,
    fix,
  });
}
