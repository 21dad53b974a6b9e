/**
 * Reads a local file or an http(s) URL as UTF-8 text, within a size cap and (for URLs) a deadline
 * that covers the whole download. Only regular files are read: `/dev/zero` or a FIFO named by a
 * document would otherwise never end. The body of a URL is streamed and cut at the cap, so a
 * server that lies about (or omits) Content-Length cannot exhaust memory.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import { readFile, stat } from 'node:fs/promises';
import { makeDiagnostic, type Code, type Diagnostic } from '../diagnostics/diagnostic.js';
import { locateInvalidUtf8 } from './locate-invalid-utf8.js';

/**
 * Not a guard against hostile documents (parse-yaml refuses those by depth, aliases and value
 * count); a ceiling on memory that `--max-source-bytes` raises. Real descriptions reach 80 MB.
 */
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;
export const REMOTE_TIMEOUT_MS = 30_000;

export interface ReadLimits {
  /** Default MAX_DOCUMENT_BYTES (256 MiB). */
  maxBytes?: number;
  /** Whole-download deadline for URLs. Default REMOTE_TIMEOUT_MS (30 s). */
  timeoutMs?: number;
}

/**
 * `base`: for a document fetched over HTTP, the base URI the response gives it (RFC 3986 §5.1.2–3):
 * its Content-Location, else the URL it was finally retrieved from after redirects — when either
 * differs from the URL asked for.
 */
export type TextResult = { ok: true; text: string; base?: string } | { ok: false; diagnostic: Diagnostic };

export const isHttpUrl = (location: string): boolean => /^https?:\/\//i.test(location);

export async function readText(location: string, what: string, limits: ReadLimits = {}): Promise<TextResult> {
  const maxBytes = limits.maxBytes ?? MAX_DOCUMENT_BYTES;
  const bytes = isHttpUrl(location)
    ? await fetchBytes(location, what, maxBytes, limits.timeoutMs ?? REMOTE_TIMEOUT_MS)
    : await readLocal(location, what, maxBytes);
  if (!bytes.ok) return bytes;
  // isUtf8 + toString is native and several times faster than a fatal TextDecoder on 13 MB.
  if (isUtf8(bytes.data)) {
    const text = Buffer.from(bytes.data.buffer, bytes.data.byteOffset, bytes.data.byteLength).toString('utf8');
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, ...(bytes.base !== undefined && bytes.base !== location ? { base: bytes.base } : {}) };
  }
  const bad = locateInvalidUtf8(bytes.data);
  const encoding = bad.utf16 ? 'UTF-16 text' : `not valid UTF-8 (byte 0x${bad.byte.toString(16).padStart(2, '0')} at line ${bad.line}, column ${bad.column})`;
  return fail('file-not-utf8', `${what} ${location} is ${encoding}`, location, 'Save the file as UTF-8.', { line: bad.line, column: bad.column });
}

type BytesResult = { ok: true; data: Uint8Array; base?: string } | { ok: false; diagnostic: Diagnostic };

async function readLocal(path: string, what: string, maxBytes: number): Promise<BytesResult> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return fail('file-not-found', `${what} ${path} is a directory`, path, 'Pass a file path.');
    if (!info.isFile()) return fail('file-unreadable', `${what} ${path} is not a regular file`, path, 'Point it at a file; devices, sockets and pipes are not read.');
    if (info.size > maxBytes) return tooLarge(what, path, maxBytes);
    const data = await readFile(path);
    // The file may have grown between stat and read.
    return data.byteLength > maxBytes ? tooLarge(what, path, maxBytes) : { ok: true, data };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('file-not-found', `${what} ${path} does not exist`, path, 'Check the path.');
    return fail('file-unreadable', `${what} ${path} cannot be read (${code ?? String(error)})`, path, 'Check permissions.');
  }
}

async function fetchBytes(url: string, what: string, maxBytes: number, timeoutMs: number): Promise<BytesResult> {
  const deadline = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { signal: deadline, redirect: 'follow' });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return fail('source-unreachable', `${what} ${url} answered HTTP ${response.status}`, url, 'Check the URL.');
    }
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return tooLarge(what, url, maxBytes);
    }
    const data = await readCapped(response, maxBytes);
    return data === undefined ? tooLarge(what, url, maxBytes) : { ok: true, data, base: baseOf(response, url) };
  } catch (error) {
    if (deadline.aborted) {
      return fail('source-unreachable', `${what} ${url} did not arrive within ${timeoutMs} ms`, url, 'Check the URL and your network, or use a local copy.');
    }
    return fail('source-unreachable', `${what} ${url} could not be fetched: ${describeFetchError(error)}`, url, 'Check the URL and your network, or use a local copy.');
  }
}

/** The encapsulating entity's base (Content-Location, read against the retrieval URI), else the retrieval URI. */
function baseOf(response: Response, asked: string): string {
  const retrieved = response.url || asked;
  const declared = response.headers.get('content-location');
  if (!declared) return retrieved;
  try {
    return new URL(declared, retrieved).href.replace(/#.*$/, '');
  } catch {
    return retrieved;
  }
}

/** The body, or undefined once it grows past maxBytes (the rest is not downloaded). */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const data = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    data.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return data;
}

/** fetch() says only "fetch failed"; the cause has the code a user can act on. */
function describeFetchError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const detail = typeof cause?.message === 'string' ? cause.message : undefined;
  return [message, code ?? detail].filter(Boolean).join(': ');
}

function tooLarge(what: string, location: string, maxBytes: number): { ok: false; diagnostic: Diagnostic } {
  const hint = `Raise the limit if you trust the document: --max-source-bytes ${Math.ceil((maxBytes * 2) / 1024 / 1024)}MiB (now ${maxBytes} bytes).`;
  return fail('file-too-large', `${what} ${location} is larger than ${maxBytes} bytes (--max-source-bytes)`, location, hint);
}

function fail(code: Code, message: string, file: string, hint: string, extra: Partial<Diagnostic> = {}): { ok: false; diagnostic: Diagnostic } {
  return { ok: false, diagnostic: makeDiagnostic(code, 'error', message, { file, hint, ...extra }) };
}
