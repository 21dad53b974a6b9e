/**
 * Secrets never reach a sink: values of secret inputs (format: password, or a name that looks
 * secret) and of credential headers are replaced by "***" in every string we print or write,
 * also in their URL-encoded, form-encoded and base64 forms.
 */
import { isObject, ownField } from '../document/model.js';

export const MASK = '***';
const SECRET_NAME = /(token|secret|password|passwd|pwd|key|credential|auth|cookie|session|signature)/i;
export const SENSITIVE_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'api-key']);
/** Values shorter than this are not masked on their own: "1" or "on" would shred every message. */
const MIN_SECRET_LENGTH = 4;

export interface Redactor {
  text(value: string): string;
  value<T>(value: T): T;
  header(name: string, value: string): string;
  readonly secrets: readonly string[];
}

/** Secret input values: `format: password`, or an input name that looks like a credential. */
export function secretInputValues(schema: unknown, inputs: Readonly<Record<string, unknown>>): string[] {
  const properties = isObject(schema) ? ownField(schema, 'properties') : undefined;
  const secrets: string[] = [];
  for (const [name, value] of Object.entries(inputs)) {
    const property = isObject(properties) ? ownField(properties, name) : undefined;
    const isPassword = isObject(property) && ownField(property, 'format') === 'password';
    if ((isPassword || SECRET_NAME.test(name)) && (typeof value === 'string' || typeof value === 'number')) secrets.push(String(value));
  }
  return secrets;
}

export function createRedactor(initial: readonly string[] = [], enabled = true): Redactor {
  const secrets = new Set<string>();
  const variants: string[] = [];
  const add = (secret: string): void => {
    if (!enabled || secret.length < MIN_SECRET_LENGTH || secrets.has(secret)) return;
    secrets.add(secret);
    const forms = [secret, encodeURIComponent(secret), encodeURIComponent(secret).replace(/%20/g, '+'), Buffer.from(secret).toString('base64')];
    for (const form of forms) if (form.length >= MIN_SECRET_LENGTH && !variants.includes(form)) variants.push(form);
    variants.sort((a, b) => b.length - a.length);
  };
  initial.forEach(add);
  const text = (value: string): string => {
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
        Object.defineProperty(copy, key, { value: SENSITIVE_HEADERS.has(key.toLowerCase()) && typeof item === 'string' ? MASK : value(item), enumerable: true });
      }
      return copy as T;
    }
    return input;
  };
  const header = (name: string, headerValue: string): string => {
    if (!enabled) return headerValue;
    if (SENSITIVE_HEADERS.has(name.toLowerCase())) {
      // Learn the credential so it is masked wherever else it shows up (URLs, bodies, errors).
      const credential = headerValue.replace(/^(Bearer|Basic|Token|Signature)\s+/i, '');
      add(credential);
      add(headerValue);
      return MASK;
    }
    return text(headerValue);
  };
  return {
    text: (v) => (enabled ? text(v) : v),
    value,
    header,
    get secrets() {
      return [...secrets];
    },
  };
}
