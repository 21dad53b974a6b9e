// The small vocabulary every simulated service speaks: a parsed request in,
// a status/body/headers value out. Handlers never touch node:http, so each
// service stays a plain function over its own in-memory store.

export interface SimRequest {
  method: string;
  /** pathname only, e.g. `/api/snapshots/abc` (still percent-encoded) */
  path: string;
  query: Record<string, string>;
  /** lower-cased names; repeated headers joined with ", " */
  headers: Record<string, string>;
  /** parsed JSON, the raw text when it was not JSON, or undefined when empty */
  body: unknown;
  /** set when a non-empty body failed to parse as JSON */
  bodyError?: string;
}

export interface SimResponse {
  status: number;
  /** undefined means no body at all (204, DELETE 200) */
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (req: SimRequest, params: string[]) => SimResponse;

export interface Route {
  method: string;
  pattern: RegExp;
  handle: Handler;
}

export interface RouteMatch {
  handle: Handler;
  params: string[];
}

/** First route whose method and pattern match; captures are URI-decoded. */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const m = route.pattern.exec(path);
    if (m) return { handle: route.handle, params: m.slice(1).map((p) => safeDecode(p)) };
  }
  return undefined;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The body as a plain JSON object, or undefined for anything else. */
export function objectBody(req: SimRequest): Record<string, unknown> | undefined {
  return asRecord(req.body);
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
