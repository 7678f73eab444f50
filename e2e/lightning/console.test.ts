import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LightningControl } from '../../dev/lightning/control-client.ts';
import type { LightningServer } from '../../dev/lightning/server.ts';
import { launchChromium } from '../support/browser.ts';
import { adapterEvents, adapterFrame, call, openConsole, startConsole, type OpenConsole } from './harness.ts';

const MARIA = '003Dt000HccIdlkIIC';
const HOSTILE_CONTACT = '003Dt000Hj3EF6AIIW';
const HOSTILE_ACCOUNT = '001Dt000HfplRQxIIM';
const DISTRIBUIDORA = '001Dt000HccIdlkIIC';

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

beforeEach(async () => {
  await control.reset();
});

describe('error injection', () => {
  it('answers the next calls with the injected error codes, then normally again', async () => {
    await control.inject({ methodName: 'getCallCenterSettings', kind: 'SOFTPHONE_CONTAINER_ERROR' });
    await control.inject({ methodName: 'getCallCenterSettings', kind: 'SERVER_ERROR' });
    await control.inject({ methodName: 'getCallCenterSettings', kind: 'INVALID_PARAM', description: 'bad' });
    const codes = [];
    for (let i = 0; i < 3; i++) {
      const result = await call(ui.adapter, 'getCallCenterSettings');
      expect(result.response?.success).toBe(false);
      codes.push(result.response?.errors?.[0]?.code);
    }
    expect(codes).toEqual(['SOFTPHONE_CONTAINER_ERROR', 'SERVER_ERROR', 'INVALID_PARAM']);
    expect((await call(ui.adapter, 'getCallCenterSettings')).response?.success).toBe(true);
  });

  it('with NO_REPLY leaves the callback pending; with execute the Task is saved but its answer lost', async () => {
    await control.inject({ methodName: 'saveLog', kind: 'NO_REPLY', execute: true });
    const value = { entityApiName: 'Task', Subject: 'Llamada perdida', CallObject: 'NEO-LOST-1', TaskSubtype: 'Call', CallType: 'Inbound' };
    const result = await call(ui.adapter, 'saveLog', { value }, 600);
    expect(result).toEqual({ timedOut: true });
    expect((await control.log({ method: 'saveLog' })).at(-1)?.outcome).toBe('no-reply');
    expect((await control.tasks()).some((t) => t.fields.CallObject === 'NEO-LOST-1')).toBe(true);
  });
});

describe('saveLog', () => {
  it('reaches the adapter with Salesforce\'s validation errors as GENERIC_ERROR details', async () => {
    const value = { entityApiName: 'Task', Subject: 'x', CallType: 'inbound', WhoId: DISTRIBUIDORA, Foo__c: 1 };
    const result = await call(ui.adapter, 'saveLog', { value });
    expect(result.response?.success).toBe(false);
    const error = result.response?.errors?.[0];
    expect(error?.code).toBe('GENERIC_ERROR');
    expect(error?.details).toEqual([
      { message: 'Call Type: bad value for restricted picklist field: inbound', fields: ['CallType'] },
      { message: `Name ID: id value of incorrect type: ${DISTRIBUIDORA}`, fields: ['WhoId'] },
      { message: "No such column 'Foo__c' on sobject of type Task", fields: ['Foo__c'] },
    ]);
  });

  it('creates a Task, returns {recordId}, and refuses to update its TaskSubtype', async () => {
    const created = await call(ui.adapter, 'saveLog', { value: { entityApiName: 'Task', Subject: 'Llamada', TaskSubtype: 'Call', CallType: 'Outbound', WhoId: MARIA, CallDurationInSeconds: 42 } });
    const recordId = (created.response?.returnValue as { recordId: string }).recordId;
    expect(recordId).toMatch(/^00T[a-zA-Z0-9]{15}$/);
    expect((await control.record(recordId))?.fields.CallDurationInSeconds).toBe(42);
    const update = await call(ui.adapter, 'saveLog', { value: { Id: recordId, TaskSubtype: 'Task' } });
    expect(update.response?.errors?.[0]?.details).toEqual([
      {
        message: 'Unable to create/update fields: TaskSubtype. Please check the security settings of this field and verify that it is read/write for your profile or permission set.',
        fields: ['TaskSubtype'],
      },
    ]);
  });
});

describe('screen pops', () => {
  it('renders a record page with its fields and phones as (disabled) click-to-dial links', async () => {
    const result = await call(ui.adapter, 'screenPop', { type: 'sobject', params: { recordId: MARIA } });
    expect(result.response).toEqual({ success: true, returnValue: null, errors: null });
    expect(await ui.page.getByTestId('record-title').textContent()).toBe('María José González');
    const mobile = ui.page.getByTestId('field-MobilePhone').locator('a.click-to-dial');
    expect(await mobile.textContent()).toBe('+54 9 11 5555-0101');
    expect(await mobile.getAttribute('title')).toBe('Click to dial disabled');
    expect(ui.page.url()).toBe(`${server.origin}/lightning/r/Contact/${MARIA}/view`);
  });

  it('answers INVALID_PARAM for a pop it cannot do, and keeps the current page', async () => {
    const result = await call(ui.adapter, 'screenPop', { type: 'search', params: { searchString: 'ab' } });
    expect(result.response?.errors?.[0]?.code).toBe('INVALID_PARAM');
  });

  it('pops the new-record modal for an unknown caller; saving it creates the Contact and opens it', async () => {
    await ui.adapter.evaluate(() => window.testAdapter.listen('onNavigationChange'));
    await control.waitForRequest('onNavigationChange');
    const found = await call(ui.adapter, 'searchAndScreenPop', {
      searchParams: '+54 11 6000-0000',
      callType: 'inbound',
      defaultFieldValues: { Phone: '+54 11 6000-0000', neoSyncId__c: 1700000009999, Nonsense__c: 'x' },
    });
    expect(found.response?.returnValue).toEqual({});
    const modal = ui.page.getByTestId('new-record-modal');
    expect(await modal.isVisible()).toBe(true);
    expect(await modal.locator('input[name=Phone]').inputValue()).toBe('+54 11 6000-0000');
    expect(await ui.page.getByTestId('modal-ignored').textContent()).toContain('Nonsense__c=x');
    await modal.locator('input[name=LastName]').fill('Quiroga');
    await ui.page.getByTestId('modal-save').click();
    await ui.page.getByTestId('record-title').waitFor();
    expect(await ui.page.getByTestId('record-title').textContent()).toBe('Quiroga');
    const created = (await control.records('Contact')).find((c) => c.fields.neoSyncId__c === 1700000009999);
    expect(created?.fields.Phone).toBe('+54 11 6000-0000');
    await expect.poll(async () => (await adapterEvents(ui.adapter)).at(-1)?.payload).toMatchObject({ recordId: created?.fields.Id, objectType: 'Contact' });
  });

  it('pops the search page when a phone matches several records (Contact and Account)', async () => {
    const found = await call(ui.adapter, 'searchAndScreenPop', { searchParams: '1145551234', callType: 'inbound' });
    const records = Object.values(found.response?.returnValue as Record<string, { RecordType: string }>);
    expect(records.map((r) => r.RecordType).sort()).toEqual(['Account', 'Contact']);
    expect(await ui.page.getByTestId('view-search').isVisible()).toBe(true);
  });
});

describe('click-to-dial', () => {
  it('fires onClickToDial only while enabled, with the number as displayed', async () => {
    await ui.adapter.evaluate(() => window.testAdapter.listen('onClickToDial'));
    await control.navigate({ path: `/lightning/r/Contact/${MARIA}/view` });
    const link = ui.page.getByTestId('field-MobilePhone').locator('a.click-to-dial');
    await link.click();
    await call(ui.adapter, 'enableClickToDial');
    expect((await adapterEvents(ui.adapter)).filter((e) => e.method === 'onClickToDial')).toEqual([]);
    expect(await link.getAttribute('title')).toBe('Click to dial');
    await link.click();
    await expect.poll(async () => (await adapterEvents(ui.adapter)).filter((e) => e.method === 'onClickToDial')).toEqual([
      { method: 'onClickToDial', payload: { number: '+54 9 11 5555-0101', recordId: MARIA, recordName: 'María José González', objectType: 'Contact' } },
    ]);
    await call(ui.adapter, 'disableClickToDial');
    await link.click();
    expect(await control.clickToDial(MARIA, 'Phone')).toMatchObject({ delivered: false, reason: 'disabled' });
    expect((await adapterEvents(ui.adapter)).filter((e) => e.method === 'onClickToDial')).toHaveLength(1);
  });
});

describe('rendering', () => {
  it('shows hostile record names as text, never as markup', async () => {
    await control.navigate({ path: `/lightning/r/Contact/${HOSTILE_CONTACT}/view` });
    expect(await ui.page.getByTestId('record-title').textContent()).toBe(`<script>alert(1)</script> O'Brien <img src=x onerror="window.__xss='contact'">`);
    await control.navigate({ path: `/lightning/r/Account/${HOSTILE_ACCOUNT}/view` });
    expect(await ui.page.getByTestId('record-title').textContent()).toContain('<script>alert(1)</script>');
    await control.navigate({ path: '/lightning/page/home' });
    expect(await ui.page.locator('main img, main script').count()).toBe(0);
    expect(await ui.page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  });

  it('follows setSoftphone* calls and refuses out-of-range sizes with INVALID_PARAM', async () => {
    await call(ui.adapter, 'setSoftphoneItemLabel', { label: 'Neotel' });
    await call(ui.adapter, 'setSoftphoneItemIcon', { key: 'end_call' });
    await call(ui.adapter, 'setSoftphonePanelLabel', { label: 'En llamada' });
    await call(ui.adapter, 'setSoftphonePanelHeight', { heightPX: 500 });
    const tooSmall = await call(ui.adapter, 'setSoftphonePanelHeight', { heightPX: 100 });
    const tooWide = await call(ui.adapter, 'setSoftphonePanelWidth', { widthPX: 5000 });
    await call(ui.adapter, 'setSoftphonePanelVisibility', { visible: true });
    expect(tooSmall.response?.errors?.[0]?.code).toBe('INVALID_PARAM');
    expect(tooWide.response?.errors?.[0]?.code).toBe('INVALID_PARAM');
    expect(await ui.page.getByTestId('utility-item-label').textContent()).toBe('Neotel');
    expect(await ui.page.locator('[data-testid=utility-item] [data-icon]').getAttribute('data-icon')).toBe('end_call');
    expect(await ui.page.getByTestId('panel-label').textContent()).toBe('En llamada');
    const panel = ui.page.getByTestId('panel');
    expect(await panel.isVisible()).toBe(true);
    expect((await panel.boundingBox())?.height).toBe(500);
    await ui.page.getByTestId('utility-item').click();
    await expect.poll(async () => (await call(ui.adapter, 'isSoftphonePanelVisible')).response?.returnValue).toEqual({ visible: false });
  });
});

describe('frame re-creation (reload, pop-out)', () => {
  it('starts a new softphone instance: callIds restart and listeners and click-to-dial are gone', async () => {
    await call(ui.adapter, 'enableClickToDial');
    const { frame } = await control.recreateFrame();
    ui.adapter = await adapterFrame(ui.page, frame);
    await call(ui.adapter, 'getAppViewInfo');
    const entry = (await control.log({ method: 'getAppViewInfo' })).at(-1);
    expect(entry).toMatchObject({ frame, callId: 0 });
    const state = await control.state();
    expect(state.tab).toMatchObject({ frame, clickToDialEnabled: false, listeners: [] });
  });
});

describe('standby adapter (reqStandbyUrl + reqTimeout)', () => {
  it('keeps the softphone that calls notifyInitializationComplete in time', async () => {
    await control.setSettings({ '/reqGeneralInfo/reqStandbyUrl': `${server.adapterOrigin ?? ''}/?v=57&standby=1`, '/reqGeneralInfo/reqTimeout': '800' });
    const { frame } = await control.recreateFrame();
    ui.adapter = await adapterFrame(ui.page, frame);
    await ui.adapter.evaluate(() => window.testAdapter.callRaw('notifyInitializationComplete', []));
    await ui.page.waitForTimeout(1000);
    expect(await ui.page.locator('iframe.openctiSoftPhone').getAttribute('data-frame')).toBe(String(frame));
    expect((await control.state()).standbyActive).toBe(false);
  });

  it('switches to reqStandbyUrl for the session when the softphone stays silent past reqTimeout', async () => {
    await control.setSettings({ '/reqGeneralInfo/reqStandbyUrl': `${server.adapterOrigin ?? ''}/?v=57&standby=1`, '/reqGeneralInfo/reqTimeout': '300' });
    const { frame } = await control.recreateFrame();
    ui.adapter = await adapterFrame(ui.page, frame + 1);
    expect(ui.adapter.url()).toContain('standby=1');
    const state = await control.state();
    expect(state.standbyActive).toBe(true);
    expect(state.adapterUrl).toBe(`${server.adapterOrigin ?? ''}/?v=57&standby=1`);
  });
});
