/** A JSON pointer as people read it in a message: "/workflows/0/steps/1/stepId" → "workflows[0].steps[1].stepId". */
import { decodePointer } from '../document/parse-yaml.js';

export function describePlace(pointer: string): string {
  const tokens = decodePointer(pointer);
  if (tokens.length === 0) return 'The document';
  return tokens.reduce((text, token) => {
    if (/^\d+$/.test(token)) return `${text}[${token}]`;
    if (/^[A-Za-z_$][\w$-]*$/.test(token)) return text === '' ? token : `${text}.${token}`;
    return `${text}[${JSON.stringify(token)}]`;
  }, '');
}
