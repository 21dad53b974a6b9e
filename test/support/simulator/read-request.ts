// node:http request → SimRequest: pathname, flat query, lower-cased flat
// headers and the body parsed as JSON (kept raw, with an error, when it is not).
import type { IncomingMessage } from 'node:http';
import type { SimRequest } from './route.js';

export async function readRequest(req: IncomingMessage): Promise<SimRequest> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) query[key] = value; // last one wins
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  const text = await readText(req);
  const parsed = parseBody(text);
  return { method: (req.method ?? 'GET').toUpperCase(), path: url.pathname, query, headers, ...parsed };
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(text: string): { body: unknown; bodyError?: string } {
  if (text.trim() === '') return { body: undefined };
  try {
    return { body: JSON.parse(text) as unknown };
  } catch (error) {
    return { body: text, bodyError: error instanceof Error ? error.message : 'Invalid JSON' };
  }
}
