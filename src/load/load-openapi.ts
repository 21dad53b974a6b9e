/** Loads one OpenAPI source description and dereferences it with swagger-parser (imported lazily). */
import { pathToFileURL } from 'node:url';
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isObject } from '../document/model.js';
import { indexOperations, type OperationIndex } from '../plan/operation-index.js';
import { dereferenceLocalRefs } from './dereference-local-refs.js';
import { isHttpUrl } from './read-text.js';

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
  // Fast path: a local document whose refs all stay inside it needs no swagger-parser (bench/ fig. 2).
  const local = isHttpUrl(location) ? undefined : dereferenceLocalRefs(document);
  if (local) return { ok: true, index: indexOperations(sourceName, local), version };
  try {
    const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
    const base = /^https?:\/\//i.test(location) ? location : pathToFileURL(location).href;
    // Work on a copy: swagger-parser mutates the object it dereferences.
    const copy = structuredClone(document) as Parameters<typeof SwaggerParser.dereference>[1];
    const api = await SwaggerParser.dereference(base, copy, {
      dereference: { circular: 'ignore' },
      resolve: { http: { timeout: 30_000 } },
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

function fail(code: string, message: string, where: { file: string; pointer: string }, hint: string): OpenApiResult {
  return { ok: false, diagnostic: makeDiagnostic(code, 'error', message, { ...where, hint }) };
}
