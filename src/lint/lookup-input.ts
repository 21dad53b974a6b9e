/**
 * Is `$inputs.name#/a/b` declared by a workflow's inputs JSON Schema? Looks through properties,
 * patternProperties and the combinators (allOf/anyOf/oneOf/if/then/else). A schema we cannot see
 * into (no listing, an unresolved $ref) accepts any name; one that lists properties but allows
 * others (JSON Schema's default) makes a name it does not list `unlisted`; only a closed one
 * (additionalProperties or unevaluatedProperties false) makes it `undeclared`.
 */
import { isObject } from '../document/model.js';

export type InputLookup =
  | { result: 'declared' }
  | { result: 'unknown' }
  /** `at` is the name or pointer token that is not declared; `known` the names that are. */
  | { result: 'undeclared' | 'unlisted'; at: string; known: string[] };

const COMBINATORS = ['allOf', 'anyOf', 'oneOf'] as const;
const CONDITIONALS = ['if', 'then', 'else'] as const;

interface Members {
  found: unknown[];
  listed: string[];
  /** Something we cannot see into ($ref, a `true` schema): any name may be declared. */
  open: boolean;
  /** additionalProperties/unevaluatedProperties false: a name not listed is refused. */
  closed: boolean;
}

export function lookupInput(schema: unknown, name: string, pointer: readonly string[] = []): InputLookup {
  if (schema === undefined) return { result: 'undeclared', at: name, known: [] };
  const walked = walkInput(schema, [name, ...pointer]);
  if (Array.isArray(walked)) return { result: 'declared' };
  return walked;
}

/** The sub-schemas that describe `$inputs.name#/pointer` (empty when not known). */
export function inputSchemas(schema: unknown, name: string, pointer: readonly string[] = []): unknown[] {
  if (schema === undefined) return [];
  const walked = walkInput(schema, [name, ...pointer]);
  return Array.isArray(walked) ? walked : [];
}

function walkInput(schema: unknown, tokens: readonly string[]): unknown[] | Exclude<InputLookup, { result: 'declared' }> {
  let current: unknown[] = [schema];
  for (const token of tokens) {
    const members = membersOf(current, token);
    if (members.found.length > 0) {
      current = members.found;
      continue;
    }
    if (members.open || members.listed.length === 0) return { result: 'unknown' };
    return { result: members.closed ? 'undeclared' : 'unlisted', at: token, known: [...new Set(members.listed)] };
  }
  return current;
}

/** The top-level `required` names of an inputs schema (with combinators' allOf). */
export function requiredInputs(schema: unknown): string[] {
  if (!isObject(schema)) return [];
  const own = Array.isArray(schema.required) ? schema.required.filter((n): n is string => typeof n === 'string') : [];
  const fromAllOf = Array.isArray(schema.allOf) ? schema.allOf.flatMap(requiredInputs) : [];
  return [...own, ...fromAllOf];
}

/** JSON-Schema type names a schema (or any branch of its combinators) allows; empty when unconstrained. */
export function schemaTypes(schema: unknown, depth = 0): string[] {
  if (!isObject(schema) || depth > 20) return [];
  const own = typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? schema.type.filter((t): t is string => typeof t === 'string') : [];
  const branches = COMBINATORS.flatMap((key) => (Array.isArray(schema[key]) ? (schema[key] as unknown[]) : []));
  return [...own, ...branches.flatMap((branch) => schemaTypes(branch, depth + 1))];
}

function membersOf(schemas: readonly unknown[], token: string): Members {
  const members: Members = { found: [], listed: [], open: false, closed: false };
  for (const schema of schemas) collect(schema, token, members, 0);
  return members;
}

function collect(schema: unknown, token: string, members: Members, depth: number): void {
  if (depth > 20) return;
  if (!isObject(schema)) {
    if (schema !== false) members.open = true;
    return;
  }
  if (typeof schema.$ref === 'string') members.open = true;
  collectProperties(schema, token, members);
  collectItems(schema, token, members);
  for (const key of COMBINATORS) {
    const list = schema[key];
    if (Array.isArray(list)) for (const sub of list) collect(sub, token, members, depth + 1);
  }
  for (const key of CONDITIONALS) if (schema[key] !== undefined) collect(schema[key], token, members, depth + 1);
}

function collectProperties(schema: Record<string, unknown>, token: string, members: Members): void {
  const { properties, patternProperties, additionalProperties, unevaluatedProperties } = schema;
  if (isObject(properties)) {
    members.listed.push(...Object.keys(properties));
    if (Object.hasOwn(properties, token)) members.found.push(properties[token]);
  }
  if (isObject(patternProperties)) {
    for (const [pattern, sub] of Object.entries(patternProperties)) {
      members.listed.push(`/${pattern}/`);
      if (safeTest(pattern, token)) members.found.push(sub);
    }
  }
  if (additionalProperties === false || unevaluatedProperties === false) members.closed = true;
}

function collectItems(schema: Record<string, unknown>, token: string, members: Members): void {
  if (!/^\d+$/.test(token)) return;
  const { items, prefixItems } = schema;
  const index = Number(token);
  if (Array.isArray(prefixItems) && index < prefixItems.length) members.found.push(prefixItems[index]);
  else if (items !== undefined && items !== false) members.found.push(items);
}

function safeTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return true;
  }
}
