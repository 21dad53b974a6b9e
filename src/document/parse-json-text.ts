/**
 * The JSON path of parse-yaml.ts: JSON is YAML, but reading it with JSON.parse does less work
 * (native, no syntax tree) and scales to 13–45 MB descriptions. Before JSON.parse builds
 * anything, one scan of the text (scan-json.ts) refuses what makes a document hostile: nesting
 * past the limit, too many values, and duplicate keys (JSON.parse would keep the last silently).
 * Positions are found in the text only when a diagnostic asks for one.
 */
import { LineCounter } from 'yaml';
import { makeDiagnostic } from '../diagnostics/diagnostic.js';
import { HINTS, MAX_NESTING_DEPTH, MAX_NODES } from './check-yaml-shape.js';
import { locateInJson, walkJson } from './scan-json.js';
import { decodePointer, type ParsedText, type Position, type SourceMap } from './source-map.js';

const MESSAGES = {
  'yaml-duplicate-key': (key: string) => `Map keys must be unique; "${key}" is repeated`,
  'yaml-too-deep': () => `the document nests deeper than ${MAX_NESTING_DEPTH} levels`,
  'yaml-too-many-nodes': () => `the document holds more than ${MAX_NODES} values`,
};

/** The value and a lazy source map; undefined when JSON.parse refuses the text (YAML reports it). */
export function parseJsonText(text: string, file: string): ParsedText | undefined {
  const position = lazyLines(text);
  const problem = walkJson(text, { maxDepth: MAX_NESTING_DEPTH, maxNodes: MAX_NODES });
  // Too deep or too big is refused before anything is built. A duplicate key is reported only for
  // text JSON.parse accepts: in YAML flow style (`{a: "x", "a": 1}`) the scan can misread a key.
  let value: unknown;
  if (problem?.code !== 'yaml-too-deep' && problem?.code !== 'yaml-too-many-nodes') {
    try {
      value = JSON.parse(text);
    } catch {
      return undefined;
    }
  }
  const find = (pointer: string, wantKey: boolean): Position | undefined => {
    const offset = locateInJson(text, decodePointer(pointer), wantKey, MAX_NESTING_DEPTH);
    return offset === undefined ? undefined : position(offset);
  };
  const sourceMap: SourceMap = { locate: (pointer) => find(pointer, false), locateKey: (pointer) => find(pointer, true) };
  if (!problem) return { file, value, sourceMap, diagnostics: [] };
  const message = MESSAGES[problem.code]('key' in problem ? problem.key : '');
  const { line, column } = position(problem.offset);
  return { file, value: undefined, sourceMap, diagnostics: [makeDiagnostic(problem.code, 'error', message, { file, line, column, hint: HINTS[problem.code]! })] };
}

function lazyLines(text: string): (offset: number) => Position {
  let lines: LineCounter | undefined;
  return (offset) => {
    if (!lines) {
      lines = new LineCounter();
      lines.addNewLine(0);
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
    }
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
}
