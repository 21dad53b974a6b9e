// Scenario choice lives here and only here: the NAME a client gives a
// resource decides which branch of the real state machine it walks, so a
// workflow run can pick a branch without any simulator-specific request.
// Matching is a case-insensitive substring test, checked in the order below.
// See README.md for the table; keep the two in step.

export type SnapshotState =
  | 'building' | 'pending' | 'pulling' | 'active' | 'inactive' | 'error' | 'build_failed' | 'removing';

export type SandboxState =
  | 'creating' | 'restoring' | 'destroyed' | 'destroying' | 'started' | 'stopped' | 'starting'
  | 'stopping' | 'error' | 'build_failed' | 'pending_build' | 'building_snapshot' | 'unknown'
  | 'pulling_snapshot' | 'archived' | 'archiving' | 'resizing' | 'snapshotting' | 'forking'
  | 'pausing' | 'paused' | 'resuming';

export type ImageState = 'PROVISIONING' | 'IMPORTING' | 'AVAILABLE' | 'EXPORTING' | 'DISABLED' | 'DELETED';

/** Polls a normal build/pull/capture spends in its working state. */
export const NORMAL_POLLS = 2;
/** Polls a `slow` resource spends there instead. */
export const SLOW_POLLS = 5;

export const SNAPSHOT_BUILD_FAILED_REASON =
  "The command '/bin/sh -c exit 1' returned a non-zero code: 1";
// A real message from the snapshot manager (api-facts §1.8).
export const SNAPSHOT_ERROR_REASON = 'Timeout processing snapshot on initial runner';
export const SANDBOX_ERROR_REASON = 'Sandbox failed to start: container exited with code 1';

export interface SnapshotPlan {
  /** [0] is the create response; GET n shows [n] */
  states: SnapshotState[];
  /** errorReason once the timeline reaches `error` / `build_failed` */
  failureReason: string | null;
}

function repeat<S>(state: S, times: number): S[] {
  return Array.from({ length: times }, () => state);
}

function has(name: string, token: string): boolean {
  return name.toLowerCase().includes(token);
}

/**
 * Snapshot scenarios, by name:
 * - `sandbox-error`: the snapshot itself builds normally (checked first, because the
 *   name also contains `error`); sandboxes made from it fail, see planSandbox.
 * - `build-failed`: pending → building → build_failed (with errorReason).
 * - `inactive`: pending → pulling → inactive (a real build never ends there; the
 *   seed's activate branch needs it).
 * - `error`: pending → pulling → error (with errorReason).
 * - otherwise: pending → pulling (building with buildInfo) → active.
 * `slow` anywhere in the name stretches pulling/building from 2 polls to 5.
 */
export function planSnapshot(name: string, fromDockerfile: boolean): SnapshotPlan {
  const polls = has(name, 'slow') ? SLOW_POLLS : NORMAL_POLLS;
  const working: SnapshotState = fromDockerfile ? 'building' : 'pulling';
  if (has(name, 'sandbox-error')) {
    return { states: ['pending', ...repeat(working, polls), 'active'], failureReason: null };
  }
  if (has(name, 'build-failed')) {
    return {
      states: ['pending', ...repeat<SnapshotState>('building', polls), 'build_failed'],
      failureReason: SNAPSHOT_BUILD_FAILED_REASON,
    };
  }
  if (has(name, 'inactive')) {
    return { states: ['pending', ...repeat(working, polls), 'inactive'], failureReason: null };
  }
  if (has(name, 'error')) {
    return { states: ['pending', ...repeat(working, polls), 'error'], failureReason: SNAPSHOT_ERROR_REASON };
  }
  return { states: ['pending', ...repeat(working, polls), 'active'], failureReason: null };
}

/** activateSnapshot answers `pending`, then the snapshot pulls again (api-facts §3.1). */
export function planActivation(): SnapshotState[] {
  return ['pending', ...repeat<SnapshotState>('pulling', NORMAL_POLLS), 'active'];
}

/** DELETE answers 200, the next GET still shows `removing`, the one after is a 404. */
export function planSnapshotRemoval(): Array<SnapshotState | 'gone'> {
  return ['removing', 'removing', 'gone'];
}

export interface SandboxPlan {
  states: SandboxState[];
  failureReason: string | null;
}

/**
 * Sandboxes follow the snapshot they were made from: a snapshot name containing
 * `sandbox-error` sends them to `error`; otherwise `creating` → `started` on the
 * second GET. Dockerfile sandboxes go pending_build → building_snapshot first.
 */
export function planSandbox(snapshotName: string | null): SandboxPlan {
  if (snapshotName === null) {
    return { states: ['pending_build', 'building_snapshot', 'creating', 'started'], failureReason: null };
  }
  if (has(snapshotName, 'sandbox-error')) {
    return { states: ['creating', 'creating', 'error'], failureReason: SANDBOX_ERROR_REASON };
  }
  return { states: ['creating', 'creating', 'started'], failureReason: null };
}

export function planSandboxDeletion(): Array<SandboxState | 'gone'> {
  return ['destroying', 'destroying', 'gone'];
}

/**
 * OCI images: PROVISIONING (IMPORTING for an Object Storage import) for 3 GETs,
 * AVAILABLE on the 3rd; a displayName containing `slow` stays 5 GETs, AVAILABLE on the 6th.
 */
export function planImage(displayName: string, imported: boolean): ImageState[] {
  const polls = has(displayName, 'slow') ? SLOW_POLLS : NORMAL_POLLS;
  return [...repeat<ImageState>(imported ? 'IMPORTING' : 'PROVISIONING', polls + 1), 'AVAILABLE'];
}
