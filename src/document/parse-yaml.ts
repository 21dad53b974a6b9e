/**
 * YAML/JSON text → plain value plus a source map (JSON pointer → line/column).
 * Positions are kept so every later diagnostic can name file:line.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

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

export function parseYamlText(text: string, file: string): ParsedText {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const sourceMap = createSourceMap(doc, lineCounter);
  const diagnostics: Diagnostic[] = [];
  for (const error of doc.errors) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const code = error.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax';
    diagnostics.push(
      makeDiagnostic(code, 'error', firstLine(error.message), {
        file,
        line,
        column: col,
        hint: code === 'yaml-duplicate-key' ? 'Remove or rename the repeated key.' : 'Fix the YAML syntax at this line.',
      }),
    );
  }
  if (diagnostics.length > 0) return { file, value: undefined, sourceMap, diagnostics };
  try {
    const value: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { file, value, sourceMap, diagnostics };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    diagnostics.push(
      makeDiagnostic('yaml-syntax', 'error', `The YAML cannot be read: ${firstLine(message)}`, {
        file,
        line: 1,
        column: 1,
        hint: 'Check the anchors and aliases (*name) in this file; excessive alias expansion is refused.',
      }),
    );
    return { file, value: undefined, sourceMap, diagnostics };
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

export function decodePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  return body
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
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
