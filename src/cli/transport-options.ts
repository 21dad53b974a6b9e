/**
 * `--proxy`, `--cert`, `--key`, `--ca` (each `path` or `source=path`, repeatable) and `--insecure`
 * → the dispatcher settings for requests (per source) and for downloading source descriptions.
 * Files are read here, before anything is sent: an unreadable one is a usage error (exit 2).
 * Proxies come from HTTP_PROXY / HTTPS_PROXY / NO_PROXY (lower-case names first) unless --proxy.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { proxyFromEnv, type TlsMaterial, type TransportOptions } from '../http/create-dispatcher.js';
import { UsageError } from './parse-cli-values.js';

/**
 * The transport flags a command was given, as arguments for runs it starts in another folder (the
 * queue worker's runs): file paths made absolute against `cwd`. Checked first, as a run would.
 */
export function transportArgs(raw: Record<string, unknown>, env: Readonly<Record<string, string | undefined>>, cwd: string): string[] {
  const list = (name: string): string[] => (Array.isArray(raw[name]) ? (raw[name] as string[]) : []);
  const absolute = (value: string): string => {
    const prefixed = SOURCE_PREFIX.exec(value);
    return prefixed ? `${prefixed[1]}=${path.resolve(cwd, prefixed[2]!)}` : path.resolve(cwd, value);
  };
  const files = { cert: list('cert').map(absolute), key: list('key').map(absolute), ca: list('ca').map(absolute) };
  readTransport({ ...files, insecure: raw.insecure === true, ...(typeof raw.proxy === 'string' ? { proxy: raw.proxy } : {}) }, env, cwd);
  return [
    ...(raw.insecure === true ? ['--insecure'] : []),
    ...(typeof raw.proxy === 'string' ? ['--proxy', raw.proxy] : []),
    ...(['cert', 'key', 'ca'] as const).flatMap((name) => files[name].flatMap((value) => [`--${name}`, value])),
    ...list('sign').flatMap((value) => ['--sign', value]),
  ];
}

export interface TransportFlags {
  proxy?: string;
  cert: string[];
  key: string[];
  ca: string[];
  insecure: boolean;
}

export interface Transport {
  /** Requests of sources without settings of their own. */
  requests: TransportOptions;
  /** Per source description name (its own --cert/--key/--ca on top of the unprefixed ones). */
  bySource: Map<string, TransportOptions>;
  /** Source-description downloads: the unprefixed client certificate, every CA given. */
  sources: TransportOptions;
}

const SOURCE_PREFIX = /^([A-Za-z0-9_-]+)=(.+)$/;

export function readTransport(flags: TransportFlags, env: Readonly<Record<string, string | undefined>>, cwd: string): Transport {
  if (flags.proxy !== undefined && !/^https?:\/\/[^/]/i.test(flags.proxy)) throw new UsageError(`--proxy "${flags.proxy}" is not an http(s) URL`, 'Write e.g. --proxy http://proxy.example:3128.');
  const proxy = proxyFromEnv(env, flags.proxy);
  const base = { rejectUnauthorized: !flags.insecure, proxy };
  const shared: TlsMaterial = {};
  const perSource = new Map<string, TlsMaterial>();
  const allCas: string[] = [];
  for (const option of ['cert', 'key', 'ca'] as const) {
    for (const value of flags[option]) {
      const prefixed = SOURCE_PREFIX.exec(value);
      const [source, file] = prefixed ? [prefixed[1]!, prefixed[2]!] : [undefined, value];
      const pem = readPem(file, `--${option}`, cwd);
      const target = source === undefined ? shared : perSource.get(source) ?? {};
      if (source !== undefined) perSource.set(source, target);
      if (option === 'ca') {
        target.ca = [...(target.ca ?? []), pem];
        allCas.push(pem);
      } else {
        target[option] = pem;
      }
    }
  }
  const withTls = (tls: TlsMaterial): TransportOptions => (Object.keys(tls).length > 0 ? { ...base, tls } : base);
  const bySource = new Map<string, TransportOptions>();
  for (const [source, own] of perSource) {
    bySource.set(source, withTls({ ...shared, ...own, ca: [...(shared.ca ?? []), ...(own.ca ?? [])] }));
  }
  for (const [source, options] of bySource) {
    if (Boolean(options.tls?.cert) !== Boolean(options.tls?.key)) throw new UsageError(`source "${source}" has a client ${options.tls?.cert ? 'certificate without --key' : 'key without --cert'}`, 'Give --cert and --key together.');
  }
  if (Boolean(shared.cert) !== Boolean(shared.key)) throw new UsageError(`a client ${shared.cert ? 'certificate needs --key' : 'key needs --cert'}`, 'Give --cert and --key together.');
  return { requests: withTls(shared), bySource, sources: withTls({ ...shared, ...(allCas.length > 0 ? { ca: allCas } : {}) }) };
}

/** A --cert/--key/--ca source prefix that names no source description is a usage error. */
export function checkTransportSources(transport: Transport, sourceNames: readonly string[]): void {
  for (const source of transport.bySource.keys()) {
    if (!sourceNames.includes(source)) throw new UsageError(`--cert/--key/--ca name source "${source}", which no document declares`, `Use one of: ${sourceNames.join(', ')}.`);
  }
}

function readPem(file: string, option: string, cwd: string): string {
  try {
    return readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(`${option} ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, 'Give the path of a PEM file, optionally as <source>=<path>.');
  }
}
