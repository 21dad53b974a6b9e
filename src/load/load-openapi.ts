/** Loads one OpenAPI source description and dereferences it with swagger-parser (imported lazily). */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { makeDiagnostic, type Code, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isObject } from '../document/model.js';
import { indexOperations, type OperationIndex } from '../plan/operation-index.js';
import { dereferenceLocalRefs } from './dereference-local-refs.js';
import { isHttpUrl, readText } from './read-text.js';

export type OpenApiResult = { ok: true; index: OperationIndex; version: string } | { ok: false; diagnostic: Diagnostic };

export async function loadOpenApi(
  sourceName: string,
  location: string,
  document: unknown,
  where: { file: string; pointer: string },
): Promise<OpenApiResult> {
  const version = isObject(document) ? String(document.openapi ?? document.swagger ?? '') : '';
  if (!/^(2\.0|3\.0|3\.1)/.test(version)) {
    return fail(
      'source-not-openapi',
      `Source description "${sourceName}" (${location}) is not an OpenAPI 2.0/3.0/3.1 document`,
      where,
      'Point the source url at an OpenAPI description, or declare type: arazzo for an Arazzo document.',
    );
  }
  try {
    // Fast path: a local document whose refs all stay inside it needs no swagger-parser (bench/ fig. 2).
    const local = isHttpUrl(location) ? undefined : dereferenceLocalRefs(document);
    if (local) return { ok: true, index: indexOperations(sourceName, local), version };
    const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
    const base = /^https?:\/\//i.test(location) ? location : pathToFileURL(location).href;
    // Work on a copy: swagger-parser mutates the object it dereferences.
    const copy = structuredClone(document) as Parameters<typeof SwaggerParser.dereference>[1];
    const api = await SwaggerParser.dereference(base, copy, {
      dereference: { circular: 'ignore' },
      // External $refs are read like source descriptions: same size cap and deadline, regular files only.
      resolve: { file: { read: readRefTarget }, http: { read: readRefTarget } },
      timeoutMs: DEREFERENCE_TIMEOUT_MS,
    } as Parameters<typeof SwaggerParser.dereference>[2]);
    return { ok: true, index: indexOperations(sourceName, api), version };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return fail(
      'source-unresolvable',
      `Source description "${sourceName}" (${location}) could not be dereferenced: ${reason}`,
      where,
      'Fix the $ref in the OpenAPI document, or check that the files it references exist.',
    );
  }
}

/** Budget for resolving and dereferencing one source description, external $refs included. */
const DEREFERENCE_TIMEOUT_MS = 60_000;

async function readRefTarget(file: { url: string }): Promise<string> {
  const location = file.url.startsWith('file:') ? fileURLToPath(file.url) : file.url;
  const result = await readText(location, '$ref target');
  if (!result.ok) throw new Error(result.diagnostic.message);
  return result.text;
}

function fail(code: Code, message: string, where: { file: string; pointer: string }, hint: string): OpenApiResult {
  return { ok: false, diagnostic: makeDiagnostic(code, 'error', message, { ...where, hint }) };
}
