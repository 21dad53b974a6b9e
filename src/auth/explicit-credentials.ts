/**
 * Credentials given outside the document: `--auth <source>.<scheme>=<value>` (repeatable) and
 * `ARAZZO_AUTH_<SOURCE>_<SCHEME>` environment variables (names upper-cased, anything but A-Z and
 * 0-9 as "_"). A flag wins over the environment.
 */
import type { ExplicitCredentials } from './credential.js';

export const envName = (sourceName: string, schemeName: string): string => `ARAZZO_AUTH_${normalize(sourceName)}_${normalize(schemeName)}`;

const normalize = (name: string): string => name.toUpperCase().replace(/[^A-Z0-9]/g, '_');

export function explicitCredentials(flags: ReadonlyMap<string, string>, env: Readonly<Record<string, string | undefined>>): ExplicitCredentials {
  return (sourceName, schemeName) => {
    const flag = flags.get(`${sourceName}.${schemeName}`);
    if (flag !== undefined) return flag;
    const value = env[envName(sourceName, schemeName)];
    return value === undefined || value === '' ? undefined : value;
  };
}

/** `source.scheme=value` → [source, scheme, value]; undefined when it is not of that form. */
export function parseAuthFlag(text: string): [string, string, string] | undefined {
  const equals = text.indexOf('=');
  const target = equals < 0 ? '' : text.slice(0, equals);
  const dot = target.indexOf('.');
  if (dot <= 0 || dot === target.length - 1) return undefined;
  return [target.slice(0, dot), target.slice(dot + 1), text.slice(equals + 1)];
}
