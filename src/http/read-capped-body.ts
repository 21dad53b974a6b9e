/**
 * Reads a response body into memory, but never more than `maxBytes`: a runaway or hostile
 * response must not exhaust the runner's memory. Past the cap, the stream is destroyed (undici
 * then drops the connection) and the caller reports `body-too-large`.
 */
export interface BodyStream extends AsyncIterable<Uint8Array | string> {
  destroy(error?: Error): unknown;
}

export type CappedBody = { ok: true; bytes: Uint8Array } | { ok: false; receivedBytes: number };

export async function readCappedBody(body: BodyStream, maxBytes: number, declaredLength?: number): Promise<CappedBody> {
  // A Content-Length over the cap fails at once, without downloading anything.
  if (declaredLength !== undefined && declaredLength > maxBytes) {
    body.destroy();
    return { ok: false, receivedBytes: 0 };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    total += bytes.length;
    if (total > maxBytes) {
      body.destroy();
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
