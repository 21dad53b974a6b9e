// OCI instances (api-facts §2.3, §2.6, §3.4). Two instances are seeded with
// fixed, well-known OCIDs so workflows can take the STOPPED and the
// not-STOPPED branches of seed S2 without creating anything first.
import { etagOf, makeOcid, ociError, ociNotFound } from './oci-ids.js';
import type { Route, SimRequest, SimResponse } from './route.js';
import { advance, currentState, startTimeline, type Timeline } from './timeline.js';

export type InstanceState =
  | 'MOVING' | 'PROVISIONING' | 'RUNNING' | 'STARTING' | 'STOPPING' | 'STOPPED'
  | 'CREATING_IMAGE' | 'TERMINATING' | 'TERMINATED';

export const COMPARTMENT_ID = 'ocid1.compartment.oc1..aaaaaaaasimulatorcompartment000000000000000000000000000';
export const STOPPED_INSTANCE_ID = 'ocid1.instance.oc1.iad.stoppedsimulatorinstance00000000000000000000000000000';
export const RUNNING_INSTANCE_ID = 'ocid1.instance.oc1.iad.runningsimulatorinstance00000000000000000000000000000';
const BASE_IMAGE_ID = 'ocid1.image.oc1.iad.aaaaaaaasimulatorbaseimage0000000000000000000000000000000';
const ACTIONS = ['STOP', 'START', 'SOFTRESET', 'RESET', 'SOFTSTOP', 'SENDDIAGNOSTICINTERRUPT', 'DIAGNOSTICREBOOT', 'REBOOTMIGRATE'];
const SETTLED: readonly InstanceState[] = ['RUNNING', 'STOPPED'];

export interface InstanceDto {
  id: string;
  compartmentId: string;
  displayName: string;
  shape: string;
  region: string;
  availabilityDomain: string;
  faultDomain: string;
  lifecycleState: InstanceState;
  timeCreated: string;
  imageId: string;
  launchMode: string;
  metadata: Record<string, string>;
  freeformTags: Record<string, string>;
  definedTags: Record<string, Record<string, unknown>>;
}

export interface InstanceInit {
  lifecycleState: InstanceState;
  id?: string;
  displayName?: string;
  compartmentId?: string;
}

interface InstanceRecord {
  dto: InstanceDto;
  timeline: Timeline<InstanceState>;
  /** set while an image capture of this instance is provisioning */
  capturing: () => boolean;
}

export interface InstanceService {
  routes: Route[];
  add(init: InstanceInit): string;
  find(id: string): InstanceDto | undefined;
  /** Show CREATING_IMAGE while `capturing()` holds, if the instance is RUNNING. */
  markCapture(id: string, capturing: () => boolean): void;
  clear(): void;
}

export function createInstanceService(): InstanceService {
  const byId = new Map<string, InstanceRecord>();

  function add(init: InstanceInit): string {
    const id = init.id ?? makeOcid('instance');
    const dto: InstanceDto = {
      id,
      compartmentId: init.compartmentId ?? COMPARTMENT_ID,
      displayName: init.displayName ?? `sim-instance-${byId.size + 1}`,
      shape: 'VM.Standard.E4.Flex',
      region: 'iad',
      availabilityDomain: 'Uocm:US-ASHBURN-AD-1',
      faultDomain: 'FAULT-DOMAIN-1',
      lifecycleState: init.lifecycleState,
      timeCreated: '2026-01-01T00:00:00.000Z',
      imageId: BASE_IMAGE_ID,
      launchMode: 'PARAVIRTUALIZED',
      metadata: {},
      freeformTags: {},
      definedTags: {},
    };
    byId.set(id, { dto, timeline: startTimeline([init.lifecycleState]), capturing: () => false });
    return id;
  }

  // Reading an instance is what moves it on (STOPPING → STOPPED, ...).
  function view(record: InstanceRecord, step: boolean): InstanceDto {
    const base = step ? advance(record.timeline) : currentState(record.timeline);
    // The capture state is inference (api-facts §2.8): RUNNING shows CREATING_IMAGE meanwhile.
    record.dto.lifecycleState = base === 'RUNNING' && record.capturing() ? 'CREATING_IMAGE' : base;
    return record.dto;
  }

  function ok(dto: InstanceDto): SimResponse {
    return { status: 200, body: dto, headers: { etag: etagOf(dto) } };
  }

  function get(_req: SimRequest, [id = '']: string[]): SimResponse {
    const record = byId.get(id);
    return record ? ok(view(record, true)) : ociNotFound();
  }

  function action(req: SimRequest, [id = '']: string[]): SimResponse {
    const verb = req.query.action ?? '';
    if (!ACTIONS.includes(verb)) {
      return ociError(400, 'InvalidParameter', `Invalid action: '${verb}'. Allowed: ${ACTIONS.join(', ')}`);
    }
    const record = byId.get(id);
    if (!record) return ociNotFound();
    const now = view(record, false).lifecycleState;
    if (!SETTLED.includes(now)) {
      return ociError(409, 'Conflict', `instance ${id} is currently being modified, try again later`);
    }
    record.timeline = startTimeline(nextStates(now, verb));
    return ok(view(record, false));
  }

  const routes: Route[] = [
    { method: 'GET', pattern: /^\/20160918\/instances\/([^/]+)$/, handle: get },
    { method: 'POST', pattern: /^\/20160918\/instances\/([^/]+)$/, handle: action },
  ];

  function seed(): void {
    add({ id: STOPPED_INSTANCE_ID, lifecycleState: 'STOPPED', displayName: 'sim-stopped-instance' });
    add({ id: RUNNING_INSTANCE_ID, lifecycleState: 'RUNNING', displayName: 'sim-running-instance' });
  }
  seed();

  return {
    routes,
    add,
    find: (id) => byId.get(id)?.dto,
    markCapture: (id, capturing) => {
      const record = byId.get(id);
      if (record) record.capturing = capturing;
    },
    clear: () => {
      byId.clear();
      seed();
    },
  };
}

/** Stop/start go through their transient state for one GET; the rest keep the state. */
function nextStates(now: InstanceState, verb: string): InstanceState[] {
  if ((verb === 'STOP' || verb === 'SOFTSTOP') && now === 'RUNNING') return ['STOPPING', 'STOPPED'];
  if (verb === 'START' && now === 'STOPPED') return ['STARTING', 'RUNNING'];
  return [now];
}
