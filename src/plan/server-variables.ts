/**
 * `{name}` placeholders of a server URL (OpenAPI Server Object, AsyncAPI Server Object host and
 * pathname) filled from --server-variable, else the variable's `default`; a value outside the
 * variable's `enum`, or a placeholder with neither, is a problem that says what to pass.
 */
import type { Code, Problem } from '../diagnostics/diagnostic.js';
import type { OperationServer } from './operation.js';

export type FilledServer = { ok: true; url: string } | { ok: false; problem: Problem };

const fail = (code: Code, message: string, hint: string): FilledServer => ({ ok: false, problem: { code, message, hint } });

/** `otherwise` ends each hint: how else to name the server (e.g. pass --server <source>=…). */
export function fillServerVariables(server: OperationServer, given: Readonly<Record<string, string>>, otherwise: string): FilledServer {
  let problem: FilledServer | undefined;
  const url = server.url.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const declared = server.variables?.[name];
    const value = given[name] ?? declared?.default;
    if (value === undefined) {
      problem ??= fail('server-variable-missing', `server variable "${name}" in ${server.url} has no value and no default`, `pass --server-variable ${name}=… or ${otherwise}`);
      return '';
    }
    if (declared?.enum !== undefined && declared.enum.length > 0 && !declared.enum.includes(value)) {
      problem ??= fail('server-variable-not-in-enum', `server variable "${name}" = "${value}" is not one of: ${declared.enum.join(', ')}`, `use one of the listed values or ${otherwise}`);
    }
    return value;
  });
  return problem ?? { ok: true, url };
}

/** Declared variables and `{name}` placeholders of a server URL: what --server-variable may name. */
export function serverVariableNames(server: OperationServer): string[] {
  const placeholders = [...server.url.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
  return [...new Set([...Object.keys(server.variables ?? {}), ...placeholders])];
}
