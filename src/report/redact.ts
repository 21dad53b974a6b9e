/**
 * Secrets never reach a sink: values of secret inputs (format: password, writeOnly, or a name that
 * looks secret) and of credential headers are replaced by "***" in every string we print or write,
 * also in their URL-encoded, form-encoded, JSON-escaped and base64 forms. Credential headers seen
 * on a request are learned, so the same credential is masked wherever else it shows up. A Cookie
 * header is not a credential as such (a cart id is not a secret): only its pairs whose name looks
 * like a session or credential are learned (issue 10 item 12).
 */
import { isObject, ownField } from '../document/model.js';
import { setOwn } from '../document/set-own.js';

export const MASK = '***';
export const SECRET_NAME = /(token|secret|password|passwd|pwd|key|credential|auth|cookie|session|signature)/i;
/** Headers whose whole value is a credential: masked whole and learned. */
export const SENSITIVE_HEADERS = new Set(['authorization', 'proxy-authorization', 'set-cookie', 'x-api-key', 'api-key']);
/** Cookie names whose value is a credential (sent in a Cookie header). */
const SECRET_COOKIE_NAME = /(token|secret|password|passwd|pwd|key|credential|auth|sess|sid|jwt|signature)/i;
/** Values shorter than this are not masked on their own: "1" or "on" would shred every message. */
const MIN_SECRET_LENGTH = 4;

export interface Redactor {
  readonly enabled: boolean;
  text(value: string): string;
  value<T>(value: T): T;
  /** The value to show for a header: masked whole for credential headers, else scanned. */
  header(name: string, value: string): string;
  /** Learns the credentials in these headers (call it before any sink sees the request). */
  learnHeaders(headers: Iterable<readonly [string, string]>): void;
  learn(secret: string): void;
  readonly secrets: readonly string[];
}

/** Whether an input is a secret: `format: password`, `writeOnly: true`, or a name that looks like a credential. */
export function isSecretInput(schema: unknown, name: string): boolean {
  const properties = isObject(schema) ? ownField(schema, 'properties') : undefined;
  const property = isObject(properties) ? ownField(properties, name) : undefined;
  const declared = isObject(property) && (ownField(property, 'format') === 'password' || ownField(property, 'writeOnly') === true);
  return declared || SECRET_NAME.test(name);
}

export function secretInputValues(schema: unknown, inputs: Readonly<Record<string, unknown>>): string[] {
  return Object.entries(inputs)
    .filter(([name, value]) => isSecretInput(schema, name) && (typeof value === 'string' || typeof value === 'number'))
    .map(([, value]) => String(value));
}

function encodedForms(secret: string): string[] {
  const base64 = Buffer.from(secret).toString('base64');
  return [
    secret,
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%20/g, '+'),
    JSON.stringify(secret).slice(1, -1),
    base64,
    base64.replace(/=+$/, ''),
    Buffer.from(secret).toString('base64url'),
  ];
}

export function createRedactor(initial: readonly string[] = [], enabled = true): Redactor {
  const secrets = new Set<string>();
  let variants: string[] = [];
  const learn = (secret: string): void => {
    if (!enabled || secret.length < MIN_SECRET_LENGTH || secrets.has(secret)) return;
    secrets.add(secret);
    const fresh = encodedForms(secret).filter((form) => form.length >= MIN_SECRET_LENGTH && !variants.includes(form));
    variants = [...variants, ...fresh].sort((a, b) => b.length - a.length);
  };
  initial.forEach(learn);
  const text = (value: string): string => {
    if (!enabled) return value;
    let result = value;
    for (const variant of variants) if (result.includes(variant)) result = result.split(variant).join(MASK);
    return result;
  };
  const value = <T>(input: T): T => {
    if (!enabled) return input;
    if (typeof input === 'string') return text(input) as T;
    if (Array.isArray(input)) return input.map((item) => value(item)) as T;
    if (isObject(input)) {
      const copy: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(input)) {
        setOwn(copy, key, SENSITIVE_HEADERS.has(key.toLowerCase()) && typeof item === 'string' ? MASK : value(item));
      }
      return copy as T;
    }
    return input;
  };
  const learnHeader = (name: string, headerValue: string): void => {
    if (name.toLowerCase() === 'cookie') return learnSecretCookies(headerValue, learn);
    if (!SENSITIVE_HEADERS.has(name.toLowerCase())) return;
    learn(headerValue);
    const scheme = /^(Bearer|Basic|Token|Signature|Digest)\s+(.+)$/i.exec(headerValue.trim());
    if (scheme) learn(scheme[2]!.trim());
    if (scheme && scheme[1]!.toLowerCase() === 'basic') learnBasicPassword(scheme[2]!.trim(), learn);
    // Set-Cookie carries one pair per line, then attributes (Path, Expires) that are not secret.
    const pairs = name.toLowerCase() === 'set-cookie' ? headerValue.split('\n').map((c) => c.split(';')[0] ?? '') : [];
    for (const pair of pairs) learn(pair.split('=').slice(1).join('=').trim());
  };
  return {
    enabled,
    text,
    value,
    header: (name, headerValue) => {
      if (!enabled) return headerValue;
      learnHeader(name, headerValue);
      return SENSITIVE_HEADERS.has(name.toLowerCase()) ? MASK : text(headerValue);
    },
    learnHeaders: (headers) => {
      if (enabled) for (const [name, headerValue] of headers) learnHeader(name, headerValue);
    },
    learn,
    get secrets() {
      return [...secrets];
    },
  };
}

function learnSecretCookies(header: string, learn: (secret: string) => void): void {
  for (const pair of header.split(';')) {
    const [name = '', ...rest] = pair.split('=');
    if (SECRET_COOKIE_NAME.test(name)) learn(rest.join('=').trim());
  }
}

function learnBasicPassword(encoded: string, learn: (secret: string) => void): void {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon >= 0) learn(decoded.slice(colon + 1));
}
