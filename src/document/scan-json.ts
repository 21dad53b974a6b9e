/**
 * One linear, non-recursive pass over JSON text. It gives the JSON path (parse-json-text.ts) what
 * JSON.parse cannot: duplicate keys (JSON.parse silently keeps the last), nesting depth and value
 * count before anything is built, and the offset of the value (or key) at a JSON pointer when a
 * diagnostic needs a line.
 */

/** Called at the start of every value; `path` is reused, copy it to keep it. Return true to stop. */
type Visit = (path: readonly string[], valueOffset: number, keyOffset: number | undefined) => boolean;

export type JsonScanProblem =
  | { code: 'yaml-duplicate-key'; offset: number; key: string }
  | { code: 'yaml-too-deep'; offset: number }
  | { code: 'yaml-too-many-nodes'; offset: number };

export interface ScanLimits {
  maxDepth: number;
  /** Values (objects, arrays, scalars) in the whole text. */
  maxNodes?: number;
}

interface Frame {
  array: boolean;
  index: number;
  expectKey: boolean;
  keys?: Set<string>;
}

const isDelimiter = (c: number): boolean => c === 0x2c || c === 0x5d || c === 0x7d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Offset just past the closing quote of the string starting at `start` (indexOf: strings are most of the text). */
function endOfString(text: string, start: number): number {
  let quote = text.indexOf('"', start + 1);
  while (quote > 0) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes += 1;
    if (backslashes % 2 === 0) return quote + 1;
    quote = text.indexOf('"', quote + 1);
  }
  return text.length;
}

function decodeKey(raw: string): string {
  return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
}

/** Walks the text; stops at the first problem (returned) or when `visit` returns true. */
export function walkJson(text: string, limits: ScanLimits, visit?: Visit): JsonScanProblem | undefined {
  const { maxDepth, maxNodes = Number.POSITIVE_INFINITY } = limits;
  const frames: Frame[] = [];
  const path: string[] = [];
  let keyOffset: number | undefined;
  let i = 0;
  let nodes = 0;
  const startValue = (): boolean => {
    nodes += 1;
    const stop = visit?.(path, i, keyOffset) ?? false;
    keyOffset = undefined;
    return stop;
  };
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const top = frames[frames.length - 1];
    if (c === 0x7b || c === 0x5b) {
      if (startValue()) return undefined;
      if (frames.length >= maxDepth) return { code: 'yaml-too-deep', offset: i };
      if (nodes > maxNodes) return { code: 'yaml-too-many-nodes', offset: i };
      const array = c === 0x5b;
      frames.push(array ? { array, index: 0, expectKey: false } : { array, index: 0, expectKey: true, keys: new Set() });
      path.push(array ? '0' : '');
      i += 1;
    } else if (c === 0x7d || c === 0x5d) {
      frames.pop();
      path.pop();
      i += 1;
    } else if (c === 0x2c) {
      if (top?.array) path[path.length - 1] = String(++top.index);
      else if (top) top.expectKey = true;
      i += 1;
    } else if (c === 0x22) {
      const end = endOfString(text, i);
      if (top && !top.array && top.expectKey) {
        const key = decodeKey(text.slice(i, end));
        if (top.keys?.has(key)) return { code: 'yaml-duplicate-key', offset: i, key };
        top.keys?.add(key);
        path[path.length - 1] = key;
        top.expectKey = false;
        keyOffset = i;
      } else if (startValue()) {
        return undefined;
      } else if (nodes > maxNodes) {
        return { code: 'yaml-too-many-nodes', offset: i };
      }
      i = end;
    } else if (c === 0x3a || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
      i += 1;
    } else {
      if (startValue()) return undefined;
      if (nodes > maxNodes) return { code: 'yaml-too-many-nodes', offset: i };
      while (i < text.length && !isDelimiter(text.charCodeAt(i))) i += 1;
    }
  }
  return undefined;
}

/**
 * Offset of the value at `tokens` (or of its key, with `wantKey`), else of its nearest ancestor
 * that exists: the same contract as the YAML source map.
 */
export function locateInJson(text: string, tokens: readonly string[], wantKey: boolean, maxDepth: number): number | undefined {
  let found: number | undefined;
  walkJson(text, { maxDepth }, (path, valueOffset, keyOffset) => {
    if (path.length > tokens.length) return false;
    for (let k = 0; k < path.length; k++) if (path[k] !== tokens[k]) return false;
    found = wantKey && path.length === tokens.length && keyOffset !== undefined ? keyOffset : valueOffset;
    return path.length === tokens.length;
  });
  return found;
}
