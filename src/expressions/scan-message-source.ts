/** `$request.` / `$response.` sources: header.<token>, query.<name>, path.<name>, body[#pointer]. */
import type { MessageSource } from './ast.js';
import { expressionError, expressionWarning } from './expression-problems.js';
import { formatPointer } from './json-pointer.js';
import { headerEnd, isAlpha, isDigit, isIdentChar, readWhile } from './scan-chars.js';
import {
  fail,
  missingDot,
  ok,
  scanName,
  scanPointer,
  withPointer,
  type NodeScan,
  type PartScan,
  type ScanContext,
} from './scan-parts.js';

export function scanMessageSource(ctx: ScanContext, kind: 'request' | 'response', pos: number): NodeScan {
  const partEnd = readWhile(ctx.text, pos, isAlpha);
  const source = scanPart(ctx, kind, ctx.text.slice(pos, partEnd), pos, partEnd);
  if (!source.ok) return source;
  return ok({ kind, source: source.value }, source.end);
}

/** `$message.header.<token>` or `$message.payload[#/pointer]` (Arazzo 1.1.0 §Runtime Expressions). */
export function scanReceivedMessage(ctx: ScanContext, pos: number): NodeScan {
  const partEnd = readWhile(ctx.text, pos, isAlpha);
  const part = ctx.text.slice(pos, partEnd);
  if (part === 'header') {
    const name = missingDot(ctx, partEnd, 'header') ?? scanName(ctx, partEnd + 1, 'a header name', headerEnd);
    return name.ok ? ok({ kind: 'message', source: { kind: 'header', name: name.value } }, name.end) : name;
  }
  if (part === 'payload') {
    const pointer = scanPointer(ctx, partEnd);
    if (!pointer.ok) return pointer;
    return ok({ kind: 'message', source: withPointer({ kind: 'payload' as const }, pointer.value) }, pointer.end);
  }
  return fail(
    expressionError('expression-syntax', 'expected header. or payload after $message.', pos, {
      hint: 'e.g. $message.header.correlationId, $message.payload#/orderId',
    }),
  );
}

function scanPart(ctx: ScanContext, kind: string, part: string, pos: number, partEnd: number): PartScan<MessageSource> {
  switch (part) {
    case 'header': {
      const name = missingDot(ctx, partEnd, 'header') ?? scanName(ctx, partEnd + 1, 'a header name', headerEnd);
      return name.ok ? ok({ kind: 'header', name: name.value }, name.end) : name;
    }
    case 'query':
    case 'path': {
      const name = missingDot(ctx, partEnd, part) ?? scanName(ctx, partEnd + 1, `a ${part} parameter name`);
      return name.ok ? ok({ kind: part, name: name.value }, name.end) : name;
    }
    case 'body':
      return scanBody(ctx, kind, partEnd);
    default:
      return fail(
        expressionError('expression-syntax', `expected header., query., path. or body after $${kind}.`, pos, {
          hint: `e.g. $${kind}.header.content-type, $${kind}.body#/id`,
        }),
      );
  }
}

function scanBody(ctx: ScanContext, kind: string, pos: number): PartScan<MessageSource> {
  // In conditions `.`/`[]` after the body are the condition's own navigation operators.
  if (ctx.text[pos] === '.' && ctx.mode !== 'condition' && isIdentChar(ctx.text[pos + 1])) {
    return scanDotBody(ctx, kind, pos);
  }
  const pointer = scanPointer(ctx, pos);
  if (!pointer.ok) return pointer;
  return ok(withPointer({ kind: 'body' as const }, pointer.value), pointer.end);
}

/** Lenient `$response.body.a.b[0]`: read as `#/a/b/0`, with a warning offering the rewrite. */
function scanDotBody(ctx: ScanContext, kind: string, pos: number): PartScan<MessageSource> {
  const { text } = ctx;
  const tokens: string[] = [];
  let i = pos;
  for (;;) {
    if (text[i] === '.' && isIdentChar(text[i + 1])) {
      const end = readWhile(text, i + 1, isIdentChar);
      tokens.push(text.slice(i + 1, end));
      i = end;
      continue;
    }
    const digitsEnd = text[i] === '[' ? readWhile(text, i + 1, isDigit) : i;
    if (digitsEnd === i || digitsEnd === i + 1 || text[digitsEnd] !== ']') break;
    tokens.push(text.slice(i + 1, digitsEnd));
    i = digitsEnd + 1;
  }
  const fix = `$${kind}.body#${formatPointer(tokens)}`;
  ctx.warnings.push(
    expressionWarning('expression-dot-body', `"." after $${kind}.body is not runtime-expression syntax; read as ${fix}`, pos, {
      hint: `write ${fix}`,
      fix,
    }),
  );
  return ok({ kind: 'body', pointer: tokens }, i);
}
