/**
 * WorkflowGraph → Graphviz DOT. One `cluster_` subgraph per workflow; failure edges dashed and
 * red, calls and dependsOn bold; a poll (goto to itself) is a self-loop.
 */
import type { GraphEdge, GraphNode, WorkflowGraph } from './graph-model.js';
import type { NodeMark } from './render-mermaid.js';

const quote = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;

const FILL: Record<NonNullable<NodeMark['state']>, string> = { ran: '#e8f5e9', failed: '#ffebee', skipped: '#f5f5f5' };

export function renderDot(graph: WorkflowGraph, marks: ReadonlyMap<string, NodeMark> = new Map()): string {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const lines = [`digraph ${quote(graph.workflowId)} {`, '  rankdir=TB;', '  graph [fontname="Helvetica", fontsize=12];', '  node [fontname="Helvetica", fontsize=11];', '  edge [fontname="Helvetica", fontsize=9];'];
  graph.clusters.forEach((cluster, index) => {
    lines.push(`  subgraph cluster_${index} {`, `    label=${quote(cluster.role === 'main' ? cluster.label : `${cluster.role}: ${cluster.label}`)};`, `    style=${cluster.role === 'main' ? 'solid' : 'dashed'};`);
    for (const nodeId of cluster.nodes) lines.push(`    ${quote(nodeId)} [${nodeAttributes(byId.get(nodeId)!, marks.get(nodeId))}];`);
    lines.push('  }');
  });
  for (const edge of graph.edges) lines.push(`  ${quote(edge.from)} -> ${quote(edge.to)} [${edgeAttributes(edge)}];`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function nodeAttributes(node: GraphNode, mark: NodeMark | undefined): string {
  const note = mark?.note ? `\n${mark.note}` : '';
  const fill = mark?.state ? `, style=filled, fillcolor=${quote(FILL[mark.state])}${mark.state === 'failed' ? ', color="#c62828", penwidth=2' : ''}` : '';
  if (node.kind === 'step') return `label=${quote(`${node.label}${node.operation ? `\n${node.operation}` : ''}${note}`)}, shape=box${fill || ', style=rounded'}`;
  if (node.kind === 'start') return `label=${quote(node.label + note)}, shape=oval${fill}`;
  if (node.kind === 'end') return `label=${quote(node.label + note)}, shape=doublecircle${fill}`;
  return `label=${quote(node.label + note)}, shape=doublecircle, color="#c62828"${fill}`;
}

function edgeAttributes(edge: GraphEdge): string {
  const parts = edge.label ? [`label=${quote(edge.label)}`] : [];
  if (edge.outcome === 'failure') parts.push('style=dashed', 'color="#c62828"', 'fontcolor="#c62828"');
  else if (edge.kind === 'calls' || edge.kind === 'dependsOn') parts.push('style=bold');
  else if (edge.kind !== 'next') parts.push('color="#2e7d32"');
  return parts.join(', ');
}
