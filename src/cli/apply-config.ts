/**
 * arazzo.config.yaml under the command line (issue 12 item 13). Precedence, highest first:
 * flags > ARAZZO_* environment variables (commander reads them: source "env") > the config's
 * `--env` environment > the config's base > built-in defaults. Maps (servers, rules) merge by key;
 * inputs files of the config come before --inputs files, so later (command-line) files win.
 */
import { LIMIT_KEYS, resolveSection, type ArazzoConfig, type LimitKey } from '../config/config-shape.js';
import { readConfig } from '../config/read-config.js';
import { childPointer, makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../report/format-diagnostic.js';
import { chooseStyle } from '../report/style-text.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';
import { parseCount, parseDuration, parseSize, UsageError } from './parse-cli-values.js';

/** Where commander took an option's value from: 'cli', 'env', 'default', … */
export type ValueSource = (key: string) => string | undefined;

const FLAG_OF: Record<LimitKey, string> = {
  pollInterval: '--poll-interval',
  maxSteps: '--max-steps',
  timeout: '--timeout',
  requestTimeout: '--request-timeout',
  maxResponseBytes: '--max-response-bytes',
  maxRetryAfter: '--max-retry-after',
};
const CHECK: Record<LimitKey, (text: string, option: string) => number> = {
  pollInterval: parseDuration,
  maxSteps: parseCount,
  timeout: parseDuration,
  requestTimeout: parseDuration,
  maxResponseBytes: parseSize,
  maxRetryAfter: parseDuration,
};

const pairs = (map: Readonly<Record<string, string>>): string[] => Object.entries(map).map(([name, value]) => `${name}=${value}`);
const list = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : []);

/** The options with the config folded in, or an exit code after the problem was printed. */
export async function applyConfig(command: 'run' | 'lint', raw: Record<string, unknown>, sourceOf: ValueSource, io: CliIo): Promise<Record<string, unknown> | number> {
  const env = typeof raw.env === 'string' ? raw.env : undefined;
  const fail = (diagnostics: readonly Diagnostic[]): number => {
    const style = chooseStyle(io.stderr, io.env, raw.color === false ? false : undefined);
    for (const d of diagnostics) io.stderr.write(`${formatDiagnostic(d, style, io.cwd)}\n`);
    return EXIT.invalid;
  };
  if (raw.config === false) {
    if (env !== undefined) return fail([makeDiagnostic('config-env-unknown', 'error', `--env ${env} needs a config file, but --no-config was given`, { hint: 'Drop --no-config or --env.' })]);
    return raw;
  }
  const read = await readConfig(io.cwd, typeof raw.config === 'string' ? raw.config : undefined);
  if (!read.ok) return fail(read.diagnostics);
  const config = read.config;
  if (!config) {
    if (env !== undefined) return fail([makeDiagnostic('config-env-unknown', 'error', `--env ${env}: no arazzo.config.yaml found in ${io.cwd} or a folder above it`, { hint: 'Create one with an environments section, or name it with --config <file>.' })]);
    return raw;
  }
  if (env !== undefined && !Object.hasOwn(config.environments, env)) {
    const known = Object.keys(config.environments);
    return fail([makeDiagnostic('config-env-unknown', 'error', `--env ${env} is not an environment of the config`, {
      file: config.file,
      hint: known.length > 0 ? `Known environments: ${known.join(', ')}.` : 'The config has no environments section.',
    })]);
  }
  const section = resolveSection(config, env);
  const merged: Record<string, unknown> = { ...raw, rule: [...pairs(section.rules), ...list(raw.rule)] };
  if (command === 'lint') return merged;
  merged.server = [...pairs(section.servers), ...list(raw.server)];
  merged.serverVariable = [...pairs(section.serverVariables), ...list(raw.serverVariable)];
  merged.inputs = [...section.inputs, ...list(raw.inputs)];
  // Config first, so a flag for the same source replaces its certificate or key.
  merged.cert = [...section.cert, ...list(raw.cert)];
  merged.key = [...section.key, ...list(raw.key)];
  merged.ca = [...section.ca, ...list(raw.ca)];
  // Environment variables beat the config, HTTP(S)_PROXY included.
  const proxyInEnv = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some((name) => io.env[name]);
  if (raw.proxy === undefined && !proxyInEnv && section.proxy !== undefined) merged.proxy = section.proxy;
  for (const key of LIMIT_KEYS) {
    const value = section.limits[key];
    const source = sourceOf(key);
    if (value === undefined || source === 'cli' || source === 'env') continue;
    const problem = checkLimit(key, value, config, env);
    if (problem) return fail([problem]);
    merged[key] = value;
  }
  return merged;
}

function checkLimit(key: LimitKey, value: string, config: ArazzoConfig, env: string | undefined): Diagnostic | undefined {
  try {
    CHECK[key](value, `limits.${key}`);
    return undefined;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const pointer = env !== undefined && config.environments[env]?.limits[key] !== undefined ? childPointer(childPointer(childPointer('/environments', env), 'limits'), key) : `/limits/${key}`;
    const line = config.lineOf(pointer);
    return makeDiagnostic('config-invalid', 'error', `${error.message} (the config's value for ${FLAG_OF[key]})`, { file: config.file, pointer, ...(line !== undefined ? { line } : {}), ...(error.hint ? { hint: error.hint } : {}) });
  }
}
