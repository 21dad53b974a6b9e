// OCI custom images (api-facts §2.3–2.5, §2.8, §3.3): createImage answers 200
// with the Image in PROVISIONING plus etag / opc-work-request-id, and each
// getImage moves it one step towards AVAILABLE.
import { etagOf, makeOcid, ociError, ociNotFound } from './oci-ids.js';
import type { InstanceService } from './oci-instances.js';
import { planImage, type ImageState } from './plan-scenarios.js';
import { asRecord, objectBody, type Route, type SimRequest, type SimResponse } from './route.js';
import { advance, currentState, startTimeline, type Timeline } from './timeline.js';

export interface ImageDto {
  id: string;
  compartmentId: string;
  displayName: string;
  baseImageId: string | null;
  lifecycleState: ImageState;
  timeCreated: string;
  operatingSystem: string;
  operatingSystemVersion: string;
  createImageAllowed: boolean;
  launchMode: string;
  sizeInMBs: number;
  billableSizeInGBs: number;
  freeformTags: Record<string, string>;
  definedTags: Record<string, unknown>;
}

interface ImageRecord {
  dto: ImageDto;
  timeline: Timeline<ImageState>;
  instanceId: string | null;
}

export interface ImageService {
  routes: Route[];
  clear(): void;
}

export function createImageService(instances: InstanceService): ImageService {
  const byId = new Map<string, ImageRecord>();
  // opc-retry-token → the request it first came with, so replays are idempotent.
  const retryTokens = new Map<string, { fingerprint: string; imageId: string }>();

  const ok = (dto: ImageDto, extra: Record<string, string> = {}): SimResponse =>
    ({ status: 200, body: dto, headers: { etag: etagOf(dto), ...extra } });

  function create(req: SimRequest): SimResponse {
    if (req.bodyError !== undefined) return ociError(400, 'CannotParseRequest', 'Unable to parse the request body as JSON.');
    const body = objectBody(req) ?? {};
    const token = req.headers['opc-retry-token'];
    const fingerprint = JSON.stringify(body);
    const previous = token ? retryTokens.get(token) : undefined;
    if (previous) {
      const image = byId.get(previous.imageId);
      if (previous.fingerprint !== fingerprint || !image) {
        return ociError(409, 'InvalidatedRetryToken', 'The retry token was already used for a different request.');
      }
      return ok(image.dto, { 'opc-work-request-id': makeOcid('coreservicesworkrequest') });
    }
    const problem = checkDetails(body);
    if (problem) return problem;
    const instanceId = typeof body.instanceId === 'string' ? body.instanceId : null;
    const instance = instanceId ? instances.find(instanceId) : undefined;
    if (instanceId && !instance) return ociNotFound();
    // Only one capture per instance at a time (the real window is 20 minutes).
    if (instanceId && [...byId.values()].some((r) => r.instanceId === instanceId && isProvisioning(r))) {
      return ociError(409, 'Conflict', 'Conflict with another image operation, try again later');
    }
    const displayName = typeof body.displayName === 'string' ? body.displayName : `image-${byId.size + 1}`;
    const states = planImage(displayName, instanceId === null);
    const dto: ImageDto = {
      id: makeOcid('image'),
      compartmentId: body.compartmentId as string,
      displayName,
      baseImageId: instance ? instance.imageId : null,
      lifecycleState: states[0] ?? 'PROVISIONING',
      timeCreated: new Date().toISOString(),
      operatingSystem: 'Oracle Linux',
      operatingSystemVersion: '8',
      createImageAllowed: true,
      launchMode: typeof body.launchMode === 'string' ? body.launchMode : 'PARAVIRTUALIZED',
      sizeInMBs: 47694,
      billableSizeInGBs: 3,
      freeformTags: (asRecord(body.freeformTags) ?? {}) as Record<string, string>,
      definedTags: asRecord(body.definedTags) ?? {},
    };
    const record: ImageRecord = { dto, timeline: startTimeline(states), instanceId };
    byId.set(dto.id, record);
    if (instanceId) instances.markCapture(instanceId, () => isProvisioning(record));
    if (token) retryTokens.set(token, { fingerprint, imageId: dto.id });
    return ok(dto, { 'opc-work-request-id': makeOcid('coreservicesworkrequest') });
  }

  function get(_req: SimRequest, [id = '']: string[]): SimResponse {
    const record = byId.get(id);
    if (!record) return ociNotFound();
    record.dto.lifecycleState = advance(record.timeline);
    return ok(record.dto);
  }

  const routes: Route[] = [
    { method: 'POST', pattern: /^\/20160918\/images$/, handle: create },
    { method: 'GET', pattern: /^\/20160918\/images\/([^/]+)$/, handle: get },
  ];
  return {
    routes,
    clear: () => {
      byId.clear();
      retryTokens.clear();
    },
  };
}

function isProvisioning(record: ImageRecord): boolean {
  const state = currentState(record.timeline);
  return state === 'PROVISIONING' || state === 'IMPORTING';
}

function checkDetails(body: Record<string, unknown>): SimResponse | undefined {
  if (typeof body.compartmentId !== 'string' || body.compartmentId === '') {
    return ociError(400, 'MissingParameter', 'Missing required parameter: compartmentId');
  }
  if (typeof body.instanceId !== 'string' && asRecord(body.imageSourceDetails) === undefined) {
    return ociError(400, 'InvalidParameter', 'Either instanceId or imageSourceDetails must be provided.');
  }
  if (typeof body.displayName === 'string' && (body.displayName.length < 1 || body.displayName.length > 255)) {
    return ociError(400, 'InvalidParameter', 'displayName must be between 1 and 255 characters.');
  }
  return undefined;
}
