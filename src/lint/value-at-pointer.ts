/** The value at a JSON pointer (RFC 6901) in a plain document value, or undefined. */
import { decodePointer } from '../document/parse-yaml.js';

export function valueAtPointer(document: unknown, pointer: string): unknown {
  let node = document;
  for (const token of decodePointer(pointer)) {
    if (Array.isArray(node)) node = node[Number(token)];
    else if (typeof node === 'object' && node !== null && Object.hasOwn(node, token)) node = (node as Record<string, unknown>)[token];
    else return undefined;
  }
  return node;
}

export const parentPointer = (pointer: string): string => pointer.slice(0, Math.max(0, pointer.lastIndexOf('/')));

export const lastToken = (pointer: string): string => decodePointer(pointer).at(-1) ?? '';
