/**
 * Reads a response body into memory, but never more than `maxBytes`: a runaway or hostile
 * response must not exhaust the runner's memory. Past the cap, the stream is destroyed (undici
 * then drops the connection) and the caller reports `body-too-large`.
 */
export interface BodyStream extends AsyncIterable<Uint8Array | string> {
  /** The whole body at once (undici's BodyReadable); used when the declared length fits the cap. */
  bytes?(): Promise<Uint8Array>;
  destroy(error?: Error): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * Destroying an unread undici body emits an 'error' (RequestAbortedError); with no listener that
 * becomes an uncaught exception. We chose to stop reading, so that error carries no news.
 */
function discard(body: BodyStream): void {
  body.on('error', () => undefined);
  body.destroy();
}

export type CappedBody = { ok: true; bytes: Uint8Array } | { ok: false; receivedBytes: number };

export async function readCappedBody(body: BodyStream, maxBytes: number, declaredLength?: number): Promise<CappedBody> {
  // A Content-Length over the cap fails at once, without downloading anything.
  if (declaredLength !== undefined && declaredLength > maxBytes) {
    discard(body);
    return { ok: false, receivedBytes: 0 };
  }
  // undici stops at the declared length (a longer body breaks the connection, not the cap), so
  // the one-call read is safe, and cheaper per response than an async iterator.
  if (declaredLength !== undefined && body.bytes !== undefined) return { ok: true, bytes: await body.bytes() };
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    total += bytes.length;
    if (total > maxBytes) {
      discard(body);
      return { ok: false, receivedBytes: total };
    }
    chunks.push(bytes);
  }
  return { ok: true, bytes: concat(chunks, total) };
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0] !== undefined) return chunks[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
