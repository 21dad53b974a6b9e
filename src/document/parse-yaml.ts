/**
 * YAML/JSON text → plain value plus a source map (JSON pointer → line/column).
 * Positions are kept so every later diagnostic can name file:line. Hostile input (alias bombs,
 * deep nesting, duplicate keys, huge JSON) is refused or handled in bounded time and memory.
 */
import { Composer, Document, LineCounter, Parser, YAMLParseError, isMap, isPair, isScalar, isSeq, visit, type CST, type Node } from 'yaml';
import { makeDiagnostic, unescapePointerToken, type Code, type Diagnostic } from '../diagnostics/diagnostic.js';
import { MAX_NESTING_DEPTH, checkCstDepth, checkValueShape, findDuplicateKeys } from './check-yaml-shape.js';
import { locateInJson, walkJson } from './scan-json.js';

export interface Position {
  line: number;
  column: number;
}

export interface SourceMap {
  /** Position of the value at `pointer`, or of its nearest ancestor that exists. */
  locate(pointer: string): Position | undefined;
  /** Position of the key of the member at `pointer` (for "unknown field" style problems). */
  locateKey(pointer: string): Position | undefined;
}

export interface ParsedText {
  file: string;
  value: unknown;
  sourceMap: SourceMap;
  diagnostics: Diagnostic[];
}

/** Alias expansion cap: a YAML "billion laughs" document fails fast instead of exhausting memory. */
const MAX_ALIAS_COUNT = 1000;
/** Above this size, JSON text is read with JSON.parse (fast, small) instead of the YAML composer. */
const JSON_FAST_PATH_BYTES = 256 * 1024;

const HINTS: Record<string, string> = {
  'yaml-syntax': 'Fix the YAML syntax at this line.',
  'yaml-duplicate-key': 'Remove or rename the repeated key.',
  'yaml-too-deep': `Flatten the document: nesting is limited to ${MAX_NESTING_DEPTH} levels.`,
  'yaml-alias-limit': 'Expand the anchors (&name) and aliases (*name) by hand, or use fewer of them: excessive alias expansion is refused.',
  'yaml-recursive-alias': 'Remove the alias (*name) that points back into its own anchor.',
};

export function parseYamlText(text: string, file: string): ParsedText {
  if (text.length >= JSON_FAST_PATH_BYTES && /^\s*[[{]/.test(text)) {
    const json = parseLargeJson(text, file);
    if (json) return json;
  }
  const lineCounter = new LineCounter();
  const at = (code: Code, message: string, offset: number | undefined): Diagnostic => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return makeDiagnostic(code, 'error', message, { file, line, column: col, hint: HINTS[code] ?? HINTS['yaml-syntax']! });
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

/** Large JSON: JSON.parse plus one linear scan; positions are found in the text only when asked for. */
function parseLargeJson(text: string, file: string): ParsedText | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined; // the YAML path reports the syntax error with its line
  }
  let lines: LineCounter | undefined;
  const position = (offset: number): Position => {
    if (!lines) {
      lines = new LineCounter();
      lines.addNewLine(0);
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
    }
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const find = (pointer: string, wantKey: boolean): Position | undefined => {
    const offset = locateInJson(text, decodePointer(pointer), wantKey, MAX_NESTING_DEPTH);
    return offset === undefined ? undefined : position(offset);
  };
  const sourceMap: SourceMap = { locate: (pointer) => find(pointer, false), locateKey: (pointer) => find(pointer, true) };
  const problem = walkJson(text, MAX_NESTING_DEPTH);
  if (!problem) return { file, value, sourceMap, diagnostics: [] };
  const message = problem.code === 'yaml-duplicate-key' ? `Map keys must be unique; "${problem.key}" is repeated` : `the document nests deeper than ${MAX_NESTING_DEPTH} levels`;
  const { line, column } = position(problem.offset);
  return { file, value: undefined, sourceMap, diagnostics: [makeDiagnostic(problem.code, 'error', message, { file, line, column, hint: HINTS[problem.code]! })] };
}

const NO_SOURCE_MAP: SourceMap = { locate: () => undefined, locateKey: () => undefined };

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

export function decodePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  return body
    .split('/')
    .slice(1)
    .map(unescapePointerToken);
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
