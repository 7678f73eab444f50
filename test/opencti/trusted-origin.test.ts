import { describe, expect, it } from 'vitest';
import { readTrustPolicy, trustFileUrl, type TrustFileFetch } from '../../src/opencti/trust-file.ts';
import { checkTrustedOrigin, isSalesforceHost, parseTrustPolicy, SALESFORCE_HOST_SUFFIXES, type TrustPolicy } from '../../src/opencti/trusted-origin.ts';

const UNPINNED: TrustPolicy = { salesforceHosts: [], devOrigins: [] };
const PINNED: TrustPolicy = { salesforceHosts: ['acme.lightning.force.com', 'acme--c.vf.force.com'], devOrigins: [] };
const DEV: TrustPolicy = { salesforceHosts: [], devOrigins: ['http://localhost:8080', 'http://127.0.0.1:8080'] };

describe('checkTrustedOrigin: what Salesforce’s own library accepts, over https', () => {
  it.each(SALESFORCE_HOST_SUFFIXES.map((suffix) => `https://acme${suffix}`))('accepts %s when nothing is pinned', (origin) => {
    expect(checkTrustedOrigin(origin, UNPINNED)).toEqual({ ok: true, via: 'salesforce' });
  });

  it('accepts a port and sandbox / Visualforce style names', () => {
    for (const origin of ['https://acme.lightning.force.com:8443', 'https://acme--sbx.sandbox.lightning.force.com', 'https://acme--c.vf.force.com', 'https://xn--cme-8cd.force.com']) {
      expect(checkTrustedOrigin(origin, UNPINNED).ok, origin).toBe(true);
    }
  });

  it.each([
    ['userinfo before a foreign host', 'https://x.force.com@evil.com'],
    ['userinfo with a password', 'https://user:pw@acme.lightning.force.com'],
    ['a path that ends in .force.com', 'https://evil.com/.force.com'],
    ['a Salesforce suffix in front of a foreign domain', 'https://force.com.evil.com'],
    ['the bare suffix', 'https://force.com'],
    ['a look-alike suffix', 'https://acme.lightning.force.co'],
    ['a suffix glued to another name', 'https://evilforce.com'],
    ['upper case', 'https://ACME.lightning.force.com'],
    ['upper-case scheme', 'HTTPS://acme.lightning.force.com'],
    ['a trailing dot', 'https://acme.lightning.force.com.'],
    ['a trailing slash', 'https://acme.lightning.force.com/'],
    ['a query', 'https://acme.lightning.force.com?x=1'],
    ['a fragment', 'https://acme.lightning.force.com#x'],
    ['a backslash', 'https://evil.com\\.force.com'],
    ['http', 'http://acme.lightning.force.com'],
    ['javascript:', 'javascript:alert(1)//.force.com'],
    ['data:', 'data:text/html,x.force.com'],
    ['leading whitespace', ' https://acme.lightning.force.com'],
    ['trailing whitespace', 'https://acme.lightning.force.com '],
    ['a newline', 'https://acme.lightning.force.com\n'],
    ['an inner tab', 'https://acme.light\tning.force.com'],
    ['a Unicode host (punycode in the browser)', 'https://аcme.force.com'],
    ['a Unicode suffix look-alike', 'https://acme.force.cоm'],
    ['a punycode host outside Salesforce', 'https://xn--force-com-xyz.evil'],
    ['a default port the browser drops', 'https://acme.lightning.force.com:443'],
    ['an out-of-range port', 'https://acme.lightning.force.com:70000'],
    ['an empty port', 'https://acme.lightning.force.com:'],
    ['an IP address', 'https://1.2.3.4'],
    ['a shortened IP', 'https://127.1'],
    ['an empty label', 'https://..force.com'],
    ['nothing', ''],
    ['localhost when no dev console is listed', 'http://localhost:8080'],
    ['a foreign https origin', 'https://evil.example'],
  ])('refuses %s', (_what, origin) => {
    const verdict = checkTrustedOrigin(origin, UNPINNED);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.detail).toContain(JSON.stringify(origin.slice(0, 120)));
  });

  it('says why an http Salesforce host is refused', () => {
    const verdict = checkTrustedOrigin('http://acme.lightning.force.com', UNPINNED);
    expect(verdict).toMatchObject({ ok: false, detail: expect.stringContaining('https only') });
  });
});

describe('checkTrustedOrigin with pinned hosts', () => {
  it('accepts exactly the pinned hosts, with any port', () => {
    expect(checkTrustedOrigin('https://acme.lightning.force.com', PINNED)).toEqual({ ok: true, via: 'pinned' });
    expect(checkTrustedOrigin('https://acme--c.vf.force.com:8443', PINNED)).toEqual({ ok: true, via: 'pinned' });
  });

  it('refuses another org’s force.com host and names the setting to change', () => {
    const verdict = checkTrustedOrigin('https://attacker-dev-ed.lightning.force.com', PINNED);
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.detail).toContain('"https://attacker-dev-ed.lightning.force.com"');
    expect(verdict.detail).toContain('salesforceHosts in trusted-origins.json');
    expect(verdict.detail).toContain('acme.lightning.force.com');
  });

  it('refuses a sub-domain or a parent of a pinned host', () => {
    expect(checkTrustedOrigin('https://x.acme.lightning.force.com', PINNED).ok).toBe(false);
    expect(checkTrustedOrigin('https://lightning.force.com', PINNED).ok).toBe(false);
  });

  it('still requires https for a pinned host', () => {
    expect(checkTrustedOrigin('http://acme.lightning.force.com', PINNED).ok).toBe(false);
  });
});

describe('checkTrustedOrigin with dev consoles', () => {
  it('accepts a listed loopback origin over http, exactly', () => {
    expect(checkTrustedOrigin('http://localhost:8080', DEV)).toEqual({ ok: true, via: 'dev' });
    expect(checkTrustedOrigin('http://127.0.0.1:8080', DEV)).toEqual({ ok: true, via: 'dev' });
  });

  it('refuses another port, https instead of http, or a name that only starts like localhost', () => {
    for (const origin of ['http://localhost:8081', 'https://localhost:8080', 'http://localhost', 'http://localhost.evil.com:8080', 'http://LOCALHOST:8080', 'http://localhost:8080/']) {
      expect(checkTrustedOrigin(origin, DEV).ok, origin).toBe(false);
    }
  });
});

describe('parseTrustPolicy', () => {
  it('reads pinned hosts and dev origins, absent lists being empty', () => {
    expect(parseTrustPolicy({ salesforceHosts: ['acme.lightning.force.com'], devOrigins: ['http://[::1]:5173'], $comment: 'x' }, 'f')).toEqual({
      ok: true,
      policy: { salesforceHosts: ['acme.lightning.force.com'], devOrigins: ['http://[::1]:5173'] },
    });
    expect(parseTrustPolicy({}, 'f')).toEqual({ ok: true, policy: UNPINNED });
  });

  it.each([
    ['not an object', [], 'an array'],
    ['null', null, 'null'],
    ['a misspelt key (must not mean "unpinned")', { salesforceHost: ['acme.lightning.force.com'] }, 'unknown key "salesforceHost"'],
    ['a list that is a string', { salesforceHosts: 'acme.lightning.force.com' }, 'must be a list of strings'],
    ['a non-string entry', { devOrigins: [8080] }, 'devOrigins[0] must be a string'],
    ['an origin where a host is expected', { salesforceHosts: ['https://acme.lightning.force.com'] }, 'without https://'],
    ['an upper-case host', { salesforceHosts: ['ACME.lightning.force.com'] }, 'lower case'],
    ['a host that is not Salesforce', { salesforceHosts: ['evil.example'] }, 'salesforceHosts[0] is "evil.example"'],
    ['a wildcard', { salesforceHosts: ['*.force.com'] }, 'salesforceHosts[0]'],
    ['a dev origin that is not loopback', { devOrigins: ['http://evil.example:8080'] }, 'devOrigins[0] is "http://evil.example:8080"'],
    ['a dev origin with a path', { devOrigins: ['http://localhost:8080/'] }, 'devOrigins[0]'],
  ])('refuses %s, naming the file and the value', (_what, json, expected) => {
    const result = parseTrustPolicy(json, 'https://phone.example.com/trusted-origins.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.detail).toContain('https://phone.example.com/trusted-origins.json');
    expect(result.detail).toContain(expected);
  });
});

describe('readTrustPolicy', () => {
  const answering = (status: number, body: string): { calls: { url: string; init: unknown }[]; fetch: TrustFileFetch } => {
    const calls: { url: string; init: unknown }[] = [];
    return {
      calls,
      fetch: (url, init) => {
        calls.push({ url, init });
        return Promise.resolve({ ok: status >= 200 && status < 300, status, text: () => Promise.resolve(body) });
      },
    };
  };

  it('fetches the file next to the page, same-origin only, and validates it', async () => {
    const server = answering(200, '{"salesforceHosts":["acme.lightning.force.com"]}');
    const result = await readTrustPolicy(server.fetch, 'https://phone.example.com/softphone/?mode=Lightning&sfdcIframeOrigin=x');
    expect(result).toEqual({ ok: true, policy: { salesforceHosts: ['acme.lightning.force.com'], devOrigins: [] } });
    expect(server.calls).toEqual([{ url: 'https://phone.example.com/softphone/trusted-origins.json', init: { mode: 'same-origin', credentials: 'same-origin', cache: 'no-cache' } }]);
  });

  it('fails closed on a missing file, an HTML page, a huge body and a network error', async () => {
    const page = 'https://phone.example.com/';
    const missing = await readTrustPolicy(answering(404, 'Not found').fetch, page);
    expect(missing).toMatchObject({ ok: false, detail: expect.stringContaining('HTTP 404') });
    const html = await readTrustPolicy(answering(200, '<!doctype html><p>hi').fetch, page);
    expect(html).toMatchObject({ ok: false, detail: expect.stringContaining('is not JSON') });
    const huge = await readTrustPolicy(answering(200, `{"$comment":"${'x'.repeat(70_000)}"}`).fetch, page);
    expect(huge).toMatchObject({ ok: false, detail: expect.stringContaining('small JSON object') });
    const offline = await readTrustPolicy(() => Promise.reject(new TypeError('Failed to fetch')), page);
    expect(offline).toMatchObject({ ok: false, detail: expect.stringContaining('Failed to fetch') });
  });

  it('locates the file relative to the page, whatever the query says', () => {
    expect(trustFileUrl('https://h.example/a/b/?sfdcIframeOrigin=https%3A%2F%2Fevil.example%2Fx')).toBe('https://h.example/a/b/trusted-origins.json');
    expect(isSalesforceHost('acme.my.salesforce.com')).toBe(true);
  });
});
