/**
 * `--format sarif`: SARIF 2.1.0 (GitHub code scanning, IDEs). One run; the rules are the codes
 * that occur, described from the catalogue; locations are relative to the working directory.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeCode } from '../../diagnostics/codes.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { FormatContext, LintRun } from './lint-run.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function formatSarif(run: LintRun, context: FormatContext): string {
  const codes = [...new Set(run.diagnostics.map((d) => d.code))].sort();
  const rules = codes.map((code) => {
    const entry = describeCode(code);
    return {
      id: code,
      shortDescription: { text: entry?.title ?? code },
      ...(entry?.hint ? { help: { text: entry.hint } } : {}),
      defaultConfiguration: { level: entry && entry.severity !== 'off' ? LEVEL[entry.severity] : 'none' },
    };
  });
  const results = run.diagnostics.map((d) => result(d, codes.indexOf(d.code), context));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'arazzo', version: context.toolVersion, semanticVersion: context.toolVersion, rules } },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(`${context.cwd}${path.sep}`).href } },
      results,
    }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function result(d: Diagnostic, ruleIndex: number, context: FormatContext): Record<string, unknown> {
  const hint = d.hint ?? describeCode(d.code)?.hint;
  return {
    ruleId: d.code,
    ruleIndex,
    level: LEVEL[d.severity],
    message: { text: hint ? `${d.message}\nhint: ${hint}` : d.message },
    ...(d.file !== undefined ? { locations: [location(d, d.file, context)] } : {}),
    properties: {
      ...(d.pointer !== undefined ? { pointer: d.pointer } : {}),
      ...(d.offset !== undefined ? { offset: d.offset } : {}),
      ...(d.fix !== undefined ? { fix: d.fix } : {}),
    },
  };
}

function location(d: Diagnostic, file: string, context: FormatContext): Record<string, unknown> {
  const remote = /^https?:\/\//i.test(file);
  const relative = path.relative(context.cwd, file);
  const artifactLocation = remote
    ? { uri: file }
    : relative.startsWith('..') || path.isAbsolute(relative)
      ? { uri: pathToFileURL(file).href }
      : { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  return {
    physicalLocation: {
      artifactLocation,
      ...(d.line !== undefined ? { region: { startLine: d.line, startColumn: d.column ?? 1 } } : {}),
    },
    ...(d.pointer !== undefined ? { logicalLocations: [{ fullyQualifiedName: d.pointer || '/', kind: 'object' }] } : {}),
  };
}
