/** Payload Replacement Objects (spec: Payload Replacement Object), applied in order to a copy. */
import type { PointerTokens } from '../expressions/ast.js';
import { setOwn } from '../document/set-own.js';
import { RenderedTemplate } from '../expressions/render-payload.js';
import { renderBodyTemplate } from './render-body-template.js';

export type ReplacementResult = { ok: true; value: unknown } | { ok: false; message: string };

export function applyReplacements(
  payload: unknown,
  replacements: ReadonlyArray<{ target: PointerTokens; locate?: (payload: unknown) => PointerTokens[]; value: unknown }>,
): ReplacementResult {
  if (replacements.length === 0) return { ok: true, value: payload };
  const parsed = parseTextPayload(payload);
  if (!parsed.ok) return parsed;
  let document: unknown = parsed.value;
  for (const replacement of replacements) {
    // A JSONPath target (Arazzo 1.1 targetSelectorType) stands for every location it selects now.
    const targets = replacement.locate ? replacement.locate(document) : [replacement.target];
    if (targets.length === 0) return { ok: false, message: 'a JSONPath replacement target selects nothing in the payload' };
    for (const target of targets) {
      const applied = applyOne(document, target, replacement.value);
      if (!applied.ok) return applied;
      document = applied.value;
    }
  }
  return { ok: true, value: document };
}

function applyOne(document: unknown, target: PointerTokens, value: unknown): ReplacementResult {
  if (target.length === 0) return { ok: true, value };
  const parent = walk(document, target.slice(0, -1));
  const last = target[target.length - 1]!;
  if (Array.isArray(parent) && /^(0|[1-9]\d*|-)$/.test(last)) {
    const index = last === '-' ? parent.length : Number(last);
    if (index > parent.length) return { ok: false, message: `replacement target /${target.join('/')} is past the end of an array` };
    parent[index] = value;
  } else if (typeof parent === 'object' && parent !== null && !Array.isArray(parent)) {
    setOwn(parent, last, value);
  } else {
    return { ok: false, message: `replacement target /${target.join('/')} does not resolve in the payload` };
  }
  return { ok: true, value: document };
}

/** A string payload is a JSON template (spec: JSON Templated Example): targets point into the JSON it holds. */
function parseTextPayload(payload: unknown): ReplacementResult {
  let text = payload;
  if (payload instanceof RenderedTemplate) {
    const rendered = renderBodyTemplate(payload, 'application/json');
    if (!rendered.ok) return { ok: false, message: rendered.problem.message };
    text = rendered.text;
  }
  if (typeof text !== 'string') return { ok: true, value: structuredClone(payload) };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, message: 'replacements need a JSON payload, and this string payload is not JSON (XPath targets into XML are not supported)' };
  }
}

function walk(document: unknown, tokens: readonly string[]): unknown {
  let node = document;
  for (const token of tokens) {
    if (Array.isArray(node) && /^(0|[1-9]\d*)$/.test(token)) node = node[Number(token)];
    else if (typeof node === 'object' && node !== null && Object.hasOwn(node, token)) node = (node as Record<string, unknown>)[token];
    else return undefined;
  }
  return node;
}
