/**
 * undici response headers → one string per lower-cased name. Repeated headers are joined with
 * ", " (RFC 9110 §5.3), except set-cookie, whose values may contain commas (Expires dates) and
 * are joined with "\n" so each cookie stays recoverable.
 */
export function joinResponseHeaders(headers: Readonly<Record<string, string | string[] | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [rawName, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const name = rawName.toLowerCase();
    const values = Array.isArray(value) ? value : [value];
    const separator = name === 'set-cookie' ? '\n' : ', ';
    out[name] = out[name] === undefined ? values.join(separator) : [out[name], ...values].join(separator);
  }
  return out;
}
