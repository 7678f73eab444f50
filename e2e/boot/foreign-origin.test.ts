/**
 * Who may host the adapter (docs/security.md). A page frames the real built adapter with its own
 * origin as `sfdcIframeOrigin`, the way an attacker would; the adapter must not fetch, let alone
 * run, that origin's `opencti_min.js` (which would run in the adapter's origin, next to the vault),
 * and must explain the refusal. Every framing page and "library" is served by counting servers on
 * loopback, under real host names mapped by Chromium's host-resolver rules.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAdapterFiles, type AdapterTrust } from '../../dev/shared/adapter-trust.ts';
import { devCertificate } from '../../dev/shared/certificate.ts';
import { listen, type ListeningServer } from '../../dev/shared/http.ts';
import { launchChromium } from '../support/browser.ts';
import { shellPhase } from './support.ts';

const ADAPTER_HOST = 'softphone.neotel.test';
const PINNED = 'acme.lightning.force.com';
const OTHER_ORG = 'attacker-dev-ed.lightning.force.com';
const EVIL = 'evil.example';
const LIBRARY_PATH = '/support/api/62.0/lightning/opencti_min.js';

/** Requests the framing servers saw, as `origin + path`. */
const seen: string[] = [];
const libraryRequestsTo = (origin: string): number => seen.filter((r) => r === `${origin}${LIBRARY_PATH}`).length;
/** Paths the adapter servers saw. */
const adapterSeen: string[] = [];

/** A framing page on whatever host it is reached as: frames `?adapter=` with its own origin, counts everything. */
function framingWorld(scheme: 'http' | 'https') {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', `${scheme}://${req.headers.host ?? 'unknown'}`);
    seen.push(`${url.origin}${url.pathname}`);
    if (url.pathname === LIBRARY_PATH) {
      // What an attacker would serve: read the adapter's storage and send it home.
      res.writeHead(200, { 'Content-Type': 'text/javascript' }).end('window.stolen = "the vault"; fetch("/stolen", { method: "POST" });');
      return;
    }
    const adapter = url.searchParams.get('adapter') ?? '';
    const src = `${adapter}?mode=Lightning&sfdcIframeOrigin=${encodeURIComponent(url.origin)}`;
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><title>framer</title><iframe id="softphone" src="${src}" allow="microphone; autoplay" width="400" height="500"></iframe>`);
  };
}

let browser: Browser;
const servers: ListeningServer[] = [];
let httpsWorld: number;
let httpWorld: number;
/** The adapter over https, its host pinned to acme — but served WITHOUT the frame-ancestors header. */
let httpsAdapter: string;
/** The adapter over http for a dev console on localhost, also without the header. */
let httpAdapter: string;
/** The adapter as docs/admin-setup.md says to serve it: pinned, and with the header. */
let guardedAdapter: string;
let page: Page | undefined;

async function serveAdapter(trust: AdapterTrust, tls?: { key: string; cert: string }): Promise<number> {
  const files = createAdapterFiles('dist', () => trust);
  const server = await listen(async (req, res) => {
    adapterSeen.push(req.url ?? '');
    if (!(await files(req, res))) res.writeHead(404).end();
  }, { port: 0, ...(tls ? { tls } : {}) });
  servers.push(server);
  return server.port;
}

beforeAll(async () => {
  const tls = await devCertificate([ADAPTER_HOST, PINNED, OTHER_ORG, EVIL]);
  const worldS = await listen(framingWorld('https'), { port: 0, tls });
  const world = await listen(framingWorld('http'), { port: 0 });
  servers.push(worldS, world);
  httpsWorld = worldS.port;
  httpWorld = world.port;
  const pinned = { salesforceHosts: [PINNED], devOrigins: [] };
  httpsAdapter = `https://${ADAPTER_HOST}:${await serveAdapter({ policy: pinned }, tls)}/`;
  httpAdapter = `http://localhost:${await serveAdapter({ policy: { salesforceHosts: [], devOrigins: ['http://localhost:8080'] } })}/`;
  guardedAdapter = `https://${ADAPTER_HOST}:${await serveAdapter({ policy: pinned, contentSecurityPolicy: `frame-ancestors https://${PINNED}:${httpsWorld}` }, tls)}/`;
  browser = await launchChromium({
    hostResolverRules: [ADAPTER_HOST, PINNED, OTHER_ORG, EVIL].map((h) => `MAP ${h} 127.0.0.1`).join(', '),
    ignoreCertificateErrors: true,
  });
});

afterEach(async () => {
  await page?.context().close();
  page = undefined;
});

afterAll(async () => {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
});

/** Opens `framer` and returns the adapter frame. */
async function frameFrom(framer: string): Promise<Frame> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  page = await context.newPage();
  await page.goto(framer);
  const frame = await (await page.waitForSelector('#softphone')).contentFrame();
  if (!frame) throw new Error(`${framer} has no adapter frame`);
  return frame;
}

/**
 * Waits until trusted-origins.json (read once by the inline preload, shared with the loader) has
 * arrived, so that anything the two gates were going to fetch has been asked for.
 */
async function bothGatesDecided(frame: Frame): Promise<void> {
  await frame.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/trusted-origins.json')), undefined, { timeout: 10_000 });
  // One more round trip through the page: a preload decided on the last answer is in flight by now.
  await frame.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

describe('a page of a foreign origin frames the adapter', () => {
  it.each([
    ['a foreign https origin', () => `https://${EVIL}:${httpsWorld}`, 'is not a Salesforce host'],
    ['a force.com host of another org while the deployment pins its own', () => `https://${OTHER_ORG}:${httpsWorld}`, 'not one of this deployment\'s pinned hosts'],
  ])('%s: nothing is fetched from it and the adapter says which origin it refused', async (_what, framerOrigin, why) => {
    const origin = framerOrigin();
    const frame = await frameFrom(`${origin}/?adapter=${encodeURIComponent(httpsAdapter)}`);
    const text = await shellPhase(frame, 'standalone');
    await bothGatesDecided(frame);
    expect(libraryRequestsTo(origin)).toBe(0);
    expect(seen).not.toContain(`${origin}/stolen`);
    expect(await frame.locator('[data-reason]').getAttribute('data-reason')).toBe('UNTRUSTED_ORIGIN');
    expect(text).toContain(`Dialtone did not start inside ${origin}`);
    expect(text).toContain(why);
    expect(text).toContain('trusted-origins.json');
  });

  it('an http foreign origin, and a loopback console that is not the listed one, are refused by the dev adapter', async () => {
    for (const origin of [`http://${EVIL}:${httpWorld}`, `http://127.0.0.1:${httpWorld}`]) {
      const frame = await frameFrom(`${origin}/?adapter=${encodeURIComponent(httpAdapter)}`);
      const text = await shellPhase(frame, 'standalone');
      await bothGatesDecided(frame);
      expect(libraryRequestsTo(origin), origin).toBe(0);
      expect(text).toContain(`Dialtone did not start inside ${origin}`);
      await page?.context().close();
      page = undefined;
    }
  });

  it('the pinned org itself is trusted: its library is requested (the control that the counting works)', async () => {
    const origin = `https://${PINNED}:${httpsWorld}`;
    const frame = await frameFrom(`${origin}/?adapter=${encodeURIComponent(httpsAdapter)}`);
    await frame.waitForFunction(() => document.querySelector('dialtone-softphone') !== null, undefined, { timeout: 10_000 });
    const deadline = Date.now() + 10_000;
    while (libraryRequestsTo(origin) === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(libraryRequestsTo(origin)).toBeGreaterThanOrEqual(1);
    // The inline preload (built from the loader's gate) ran it, once: the loader did not inject it again.
    await frame.waitForSelector(`script[src="${origin}${LIBRARY_PATH}"]`, { state: 'attached', timeout: 10_000 });
    expect(await frame.locator('script[src*="opencti_min.js"]').count()).toBe(1);
  });

  it('with the frame-ancestors header a deployment must send, the browser does not even render the adapter for a foreign page', async () => {
    const before = adapterSeen.length;
    const origin = `https://${EVIL}:${httpsWorld}`;
    const libraryBefore = libraryRequestsTo(origin);
    await frameFrom(`${origin}/?adapter=${encodeURIComponent(guardedAdapter)}`);
    // The top page's load waits for its frame: had the adapter rendered, its bundle would be requested by now.
    const requested = adapterSeen.slice(before);
    expect(requested.some((path) => path.startsWith('/?mode=Lightning'))).toBe(true);
    expect(requested.filter((path) => path.startsWith('/assets/') || path.startsWith('/trusted-origins.json'))).toEqual([]);
    expect(libraryRequestsTo(origin) - libraryBefore).toBe(0);
  });
});
