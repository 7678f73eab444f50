import { describe, expect, it } from 'vitest';
import {
  buildChallenge, computeDigestResponse, NonceIssuer, parseDigestCredentials, verifyDigest,
} from '../../../../dev/neotel/pbx/sip/digest.ts';

describe('digest computation', () => {
  it('matches the RFC 2617 §3.5 example (MD5, qop=auth)', () => {
    expect(computeDigestResponse({
      username: 'Mufasa', realm: 'testrealm@host.com', password: 'Circle Of Life', method: 'GET', uri: '/dir/index.html',
      nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093', qop: 'auth', nc: '00000001', cnonce: '0a4f113b',
    })).toBe('6629fae49393a05397450978507c4ef1');
  });

  it.each([
    ['MD5', '8ca523f5e9506fed4657c9700eebdbec'],
    ['SHA-256', '753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1'],
  ] as const)('matches the RFC 7616 §3.9.1 example with %s', (algorithm, expected) => {
    expect(computeDigestResponse({
      algorithm, username: 'Mufasa', realm: 'http-auth@example.org', password: 'Circle of Life', method: 'GET',
      uri: '/dir/index.html', nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v', qop: 'auth', nc: '00000001',
      cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
    })).toBe(expected);
  });

  it('parses an Authorization header with quoted commas and unquoted tokens', () => {
    expect(parseDigestCredentials('Digest username="1001", realm="a,b", nonce="n", uri="sip:pbx", response="r", algorithm=MD5, qop=auth, nc=00000001, cnonce="c"'))
      .toEqual({ username: '1001', realm: 'a,b', nonce: 'n', uri: 'sip:pbx', response: 'r', algorithm: 'MD5', qop: 'auth', nc: '00000001', cnonce: 'c' });
    expect(parseDigestCredentials('Basic dXNlcjpwYXNz')).toBeUndefined();
  });

  it('challenges with MD5 and qop=auth, marking stale nonces', () => {
    expect(buildChallenge({ realm: 'pbx', nonce: 'n1' })).toBe('Digest realm="pbx", nonce="n1", algorithm=MD5, qop="auth"');
    expect(buildChallenge({ realm: 'pbx', nonce: 'n1', stale: true })).toMatch(/stale=TRUE$/);
  });
});

describe('nonces and verification', () => {
  function credentialsFor(nonce: string, password: string, user = '1001'): Record<string, string> {
    const fields = { username: user, realm: 'pbx', nonce, uri: 'sip:127.0.0.1', qop: 'auth' as const, nc: '00000001', cnonce: 'abc' };
    return { ...fields, response: computeDigestResponse({ ...fields, password, method: 'REGISTER' }) };
  }

  it('accepts a nonce it issued, refuses a forged one and reports an old one as stale', () => {
    let now = 1_000_000;
    const issuer = new NonceIssuer(60_000, () => now);
    const nonce = issuer.issue();
    expect(issuer.check(nonce)).toBe('valid');
    expect(issuer.check(`${nonce.slice(0, -2)}xx`)).toBe('invalid');
    expect(new NonceIssuer(60_000, () => now).check(nonce)).toBe('invalid');
    now += 60_001;
    expect(issuer.check(nonce)).toBe('stale');
  });

  it('verifies the right password and names what was wrong otherwise', () => {
    let now = 0;
    const nonces = new NonceIssuer(1000, () => now);
    const nonce = nonces.issue();
    const verify = (credentials: Record<string, string>, expectedUser = '1001') =>
      verifyDigest({ credentials, method: 'REGISTER', realm: 'pbx', expectedUser, password: 'secret', nonces });
    expect(verify(credentialsFor(nonce, 'secret'))).toEqual({ ok: true });
    expect(verify(credentialsFor(nonce, 'wrong'))).toMatchObject({ ok: false, reason: 'wrong-password' });
    expect(verify(credentialsFor(nonce, 'secret'), '1002')).toMatchObject({ ok: false, reason: 'wrong-user' });
    expect(verify({ ...credentialsFor(nonce, 'secret'), realm: 'other' })).toMatchObject({ ok: false, reason: 'wrong-realm' });
    expect(verify({ username: '1001' })).toMatchObject({ ok: false, reason: 'malformed' });
    now = 5000;
    expect(verify(credentialsFor(nonce, 'secret'))).toMatchObject({ ok: false, reason: 'stale' });
  });
});
