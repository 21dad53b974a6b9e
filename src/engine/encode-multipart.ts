/**
 * multipart/form-data (RFC 7578) from a plain object: one part per property. Strings, numbers and
 * booleans are text parts; bytes (Uint8Array) are file parts named after the property with
 * application/octet-stream; arrays repeat the part once per item (the usual reading of OpenAPI
 * `explode` for form data); nested objects and null are JSON parts. Undefined properties are
 * skipped.
 */
type Chunk = string | Uint8Array;

function quoteName(name: string): string {
  // RFC 7578 §4.2: quote the field name; escape what would end the quoted string or the line.
  return name.replace(/\\/g, '\\\\').replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function partChunks(name: string, value: unknown, boundary: string): Chunk[] {
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${quoteName(name)}"`;
  if (value instanceof Uint8Array) {
    const file = `${head}; filename="${quoteName(name)}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    return [file, value, '\r\n'];
  }
  if (value !== null && typeof value === 'object') {
    return [`${head}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(value)}\r\n`];
  }
  const text = value === null ? 'null' : String(value);
  return [`${head}\r\n\r\n${text}\r\n`];
}

function joinChunks(chunks: readonly Chunk[]): string | Uint8Array {
  if (chunks.every((c) => typeof c === 'string')) return chunks.join('');
  const encoder = new TextEncoder();
  const bytes = chunks.map((c) => (typeof c === 'string' ? encoder.encode(c) : c));
  const out = new Uint8Array(bytes.reduce((n, b) => n + b.length, 0));
  let offset = 0;
  for (const b of bytes) {
    out.set(b, offset);
    offset += b.length;
  }
  return out;
}

/** A string body when every part is text (readable in logs), bytes when a file part is present. */
export function encodeMultipart(value: Readonly<Record<string, unknown>>, boundary: string): string | Uint8Array {
  const chunks: Chunk[] = [];
  for (const [name, field] of Object.entries(value)) {
    if (field === undefined) continue;
    const items = Array.isArray(field) ? field : [field];
    for (const item of items) chunks.push(...partChunks(name, item, boundary));
  }
  chunks.push(`--${boundary}--\r\n`);
  return joinChunks(chunks);
}

/** 24 random hex digits after a fixed prefix; random so it cannot collide with part content. */
export function generateBoundary(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `----arazzo${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
