/**
 * Shape checks that keep a hostile YAML document from costing unbounded time, memory or stack:
 * nesting depth (checked on the CST before composing, because the composer recurses and a stack
 * overflow inside it can leave V8's regexp compiler broken for the rest of the process),
 * duplicate keys (in linear time: yaml's own uniqueKeys check is quadratic per mapping), and,
 * after aliases are expanded, the depth and acyclicity of the value itself.
 */
import { isMap, isPair, isScalar, isSeq, type CST, type Document, type Node } from 'yaml';

/** Deeper than any real Arazzo or OpenAPI document; far below what the parser's stack survives. */
export const MAX_NESTING_DEPTH = 200;

/**
 * Values in one document, aliases expanded. GitHub's 13 MB description holds ~260,000 and a
 * 45 MB one (Microsoft Graph) a few million; a value costs a consumer that walks it (a report,
 * a copy) time and memory, so ten million is where a document stops being a description.
 */
export const MAX_NODES = 10_000_000;

export const HINTS: Record<string, string> = {
  'yaml-syntax': 'Fix the YAML syntax at this line.',
  'yaml-duplicate-key': 'Remove or rename the repeated key.',
  'yaml-too-deep': `Flatten the document: nesting is limited to ${MAX_NESTING_DEPTH} levels.`,
  'yaml-alias-limit': 'Expand the anchors (&name) and aliases (*name) by hand, or use fewer of them: excessive alias expansion is refused.',
  'yaml-recursive-alias': 'Remove the alias (*name) that points back into its own anchor.',
  'yaml-too-many-nodes': `Split the document: it may hold at most ${MAX_NODES.toLocaleString('en-US')} values, aliases expanded.`,
};

export interface ShapeProblem {
  code: 'yaml-too-deep' | 'yaml-duplicate-key' | 'yaml-recursive-alias' | 'yaml-too-many-nodes';
  /** Offset in the text, when known. */
  offset?: number;
  message: string;
}

const tooDeep = (offset?: number): ShapeProblem => ({
  code: 'yaml-too-deep',
  message: `the document nests deeper than ${MAX_NESTING_DEPTH} levels`,
  ...(offset === undefined ? {} : { offset }),
});

/** The first place the CST nests deeper than the limit, walked without recursion. */
export function checkCstDepth(tokens: readonly CST.Token[]): ShapeProblem | undefined {
  const stack: Array<[CST.Token, number]> = tokens.map((token) => [token, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (depth > MAX_NESTING_DEPTH) return tooDeep(token.offset);
    if (token.type === 'document') {
      if (token.value) stack.push([token.value, depth]);
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      for (const item of token.items) {
        if ('key' in item && item.key) stack.push([item.key, depth + 1]);
        if (item.value) stack.push([item.value, depth + 1]);
      }
    }
  }
  return undefined;
}

/** Every repeated key of every mapping (scalar keys), in one pass; depth is already bounded. */
export function findDuplicateKeys(doc: Document): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key !== undefined && seen.has(key)) {
          const offset = (pair.key as Node).range?.[0];
          problems.push({ code: 'yaml-duplicate-key', message: `Map keys must be unique; "${key}" is repeated`, ...(offset === undefined ? {} : { offset }) });
        }
        if (key !== undefined) seen.add(key);
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      stack.push(...node.items);
    }
  }
  return problems;
}

/**
 * After alias expansion: a cycle (`&a {b: *a}`) or a chain of aliases deeper than the limit is
 * refused. Shared sub-values are measured once, so an alias-heavy document stays linear.
 */
export function checkValueShape(value: unknown): ShapeProblem | undefined {
  // Per finished container: its height and its size with aliases expanded (shared values count
  // each time they appear, which is what a consumer walking the value pays).
  const measured = new Map<object, { height: number; size: number }>();
  const open = new Set<object>();
  type Entry = { node: object; children: unknown[]; next: number; tallest: number; size: number };
  const enter = (node: object): Entry => {
    open.add(node);
    return { node, children: Object.values(node), next: 0, tallest: 0, size: 1 };
  };
  if (typeof value !== 'object' || value === null) return undefined;
  const stack: Entry[] = [enter(value)];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next < top.children.length) {
      const child = top.children[top.next++];
      if (typeof child !== 'object' || child === null) {
        top.size += 1;
        continue;
      }
      if (open.has(child)) return { code: 'yaml-recursive-alias', message: 'an alias refers to a value that contains it, so the document is infinitely deep' };
      const known = measured.get(child);
      if (known !== undefined) {
        if (stack.length + known.height > MAX_NESTING_DEPTH) return tooDeep();
        top.tallest = Math.max(top.tallest, known.height);
        top.size += known.size;
        if (top.size > MAX_NODES) return tooMany();
        continue;
      }
      if (stack.length >= MAX_NESTING_DEPTH) return tooDeep();
      stack.push(enter(child));
      continue;
    }
    stack.pop();
    open.delete(top.node);
    measured.set(top.node, { height: top.tallest + 1, size: top.size });
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.tallest = Math.max(parent.tallest, top.tallest + 1);
      parent.size += top.size;
      if (parent.size > MAX_NODES) return tooMany();
    }
  }
  return undefined;
}

const tooMany = (): ShapeProblem => ({ code: 'yaml-too-many-nodes', message: `the document holds more than ${MAX_NODES} values once its aliases are expanded` });
