/** (workflowId, stepId) → the file and line where that step is written, via the document's source map. */
import type { LoadedPlan } from '../load/load-plan.js';

export interface StepLocation {
  /** The document key: an absolute path or a URL. */
  file: string;
  line?: number;
  column?: number;
}

export type LocateStep = (workflowId: string, stepId?: string) => StepLocation | undefined;

export function createStepLocator(loaded: LoadedPlan): LocateStep {
  const { plan, workspace } = loaded;
  const documents = [plan.documents.get(plan.rootKey), ...plan.documents.values()].filter((d) => d !== undefined);
  return (workflowId, stepId) => {
    for (const document of documents) {
      const workflow = document.workflows.get(workflowId);
      if (!workflow) continue;
      const step = stepId === undefined ? undefined : workflow.steps.find((s) => s.stepId === stepId);
      const pointer = step?.pointer ?? workflow.pointer;
      const position = workspace.documents.get(document.key)?.parsed.sourceMap.locate(pointer);
      return { file: document.key, ...(position ? { line: position.line, column: position.column } : {}) };
    }
    return undefined;
  };
}
