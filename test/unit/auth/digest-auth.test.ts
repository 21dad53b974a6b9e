// Issue 13 "Auth from the description": HTTP Digest (RFC 7616), checked against the RFC's own
// worked example (§3.9.1), for MD5 and SHA-256.
import { describe, expect, it } from 'vitest';
import { digestAuthorization, parseDigestChallenges } from '../../../src/auth/digest-auth.js';

const CHALLENGE = [
  'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"',
  'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"',
].join(', ');
const LOGIN = { username: 'Mufasa', password: 'Circle of Life' };
const CNONCE = 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ';

describe('RFC 7616 §3.9.1: the worked example', () => {
  it('reads both challenges of one WWW-Authenticate value, strongest first', () => {
    const challenges = parseDigestChallenges(CHALLENGE);
    expect(challenges.map((c) => c.algorithm)).toEqual(['SHA-256', 'MD5']);
    expect(challenges[0]).toMatchObject({ realm: 'http-auth@example.org', qop: 'auth', opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS' });
  });

  it('SHA-256 and MD5 responses match the RFC', () => {
    const [sha256, md5] = parseDigestChallenges(CHALLENGE);
    expect(digestAuthorization(sha256!, LOGIN, 'GET', '/dir/index.html', CNONCE)).toContain('response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"');
    expect(digestAuthorization(md5!, LOGIN, 'GET', '/dir/index.html', CNONCE)).toContain('response="8ca523f5e9506fed4657c9700eebdbec"');
    expect(digestAuthorization(md5!, LOGIN, 'GET', '/dir/index.html', CNONCE)).toMatch(/^Digest username="Mufasa", realm="http-auth@example.org", uri="\/dir\/index.html", algorithm=MD5, nonce="[^"]+", nc=00000001, cnonce="[^"]+", qop=auth, response="[0-9a-f]{32}", opaque="[^"]+"$/);
  });

  it('a challenge with only qop=auth-int, or an unknown algorithm, is not answered', () => {
    expect(parseDigestChallenges('Digest realm="r", nonce="n", qop="auth-int"')).toEqual([]);
    expect(parseDigestChallenges('Digest realm="r", nonce="n", algorithm=SHA-1')).toEqual([]);
    expect(parseDigestChallenges('Basic realm="r"')).toEqual([]);
  });
});
