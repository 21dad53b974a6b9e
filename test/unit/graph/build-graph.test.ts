/**
 * Issue 17 `arazzo graph`: the graph model of each seed asserted edge by edge, and the spec's
 * action semantics (Step Object; Success/Failure Action Objects; Workflow Object dependsOn) on
 * an in-memory document with dependsOn, a sub-workflow step, retry, goto-workflow and end.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../../src/cli/load-plan.js';
import { selectWorkflow } from '../../../src/cli/select-workflow.js';
import { buildGraph } from '../../../src/graph/build-graph.js';
import type { WorkflowGraph } from '../../../src/graph/graph-model.js';
import { renderDot } from '../../../src/graph/render-dot.js';
import { renderMermaid } from '../../../src/graph/render-mermaid.js';
import { arazzo, compileDocument, workflowOf } from '../plan/compile-in-memory.js';

const seed = async (name: string): Promise<WorkflowGraph> => {
  const loaded = await loadPlan(path.resolve(import.meta.dirname, '../../../workflows', name));
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return buildGraph(loaded.plan, selectWorkflow(loaded.plan, undefined));
};

/** `from -> to kind/outcome label`, workflow prefix dropped when it is the main workflow. */
const edges = (graph: WorkflowGraph): string[] => {
  const short = (id: string): string => (id.startsWith(`${graph.workflowId}/`) ? id.slice(graph.workflowId.length + 1) : id);
  return graph.edges.map((e) => `${short(e.from)} -> ${short(e.to)} ${e.kind}/${e.outcome}${e.label ? ` ${e.label}` : ''}`);
};

describe('issue 17 graph model of the seeds, edge by edge', () => {
  it('daytona build-and-activate-snapshot: the poll is a self-loop, three ends, failures to fail', async () => {
    const graph = await seed('daytona-io-build-and-activate-snapshot-workflow.yml');
    expect(graph.clusters.map((c) => [c.role, c.workflowId])).toEqual([['main', 'build-and-activate-snapshot']]);
    expect(graph.nodes.filter((n) => n.kind === 'step').map((n) => `${n.stepId}: ${n.operation}`)).toEqual([
      'createSnapshot: POST /snapshots (createSnapshot)',
      'pollBuild: GET /snapshots/{id} (getSnapshot)',
      'activateSnapshot: POST /snapshots/{id}/activate (activateSnapshot)',
    ]);
    expect(edges(graph)).toEqual([
      'start -> createSnapshot next/none',
      'createSnapshot -> pollBuild next/success',
      'createSnapshot -> fail failed/failure',
      'pollBuild -> activateSnapshot goto/success inactive: $.state == "inactive"',
      'pollBuild -> end end/success alreadyActive: $.state == "active"',
      'pollBuild -> end end/success buildFailed: $.state == "error" || $.state == "build_failed"',
      'pollBuild -> pollBuild goto/success stillBuilding: $.state != "active" && $.state != "inactive" && $.state != "error" && $.state != "build_failed"',
      'pollBuild -> activateSnapshot next/success',
      'pollBuild -> fail failed/failure',
      'activateSnapshot -> end next/success',
      'activateSnapshot -> fail failed/failure',
    ]);
  });

  it('daytona image-to-running-sandbox: two polls', async () => {
    const graph = await seed('daytona-io-image-to-running-sandbox-workflow.yml');
    expect(edges(graph)).toEqual([
      'start -> createSnapshot next/none',
      'createSnapshot -> pollBuild next/success',
      'createSnapshot -> fail failed/failure',
      'pollBuild -> createSandbox goto/success active: $.state == "active"',
      'pollBuild -> end end/success buildFailed: $.state == "error" || $.state == "build_failed"',
      'pollBuild -> pollBuild goto/success stillBuilding: $.state != "active" && $.state != "error" && $.state != "build_failed"',
      'pollBuild -> createSandbox next/success',
      'pollBuild -> fail failed/failure',
      'createSandbox -> pollSandbox next/success',
      'createSandbox -> fail failed/failure',
      'pollSandbox -> end end/success running: $.state == "started"',
      'pollSandbox -> end end/success failed: $.state == "error"',
      'pollSandbox -> pollSandbox goto/success stillProvisioning: $.state != "started" && $.state != "error"',
      'pollSandbox -> end next/success',
      'pollSandbox -> fail failed/failure',
    ]);
  });

  it('oracle create-custom-image-from-instance: a guard goto, an early end and a poll', async () => {
    const graph = await seed('oracle-create-custom-image-from-instance-workflow.yml');
    expect(edges(graph)).toEqual([
      'start -> readInstance next/none',
      'readInstance -> createImage goto/success isStopped: $.lifecycleState == "STOPPED"',
      'readInstance -> end end/success notStopped: $.lifecycleState != "STOPPED"',
      'readInstance -> createImage next/success',
      'readInstance -> fail failed/failure',
      'createImage -> pollImage next/success',
      'createImage -> fail failed/failure',
      'pollImage -> end end/success imageReady: $.lifecycleState == "AVAILABLE"',
      'pollImage -> pollImage goto/success keepPolling: $.lifecycleState == "PROVISIONING"',
      'pollImage -> end next/success',
      'pollImage -> fail failed/failure',
    ]);
  });
});

describe('issue 17 graph model: dependsOn, sub-workflows, retry, unconditional actions', () => {
  const result = compileDocument(arazzo([
    { workflowId: 'prepare', steps: [{ stepId: 'make', operationId: 'createItem', requestBody: { payload: {} } }] },
    { workflowId: 'child', steps: [{ stepId: 'read', operationId: 'getItem', parameters: [{ name: 'id', in: 'path', value: 'x' }] }] },
    {
      workflowId: 'main',
      summary: 'The main one',
      dependsOn: ['prepare'],
      steps: [
        {
          stepId: 'get',
          operationId: 'getItem',
          parameters: [{ name: 'id', in: 'path', value: 'x' }],
          onFailure: [{ name: 'again', type: 'retry', retryAfter: 2, retryLimit: 3, criteria: [{ condition: '$statusCode == 503' }] }, { name: 'giveUp', type: 'end' }],
        },
        { stepId: 'sub', workflowId: 'child', onSuccess: [{ name: 'always', type: 'goto', workflowId: 'prepare' }] },
      ],
    },
  ]));
  const graph = buildGraph(result.plan, workflowOf(result, 'main'));

  it('draws dependsOn and sub-workflows as their own clusters with their own edges', () => {
    expect(graph.clusters.map((c) => [c.role, c.workflowId, c.label])).toEqual([['main', 'main', 'main: The main one'], ['dependsOn', 'prepare', 'prepare'], ['subworkflow', 'child', 'child']]);
    expect(graph.nodes.find((n) => n.id === 'main/sub')?.operation).toBe('workflow child');
    expect(edges(graph)).toEqual([
      'start -> get next/none',
      'get -> sub next/success',
      'get -> get retry/failure again: $statusCode == 503 (retry ≤3, after 2s)',
      // giveUp has no criteria: it always matches, so no default failure edge follows it.
      'get -> fail end/failure giveUp',
      'sub -> child/start calls/none runs',
      // an unconditional goto hides the default next edge.
      'sub -> prepare/start goto/success always',
      'sub -> fail failed/failure',
      'prepare/end -> start dependsOn/none dependsOn',
      'prepare/start -> prepare/make next/none',
      'prepare/make -> prepare/end next/success',
      'prepare/make -> prepare/fail failed/failure',
      'child/start -> child/read next/none',
      'child/read -> child/end next/success',
      'child/read -> child/fail failed/failure',
    ]);
  });

  it('renders failure edges differently from success edges in Mermaid and DOT', () => {
    const mermaid = renderMermaid(graph);
    const failureIndexes = graph.edges.flatMap((e, i) => (e.outcome === 'failure' ? [i] : []));
    expect(mermaid).toContain(`linkStyle ${failureIndexes.join(',')} stroke:#c62828`);
    expect(mermaid.split('\n').filter((l) => l.includes('-.->'))).toHaveLength(failureIndexes.length);
    expect(mermaid).toContain('subgraph c1["dependsOn: prepare"]');
    expect(mermaid).toContain('again: $statusCode == 503 (retry ≤3, after 2s)');
    const dot = renderDot(graph);
    expect(dot).toContain('"main/get" -> "main/get" [label="again: $statusCode == 503 (retry ≤3, after 2s)", style=dashed, color="#c62828"');
    expect(dot).toContain('"main/get" -> "main/sub" [];');
    expect(dot.match(/subgraph cluster_\d/g)).toHaveLength(3);
  });

  it('escapes quotes and angle brackets in Mermaid labels', () => {
    const mermaid = renderMermaid(buildGraph(result.plan, workflowOf(result, 'main')));
    expect(mermaid).not.toMatch(/\|"[^|]*"[^|]*"\|/);
    const odd = { ...graph, clusters: [{ ...graph.clusters[0]!, label: 'a "b" <c>' }] };
    expect(renderMermaid(odd)).toContain('subgraph c0["a #quot;b#quot; #lt;c#gt;"]');
  });
});
