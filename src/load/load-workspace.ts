/**
 * Reads an Arazzo document and everything it refers to: OpenAPI sources (indexed; their refs are
 * resolved lazily, for the operations steps use) and Arazzo sources (recursively). Each document
 * is loaded once, keyed by its resolved location. Relative source URLs resolve against the
 * referring document, never the working directory; `--source name=…` replaces one.
 */
import { childPointer, makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isObject, ownField } from '../document/model.js';
import { parseYamlText, type ParsedText } from '../document/parse-yaml.js';
import type { OperationIndex } from '../plan/operation-index.js';
import { loadAsyncApi } from './load-asyncapi.js';
import { loadOpenApi } from './load-openapi.js';
import { isHttpUrl, readText, type TextResult } from './read-text.js';
import { locateSource, normalizeLocation, resolveLocation } from './locate-source.js';

export interface LoadedSource {
  name: string;
  /** Resolved location: absolute file path or URL. */
  location: string;
  /** The url as written in the document. */
  url: string;
  type: 'openapi' | 'arazzo' | 'asyncapi';
  pointer: string;
  operations?: OperationIndex;
  /** For arazzo sources: key of the loaded document in Workspace.documents. */
  documentKey?: string;
  /** For asyncapi sources: the parsed AsyncAPI document (its channels are resolved per step). */
  asyncapi?: unknown;
}

export interface LoadedDocument {
  key: string;
  parsed: ParsedText;
  sources: LoadedSource[];
  /**
   * Arazzo 1.1 `$self`, resolved against the document's location: its identity, and the base URI
   * its relative source URLs resolve against (1.1.0 §Relative References in URIs).
   */
  self?: string;
  /** For a document fetched over HTTP: the base its response gave (Content-Location, or the URL after redirects). */
  base?: string;
}

export interface Workspace {
  rootKey: string;
  documents: Map<string, LoadedDocument>;
  /** Arazzo documents by their resolved `$self`: a source URL that names one is that document. */
  bySelf: Map<string, string>;
  diagnostics: Diagnostic[];
}

export interface LoadOptions {
  /** Replace a source url (as written or resolved) with another location, e.g. for offline copies. */
  sourceLocations?: Readonly<Record<string, string>>;
  /** `--source name=path|url`: the location of the source description with that name. */
  sources?: Readonly<Record<string, string>>;
  /** `--offline`: nothing is fetched over the network; a remote location is unreachable. */
  offline?: boolean;
  /** `--max-source-bytes`: largest document read (default MAX_DOCUMENT_BYTES, 256 MiB). */
  maxSourceBytes?: number;
  /**
   * A source description that cannot be fetched is an `error` (run: nothing can be sent) or a
   * `warning` (lint: the operation checks of its steps are skipped). Default: error.
   */
  unreachableSources?: 'error' | 'warning';
}

export async function loadWorkspace(location: string, options: LoadOptions = {}): Promise<Workspace> {
  const rootKey = normalizeLocation(location);
  const workspace: Workspace = { rootKey, documents: new Map(), bySelf: new Map(), diagnostics: [] };
  await loadArazzo(workspace, rootKey, { ...options, texts: new Map() }, 'Workflow file');
  return workspace;
}

/** Options plus the texts read so far: each location is read (fetched) once per workspace. */
type LoadState = LoadOptions & { texts: Map<string, Promise<TextResult>> };

function readOnce(state: LoadState, location: string, what: string): Promise<TextResult> {
  let text = state.texts.get(location);
  if (!text) {
    text = state.offline && isHttpUrl(location) ? Promise.resolve(offlineFailure(location, what)) : readText(location, what, { maxBytes: state.maxSourceBytes });
    state.texts.set(location, text);
  }
  return text;
}

function offlineFailure(location: string, what: string): TextResult {
  const hint = 'Point the source at a local copy with --source <name>=<path>, or run without --offline.';
  return { ok: false, diagnostic: makeDiagnostic('source-unreachable', 'error', `${what} ${location} is not fetched: --offline`, { file: location, hint }) };
}

async function loadArazzo(workspace: Workspace, key: string, options: LoadState, what: string): Promise<void> {
  const text = await readOnce(options, key, what);
  if (!text.ok) {
    workspace.diagnostics.push(text.diagnostic);
    return;
  }
  const parsed = parseYamlText(text.text, key);
  const document: LoadedDocument = { key, parsed, sources: [], ...(text.base !== undefined ? { base: text.base } : {}) };
  // 1.1.0 §Relative References in URIs: $self, else the encapsulating entity's base, else where it was read.
  const self = selfOf(parsed.value, text.base ?? key);
  if (self !== undefined) {
    document.self = self;
    if (!workspace.bySelf.has(self)) workspace.bySelf.set(self, key);
  }
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
  const { name, pointer } = declaration;
  const where = { file: referrer.key, pointer: `${pointer}/url` };
  const { location, url, diagnostics } = locateSource(referrer.self ?? referrer.base ?? referrer.key, declaration, options, where);
  workspace.diagnostics.push(...diagnostics);
  const what = `Source description "${name}"`;
  // Identity before location (1.1.0 §Referencing Arazzo Descriptions): a loaded document whose $self it is.
  const identified = workspace.bySelf.get(location);
  if (identified !== undefined) return { name, location: identified, url, type: 'arazzo', pointer, documentKey: identified };
  if (declaration.type === 'arazzo' || workspace.documents.has(location)) {
    if (!workspace.documents.has(location)) await loadArazzo(workspace, location, options, what);
    return { name, location, url, type: 'arazzo', pointer, documentKey: location };
  }
  const text = await readOnce(options, location, what);
  if (!text.ok) {
    workspace.diagnostics.push(unreachable({ ...text.diagnostic, ...where }, options));
    return undefined;
  }
  // Read for its value only; a position inside it is found (by parsing again) only if one is asked for.
  const parsed = parseYamlText(text.text, location, { positions: 'on-demand' });
  if (parsed.diagnostics.length > 0) {
    workspace.diagnostics.push(...parsed.diagnostics);
    return undefined;
  }
  if (declaration.type === 'asyncapi') {
    // Arazzo 1.1.0 §Source Description Object: an AsyncAPI description, parsed and checked by the
    // AsyncAPI parser; the channel each asyncapi step uses is resolved in it before the run.
    const asyncapi = await loadAsyncApi(name, location, text.text, where);
    if (!asyncapi.ok) {
      workspace.diagnostics.push(asyncapi.diagnostic);
      return undefined;
    }
    return { name, location, url, type: 'asyncapi', pointer, asyncapi: asyncapi.document };
  }
  if (declaration.type === undefined && isObject(parsed.value) && 'arazzo' in parsed.value) {
    // Untyped source that turns out to be an Arazzo document (type sniffing, checklist 4.4).
    await loadArazzo(workspace, location, options, what);
    return { name, location, url, type: 'arazzo', pointer, documentKey: location };
  }
  const result = await loadOpenApi(name, location, { value: parsed.value, text: text.text }, where, (target) => readOnce(options, target, '$ref target'));
  if (!result.ok) {
    workspace.diagnostics.push(result.diagnostic);
    return undefined;
  }
  workspace.diagnostics.push(...result.warnings);
  return { name, location, url, type: 'openapi', pointer, operations: result.index };
}

/** lint: an unreachable source is environmental, so a warning, and its steps' operation checks are skipped. */
function unreachable(diagnostic: Diagnostic, options: LoadOptions): Diagnostic {
  if (diagnostic.code !== 'source-unreachable' || options.unreachableSources !== 'warning') return diagnostic;
  return { ...diagnostic, severity: 'warning', message: `${diagnostic.message}; operation checks skipped` };
}

/** A 1.1 document's `$self` (a URI-reference without fragment), resolved against where it was read. */
function selfOf(value: unknown, key: string): string | undefined {
  if (!isObject(value) || typeof value.arazzo !== 'string' || !value.arazzo.startsWith('1.1.')) return undefined;
  const self = ownField(value, '$self');
  if (typeof self !== 'string' || self === '' || self.includes('#')) return undefined;
  return resolveLocation(key, self);
}
