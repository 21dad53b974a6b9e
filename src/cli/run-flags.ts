/** `arazzo run` options as commander hands them over → checked, typed settings (UsageError otherwise). */
import path from 'node:path';
import { RUN_DEFAULTS } from '../engine/run-defaults.js';
import { LOG_LEVELS, type LogFormat, type LogLevel } from '../report/run-logger.js';
import { whyUnwritable } from '../report/write-report-file.js';
import { readFailOnEnd, type FailOnEnd } from './fail-on-end.js';
import { chooseGraphFormat } from './graph-format.js';
import { parseCount, parseDuration, parsePair, parseSize, REPORT_KINDS, UsageError } from './parse-cli-values.js';

export interface RunFlags {
  workflow?: string;
  input: string[];
  inputs: string[];
  server: string[];
  serverVariable: string[];
  pollInterval?: string;
  maxSteps?: string;
  timeout?: string;
  requestTimeout?: string;
  maxResponseBytes?: string;
  maxRetryAfter?: string;
  insecure?: boolean;
  json?: boolean;
  color?: boolean;
  verbose?: boolean;
  mask?: boolean;
  dryRun?: boolean;
  failOnEnd?: string[];
  /** --all: every workflow of each file. */
  all?: boolean;
  rule?: string[];
  report: string[];
  har?: string;
  /** --record <scenario.yaml>: the run written as an arazzo test scenario (issue 16). */
  record?: string;
  logLevel?: string;
  logFormat?: string;
  /** --auth <source>.<scheme>=<value>, repeatable (checked against the documents in run-command). */
  auth: string[];
  /** --response-checks off|warn|error (default warn). */
  responseChecks?: string;
  proxy?: string;
  /** --cert/--key/--ca: `path` or `source=path`, repeatable (transport-options.ts). */
  cert: string[];
  key: string[];
  ca: string[];
  /** --sign <source>=oci[:profile] | <source>=aws:<service>/<region>, repeatable (sign-options.ts). */
  sign: string[];
  stateFile?: string;
  resendInFlight?: boolean;
}

export interface ReportTargets {
  json?: string;
  junit?: string;
  har?: string;
  /** The workflow's graph with what the run did: .svg, .mmd/.md or .dot (issue 17). */
  graph?: string;
  /** --record: the run as an arazzo test scenario (YAML). */
  scenario?: string;
}

export interface RunSettings {
  limits: { pollIntervalMs: number; maxSteps: number; requestTimeoutMs: number; timeoutMs?: number; maxResponseBytes: number; maxRetryAfterMs: number };
  /** --insecure: TLS certificates are not verified. */
  insecure: boolean;
  servers: Record<string, string>;
  /** `--server http://…` without a name: for the only OpenAPI source (assignUnnamedServer). */
  unnamedServer?: string;
  serverVariables: Record<string, string>;
  reports: ReportTargets;
  failOnEnd: FailOnEnd;
  /** Responses checked against the description: off, warn (default) or error (fails the step). */
  responseChecks: 'off' | 'warn' | 'error';
  /** Undefined: no logging (pino is not loaded). */
  log?: { level: LogLevel; format: LogFormat };
}

export function readRunFlags(raw: Record<string, unknown>): { flags: RunFlags; settings: RunSettings } {
  const flags = { input: [], inputs: [], server: [], serverVariable: [], report: [], auth: [], cert: [], key: [], ca: [], sign: [], ...raw } as unknown as RunFlags;
  const settings: RunSettings = {
    limits: {
      pollIntervalMs: flags.pollInterval === undefined ? RUN_DEFAULTS.pollIntervalMs : parseDuration(flags.pollInterval, '--poll-interval'),
      maxSteps: flags.maxSteps === undefined ? RUN_DEFAULTS.maxSteps : parseCount(flags.maxSteps, '--max-steps'),
      requestTimeoutMs: flags.requestTimeout === undefined ? RUN_DEFAULTS.requestTimeoutMs : parseDuration(flags.requestTimeout, '--request-timeout'),
      maxResponseBytes: flags.maxResponseBytes === undefined ? RUN_DEFAULTS.maxResponseBytes : parseSize(flags.maxResponseBytes, '--max-response-bytes'),
      maxRetryAfterMs: flags.maxRetryAfter === undefined ? RUN_DEFAULTS.maxRetryAfterMs : parseDuration(flags.maxRetryAfter, '--max-retry-after'),
      ...(flags.timeout !== undefined ? { timeoutMs: parseDuration(flags.timeout, '--timeout') } : {}),
    },
    servers: Object.fromEntries(flags.server.filter((s) => !isUnnamedUrl(s)).map((s) => parsePair(s, '--server'))),
    serverVariables: Object.fromEntries(flags.serverVariable.map((s) => parsePair(s, '--server-variable'))),
    reports: { ...readReports(flags.report, flags.har), ...(flags.record !== undefined ? { scenario: flags.record } : {}) },
    insecure: flags.insecure === true,
    failOnEnd: readFailOnEnd(flags.failOnEnd),
    responseChecks: readResponseChecks(flags.responseChecks),
  };
  const unnamed = flags.server.filter(isUnnamedUrl);
  if (unnamed.length > 1) throw new UsageError(`--server without a source name was given ${unnamed.length} times`, 'Name the source of each: --server <source>=<url>.');
  if (unnamed[0] !== undefined) settings.unnamedServer = unnamed[0];
  const log = readLog(flags.logLevel, flags.logFormat);
  if (log) settings.log = log;
  return { flags, settings };
}

/** Source names cannot hold ":" (Arazzo: [A-Za-z0-9_\-]+), so `scheme://` first means a URL without a name. */
const isUnnamedUrl = (text: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(text.trim());

export function readReports(pairs: readonly string[], har: string | undefined): ReportTargets {
  const targets: ReportTargets = {};
  for (const pair of pairs) {
    if (!pair.includes('=')) throw reportWithoutKind(pair);
    const [kind, target] = parsePair(pair, '--report');
    if (!(REPORT_KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(`--report ${kind} is not a report kind`, `Use --report junit=<path>, --report json=<path>, --report har=<path> or --report graph=<path.svg|.mmd|.dot>.`);
    }
    if (target === '') throw new UsageError(`--report ${kind}= needs a path`);
    if (kind === 'graph' && chooseGraphFormat(undefined, target) === 'json') throw new UsageError(`--report graph=${target}: the run graph is .svg, .mmd, .md or .dot`, 'Use --report json=<path> for the run as JSON.');
    targets[kind as (typeof REPORT_KINDS)[number]] = target;
  }
  if (har !== undefined) targets.har = har;
  return targets;
}

/** A report that could not be written after the run would lose its result: exit 2 before sending. */
export async function checkReportTargets(reports: ReportTargets, cwd: string): Promise<void> {
  const problems: string[] = [];
  for (const [kind, target] of Object.entries(reports)) {
    const why = await whyUnwritable(path.resolve(cwd, target as string));
    if (why) problems.push(`${kind === 'har' ? '--har/--report har=' : kind === 'scenario' ? '--record ' : `--report ${kind}=`}${target}: ${why}`);
  }
  if (problems.length > 0) throw new UsageError(`a report cannot be written; nothing was sent\n  ${problems.join('\n  ')}`, 'Choose a path in a writable directory (missing directories are created).');
}

/** `--report out.xml` → "write --report junit=out.xml"; `--report junit` → it needs a path. */
function reportWithoutKind(value: string): UsageError {
  if ((REPORT_KINDS as readonly string[]).includes(value)) return new UsageError(`--report ${value} needs a path`, `Write --report ${value}=<path>.`);
  const kind = { '.xml': 'junit', '.json': 'json', '.har': 'har' }[/\.[a-z]+$/i.exec(value)?.[0].toLowerCase() ?? ''];
  return new UsageError(`--report "${value}" does not say which report`, kind ? `Write --report ${kind}=${value}.` : 'Write --report junit=<path>, json=<path> or har=<path>.');
}

function readResponseChecks(mode: string | undefined): RunSettings['responseChecks'] {
  const value = mode ?? 'warn';
  if (value === 'off' || value === 'warn' || value === 'error') return value;
  throw new UsageError(`--response-checks "${mode}" is not off, warn or error`, 'Use --response-checks=error to fail steps whose response breaks the description.');
}

function readLog(level: string | undefined, format: string | undefined): RunSettings['log'] {
  if (level === undefined && format === undefined) return undefined;
  const checkedLevel = (level ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(checkedLevel)) throw new UsageError(`--log-level "${level}" is not a level`, `Use one of ${LOG_LEVELS.join(', ')}.`);
  const checkedFormat = format ?? 'json';
  if (checkedFormat !== 'json' && checkedFormat !== 'pretty') throw new UsageError(`--log-format "${format}" is not json or pretty`);
  return { level: checkedLevel as LogLevel, format: checkedFormat };
}
