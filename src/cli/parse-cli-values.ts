/** Parsers for option values: durations, name=value pairs, counts. Errors are UsageErrors. */

export class UsageError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
  }
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** "250ms", "2s", "1.5m", "1h", "0", or a bare number of seconds → milliseconds. */
export function parseDuration(text: string, option: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(text);
  if (!match) throw new UsageError(`${option} "${text}" is not a duration`, 'Use e.g. 500ms, 2s, 5m or 1h (a bare number means seconds).');
  return Math.round(Number(match[1]) * UNITS[match[2] ?? 's']!);
}

const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };

/** "10MiB", "512kB", "1.5MB", "4096" (bytes) → bytes; decimal (kB, MB) and binary (KiB, MiB) units. */
export function parseSize(text: string, option: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b|b)?\s*$/i.exec(text);
  const bytes = match ? Math.floor(Number(match[1]) * SIZE_UNITS[(match[2] ?? 'b').toLowerCase()]!) : Number.NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1) throw new UsageError(`${option} "${text}" is not a size`, 'Use e.g. 512KiB, 10MiB or 50MB (a bare number means bytes).');
  return bytes;
}

export function parseCount(text: string, option: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) throw new UsageError(`${option} "${text}" is not a positive whole number`);
  return Number(text);
}

/** "name=value" → [name, value]; the value may itself contain "=". */
export function parsePair(text: string, option: string): [string, string] {
  const index = text.indexOf('=');
  if (index <= 0) throw new UsageError(`${option} "${text}" is not name=value`, `Write ${option} name=value.`);
  return [text.slice(0, index), text.slice(index + 1)];
}

export const collect = (value: string, previous: string[]): string[] => [...previous, value];

export const REPORT_KINDS = ['json', 'junit', 'har', 'graph'] as const;

/**
 * `--report junit out.xml` (kind and path as two words) means `--report junit=out.xml`; without
 * this, commander takes out.xml for a second workflow file and stops at "too many arguments".
 */
export function joinReportValues(argv: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [kind, target] = [argv[i + 1], argv[i + 2]];
    if (argv[i] === '--report' && (REPORT_KINDS as readonly (string | undefined)[]).includes(kind) && target !== undefined && !target.startsWith('-')) {
      joined.push('--report', `${kind}=${target}`);
      i += 2;
    } else {
      joined.push(argv[i]!);
    }
  }
  return joined;
}
