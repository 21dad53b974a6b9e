/**
 * A state file holds no secret (issue 11). The values of secret inputs are replaced by a
 * placeholder naming the input wherever they occur in the run state (also inside longer strings,
 * e.g. "Bearer <token>"); `arazzo resume` gathers those inputs again and puts the values back.
 * Any other secret the run learned (a credential header built from a response, say) cannot be
 * given back on resume: it is masked, and the file says so.
 */
import { setOwn } from '../document/set-own.js';
import type { Redactor } from '../report/redact.js';

const OPEN = '\u0000arazzo-secret:';
const CLOSE = '\u0000';
const placeholder = (name: string): string => `${OPEN}${name}${CLOSE}`;

export type SecretValues = ReadonlyArray<readonly [name: string, value: string | number]>;

function mapStrings(value: unknown, map: (text: string) => unknown, mapNumber: (n: number) => unknown): unknown {
  if (typeof value === 'string') return map(value);
  if (typeof value === 'number') return mapNumber(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map, mapNumber));
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    setOwn(copy, key, mapStrings(item, map, mapNumber));
  }
  return copy;
}

/** Longest first, so a secret that contains another is replaced whole. */
const byLength = (secrets: SecretValues): SecretValues => [...secrets].sort((a, b) => String(b[1]).length - String(a[1]).length);

export function hideSecrets<T>(value: T, secrets: SecretValues, redactor: Redactor): { value: T; masked: boolean } {
  const ordered = byLength(secrets).filter(([, secret]) => String(secret).length > 0);
  let masked = false;
  const hidden = mapStrings(
    value,
    (text) => {
      let result = text;
      for (const [name, secret] of ordered) if (result.includes(String(secret))) result = result.split(String(secret)).join(placeholder(name));
      const checked = redactor.text(result);
      if (checked !== result) masked = true;
      return checked;
    },
    (n) => {
      const match = ordered.find(([, secret]) => secret === n);
      return match ? placeholder(match[0]) : n;
    },
  ) as T;
  return { value: hidden, masked };
}

export function revealSecrets<T>(value: T, secrets: Readonly<Record<string, unknown>>): T {
  return mapStrings(
    value,
    (text) => {
      if (!text.includes(OPEN)) return text;
      const whole = /^\u0000arazzo-secret:([^\u0000]*)\u0000$/.exec(text);
      if (whole && Object.hasOwn(secrets, whole[1]!)) return secrets[whole[1]!];
      return text.replace(/\u0000arazzo-secret:([^\u0000]*)\u0000/g, (all, name: string) => (Object.hasOwn(secrets, name) ? String(secrets[name]) : all));
    },
    (n) => n,
  ) as T;
}
