// The Daytona snapshot endpoints (api-facts §1.4, §1.5, §1.7, §3.1), over an
// in-memory store. Progress is counted in getSnapshot calls per snapshot.
import { randomUUID } from 'node:crypto';
import { daytonaError } from './daytona-errors.js';
import { planActivation, planSnapshot, planSnapshotRemoval, type SnapshotState } from './plan-scenarios.js';
import { asRecord, objectBody, type Route, type SimRequest, type SimResponse } from './route.js';
import { createResourceStore } from './resource-store.js';
import { startTimeline, type Timeline } from './timeline.js';
import { validateCreateSnapshot } from './validate-create-snapshot.js';

export const ORGANIZATION_ID = '6f1d6a8e-3c1b-4d2a-9b7e-0a1c2d3e4f50';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export interface SnapshotDto {
  id: string;
  organizationId: string;
  general: boolean;
  name: string;
  imageName?: string;
  state: SnapshotState;
  size: number | null;
  entrypoint: string[] | null;
  cpu: number;
  gpu: number;
  mem: number;
  disk: number;
  errorReason: string | null;
  createdAt: string;
  updatedAt: string;
  lastUsedAt: string | null;
  regionIds: string[];
  buildInfo?: Record<string, unknown>;
  ref?: string;
  initialRunnerId?: string;
}

interface SnapshotRecord {
  dto: SnapshotDto;
  timeline: Timeline<SnapshotState | 'gone'>;
  failureReason: string | null;
}

export interface SnapshotService {
  routes: Route[];
  /** ID first, then name, like the real read-access guard */
  find(idOrName: string): SnapshotDto | undefined;
  clear(): void;
}

export function createSnapshotService(): SnapshotService {
  const store = createResourceStore<SnapshotState, SnapshotRecord>();
  const find = store.find;

  const notFound = (req: SimRequest, idOrName: string): SimResponse =>
    daytonaError(req, 404, `Snapshot with name ${idOrName} not found`);

  function create(req: SimRequest): SimResponse {
    if (req.bodyError !== undefined) return daytonaError(req, 400, req.bodyError);
    const body = objectBody(req) ?? {};
    const problem = validateCreateSnapshot(body);
    if (problem !== undefined) return daytonaError(req, 400, problem);
    const name = body.name as string;
    if (store.hasName(name)) {
      return daytonaError(req, 409, `Snapshot with name "${name}" already exists for this organization`);
    }
    const buildInfo = asRecord(body.buildInfo);
    const plan = planSnapshot(name, buildInfo !== undefined);
    const now = new Date().toISOString();
    const dto: SnapshotDto = {
      id: randomUUID(),
      organizationId: ORGANIZATION_ID,
      general: false,
      name,
      ...(typeof body.imageName === 'string' ? { imageName: body.imageName } : {}),
      state: 'pending',
      size: null,
      entrypoint: Array.isArray(body.entrypoint)
        ? body.entrypoint.filter((e): e is string => typeof e === 'string' && e !== '')
        : null,
      cpu: numberOr(body.cpu, 1),
      gpu: numberOr(body.gpu, 0),
      mem: numberOr(body.memory, 1), // the request says memory, the DTO says mem
      disk: numberOr(body.disk, 3),
      errorReason: null,
      createdAt: now,
      updatedAt: now,
      lastUsedAt: null,
      regionIds: ['us'],
      ...(buildInfo ? { buildInfo: { ...buildInfo, createdAt: now, updatedAt: now } } : {}),
    };
    const record: SnapshotRecord = { dto, timeline: startTimeline(plan.states), failureReason: plan.failureReason };
    store.add(record);
    return { status: 200, body: dto };
  }

  function get(req: SimRequest, [idOrName = '']: string[]): SimResponse {
    const record = find(idOrName);
    if (!record) return notFound(req, idOrName);
    const next = store.step(record);
    if (next === undefined) return notFound(req, idOrName);
    applyState(record, next);
    return { status: 200, body: record.dto };
  }

  function list(req: SimRequest): SimResponse {
    const page = positiveInt(req.query.page, 1);
    const limit = positiveInt(req.query.limit, 100);
    const all = store.all().map((r) => r.dto);
    const items = all.slice((page - 1) * limit, page * limit);
    return { status: 200, body: { items, total: all.length, page, totalPages: Math.ceil(all.length / limit) } };
  }

  function activate(req: SimRequest, [idOrName = '']: string[]): SimResponse {
    // The guard looks the snapshot up before the UUID pipe runs, so 404 wins over 400.
    const record = find(idOrName);
    if (!record) return notFound(req, idOrName);
    if (!UUID.test(idOrName)) return daytonaError(req, 400, 'Validation failed (uuid is expected)');
    const { state, id } = record.dto;
    if (state === 'active') return daytonaError(req, 400, `Snapshot ${id} is already active`);
    if (state !== 'inactive') {
      return daytonaError(req, 400, `Snapshot ${id} cannot be activated - it is in ${state} state`);
    }
    // The real 10-minute cooldown after the last update is not modelled: the
    // `inactive` scenario lands there seconds before the seed activates it.
    record.timeline = startTimeline(planActivation());
    record.failureReason = null;
    applyState(record, 'pending');
    return { status: 200, body: record.dto };
  }

  function deactivate(req: SimRequest, [idOrName = '']: string[]): SimResponse {
    const record = find(idOrName);
    if (!record) return notFound(req, idOrName);
    if (!UUID.test(idOrName)) return daytonaError(req, 400, 'Validation failed (uuid is expected)');
    if (record.dto.state !== 'active') return daytonaError(req, 400, `Snapshot ${record.dto.id} is not active`);
    record.timeline = startTimeline<SnapshotState>(['inactive']);
    applyState(record, 'inactive');
    return { status: 204 };
  }

  function remove(req: SimRequest, [idOrName = '']: string[]): SimResponse {
    const record = find(idOrName);
    if (!record) return notFound(req, idOrName);
    record.timeline = startTimeline(planSnapshotRemoval());
    applyState(record, 'removing');
    return { status: 200 };
  }

  const routes: Route[] = [
    { method: 'POST', pattern: /^\/api\/snapshots$/, handle: create },
    { method: 'GET', pattern: /^\/api\/snapshots$/, handle: list },
    { method: 'GET', pattern: /^\/api\/snapshots\/([^/]+)$/, handle: get },
    { method: 'DELETE', pattern: /^\/api\/snapshots\/([^/]+)$/, handle: remove },
    { method: 'POST', pattern: /^\/api\/snapshots\/([^/]+)\/activate$/, handle: activate },
    { method: 'POST', pattern: /^\/api\/snapshots\/([^/]+)\/deactivate$/, handle: deactivate },
  ];
  return { routes, find: (idOrName) => find(idOrName)?.dto, clear: store.clear };
}

/** Side effects of entering a state, as the snapshot manager applies them (api-facts §3.1). */
function applyState(record: SnapshotRecord, state: SnapshotState): void {
  const dto = record.dto;
  if (dto.state === state) return;
  const now = new Date().toISOString();
  if (dto.state === 'pending' && dto.size === null) {
    dto.size = 0.42; // inspected: size and registry ref become known
    dto.ref = `registry.daytona.local/daytona/${dto.id}:latest`;
    dto.initialRunnerId = 'runner-sim-1';
  }
  if (state === 'active') dto.lastUsedAt = now;
  if (state === 'error' || state === 'build_failed') dto.errorReason = record.failureReason;
  if (state === 'pending') dto.errorReason = null;
  dto.state = state;
  dto.updatedAt = now;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function positiveInt(raw: string | undefined, fallback: number): number {
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
