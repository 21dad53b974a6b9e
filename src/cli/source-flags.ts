/** `--source name=path|url`, `--offline` and `--max-source-bytes`: where and how sources are read (run, lint, describe). */
import type { Command } from 'commander';
import type { LoadOptions } from '../load/load-workspace.js';
import type { Plan } from '../plan/plan.js';
import { collect, parsePair, parseSize, UsageError } from './parse-cli-values.js';

export const SOURCE_HELP = `
Sources: --source name=path|url reads the source description with that name from a local copy (or
another URL) instead of its url; --offline fetches nothing over the network (a remote source is
unreachable: an error for run, a warning with operation checks skipped for lint).
--max-source-bytes caps any document read (default 256MiB); hostile documents are refused by
nesting, alias expansion and value count whatever their size.`;

export function addSourceOptions(command: Command): Command {
  return command
    .option('--source <name=location>', 'read the source description <name> from a local path or another URL; repeatable', collect, [])
    .option('--offline', 'fetch nothing over the network (use --source for local copies)')
    .option('--max-source-bytes <size>', 'largest document read, e.g. 512MiB', '256MiB');
}

export type SourceFlags = Pick<LoadOptions, 'sources' | 'offline' | 'maxSourceBytes'>;

export function readSourceFlags(raw: Record<string, unknown>): SourceFlags {
  const pairs = Array.isArray(raw.source) ? (raw.source as string[]) : [];
  const sources: Record<string, string> = {};
  for (const pair of pairs) {
    const [name, location] = parsePair(pair, '--source');
    if (location === '') throw new UsageError(`--source ${name}= needs a path or URL`);
    sources[name] = location;
  }
  return {
    ...(pairs.length > 0 ? { sources } : {}),
    ...(raw.offline === true ? { offline: true } : {}),
    maxSourceBytes: parseSize(typeof raw.maxSourceBytes === 'string' ? raw.maxSourceBytes : '256MiB', '--max-source-bytes'),
  };
}

/** A --source name no loaded document declares is a typo: say so rather than ignore it. */
export function unknownSourceNames(plan: Plan, options: Pick<LoadOptions, 'sources'>): string | undefined {
  const declared = new Set([...plan.documents.values()].flatMap((document) => Object.keys(document.sourceDescriptions)));
  const unknown = Object.keys(options.sources ?? {}).filter((name) => !declared.has(name));
  if (unknown.length === 0) return undefined;
  return `--source ${unknown.join(', ')}: no source description has that name (declared: ${[...declared].join(', ') || 'none'})`;
}
