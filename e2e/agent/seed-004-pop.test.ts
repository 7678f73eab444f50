/**
 * Issue 17 (seed 004), what a call writes, end to end: the built adapter in the Lightning console
 * emulator against the Neotel simulator. Checked from the outside — the record and Task fields
 * dev/lightning stores, the NeoApi requests dev/neotel received, the page Salesforce shows, and the
 * recording the panel's <audio> element loads.
 *
 *  - every one of the 15 externalData keys lands on the record (items 1 and 8: the campaign lookup);
 *  - the recording link on the Task and in the panel's player (item 10);
 *  - CLAVESF `idContacto-` from a private number: no search, the layout's new-record form, and the
 *    contact is categorised with the idContacto the CLAVESF carried (item 2).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AgentConsole, waitFor, type AgentTab } from './support/agent-console.ts';
import { backToReady } from './support/agent-reset.ts';
import { joinCampaign, leaveCampaign, logIn, requestMark, requestsOf, untilStatus, waitForStatus } from './support/agent-steps.ts';

const MARIA = '003Dt000HccIdlkIIC';
const CAMPAIGN_97 = '701Dt000HccCmp9IIC';
const CAMPAIGN_110 = '701Dt000HccCmpAIIS';
/** Every Neotel key of seed 004's list, each into its own field (dev/lightning's schema has them all). */
const EXTERNAL_DATA: Readonly<Record<string, string>> = {
  callCampaing: 'neoCallCampaign__c',
  callDialer: 'neoCallDialer__c',
  callId: 'neoCallId__c',
  callQueue: 'neoCallQueue__c',
  callReason: 'neoCallReason__c',
  phoneNumber: 'neoPhoneNumber__c',
  contactBaseId: 'neoBaseId__c',
  campaignCrmId: 'neoCampaignCrmId__c',
  campaignBaseId: 'neoCampaignBaseId__c',
  userOutCampaign: 'neoUserOutCampaign__c',
  crmId: 'neoCrmId__c',
  contactId: 'neoContactId__c',
  crmKey: 'neoCrmKey__c',
  SearchBy: 'neoSearchBy__c',
  SearchData: 'neoSearchData__c',
};
const OVERRIDES = {
  '/neotelConfigOptions/externalData': Object.entries(EXTERNAL_DATA).map(([key, field]) => `${field}-${key}`).join('|'),
  '/neotelConfigOptions/campaignEntityName': 'Campaign',
  '/dialtoneCrm/campaignRecords': `97=${CAMPAIGN_97}|110=${CAMPAIGN_110}`,
  '/dialtoneCrm/recordingField': 'Recording__c',
  // The scenario's Neotel server runs on Buenos Aires time (UTC−3, no DST).
  '/dialtoneCalls/platformTimeZone': 'America/Argentina/Buenos_Aires',
};

let rig: AgentConsole;
let tab: AgentTab;
let template: string;

beforeAll(async () => {
  rig = await AgentConsole.start(OVERRIDES);
  await rig.neotel.setDialer(false);
  // The recording server is dev/neotel's; its address is known only once it listens.
  template = `${rig.neotelServer.url}/control/recordings/{file}`;
  await rig.lightning.setSettings({ '/dialtoneCrm/recordingUrlTemplate': template });
  tab = await rig.openTab({ audioProbe: false });
  await logIn(tab.adapter, rig.agent());
  await waitForStatus(tab.adapter, 'ready', 15_000);
});

// Each test starts with the dialer stopped and the agent ready, out of any campaign: one that fails
// half-way (in a call, a wrap-up or campaign 97) stays one failure.
afterEach(async () => {
  await rig.neotel.setDialer(false);
  tab = await backToReady(rig, tab);
}, 60_000);

afterAll(async () => {
  if (tab.errors.length > 0) console.info('page errors:', tab.errors);
  await rig.close();
});

async function linkedInPanel(recordId: string): Promise<void> {
  await tab.adapter.locator(`[data-testid="record-linked"][data-record-id="${recordId}"]`).waitFor({ timeout: 15_000 });
}

/** Done with the call: release it when it left a contact to categorise, until the agent is back. */
async function release(): Promise<void> {
  const status = await untilStatus(tab.adapter, ['wrapUp', 'ready', 'inCampaign'], 15_000);
  if (status === 'wrapUp') await tab.adapter.getByTestId('available').click();
  await untilStatus(tab.adapter, ['ready', 'inCampaign'], 15_000);
}

describe('seed 004: what a call writes into Salesforce', () => {
  it('writes every externalData key and the campaign lookup, links the recording on the Task and plays it in the panel', async () => {
    await joinCampaign(tab.adapter, '97');
    await waitForStatus(tab.adapter, 'inCampaign');
    await rig.neotel.setDialer(true);
    await linkedInPanel(MARIA);
    await rig.neotel.setDialer(false);
    const dialerCall = await waitFor('the dialer call', async () => (await rig.neotel.calls()).find((c) => c.number === '1155550101' && c.campaign === 97), (c) => c !== undefined);
    const written = await waitFor('externalData on the record', () => rig.lightning.record(MARIA), (r) => r?.fields.neoCallDialer__c === 'Predictive');
    expect(written?.fields, 'the dialer call\'s Position, key by key').toMatchObject({
      neoCallCampaign__c: '97',
      neoCallDialer__c: 'Predictive',
      neoCallId__c: dialerCall?.id,
      neoCallReason__c: 'NO PROCESADO',
      neoPhoneNumber__c: '1155550101',
      neoBaseId__c: '7',
      neoCampaignCrmId__c: '3',
      neoCampaignBaseId__c: '7',
      neoUserOutCampaign__c: '97',
      neoCrmId__c: '3',
      neoContactId__c: '12345',
      neoCrmKey__c: MARIA,
      neoSearchBy__c: 'DATA',
      neoSearchData__c: MARIA,
      neoCampaign__c: CAMPAIGN_97,
    });

    // Campaign 97 records every call: once connected, Position names the file and the panel plays it.
    await waitForStatus(tab.adapter, 'inCall', 20_000);
    const file = await waitFor('the recording file', async () => (await rig.neotel.call(dialerCall?.id ?? '')).recordingFile, (f) => typeof f === 'string' && f !== '');
    const url = template.replace('{file}', encodeURIComponent(file));
    const audio = tab.adapter.getByTestId('recording-audio');
    await audio.waitFor({ timeout: 15_000 });
    expect(await audio.getAttribute('src')).toBe(url);
    expect(await audio.getAttribute('aria-label')).toBe('Play the call recording');
    await tab.adapter.getByTestId('hang-up').click();
    await waitForStatus(tab.adapter, 'wrapUp');
    const loaded = await waitFor(
      'the <audio> element to load the recording',
      () => tab.adapter.getByTestId('recording-audio').evaluate((el) => ({ state: (el as HTMLAudioElement).readyState, duration: (el as HTMLAudioElement).duration })),
      (a) => a.state >= 1 && a.duration > 0,
      15_000,
    );
    expect(loaded.duration, 'the WAV dev/neotel recorded plays').toBeGreaterThan(0);
    expect(await tab.adapter.getByTestId('recording-failed').count()).toBe(0);
    await tab.adapter.getByTestId('available').click();
    await waitForStatus(tab.adapter, 'inCampaign');
    const [task] = await waitFor('the call\'s Task', async () => (await rig.lightning.tasks()).filter((t) => t.fields.CallObject === dialerCall?.id), (t) => t.length === 1);
    expect(task?.fields.Recording__c, 'the chosen Task field holds the link').toBe(url);
    expect(String(task?.fields.Description)).toContain(`Recording: ${url}`);
    await leaveCampaign(tab.adapter);
    await waitForStatus(tab.adapter, 'ready');

    // A queue call brings the queue (and campaign 110's record); the agent is no longer in a campaign.
    const { callId } = await rig.neotel.placeInbound({ number: '1155550101', queue: 3, data: MARIA });
    await waitForStatus(tab.adapter, 'ringing');
    await linkedInPanel(MARIA);
    const after = await waitFor('the queue call\'s externalData', () => rig.lightning.record(MARIA), (r) => r?.fields.neoCallQueue__c === '3');
    expect(after?.fields).toMatchObject({ neoCallQueue__c: '3', neoCallCampaign__c: '110', neoCallId__c: callId, neoCampaign__c: CAMPAIGN_110, neoBaseId__c: '9', neoContactId__c: '30001' });
    const empty = Object.values(EXTERNAL_DATA).filter((field) => after?.fields[field] === undefined || after.fields[field] === null || after.fields[field] === '');
    expect(empty, 'all 15 keys written onto the record').toEqual([]);
    await rig.neotel.hangup(callId);
    await release();
  });

  it('CLAVESF idContacto- from a private number: no search, the layout\'s new-record form, categorised by that idContacto', async () => {
    const mark = await requestMark(rig.neotel);
    const since = (await rig.lightning.log()).at(-1)?.seq ?? 0;
    const { callId } = await rig.neotel.placeInbound({ number: 'anonymous', queue: 3, data: '' });
    await waitForStatus(tab.adapter, 'ringing');
    const modal = tab.page.getByTestId('new-record-modal');
    await modal.waitFor({ timeout: 15_000 });
    expect(await modal.getAttribute('data-entity-name'), 'the layout\'s NoMatch rule').toBe('Contact');
    const searches = await rig.lightning.log({ method: 'searchAndScreenPop', since });
    expect(searches.length).toBeGreaterThan(0);
    expect(searches.filter((s) => JSON.stringify(s.args).includes('searchParams')), 'nothing to search by: no search').toEqual([]);
    const summary = await rig.neotel.call(callId);
    const clave = summary.clave;
    expect(clave, 'CONTACTO_INSERT_SALESFORCE returned idContacto-').toMatch(/^\d+-$/);
    const contactId = clave.slice(0, -1);

    await tab.adapter.getByTestId('answer').click();
    await waitForStatus(tab.adapter, 'inCall');
    await tab.adapter.getByTestId('hang-up').click();
    await waitForStatus(tab.adapter, 'wrapUp');
    await tab.adapter.getByTestId('disposition-select').selectOption('26');
    await tab.adapter.getByTestId('categorise').click();
    const updates = await waitFor('UpdateContact', () => requestsOf(rig.neotel, 'UpdateContact', mark), (r) => r.length === 1);
    expect(updates[0]?.params, 'the contact the CLAVESF named is categorised').toMatchObject({ CRM: '3', BASE: '9', IDCONTACTO: contactId, SUBCATEGORIA: '26' });
    await release();
    expect(tab.errors).toEqual([]);
  });

  // Answered and hung up at once, this call often begins and ends between two Position polls:
  // its contact then arrives after the hang-up (docs/position-poller.md, "A call shorter than a poll").
  it('books a callback in the customer\'s local time, shows the agent\'s beside it, and sends FECHA_AGENDA in the platform\'s zone', async () => {
    const mark = await requestMark(rig.neotel);
    // A Los Angeles caller (area 213): PST in December, UTC−8.
    await rig.neotel.placeInbound({ number: '+12135550142', queue: 3, data: '' });
    await waitForStatus(tab.adapter, 'ringing');
    await tab.adapter.getByTestId('answer').click();
    await waitForStatus(tab.adapter, 'inCall');
    await tab.adapter.getByTestId('hang-up').click();
    await waitForStatus(tab.adapter, 'wrapUp');
    await tab.adapter.getByTestId('schedule-toggle').click();
    await tab.adapter.getByTestId('disposition-select').selectOption('28');
    const zoneLine = tab.adapter.getByTestId('callback-zone');
    expect(await zoneLine.getAttribute('data-zone'), 'the zone of the number\'s area').toBe('America/Los_Angeles');
    expect(await zoneLine.textContent()).toContain('Customer\u2019s time (America/Los_Angeles)');
    const soon = new Date(Date.now() + 2 * 86_400_000);
    const day = `${soon.getUTCFullYear()}-${String(soon.getUTCMonth() + 1).padStart(2, '0')}-${String(soon.getUTCDate()).padStart(2, '0')}`;
    await tab.adapter.getByTestId('callback-date').fill(day);
    await tab.adapter.getByTestId('callback-time').fill('10:00');
    const instant = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), 18, 0, 0);
    const agentZone = await tab.page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    const agentWall = new Intl.DateTimeFormat('sv-SE', { timeZone: agentZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
    expect(await tab.adapter.getByTestId('callback-agent-time').textContent(), 'the agent\'s own time beside it').toContain(`Your time: ${agentWall}`);
    await tab.adapter.getByTestId('schedule-callback').click();
    await untilStatus(tab.adapter, ['ready'], 15_000);
    const updates = await waitFor('UpdateContact', () => requestsOf(rig.neotel, 'UpdateContact', mark), (r) => r.length === 1);
    expect(updates[0]?.params, '10:00 in Los Angeles is 15:00 in Buenos Aires').toMatchObject({ AGENDA: 'true', SUBCATEGORIA: '28', FECHA_AGENDA: `${day}T15:00:00` });
    expect(tab.errors).toEqual([]);
  });
});
