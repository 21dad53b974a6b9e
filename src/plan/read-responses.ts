/**
 * An operation's declared responses (OpenAPI Responses Object; Swagger 2.0 `schema` + `produces`),
 * for checking what came back: status keys as written ("200", "2XX", "default"), the media types of
 * each and their (dereferenced) schemas.
 */
import { isObject, ownField, type JsonObject } from '../document/model.js';
import type { OperationResponses } from './operation.js';
import { setOwn } from '../document/set-own.js';

export function readResponses(operation: JsonObject, root: JsonObject): OperationResponses | undefined {
  const responses = ownField(operation, 'responses');
  if (!isObject(responses)) return undefined;
  const swagger = typeof root.swagger === 'string';
  const dialect = dialectOf(root);
  const byStatus: Record<string, Record<string, unknown>> = {};
  for (const [status, response] of Object.entries(responses)) {
    if (status.startsWith('x-') || !isObject(response)) continue;
    const media: Record<string, unknown> = {};
    if (swagger) {
      const produces = ownField(operation, 'produces') ?? ownField(root, 'produces');
      const types = Array.isArray(produces) ? produces.filter((t): t is string => typeof t === 'string') : ['application/json'];
      const schema = ownField(response, 'schema');
      if (schema !== undefined) for (const type of types) setOwn(media, type, schema);
    } else {
      const content = ownField(response, 'content');
      if (isObject(content)) for (const [type, value] of Object.entries(content)) setOwn(media, type, isObject(value) ? ownField(value, 'schema') : undefined);
    }
    setOwn(byStatus, status.toUpperCase(), media);
  }
  return { dialect, byStatus };
}

/** Swagger 2.0 and OpenAPI 3.0 schemas are draft-04 based (nullable, boolean exclusive bounds); 3.1's are JSON Schema 2020-12. */
export const dialectOf = (root: JsonObject): OperationResponses['dialect'] =>
  typeof root.swagger === 'string' ? '2.0' : String(root.openapi ?? '').startsWith('3.0') ? '3.0' : '3.1';
