/**
 * An OpenAPI source's text → its value, for run and lint of the Arazzo document that names it.
 *
 * A source needs no positions up front: nothing in it is reported at a line unless the document
 * cannot be read at all. So it is read with js-yaml, several times faster than the composer
 * parse-yaml.ts uses (the 14 KB seed OpenAPI took ~45 ms of lint's start-up; see bench/). The
 * fast path only answers when it is sure to give the value parseYamlText gives; otherwise
 * parseYamlText reads the text and every diagnostic is worded and placed exactly as before:
 *
 * - any js-yaml error (syntax, duplicate keys, unknown tags, several documents, nesting past
 *   FAST_PATH_DEPTH, which also keeps js-yaml's recursion shallow);
 * - anchors (so no aliases: an alias bomb meets parseYamlText's alias cap), complex keys
 *   (`? …`, `[a]: …`) and null keys, which the two libraries turn into different strings;
 * - block scalars with an explicit indentation indicator (`|1-`, `>2`), whose content the two
 *   libraries indent differently;
 * - large JSON, which parseYamlText reads with JSON.parse.
 * Scalars resolve by the YAML 1.2 core schema exactly as the `yaml` package resolves them.
 * Positions, if ever asked for, come from parseYamlText on first use.
 */
import { FAILSAFE_SCHEMA, Type, load, type LoadOptions } from 'js-yaml';
import { parseYamlText, type ParsedText, type SourceMap } from '../document/parse-yaml.js';

/** Below parse-yaml's MAX_NESTING_DEPTH with a margin: near the limit the exact path decides. */
const FAST_PATH_DEPTH = 150;
/** parseYamlText's JSON.parse threshold: large JSON goes there. */
const LARGE_JSON_BYTES = 256 * 1024;

// An anchor (`&name`) can only start a node: after whitespace, a flow indicator or line start.
const ANCHOR = /(?:^|[\s[{,:?-])&[^\s[\]{},]/m;
// `? key`: an explicit key, which may be a collection.
const EXPLICIT_KEY = /(?:^|[\s[{,])\?(?:\s|$)/m;
// A flow collection where a node starts: line start (after `- `), or inside a flow collection.
const FLOW_START = /(?:^[ \t]*(?:-[ \t]+)*|[[{,][ \t]*)[[{]/;
const CLOSE_THEN_COLON = /[\]}][ \t]*:/;
// A block scalar header with an indentation indicator: `|1`, `>2-`, `|+3`.
const INDENTED_BLOCK_SCALAR = /(?:^|[\s:-])[|>](?:[1-9][-+]?|[-+][1-9])[ \t]*(?:#.*)?$/m;

/** A collection used as a key (`[a, b]: c`, `? {x: 1}`). Implicit keys fit on one line. Linear time. */
function hasComplexKey(text: string): boolean {
  if (EXPLICIT_KEY.test(text)) return true;
  return text.split('\n').some((line) => CLOSE_THEN_COLON.test(line) && FLOW_START.test(line));
}

const scalar = (tag: string, test: RegExp, construct: (text: string) => unknown): Type =>
  new Type(tag, { kind: 'scalar', resolve: (text: string | null) => text !== null && test.test(text), construct });

/** The `yaml` package's core schema (null, bool, int, float), regex for regex. */
const CORE_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type('tag:yaml.org,2002:null', { kind: 'scalar', resolve: (text: string | null) => text === null || /^(?:~|[Nn]ull|NULL)?$/.test(text), construct: () => null }),
    scalar('tag:yaml.org,2002:bool', /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (text) => text[0] === 't' || text[0] === 'T'),
    scalar('tag:yaml.org,2002:int', /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/, (text) =>
      text.startsWith('0o') ? parseInt(text.slice(2), 8) : text.startsWith('0x') ? parseInt(text.slice(2), 16) : parseInt(text, 10)),
    // yaml's floatNaN, floatExp and float: without an exponent, a float needs its dot.
    scalar('tag:yaml.org,2002:float', /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/, (text) => {
      if (/nan$/i.test(text)) return Number.NaN;
      if (/inf$/i.test(text)) return text.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
      return parseFloat(text);
    }),
  ],
});

// maxDepth is in js-yaml 4.2+, not yet in @types/js-yaml.
const LOAD_OPTIONS = { schema: CORE_SCHEMA, json: false, maxDepth: FAST_PATH_DEPTH } as LoadOptions;

export function parseSourceText(text: string, file: string): ParsedText {
  const fast = readPlainYaml(text);
  if (!fast.taken) return parseYamlText(text, file);
  return { file, value: fast.value, sourceMap: lazySourceMap(text, file), diagnostics: [] };
}

/** The fast path alone: the value, or `taken: false` when parseYamlText must decide. */
export function readPlainYaml(text: string): { taken: true; value: unknown } | { taken: false } {
  if (text.length >= LARGE_JSON_BYTES || ANCHOR.test(text) || INDENTED_BLOCK_SCALAR.test(text) || hasComplexKey(text)) return { taken: false };
  let value: unknown;
  try {
    value = load(text, LOAD_OPTIONS);
  } catch {
    return { taken: false };
  }
  // An empty document is null to the `yaml` package.
  if (value === undefined) return { taken: true, value: null };
  return hasNullKey(value) ? { taken: false } : { taken: true, value };
}

/** `~: x` is the key "" to `yaml` and "null" to js-yaml; a key "null" is rare enough to decline. */
function hasNullKey(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (!Array.isArray(node) && Object.prototype.hasOwnProperty.call(node, 'null')) return true;
    for (const child of Object.values(node)) stack.push(child);
  }
  return false;
}

function lazySourceMap(text: string, file: string): SourceMap {
  let exact: SourceMap | undefined;
  const map = (): SourceMap => (exact ??= parseYamlText(text, file).sourceMap);
  return { locate: (pointer) => map().locate(pointer), locateKey: (pointer) => map().locateKey(pointer) };
}
