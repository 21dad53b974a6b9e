/**
 * A worker's loaded plans, by the path of the run's file: under a worker's content-addressed
 * document folders (run-job.ts) a path always holds the same documents. The least recently used
 * plan goes when more than `size` are kept; a load that fails is not kept.
 */
import type { LoadedPlan } from '../cli/load-plan.js';

export function createPlanCache(size: number): (file: string, load: () => Promise<LoadedPlan>) => Promise<LoadedPlan> {
  const plans = new Map<string, Promise<LoadedPlan>>();
  return (file, load) => {
    const kept = plans.get(file);
    if (kept) {
      plans.delete(file);
      plans.set(file, kept);
      return kept;
    }
    const loading = load();
    plans.set(file, loading);
    loading.catch(() => plans.delete(file));
    if (plans.size > size) plans.delete(plans.keys().next().value!);
    return loading;
  };
}
