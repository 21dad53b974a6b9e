import { describe, expect, it } from 'vitest';
import { createRedactor, isSecretInput, MASK, secretInputValues } from '../../../src/report/redact.js';

const CANARY = 'cAnArY t0k/en+4=2&zz';

describe('issue 5 secrets: which inputs are secret', () => {
  const schema = { type: 'object', properties: { pin: { type: 'integer', format: 'password' }, apiToken: { type: 'string' }, name: { type: 'string' } } };

  it('marks format: password and secret-looking names, not ordinary inputs', () => {
    expect(isSecretInput(schema, 'pin')).toBe(true);
    expect(isSecretInput(schema, 'apiToken')).toBe(true);
    expect(isSecretInput(schema, 'clientSecret')).toBe(true);
    expect(isSecretInput(schema, 'dbPassword')).toBe(true);
    expect(isSecretInput(schema, 'accessKey')).toBe(true);
    expect(isSecretInput(schema, 'credentials')).toBe(true);
    expect(isSecretInput(schema, 'name')).toBe(false);
  });

  it('collects string and number values of secret inputs only', () => {
    expect(secretInputValues(schema, { pin: 123456, apiToken: 'tok-123', name: 'visible' }).sort()).toEqual(['123456', 'tok-123']);
  });
});

describe('issue 5 secrets: masked in raw, URL-encoded, form-encoded, JSON-escaped and base64 forms', () => {
  const redactor = createRedactor([CANARY]);
  const forms = {
    raw: CANARY,
    url: encodeURIComponent(CANARY),
    form: encodeURIComponent(CANARY).replace(/%20/g, '+'),
    base64: Buffer.from(CANARY).toString('base64'),
    base64url: Buffer.from(CANARY).toString('base64url'),
  };

  for (const [kind, form] of Object.entries(forms)) {
    it(`masks the ${kind} form inside a longer text`, () => {
      const masked = redactor.text(`before ${form} after`);
      expect(masked).toBe(`before ${MASK} after`);
    });
  }

  it('masks the JSON-escaped form of a secret with quotes and backslashes', () => {
    const tricky = 'se"cr\\et-42';
    const text = JSON.stringify({ value: tricky });
    expect(createRedactor([tricky]).text(text)).not.toContain('cr\\\\et');
    expect(createRedactor([tricky]).text(text)).toContain(MASK);
  });

  it('masks nested values and sensitive header keys in objects, without changing the input', () => {
    const input = { outputs: { token: CANARY, list: [`x ${CANARY}`] }, headers: { authorization: 'Bearer other', accept: 'json' } };
    const masked = redactor.value(input);
    expect(masked).toEqual({ outputs: { token: MASK, list: [`x ${MASK}`] }, headers: { authorization: MASK, accept: 'json' } });
    expect(input.outputs.token).toBe(CANARY);
  });

  it('leaves values shorter than 4 characters alone', () => {
    expect(createRedactor(['abc']).text('abc abc')).toBe('abc abc');
  });

  it('--no-mask: a disabled redactor changes nothing and learns nothing', () => {
    const off = createRedactor([CANARY], false);
    expect(off.text(CANARY)).toBe(CANARY);
    expect(off.header('Authorization', `Bearer ${CANARY}`)).toBe(`Bearer ${CANARY}`);
    expect(off.value({ authorization: 'x' })).toEqual({ authorization: 'x' });
    expect(off.secrets).toEqual([]);
  });
});

describe('issue 5 secrets: credential headers are masked and learned', () => {
  it('masks Authorization, Set-Cookie and Proxy-Authorization values whole', () => {
    const redactor = createRedactor();
    for (const name of ['Authorization', 'Set-Cookie', 'Proxy-Authorization']) expect(redactor.header(name, 'Bearer abcdefgh')).toBe(MASK);
    expect(redactor.header('Accept', 'application/json')).toBe('application/json');
  });

  it('learns a bearer token from a request header, so it is masked in URLs and bodies later', () => {
    const redactor = createRedactor();
    redactor.learnHeaders([['Authorization', 'Bearer tok_live_12345']]);
    expect(redactor.text('GET /x?token=tok_live_12345')).toBe(`GET /x?token=${MASK}`);
  });

  it('learns the password inside a Basic credential', () => {
    const redactor = createRedactor();
    redactor.learnHeaders([['Authorization', `Basic ${Buffer.from('me:hunter2-pass').toString('base64')}`]]);
    expect(redactor.text('the password is hunter2-pass')).toBe(`the password is ${MASK}`);
    expect(redactor.text(Buffer.from('me:hunter2-pass').toString('base64'))).toBe(MASK);
  });

  it('learns Set-Cookie values but not their attributes', () => {
    const redactor = createRedactor();
    redactor.learnHeaders([['set-cookie', 'auth=set-value-22; Path=/; Expires=Wed, 21 Oct 2037 07:28:00 GMT\ncart=cart-9876']]);
    expect(redactor.text('set-value-22 cart-9876')).toBe(`${MASK} ${MASK}`);
    expect(redactor.text('Wed, 21 Oct 2037 07:28:00 GMT')).toBe('Wed, 21 Oct 2037 07:28:00 GMT');
  });

  it('issue 10 item 12: a Cookie header is not a credential; only session/credential-named pairs are learned', () => {
    const redactor = createRedactor();
    expect(redactor.header('Cookie', 'sid=session-value-1; cartId=cart-12345; JSESSIONID=j-value-77')).toBe(`sid=${MASK}; cartId=cart-12345; JSESSIONID=${MASK}`);
    expect(redactor.text('session-value-1 cart-12345 j-value-77')).toBe(`${MASK} cart-12345 ${MASK}`);
    expect(redactor.value({ cookie: 'cartId=cart-12345', outputs: { cart: 'cart-12345' } })).toEqual({ cookie: 'cartId=cart-12345', outputs: { cart: 'cart-12345' } });
  });

  it('issue 10 item 12: an input declared writeOnly is secret, like format: password and the name rule', () => {
    const schema = { type: 'object', properties: { pin: { type: 'string', writeOnly: true }, code: { type: 'string', format: 'password' }, cart: { type: 'string' } } };
    expect(['pin', 'code', 'cart', 'apiToken'].filter((name) => isSecretInput(schema, name))).toEqual(['pin', 'code', 'apiToken']);
  });
});
