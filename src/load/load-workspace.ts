/**
 * Reads an Arazzo document and everything it refers to: OpenAPI sources (dereferenced, indexed)
 * and Arazzo sources (recursively). Each document is loaded once, keyed by its resolved location.
 * Relative source URLs resolve against the referring document, never the working directory.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childPointer, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isObject, ownField } from '../document/model.js';
import { parseYamlText, type ParsedText } from '../document/parse-yaml.js';
import type { OperationIndex } from '../plan/operation-index.js';
import { loadOpenApi } from './load-openapi.js';
import { parseSourceText } from './parse-source-text.js';
import { isHttpUrl, readText, type TextResult } from './read-text.js';

export interface LoadedSource {
  name: string;
  /** Resolved location: absolute file path or URL. */
  location: string;
  /** The url as written in the document. */
  url: string;
  type: 'openapi' | 'arazzo';
  pointer: string;
  operations?: OperationIndex;
  /** For arazzo sources: key of the loaded document in Workspace.documents. */
  documentKey?: string;
}

export interface LoadedDocument {
  key: string;
  parsed: ParsedText;
  sources: LoadedSource[];
}

export interface Workspace {
  rootKey: string;
  documents: Map<string, LoadedDocument>;
  diagnostics: Diagnostic[];
}

export interface LoadOptions {
  /** Replace a source url (as written or resolved) with another location, e.g. for offline copies. */
  sourceLocations?: Readonly<Record<string, string>>;
}

export async function loadWorkspace(location: string, options: LoadOptions = {}): Promise<Workspace> {
  const rootKey = normalizeLocation(location);
  const workspace: Workspace = { rootKey, documents: new Map(), diagnostics: [] };
  await loadArazzo(workspace, rootKey, { ...options, texts: new Map() }, 'Workflow file');
  return workspace;
}

/** Options plus the texts read so far: each location is read (fetched) once per workspace. */
type LoadState = LoadOptions & { texts: Map<string, Promise<TextResult>> };

function readOnce(state: LoadState, location: string, what: string): Promise<TextResult> {
  let text = state.texts.get(location);
  if (!text) {
    text = readText(location, what);
    state.texts.set(location, text);
  }
  return text;
}

async function loadArazzo(workspace: Workspace, key: string, options: LoadState, what: string): Promise<void> {
  const text = await readOnce(options, key, what);
  if (!text.ok) {
    workspace.diagnostics.push(text.diagnostic);
    return;
  }
  const parsed = parseYamlText(text.text, key);
  const document: LoadedDocument = { key, parsed, sources: [] };
  workspace.documents.set(key, document);
  workspace.diagnostics.push(...parsed.diagnostics);
  const declared = isObject(parsed.value) ? ownField(parsed.value, 'sourceDescriptions') : undefined;
  if (!Array.isArray(declared)) return;
  for (const [index, raw] of declared.entries()) {
    if (!isObject(raw) || typeof raw.name !== 'string' || typeof raw.url !== 'string') continue;
    const pointer = childPointer('/sourceDescriptions', index);
    const source = await loadSource(workspace, document, { name: raw.name, url: raw.url, type: raw.type, pointer }, options);
    if (source) document.sources.push(source);
  }
}

interface SourceDeclaration {
  name: string;
  url: string;
  type: unknown;
  pointer: string;
}

async function loadSource(
  workspace: Workspace,
  referrer: LoadedDocument,
  declaration: SourceDeclaration,
  options: LoadState,
): Promise<LoadedSource | undefined> {
  const { name, url, pointer } = declaration;
  const where = { file: referrer.key, pointer: `${pointer}/url` };
  const mapped = options.sourceLocations?.[url];
  const location = mapped ? normalizeLocation(mapped) : resolveLocation(referrer.key, url);
  const what = `Source description "${name}"`;
  if (declaration.type === 'arazzo' || workspace.documents.has(location)) {
    if (!workspace.documents.has(location)) await loadArazzo(workspace, location, options, what);
    return { name, location, url, type: 'arazzo', pointer, documentKey: location };
  }
  const text = await readOnce(options, location, what);
  if (!text.ok) {
    workspace.diagnostics.push({ ...text.diagnostic, ...where });
    return undefined;
  }
  // Read for its value only; an Arazzo document found here is read again with positions.
  const parsed = parseSourceText(text.text, location);
  if (parsed.diagnostics.length > 0) {
    workspace.diagnostics.push(...parsed.diagnostics);
    return undefined;
  }
  if (declaration.type === undefined && isObject(parsed.value) && 'arazzo' in parsed.value) {
    // Untyped source that turns out to be an Arazzo document (type sniffing, checklist 4.4).
    await loadArazzo(workspace, location, options, what);
    return { name, location, url, type: 'arazzo', pointer, documentKey: location };
  }
  const result = await loadOpenApi(name, location, parsed.value, where);
  if (!result.ok) {
    workspace.diagnostics.push(result.diagnostic);
    return undefined;
  }
  return { name, location, url, type: 'openapi', pointer, operations: result.index };
}

function normalizeLocation(location: string): string {
  if (isHttpUrl(location)) return location;
  if (location.startsWith('file:')) return fileURLToPath(location);
  return path.resolve(location);
}

export function resolveLocation(base: string, reference: string): string {
  if (isHttpUrl(reference)) return reference;
  if (reference.startsWith('file:')) return fileURLToPath(reference);
  if (isHttpUrl(base)) return new URL(reference, base).href;
  return path.resolve(path.dirname(base), decodeURIComponent(reference));
}
