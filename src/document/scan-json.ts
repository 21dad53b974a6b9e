/**
 * One linear, non-recursive pass over JSON text that JSON.parse has already accepted. It gives the
 * large-JSON fast path what JSON.parse cannot: duplicate keys (JSON.parse silently keeps the last),
 * nesting depth, and the offset of the value (or key) at a JSON pointer, for diagnostics.
 */

/** Called at the start of every value; `path` is reused, copy it to keep it. Return true to stop. */
type Visit = (path: readonly string[], valueOffset: number, keyOffset: number | undefined) => boolean;

export type JsonScanProblem =
  | { code: 'yaml-duplicate-key'; offset: number; key: string }
  | { code: 'yaml-too-deep'; offset: number };

interface Frame {
  array: boolean;
  index: number;
  expectKey: boolean;
  keys?: Set<string>;
}

const isDelimiter = (c: number): boolean => c === 0x2c || c === 0x5d || c === 0x7d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Offset just past the closing quote of the string starting at `start`. */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i += 2;
    else if (c === 0x22) return i + 1;
    else i += 1;
  }
  return text.length;
}

function decodeKey(raw: string): string {
  return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
}

/** Walks the text; stops at the first problem (returned) or when `visit` returns true. */
export function walkJson(text: string, maxDepth: number, visit?: Visit): JsonScanProblem | undefined {
  const frames: Frame[] = [];
  const path: string[] = [];
  let keyOffset: number | undefined;
  let i = 0;
  const startValue = (): boolean => {
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
      }
      i = end;
    } else if (c === 0x3a || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
      i += 1;
    } else {
      if (startValue()) return undefined;
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
  walkJson(text, maxDepth, (path, valueOffset, keyOffset) => {
    if (path.length > tokens.length) return false;
    for (let k = 0; k < path.length; k++) if (path[k] !== tokens[k]) return false;
    found = wantKey && path.length === tokens.length && keyOffset !== undefined ? keyOffset : valueOffset;
    return path.length === tokens.length;
  });
  return found;
}
