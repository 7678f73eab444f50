import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LightningControl } from '../../dev/lightning/control-client.ts';
import type { LightningServer } from '../../dev/lightning/server.ts';
import { launchChromium } from '../support/browser.ts';
import { configIssuesShown, initializationCompleted, openConsole, shellPhase, shellText, startConsoleWithAdapter, type OpenedConsole } from './support.ts';

const realXml = readFileSync('callcenter-definition.xml', 'utf8');

let browser: Browser;
let server: LightningServer;
let control: LightningControl;
let opened: OpenedConsole | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  ({ server, control } = await startConsoleWithAdapter());
});

afterEach(async () => {
  // Reset while the tab is still open: the emulator applies resets to the live console tab.
  await control.reset();
  await opened?.close();
  opened = undefined;
});

afterAll(async () => {
  await browser.close();
  await server.close();
});

describe('the built adapter inside the Lightning console', () => {
  it('boots from callcenter-definition.xml and shows the ready shell in the utility panel', async () => {
    opened = await openConsole(browser, server);
    const text = await shellPhase(opened.adapter, 'ready');
    expect(text).toContain('127.0.0.1:8090');
    expect(await initializationCompleted(control)).toBe(true);
    const state = await control.state();
    expect(state.tab?.panel).toMatchObject({ visible: true, label: 'Dialtone', icon: 'call' });
    expect(state.tab?.item).toEqual({ label: 'Dialtone', icon: 'call' });
    expect(await opened.page.getByTestId('panel-label').textContent()).toBe('Dialtone');
    const requests = (await control.log()).map((r) => r.methodName);
    expect(requests).toEqual(expect.arrayContaining(['getCallCenterSettings', 'setSoftphonePanelLabel', 'notifyInitializationComplete']));
    expect(opened.pageErrors).toEqual([]);
  });

  it('asks Salesforce for the settings once, and fetches sip.js only after ready (issue 18: nothing before ready that ready does not need)', async () => {
    opened = await openConsole(browser, server);
    await shellPhase(opened.adapter, 'ready');
    // The inline preload asked; the app took its answer instead of asking again.
    const asked = (await control.log()).filter((r) => r.methodName === 'getCallCenterSettings');
    expect(asked).toHaveLength(1);
    expect(await opened.adapter.locator('script[src*="opencti_min.js"]').count()).toBe(1);
    const timing = await opened.adapter.waitForFunction(
      () => {
        const sip = performance.getEntriesByType('resource').find((e) => /\/sip-phone-[^/]*\.js$/.test(e.name));
        const ready = performance.getEntriesByName('dialtone:ready')[0];
        return sip && ready ? { sipFetchStart: sip.startTime, ready: ready.startTime } : undefined;
      },
      undefined,
      { timeout: 20_000 },
    );
    const { sipFetchStart, ready } = (await timing.jsonValue()) as { sipFetchStart: number; ready: number };
    expect(sipFetchStart).toBeGreaterThan(ready);
  });

  it('takes its panel label and size from the call-center settings', async () => {
    await control.setSettings({
      '/reqGeneralInfo/reqDisplayName': 'Ventas Norte',
      '/reqGeneralInfo/reqSoftphoneHeight': '620',
      '/reqGeneralInfo/reqSoftphoneWidth': '410',
    });
    opened = await openConsole(browser, server);
    await shellPhase(opened.adapter, 'ready');
    const state = await control.state();
    expect(state.tab?.panel).toMatchObject({ label: 'Ventas Norte', heightPX: 620, widthPX: 410 });
    const box = await opened.page.getByTestId('panel').boundingBox();
    expect(box?.width).toBe(410);
    expect(await opened.page.getByTestId('panel-label').textContent()).toBe('Ventas Norte');
    expect(await opened.page.getByTestId('utility-item-label').textContent()).toBe('Ventas Norte');
  });

  it('names the item and the value when a connection setting is invalid', async () => {
    await control.setSettings({ '/neotelConnection/sipWebSocketUrl': 'ftp://pbx.example.com/sip' });
    opened = await openConsole(browser, server);
    await shellPhase(opened.adapter, 'config-error');
    const issues = await configIssuesShown(opened.adapter);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('/neotelConnection/sipWebSocketUrl');
    expect(issues[0]?.text).toContain('ftp://pbx.example.com/sip');
    expect(issues[0]?.text).toMatch(/wss:\/\//);
    expect(await initializationCompleted(control)).toBe(true);
  });

  it('names every missing connection setting at once', async () => {
    await control.setSettings({ '/neotelConnection/neoApiUrl': '', '/neotelConnection/sipDomain': null });
    opened = await openConsole(browser, server);
    await shellPhase(opened.adapter, 'config-error');
    const paths = (await configIssuesShown(opened.adapter)).map((i) => i.path).sort();
    expect(paths).toEqual(['/neotelConnection/neoApiUrl', '/neotelConnection/sipDomain']);
  });

  it('shows a hostile value from the definition as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const xml = realXml.replace(/(<item[^>]*name="breakTypes"[^>]*>)[^<]*(<\/item>)/, `$1${hostile.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}$2`);
    expect(xml).not.toBe(realXml);
    const imported = await control.importXml(xml);
    expect(imported.ok).toBe(true);
    await control.setSettings({ '/neotelConnection/neoApiUrl': 'http://127.0.0.1:8090/neoapi/webservice.asmx' });
    opened = await openConsole(browser, server);
    await shellPhase(opened.adapter, 'config-error');
    const issues = await configIssuesShown(opened.adapter);
    const row = issues.find((i) => i.path === '/dialtoneAgent/breakTypes');
    expect(row?.text).toContain(hostile);
    expect(await opened.adapter.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('tells the agent the call center is not configured when the definition could not be imported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dialtone-xml-'));
    const broken = join(dir, 'broken.xml');
    writeFileSync(broken, realXml.replace('</section>', '</sectoin>'));
    const { server: brokenServer } = await startConsoleWithAdapter({ callCenterXmlPath: broken, settingOverrides: {} });
    try {
      opened = await openConsole(browser, brokenServer);
      await shellPhase(opened.adapter, 'config-error');
      const paths = (await configIssuesShown(opened.adapter)).map((i) => i.path);
      expect(paths).toContain('/reqGeneralInfo/reqInternalName');
      expect(opened.pageErrors).toEqual([]);
    } finally {
      await opened?.close();
      opened = undefined;
      await brokenServer.close();
    }
  });

  it('runs standalone, without crashing, when the adapter URL is opened directly', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`${server.adapterOrigin ?? ''}/`);
      const frame = page.mainFrame();
      const text = await shellPhase(frame, 'standalone');
      expect(text).toMatch(/Salesforce/);
      expect(await frame.evaluate(() => document.querySelector('dialtone-softphone')?.shadowRoot?.querySelector('[data-reason]')?.getAttribute('data-reason'))).toBe('NOT_FRAMED');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('ignores an answer forged from a foreign origin and recovers with the real one on retry', async () => {
    await control.inject({ methodName: 'getCallCenterSettings', kind: 'NO_REPLY', count: 1 });
    opened = await openConsole(browser, server);
    const request = await control.waitForRequest('getCallCenterSettings');
    // The adapter's own origin is foreign to the library: only the console's origin may answer.
    await opened.adapter.evaluate(
      ({ callId, apiVersion }) => {
        window.postMessage(
          {
            methodName: 'getCallCenterSettings',
            callId,
            apiVersion,
            apiType: 'opencti',
            shouldExecuteCallback: true,
            shouldExecuteListener: false,
            response: { success: true, returnValue: { '/reqGeneralInfo/reqDisplayName': 'FORGED' }, errors: null },
          },
          '*',
        );
      },
      { callId: request.callId, apiVersion: request.apiVersion },
    );
    await new Promise((r) => setTimeout(r, 1000));
    expect(await shellText(opened.adapter)).not.toMatch(/FORGED|not configured/i);
    // The real answer never came: after the shim's timeout the agent gets a retry button.
    const unavailable = await shellPhase(opened.adapter, 'settings-unavailable', 15_000);
    expect(unavailable).toMatch(/timed out|10000|10 s/i);
    await opened.adapter.locator('dialtone-softphone').getByRole('button').click();
    const text = await shellPhase(opened.adapter, 'ready');
    expect(text).not.toContain('FORGED');
  });
});
