/**
 * Plan → WorkflowGraph (pure). Follows the spec's action semantics (Step Object, Success and
 * Failure Action Objects): the first onSuccess action whose criteria match wins, else the next
 * step; the first matching onFailure action wins, else the workflow fails. An action without
 * criteria always matches, so it hides the default edge after it.
 */
import type { ActionPlan, Plan, StepPlan, WorkflowPlan, WorkflowRef } from '../plan/plan.js';
import { workflowKey } from '../plan/plan.js';
import type { GraphCluster, GraphEdge, GraphNode, WorkflowGraph } from './graph-model.js';

export function buildGraph(plan: Plan, main: WorkflowPlan): WorkflowGraph {
  const graph: WorkflowGraph = { workflowId: main.workflowId, clusters: [], nodes: [], edges: [] };
  const seen = new Set<string>();
  const queue: Array<{ workflow: WorkflowPlan; role: GraphCluster['role'] }> = [{ workflow: main, role: 'main' }];
  const find = (ref: WorkflowRef): WorkflowPlan | undefined => plan.documents.get(ref.documentKey)?.workflows.get(ref.workflowId);
  const reach = (ref: WorkflowRef, role: GraphCluster['role']): void => {
    const workflow = find(ref);
    if (workflow && !seen.has(workflowKey(workflow.ref))) queue.push({ workflow, role });
  };
  while (queue.length > 0) {
    const { workflow, role } = queue.shift()!;
    if (seen.has(workflowKey(workflow.ref))) continue;
    seen.add(workflowKey(workflow.ref));
    addWorkflow(graph, workflow, role);
    for (const dependency of workflow.dependsOn) {
      reach(dependency, 'dependsOn');
      graph.edges.push({ from: endId(dependency.workflowId), to: startId(workflow.workflowId), kind: 'dependsOn', outcome: 'none', label: 'dependsOn' });
    }
    for (const step of workflow.steps) {
      if (step.target.kind === 'workflow') reach(step.target.workflow, 'subworkflow');
      for (const action of [...step.onSuccess, ...step.onFailure]) {
        if (action.target?.kind === 'workflow') reach(action.target.workflow, 'goto');
      }
    }
  }
  return graph;
}

const startId = (workflowId: string): string => `${workflowId}/start`;
const endId = (workflowId: string): string => `${workflowId}/end`;
const failId = (workflowId: string): string => `${workflowId}/fail`;
const stepNodeId = (workflowId: string, stepId: string): string => `${workflowId}/${stepId}`;

function addWorkflow(graph: WorkflowGraph, workflow: WorkflowPlan, role: GraphCluster['role']): void {
  const id = workflow.workflowId;
  const nodes: GraphNode[] = [
    { id: startId(id), workflowId: id, kind: 'start', label: 'start' },
    ...workflow.steps.map((step) => stepNode(id, step)),
    { id: endId(id), workflowId: id, kind: 'end', label: 'end' },
    { id: failId(id), workflowId: id, kind: 'fail', label: 'failed' },
  ];
  graph.nodes.push(...nodes);
  graph.clusters.push({ workflowId: id, label: workflow.summary ? `${id}: ${workflow.summary}` : id, role, nodes: nodes.map((n) => n.id) });
  const first = workflow.steps[0];
  graph.edges.push({ from: startId(id), to: first ? stepNodeId(id, first.stepId) : endId(id), kind: 'next', outcome: 'none' });
  workflow.steps.forEach((step, index) => addStepEdges(graph, workflow, step, workflow.steps[index + 1]));
}

function stepNode(workflowId: string, step: StepPlan): GraphNode {
  const target = step.target;
  const operation = target.kind === 'workflow'
    ? `workflow ${target.workflow.workflowId}`
    : target.kind === 'asyncapi'
      ? `${target.action ?? 'message'} ${target.reference.text}`
      : `${target.operation.method} ${target.operation.path}${target.operation.operationId ? ` (${target.operation.operationId})` : ''}`;
  return { id: stepNodeId(workflowId, step.stepId), workflowId, kind: 'step', label: step.stepId, stepId: step.stepId, operation };
}

function addStepEdges(graph: WorkflowGraph, workflow: WorkflowPlan, step: StepPlan, next: StepPlan | undefined): void {
  const id = workflow.workflowId;
  const from = stepNodeId(id, step.stepId);
  if (step.target.kind === 'workflow') {
    graph.edges.push({ from, to: startId(step.target.workflow.workflowId), kind: 'calls', outcome: 'none', label: 'runs' });
  }
  for (const action of step.onSuccess) graph.edges.push(actionEdge(id, from, action, 'success'));
  if (!step.onSuccess.some(always)) {
    graph.edges.push({ from, to: next ? stepNodeId(id, next.stepId) : endId(id), kind: 'next', outcome: 'success' });
  }
  for (const action of step.onFailure) graph.edges.push(actionEdge(id, from, action, 'failure'));
  if (!step.onFailure.some(always)) graph.edges.push({ from, to: failId(id), kind: 'failed', outcome: 'failure' });
}

const always = (action: ActionPlan): boolean => action.criteria.length === 0;

function actionEdge(workflowId: string, from: string, action: ActionPlan, outcome: 'success' | 'failure'): GraphEdge {
  const criteria = action.criteria.map((c) => c.criterion.source).join(' && ');
  let label = criteria ? `${action.name}: ${criteria}` : action.name;
  let to: string;
  if (action.type === 'end') to = outcome === 'success' ? endId(workflowId) : failId(workflowId);
  else if (action.type === 'retry' && !action.target) {
    to = from;
    label += ` (retry ≤${action.retryLimit}, after ${action.retryAfterMs / 1000}s)`;
  } else if (action.target?.kind === 'workflow') to = startId(action.target.workflow.workflowId);
  else if (action.target?.kind === 'step') to = stepNodeId(workflowId, action.target.stepId);
  else to = from;
  if (action.type === 'retry' && action.target) label += ` (retry ≤${action.retryLimit}, after ${action.retryAfterMs / 1000}s)`;
  return { from, to, kind: action.type, outcome, label, action: action.name };
}
