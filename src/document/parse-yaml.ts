/**
 * YAML/JSON text → plain value plus a source map (JSON pointer → line/column), with the `yaml`
 * package only (one parser: a second one "for speed" once diverged on a block scalar). Positions
 * are offsets turned into lines when a diagnostic asks. Hostile input (alias bombs, deep nesting,
 * duplicate keys, too many values) is refused, in bounded time and memory, by what makes it
 * hostile, not by its size.
 */
import { Composer, Document, LineCounter, Parser, YAMLParseError, isMap, isPair, isScalar, isSeq, visit, type CST, type Node } from 'yaml';
import { makeDiagnostic, type Code, type Diagnostic } from '../diagnostics/diagnostic.js';
import { HINTS, checkCstDepth, checkValueShape, findDuplicateKeys } from './check-yaml-shape.js';
import { NO_SOURCE_MAP, decodePointer, type ParsedText, type Position, type SourceMap } from './source-map.js';
import { parseJsonText } from './parse-json-text.js';

export { decodePointer, type ParsedText, type Position, type SourceMap } from './source-map.js';

/** Alias expansion cap: a YAML "billion laughs" document fails fast instead of exhausting memory. */
const MAX_ALIAS_COUNT = 1000;

export interface ParseOptions {
  /**
   * `kept` (default): the composed document stays, for the many positions lint asks of a workflow.
   * `on-demand`: nothing is kept; the first position asked for parses the text again. For source
   * descriptions, where a position is needed only in the rare diagnostic that points inside one.
   */
  positions?: 'kept' | 'on-demand';
}

/**
 * JSON text (it starts with `{` or `[`) is read by JSON.parse, with positions found in the text
 * when asked (parse-json-text.ts); text JSON.parse refuses, and all YAML, by the `yaml` package.
 */
export function parseYamlText(text: string, file: string, options: ParseOptions = {}): ParsedText {
  if (/^\s*[[{]/.test(text)) {
    const json = parseJsonText(text, file);
    if (json) return json;
  }
  const parsed = parseYaml(text, file);
  if (options.positions !== 'on-demand' || parsed.diagnostics.length > 0) return parsed;
  let exact: SourceMap | undefined;
  const map = (): SourceMap => (exact ??= parseYaml(text, file).sourceMap);
  return { ...parsed, sourceMap: { locate: (pointer) => map().locate(pointer), locateKey: (pointer) => map().locateKey(pointer) } };
}

function parseYaml(text: string, file: string): ParsedText {
  const lineCounter = new LineCounter();
  const at = (code: Code, message: string, offset: number | undefined): Diagnostic => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    const sourceLine = lineText(text, lineCounter.lineStarts[line - 1] ?? 0);
    return makeDiagnostic(code, 'error', message, { file, line, column: col, hint: HINTS[code] ?? HINTS['yaml-syntax']!, ...(sourceLine.trim() ? { sourceLine } : {}) });
  };
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const deep = checkCstDepth(tokens);
  if (deep) return { file, value: undefined, sourceMap: NO_SOURCE_MAP, diagnostics: [at(deep.code, deep.message, deep.offset)] };
  const doc = composeOne(tokens, text.length);
  const sourceMap = createSourceMap(doc, lineCounter);
  const diagnostics = doc.errors.map((error) => at(error.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax', firstLine(error.message), error.pos[0]));
  diagnostics.push(...findDuplicateKeys(doc).map((p) => at(p.code, p.message, p.offset)));
  if (diagnostics.length > 0) return { file, value: undefined, sourceMap, diagnostics };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? firstLine(error.message) : String(error);
    const code = /alias/i.test(message) ? 'yaml-alias-limit' : 'yaml-syntax';
    return { file, value: undefined, sourceMap, diagnostics: [at(code, `The YAML cannot be read: ${message}`, firstAliasOffset(doc))] };
  }
  const shape = checkValueShape(value);
  if (shape) return { file, value: undefined, sourceMap, diagnostics: [at(shape.code, shape.message, firstAliasOffset(doc))] };
  return { file, value, sourceMap, diagnostics };
}

function lineText(text: string, start: number): string {
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end);
}

/** What parseDocument does, from tokens we already have; a second document is an error. */
function composeOne(tokens: readonly CST.Token[], length: number): Document {
  const composer = new Composer({ prettyErrors: false, strict: true, uniqueKeys: false });
  let doc: Document | undefined;
  for (const next of composer.compose(tokens, true, length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  return doc ?? new Document();
}

function firstAliasOffset(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}


function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}


function createSourceMap(doc: Document, lineCounter: LineCounter): SourceMap {
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const walk = (pointer: string, wantKey: boolean): Position | undefined => {
    let node: unknown = doc.contents;
    let found: Position | undefined = rangeStart(node, toPosition);
    for (const token of decodePointer(pointer)) {
      const next = childOf(node, token);
      if (!next) return found;
      node = next.value;
      found = (wantKey ? rangeStart(next.key, toPosition) : undefined) ?? rangeStart(node, toPosition) ?? found;
    }
    return found;
  };
  return { locate: (pointer) => walk(pointer, false), locateKey: (pointer) => walk(pointer, true) };
}

function rangeStart(node: unknown, toPosition: (offset: number) => Position): Position | undefined {
  const range = (node as Node | undefined)?.range;
  return range ? toPosition(range[0]) : undefined;
}

function childOf(node: unknown, token: string): { key?: unknown; value: unknown } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === token) return { key: pair.key, value: pair.value ?? pair.key };
    }
    return undefined;
  }
  if (isSeq(node)) {
    const index = Number(token);
    const item = Number.isInteger(index) ? node.items[index] : undefined;
    return item === undefined ? undefined : { value: item };
  }
  return undefined;
}
