import type { Browser, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightningControl } from '../../dev/lightning/control-client.ts';
import type { LightningServer } from '../../dev/lightning/server.ts';
import { launchChromium } from '../support/browser.ts';
import { adapterEvents, call, openConsole, startConsole, type OpenConsole } from './harness.ts';

let browser: Browser;
let server: LightningServer;
let control: LightningControl;
let ui: OpenConsole;

beforeAll(async () => {
  ({ server, control } = await startConsole());
  browser = await launchChromium();
  ui = await openConsole(browser, server, control);
});

afterAll(async () => {
  await browser.close();
  await server.close();
});

describe('Open CTI round trip in a real browser', () => {
  it('frames the adapter like Salesforce: mode and sfdcIframeOrigin appended after its own query, microphone allowed', async () => {
    const iframe = ui.page.locator('iframe.openctiSoftPhone');
    expect(await iframe.getAttribute('allow')).toBe('microphone; autoplay');
    expect(await iframe.getAttribute('src')).toBe(`${server.adapterOrigin}/?v=57&mode=Lightning&sfdcIframeOrigin=${encodeURIComponent(server.origin)}`);
  });

  it('initialises the library in the frame and answers getCallCenterSettings with the imported call center', async () => {
    const result = await call(ui.adapter, 'getCallCenterSettings');
    expect(result.response?.success).toBe(true);
    const settings = result.response?.returnValue as Record<string, string>;
    expect(settings['/reqGeneralInfo/reqInternalName']).toBe('DialtoneCTI');
    expect(settings['/reqGeneralInfo/reqAdapterUrl']).toBe(`${server.adapterOrigin}/?v=57`);
  });

  it('sends requests with a shared per-window callId counter, the library apiVersion and apiType opencti', async () => {
    await call(ui.adapter, 'getSoftphoneLayout');
    await call(ui.adapter, 'isSoftphonePanelVisible');
    const log = await control.log();
    const ids = log.map((entry) => entry.callId);
    expect(ids).toEqual(ids.map((_, i) => i));
    expect(new Set(log.map((entry) => entry.apiVersion))).toEqual(new Set([57]));
    expect(log.every((entry) => entry.outcome === 'replied')).toBe(true);
  });

  it('runs every registered listener on each navigation, with the record the console shows', async () => {
    await ui.adapter.evaluate(() => {
      window.testAdapter.listen('onNavigationChange');
      window.testAdapter.listen('onNavigationChange');
    });
    await control.waitForRequests('onNavigationChange', 2);
    await control.navigate({ path: '/lightning/r/Contact/003Dt000HccIdlkIIC/view' });
    const events = (await adapterEvents(ui.adapter)).filter((e) => e.method === 'onNavigationChange');
    expect(events).toHaveLength(2);
    expect(events[0]?.payload).toEqual({
      url: `${server.origin}/lightning/r/Contact/003Dt000HccIdlkIIC/view`,
      recordId: '003Dt000HccIdlkIIC',
      recordName: 'María José González',
      objectType: 'Contact',
    });
    expect(await ui.page.getByTestId('record-title').textContent()).toBe('María José González');
  });

  it('runs a callback only for a reply from the console origin with the exact apiVersion and apiType, and only once', async () => {
    await control.inject({ methodName: 'getAppViewInfo', kind: 'NO_REPLY' });
    await ui.adapter.evaluate(() => window.testAdapter.callAndRecord('getAppViewInfo', {}, 'pending'));
    const request = await control.waitForRequest('getAppViewInfo', { where: (e) => e.outcome === 'no-reply' });
    const reply = {
      methodName: 'getAppViewInfo',
      callId: request.callId,
      apiVersion: 57,
      apiType: 'opencti',
      response: { success: true, returnValue: { url: 'delivered' }, errors: null },
      shouldExecuteCallback: true,
      shouldExecuteListener: false,
    };
    // Same shape, wrong sender: the adapter's own origin is not sfdcIframeOrigin.
    await ui.adapter.evaluate((m) => window.postMessage(m, '*'), reply);
    // Right sender, wrong details.
    await postFromConsole([
      { ...reply, apiVersion: 56 },
      { ...reply, apiVersion: '57' },
      { ...reply, apiType: 'interaction' },
      { ...reply, shouldExecuteCallback: false },
    ]);
    await call(ui.adapter, 'isSoftphonePanelVisible');
    expect(await ui.adapter.evaluate(() => window.testAdapter.state.callbacks)).toEqual([]);

    await postFromConsole([reply, reply]);
    await call(ui.adapter, 'isSoftphonePanelVisible');
    expect(await ui.adapter.evaluate(() => window.testAdapter.state.callbacks)).toEqual([{ tag: 'pending', response: reply.response }]);
  });

  it('ignores messages that are not from its adapter frame or do not say apiType opencti', async () => {
    const probe = (callId: number, apiType = 'opencti') => ({ methodName: 'getCallCenterSettings', callId, apiVersion: 57, apiType, isCallbackRegistered: true, isListenerRegistered: false, args: {} });
    await ui.adapter.evaluate((m) => window.testAdapter.postToParent(m), probe(9001, 'interaction'));
    await ui.page.evaluate((m) => window.postMessage(m, '*'), probe(9002));
    // Another window of the adapter's origin is still not the adapter frame.
    await ui.page.evaluate((src) => {
      const stranger = document.createElement('iframe');
      stranger.src = src;
      document.body.append(stranger);
    }, `${server.adapterOrigin ?? ''}/?stranger=1`);
    const stranger = await waitForFrame((url) => url.includes('stranger=1'));
    await stranger.evaluate((m) => window.parent.postMessage(m, '*'), probe(9003));
    await call(ui.adapter, 'isSoftphonePanelVisible');
    const callIds = (await control.log()).map((e) => e.callId);
    expect(callIds).not.toContain(9001);
    expect(callIds).not.toContain(9002);
    expect(callIds).not.toContain(9003);
  });
});

/** A frame of the console page whose URL matches, once it exists. */
async function waitForFrame(matches: (url: string) => boolean): Promise<Frame> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const frame = ui.page.frames().find((f) => matches(f.url()));
    if (frame) {
      await frame.waitForLoadState('load');
      return frame;
    }
    await ui.page.waitForTimeout(50);
  }
  throw new Error('No such frame appeared within 5 s');
}

/** Posts messages to the adapter frame from the console page, to the adapter's origin. */
async function postFromConsole(messages: unknown[]): Promise<void> {
  await ui.page.evaluate(
    ([list, origin]) => {
      const frame = document.querySelector<HTMLIFrameElement>('iframe.openctiSoftPhone');
      for (const m of list) frame?.contentWindow?.postMessage(m, origin);
    },
    [messages, server.adapterOrigin ?? ''] as const,
  );
}
