/** `arazzo rules [--json]`: the catalogue of rule ids with default severities (exit 0). */
import { formatRulesText, listRules } from '../report/format-rules.js';
import { chooseStyle } from '../report/style-text.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';

export function rulesCommand(raw: { json?: boolean; color?: boolean }, io: CliIo): number {
  const rows = listRules();
  if (raw.json) io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else io.stdout.write(formatRulesText(rows, chooseStyle(io.stdout, io.env, raw.color === false ? false : undefined)));
  return EXIT.ok;
}
