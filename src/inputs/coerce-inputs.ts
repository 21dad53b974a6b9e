/**
 * Command-line input values are strings; the workflow's inputs schema says what they are.
 * `--input cpu=2` becomes the number 2 when `cpu` is an integer; objects and arrays are JSON.
 */
import { isObject, ownField } from '../document/model.js';
import type { Problem } from '../diagnostics/diagnostic.js';

/**
 * `text`: for a schema without a top-level type whose branches want something other than a string
 * (oneOf/anyOf/allOf/$ref), `value` is the JSON reading and `text` the other reading, kept for the
 * caller to try when the JSON reading does not validate (issue 10 item 2).
 */
export type CoercedInput = { ok: true; value: unknown; text?: string } | { ok: false; problem: Problem };

export function propertySchema(schema: unknown, name: string): unknown {
  const properties = isObject(schema) ? ownField(schema, 'properties') : undefined;
  return isObject(properties) ? ownField(properties, name) : undefined;
}

export function coerceInput(name: string, text: string, schema: unknown, root: unknown = schema): CoercedInput {
  const types = declaredTypes(schema);
  if (types.length === 0 && wantsNonString(schema, root, 0)) {
    const json = parseJson(text);
    if (json.ok && typeof json.value !== 'string') return { ok: true, value: json.value, text };
  }
  if (types.length === 0 || types.includes('string')) {
    // String-typed, or no type anywhere in the schema: keep the text (JSON-looking text too).
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

const OBJECT_OR_ARRAY_KEYWORDS = ['properties', 'required', 'additionalProperties', 'patternProperties', 'items', 'prefixItems', 'minItems', 'maxItems', 'minProperties', 'maxProperties', 'minimum', 'maximum'];

/** Does any branch (oneOf/anyOf/allOf, a local $ref) ask for an object, array, number, boolean or null? */
function wantsNonString(schema: unknown, root: unknown, depth: number): boolean {
  if (!isObject(schema) || depth > 20) return false;
  if (declaredTypes(schema).some((type) => type !== 'string')) return true;
  const values = [ownField(schema, 'const'), ...(Array.isArray(ownField(schema, 'enum')) ? (ownField(schema, 'enum') as unknown[]) : [])];
  if (values.some((value) => value !== undefined && typeof value !== 'string')) return true;
  if (OBJECT_OR_ARRAY_KEYWORDS.some((keyword) => ownField(schema, keyword) !== undefined)) return true;
  const ref = ownField(schema, '$ref');
  // A $ref outside the inputs schema cannot be looked at here: validation decides between the readings.
  if (typeof ref === 'string') return ref.startsWith('#') ? wantsNonString(localTarget(root, ref), root, depth + 1) : true;
  return ['oneOf', 'anyOf', 'allOf'].some((keyword) => {
    const branches = ownField(schema, keyword);
    return Array.isArray(branches) && branches.some((branch) => wantsNonString(branch, root, depth + 1));
  });
}

function localTarget(root: unknown, ref: string): unknown {
  let value = root;
  for (const token of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');
    value = isObject(value) ? ownField(value, key) : Array.isArray(value) ? value[Number(key)] : undefined;
  }
  return value;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
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
