import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_OPENCTI_API_VERSION, LIBRARY_REFUSAL, loadOpenCti } from '../../src/opencti/loader.ts';
import type { OpenCtiConnection } from '../../src/opencti/loader.ts';
import { PRELOADED_TRUST_POLICY } from '../../src/opencti/origin-gate.ts';
import { OpenCti } from '../../src/opencti/shim.ts';
import { FakeOpenCti } from './fake-opencti.ts';
import { FakePage, installs, loginPage, networkError, refuses, runsEmpty } from './fake-page.ts';

const ORIGIN = 'https://acme.lightning.force.com';
/** The adapter URL as Salesforce frames it, with its undocumented extra parameters. */
const FRAMED_URL =
  'https://phone.example.com/sf/?mode=Lightning&ltn_app_id=06m000000000001&isdtp=vw' +
  `&sfdcIframeOrigin=${encodeURIComponent(ORIGIN)}&clc=1&nonce=9f8e7d`;
const SCRIPT_URL = `${ORIGIN}/support/api/62.0/lightning/opencti_min.js`;

function expectStandalone(connection: OpenCtiConnection, reason: string): string {
  expect(connection).toMatchObject({ mode: 'standalone', reason });
  return connection.mode === 'standalone' ? connection.detail : '';
}

afterEach(() => {
  vi.useRealTimers();
});

describe('loadOpenCti success', () => {
  it('loads the Lightning library from sfdcIframeOrigin and resolves a working salesforce connection', async () => {
    const fake = new FakeOpenCti();
    fake.reply('getCallCenterSettings', { '/reqGeneralInfo/reqInternalName': 'Dialtone' });
    const page = new FakePage({ url: FRAMED_URL, behaviour: installs(fake) });
    const connection = await loadOpenCti({ window: page.window });
    expect(page.scripts.map((s) => s.src)).toEqual([SCRIPT_URL]);
    expect(connection).toMatchObject({ mode: 'salesforce', origin: ORIGIN, apiVersion: 62 });
    if (connection.mode !== 'salesforce') return;
    expect(connection.api).toBeInstanceOf(OpenCti);
    await expect(connection.api.getCallCenterSettings()).resolves.toEqual({ '/reqGeneralInfo/reqInternalName': 'Dialtone' });
    expect(page.errorListenerCount).toBe(0);
  });

  it('defaults to API 62 and requests the version it is given', async () => {
    expect(DEFAULT_OPENCTI_API_VERSION).toBe(62);
    const page = new FakePage({ url: FRAMED_URL, behaviour: installs(new FakeOpenCti()) });
    const connection = await loadOpenCti({ window: page.window, apiVersion: 57 });
    expect(page.scripts[0]?.src).toBe(`${ORIGIN}/support/api/57.0/lightning/opencti_min.js`);
    expect(connection).toMatchObject({ mode: 'salesforce', apiVersion: 57 });
  });

  it('shares one load and one OpenCti between calls on the same page', async () => {
    const page = new FakePage({ url: FRAMED_URL, behaviour: installs(new FakeOpenCti()) });
    const [a, b] = await Promise.all([loadOpenCti({ window: page.window }), loadOpenCti({ window: page.window })]);
    const c = await loadOpenCti({ window: page.window });
    expect(page.scripts).toHaveLength(1);
    expect(a).toBe(b);
    expect(c).toBe(a);
  });

  it('wraps a library that is already on the page without loading it again', async () => {
    const page = new FakePage({ url: FRAMED_URL });
    page.window.sforce = { opencti: new FakeOpenCti() };
    const connection = await loadOpenCti({ window: page.window });
    expect(connection.mode).toBe('salesforce');
    expect(page.scripts).toHaveLength(0);
  });

  it('falls back to the root element when the document has no <head>', async () => {
    const page = new FakePage({ url: FRAMED_URL, behaviour: installs(new FakeOpenCti()), head: 'root' });
    expect((await loadOpenCti({ window: page.window })).mode).toBe('salesforce');
  });
});

describe('loadOpenCti: who may host the adapter', () => {
  const framedBy = (origin: string): string => `https://phone.example.com/sf/?mode=Lightning&sfdcIframeOrigin=${encodeURIComponent(origin)}`;

  it('reads trusted-origins.json next to the page before loading anything', async () => {
    const page = new FakePage({ url: FRAMED_URL, behaviour: installs(new FakeOpenCti()), trustFile: { json: { salesforceHosts: ['acme.lightning.force.com'] } } });
    expect((await loadOpenCti({ window: page.window })).mode).toBe('salesforce');
    expect(page.fetched).toEqual(['https://phone.example.com/sf/trusted-origins.json']);
    expect(page.scripts.map((s) => s.src)).toEqual([SCRIPT_URL]);
  });

  it.each([
    ['a foreign https page', 'https://evil.example'],
    ['a foreign page on another port', 'https://evil.example:8443'],
    ['a Salesforce suffix in front of a foreign domain', 'https://force.com.evil.example'],
  ])('refuses %s as UNTRUSTED_ORIGIN without fetching its script', async (_what, origin) => {
    const page = new FakePage({ url: framedBy(origin), behaviour: installs(new FakeOpenCti()) });
    const connection = await loadOpenCti({ window: page.window });
    expect(connection).toMatchObject({ mode: 'standalone', reason: 'UNTRUSTED_ORIGIN', origin });
    expect(page.scripts).toHaveLength(0);
  });

  it('refuses another org’s force.com page when the deployment pins its My Domain', async () => {
    const origin = 'https://attacker-dev-ed.lightning.force.com';
    const page = new FakePage({ url: framedBy(origin), behaviour: installs(new FakeOpenCti()), trustFile: { json: { salesforceHosts: ['acme.lightning.force.com'] } } });
    const detail = expectStandalone(await loadOpenCti({ window: page.window }), 'UNTRUSTED_ORIGIN');
    expect(detail).toContain(origin);
    expect(detail).toContain('salesforceHosts');
    expect(page.scripts).toHaveLength(0);
  });

  it('accepts an http console only when its exact origin is a listed dev origin', async () => {
    const dev = { json: { devOrigins: ['http://localhost:8080'] } };
    const listed = new FakePage({ url: 'http://localhost:4173/?mode=Lightning&sfdcIframeOrigin=http%3A%2F%2Flocalhost%3A8080', behaviour: installs(new FakeOpenCti()), trustFile: dev });
    expect((await loadOpenCti({ window: listed.window })).mode).toBe('salesforce');
    const other = new FakePage({ url: 'http://localhost:4173/?mode=Lightning&sfdcIframeOrigin=http%3A%2F%2F127.0.0.1%3A9999', behaviour: installs(new FakeOpenCti()), trustFile: dev });
    expectStandalone(await loadOpenCti({ window: other.window }), 'UNTRUSTED_ORIGIN');
    expect(other.scripts).toHaveLength(0);
  });

  it('decides on the policy the inline preload already read, without fetching it again', async () => {
    const page = new FakePage({ url: FRAMED_URL, behaviour: installs(new FakeOpenCti()) });
    const preloaded = Promise.resolve({ ok: true as const, policy: { salesforceHosts: ['other.lightning.force.com'], devOrigins: [] } });
    Object.defineProperty(page.window, PRELOADED_TRUST_POLICY, { value: preloaded });
    expectStandalone(await loadOpenCti({ window: page.window }), 'UNTRUSTED_ORIGIN');
    expect(page.fetched).toEqual([]);
    expect(page.scripts).toHaveLength(0);
  });

  it.each([
    ['missing', { status: 404, body: 'Not found' }, 'HTTP 404'],
    ['not JSON', { status: 200, body: '<html>' }, 'is not JSON'],
    ['misspelt', { json: { salesforcehosts: [] } }, 'unknown key'],
    ['unreachable', { networkError: 'Failed to fetch' }, 'Failed to fetch'],
  ] as const)('fails closed when trusted-origins.json is %s', async (_what, trustFile, expected) => {
    const page = new FakePage({ url: FRAMED_URL, behaviour: installs(new FakeOpenCti()), trustFile });
    const detail = expectStandalone(await loadOpenCti({ window: page.window }), 'TRUST_FILE_INVALID');
    expect(detail).toContain(expected);
    expect(page.scripts).toHaveLength(0);
  });
});

describe('loadOpenCti standalone: the page is not where Salesforce puts it', () => {
  it('runs standalone when the page is not framed, without loading anything', async () => {
    const page = new FakePage({ url: FRAMED_URL, framed: false });
    expectStandalone(await loadOpenCti({ window: page.window }), 'NOT_FRAMED');
    expect(page.scripts).toHaveLength(0);
  });

  it('runs standalone when there is no window at all', async () => {
    expectStandalone(await loadOpenCti(), 'NO_WINDOW');
  });

  it('runs standalone when sfdcIframeOrigin is missing', async () => {
    const page = new FakePage({ url: 'https://phone.example.com/sf/?mode=Lightning' });
    const detail = expectStandalone(await loadOpenCti({ window: page.window }), 'MISSING_ORIGIN');
    expect(detail).toContain('sfdcIframeOrigin');
    expect(page.scripts).toHaveLength(0);
  });

  it.each([
    ['javascript:alert(1)', 'only http: and https:'],
    ['https://acme.lightning.force.com/', 'trailing slash'],
    ['https://acme.lightning.force.com/evil/path', 'path'],
    ['https://acme.lightning.force.com:99999', 'scheme://host[:port]'],
    ['https://user@acme.lightning.force.com', 'scheme://host[:port]'],
  ])('runs standalone with INVALID_ORIGIN for sfdcIframeOrigin %s', async (origin, hint) => {
    const page = new FakePage({ url: `https://phone.example.com/?mode=Lightning&sfdcIframeOrigin=${encodeURIComponent(origin)}` });
    const detail = expectStandalone(await loadOpenCti({ window: page.window }), 'INVALID_ORIGIN');
    expect(detail).toContain(JSON.stringify(origin));
    expect(detail).toContain(hint);
    expect(page.scripts).toHaveLength(0);
  });

  it('runs standalone with PROTOCOL_MISMATCH for an http adapter inside an https org', async () => {
    const page = new FakePage({ url: FRAMED_URL.replace('https://phone', 'http://phone') });
    const detail = expectStandalone(await loadOpenCti({ window: page.window }), 'PROTOCOL_MISMATCH');
    expect(detail).toContain('"http:"');
    expect(detail).toContain(ORIGIN);
    expect(page.scripts).toHaveLength(0);
  });

  it('runs standalone with MISSING_MODE when mode is absent', async () => {
    const page = new FakePage({ url: `https://phone.example.com/?sfdcIframeOrigin=${encodeURIComponent(ORIGIN)}` });
    expectStandalone(await loadOpenCti({ window: page.window }), 'MISSING_MODE');
  });

  it('runs standalone with INVALID_OPTIONS for an API version without Lightning methods', async () => {
    const page = new FakePage({ url: FRAMED_URL });
    const detail = expectStandalone(await loadOpenCti({ window: page.window, apiVersion: 37 }), 'INVALID_OPTIONS');
    expect(detail).toContain('37');
  });
});

describe('loadOpenCti standalone: the script does not give us the library', () => {
  it('reports SCRIPT_LOAD_FAILED on a network error, and loads afresh on the next call', async () => {
    const page = new FakePage({ url: FRAMED_URL, behaviour: networkError });
    const detail = expectStandalone(await loadOpenCti({ window: page.window }), 'SCRIPT_LOAD_FAILED');
    expect(detail).toContain(SCRIPT_URL);
    page.behaviour = installs(new FakeOpenCti());
    expect((await loadOpenCti({ window: page.window })).mode).toBe('salesforce');
    expect(page.scripts).toHaveLength(2);
  });

  it.each([false, true])('reports SCRIPT_ERROR when a login page comes back instead of JavaScript (muted: %s)', async (muted) => {
    const page = new FakePage({ url: FRAMED_URL, behaviour: loginPage(muted) });
    const detail = expectStandalone(await loadOpenCti({ window: page.window }), 'SCRIPT_ERROR');
    expect(detail).toContain('login page');
    expect(page.handledErrors).toHaveLength(1);
    expect(page.uncaughtErrors).toHaveLength(0);
  });

  it('reports LIBRARY_REFUSED when the library throws its initialisation string, and swallows it', async () => {
    const page = new FakePage({ url: FRAMED_URL, behaviour: refuses(new FakeOpenCti(), LIBRARY_REFUSAL) });
    const detail = expectStandalone(await loadOpenCti({ window: page.window }), 'LIBRARY_REFUSED');
    expect(detail).toContain(LIBRARY_REFUSAL);
    expect(page.uncaughtErrors).toHaveLength(0);
    expect(page.errorListenerCount).toBe(0);
  });

  it('reports LIBRARY_REFUSED when the browser mutes the cross-origin refusal but the library had installed itself', async () => {
    const page = new FakePage({ url: FRAMED_URL, behaviour: refuses(new FakeOpenCti(), LIBRARY_REFUSAL, true) });
    expectStandalone(await loadOpenCti({ window: page.window }), 'LIBRARY_REFUSED');
  });

  it('does not mistake the half-initialised library of a refused load for a working one later', async () => {
    const page = new FakePage({ url: FRAMED_URL, behaviour: refuses(new FakeOpenCti(), LIBRARY_REFUSAL) });
    expectStandalone(await loadOpenCti({ window: page.window }), 'LIBRARY_REFUSED');
    expectStandalone(await loadOpenCti({ window: page.window }), 'LIBRARY_REFUSED');
  });

  it('leaves unrelated page errors during the load alone', async () => {
    const page = new FakePage({
      url: FRAMED_URL,
      behaviour: (script, p) => {
        p.reportError({ message: 'Uncaught TypeError: x is undefined', filename: 'https://phone.example.com/sf/app.js', error: new TypeError('x') });
        installs(new FakeOpenCti())(script, p);
      },
    });
    expect((await loadOpenCti({ window: page.window })).mode).toBe('salesforce');
    expect(page.uncaughtErrors).toHaveLength(1);
  });

  it('reports API_MISSING when the script runs but sforce.opencti never appears', async () => {
    vi.useFakeTimers();
    const page = new FakePage({ url: FRAMED_URL, behaviour: runsEmpty });
    const pending = loadOpenCti({ window: page.window, timeoutMs: 2_000 });
    await vi.advanceTimersByTimeAsync(2_000);
    const detail = expectStandalone(await pending, 'API_MISSING');
    expect(detail).toContain('window.sforce did not appear');
    expect(detail).toContain('2000 ms');
  });

  it('connects when sforce.opencti appears shortly after the script ran', async () => {
    vi.useFakeTimers();
    const page = new FakePage({ url: FRAMED_URL, behaviour: runsEmpty });
    const pending = loadOpenCti({ window: page.window, timeoutMs: 2_000 });
    await vi.advanceTimersByTimeAsync(120);
    page.window.sforce = { opencti: new FakeOpenCti() };
    await vi.advanceTimersByTimeAsync(60);
    expect((await pending).mode).toBe('salesforce');
  });

  it('reports API_MISSING when sforce.opencti is not the Lightning API', async () => {
    vi.useFakeTimers();
    const page = new FakePage({ url: FRAMED_URL, behaviour: installs({ getCallCenterSettings: () => undefined }) });
    const pending = loadOpenCti({ window: page.window, timeoutMs: 500 });
    await vi.advanceTimersByTimeAsync(500);
    const detail = expectStandalone(await pending, 'API_MISSING');
    expect(detail).toContain('lacks saveLog, screenPop, onClickToDial');
  });

  it('reports TIMEOUT when the script neither loads nor fails in time', async () => {
    vi.useFakeTimers();
    const page = new FakePage({ url: FRAMED_URL });
    const pending = loadOpenCti({ window: page.window });
    await vi.advanceTimersByTimeAsync(10_000);
    const detail = expectStandalone(await pending, 'TIMEOUT');
    expect(detail).toContain('10000 ms');
    expect(page.errorListenerCount).toBe(0);
  });

  it('reports SCRIPT_LOAD_FAILED when the document has nowhere to put a script', async () => {
    const page = new FakePage({ url: FRAMED_URL, head: 'none' });
    expectStandalone(await loadOpenCti({ window: page.window }), 'SCRIPT_LOAD_FAILED');
  });

  it('resolves standalone, never rejects, when the environment itself throws', async () => {
    const page = new FakePage({ url: FRAMED_URL });
    Object.defineProperty(page.window, 'location', {
      get() {
        throw new Error('location is not accessible');
      },
    });
    const detail = expectStandalone(await loadOpenCti({ window: page.window }), 'SCRIPT_LOAD_FAILED');
    expect(detail).toContain('location is not accessible');
  });
});
