/**
 * `arazzo lint --fix` (issue 12 item 14): a diagnostic's `fix` is the replacement for the string
 * at its pointer. Each one is written into the CST token of that scalar, so every other byte of
 * the file — comments, quoting, indentation, key order — stays as it was. A replacement that would
 * not read back as the same string (a plain scalar that now looks like a number or holds ": ")
 * is written double-quoted instead. Pure: text in, text out.
 */
import { Composer, CST, isScalar, Parser, type Document } from 'yaml';
import { unescapePointerToken } from '../diagnostics/diagnostic.js';

export interface TextFix {
  pointer: string;
  fix: string;
}

export interface FixedText {
  text: string;
  /** Fixes written; one per pointer (a second fix for the same value waits for the next pass). */
  applied: TextFix[];
}

const pathOf = (pointer: string): string[] => (pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointerToken));

function parseWithTokens(text: string): { tokens: CST.Token[]; doc?: Document.Parsed } {
  const tokens = [...new Parser().parse(text)];
  const docs = [...new Composer({ keepSourceTokens: true }).compose(tokens)];
  return { tokens, ...(docs.length === 1 && docs[0]!.errors.length === 0 ? { doc: docs[0] } : {}) };
}

function readsBack(text: string, pointer: string, expected: string): boolean {
  const docs = [...new Composer().compose(new Parser().parse(text))];
  return docs.length === 1 && docs[0]!.errors.length === 0 && docs[0]!.getIn(pathOf(pointer)) === expected;
}

function applyOne(text: string, fix: TextFix): string | undefined {
  for (const type of [undefined, 'QUOTE_DOUBLE'] as const) {
    const { tokens, doc } = parseWithTokens(text);
    const node = doc?.getIn(pathOf(fix.pointer), true);
    if (!isScalar(node) || typeof node.value !== 'string' || !node.srcToken) return undefined;
    CST.setScalarValue(node.srcToken, fix.fix, type ? { type } : {});
    const next = tokens.map((token) => CST.stringify(token)).join('');
    if (readsBack(next, fix.pointer, fix.fix)) return next;
  }
  return undefined;
}

export function applyFixes(text: string, fixes: readonly TextFix[]): FixedText {
  const applied: TextFix[] = [];
  const done = new Set<string>();
  let current = text;
  for (const fix of fixes) {
    if (done.has(fix.pointer)) continue;
    const next = applyOne(current, fix);
    if (next === undefined) continue;
    current = next;
    done.add(fix.pointer);
    applied.push(fix);
  }
  return { text: current, applied };
}
