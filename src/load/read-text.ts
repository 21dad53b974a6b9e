/** Reads a local file or an http(s) URL as UTF-8 text, with a size cap and a timeout. */
import { readFile, stat } from 'node:fs/promises';
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
const REMOTE_TIMEOUT_MS = 30_000;

export type TextResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

export const isHttpUrl = (location: string): boolean => /^https?:\/\//i.test(location);

export async function readText(location: string, what: string): Promise<TextResult> {
  const bytes = isHttpUrl(location) ? await fetchBytes(location, what) : await readLocal(location, what);
  if (!bytes.ok) return bytes;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.data).replace(/^\uFEFF/, '') };
  } catch {
    return fail('file-not-utf8', `${what} ${location} is not valid UTF-8 text`, location, 'Save the file as UTF-8.');
  }
}

type BytesResult = { ok: true; data: Uint8Array } | { ok: false; diagnostic: Diagnostic };

async function readLocal(path: string, what: string): Promise<BytesResult> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return fail('file-not-found', `${what} ${path} is a directory`, path, 'Pass a file path.');
    if (info.size > MAX_DOCUMENT_BYTES) {
      return fail('file-too-large', `${what} ${path} is larger than ${MAX_DOCUMENT_BYTES} bytes`, path, 'Split the document.');
    }
    return { ok: true, data: await readFile(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('file-not-found', `${what} ${path} does not exist`, path, 'Check the path.');
    return fail('file-unreadable', `${what} ${path} cannot be read (${code ?? String(error)})`, path, 'Check permissions.');
  }
}

async function fetchBytes(url: string, what: string): Promise<BytesResult> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(REMOTE_TIMEOUT_MS), redirect: 'follow' });
    if (!response.ok) {
      return fail('source-unreachable', `${what} ${url} answered HTTP ${response.status}`, url, 'Check the URL.');
    }
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > MAX_DOCUMENT_BYTES) return fail('file-too-large', `${what} ${url} is too large`, url, 'Use a local copy.');
    const data = new Uint8Array(await response.arrayBuffer());
    if (data.byteLength > MAX_DOCUMENT_BYTES) return fail('file-too-large', `${what} ${url} is too large`, url, 'Use a local copy.');
    return { ok: true, data };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail('source-unreachable', `${what} ${url} could not be fetched: ${reason}`, url, 'Check the URL and your network, or use a local copy.');
  }
}

function fail(code: string, message: string, file: string, hint: string): { ok: false; diagnostic: Diagnostic } {
  return { ok: false, diagnostic: makeDiagnostic(code, 'error', message, { file, hint }) };
}
