/**
 * A stateful fake of the Daytona (snapshots, sandboxes) and OCI Compute
 * (instances, images) APIs on a real node:http server (127.0.0.1, port 0),
 * modelled on ../shared/reference/api-facts.md §1–§3. Used by integration
 * tests and the demo.
 *
 * Progress is counted in GETs of each resource, never wall-clock time, and
 * the NAME a client gives a resource picks its scenario (case-insensitive
 * substring, first match wins; full table in README.md, code in plan-scenarios.ts):
 *
 *   snapshot name   `sandbox-error` → builds normally; sandboxes made from it go `error`
 *                   `build-failed`  → pending → building ×2 → build_failed (+ errorReason)
 *                   `inactive`      → pending → pulling ×2 → inactive; activateSnapshot then
 *                                     answers `pending`, and GETs show pulling ×2 → active
 *                   `error`         → pending → pulling ×2 → error (+ errorReason)
 *                   anything else   → pending → pulling ×2 → active (building with buildInfo)
 *                   `slow` (also)   → 5 polls in pulling/building instead of 2
 *   sandbox         → creating → creating → started (2nd GET); `error` (+ errorReason)
 *                     when its snapshot's name contains `sandbox-error`
 *   OCI image       displayName → PROVISIONING until the 3rd getImage, then AVAILABLE;
 *                     with `slow`, AVAILABLE on the 6th
 *   OCI instances   seeded: STOPPED_INSTANCE_ID (STOPPED), RUNNING_INSTANCE_ID (RUNNING);
 *                     add more with addInstance()
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { daytonaError, daytonaRouteNotFound } from './daytona-errors.js';
import { createSandboxService } from './daytona-sandboxes.js';
import { createSnapshotService } from './daytona-snapshots.js';
import { createImageService } from './oci-images.js';
import { createInstanceService, type InstanceInit } from './oci-instances.js';
import { makeOpcRequestId, ociError } from './oci-ids.js';
import { readRequest } from './read-request.js';
import { matchRoute, type Route, type SimRequest, type SimResponse } from './route.js';

export { COMPARTMENT_ID, RUNNING_INSTANCE_ID, STOPPED_INSTANCE_ID, type InstanceInit } from './oci-instances.js';
export { ORGANIZATION_ID } from './daytona-snapshots.js';

export const DEFAULT_API_TOKEN = 'dtn_test_token';

export interface SimulatorOptions {
  /** the Daytona bearer token accepted; default `dtn_test_token` */
  apiToken?: string;
  /** default false: OCI accepts requests with or without Authorization (the seed's authToken is optional) */
  ociAuthRequired?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** lower-cased names */
  headers: Record<string, string>;
  /** parsed JSON; raw text if not JSON; undefined if empty */
  body: unknown;
  /** Date.now() when the request was read */
  at: number;
}

export interface Simulator {
  /** http://127.0.0.1:PORT */
  url: string;
  /** url + '/api' */
  daytonaUrl: string;
  /** url + '/20160918' */
  ociUrl: string;
  /** every request, in arrival order; reset() empties this same array */
  requests: RecordedRequest[];
  close(): Promise<void>;
  /** forget every resource and request; the two seeded OCI instances come back */
  reset(): void;
  /** seed another OCI instance; returns its OCID */
  addInstance(init: InstanceInit): string;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const apiToken = options.apiToken ?? DEFAULT_API_TOKEN;
  const snapshots = createSnapshotService();
  const sandboxes = createSandboxService(snapshots.find);
  const instances = createInstanceService();
  const images = createImageService(instances);
  const daytonaRoutes: Route[] = [...snapshots.routes, ...sandboxes.routes];
  const ociRoutes: Route[] = [...instances.routes, ...images.routes];
  const requests: RecordedRequest[] = [];

  function respondDaytona(req: SimRequest): SimResponse {
    const match = matchRoute(daytonaRoutes, req.method, req.path);
    if (!match) return daytonaRouteNotFound(req); // Nest routes before guards run
    if (req.headers.authorization !== `Bearer ${apiToken}`) return daytonaError(req, 401, 'Invalid credentials');
    try {
      return match.handle(req, match.params);
    } catch {
      return daytonaError(req, 500, 'An unexpected error occurred.');
    }
  }

  function respondOci(req: SimRequest): SimResponse {
    const match = matchRoute(ociRoutes, req.method, req.path);
    if (!match) return ociError(404, 'NotFound', `No route for ${req.method} ${req.path}.`);
    if (options.ociAuthRequired === true && (req.headers.authorization ?? '').trim() === '') {
      return ociError(401, 'NotAuthenticated', 'The required information to complete authentication was not provided.');
    }
    try {
      return match.handle(req, match.params);
    } catch {
      return ociError(500, 'InternalServerError', 'Internal Server Error');
    }
  }

  function respond(req: SimRequest): SimResponse {
    if (isUnder(req.path, '/api')) return respondDaytona(req);
    if (isUnder(req.path, '/20160918')) {
      const out = respondOci(req);
      // OCI puts opc-request-id on every response, errors included; a client-sent id is echoed.
      const requestId = req.headers['opc-request-id'] ?? makeOpcRequestId();
      return { ...out, headers: { ...out.headers, 'opc-request-id': requestId } };
    }
    return daytonaRouteNotFound(req);
  }

  async function onRequest(raw: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const req = await readRequest(raw);
      const { method, path, query, headers, body } = req;
      requests.push({ method, path, query, headers, body, at: Date.now() });
      send(res, respond(req));
    } catch {
      send(res, { status: 500, body: { statusCode: 500, message: 'An unexpected error occurred.' } });
    }
  }

  const server = createServer((req, res) => void onRequest(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    daytonaUrl: `${url}/api`,
    ociUrl: `${url}/20160918`,
    requests,
    addInstance: (init) => instances.add(init),
    reset() {
      snapshots.clear();
      sandboxes.clear();
      instances.clear();
      images.clear();
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // fetch keeps sockets alive; drop them so close() resolves and the port is freed.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

function send(res: ServerResponse, out: SimResponse): void {
  const headers: Record<string, string> = { ...out.headers };
  let payload = '';
  if (out.body !== undefined) {
    payload = JSON.stringify(out.body);
    headers['content-type'] = 'application/json; charset=utf-8';
  }
  headers['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(out.status, headers);
  res.end(payload);
}
