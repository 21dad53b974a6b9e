/** The hand check of a parsed config: known keys only, each value of the right kind, with its line. */
import path from 'node:path';
import { CODES, describeCode } from '../diagnostics/codes.js';
import { childPointer, makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isObject } from '../document/model.js';
import type { SourceMap } from '../document/parse-yaml.js';
import { suggest } from '../plan/resolve-references.js';
import { emptySection, LIMIT_KEYS, SECTION_KEYS, TOP_KEYS, TRANSPORT_KEYS, type ArazzoConfig, type ConfigSection } from './config-shape.js';
import type { ConfigResult } from './read-config.js';

const SEVERITIES = ['off', 'info', 'warn', 'warning', 'error'];

export function checkConfig(value: unknown, file: string, sourceMap: SourceMap): ConfigResult {
  const problems: Diagnostic[] = [];
  const problem = (code: 'config-unknown-key' | 'config-invalid', message: string, pointer: string, hint?: string, atKey = false): void => {
    const position = atKey ? sourceMap.locateKey(pointer) : sourceMap.locate(pointer);
    problems.push(makeDiagnostic(code, 'error', message, { file, pointer, ...(position ? { line: position.line, column: position.column } : {}), ...(hint ? { hint } : {}) }));
  };
  const unknownKey = (key: string, pointer: string, known: readonly string[], where: string): void => {
    const close = suggest(key, known);
    problem('config-unknown-key', `Unknown key "${key}" ${where}`, pointer, `${close?.startsWith('Did') ? `${close} ` : ''}Known keys: ${known.join(', ')}.`, true);
  };
  const base = emptySection();
  const environments: Record<string, ConfigSection> = {};
  if (value !== undefined && value !== null && !isObject(value)) problem('config-invalid', 'The config file is not a mapping of keys', '', `Start with one of: ${TOP_KEYS.join(', ')}.`);
  if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      const pointer = childPointer('', key);
      if (key === 'environments') readEnvironments(item, pointer, environments);
      else if ((SECTION_KEYS as readonly string[]).includes(key)) readKey(key as (typeof SECTION_KEYS)[number], item, pointer, base);
      else unknownKey(key, pointer, TOP_KEYS, 'in the config');
    }
  }
  if (problems.length > 0) return { ok: false, diagnostics: problems };
  const config: ArazzoConfig = { file, base, environments, lineOf: (pointer) => sourceMap.locate(pointer)?.line };
  return { ok: true, config };

  function readEnvironments(item: unknown, pointer: string, into: Record<string, ConfigSection>): void {
    if (!isObject(item)) return problem('config-invalid', '"environments" is not a mapping of environment names', pointer, 'Write environments: { staging: { servers: {...} } }.');
    for (const [name, section] of Object.entries(item)) {
      const at = childPointer(pointer, name);
      if (!isObject(section)) {
        problem('config-invalid', `Environment "${name}" is not a mapping`, at, `Give it some of: ${SECTION_KEYS.join(', ')}.`);
        continue;
      }
      const env = emptySection();
      for (const [key, sectionItem] of Object.entries(section)) {
        if ((SECTION_KEYS as readonly string[]).includes(key)) readKey(key as (typeof SECTION_KEYS)[number], sectionItem, childPointer(at, key), env);
        else unknownKey(key, childPointer(at, key), SECTION_KEYS, `in environment "${name}"`);
      }
      into[name] = env;
    }
  }

  function readKey(key: (typeof SECTION_KEYS)[number], item: unknown, pointer: string, into: ConfigSection): void {
    if (key === 'inputs') {
      const files = typeof item === 'string' ? [item] : Array.isArray(item) && item.every((f) => typeof f === 'string') ? (item as string[]) : undefined;
      if (!files) return problem('config-invalid', '"inputs" is not a file name or a list of file names', pointer, 'Write inputs: [inputs.yaml] (paths relative to the config file).');
      into.inputs = files.map((f) => path.resolve(path.dirname(file), f));
      return;
    }
    if (key === 'proxy') {
      if (typeof item !== 'string' || !/^https?:\/\/[^/]/i.test(item)) return problem('config-invalid', '"proxy" is not an http(s) URL', pointer, 'Write proxy: http://proxy.example:3128.');
      into.proxy = item;
      return;
    }
    if ((TRANSPORT_KEYS as readonly string[]).includes(key)) return readPemFiles(key as (typeof TRANSPORT_KEYS)[number], item, pointer, into);
    if (!isObject(item)) return problem('config-invalid', `"${key}" is not a mapping`, pointer, key === 'servers' ? 'Write servers: { <source name>: <url> }.' : undefined);
    for (const [name, entry] of Object.entries(item)) {
      const at = childPointer(pointer, name);
      if (typeof entry !== 'string' && typeof entry !== 'number' && typeof entry !== 'boolean') {
        problem('config-invalid', `"${key}.${name}" is not a single value`, at);
        continue;
      }
      const text = String(entry);
      if (key === 'limits' && !(LIMIT_KEYS as readonly string[]).includes(name)) unknownKey(name, at, LIMIT_KEYS, 'in limits');
      else if (key === 'rules') readRule(name, text, at, into);
      else (into[key] as Record<string, string>)[name] = text;
    }
  }

  /** `cert: client.pem`, `ca: [a.pem, api=b.pem]`: as the flags, each path relative to the config file. */
  function readPemFiles(key: (typeof TRANSPORT_KEYS)[number], item: unknown, pointer: string, into: ConfigSection): void {
    const entries = typeof item === 'string' ? [item] : Array.isArray(item) && item.every((f) => typeof f === 'string') ? (item as string[]) : undefined;
    if (!entries) return problem('config-invalid', `"${key}" is not a PEM file or a list of them`, pointer, `Write ${key}: client.pem, or ${key}: [<source>=client.pem] for one source (paths relative to the config file).`);
    into[key] = entries.map((entry) => {
      const prefixed = /^([A-Za-z0-9_-]+)=(.+)$/.exec(entry);
      return prefixed ? `${prefixed[1]}=${path.resolve(path.dirname(file), prefixed[2]!)}` : path.resolve(path.dirname(file), entry);
    });
  }

  function readRule(id: string, level: string, pointer: string, into: ConfigSection): void {
    const known = id.endsWith('*') ? describeAnyPrefix(id.slice(0, -1)) : describeCode(id) !== undefined;
    if (!known) return problem('config-invalid', `Rule "${id}" names no rule`, pointer, 'Run "arazzo rules" for the list of rule ids.', true);
    if (!SEVERITIES.includes(level.toLowerCase())) return problem('config-invalid', `Rule "${id}": "${level}" is not off, info, warn or error`, pointer);
    into.rules[id] = level.toLowerCase();
  }
}

const describeAnyPrefix = (prefix: string): boolean => Object.keys(CODES).some((id) => id.startsWith(prefix));
