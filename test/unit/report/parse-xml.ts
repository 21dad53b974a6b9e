/**
 * A strict little XML parser for tests: enough to read a JUnit report back and to fail on
 * anything not well-formed (mismatched or unclosed tags, a bare & or <, duplicate attributes,
 * two roots, text outside the root, a code point outside XML 1.0's Char production such as a
 * control character or a lone surrogate). Attribute values are normalised as XML says (a literal
 * tab, CR or LF reads as a space). Not a general XML library.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_:][\w:.-]*/;

export function parseXml(source: string): XmlElement {
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`XML not well-formed at ${at}: ${why}`);
  };
  const badChar = firstNonXmlChar(source);
  if (badChar !== undefined) {
    at = badChar;
    fail(`U+${source.codePointAt(badChar)!.toString(16).toUpperCase().padStart(4, '0')} is not an XML character`);
  }
  const skipSpace = (): void => {
    while (/\s/.test(source[at] ?? '')) at++;
  };
  const skipMisc = (): void => {
    for (;;) {
      skipSpace();
      if (source.startsWith('<?', at)) at = indexAfter('?>');
      else if (source.startsWith('<!--', at)) at = indexAfter('-->');
      else return;
    }
  };
  const indexAfter = (token: string): number => {
    const end = source.indexOf(token, at);
    if (end < 0) fail(`missing ${token}`);
    return end + token.length;
  };
  const readName = (): string => {
    const match = NAME.exec(source.slice(at));
    if (!match) fail('expected a name');
    at += match![0].length;
    return match![0];
  };
  const readElement = (): XmlElement => {
    if (source[at] !== '<') fail('expected <');
    at++;
    const element: XmlElement = { name: readName(), attributes: {}, children: [], text: '' };
    for (;;) {
      skipSpace();
      if (source.startsWith('/>', at)) {
        at += 2;
        return element;
      }
      if (source[at] === '>') {
        at++;
        break;
      }
      const name = readName();
      skipSpace();
      if (source[at] !== '=') fail(`attribute ${name} without =`);
      at++;
      skipSpace();
      const quote = source[at];
      if (quote !== '"' && quote !== "'") fail('attribute value must be quoted');
      const end = source.indexOf(quote!, at + 1);
      if (end < 0) fail('unterminated attribute value');
      if (Object.hasOwn(element.attributes, name)) fail(`duplicate attribute ${name}`);
      if (source.slice(at + 1, end).includes('<')) fail('< in an attribute value');
      element.attributes[name] = decode(source.slice(at + 1, end).replace(/[\t\n\r]/g, ' '), fail);
      at = end + 1;
    }
    for (;;) {
      const next = source.indexOf('<', at);
      if (next < 0) fail(`unclosed <${element.name}>`);
      element.text += decode(source.slice(at, next), fail);
      at = next;
      if (source.startsWith('</', at)) {
        at += 2;
        const name = readName();
        if (name !== element.name) fail(`</${name}> closes <${element.name}>`);
        skipSpace();
        if (source[at] !== '>') fail('expected >');
        at++;
        return element;
      }
      if (source.startsWith('<!--', at)) at = indexAfter('-->');
      else if (source.startsWith('<![CDATA[', at)) {
        const end = indexAfter(']]>');
        element.text += source.slice(at + 9, end - 3);
        at = end;
      } else element.children.push(readElement());
    }
  };
  skipMisc();
  const root = readElement();
  skipMisc();
  if (at !== source.length) fail('content after the root element');
  return root;
}

function decode(text: string, fail: (why: string) => never): string {
  if (text.includes('>') && /]]>/.test(text)) fail(']]> in text');
  return text.replace(/&([^;\s&]*);?/g, (whole, entity: string) => {
    if (!whole.endsWith(';')) fail(`bare & in "${text.slice(0, 40)}"`);
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (Object.hasOwn(named, entity)) return named[entity]!;
    const code = /^#x([0-9a-f]+)$/i.exec(entity)?.[1] ?? /^#(\d+)$/.exec(entity)?.[1];
    if (code === undefined) fail(`unknown entity &${entity};`);
    const point = entity.startsWith('#x') ? parseInt(code!, 16) : Number(code);
    const char = point <= 0x10ffff ? String.fromCodePoint(point) : '\u0000';
    if (firstNonXmlChar(char) !== undefined || (point >= 0xd800 && point <= 0xdfff)) fail(`&${entity}; is not an XML character`);
    return char;
  });
}

/** Every descendant element with this name, depth first. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...findAll(child, name)]);
}

/** XML 1.0 §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
function firstNonXmlChar(source: string): number | undefined {
  for (let i = 0; i < source.length; i++) {
    const unit = source.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = source.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return i;
    }
    const ok = unit === 0x9 || unit === 0xa || unit === 0xd || (unit >= 0x20 && unit <= 0xd7ff) || (unit >= 0xe000 && unit <= 0xfffd);
    if (!ok) return i;
  }
  return undefined;
}
