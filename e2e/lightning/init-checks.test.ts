import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightningControl } from '../../dev/lightning/control-client.ts';
import type { LightningServer } from '../../dev/lightning/server.ts';
import { launchChromium } from '../support/browser.ts';
import { call, openConsole, startConsole } from './harness.ts';

const INIT_FAILURE = 'Failed to initialize Open CTI. Ensure that it is loaded from the right frame with correct URL parameters';
const FORCE_HOST = 'acme.lightning.force.com';

let browser: Browser;
let dev: { server: LightningServer; control: LightningControl };
let strict: { server: LightningServer; control: LightningControl };
let page: Page;

beforeAll(async () => {
  [dev, strict] = await Promise.all([startConsole(), startConsole({ https: true, hostName: FORCE_HOST })]);
  browser = await launchChromium({ hostResolverRules: 'MAP *.lightning.force.com 127.0.0.1', ignoreCertificateErrors: true });
  page = await browser.newPage();
});

afterAll(async () => {
  await browser.close();
  await Promise.all([dev.server.close(), strict.server.close()]);
});

/**
 * Opens the test adapter unframed on the console's own origin (so the library's thrown value is
 * readable) with the given query, and returns what the library's initialisation did.
 */
async function initOutcome(server: LightningServer, query: string): Promise<{ initError: unknown; hasApi: boolean }> {
  const lib = encodeURIComponent('/support/api/57.0/lightning/opencti_min.js');
  await page.goto(`${server.origin}/__dev/test-adapter/?lib=${lib}${query === '' ? '' : `&${query}`}`);
  await page.evaluate(() => window.testAdapter.ready);
  return page.evaluate(() => ({ initError: window.testAdapter.state.initError, hasApi: typeof (window as unknown as { sforce?: unknown }).sforce === 'object' }));
}

const param = (name: string, value: string): string => `${name}=${encodeURIComponent(value)}`;

describe('Open CTI library initialisation checks', () => {
  it('throws the plain string when the adapter is opened on its own, without mode and sfdcIframeOrigin', async () => {
    expect(await initOutcome(dev.server, '')).toEqual({ initError: INIT_FAILURE, hasApi: true });
  });

  it('throws the plain string when mode is missing', async () => {
    expect((await initOutcome(dev.server, param('sfdcIframeOrigin', dev.server.origin))).initError).toBe(INIT_FAILURE);
  });

  it('throws the plain string for an sfdcIframeOrigin outside the Salesforce allow-list', async () => {
    const outcome = await initOutcome(dev.server, `mode=Lightning&${param('sfdcIframeOrigin', 'http://evil.example.com')}`);
    expect(outcome.initError).toBe(INIT_FAILURE);
  });

  it('throws the plain string when sfdcIframeOrigin is https but the adapter page is http', async () => {
    const outcome = await initOutcome(dev.server, `mode=Lightning&${param('sfdcIframeOrigin', `https://${FORCE_HOST}`)}`);
    expect(outcome.initError).toBe(INIT_FAILURE);
  });

  it('initialises with mode and a matching console origin (dev allowance: localhost)', async () => {
    const outcome = await initOutcome(dev.server, `mode=Lightning&${param('sfdcIframeOrigin', dev.server.origin)}`);
    expect(outcome).toEqual({ initError: null, hasApi: true });
  });

  it('in strict mode refuses a localhost console, as Salesforce\'s library does', async () => {
    expect(strict.server.allowLocalOrigins).toBe(false);
    const outcome = await initOutcome(strict.server, `mode=Lightning&${param('sfdcIframeOrigin', 'https://localhost:1')}`);
    expect(outcome.initError).toBe(INIT_FAILURE);
  });
});

describe('under a *.lightning.force.com host name over https', () => {
  it('frames the https adapter and round-trips through the strict origin check', async () => {
    expect(strict.server.origin).toMatch(/^https:\/\/acme\.lightning\.force\.com:\d+$/);
    const ui = await openConsole(browser, strict.server, strict.control);
    try {
      const settings = await call(ui.adapter, 'getCallCenterSettings');
      expect(settings.response?.success).toBe(true);
      const view = await call(ui.adapter, 'getAppViewInfo');
      expect(view.response?.returnValue).toEqual({ url: `${strict.server.origin}/lightning/page/home` });
      const src = await ui.page.locator('iframe.openctiSoftPhone').getAttribute('src');
      expect(src).toContain(`sfdcIframeOrigin=${encodeURIComponent(strict.server.origin)}`);
      expect(src?.startsWith('https://')).toBe(true);
    } finally {
      await ui.context.close();
    }
  });
});
