/**
 * `--auth <source>.<scheme>=<value>` and `ARAZZO_AUTH_<SOURCE>_<SCHEME>`: checked against the
 * sources and security schemes the documents declare (a typo is a usage error, exit 2, nothing
 * sent), and every value given becomes a secret before anything is printed.
 */
import type { ExplicitCredentials } from '../auth/credential.js';
import { envName, explicitCredentials, parseAuthFlag } from '../auth/explicit-credentials.js';
import type { Workspace } from '../load/load-workspace.js';
import { UsageError } from './parse-cli-values.js';

export interface AuthOptions {
  credentials: ExplicitCredentials;
  /** The values given (flags, and environment variables that name a declared scheme). */
  secrets: string[];
}

export function readAuthOptions(flags: readonly string[], env: Readonly<Record<string, string | undefined>>, workspace: Workspace): AuthOptions {
  const schemes = declaredSchemes(workspace);
  const given = new Map<string, string>();
  for (const flag of flags) {
    const parsed = parseAuthFlag(flag);
    if (!parsed) throw new UsageError(`--auth "${flag.split('=')[0]}" is not <source>.<scheme>=<value>`, 'Write e.g. --auth petStore.bearerAuth=$TOKEN.');
    const [source, scheme, value] = parsed;
    const known = schemes.get(source);
    if (!known) throw new UsageError(`--auth names source "${source}", which no document declares`, `Use one of: ${[...schemes.keys()].join(', ') || '(no OpenAPI sources)'}.`);
    if (!known.has(scheme)) throw new UsageError(`--auth names security scheme "${scheme}", which source "${source}" does not declare`, `Its schemes: ${[...known].join(', ') || '(none)'}.`);
    given.set(`${source}.${scheme}`, value);
  }
  const secrets = [...given.values()];
  for (const [source, names] of schemes) {
    for (const scheme of names) {
      const value = env[envName(source, scheme)];
      if (value) secrets.push(value);
    }
  }
  return { credentials: explicitCredentials(given, env), secrets };
}

function declaredSchemes(workspace: Workspace): Map<string, Set<string>> {
  const schemes = new Map<string, Set<string>>();
  for (const document of workspace.documents.values()) {
    for (const source of document.sources) {
      if (source.type !== 'openapi') continue;
      const names = schemes.get(source.name) ?? new Set<string>();
      const declared = source.operations?.operations[0]?.security?.schemes ?? {};
      for (const name of Object.keys(declared)) names.add(name);
      schemes.set(source.name, names);
    }
  }
  return schemes;
}
