/**
 * A strict XML 1.0 parse (saxes, well-formedness errors thrown) into a small tree, for tests that
 * check what a body means to an XML parser. Text and CDATA are decoded and merged per element.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  /** Child elements and text runs, in document order (adjacent text and CDATA merged). */
  children: Array<XmlElement | string>;
}

export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser();
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const addText = (chunk: string): void => {
    if (chunk === '') return;
    const children = stack.at(-1)?.children;
    if (children === undefined) return;
    const last = children.length - 1;
    if (typeof children[last] === 'string') children[last] += chunk;
    else children.push(chunk);
  };
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, attributes: { ...(tag.attributes as Record<string, string>) }, children: [] };
    stack.at(-1)?.children.push(element);
    root ??= element;
    stack.push(element);
  });
  parser.on('closetag', () => stack.pop());
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.write(text).close();
  if (root === undefined) throw new Error('no root element');
  return root;
}

export const textOf = (element: XmlElement): string =>
  element.children.map((child) => (typeof child === 'string' ? child : textOf(child))).join('');
