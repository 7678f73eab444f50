import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LightningControl } from '../../dev/lightning/control-client.ts';
import type { LightningServer } from '../../dev/lightning/server.ts';
import { launchChromium } from '../support/browser.ts';
import { initializationCompleted, openConsole, shellPhase, startConsoleWithAdapter } from './support.ts';

// Salesforce's library checks the console origin against Salesforce domains and requires the
// adapter to share its protocol; force.com is HSTS-preloaded, so all of it runs over https.
const CONSOLE_HOST = 'acme.lightning.force.com';
const ADAPTER_HOST = 'softphone.neotel.test';

let browser: Browser;
let server: LightningServer;
let control: LightningControl;

beforeAll(async () => {
  browser = await launchChromium({
    hostResolverRules: `MAP ${CONSOLE_HOST} 127.0.0.1, MAP ${ADAPTER_HOST} 127.0.0.1`,
    ignoreCertificateErrors: true,
  });
  ({ server, control } = await startConsoleWithAdapter({
    https: true,
    hostName: CONSOLE_HOST,
    adapterHostName: ADAPTER_HOST,
    allowLocalOrigins: false,
    settingOverrides: {
      '/neotelConnection/neoApiUrl': `https://${ADAPTER_HOST}/neoapi/webservice.asmx`,
      '/neotelConnection/sipWebSocketUrl': `wss://${ADAPTER_HOST}/sip`,
      '/neotelConnection/sipDomain': ADAPTER_HOST,
    },
  }));
});

afterAll(async () => {
  await browser.close();
  await server.close();
});

it('boots under a *.lightning.force.com console over https with Salesforce’s strict origin check', async () => {
  expect(server.allowLocalOrigins).toBe(false);
  expect(server.origin).toMatch(/^https:\/\/acme\.lightning\.force\.com:\d+$/);
  const opened = await openConsole(browser, server, { ignoreHttpsErrors: true });
  try {
    const text = await shellPhase(opened.adapter, 'ready');
    expect(text).toContain(ADAPTER_HOST);
    expect(opened.adapter.url()).toMatch(new RegExp(`^https://${ADAPTER_HOST.replace(/\./g, '\\.')}:\\d+/\\?mode=Lightning&sfdcIframeOrigin=https%3A%2F%2Facme\\.lightning\\.force\\.com`));
    expect(await initializationCompleted(control)).toBe(true);
    expect(opened.pageErrors).toEqual([]);
  } finally {
    await opened.close();
  }
});
