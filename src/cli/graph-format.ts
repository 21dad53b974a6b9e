/** Which graph format a flag or a file name asks for (graph -o, run --report graph=). */
import { extname } from 'node:path';
import { UsageError } from './parse-cli-values.js';

export const GRAPH_FORMATS = ['mermaid', 'dot', 'svg', 'json'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

const BY_EXTENSION: Record<string, GraphFormat> = { '.mmd': 'mermaid', '.mermaid': 'mermaid', '.md': 'mermaid', '.dot': 'dot', '.gv': 'dot', '.svg': 'svg', '.json': 'json' };

/** --format wins; else the -o file's extension; else Mermaid. */
export function chooseGraphFormat(format: unknown, output: unknown): GraphFormat {
  if (typeof format === 'string') return format as GraphFormat;
  if (typeof output === 'string') {
    const byExtension = BY_EXTENSION[extname(output).toLowerCase()];
    if (byExtension) return byExtension;
    throw new UsageError(`Cannot tell the graph format from "${output}"`, 'Use --format mermaid|dot|svg|json, or an -o file ending in .mmd, .md, .dot, .svg or .json.');
  }
  return 'mermaid';
}
