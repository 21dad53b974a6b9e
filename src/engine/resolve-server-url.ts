/**
 * The base URL a step's request goes to. Rules, in order:
 *
 * 1. `override` (from `--server name=url`) written with a path, even a bare trailing `/`, is used
 *    as-is: the user named the exact base (`http://127.0.0.1:4010/` = an API mounted at the root).
 * 2. Otherwise the FIRST declared server is used (OpenAPI lists alternatives; the first is the
 *    default). `{var}` placeholders take `variables[var]`, else the server variable's `default`.
 *    A value outside the variable's `enum` → `server-variable-not-in-enum`; a placeholder with
 *    neither → `server-variable-missing`.
 * 3. A relative server URL (e.g. `/api`) resolves against `sourceUrl` when that is http(s), as
 *    OpenAPI defines; against a local file it means nothing → `server-url-relative`.
 * 4. No servers at all: OpenAPI's default server is `/`, so an http(s) `sourceUrl` gives its
 *    origin; a file source gives `server-missing`.
 * 5. An override written as a bare origin (no `/` after the host) replaces scheme, host and port but
 *    KEEPS the declared server's base path: `http://127.0.0.1:4010` + `https://app.daytona.io/api`
 *    → `http://127.0.0.1:4010/api`. The raw text decides, since WHATWG URL parsing gives both
 *    forms the path `/`.
 *    That is what pointing a workflow at a local simulator or proxy needs. A relative declared
 *    server resolves against the override in that case.
 *
 * The result has no trailing slash (operation paths start with `/`), and no query or fragment.
 */
import type { Code, Problem } from '../diagnostics/diagnostic.js';
import type { OperationServer } from '../plan/operation.js';
import { fillServerVariables } from '../plan/server-variables.js';

export interface ServerUrlInput {
  servers: readonly OperationServer[];
  /** URL or absolute file path of the OpenAPI document. */
  sourceUrl: string;
  override?: string;
  variables?: Readonly<Record<string, string>>;
}

export type ServerUrlResult = { ok: true; url: string } | { ok: false; problem: Problem };

const SERVER_HINT = 'pass --server <sourceName>=http://host:port';

const fail = (code: Code, message: string, hint?: string): ServerUrlResult => ({
  ok: false,
  problem: hint === undefined ? { code, message } : { code, message, hint },
});

function parseUrl(text: string, base?: string): URL | undefined {
  try {
    return new URL(text, base);
  } catch {
    return undefined;
  }
}

/** `http://h:1/` and `http://h:1/v2` name a path; `http://h:1` and `http://h:1?x` do not. */
export const namesPath = (text: string): boolean => /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*\//i.test(text.trim());

const isHttp = (url: URL | undefined): url is URL => url !== undefined && (url.protocol === 'http:' || url.protocol === 'https:');

/** origin + path without a trailing slash; query and fragment dropped. */
function toBase(url: URL): string {
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function withOverride(override: URL, declared: string): ServerUrlResult {
  // An absolute declared URL lends its path; a relative one is read relative to the override root.
  const path = parseUrl(declared, `${override.origin}/`);
  if (path === undefined) return fail('server-url-invalid', `server URL "${declared}" is not a valid URL`);
  return { ok: true, url: toBase(new URL(path.pathname, override.origin)) };
}

export function resolveServerUrl(input: ServerUrlInput): ServerUrlResult {
  let override: URL | undefined;
  if (input.override !== undefined) {
    override = parseUrl(input.override);
    if (!isHttp(override)) return fail('server-override-invalid', `--server value "${input.override}" is not an http(s) URL`, 'write it as name=http://host:port[/base]');
    if (namesPath(input.override) || input.servers.length === 0) return { ok: true, url: toBase(override) };
  }
  const first = input.servers[0];
  if (first === undefined) {
    const source = parseUrl(input.sourceUrl);
    if (isHttp(source)) return { ok: true, url: source.origin };
    return fail('server-missing', 'the OpenAPI document declares no servers', SERVER_HINT);
  }
  // With an override only the declared path matters, so host variables need no values then.
  const declared = override === undefined ? first : { ...first, url: first.url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '') };
  const filled = fillServerVariables(declared, input.variables ?? {}, SERVER_HINT);
  if (!filled.ok) return filled;
  if (override !== undefined) return withOverride(override, filled.url);
  const absolute = parseUrl(filled.url);
  if (absolute !== undefined) {
    return isHttp(absolute) ? { ok: true, url: toBase(absolute) } : fail('server-url-invalid', `server URL "${filled.url}" is not http(s)`, SERVER_HINT);
  }
  const source = parseUrl(input.sourceUrl);
  if (!isHttp(source)) {
    return fail('server-url-relative', `server URL "${filled.url}" is relative and the OpenAPI document is a local file`, SERVER_HINT);
  }
  const resolved = parseUrl(filled.url, source.href);
  return resolved === undefined ? fail('server-url-invalid', `server URL "${filled.url}" is not a valid URL`) : { ok: true, url: toBase(resolved) };
}
