// Issue 15: a worker keeps the plans of the documents its runs use, so a resumed poll does not
// parse them again (src/queue/plan-cache.ts).
import { describe, expect, it } from 'vitest';
import type { LoadedPlan } from '../../../src/cli/load-plan.js';
import { createPlanCache } from '../../../src/queue/plan-cache.js';

const plan = (name: string): LoadedPlan => ({ name }) as unknown as LoadedPlan;

describe('the worker plan cache', () => {
  it('loads a file once and hands the same plan back', async () => {
    const cache = createPlanCache(2);
    let loads = 0;
    const load = async (): Promise<LoadedPlan> => plan(`a${++loads}`);
    const first = await cache('/docs/a.yml', load);
    const second = await cache('/docs/a.yml', load);
    expect(second).toBe(first);
    expect(loads).toBe(1);
  });

  it('keeps at most size plans, dropping the least recently used', async () => {
    const cache = createPlanCache(2);
    const loaded: string[] = [];
    const load = (file: string) => async (): Promise<LoadedPlan> => {
      loaded.push(file);
      return plan(file);
    };
    await cache('a', load('a'));
    await cache('b', load('b'));
    await cache('a', load('a'));
    await cache('c', load('c'));
    await cache('a', load('a'));
    await cache('b', load('b'));
    expect(loaded).toEqual(['a', 'b', 'c', 'b']);
  });

  it('does not keep a load that failed', async () => {
    const cache = createPlanCache(2);
    await expect(cache('a', () => Promise.reject(new Error('unreadable')))).rejects.toThrow('unreadable');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await cache('a', async () => plan('again'))).toEqual({ name: 'again' });
  });
});
