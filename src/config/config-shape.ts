/**
 * What `arazzo.config.yaml` may hold (issue 12 item 13). The base keys and each named
 * environment's keys are the same set, so an environment overrides the base key by key.
 */

export const LIMIT_KEYS = ['pollInterval', 'maxSteps', 'timeout', 'requestTimeout', 'maxResponseBytes', 'maxRetryAfter'] as const;
export type LimitKey = (typeof LIMIT_KEYS)[number];

export const TRANSPORT_KEYS = ['cert', 'key', 'ca'] as const;
export const SECTION_KEYS = ['rules', 'servers', 'serverVariables', 'inputs', 'limits', 'proxy', ...TRANSPORT_KEYS] as const;
export const TOP_KEYS = [...SECTION_KEYS, 'environments'] as const;

/** One layer of settings: the base of the file, or one environment. */
export interface ConfigSection {
  /** rule id (or `prefix-*`) → off | info | warn | error, as --rule takes it. */
  rules: Record<string, string>;
  /** source description name → server URL, as --server takes it. */
  servers: Record<string, string>;
  serverVariables: Record<string, string>;
  /** Inputs files, absolute (relative ones resolve against the config file's folder). */
  inputs: string[];
  /** Values as the matching run flags take them: "2s", "10MiB", "1000". */
  limits: Partial<Record<LimitKey, string>>;
  /** As --proxy. */
  proxy?: string;
  /** As --cert/--key/--ca: `path` or `source=path`, paths made absolute against the config's folder. */
  cert: string[];
  key: string[];
  ca: string[];
}

export interface ArazzoConfig {
  file: string;
  base: ConfigSection;
  environments: Record<string, ConfigSection>;
  /** Position of each value, for messages about it ("/limits/timeout" → line). */
  lineOf(pointer: string): number | undefined;
}

export const emptySection = (): ConfigSection => ({ rules: {}, servers: {}, serverVariables: {}, inputs: [], limits: {}, cert: [], key: [], ca: [] });

/** The settings in force: the base, then the environment's keys over it (maps merge by key). */
export function resolveSection(config: ArazzoConfig, environment?: string): ConfigSection {
  const base = config.base;
  const env = environment === undefined ? undefined : config.environments[environment];
  if (!env) return base;
  return {
    rules: { ...base.rules, ...env.rules },
    servers: { ...base.servers, ...env.servers },
    serverVariables: { ...base.serverVariables, ...env.serverVariables },
    inputs: [...base.inputs, ...env.inputs],
    limits: { ...base.limits, ...env.limits },
    ...(env.proxy ?? base.proxy ? { proxy: env.proxy ?? base.proxy } : {}),
    // Later entries win for one source's certificate and key; CAs add up.
    cert: [...base.cert, ...env.cert],
    key: [...base.key, ...env.key],
    ca: [...base.ca, ...env.ca],
  };
}
