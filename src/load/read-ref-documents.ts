/**
 * The documents an OpenAPI source's external `$ref`s name (`./schemas.yaml#/Pet`, `https://…`),
 * read once each, transitively, so the lazy resolver (plan/resolve-openapi-ref.ts) can stay pure.
 * Finding them is one walk over the parsed value with no copy; a description whose refs all stay
 * inside it (GitHub's, most of them) reads nothing more.
 *
 * Guards: an `http(s)` ref to a loopback, private or link-local host is read only when the document
 * that names it was itself served from that origin (a fetched description must not make us probe
 * the local network), and a fetched document may not name a `file:` ref at all.
 */
import { fileURLToPath } from 'node:url';
import { parseYamlText } from '../document/parse-yaml.js';
import { targetKey, type DocumentSet } from '../plan/resolve-openapi-ref.js';
import type { TextResult } from './read-text.js';

export type ReadLocation = (location: string) => Promise<TextResult>;

/** `$ref` then a value that does not start with `#`, in YAML or JSON; no match means no external ref. */
const EXTERNAL_REF_TEXT = /\$ref["']?\s*:(?!\s*["']?#)/;

export async function readRefDocuments(rootUrl: string, root: { value: unknown; text: string }, read: ReadLocation): Promise<DocumentSet> {
  const documents = new Map<string, unknown>([[rootUrl, root.value]]);
  const failures = new Map<string, string>();
  const queue: Array<{ url: string; value: unknown; text: string }> = [{ url: rootUrl, ...root }];
  while (queue.length > 0) {
    const { url: base, value, text: source } = queue.shift()!;
    // Most descriptions keep every ref inside (GitHub's 10,000): a search of the text says so without a walk.
    if (!EXTERNAL_REF_TEXT.test(source)) continue;
    for (const ref of externalRefs(value)) {
      const key = targetKey(ref, base);
      const url = key?.slice(0, key.indexOf('#'));
      if (url === undefined || url === base || documents.has(url) || failures.has(url)) continue;
      const refused = refusal(base, url);
      if (refused) {
        failures.set(url, refused);
        continue;
      }
      const text = await read(url.startsWith('file:') ? fileURLToPath(url) : url);
      if (!text.ok) {
        failures.set(url, text.diagnostic.message);
        continue;
      }
      const parsed = parseYamlText(text.text, url, { positions: 'on-demand' });
      if (parsed.diagnostics.length > 0) {
        failures.set(url, `${url} is not YAML or JSON (${parsed.diagnostics[0]!.message})`);
        continue;
      }
      documents.set(url, parsed.value);
      queue.push({ url, value: parsed.value, text: text.text });
    }
  }
  return { root: rootUrl, documents, failures };
}

/** Every `$ref` string that names another document (not just `#…`), in one iterative walk. */
function externalRefs(value: unknown): Set<string> {
  const refs = new Set<string>();
  const stack: unknown[] = [value];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) if (typeof item === 'object') stack.push(item);
      continue;
    }
    for (const key in node) {
      const child = (node as Record<string, unknown>)[key];
      if (key === '$ref' && typeof child === 'string' && child !== '' && !child.startsWith('#')) refs.add(child);
      else if (typeof child === 'object') stack.push(child);
    }
  }
  return refs;
}

function refusal(base: string, target: string): string | undefined {
  const from = new URL(base);
  const to = new URL(target);
  if (to.protocol === 'file:') return from.protocol === 'file:' ? undefined : `${target} is a local file named by a fetched document; it is not read`;
  if (to.protocol !== 'http:' && to.protocol !== 'https:') return `${target}: only file, http and https references are read`;
  if (isInternalHost(to.hostname) && from.origin !== to.origin) return `${target} is on a loopback or private address; refs there are read only from a document served by the same origin`;
  return undefined;
}

function isInternalHost(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (name === 'localhost' || name.endsWith('.localhost') || name === '::1' || name === '::' || /^f[cd][0-9a-f]{2}:/.test(name) || name.startsWith('fe80:')) return true;
  const octets = name.split('.').map(Number);
  if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o))) return false;
  const [a, b] = octets as [number, number, number, number];
  return a === 127 || a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
}
