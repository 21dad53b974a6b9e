/**
 * An OpenAPI description (3.2, 3.1, 3.0; Swagger 2.0) → the operations a step can target, by
 * operationId and by JSON pointer (for operationPath).
 *
 * Indexing reads only what finding an operation needs: path keys, methods, operationIds and
 * servers (path items behind a `$ref` are followed). An operation's parameters and request body
 * are dereferenced on first use, so a step that uses 2 of GitHub's 1,223 operations resolves the
 * refs of those 2 (see resolve-openapi-ref.ts).
 */
import { childPointer } from '../diagnostics/diagnostic.js';
import { isObject, ownField, type JsonObject } from '../document/model.js';
import { setOwn } from '../document/set-own.js';
import type { OperationServer, ResolvedOperation, SecurityScheme } from './operation.js';
import { readParameters, readRequestBody, readServers, splitPathKey } from './read-operation-parts.js';
import { readResponses } from './read-responses.js';
import { readOperationSecurity, readSecuritySchemes } from './read-security.js';
import { RefResolver, type DocumentSet } from './resolve-openapi-ref.js';

export interface OperationIndex {
  sourceName: string;
  operations: readonly ResolvedOperation[];
  byOperationId: ReadonlyMap<string, ResolvedOperation>;
  /** JSON pointer of the Operation Object ("/paths/~1pets/get") → operation. */
  byPointer: ReadonlyMap<string, ResolvedOperation>;
  /** operationIds declared more than once in this source. */
  duplicateOperationIds: readonly string[];
  /** The `$ref`s an operation needs that cannot be resolved (resolving its details if not yet done). */
  problemsOf(operation: ResolvedOperation): readonly string[];
  /** Path items that could not be read (a broken `$ref`): their operations are missing. */
  problems: readonly string[];
  /** Security schemes written as a `$ref` that cannot be followed: left out. */
  schemeProblems: readonly string[];
  /** Dereferences any part of the description on demand (e.g. a response schema), same cache. */
  resolver: RefResolver;
}

/** OpenAPI 3.2 adds `query`; other methods sit in `additionalOperations` under their own name. */
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query'] as const;

/** A description held in memory with no file behind it (tests, library callers). */
const IN_MEMORY = 'file:///in-memory/openapi.json';

export function indexOperations(sourceName: string, document: unknown, set?: DocumentSet): OperationIndex {
  const resolver = new RefResolver(set ?? { root: IN_MEMORY, documents: new Map([[IN_MEMORY, document]]), failures: new Map() });
  const root = isObject(document) ? document : {};
  const rootServers = readServers(root);
  const operations: ResolvedOperation[] = [];
  const byOperationId = new Map<string, ResolvedOperation>();
  const byPointer = new Map<string, ResolvedOperation>();
  const duplicates = new Set<string>();
  const problems: string[] = [];
  const schemeProblems: string[] = [];
  const securitySchemes = readSecuritySchemes(root, (value) => resolver.follow(value, resolver.set.root), schemeProblems);
  const details = new WeakMap<ResolvedOperation, () => readonly string[]>();
  const add = (resolved: ResolvedOperation, resolve: () => readonly string[]): void => {
    operations.push(resolved);
    details.set(resolved, resolve);
    byPointer.set(resolved.pointer, resolved);
    if (resolved.operationId === undefined) return;
    if (byOperationId.has(resolved.operationId)) duplicates.add(resolved.operationId);
    else byOperationId.set(resolved.operationId, resolved);
  };
  const paths = ownField(root, 'paths');
  for (const [path, rawItem] of isObject(paths) ? Object.entries(paths) : []) {
    const item = resolver.follow(rawItem, resolver.set.root);
    if (!item.ok) {
      problems.push(`path ${path}: $ref "${item.ref}": ${item.reason}`);
      continue;
    }
    if (!isObject(item.value)) continue;
    const itemPointer = childPointer('/paths', path);
    const servers = fallbackServers(readServers(item.value), rootServers);
    const context: ItemContext = { sourceName, path, item: item.value, base: item.base, root, resolver, servers, securitySchemes };
    for (const method of METHODS) {
      const operation = ownField(item.value, method);
      if (isObject(operation)) add(...lazyOperation(context, method, operation, childPointer(itemPointer, method)));
    }
    const additional = ownField(item.value, 'additionalOperations');
    for (const [method, operation] of isObject(additional) ? Object.entries(additional) : []) {
      if (isObject(operation)) add(...lazyOperation(context, method, operation, childPointer(childPointer(itemPointer, 'additionalOperations'), method)));
    }
  }
  return {
    sourceName,
    operations,
    byOperationId,
    byPointer,
    duplicateOperationIds: [...duplicates],
    problemsOf: (operation) => details.get(operation)?.() ?? [],
    problems,
    schemeProblems,
    resolver,
  };
}

interface ItemContext {
  sourceName: string;
  path: string;
  item: JsonObject;
  /** URL of the document the path item is written in (its refs resolve against it). */
  base: string;
  root: JsonObject;
  resolver: RefResolver;
  servers: readonly OperationServer[];
  securitySchemes: Readonly<Record<string, SecurityScheme>>;
}

const fallbackServers = (own: OperationServer[], inherited: readonly OperationServer[]): readonly OperationServer[] => (own.length > 0 ? own : inherited);

/** The cheap fields now; parameters, requestBody and responses on first read (getters that replace themselves). */
function lazyOperation(context: ItemContext, method: string, operation: JsonObject, pointer: string): [ResolvedOperation, () => readonly string[]] {
  const { path, query } = splitPathKey(context.path);
  const operationId = ownField(operation, 'operationId');
  const security = readOperationSecurity(operation, context.root, context.securitySchemes);
  const resolved = {
    sourceName: context.sourceName,
    ...(typeof operationId === 'string' ? { operationId } : {}),
    method: method.toUpperCase(),
    path,
    servers: fallbackServers(readServers(operation), context.servers),
    pointer,
    ...(security ? { security } : {}),
  } as ResolvedOperation;
  let problems: string[] | undefined;
  const resolve = (): readonly string[] => {
    if (problems) return problems;
    problems = [];
    const read = (list: unknown): ReturnType<typeof readParameters> => readParameters(list, context.resolver, context.base, problems!);
    const own = read(ownField(operation, 'parameters'));
    const inherited = read(ownField(context.item, 'parameters'));
    // Operation-level parameters override path-level ones with the same name and location.
    const parameters = [...inherited.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own];
    // A path key's fragment (`/{Bucket}#uploads`, AWS style) names query parameters the path needs.
    for (const fixed of query) {
      const declared = parameters.find((p) => p.in === 'query' && p.name === fixed.name);
      if (declared && fixed.value === undefined) declared.required = true;
    }
    const requestBody = readRequestBody(operation, context.root, context.resolver, context.base, problems);
    // Responses serve the response checks only: a ref they cannot resolve stays as written (a
    // load warning names it), it does not fail the step.
    const responses = readResponses({ ...operation, responses: context.resolver.dereference(ownField(operation, 'responses'), context.base, []) }, context.root);
    for (const [field, value] of [['parameters', parameters], ['requestBody', requestBody], ['responses', responses]] as const) {
      if (value === undefined) delete (resolved as unknown as Record<string, unknown>)[field];
      else setOwn(resolved, field, value);
    }
    return problems;
  };
  const fixedQuery = query.flatMap((q) => (q.value !== undefined ? [[q.name, q.value] as const] : []));
  if (fixedQuery.length > 0) resolved.fixedQuery = fixedQuery;
  const bare = query.filter((q) => q.value === undefined).map((q) => q.name);
  if (bare.length > 0) resolved.flagQuery = bare;
  for (const field of ['parameters', 'requestBody', 'responses'] as const) {
    Object.defineProperty(resolved, field, {
      enumerable: true,
      configurable: true,
      get: () => {
        resolve();
        return resolved[field];
      },
    });
  }
  return [resolved, resolve];
}
