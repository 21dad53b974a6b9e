/**
 * Scans one runtime expression starting at a `$` (Arazzo 1.0.1 §Runtime Expressions, with the
 * 1.1 sub-rules for $steps, $workflows and identifiers). Never throws: errors are values.
 */
import type { ComponentSection, RuntimeExpression } from './ast.js';
import { closestSource, expressionError, expressionWarning, SOURCES_HINT } from './expression-problems.js';
import { isAlpha, isIdentChar, isNameChar, isWordChar, readWhile, type ScanMode } from './scan-chars.js';
import { scanMessageSource, scanReceivedMessage } from './scan-message-source.js';
import {
  fail,
  missingDot,
  ok,
  scanIdent,
  scanName,
  scanNamedValue,
  scanPointer,
  withPointer,
  type NodeScan,
  type PartScan,
  type ScanContext,
  type ScanResult,
} from './scan-parts.js';

export function scanExpression(text: string, start: number, mode: ScanMode): ScanResult {
  if (text[start] !== '$') {
    return fail(expressionError('expression-syntax', 'a runtime expression starts with "$"', start));
  }
  const ctx: ScanContext = { text, start, mode, warnings: [] };
  const wordEnd = readWhile(text, start + 1, isWordChar);
  const scanned = scanSource(ctx, text.slice(start + 1, wordEnd), wordEnd);
  if (!scanned.ok) return scanned;
  const expression: RuntimeExpression = { ...scanned.value, text: text.slice(start, scanned.end) };
  return { ok: true, expression, end: scanned.end, warnings: ctx.warnings };
}

function scanSource(ctx: ScanContext, word: string, pos: number): NodeScan {
  switch (word) {
    case 'url':
    case 'method':
    case 'statusCode':
    case 'self':
      return ok({ kind: word }, pos);
    case 'request':
    case 'response':
      return missingDot(ctx, pos, `$${word}`) ?? scanMessageSource(ctx, word, pos + 1);
    case 'message':
      return missingDot(ctx, pos, '$message') ?? scanReceivedMessage(ctx, pos + 1);
    case 'inputs':
    case 'outputs': {
      const named = missingDot(ctx, pos, `$${word}`) ?? scanNamedValue(ctx, pos + 1, `an ${word.slice(0, -1)} name`);
      return named.ok ? ok({ kind: word, ...named.value }, named.end) : named;
    }
    case 'steps':
      return missingDot(ctx, pos, '$steps') ?? scanSteps(ctx, pos + 1);
    case 'workflows':
      return missingDot(ctx, pos, '$workflows') ?? scanWorkflows(ctx, pos + 1);
    case 'sourceDescriptions':
      return missingDot(ctx, pos, '$sourceDescriptions') ?? scanSourceDescription(ctx, pos + 1);
    case 'components':
      return missingDot(ctx, pos, '$components') ?? scanComponent(ctx, pos + 1);
    default:
      return unknownSource(ctx, word);
  }
}

function unknownSource(ctx: ScanContext, word: string): NodeScan {
  const suggestion = closestSource(word);
  const hint = suggestion === undefined ? SOURCES_HINT : `did you mean $${suggestion}? ${SOURCES_HINT}`;
  const message = word === '' ? 'expected a source name after "$"' : `unknown runtime expression source "$${word}"`;
  return fail(expressionError('expression-unknown-source', message, ctx.start, { hint }));
}

/**
 * `$steps.<stepId>.outputs.<name>[#pointer]`. Arazzo 1.0.x's ABNF is `"$steps." name` with
 * `name = *CHAR`, so three forms the 1.1 rule refuses are read here: a stepId with spaces (where
 * the expression's end is unambiguous), `$steps.<id>.outputs` (the whole map) and the 1.0.0
 * text's `$steps.<id>.<name>` (a warning with the fix; the compiler makes it an error in 1.0.1).
 */
function scanSteps(ctx: ScanContext, pos: number): NodeScan {
  const stepId = scanStepId(ctx, pos);
  if (!stepId.ok) return stepId;
  const { text } = ctx;
  const at = stepId.end + 1;
  if (text[stepId.end] !== '.') return fail(expressionError('expression-steps-missing-outputs', MISSING_OUTPUTS, stepId.end, STEPS_HINT));
  if (text.startsWith('outputs.', at)) {
    const named = scanNamedValue(ctx, at + 8, 'an output name');
    return named.ok ? ok({ kind: 'steps', stepId: stepId.value, ...named.value }, named.end) : named;
  }
  if (text.startsWith('outputs', at) && !isNameChar(text[at + 7])) {
    const pointer = scanPointer(ctx, at + 7);
    return pointer.ok ? ok(withPointer({ kind: 'steps', stepId: stepId.value }, pointer.value), pointer.end) : pointer;
  }
  return missingOutputs(ctx, stepId.value, at);
}

/** Spaces join a stepId only where the expression runs to the end of the string or to `}`. */
function scanStepId(ctx: ScanContext, pos: number): PartScan<string> {
  const ident = scanIdent(ctx, pos, 'a stepId');
  if (!ident.ok || ctx.text[ident.end] !== ' ' || (ctx.mode !== 'whole' && ctx.mode !== 'template')) return ident;
  const end = readWhile(ctx.text, ident.end, (c) => c === ' ' || isIdentChar(c));
  if (ctx.text[end] !== '.' || ctx.text[end - 1] === ' ') return ident;
  return ok(ctx.text.slice(pos, end), end);
}

const MISSING_OUTPUTS = '$steps.<stepId> must be followed by .outputs.<name>';
const STEPS_HINT = { hint: 'e.g. $steps.login.outputs.token' };

/** `at` is just after `$steps.<stepId>.`, where `outputs.` is missing: read as that output, with a warning. */
function missingOutputs(ctx: ScanContext, stepId: string, at: number): NodeScan {
  const named = scanNamedValue(ctx, at, 'an output name');
  if (!named.ok) return fail(expressionError('expression-steps-missing-outputs', MISSING_OUTPUTS, at, STEPS_HINT));
  const fix = `${ctx.text.slice(ctx.start, at)}outputs.${ctx.text.slice(at, named.end)}`;
  ctx.warnings.push(
    expressionWarning('expression-steps-missing-outputs', `${MISSING_OUTPUTS} (the Arazzo 1.0.0 text's own example omits it)`, at, {
      hint: `write ${fix}`,
      fix,
    }),
  );
  return ok({ kind: 'steps', stepId, ...named.value }, named.end);
}

function scanWorkflows(ctx: ScanContext, pos: number): NodeScan {
  const workflowId = scanIdent(ctx, pos, 'a workflowId');
  if (!workflowId.ok) return workflowId;
  const fieldStart = workflowId.end + 1;
  const fieldEnd = readWhile(ctx.text, fieldStart, isAlpha);
  const field = ctx.text.slice(fieldStart, fieldEnd);
  const dot = missingDot(ctx, workflowId.end, '$workflows.<workflowId>');
  if (dot) return dot;
  if (field !== 'inputs' && field !== 'outputs') {
    return fail(expressionError('expression-syntax', 'expected inputs or outputs after $workflows.<workflowId>.', fieldStart));
  }
  const named = missingDot(ctx, fieldEnd, field) ?? scanNamedValue(ctx, fieldEnd + 1, `a workflow ${field.slice(0, -1)} name`);
  if (!named.ok) return named;
  return ok({ kind: 'workflows', workflowId: workflowId.value, field, ...named.value }, named.end);
}

function scanSourceDescription(ctx: ScanContext, pos: number): NodeScan {
  const name = scanIdent(ctx, pos, 'a source description name');
  if (!name.ok) return name;
  const member = missingDot(ctx, name.end, '$sourceDescriptions.<name>') ?? scanName(ctx, name.end + 1, 'url, type, an operationId or a workflowId');
  if (!member.ok) return member;
  return ok({ kind: 'sourceDescriptions', name: name.value, member: member.value }, member.end);
}

const COMPONENT_SECTIONS: readonly string[] = ['parameters', 'successActions', 'failureActions', 'inputs'];
const isComponentSection = (s: string): s is ComponentSection => COMPONENT_SECTIONS.includes(s);

function scanComponent(ctx: ScanContext, pos: number): NodeScan {
  const sectionEnd = readWhile(ctx.text, pos, isAlpha);
  const section = ctx.text.slice(pos, sectionEnd);
  if (!isComponentSection(section)) {
    return fail(
      expressionError('expression-syntax', `unknown components section "${section}"`, pos, {
        hint: `sections: ${COMPONENT_SECTIONS.join(', ')}`,
      }),
    );
  }
  const name = missingDot(ctx, sectionEnd, `$components.${section}`) ?? scanName(ctx, sectionEnd + 1, `a ${section} component name`);
  if (!name.ok) return name;
  return ok({ kind: 'components', section, name: name.value }, name.end);
}
