/**
 * Security Scheme Objects and Security Requirements of a (dereferenced) OpenAPI document
 * (OpenAPI 3.x `components.securitySchemes`, Swagger 2.0 `securityDefinitions`).
 */
import { isObject, ownField, type JsonObject } from '../document/model.js';
import type { OperationSecurity, SecurityRequirement, SecurityScheme } from './operation.js';
import { setOwn } from '../document/set-own.js';
import { refOf, type Followed } from './resolve-openapi-ref.js';

/**
 * `follow` dereferences a scheme (or the whole map) written as a `$ref`; a ref that cannot be
 * followed is named in `problems` and its scheme left out, so only operations needing it fail.
 */
export function readSecuritySchemes(root: JsonObject, follow: (value: unknown) => Followed, problems: string[] = []): Record<string, SecurityScheme> {
  const components = ownField(root, 'components');
  const written = (isObject(components) ? ownField(components, 'securitySchemes') : undefined) ?? ownField(root, 'securityDefinitions');
  const schemes: Record<string, SecurityScheme> = {};
  const declared = followed(written, follow, 'security schemes', problems);
  if (!isObject(declared)) return schemes;
  for (const [name, raw] of Object.entries(declared)) {
    const scheme = readSecurityScheme(followed(raw, follow, `security scheme ${name}`, problems));
    if (scheme) setOwn(schemes, name, scheme);
  }
  return schemes;
}

function followed(value: unknown, follow: (value: unknown) => Followed, what: string, problems: string[]): unknown {
  if (refOf(value) === undefined) return value;
  const result = follow(value);
  if (result.ok) return result.value;
  problems.push(`${what}: $ref "${result.ref}": ${result.reason}`);
  return undefined;
}

/** One Security Scheme Object, as written in an OpenAPI document or inline in x-security. */
export function readSecurityScheme(raw: unknown): SecurityScheme | undefined {
  if (!isObject(raw)) return undefined;
  const type = ownField(raw, 'type');
  if (typeof type !== 'string') return undefined;
  // Swagger 2.0 `type: basic` is OpenAPI 3's http basic.
  if (type === 'basic') return { type: 'http', scheme: 'basic' };
  const scheme: SecurityScheme = { type };
  for (const field of ['name', 'in', 'openIdConnectUrl'] as const) {
    const value = ownField(raw, field);
    if (typeof value === 'string') scheme[field] = value;
  }
  const httpScheme = ownField(raw, 'scheme');
  if (typeof httpScheme === 'string') scheme.scheme = httpScheme.toLowerCase();
  const tokenUrl = clientCredentialsTokenUrl(raw);
  if (tokenUrl) scheme.tokenUrl = tokenUrl;
  return scheme;
}

function clientCredentialsTokenUrl(raw: JsonObject): string | undefined {
  const flows = ownField(raw, 'flows');
  const flow = isObject(flows) ? ownField(flows, 'clientCredentials') : undefined;
  if (isObject(flow) && typeof flow.tokenUrl === 'string') return flow.tokenUrl;
  // Swagger 2.0: flow: application.
  if (ownField(raw, 'flow') === 'application' && typeof raw.tokenUrl === 'string') return raw.tokenUrl;
  return undefined;
}

function readRequirements(raw: unknown): SecurityRequirement[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  return raw.filter(isObject).map((alternative) => {
    const requirement: Record<string, readonly string[]> = {};
    for (const [name, scopes] of Object.entries(alternative)) {
      setOwn(requirement, name, Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : []);
    }
    return requirement;
  });
}

/** The operation's own `security` wins over the document's, also when it is `[]` (no credentials). */
export function readOperationSecurity(operation: JsonObject, root: JsonObject, schemes: Readonly<Record<string, SecurityScheme>>): OperationSecurity | undefined {
  const requirements = readRequirements(ownField(operation, 'security')) ?? readRequirements(ownField(root, 'security'));
  if (requirements === undefined && Object.keys(schemes).length === 0) return undefined;
  return { requirements: requirements ?? [], schemes };
}
