/**
 * A workflow's control flow as plain data: steps (and each workflow's start, end and fail) as
 * nodes, every way control can move as an edge. Built once from the plan; every format
 * (JSON, Mermaid, DOT, SVG) renders this value.
 */
export type NodeKind = 'start' | 'step' | 'end' | 'fail';

export interface GraphNode {
  /** Unique in the graph: `<workflowId>/<stepId>`, `<workflowId>/start|end|fail`. */
  id: string;
  workflowId: string;
  kind: NodeKind;
  label: string;
  stepId?: string;
  /** `GET /snapshots/{id}` (with operationId) or `workflow <id>` for a sub-workflow step. */
  operation?: string;
}

/**
 * next: no onSuccess action matched, on to the following step (or the workflow's end).
 * goto/end/retry: an action, labelled with its name and criteria.
 * failed: no onFailure action matched, the workflow fails.
 * calls: a step that runs another workflow. dependsOn: that workflow runs first.
 */
export type EdgeKind = 'next' | 'goto' | 'end' | 'retry' | 'failed' | 'calls' | 'dependsOn';

export interface GraphEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  /** Which outcome of `from` the edge follows; failure edges are drawn differently. */
  outcome: 'success' | 'failure' | 'none';
  /** Action name and criteria (`name: a && b`), retry details; absent for plain edges. */
  label?: string;
  action?: string;
}

export interface GraphCluster {
  workflowId: string;
  label: string;
  /** main: the workflow drawn; dependsOn / subworkflow / goto: workflows it reaches. */
  role: 'main' | 'dependsOn' | 'subworkflow' | 'goto';
  nodes: string[];
}

export interface WorkflowGraph {
  workflowId: string;
  clusters: GraphCluster[];
  nodes: GraphNode[];
  edges: GraphEdge[];
}
