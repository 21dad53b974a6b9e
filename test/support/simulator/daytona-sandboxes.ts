// The Daytona sandbox endpoints (api-facts §1.4, §1.6, §1.7, §3.2). The
// simulator answers createSandbox at once in `creating` and lets the client
// poll, instead of blocking up to 30 s like the real service (seed S1 polls).
import { randomUUID } from 'node:crypto';
import { daytonaError } from './daytona-errors.js';
import { ORGANIZATION_ID, type SnapshotDto } from './daytona-snapshots.js';
import { planSandbox, planSandboxDeletion, type SandboxState } from './plan-scenarios.js';
import { asRecord, objectBody, type Route, type SimRequest, type SimResponse } from './route.js';
import { createResourceStore } from './resource-store.js';
import { startTimeline, type Timeline } from './timeline.js';

const RESOURCE_FIELDS = ['cpu', 'gpu', 'memory', 'disk', 'gpuType'];

export interface SandboxDto {
  id: string;
  organizationId: string;
  name: string;
  snapshot: string | null;
  user: string;
  env: Record<string, string>;
  labels: Record<string, string>;
  public: boolean;
  networkBlockAll: boolean;
  target: string;
  cpu: number;
  gpu: number;
  memory: number;
  disk: number;
  state: SandboxState;
  desiredState: 'started' | 'destroyed';
  errorReason: string | null;
  recoverable: boolean;
  backupState: 'None';
  autoStopInterval: number;
  autoArchiveInterval: number;
  autoDeleteInterval: number;
  volumes: unknown[];
  toolboxProxyUrl: string;
  runnerId: string;
  createdAt: string;
  updatedAt: string;
}

interface SandboxRecord {
  dto: SandboxDto;
  timeline: Timeline<SandboxState | 'gone'>;
  failureReason: string | null;
}

export interface SandboxService {
  routes: Route[];
  clear(): void;
}

export function createSandboxService(findSnapshot: (idOrName: string) => SnapshotDto | undefined): SandboxService {
  const store = createResourceStore<SandboxState, SandboxRecord>();
  const find = store.find;
  const notFound = (req: SimRequest, idOrName: string): SimResponse =>
    daytonaError(req, 404, `Sandbox with ID or name ${idOrName} not found`);

  function create(req: SimRequest): SimResponse {
    if (req.bodyError !== undefined) return daytonaError(req, 400, req.bodyError);
    const body = objectBody(req) ?? {};
    const buildInfo = asRecord(body.buildInfo);
    const snapshotRef = typeof body.snapshot === 'string' ? body.snapshot : '';
    if (buildInfo && snapshotRef !== '') {
      return daytonaError(req, 400, 'Cannot specify a snapshot when using a build info entry');
    }
    let snapshot: SnapshotDto | undefined;
    if (!buildInfo) {
      if (RESOURCE_FIELDS.some((f) => body[f] !== undefined && body[f] !== null)) {
        return daytonaError(req, 400, 'Cannot specify Sandbox resources when using a snapshot');
      }
      // The real server falls back to its default snapshot; the simulator has none.
      snapshot = findSnapshot(snapshotRef);
      if (!snapshot) {
        return daytonaError(req, 400, `Snapshot ${snapshotRef} not found. Did you add it through the Daytona Dashboard?`);
      }
      if (snapshot.state !== 'active') return daytonaError(req, 400, `Snapshot ${snapshotRef} is ${snapshot.state}`);
    }
    const id = randomUUID();
    const name = typeof body.name === 'string' && body.name !== '' ? body.name : id;
    if (store.hasName(name)) {
      return daytonaError(req, 409, `Sandbox with name ${name} already exists`);
    }
    const plan = planSandbox(snapshot ? snapshot.name : null);
    const now = new Date().toISOString();
    const dto: SandboxDto = {
      id,
      organizationId: ORGANIZATION_ID,
      name,
      snapshot: snapshot ? snapshot.name : null,
      user: typeof body.user === 'string' ? body.user : 'daytona',
      env: stringMap(body.env),
      labels: stringMap(body.labels),
      public: body.public === true,
      networkBlockAll: body.networkBlockAll === true,
      target: typeof body.target === 'string' ? body.target : 'us',
      cpu: snapshot ? snapshot.cpu : intOr(body.cpu, 1),
      gpu: snapshot ? snapshot.gpu : intOr(body.gpu, 0),
      memory: snapshot ? snapshot.mem : intOr(body.memory, 1),
      disk: snapshot ? snapshot.disk : intOr(body.disk, 3),
      state: plan.states[0] ?? 'creating',
      desiredState: 'started',
      errorReason: null,
      recoverable: false,
      backupState: 'None',
      autoStopInterval: intOr(body.autoStopInterval, 15),
      autoArchiveInterval: intOr(body.autoArchiveInterval, 10080),
      autoDeleteInterval: intOr(body.autoDeleteInterval, -1),
      volumes: Array.isArray(body.volumes) ? body.volumes : [],
      toolboxProxyUrl: 'https://proxy.app.daytona.io/toolbox',
      runnerId: 'runner-sim-1',
      createdAt: now,
      updatedAt: now,
    };
    store.add({ dto, timeline: startTimeline(plan.states), failureReason: plan.failureReason });
    return { status: 200, body: dto };
  }

  function get(req: SimRequest, [idOrName = '']: string[]): SimResponse {
    const record = find(idOrName);
    if (!record) return notFound(req, idOrName);
    const next = store.step(record);
    if (next === undefined) return notFound(req, idOrName); // destroyed sandboxes read as 404
    applyState(record, next);
    return { status: 200, body: record.dto };
  }

  function remove(req: SimRequest, [idOrName = '']: string[]): SimResponse {
    const record = find(idOrName);
    if (!record) return notFound(req, idOrName);
    record.timeline = startTimeline(planSandboxDeletion());
    record.dto.desiredState = 'destroyed';
    applyState(record, 'destroying');
    return { status: 200, body: record.dto };
  }

  const routes: Route[] = [
    { method: 'POST', pattern: /^\/api\/sandbox$/, handle: create },
    { method: 'GET', pattern: /^\/api\/sandbox\/([^/]+)$/, handle: get },
    { method: 'DELETE', pattern: /^\/api\/sandbox\/([^/]+)$/, handle: remove },
  ];
  return { routes, clear: store.clear };
}

function applyState(record: SandboxRecord, state: SandboxState): void {
  const dto = record.dto;
  if (dto.state === state) return;
  if (state === 'error') dto.errorReason = record.failureReason;
  dto.state = state;
  dto.updatedAt = new Date().toISOString();
}

function stringMap(value: unknown): Record<string, string> {
  const entries = Object.entries(asRecord(value) ?? {}).filter(([, v]) => typeof v === 'string');
  return Object.fromEntries(entries) as Record<string, string>;
}

function intOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) ? value : fallback;
}
