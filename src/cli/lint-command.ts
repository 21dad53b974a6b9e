/** `arazzo lint`: the same front half as `run` (read → parse → check → compile), never sends. */
import { loadPlan } from '../load/load-plan.js';
import { diagnosticToJson, formatDiagnostic } from '../report/format-diagnostic.js';
import { chooseStyle } from '../report/style-text.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';

export async function lintCommand(files: readonly string[], options: Record<string, unknown>, io: CliIo): Promise<number> {
  const style = chooseStyle(io.stdout, io.env, options.color === false ? false : undefined);
  const results = [];
  for (const file of files) results.push({ file, diagnostics: (await loadPlan(file)).diagnostics });
  const all = results.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify({ errors, warnings: all.length - errors, diagnostics: all.map((d) => diagnosticToJson(d, io.cwd)) }, null, 2)}\n`);
  } else {
    for (const d of all) io.stdout.write(`${formatDiagnostic(d, style, io.cwd)}\n`);
    io.stdout.write(`${errors} error${errors === 1 ? '' : 's'}, ${all.length - errors} warning${all.length - errors === 1 ? '' : 's'}\n`);
  }
  return errors > 0 ? EXIT.failed : EXIT.ok;
}
