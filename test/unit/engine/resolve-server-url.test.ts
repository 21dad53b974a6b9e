import { describe, expect, it } from 'vitest';
import { resolveServerUrl, type ServerUrlInput, type ServerUrlResult } from '../../../src/engine/resolve-server-url.js';

const FILE = '/work/project/openapi/api.yaml';
const url = (result: ServerUrlResult): string => {
  if (!result.ok) throw new Error(`expected a URL, got ${result.problem.code}`);
  return result.url;
};
const code = (result: ServerUrlResult): string | undefined => (result.ok ? undefined : result.problem.code);
const resolve = (input: Partial<ServerUrlInput> & Pick<ServerUrlInput, 'servers'>): ServerUrlResult =>
  resolveServerUrl({ sourceUrl: FILE, ...input });

const OCI = { url: 'https://iaas.{region}.oraclecloud.com/20160918', variables: { region: { default: 'us-ashburn-1', enum: ['us-ashburn-1', 'eu-frankfurt-1'] } } };

describe('OpenAPI Server Object: the first server is used, without a trailing slash', () => {
  it('takes the first of several servers', () => {
    expect(url(resolve({ servers: [{ url: 'https://app.daytona.io/api/' }, { url: 'http://localhost:3000' }] }))).toBe('https://app.daytona.io/api');
  });

  it('a root server URL has no trailing slash', () => {
    expect(url(resolve({ servers: [{ url: 'https://example.test/' }] }))).toBe('https://example.test');
  });

  it('a non-http(s) server URL is a problem', () => {
    expect(code(resolve({ servers: [{ url: 'ftp://example.test' }] }))).toBe('server-url-invalid');
  });
});

describe('OpenAPI Server Variable Object: placeholders', () => {
  it('uses the default when no value is given', () => {
    expect(url(resolve({ servers: [OCI] }))).toBe('https://iaas.us-ashburn-1.oraclecloud.com/20160918');
  });

  it('a given value replaces the default', () => {
    expect(url(resolve({ servers: [OCI], variables: { region: 'eu-frankfurt-1' } }))).toBe('https://iaas.eu-frankfurt-1.oraclecloud.com/20160918');
  });

  it('a value outside the enum is server-variable-not-in-enum', () => {
    expect(code(resolve({ servers: [OCI], variables: { region: 'mars-1' } }))).toBe('server-variable-not-in-enum');
  });

  it('an undeclared placeholder with no value is server-variable-missing', () => {
    expect(code(resolve({ servers: [{ url: 'https://{tenant}.example.test' }] }))).toBe('server-variable-missing');
  });

  it('an undeclared placeholder takes a given value', () => {
    expect(url(resolve({ servers: [{ url: 'https://{tenant}.example.test' }], variables: { tenant: 'acme' } }))).toBe('https://acme.example.test');
  });
});

describe('OpenAPI Server Object: relative server URLs', () => {
  it('resolve against an http(s) source document', () => {
    expect(url(resolve({ servers: [{ url: '/api' }], sourceUrl: 'https://specs.test/v1/openapi.yaml' }))).toBe('https://specs.test/api');
    expect(url(resolve({ servers: [{ url: 'v2' }], sourceUrl: 'https://specs.test/v1/openapi.yaml' }))).toBe('https://specs.test/v1/v2');
  });

  it('against a local file are server-url-relative, with a --server hint', () => {
    const result = resolve({ servers: [{ url: '/api' }] });
    expect(code(result)).toBe('server-url-relative');
    expect(result.ok ? '' : result.problem.hint).toContain('--server');
  });

  it('against a file: URL are server-url-relative too', () => {
    expect(code(resolve({ servers: [{ url: '/api' }], sourceUrl: 'file:///work/api.yaml' }))).toBe('server-url-relative');
  });
});

describe('OpenAPI Server Object: no servers declared', () => {
  it('a local file source is server-missing', () => {
    expect(code(resolve({ servers: [] }))).toBe('server-missing');
  });

  it('an http(s) source uses its origin (OpenAPI default server "/")', () => {
    expect(url(resolve({ servers: [], sourceUrl: 'https://specs.test/v1/openapi.yaml' }))).toBe('https://specs.test');
  });

  it('an override is used as-is', () => {
    expect(url(resolve({ servers: [], override: 'http://127.0.0.1:4010/' }))).toBe('http://127.0.0.1:4010');
  });
});

describe('--server override', () => {
  it('without a path keeps the declared base path (Daytona /api)', () => {
    expect(url(resolve({ servers: [{ url: 'https://app.daytona.io/api' }], override: 'http://127.0.0.1:4010' }))).toBe('http://127.0.0.1:4010/api');
  });

  it('without a path keeps the declared base path (OCI /20160918), host variables need no value', () => {
    expect(url(resolve({ servers: [OCI], override: 'http://127.0.0.1:4010' }))).toBe('http://127.0.0.1:4010/20160918');
    const noDefault = { url: 'https://{host}/base' };
    expect(url(resolve({ servers: [noDefault], override: 'http://127.0.0.1:4010' }))).toBe('http://127.0.0.1:4010/base');
  });

  it('issue 10 item 3: a bare trailing "/" names the root, replacing the declared base path', () => {
    expect(url(resolve({ servers: [{ url: 'https://petstore3.swagger.io/api/v3' }], override: 'http://127.0.0.1:4010/' }))).toBe('http://127.0.0.1:4010');
    expect(url(resolve({ servers: [OCI], override: 'http://127.0.0.1:4010/' }))).toBe('http://127.0.0.1:4010');
  });

  it('issue 10 item 3: the raw text decides, not the parsed URL (both parse to pathname "/")', () => {
    expect(url(resolve({ servers: [{ url: 'https://x.test/v1' }], override: 'http://[::1]:4010' }))).toBe('http://[::1]:4010/v1');
    expect(url(resolve({ servers: [{ url: 'https://x.test/v1' }], override: 'http://[::1]:4010/' }))).toBe('http://[::1]:4010');
    expect(url(resolve({ servers: [{ url: 'https://x.test/v1' }], override: 'http://127.0.0.1:4010?x=1' }))).toBe('http://127.0.0.1:4010/v1');
  });

  it('with a path is used as-is', () => {
    expect(url(resolve({ servers: [{ url: 'https://app.daytona.io/api' }], override: 'http://127.0.0.1:4010/other/' }))).toBe('http://127.0.0.1:4010/other');
  });

  it('makes a relative declared server usable with a file source', () => {
    expect(url(resolve({ servers: [{ url: '/api' }], override: 'http://127.0.0.1:4010' }))).toBe('http://127.0.0.1:4010/api');
  });

  it('against a root server gives the override origin', () => {
    expect(url(resolve({ servers: [{ url: 'https://example.test' }], override: 'https://127.0.0.1:8443' }))).toBe('https://127.0.0.1:8443');
  });

  it('still checks path variables against their enum', () => {
    const versioned = { url: 'https://x.test/{v}', variables: { v: { default: 'v1', enum: ['v1'] } } };
    expect(code(resolve({ servers: [versioned], override: 'http://127.0.0.1:1', variables: { v: 'v9' } }))).toBe('server-variable-not-in-enum');
  });

  it('that is not an http(s) URL is server-override-invalid', () => {
    expect(code(resolve({ servers: [OCI], override: '127.0.0.1:4010' }))).toBe('server-override-invalid');
    expect(code(resolve({ servers: [OCI], override: 'not a url' }))).toBe('server-override-invalid');
  });
});
