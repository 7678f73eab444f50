/**
 * Issue 17, the attendant features (seed 000) and CONFIGURACIÓN's panel size, end to end: the built
 * adapter in the Lightning console emulator (under Salesforce's rules: https My Domain console,
 * cross-site adapter) against the Neotel simulator. Proofs are read from the outside: the NeoApi
 * requests the platform received, what Salesforce shows and the panel size it applied, and the
 * history the agent sees after a reload (IndexedDB), until "Forget me".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { AgentConsole, waitFor, type AgentTab } from './support/agent-console.ts';
import { logIn, requestMark, requestsOf, untilStatus, waitForStatus } from './support/agent-steps.ts';
import { dialOf } from './support/dial-plan.ts';

const MARIA = '003Dt000HccIdlkIIC';
const MARIA_PHONE = '1145551234';
const CRM_QUEUE = 3;

let rig: AgentConsole;
let tab: AgentTab;

/** Every `registerProtocolHandler` call of every frame, recorded before the page's own scripts run. */
const RECORD_REGISTRATIONS = `(() => {
  const original = navigator.registerProtocolHandler?.bind(navigator);
  window.__registered = [];
  if (original) navigator.registerProtocolHandler = (scheme, url) => { window.__registered.push({ scheme, url }); return original(scheme, url); };
})();`;

beforeAll(async () => {
  rig = await AgentConsole.start({}, { salesforceHost: true });
  await rig.neotel.setDialer(false);
  await rig.context.addInitScript({ content: RECORD_REGISTRATIONS });
  tab = await rig.openTab({ audioProbe: false });
});

afterAll(async () => {
  if (tab.errors.length > 0) console.info('page errors:', tab.errors);
  await rig.close();
});

/** Reloads the console tab and opens the softphone panel again (a new page load of the adapter). */
async function reload(): Promise<Frame> {
  await tab.page.reload();
  await tab.page.getByTestId('utility-item').click();
  const handle = await tab.page.waitForSelector('iframe.openctiSoftPhone', { state: 'attached', timeout: 10_000 });
  const adapter = await handle.contentFrame();
  if (!adapter) throw new Error('The utility panel has no softphone frame after the reload');
  tab = { ...tab, adapter };
  return adapter;
}

/** Unfolds the settings (a click on an open <details> would fold them). */
async function openSettings(): Promise<void> {
  const settings = tab.adapter.getByTestId('settings');
  if (!(await settings.evaluate((details) => (details as HTMLDetailsElement).open))) await settings.locator('summary').click();
}

async function logInAndWait(agent = 0): Promise<void> {
  await logIn(tab.adapter, rig.agent(agent));
  await waitForStatus(tab.adapter, 'ready', 15_000);
}

/** The history entries the agent sees: who, facts, record id. */
async function historyShown(): Promise<{ who: string; facts: string; record: string | null; direction: string | null }[]> {
  const entries = tab.adapter.getByTestId('history-entry');
  const shown = [];
  for (let i = 0; i < (await entries.count()); i += 1) {
    const entry = entries.nth(i);
    shown.push({
      who: (await entry.getByTestId('history-who').textContent()) ?? '',
      facts: ((await entry.getByTestId('history-facts').textContent()) ?? '').replace(/\s+/g, ' '),
      record: await entry.getAttribute('data-record-id'),
      direction: await entry.getAttribute('data-direction'),
    });
  }
  return shown;
}

describe('CONFIGURACIÓN: the panel size', () => {
  it('restores the width and height the agent chose at the next load, through setSoftphonePanelWidth/Height', async () => {
    await waitFor('the panel at the call center\'s size', async () => (await rig.lightning.state()).tab?.panel, (panel) => panel !== undefined);
    const before = (await rig.lightning.state()).tab?.panel;
    expect(before?.widthPX, 'the test needs a size other than the default').not.toBe(420);
    await openSettings();
    await tab.adapter.getByTestId('panel-width').fill('150');
    await tab.adapter.getByTestId('apply-size').click();
    expect(await tab.adapter.getByTestId('panel-size-help').textContent(), 'a size outside Open CTI\'s range is refused, saying why').toContain('200–1920');
    expect(await tab.adapter.getByTestId('panel-width').getAttribute('aria-invalid')).toBe('true');
    await tab.adapter.getByTestId('panel-width').fill('420');
    await tab.adapter.getByTestId('panel-height').fill('640');
    await tab.adapter.getByTestId('apply-size').click();
    await waitFor('Salesforce to resize the panel', async () => (await rig.lightning.state()).tab?.panel, (panel) => panel?.widthPX === 420 && panel.heightPX === 640);

    await reload();
    await waitFor('the new page\'s panel to be at the agent\'s size again, with no click', async () => (await rig.lightning.state()).tab?.panel, (panel) => panel?.widthPX === 420 && panel.heightPX === 640);
  });
});

describe('call history and Show in CRM', () => {
  it('keeps an answered, categorised call with its direction, number, record, talk time and disposition', async () => {
    await logInAndWait();
    // The history panel is a lazy part (its chunk loads at REGISTER 200): wait for it to be drawn, not for the status pill.
    await expect.poll(() => tab.adapter.getByTestId('history-empty').count(), { message: 'a new agent has no history', timeout: 10_000 }).toBe(1);
    const { callId } = await rig.neotel.placeInbound({ number: MARIA_PHONE, queue: CRM_QUEUE, data: MARIA });
    await waitForStatus(tab.adapter, 'ringing', 15_000);
    await tab.adapter.getByTestId('answer').click();
    await waitForStatus(tab.adapter, 'inCall');
    await tab.adapter.locator(`[data-testid="record-linked"][data-record-id="${MARIA}"]`).waitFor({ timeout: 10_000 });
    expect(await tab.adapter.getByTestId('call-record').getByTestId('crm-source-icon').getAttribute('aria-label'), 'the call whose record was found shows the source icon').toBe('Found in Salesforce');
    await tab.page.waitForTimeout(1100); // talk for a second, so the talk time is not 0:00
    await rig.neotel.hangup(callId);
    await waitForStatus(tab.adapter, 'wrapUp');
    await tab.adapter.getByTestId('disposition-select').selectOption('26');
    await tab.adapter.getByTestId('categorise').click();
    await expect.poll(() => tab.adapter.getByTestId('disposition-saved').count()).toBe(1);
    await tab.adapter.getByTestId('available').click();
    await waitForStatus(tab.adapter, 'ready');

    await expect.poll(async () => (await historyShown())[0]?.facts ?? '', { message: 'the entry carries the disposition', timeout: 10_000 }).toContain('Venta');
    const [entry] = await historyShown();
    expect(entry).toMatchObject({ who: 'María José González', record: MARIA, direction: 'inbound' });
    expect(entry?.facts).toContain('Incoming');
    expect(entry?.facts).toContain(MARIA_PHONE);
    expect(entry?.facts).toMatch(/Talked 0:0[1-9]/u);
    expect(await tab.adapter.getByTestId('history-entry').first().getByTestId('crm-source-icon').count(), 'a history entry with a record shows the source icon').toBe(1);
  });

  it('opens the entry\'s record in Salesforce with Show in CRM (Open CTI screenPop)', async () => {
    await rig.lightning.navigate({ path: '/lightning/page/home' });
    await waitFor('Salesforce to leave the record', async () => (await rig.lightning.state()).tab?.appViewInfo.recordId, (id) => id !== MARIA);
    await tab.adapter.getByTestId('history-entry').first().getByTestId('history-show-in-crm').click();
    await waitFor('Salesforce to show the record again', async () => (await rig.lightning.state()).tab?.appViewInfo.recordId, (id) => id === MARIA);
  });

  it('redials an entry through NeoApi Dial, and the dialled call joins the history as outgoing', async () => {
    const mark = await requestMark(rig.neotel);
    await rig.neotel.setNumber({ number: dialOf(MARIA_PHONE), answerAfterMs: 300 });
    await tab.adapter.getByTestId('history-entry').first().getByTestId('history-redial').click();
    const dials = await waitFor('Dial', () => requestsOf(rig.neotel, 'Dial', mark), (r) => r.length === 1);
    expect(dials[0]?.params).toEqual({ USUARIO: rig.agent().user, TELEFONO: dialOf(MARIA_PHONE) });
    await waitForStatus(tab.adapter, 'inCall', 15_000);
    await tab.adapter.getByTestId('hang-up').click();
    await waitForStatus(tab.adapter, 'wrapUp');
    await tab.adapter.getByTestId('available').click();
    await waitForStatus(tab.adapter, 'ready');
    await expect.poll(async () => (await historyShown()).map((e) => e.direction), { timeout: 10_000 }).toEqual(['outbound', 'inbound']);
  });

  it('keeps the history across a reload, for that agent only, and "Forget me" erases it', async () => {
    // Another agent takes this browser: the first logs out (a reload alone carries their session on, docs/reload.md).
    await tab.adapter.getByTestId('logout').click();
    await waitForStatus(tab.adapter, 'loggedOut');
    await reload();
    await logInAndWait(1);
    await tab.adapter.getByTestId('history-empty').waitFor({ timeout: 10_000 });
    await tab.page.waitForTimeout(500); // give another agent's history (wrongly) the time to load
    expect(await historyShown(), 'another agent on the same browser does not see these calls').toEqual([]);
    await tab.adapter.getByTestId('logout').click();
    await waitForStatus(tab.adapter, 'loggedOut');
    await logInAndWait(0);
    await expect.poll(async () => (await historyShown()).length, { message: 'the history comes back from IndexedDB', timeout: 10_000 }).toBe(2);
    await openSettings();
    await tab.adapter.getByTestId('forget-me').click();
    await expect.poll(() => tab.adapter.getByTestId('history-empty').count()).toBe(1);
    await reload();
    // The same agent's session, resumed (docs/reload.md); without a kept device password the phone
    // is not registered again ("unreachable") until the agent logs in again, as the notice says.
    await untilStatus(tab.adapter, ['ready', 'unreachable'], 30_000);
    await tab.page.waitForTimeout(500); // give a (wrongly) kept history the time to load
    expect(await historyShown(), 'nothing comes back after "Forget me"').toEqual([]);
    await tab.adapter.getByTestId('logout').click();
    await waitForStatus(tab.adapter, 'loggedOut');
    await logInAndWait();
  });
});

describe('tel:, sip: and callto: links', () => {
  it('registers Dialtone for tel, sip and web+callto from the agent\'s click, with a same-origin handler URL', async () => {
    await openSettings();
    await tab.adapter.getByTestId('register-phone-links').click();
    await expect.poll(() => tab.adapter.getByTestId('phone-links').getAttribute('data-status')).toBe('registered');
    const registered = await tab.adapter.evaluate(() => (window as unknown as { __registered: { scheme: string; url: string }[] }).__registered);
    const adapterUrl = new URL(tab.adapter.url());
    expect(registered.map((r) => r.scheme)).toEqual(['tel', 'sip', 'web+callto']);
    for (const r of registered) expect(r.url).toBe(`${adapterUrl.origin}${adapterUrl.pathname}?link=%s`);
  });

  it('dials a clicked tel: link from the tab that owns the phone (NeoApi Dial with that number)', async () => {
    const [registration] = await tab.adapter.evaluate(() => (window as unknown as { __registered: { scheme: string; url: string }[] }).__registered);
    if (!registration) throw new Error('nothing was registered');
    const link = 'tel:+54-11-5555-0303';
    await rig.neotel.setNumber({ number: dialOf(link.slice(4)), answerAfterMs: 300 });
    const mark = await requestMark(rig.neotel);
    const clicked = await rig.context.newPage();
    await clicked.goto(registration.url.replace('%s', encodeURIComponent(link)));
    const dials = await waitFor('Dial', () => requestsOf(rig.neotel, 'Dial', mark), (r) => r.length === 1);
    expect(dials[0]?.params).toEqual({ USUARIO: rig.agent().user, TELEFONO: dialOf(link.slice(4)) });
    await expect.poll(() => clicked.getByTestId('link-status').getAttribute('data-status')).toBe('dialling');
    await waitForStatus(tab.adapter, 'inCall', 15_000);

    // A second link while on that call is refused, and the link page says why.
    const busy = await rig.context.newPage();
    await busy.goto(registration.url.replace('%s', encodeURIComponent('sip:1145550404@pbx.example.com')));
    await expect.poll(() => busy.getByTestId('link-status').getAttribute('data-status'), { timeout: 10_000 }).toBe('busy');
    expect(await requestsOf(rig.neotel, 'Dial', mark), 'the busy link dialled nothing').toHaveLength(1);
    await tab.adapter.getByTestId('hang-up').click();
    await waitForStatus(tab.adapter, 'wrapUp');
    await tab.adapter.getByTestId('available').click();
    await waitForStatus(tab.adapter, 'ready');

    const bad = await rig.context.newPage();
    await bad.goto(registration.url.replace('%s', encodeURIComponent('sip:alice@example.com')));
    await expect.poll(() => bad.getByTestId('link-status').textContent()).toContain('no phone number to dial');
    await Promise.all([clicked.close(), busy.close(), bad.close()]);
  });
});
