import { describe, expect, it } from 'vitest';
import {
  serializeCookieParameter,
  serializeHeaderParameter,
  serializePathParameter,
  serializeQueryParameter,
  type ParameterStyle,
} from '../../../src/engine/serialize-parameters.js';

const string = 'blue';
const array = ['blue', 'black', 'brown'];
const object = { R: 100, G: 200, B: 150 };

const path = (style: string, explode: boolean, value: unknown): string =>
  serializePathParameter({ name: 'color', in: 'path', style, explode }, value);
const query = (style: string, explode: boolean, value: unknown): string =>
  serializeQueryParameter({ name: 'color', in: 'query', style, explode }, value).join('&');

// Rows of the OpenAPI 3.1.1 "Style Examples" table (undefined → our null/empty value).
describe('OpenAPI style examples table: path styles (matrix, label, simple)', () => {
  it.each([
    ['matrix', false, null, ';color'],
    ['matrix', false, string, ';color=blue'],
    ['matrix', false, array, ';color=blue,black,brown'],
    ['matrix', false, object, ';color=R,100,G,200,B,150'],
    ['matrix', true, null, ';color'],
    ['matrix', true, string, ';color=blue'],
    ['matrix', true, array, ';color=blue;color=black;color=brown'],
    ['matrix', true, object, ';R=100;G=200;B=150'],
    ['label', false, null, '.'],
    ['label', false, string, '.blue'],
    ['label', false, array, '.blue,black,brown'],
    ['label', false, object, '.R,100,G,200,B,150'],
    ['label', true, string, '.blue'],
    ['label', true, array, '.blue.black.brown'],
    ['label', true, object, '.R=100.G=200.B=150'],
    ['simple', false, null, ''],
    ['simple', false, string, 'blue'],
    ['simple', false, array, 'blue,black,brown'],
    ['simple', false, object, 'R,100,G,200,B,150'],
    ['simple', true, string, 'blue'],
    ['simple', true, array, 'blue,black,brown'],
    ['simple', true, object, 'R=100,G=200,B=150'],
  ] as const)('%s explode=%s %j → %s', (style, explode, value, expected) => {
    expect(path(style, explode, value)).toBe(expected);
  });
});

describe('OpenAPI style examples table: query styles (form, spaceDelimited, pipeDelimited, deepObject)', () => {
  it.each([
    ['form', false, null, 'color='],
    ['form', false, string, 'color=blue'],
    ['form', false, array, 'color=blue,black,brown'],
    ['form', false, object, 'color=R,100,G,200,B,150'],
    ['form', true, null, 'color='],
    ['form', true, string, 'color=blue'],
    ['form', true, array, 'color=blue&color=black&color=brown'],
    ['form', true, object, 'R=100&G=200&B=150'],
    ['spaceDelimited', false, array, 'color=blue%20black%20brown'],
    ['spaceDelimited', false, object, 'color=R%20100%20G%20200%20B%20150'],
    ['pipeDelimited', false, array, 'color=blue%7Cblack%7Cbrown'],
    ['pipeDelimited', false, object, 'color=R%7C100%7CG%7C200%7CB%7C150'],
    ['deepObject', true, object, 'color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150'],
  ] as const)('%s explode=%s %j → %s', (style, explode, value, expected) => {
    expect(query(style, explode, value)).toBe(expected);
  });
});

describe('OpenAPI Parameter Object: location defaults when style/explode are absent', () => {
  const bare = (location: ParameterStyle['in']): ParameterStyle => ({ name: 'ids', in: location });

  it('path defaults to simple, explode false', () => {
    expect(serializePathParameter(bare('path'), [1, 2])).toBe('1,2');
    expect(serializePathParameter(bare('path'), { a: 1 })).toBe('a,1');
  });

  it('query defaults to form, explode true (checklist §7.6: ids=[1,2] → ids=1&ids=2)', () => {
    expect(serializeQueryParameter(bare('query'), [1, 2])).toEqual(['ids=1', 'ids=2']);
  });

  it('form with an explicit explode=false keeps one pair', () => {
    expect(serializeQueryParameter({ ...bare('query'), style: 'form', explode: false }, [1, 2])).toEqual(['ids=1,2']);
  });

  it('non-form query styles default to explode false', () => {
    expect(serializeQueryParameter({ ...bare('query'), style: 'pipeDelimited' }, [1, 2])).toEqual(['ids=1%7C2']);
  });

  it('header defaults to simple', () => {
    expect(serializeHeaderParameter(bare('header'), [1, 2])).toBe('1,2');
    expect(serializeHeaderParameter({ ...bare('header'), explode: true }, object)).toBe('R=100,G=200,B=150');
    expect(serializeHeaderParameter(bare('header'), object)).toBe('R,100,G,200,B,150');
  });

  it('cookie defaults to form, explode true', () => {
    expect(serializeCookieParameter(bare('cookie'), 'x')).toEqual(['ids=x']);
    expect(serializeCookieParameter(bare('cookie'), ['a', 'b'])).toEqual(['ids=a', 'ids=b']);
    expect(serializeCookieParameter({ ...bare('cookie'), explode: false }, ['a', 'b'])).toEqual(['ids=a,b']);
    expect(serializeCookieParameter(bare('cookie'), { R: 1, G: 2 })).toEqual(['R=1', 'G=2']);
  });
});

describe('RFC 3986 percent-encoding of parameter values', () => {
  it('path values encode "/" so an id cannot add a path segment', () => {
    expect(serializePathParameter({ name: 'id', in: 'path' }, 'a/b c')).toBe('a%2Fb%20c');
    expect(serializePathParameter({ name: 'id', in: 'path' }, '..')).toBe('..');
  });

  it('path values encode reserved and non-ASCII characters as UTF-8', () => {
    expect(serializePathParameter({ name: 'id', in: 'path' }, "x?y#z&!'()*é")).toBe('x%3Fy%23z%26%21%27%28%29%2A%C3%A9');
  });

  it('query values encode reserved characters by default', () => {
    expect(serializeQueryParameter({ name: 'q', in: 'query' }, 'a&b=c/d ?')).toEqual(['q=a%26b%3Dc%2Fd%20%3F']);
  });

  it('allowReserved keeps reserved characters and existing %XX triplets, but still encodes "#" and space', () => {
    const def: ParameterStyle = { name: 'q', in: 'query', allowReserved: true };
    expect(serializeQueryParameter(def, 'a/b:c@d,e;f=g%20h')).toEqual(['q=a/b:c@d,e;f=g%20h']);
    expect(serializeQueryParameter(def, 'x#y z%zz')).toEqual(['q=x%23y%20z%25zz']);
  });

  it('parameter names and object keys are encoded too', () => {
    expect(serializeQueryParameter({ name: 'a b', in: 'query' }, { 'k&': 'v' })).toEqual(['k%26=v']);
    expect(serializeQueryParameter({ name: 'a b', in: 'query' }, 1)).toEqual(['a%20b=1']);
  });

  it('header values are not percent-encoded', () => {
    expect(serializeHeaderParameter({ name: 'Authorization', in: 'header' }, 'Bearer a/b=')).toBe('Bearer a/b=');
  });

  it('cookie values keep cookie-octets (base64 "=", "/", "+") and encode ";", ",", space', () => {
    expect(serializeCookieParameter({ name: 'sid', in: 'cookie' }, 'ab+/c==')).toEqual(['sid=ab+/c==']);
    expect(serializeCookieParameter({ name: 'sid', in: 'cookie' }, 'a;b, c')).toEqual(['sid=a%3Bb%2C%20c']);
  });
});

describe('Value typing (checklist §7.5): numbers, booleans, null, nested values', () => {
  it('numbers and booleans use their JSON text', () => {
    expect(serializeQueryParameter({ name: 'n', in: 'query' }, 1.5)).toEqual(['n=1.5']);
    expect(serializeQueryParameter({ name: 'b', in: 'query' }, false)).toEqual(['b=false']);
  });

  it('nested objects inside arrays are sent as encoded JSON text', () => {
    expect(serializeQueryParameter({ name: 'f', in: 'query' }, [{ a: 1 }])).toEqual(['f=%7B%22a%22%3A1%7D']);
  });

  it('undefined object entries are skipped', () => {
    expect(serializeQueryParameter({ name: 'o', in: 'query' }, { a: 1, b: undefined })).toEqual(['a=1']);
  });

  it('an empty exploded array sends nothing', () => {
    expect(serializeQueryParameter({ name: 'o', in: 'query' }, [])).toEqual([]);
  });

  it('deepObject recurses into nested objects and repeats array keys', () => {
    const def: ParameterStyle = { name: 'f', in: 'query', style: 'deepObject', explode: true };
    expect(serializeQueryParameter(def, { a: { b: 1 }, c: [2, 3] })).toEqual(['f%5Ba%5D%5Bb%5D=1', 'f%5Bc%5D=2', 'f%5Bc%5D=3']);
  });
});

describe('OpenAPI Parameter Object `content`: the value is serialised as its media type', () => {
  const coordinates = { lat: 1.5, long: -2 };

  it('query: JSON text, percent-encoded', () => {
    const def: ParameterStyle = { name: 'coordinates', in: 'query', contentType: 'application/json' };
    expect(serializeQueryParameter(def, coordinates)).toEqual([`coordinates=${encodeURIComponent('{"lat":1.5,"long":-2}')}`]);
  });

  it('header: raw JSON text', () => {
    expect(serializeHeaderParameter({ name: 'X-C', in: 'header', contentType: 'application/json' }, coordinates)).toBe('{"lat":1.5,"long":-2}');
  });

  it('path: encoded JSON text', () => {
    expect(serializePathParameter({ name: 'c', in: 'path', contentType: 'application/json' }, [1])).toBe('%5B1%5D');
  });

  it('a string that already is JSON text is not quoted again; a plain string is', () => {
    const def: ParameterStyle = { name: 'c', in: 'header', contentType: 'application/json' };
    expect(serializeHeaderParameter(def, '{"a":1}')).toBe('{"a":1}');
    expect(serializeHeaderParameter(def, 'abc')).toBe('"abc"');
  });

  it('a non-JSON media type sends strings as given', () => {
    expect(serializeHeaderParameter({ name: 'c', in: 'header', contentType: 'text/plain' }, 'abc')).toBe('abc');
  });
});
