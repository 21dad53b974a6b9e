// The store both Daytona services share: look-up by ID first, then by name
// (as the real read guards do), unique names, and the GET step that forgets
// a resource once its timeline reaches 'gone' (deleted rows read as 404).
import { advance, type Timeline } from './timeline.js';

export interface StoredResource<S> {
  dto: { id: string; name: string };
  timeline: Timeline<S | 'gone'>;
}

export interface ResourceStore<S, R extends StoredResource<S>> {
  find(idOrName: string): R | undefined;
  hasName(name: string): boolean;
  add(record: R): void;
  all(): R[];
  /** Count one GET: the state to show, or undefined once the resource is gone (and forgotten). */
  step(record: R): S | undefined;
  clear(): void;
}

export function createResourceStore<S, R extends StoredResource<S>>(): ResourceStore<S, R> {
  const byId = new Map<string, R>();
  const byName = (name: string): R | undefined => [...byId.values()].find((r) => r.dto.name === name);
  return {
    find: (idOrName) => byId.get(idOrName) ?? byName(idOrName),
    hasName: (name) => byName(name) !== undefined,
    add: (record) => void byId.set(record.dto.id, record),
    all: () => [...byId.values()],
    step(record) {
      const next = advance(record.timeline);
      if (next !== 'gone') return next;
      byId.delete(record.dto.id);
      return undefined;
    },
    clear: () => byId.clear(),
  };
}
