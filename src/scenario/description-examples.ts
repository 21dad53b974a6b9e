/**
 * `arazzo mock` without a scenario answers an operation from its description: the first 2xx
 * response, its JSON example (`example`, else the first of `examples`; Swagger 2.0's
 * `examples['application/json']`), else a sample generated from its schema by `sampleSchema`
 * (openapi-sampler, which prefers the schema's own examples, defaults and enums), or no body when
 * the response declares no content.
 */
import { isObject } from '../document/model.js';
import { decodePointer } from '../document/source-map.js';
import type { OperationIndex } from '../plan/operation-index.js';
import type { ResolvedOperation } from '../plan/operation.js';
import type { ScriptedResponse } from './read-scenario.js';

export type SampleSchema = (schema: unknown, document: unknown) => unknown;

export function exampleResponse(index: OperationIndex, operation: ResolvedOperation, sampleSchema?: SampleSchema): ScriptedResponse | undefined {
  const { resolver } = index;
  const base = resolver.set.root;
  const follow = (value: unknown): unknown => {
    const followed = resolver.follow(value, base);
    return followed.ok ? followed.value : undefined;
  };
  const document = resolver.set.documents.get(base);
  const sampled = (schema: unknown): unknown => {
    if (!sampleSchema || !isObject(schema)) return undefined;
    try {
      return sampleSchema(schema, document);
    } catch {
      return undefined;
    }
  };
  let node: unknown = document;
  for (const token of decodePointer(operation.pointer)) node = isObject(node) ? follow(node[token]) : undefined;
  const responses = isObject(node) ? follow(node.responses) : undefined;
  if (!isObject(responses)) return undefined;
  for (const status of Object.keys(responses).filter((s) => /^2/.test(s)).sort()) {
    const response = follow(responses[status]);
    if (!isObject(response)) continue;
    const code = /^\d{3}$/.test(status) ? Number(status) : 200;
    const content = follow(response.content);
    if (isObject(content)) {
      const type = Object.keys(content).find((t) => /json/i.test(t));
      const media = type ? follow(content[type]) : undefined;
      if (!isObject(media)) continue;
      if (media.example !== undefined) return { status: code, headers: { 'content-type': type! }, body: media.example };
      const examples = follow(media.examples);
      const first = isObject(examples) ? follow(Object.values(examples)[0]) : undefined;
      if (isObject(first) && first.value !== undefined) return { status: code, headers: { 'content-type': type! }, body: first.value };
      const generated = sampled(media.schema);
      if (generated !== undefined) return { status: code, headers: { 'content-type': type! }, body: generated };
      continue;
    }
    const swagger = follow(response.examples);
    if (isObject(swagger) && swagger['application/json'] !== undefined) return { status: code, headers: {}, body: swagger['application/json'] };
    if (response.schema === undefined) return { status: code, headers: {} };
    const generated = sampled(response.schema);
    if (generated !== undefined) return { status: code, headers: {}, body: generated };
  }
  return undefined;
}
