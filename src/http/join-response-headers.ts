/**
 * undici response headers → one string per lower-cased name. Repeated headers are joined with
 * ", " (RFC 9110 §5.3), except set-cookie, whose values may contain commas (Expires dates) and
 * are joined with "\n" so each cookie stays recoverable.
 */
export function joinResponseHeaders(headers: Readonly<Record<string, string | string[] | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  // A plain loop: this runs once per response, and a poll loop sends thousands.
  for (const rawName of Object.keys(headers)) {
    const value = headers[rawName];
    if (value === undefined) continue;
    const name = rawName.toLowerCase();
    const separator = name === 'set-cookie' ? '\n' : ', ';
    const joined = typeof value === 'string' ? value : value.join(separator);
    const earlier = out[name];
    if (earlier === undefined) out[name] = joined;
    else if (typeof value === 'string' || value.length > 0) out[name] = `${earlier}${separator}${joined}`;
  }
  return out;
}
