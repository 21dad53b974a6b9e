/**
 * Command-line input values are strings; the workflow's inputs schema says what they are.
 * `--input cpu=2` becomes the number 2 when `cpu` is an integer; objects and arrays are JSON.
 */
import { isObject, ownField } from '../document/model.js';
import type { Problem } from '../diagnostics/diagnostic.js';

export type CoercedInput = { ok: true; value: unknown } | { ok: false; problem: Problem };

export function propertySchema(schema: unknown, name: string): unknown {
  const properties = isObject(schema) ? ownField(schema, 'properties') : undefined;
  return isObject(properties) ? ownField(properties, name) : undefined;
}

export function coerceInput(name: string, text: string, schema: unknown): CoercedInput {
  const types = declaredTypes(schema);
  if (types.length === 0 || types.includes('string')) {
    // Untyped or string-typed: keep the text; untyped JSON-looking values stay text too.
    return { ok: true, value: text };
  }
  for (const type of types) {
    const value = convert(text, type);
    if (value !== undefined) return { ok: true, value };
  }
  return {
    ok: false,
    problem: {
      code: 'input-type',
      message: `Input "${name}" must be ${types.join(' or ')}, but "${truncate(text)}" is not`,
      hint: types.includes('object') || types.includes('array')
        ? `Pass JSON, e.g. --input '${name}={"key":"value"}' (or ${name}=@file.json).`
        : `Pass ${/^[aeiou]/.test(types[0] ?? '') ? 'an' : 'a'} ${types[0]} value.`,
    },
  };
}

function declaredTypes(schema: unknown): string[] {
  if (!isObject(schema)) return [];
  const type = ownField(schema, 'type');
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  return [];
}

function convert(text: string, type: string): unknown {
  switch (type) {
    case 'integer':
      return /^-?\d+$/.test(text.trim()) ? Number(text) : undefined;
    case 'number':
      return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : undefined;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : undefined;
    case 'null':
      return text === 'null' ? null : undefined;
    case 'object':
    case 'array': {
      try {
        const value: unknown = JSON.parse(text);
        return (type === 'array' ? Array.isArray(value) : isObject(value)) ? value : undefined;
      } catch {
        return undefined;
      }
    }
    default:
      return undefined;
  }
}

const truncate = (text: string): string => (text.length > 40 ? `${text.slice(0, 37)}...` : text);
