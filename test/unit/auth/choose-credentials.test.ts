// Issue 13 "Credentials", the pure part: which alternative of a Security Requirement list is used
// and what it adds (OpenAPI 3.1 §4.8.30 Security Requirement Object: any one alternative; all of
// its schemes together).
import { describe, expect, it } from 'vitest';
import { chooseCredentials, type ChooseInput } from '../../../src/auth/choose-credentials.js';
import { explicitCredentials, parseAuthFlag } from '../../../src/auth/explicit-credentials.js';
import { addCredentials } from '../../../src/auth/request-carries.js';

const schemes = {
  key: { type: 'apiKey', in: 'header', name: 'X-Key' },
  query: { type: 'apiKey', in: 'query', name: 'k' },
  bearer: { type: 'http', scheme: 'bearer' },
  digest: { type: 'http', scheme: 'digest' },
  negotiate: { type: 'http', scheme: 'negotiate' },
  cc: { type: 'oauth2', tokenUrl: 'http://127.0.0.1:1/token' },
};

function input(requirements: Array<Record<string, string[]>>, given: Record<string, string> = {}, extra: Partial<ChooseInput> = {}): ChooseInput {
  return {
    sourceName: 'api',
    security: { requirements, schemes },
    entries: [],
    explicit: explicitCredentials(new Map(Object.entries(given).map(([k, v]) => [`api.${k}`, v])), {}),
    request: { url: 'http://h/p', headers: [] },
    ...extra,
  };
}

describe('chooseCredentials', () => {
  it('all schemes of the first alternative that can be filled, together', () => {
    const choice = chooseCredentials(input([{ bearer: [] }, { key: [], query: [] }], { key: 'K1', query: 'Q1' }));
    expect(choice.credentials).toEqual([{ kind: 'header', name: 'X-Key', value: 'K1' }, { kind: 'query', name: 'k', value: 'Q1' }]);
    expect(choice.missing).toBeUndefined();
  });

  it('an alternative that adds nothing ({}) is used only when no other can be filled', () => {
    expect(chooseCredentials(input([{}, { bearer: [] }], { bearer: 'T' })).credentials).toEqual([{ kind: 'header', name: 'Authorization', value: 'Bearer T' }]);
    expect(chooseCredentials(input([{}, { bearer: [] }])).credentials).toEqual([]);
    expect(chooseCredentials(input([{}, { bearer: [] }])).missing).toBeUndefined();
  });

  it('nothing fills it: the closest alternative names what is missing, with why', () => {
    const choice = chooseCredentials(input([{ key: [], query: [] }, { digest: [] }], { key: 'K' }));
    expect(choice.missing).toEqual([{ schemeName: 'query', why: 'nothing supplies it' }]);
    expect(chooseCredentials(input([{ negotiate: [] }], { negotiate: 'u:p' })).missing?.[0]?.why).toContain('not supported');
    expect(chooseCredentials(input([{ digest: [] }], { digest: 'u:p' })).credentials).toEqual([{ kind: 'digest', login: { username: 'u', password: 'p' } }]);
  });

  it('a header the step already sends counts as given and is not replaced', () => {
    const choice = chooseCredentials(input([{ key: [] }], { key: 'from-flag' }, { request: { url: 'http://h/p', headers: [['x-key', 'own']] } }));
    expect(choice.credentials).toEqual([]);
    expect(choice.missing).toBeUndefined();
  });

  it('oauth2 client credentials become a grant with the requirement\'s scopes; a plain value is a token', () => {
    expect(chooseCredentials(input([{ cc: ['read', 'write'] }], { cc: 'id:secret' })).credentials).toEqual([
      { kind: 'grant', grant: { schemeName: 'cc', tokenUrl: 'http://127.0.0.1:1/token', clientId: 'id', clientSecret: 'secret', scopes: ['read', 'write'] } },
    ]);
    expect(chooseCredentials(input([{ cc: [] }], { cc: 'eyJ.token' })).credentials).toEqual([{ kind: 'header', name: 'Authorization', value: 'Bearer eyJ.token' }]);
  });
});

describe('explicit credentials and adding them', () => {
  it('--auth wins over ARAZZO_AUTH_<SOURCE>_<SCHEME>; names are upper-cased with _ for other characters', () => {
    const lookup = explicitCredentials(new Map([['pet-store.bearerAuth', 'flag']]), { ARAZZO_AUTH_PET_STORE_BEARERAUTH: 'env', ARAZZO_AUTH_PET_STORE_KEY_1: 'k' });
    expect(lookup('pet-store', 'bearerAuth')).toBe('flag');
    expect(lookup('pet-store', 'key.1')).toBe('k');
    expect(lookup('pet-store', 'other')).toBeUndefined();
    expect(parseAuthFlag('api.scheme=a=b')).toEqual(['api', 'scheme', 'a=b']);
    expect(parseAuthFlag('api=x')).toBeUndefined();
  });

  it('a query credential goes before the fragment, a cookie joins the Cookie header', () => {
    const added = addCredentials({ url: 'http://h/p?a=1#f', headers: [['Cookie', 'x=1']] }, [{ kind: 'query', name: 'api key', value: 'v&w' }, { kind: 'cookie', name: 's', value: 'c' }]);
    expect(added.url).toBe('http://h/p?a=1&api%20key=v%26w#f');
    expect(added.headers).toEqual([['Cookie', 'x=1; s=c']]);
  });
});
