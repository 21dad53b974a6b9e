/**
 * WorkflowGraph → Mermaid flowchart text (GitHub renders it in Markdown). Node ids are n0, n1…
 * because workflow and step ids may hold characters Mermaid reads as syntax; labels are quoted
 * with Mermaid's entity codes. Failure edges are dotted and red, success edges solid.
 */
import type { GraphEdge, GraphNode, WorkflowGraph } from './graph-model.js';

/** Optional per-node annotation (e.g. what a run did) appended to the label, and a class. */
export interface NodeMark {
  note?: string;
  state?: 'ran' | 'failed' | 'skipped';
}

// Inside a quoted label only these are syntax; Mermaid reads #name; entities.
const escape = (text: string): string => text.replace(/[#"<>&]/g, (c) => ENTITIES[c]!).replace(/\r?\n/g, ' ');
const ENTITIES: Record<string, string> = { '#': '#35;', '"': '#quot;', '<': '#lt;', '>': '#gt;', '&': '#amp;' };

export function renderMermaid(graph: WorkflowGraph, marks: ReadonlyMap<string, NodeMark> = new Map()): string {
  const ids = new Map(graph.nodes.map((node, index) => [node.id, `n${index}`]));
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const lines = ['flowchart TD'];
  graph.clusters.forEach((cluster, index) => {
    lines.push(`  subgraph c${index}["${escape(cluster.role === 'main' ? cluster.label : `${cluster.role}: ${cluster.label}`)}"]`);
    for (const nodeId of cluster.nodes) lines.push(`    ${ids.get(nodeId)}${shape(byId.get(nodeId)!, marks.get(nodeId))}`);
    lines.push('  end');
  });
  const failureLinks: number[] = [];
  graph.edges.forEach((edge, index) => {
    lines.push(`  ${ids.get(edge.from)} ${arrow(edge)} ${ids.get(edge.to)}`);
    if (edge.outcome === 'failure') failureLinks.push(index);
  });
  if (failureLinks.length > 0) lines.push(`  linkStyle ${failureLinks.join(',')} stroke:#c62828,color:#c62828`);
  lines.push('  classDef ran fill:#e8f5e9,stroke:#2e7d32', '  classDef failed fill:#ffebee,stroke:#c62828,stroke-width:2px', '  classDef skipped fill:#f5f5f5,stroke:#9e9e9e,color:#757575');
  for (const [nodeId, mark] of marks) if (mark.state && ids.has(nodeId)) lines.push(`  class ${ids.get(nodeId)} ${mark.state}`);
  return `${lines.join('\n')}\n`;
}

function shape(node: GraphNode, mark: NodeMark | undefined): string {
  const note = mark?.note ? ` · ${mark.note}` : '';
  if (node.kind === 'step') return `["${escape(node.label)}${node.operation ? `<br/><small>${escape(node.operation)}</small>` : ''}${escape(note)}"]`;
  if (node.kind === 'start') return `(["${escape(node.label + note)}"])`;
  return `((("${escape(node.label + note)}")))`;
}

function arrow(edge: GraphEdge): string {
  const label = edge.label ? `|"${escape(edge.label)}"|` : '';
  if (edge.outcome === 'failure') return `-.->${label}`;
  if (edge.kind === 'calls' || edge.kind === 'dependsOn') return `==>${label}`;
  return `-->${label}`;
}
