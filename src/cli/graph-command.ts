/**
 * `arazzo graph <file>`: the workflow's control flow as Mermaid, DOT, SVG or JSON, built once
 * from the plan (src/graph) and rendered. A document with errors is exit 2, like run: a graph
 * of a workflow that cannot run would show edges that do not exist.
 */
import { writeFile } from 'node:fs/promises';
import { buildGraph } from '../graph/build-graph.js';
import { renderDot } from '../graph/render-dot.js';
import { renderMermaid } from '../graph/render-mermaid.js';
import { formatDiagnostic } from '../report/format-diagnostic.js';
import { chooseStyle } from '../report/style-text.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';
import { loadPlanWithEnvProxy } from './load-with-env-proxy.js';
import { chooseGraphFormat } from './graph-format.js';
import { selectWorkflow } from './select-workflow.js';
import { readSourceFlags } from './source-flags.js';

export async function graphCommand(file: string, options: Record<string, unknown>, io: CliIo): Promise<number> {
  const format = chooseGraphFormat(options.format, options.output);
  const loaded = await loadPlanWithEnvProxy(file, readSourceFlags(options), io.env);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const style = chooseStyle(io.stderr, io.env, options.color === false ? false : undefined);
    for (const d of errors) io.stderr.write(`${formatDiagnostic(d, style, io.cwd)}\n`);
    return EXIT.invalid;
  }
  const graph = buildGraph(loaded.plan, selectWorkflow(loaded.plan, options.workflow as string | undefined));
  let text: string;
  if (format === 'json') text = `${JSON.stringify(graph, null, 2)}\n`;
  else if (format === 'mermaid') text = renderMermaid(graph);
  else if (format === 'dot') text = renderDot(graph);
  else text = await (await import('../report/render-graph-svg.js')).renderSvg(renderDot(graph));
  if (typeof options.output === 'string') await writeFile(options.output, text);
  else io.stdout.write(text);
  return EXIT.ok;
}
