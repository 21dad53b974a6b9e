/**
 * An OpenAPI Schema Object → the JSON Schema ajv validates a response or a request with, as the
 * dialect and the direction say:
 *
 * - 3.0 / Swagger 2.0 (draft-04/05 based): `nullable: true` adds null to the type (and to an enum);
 *   boolean `exclusiveMinimum`/`exclusiveMaximum` become the numeric draft-06+ form.
 * - both: a `discriminator` is a hint for picking the subschema, not a constraint; its oneOf is
 *   checked as anyOf (after dereferencing, the mapping's names are gone, and two subschemas that
 *   both fit would otherwise fail oneOf). `writeOnly` properties are not required in a response,
 *   `readOnly` ones not in a request (OpenAPI: required applies to the other direction only).
 * - 3.1: `nullable` is no keyword (JSON Schema 2020-12 writes type: [string, "null"]); it is
 *   dropped, since ajv would otherwise honour it.
 * - `$id` and `$schema` are dropped: every schema is compiled into one ajv instance.
 * Formats are not validated (validateFormats: false), as for inputs.
 */
import { isObject, type JsonObject } from '../document/model.js';
import { setOwn } from '../document/set-own.js';

export type Dialect = '2.0' | '3.0' | '3.1';

export type Direction = 'request' | 'response';

export function toCheckSchema(schema: unknown, dialect: Dialect, direction: Direction): unknown {
  return convert(schema, dialect !== '3.1', direction === 'response' ? 'writeOnly' : 'readOnly', new Map());
}

type OtherWay = 'writeOnly' | 'readOnly';

function convert(node: unknown, legacy: boolean, otherWay: OtherWay, seen: Map<object, unknown>): unknown {
  if (Array.isArray(node)) {
    const known = seen.get(node);
    if (known !== undefined) return known;
    const copy: unknown[] = [];
    seen.set(node, copy);
    for (const item of node) copy.push(convert(item, legacy, otherWay, seen));
    return copy;
  }
  if (!isObject(node)) return node;
  const known = seen.get(node);
  if (known !== undefined) return known;
  const copy: JsonObject = {};
  seen.set(node, copy);
  for (const [key, value] of Object.entries(node)) {
    if (key === '$id' || key === '$schema' || key === 'discriminator') continue;
    setOwn(copy, key, convert(value, legacy, otherWay, seen));
  }
  if (isObject(node.discriminator) && Array.isArray(copy.oneOf)) {
    copy.anyOf = copy.oneOf;
    delete copy.oneOf;
  }
  dropRequiredOtherWay(copy, otherWay);
  if (legacy) applyLegacyKeywords(copy);
  // ajv knows `nullable` itself; in 3.1 it is no keyword at all, so it must not act.
  else delete copy.nullable;
  return copy;
}

function dropRequiredOtherWay(schema: JsonObject, otherWay: OtherWay): void {
  if (!Array.isArray(schema.required) || !isObject(schema.properties)) return;
  const properties = schema.properties;
  schema.required = schema.required.filter((name) => !(typeof name === 'string' && isObject(properties[name]) && properties[name][otherWay] === true));
}

function applyLegacyKeywords(schema: JsonObject): void {
  if (schema.nullable === true) {
    if (typeof schema.type === 'string') schema.type = [schema.type, 'null'];
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
    // nullable on a composition (allOf/oneOf/anyOf without type): null is one more alternative.
    if (schema.type === undefined && (schema.allOf || schema.oneOf || schema.anyOf)) {
      const { nullable: _nullable, ...rest } = schema;
      for (const key of Object.keys(schema)) delete schema[key];
      schema.anyOf = [rest, { type: 'null' }];
      return;
    }
  }
  delete schema.nullable;
  for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof schema[flag] !== 'boolean') continue;
    if (schema[flag] === true && typeof schema[bound] === 'number') {
      schema[flag] = schema[bound];
      delete schema[bound];
    } else {
      delete schema[flag];
    }
  }
}
