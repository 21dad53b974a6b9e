/** Where a value sits in its text: JSON pointer → line/column, computed when a diagnostic asks. */
import { unescapePointerToken, type Diagnostic } from '../diagnostics/diagnostic.js';

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

export const NO_SOURCE_MAP: SourceMap = { locate: () => undefined, locateKey: () => undefined };

export function decodePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  return body
    .split('/')
    .slice(1)
    .map(unescapePointerToken);
}
