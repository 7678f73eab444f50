/**
 * Issue 17 (seed 004), the softphone layout and the agent's auto-minimise, end to end: the built
 * adapter in the Lightning console emulator against the Neotel simulator. Checked from the outside:
 * which pages Salesforce opened (`screenPop` / `searchAndScreenPop` requests, the new-record modal),
 * whether the utility panel is open (`panel.visible`), what the record panel tells the agent.
 *
 *  - "No abrir ninguna pantalla" for a single and for several matches (item 4);
 *  - auto-minimise on the new-record form and on the search page, then on reopening the warning
 *    and the sync of the saved record (`neoSyncId__c`) (item 3).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SoftphoneLayout } from '../../dev/lightning/layout/softphone-layout.ts';
import { AgentConsole, waitFor, type AgentTab } from './support/agent-console.ts';
import { openReadyTab, waitForStatus } from './support/agent-steps.ts';

const MARIA = '003Dt000HccIdlkIIC';
/** Two Contacts share this number: no priority can pick one. */
const SHARED = '2995553434';

let rig: AgentConsole;
let tab: AgentTab;
let layout: SoftphoneLayout;

beforeAll(async () => {
  // externalData with a key every call has, so the write after the pop decision marks the pop done.
  rig = await AgentConsole.start({ '/neotelConfigOptions/externalData': 'neoPhoneNumber__c-phoneNumber' });
  layout = await rig.lightning.layout();
  for (const LastName of ['Uno', 'Dos']) {
    const created = await rig.lightning.createRecord('Contact', { LastName, Phone: '0299 555-3434' });
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
  }
  tab = await openReadyTab(rig);
});

afterAll(async () => {
  if (tab.errors.length > 0) console.info('page errors:', tab.errors);
  await rig.close();
});

const since = async (): Promise<number> => (await rig.lightning.log()).at(-1)?.seq ?? 0;
const panelVisible = async (): Promise<boolean | undefined> => (await rig.lightning.state()).tab?.panel.visible;

async function ringFrom(number: string): Promise<string> {
  const { callId } = await rig.neotel.placeInbound({ number, queue: 4 });
  await waitForStatus(tab.adapter, 'ringing');
  return callId;
}

async function endRinging(callId: string): Promise<void> {
  await rig.neotel.hangup(callId);
  await waitForStatus(tab.adapter, 'ready');
  await expect.poll(() => tab.adapter.getByTestId('call-record').count()).toBe(0);
}

describe('seed 004: the softphone layout and auto-minimise', () => {
  it('honours the layout\'s "open nothing" for a single match and for several matches', async () => {
    const rules = structuredClone(layout);
    delete rules.Inbound.screenPopSettings.SingleMatch;
    delete rules.Inbound.screenPopSettings.MultipleMatches;
    await rig.lightning.setLayout(rules);
    try {
      const before = (await rig.lightning.state()).tab?.appViewInfo.recordId;
      let mark = await since();
      let callId = await ringFrom('1145551234');
      await tab.adapter.locator(`[data-testid="record-linked"][data-record-id="${MARIA}"]`).waitFor({ timeout: 15_000 });
      await waitFor('the externalData write (the pop is done)', () => rig.lightning.log({ method: 'saveLog', since: mark }), (l) => l.length > 0);
      expect(await rig.lightning.log({ method: 'screenPop', since: mark }), 'SingleMatch "open nothing": no page').toEqual([]);
      expect((await rig.lightning.state()).tab?.appViewInfo.recordId, 'Salesforce still shows what it showed').toBe(before);
      await endRinging(callId);

      mark = await since();
      callId = await ringFrom(SHARED);
      await expect.poll(() => tab.adapter.getByTestId('record-candidate').count(), { message: 'the agent picks among both' }).toBe(2);
      expect(await tab.adapter.getByTestId('call-record').getAttribute('data-status')).toBe('layout');
      const searches = await rig.lightning.log({ method: 'searchAndScreenPop', since: mark });
      expect(searches.map((s) => (s.args as { deferred?: boolean }).deferred), 'MultipleMatches "open nothing": only the deferred search').toEqual([true]);
      expect(await rig.lightning.log({ method: 'screenPop', since: mark })).toEqual([]);
      await endRinging(callId);
    } finally {
      await rig.lightning.setLayout(layout);
    }
  });

  it('minimises on the new-record form; on reopening it says the saved record was synced', async () => {
    await tab.adapter.getByTestId('settings').locator('summary').click();
    await tab.adapter.getByTestId('auto-minimise').check();
    const callId = await ringFrom('1160000001');
    const modal = tab.page.getByTestId('new-record-modal');
    await modal.waitFor({ timeout: 15_000 });
    await waitFor('the softphone to minimise for the new record', panelVisible, (v) => v === false);
    const syncValue = await modal.locator('input[name=neoSyncId__c]').inputValue();
    await modal.locator('input[name=LastName]').fill('Paz');
    await tab.page.getByTestId('modal-save').click({ force: true });
    const created = await waitFor('the Contact saved', async () => (await rig.lightning.records('Contact')).find((c) => String(c.fields.neoSyncId__c) === syncValue), (c) => c !== undefined);

    await rig.lightning.setPanelVisible(true);
    const notice = tab.adapter.getByTestId('record-reopened');
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.getAttribute('data-reopened')).toBe('synced');
    expect(await notice.textContent()).toContain('The new record you saved is now linked to this call.');
    const linked = tab.adapter.locator(`[data-testid="record-linked"][data-record-id="${String(created?.fields.Id)}"]`);
    expect(await linked.getAttribute('data-reason')).toBe('created');
    await endRinging(callId);
  });

  it('minimised before the record was saved, reopening warns what to do and offers the sync', async () => {
    const callId = await ringFrom('1160000002');
    await tab.page.getByTestId('new-record-modal').waitFor({ timeout: 15_000 });
    await waitFor('the softphone to minimise', panelVisible, (v) => v === false);
    await rig.lightning.setPanelVisible(true);
    const notice = tab.adapter.getByTestId('record-reopened');
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.getAttribute('data-reopened')).toBe('notSynced');
    expect(await notice.textContent()).toContain('press \u201cSync new record\u201d, or release the contact');
    expect(await tab.adapter.getByTestId('record-sync').count(), 'the manual sync is there').toBe(1);
    await endRinging(callId);
  });

  it('minimises on the search page of several matches; reopening asks to pick the record', async () => {
    const mark = await since();
    const callId = await ringFrom(SHARED);
    await waitFor('the search page', () => rig.lightning.log({ method: 'searchAndScreenPop', since: mark }), (l) => l.some((s) => (s.args as { deferred?: boolean }).deferred !== true));
    await waitFor('the softphone to minimise for the search page', panelVisible, (v) => v === false);
    await rig.lightning.setPanelVisible(true);
    const notice = tab.adapter.getByTestId('record-reopened');
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.getAttribute('data-reopened')).toBe('search');
    await expect.poll(() => tab.adapter.getByTestId('record-candidate').count()).toBe(2);
    await endRinging(callId);

    // Off again: the same pop leaves the panel open.
    await tab.adapter.getByTestId('auto-minimise').uncheck();
    const again = await ringFrom('1160000003');
    await tab.page.getByTestId('new-record-modal').waitFor({ timeout: 15_000 });
    await waitFor('the pop to settle', async () => tab.adapter.getByTestId('record-sync').count(), (n) => n === 1);
    expect(await panelVisible(), 'auto-minimise off: the panel stays open').toBe(true);
    await endRinging(again);
    expect(tab.errors).toEqual([]);
  });
});
