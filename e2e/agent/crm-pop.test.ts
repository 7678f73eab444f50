/**
 * Issue #5, screen pop and click-to-dial, end to end: the built adapter in the Lightning console
 * emulator against the Neotel simulator. Every pop is checked from the outside — what Salesforce
 * shows (`appViewInfo`), the Open CTI requests it received, the records it stores, the NeoApi
 * requests the platform received — and from the agent's panel (the record slice says why).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentConsole, waitFor, type AgentTab } from './support/agent-console.ts';
import { joinCampaign, leaveCampaign, logIn, requestMark, requestsOf, waitForStatus } from './support/agent-steps.ts';
import { dialOf as dialPlanOf } from './support/dial-plan.ts';

const OVERRIDES = { '/dialtoneCrm/nationalIdField': 'NationalId__c' };
const MARIA = '003Dt000HccIdlkIIC';
const NORTE = '001Dt000HccIdlkIIC';
const LUCIA = '003Dt000HfplRQxIIM';

let rig: AgentConsole;
let tab: AgentTab;

beforeAll(async () => {
  rig = await AgentConsole.start(OVERRIDES, { salesforceHost: true });
  await rig.neotel.setDialer(false);
  tab = await rig.openTab({ audioProbe: false });
});

afterAll(async () => {
  if (tab.errors.length > 0) console.info('page errors:', tab.errors);
  await rig.close();
});

/** What the product's dial plan makes of a number shown on a record (the call center as shipped). */
function dialOf(shown: string): string {
  return dialPlanOf(shown, OVERRIDES);
}

/** What Salesforce shows in the main area. */
async function shownRecord(): Promise<string | undefined> {
  return (await rig.lightning.state()).tab?.appViewInfo.recordId;
}

/** The record the panel says the call is linked to (`data-record-id`), once it shows one. */
async function linkedInPanel(recordId: string): Promise<{ reason: string | null; text: string }> {
  const linked = tab.adapter.locator(`[data-testid="record-linked"][data-record-id="${recordId}"]`);
  await linked.waitFor({ timeout: 10_000 });
  return { reason: await linked.getAttribute('data-reason'), text: (await tab.adapter.getByTestId('call-record').textContent()) ?? '' };
}

/** A customer calls the plain queue 4 and hangs up while it rings (the panel is checked meanwhile). */
async function ringFrom(number: string, clave?: string): Promise<string> {
  const { callId } = await rig.neotel.placeInbound({ number, queue: 4, ...(clave === undefined ? {} : { clave }) });
  await waitForStatus(tab.adapter, 'ringing');
  return callId;
}

async function endRinging(callId: string): Promise<void> {
  await rig.neotel.hangup(callId);
  await waitForStatus(tab.adapter, 'ready');
  await expect.poll(() => tab.adapter.getByTestId('call-record').count(), { message: 'the record slice goes with the call' }).toBe(0);
}

/** The agent hangs up the dialled call and is available again; the Task logged for that call. */
async function hangUpAndTaskOf(number: string): Promise<{ fields: Record<string, unknown> } | undefined> {
  await tab.adapter.getByTestId('hang-up').click();
  await waitForStatus(tab.adapter, 'wrapUp');
  await tab.adapter.getByTestId('available').click();
  await waitForStatus(tab.adapter, 'ready');
  const call = (await rig.neotel.calls()).find((c) => c.number === number);
  expect(call, 'the platform has the dialled call').toBeDefined();
  const [task] = await waitFor('the call\'s Task', async () => (await rig.lightning.tasks()).filter((t) => t.fields.CallObject === call?.id), (tasks) => tasks.length === 1);
  return task;
}

describe('screen pop and click-to-dial', () => {
  it('enables click-to-dial once the agent is logged in', async () => {
    expect((await rig.lightning.state()).tab?.clickToDialEnabled).toBe(false);
    await logIn(tab.adapter, rig.agent());
    await waitForStatus(tab.adapter, 'ready', 15_000);
    await waitFor('click-to-dial to be enabled', async () => (await rig.lightning.state()).tab?.clickToDialEnabled, (on) => on === true);
  });

  it('pops the Contact over the Account when both match the caller, says why, and lets the agent re-point the call', async () => {
    const callId = await ringFrom('1145551234');
    const { reason, text } = await linkedInPanel(MARIA);
    expect(reason).toBe('search');
    expect(text).toContain('María José González');
    expect(text).toContain('Phone = 1145551234');
    expect(text).toContain('searchTypePriority: Contact > Account');
    await waitFor('Salesforce to show the Contact', shownRecord, (id) => id === MARIA);
    const candidate = tab.adapter.locator(`[data-testid="record-use"][data-record-id="${NORTE}"]`);
    expect(await tab.adapter.getByTestId('record-candidates').textContent()).toContain('Distribuidora Norte S.A.');

    await candidate.click();
    const repointed = await linkedInPanel(NORTE);
    expect(repointed.reason).toBe('agent');
    expect(repointed.text).toContain('Distribuidora Norte S.A.');
    await waitFor('Salesforce to show the Account the agent chose', shownRecord, (id) => id === NORTE);
    expect(await tab.adapter.locator(`[data-testid="record-use"][data-record-id="${MARIA}"]`).count(), 'the Contact becomes a candidate').toBe(1);
    await endRinging(callId);
    const [task] = await waitFor('the call\'s Task', async () => (await rig.lightning.tasks()).filter((t) => t.fields.CallObject === callId), (tasks) => tasks.length === 1);
    expect(task?.fields, 'the Task follows the record the agent chose').toMatchObject({ WhatId: NORTE });
    expect(task?.fields.WhoId ?? null).toBeNull();
  });

  it('finds the record by the national id the IVR collected', async () => {
    const since = (await rig.lightning.log()).at(-1)?.seq ?? 0;
    const callId = await ringFrom('1199990000', 'DNI=31987456;');
    const { reason, text } = await linkedInPanel(MARIA);
    expect(reason).toBe('search');
    expect(text).toContain('NationalId__c = 31987456');
    await waitFor('Salesforce to show the record of that national id', shownRecord, (id) => id === MARIA);
    const apex = await rig.lightning.waitForRequest('runApex', { since, where: (e) => JSON.stringify(e.args).includes('NationalId__c') });
    expect(JSON.stringify(apex.args)).toContain('findByKey');
    await endRinging(callId);
  });

  it('shows in INFORMACIÓN the national id it searched by, and the last call id 0 once the call ended', async () => {
    const { callId } = await rig.neotel.placeInbound({ number: '1199990000', queue: 4, clave: 'DNI=31987456;' });
    await waitForStatus(tab.adapter, 'ringing');
    await tab.adapter.getByTestId('answer').click();
    await waitForStatus(tab.adapter, 'inCall');
    await linkedInPanel(MARIA);
    const info = (id: string) => tab.adapter.getByTestId(`info-${id}`).textContent();
    await expect.poll(() => info('search-key'), { message: 'the key searched is the IVR national id, not the number' }).toBe('31987456');
    expect(await info('call-id'), 'the call id is shown while the call is up').toBe(callId);

    await rig.neotel.hangup(callId);
    await waitForStatus(tab.adapter, 'wrapUp');
    await expect.poll(() => info('call-id'), { message: 'seed 004: the last call id becomes 0 once the call ended' }).toBe('0');
    expect(await info('search-key'), 'the contact stays on screen with its key').toBe('31987456');
    await tab.adapter.getByTestId('available').click();
    await waitForStatus(tab.adapter, 'ready');
  });

  it('opens the prefilled new-record modal when nothing matches, and re-attaches to the record once it is saved', async () => {
    const callId = await ringFrom('1160000000');
    const modal = tab.page.getByTestId('new-record-modal');
    await modal.waitFor({ timeout: 10_000 });
    expect(await modal.getAttribute('data-entity-name')).toBe('Contact');
    expect(await modal.locator('input[name=Phone]').inputValue()).toBe('1160000000');
    const syncValue = await modal.locator('input[name=neoSyncId__c]').inputValue();
    expect(syncValue).toMatch(/^\d{16}$/);
    expect(await tab.adapter.getByTestId('call-record').getAttribute('data-status')).toBe('newRecord');
    expect(await tab.adapter.getByTestId('record-sync').count(), 'the manual sync is offered').toBe(1);

    await modal.locator('input[name=LastName]').fill('Quiroga');
    await tab.page.getByTestId('modal-save').click({ force: true });
    const created = await waitFor('the Contact to be saved', async () => (await rig.lightning.records('Contact')).find((c) => String(c.fields.neoSyncId__c) === syncValue), (c) => c !== undefined);
    const id = String(created?.fields.Id);
    const { reason, text } = await linkedInPanel(id);
    expect(reason).toBe('created');
    expect(text).toContain('Quiroga');
    expect(await tab.adapter.getByTestId('record-sync').count(), 'nothing left to sync').toBe(0);
    await endRinging(callId);
  });

  it('renders a hostile record name as text', async () => {
    const created = await rig.lightning.createRecord('Contact', { LastName: '<script>alert(1)</script><b>x</b>', Phone: '0299 555-1212' });
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    const callId = await ringFrom('2995551212');
    await linkedInPanel(String(created.record.fields.Id));
    expect(await tab.adapter.getByTestId('record-name').textContent()).toBe('<script>alert(1)</script><b>x</b>');
    const panel = tab.adapter.locator('dialtone-call-record');
    expect(await panel.locator('b').count()).toBe(0);
    expect(await panel.locator('script').count()).toBe(0);
    await endRinging(callId);
  });

  it('pops a dialer contact by the record id in DATA and tells the platform it is on screen', async () => {
    const mark = await requestMark(rig.neotel);
    const since = (await rig.lightning.log()).at(-1)?.seq ?? 0;
    await joinCampaign(tab.adapter, '97');
    await waitForStatus(tab.adapter, 'inCampaign');
    await rig.neotel.setDialer(true);
    const { reason, text } = await linkedInPanel(MARIA);
    await rig.neotel.setDialer(false);
    expect(reason).toBe('recordId');
    expect(text).toContain(`DATA = ${MARIA}`);
    await waitFor('Salesforce to show the delivered record', shownRecord, (id) => id === MARIA);
    const pops = await rig.lightning.log({ method: 'screenPop', since });
    expect(pops.map((p) => JSON.stringify(p.args))).toContainEqual(expect.stringContaining(MARIA));
    expect(await rig.lightning.log({ method: 'searchAndScreenPop', since }), 'a record id needs no search').toEqual([]);
    const saved = await rig.lightning.waitForRequest('saveLog', { since, where: (e) => JSON.stringify(e.args).includes('neoContactId__c') });
    expect(JSON.stringify(saved.args), 'externalData written onto the record').toContain(MARIA);
    const shown = await waitFor('CRM_ShowingContact', () => requestsOf(rig.neotel, 'CRM_ShowingContact', mark), (r) => r.length === 1);
    expect(shown[0]?.params).toMatchObject({ BASE: '7', IDCONTACTO: '12345', DATA: MARIA });
    await waitForStatus(tab.adapter, 'inCall', 20_000);
    await tab.adapter.getByTestId('hang-up').click();
    await waitForStatus(tab.adapter, 'wrapUp');
    await tab.adapter.getByTestId('available').click();
    await waitForStatus(tab.adapter, 'inCampaign');
    await leaveCampaign(tab.adapter);
    await waitForStatus(tab.adapter, 'ready');
  });

  it('pops the record of a typed manual dial once, by the dialled number, and logs the call against it', async () => {
    const created = await rig.lightning.createRecord('Contact', { LastName: 'Benítez', Phone: '0351 555-7788' });
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    const id = String(created.record.fields.Id);
    const typed = '(351) 555 7788';
    const digits = dialOf(typed);
    await rig.neotel.setNumber({ number: digits, answerAfterMs: 300 });
    const since = (await rig.lightning.log()).at(-1)?.seq ?? 0;
    await tab.adapter.getByTestId('dial-input').fill(typed);
    await tab.adapter.getByTestId('dial-button').click();
    const { reason, text } = await linkedInPanel(id);
    expect(reason).toBe('search');
    expect(text).toContain('Benítez');
    expect(text).toContain(`Phone = ${digits}`);
    await waitFor('Salesforce to show the dialled Contact', shownRecord, (shown) => shown === id);
    await waitForStatus(tab.adapter, 'inCall', 15_000);
    const searches = await rig.lightning.log({ method: 'searchAndScreenPop', since });
    expect(searches.map((s) => JSON.stringify(s.args)), 'one search, by the dialled number, even after the platform leg').toEqual([expect.stringContaining(digits)]);
    const task = await hangUpAndTaskOf(digits);
    expect(task?.fields, 'logged against the dialled Contact').toMatchObject({ WhoId: id, CallType: 'Outbound' });
  });

  it('dials from a record through NeoApi Dial with the normalised number, and links that record', async () => {
    const lucia = await rig.lightning.record(LUCIA);
    const expected = dialOf(String(lucia?.fields.MobilePhone));
    await rig.neotel.setNumber({ number: expected, answerAfterMs: 300 });
    const mark = await requestMark(rig.neotel);
    const clicked = await rig.lightning.clickToDial(LUCIA, 'MobilePhone');
    expect(clicked.delivered).toBe(true);
    const dials = await waitFor('Dial', () => requestsOf(rig.neotel, 'Dial', mark), (r) => r.length === 1);
    expect(dials[0]?.params).toEqual({ USUARIO: rig.agent().user, TELEFONO: expected });
    const { reason, text } = await linkedInPanel(LUCIA);
    expect(reason).toBe('clickToDial');
    expect(text).toContain('Lucía Fernández');
    await waitForStatus(tab.adapter, 'inCall', 15_000);
    const task = await hangUpAndTaskOf(expected);
    expect(task?.fields, 'logged against the clicked record').toMatchObject({ WhoId: LUCIA, CallType: 'Outbound' });
  });

  it('takes the Neotel contact of a clicked record that carries its ids, so the call can be categorised (allowClickToDialSearch)', async () => {
    const maria = await rig.lightning.record(MARIA);
    expect(maria?.fields).toMatchObject({ neoContactId__c: '12345', neoBaseId__c: '7', neoCrmId__c: '3' });
    await rig.neotel.setNumber({ number: dialOf(String(maria?.fields.MobilePhone)), answerAfterMs: 300 });
    const mark = await requestMark(rig.neotel);
    expect((await rig.lightning.clickToDial(MARIA, 'MobilePhone')).delivered).toBe(true);
    const { reason } = await linkedInPanel(MARIA);
    expect(reason).toBe('clickToDial');
    await waitForStatus(tab.adapter, 'inCall', 15_000);
    await tab.adapter.getByTestId('hang-up').click();
    await waitForStatus(tab.adapter, 'wrapUp');
    await tab.adapter.getByTestId('disposition-select').selectOption('26');
    await tab.adapter.getByTestId('categorise').click();
    const updates = await waitFor('UpdateContact', () => requestsOf(rig.neotel, 'UpdateContact', mark), (r) => r.length === 1);
    expect(updates[0]?.params).toMatchObject({ CRM: '3', BASE: '7', IDCONTACTO: '12345', DATA: MARIA, SUBCATEGORIA: '26' });
    await tab.adapter.getByTestId('available').click();
    await waitForStatus(tab.adapter, 'ready');
  });

  it('disables click-to-dial at logout', async () => {
    await tab.adapter.getByTestId('logout').click();
    await waitForStatus(tab.adapter, 'loggedOut');
    await waitFor('click-to-dial to be disabled', async () => (await rig.lightning.state()).tab?.clickToDialEnabled, (on) => on === false);
    expect(tab.errors).toEqual([]);
  });
});
