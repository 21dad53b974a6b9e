/**
 * One OpenAPI source description (3.2, 3.1, 3.0 or Swagger 2.0) → its operation index. Refs are
 * not dereferenced here: the documents external refs name are read (read-ref-documents.ts) and
 * the index resolves what a step uses, when it uses it (plan/resolve-openapi-ref.ts).
 */
import { pathToFileURL } from 'node:url';
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isObject } from '../document/model.js';
import { indexOperations, type OperationIndex } from '../plan/operation-index.js';
import { readRefDocuments, type ReadLocation } from './read-ref-documents.js';
import { isHttpUrl } from './read-text.js';

export type OpenApiResult = { ok: true; index: OperationIndex; version: string; warnings: Diagnostic[] } | { ok: false; diagnostic: Diagnostic };

const SUPPORTED = /^(2\.0|3\.[0-2])(\.\d+)?$/;

export async function loadOpenApi(
  sourceName: string,
  location: string,
  parsed: { value: unknown; text: string },
  where: { file: string; pointer: string },
  read: ReadLocation,
): Promise<OpenApiResult> {
  const document = parsed.value;
  const version = openApiVersion(document);
  if (version === undefined || !SUPPORTED.test(version)) return { ok: false, diagnostic: notOpenApi(sourceName, location, document, version, where) };
  const url = isHttpUrl(location) ? location : pathToFileURL(location).href;
  const set = await readRefDocuments(url, parsed, read);
  const index = indexOperations(sourceName, document, set);
  const warnings = [...set.failures.values()].map((reason) =>
    makeDiagnostic('source-ref-unresolved', 'warning', `Source description "${sourceName}" (${location}): a $ref cannot be resolved: ${reason}`, {
      ...where,
      hint: 'Only a step whose operation needs this $ref fails (it is named there); fix the $ref or add the file it names.',
    }),
  );
  for (const problem of index.problems) {
    warnings.push(makeDiagnostic('source-ref-unresolved', 'warning', `Source description "${sourceName}" (${location}): ${problem}; its operations are missing`, { ...where, hint: 'Fix the $ref of the path item.' }));
  }
  for (const problem of index.schemeProblems) {
    warnings.push(makeDiagnostic('source-ref-unresolved', 'warning', `Source description "${sourceName}" (${location}): ${problem}; operations that require it cannot be authorised`, { ...where, hint: 'Fix the $ref of the security scheme.' }));
  }
  return { ok: true, index, version, warnings };
}

function openApiVersion(document: unknown): string | undefined {
  if (!isObject(document)) return undefined;
  const version = document.openapi ?? document.swagger;
  return typeof version === 'string' ? version : typeof version === 'number' ? String(version) : undefined;
}

/** A wrong document says what it is instead, so the hint can say what to do about it. */
function notOpenApi(sourceName: string, location: string, document: unknown, version: string | undefined, where: { file: string; pointer: string }): Diagnostic {
  const what = `Source description "${sourceName}" (${location})`;
  const [message, hint] = isObject(document) && 'arazzo' in document
    ? [`${what} is an Arazzo document, declared as type: openapi`, 'Declare type: arazzo for this source (or leave type out).']
    : version !== undefined
      ? [`${what} is OpenAPI/Swagger ${version}, which this runner does not read`, 'Use an OpenAPI 3.2, 3.1, 3.0 or Swagger 2.0 description.']
      : isObject(document) && 'asyncapi' in document
        ? [`${what} is an AsyncAPI document, not OpenAPI`, 'Arazzo steps call HTTP operations: point the source at an OpenAPI description.']
        : [`${what} is not an OpenAPI description (no "openapi" or "swagger" field)`, 'Point the source url at an OpenAPI 3.2, 3.1, 3.0 or Swagger 2.0 description.'];
  return makeDiagnostic('source-not-openapi', 'error', message, { ...where, hint });
}
