/** Where a source description is read from: `--source name=…`, a mapped url, or its url resolved. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isHttpUrl } from './read-text.js';

export interface SourceOverrides {
  sourceLocations?: Readonly<Record<string, string>>;
  sources?: Readonly<Record<string, string>>;
}

/** Characters a URI reference may not hold as they are (RFC 3986); `%` is left alone. */
const NOT_IN_URI = /[\s"<>\\^`{|}]/;

export function locateSource(
  referrer: string,
  declaration: { name: string; url: string },
  overrides: SourceOverrides,
  where: { file: string; pointer: string },
): { location: string; url: string; diagnostics: Diagnostic[] } {
  const { name, url } = declaration;
  const named = overrides.sources?.[name];
  if (named !== undefined) return { location: normalizeLocation(named), url, diagnostics: [] };
  const mapped = overrides.sourceLocations?.[url];
  if (mapped !== undefined) return { location: normalizeLocation(mapped), url, diagnostics: [] };
  if (!NOT_IN_URI.test(url)) return { location: resolveLocation(referrer, url), url, diagnostics: [] };
  // `business units.json` (APIs.guru): meant, not written, as a URI reference. Read it encoded.
  const encoded = url.replace(new RegExp(NOT_IN_URI, 'g'), (c) => encodeURIComponent(c));
  const warning = makeDiagnostic('source-url-unencoded', 'warning', `Source description "${name}": url "${url}" is not a URI reference; read as "${encoded}"`, {
    ...where,
    fix: encoded,
    hint: `Write it percent-encoded: url: ${encoded}`,
  });
  return { location: resolveLocation(referrer, encoded), url, diagnostics: [warning] };
}

export function normalizeLocation(location: string): string {
  if (isHttpUrl(location)) return location;
  if (location.startsWith('file:')) return fileURLToPath(location);
  return path.resolve(location);
}

export function resolveLocation(base: string, reference: string): string {
  if (isHttpUrl(reference)) return reference;
  if (reference.startsWith('file:')) return fileURLToPath(reference);
  if (isHttpUrl(base)) return new URL(reference, base).href;
  return path.resolve(path.dirname(base), safeDecode(reference));
}

function safeDecode(reference: string): string {
  try {
    return decodeURIComponent(reference);
  } catch {
    return reference;
  }
}
