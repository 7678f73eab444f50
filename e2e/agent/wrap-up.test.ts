/**
 * Issue #5, wrap-up, end to end (docs/wrap-up.md): in the real product (Lightning console emulator
 * framing the built adapter, Neotel simulator behind it) the agent categorises, schedules a
 * callback and lets the countdown release the contact. Every step is checked from the outside:
 * the NeoApi requests the platform received, in order, and what the simulator's contact book
 * recorded (dispositions and callbacks).
 *
 * Contacts come from the CRM queue (3, base 9, CLAVESF): each test's caller gives a new key, so
 * the platform inserts a fresh contact and tests never share one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agenda, BaseSnapshot, ContactSnapshot } from '../../dev/neotel/center/contact-book.ts';
import { AgentConsole, waitFor, type AgentTab } from './support/agent-console.ts';
import { logIn, requestMark, requestsOf, waitForStatus } from './support/agent-steps.ts';

const CRM_QUEUE = 3;

/** The simulator's contact book: the contact whose key is `data`, with its base, and the callbacks booked for it. */
async function contactByKey(rig: AgentConsole, data: string): Promise<{ base: BaseSnapshot; contact: ContactSnapshot; agendas: Agenda[] }> {
  const book = await rig.neotel.contacts();
  for (const base of book.bases) {
    const contact = base.contacts.find((c) => c.clave1 === data);
    if (contact) return { base, contact, agendas: book.agendas.filter((a) => a.base === base.id && a.contactId === contact.id) };
  }
  throw new Error(`the contact book has no contact with key ${data}`);
}

/** A local date `days` from today (browser and test share the zone), as the date picker holds it. */
function dayFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The call's Task in Salesforce (`CallObject` = the platform call id) once it carries a `CallDisposition`. */
async function dispositionOfTask(rig: AgentConsole, callId: string): Promise<unknown> {
  const task = await waitFor(
    `the Task of call ${callId} with its CallDisposition`,
    async () => (await rig.lightning.tasks()).filter((t) => t.fields.CallObject === callId),
    (tasks) => tasks.length === 1 && typeof tasks[0]!.fields.CallDisposition === 'string',
    15_000,
  );
  return task[0]!.fields.CallDisposition;
}

/** A customer with key `data` calls the CRM queue; the agent answers; the customer hangs up: wrap-up. */
async function callEndsInWrapUp(rig: AgentConsole, tab: AgentTab, number: string, data: string): Promise<string> {
  const mark = await requestMark(rig.neotel);
  const { callId } = await rig.neotel.placeInbound({ number, queue: CRM_QUEUE, data });
  await waitForStatus(tab.adapter, 'ringing', 15_000);
  await tab.adapter.getByTestId('answer').click();
  await waitForStatus(tab.adapter, 'inCall');
  await waitFor('the delivered contact to be acknowledged (CRM_ShowingContact)', () => requestsOf(rig.neotel, 'CRM_ShowingContact', mark), (r) => r.length === 1);
  await rig.neotel.hangup(callId);
  await waitForStatus(tab.adapter, 'wrapUp');
  return callId;
}

async function startAgent(overrides: Readonly<Record<string, string>> = {}): Promise<{ rig: AgentConsole; tab: AgentTab }> {
  const rig = await AgentConsole.start(overrides);
  await rig.neotel.setDialer(false);
  const tab = await rig.openTab({ audioProbe: false });
  await logIn(tab.adapter, rig.agent());
  await waitForStatus(tab.adapter, 'ready', 15_000);
  return { rig, tab };
}

describe('wrap-up with UpdateContact (the definition as shipped)', () => {
  let rig: AgentConsole;
  let tab: AgentTab;
  beforeAll(async () => {
    ({ rig, tab } = await startAgent());
  });
  afterAll(async () => {
    if (tab.errors.length > 0) console.info('page errors:', tab.errors);
    await rig.close();
  });

  it('categorises: UpdateContact with the sub-category and the delivered contact’s CRM/BASE/IDCONTACTO/DATA, then Play sends CRM_Available', async () => {
    const data = 'E2E-WRAP-CATEGORISE';
    const callId = await callEndsInWrapUp(rig, tab, '1144441001', data);
    const mark = await requestMark(rig.neotel);
    await tab.adapter.getByTestId('disposition-select').selectOption('26');
    await tab.adapter.getByTestId('categorise').click();
    await expect.poll(() => tab.adapter.getByTestId('disposition-saved').count()).toBe(1);
    expect(await tab.adapter.getByTestId('disposition-saved').textContent()).toContain('Venta');

    const { base, contact } = await contactByKey(rig, data);
    const updates = await requestsOf(rig.neotel, 'UpdateContact', mark);
    expect(updates.map((r) => r.params)).toEqual([
      expect.objectContaining({
        CRM: String(base.crm),
        USUARIO: rig.agent().user,
        BASE: String(base.id),
        IDCONTACTO: String(contact.id),
        DATA: data,
        SUBCATEGORIA: '26',
        AGENDA: 'false',
      }),
    ]);
    expect(contact.dispositions.map((d) => [d.subcategory, d.user]), 'the platform recorded the disposition on the contact').toEqual([[26, rig.agent().user]]);
    expect(contact.state, 'Venta closes the contact in the scenario').toBe('CLOSED');
    expect(await requestsOf(rig.neotel, 'CRM_Available', mark), 'categorising alone does not make the agent available').toEqual([]);

    await tab.adapter.getByTestId('available').click();
    await waitForStatus(tab.adapter, 'ready');
    const available = await requestsOf(rig.neotel, 'CRM_Available', mark);
    expect(available).toHaveLength(1);
    expect(available[0]!.seq, 'CRM_Available comes after UpdateContact').toBeGreaterThan(updates[0]!.seq);
    expect(await dispositionOfTask(rig, callId), 'the disposition reaches the call’s Task').toBe('Venta');
  });

  let scheduledCall = '';
  it('refuses a callback in the past with a message next to the date, and sends nothing', async () => {
    scheduledCall = await callEndsInWrapUp(rig, tab, '1144441002', 'E2E-WRAP-SCHEDULE');
    const mark = await requestMark(rig.neotel);
    await tab.adapter.getByTestId('schedule-toggle').click();
    await tab.adapter.getByTestId('disposition-select').selectOption('28');
    await tab.adapter.getByTestId('callback-date').fill(dayFromToday(-1));
    await tab.adapter.getByTestId('callback-time').fill('10:30');
    await tab.adapter.getByTestId('schedule-callback').click();
    await expect.poll(() => tab.adapter.getByTestId('callback-error').textContent()).toContain('The callback must be later than now');
    expect(await tab.adapter.getByTestId('callback-date').getAttribute('aria-invalid')).toBe('true');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await requestsOf(rig.neotel, 'UpdateContact', mark)).toEqual([]);
    expect(await requestsOf(rig.neotel, 'AddScheduleCall', mark)).toEqual([]);
    expect((await contactByKey(rig, 'E2E-WRAP-SCHEDULE')).agendas).toEqual([]);
    expect(await tab.adapter.getByTestId('status').getAttribute('data-status')).toBe('wrapUp');
  });

  it('schedules: UpdateContact with AGENDA=true and the picked FECHA_AGENDA, and the agent is ready again without Play', async () => {
    const data = 'E2E-WRAP-SCHEDULE';
    const mark = await requestMark(rig.neotel);
    const day = dayFromToday(1);
    await tab.adapter.getByTestId('callback-date').fill(day);
    await tab.adapter.getByTestId('callback-time').fill('10:30');
    expect(await tab.adapter.getByTestId('callback-phone').inputValue(), 'the number to call back starts as the caller’s').toBe('1144441002');
    await tab.adapter.getByTestId('callback-phone').fill('1144449999');
    await tab.adapter.getByTestId('schedule-callback').click();
    await waitForStatus(tab.adapter, 'ready');

    const { base, contact, agendas } = await contactByKey(rig, data);
    const updates = await requestsOf(rig.neotel, 'UpdateContact', mark);
    expect(updates.map((r) => r.params)).toEqual([
      expect.objectContaining({
        CRM: String(base.crm),
        BASE: String(base.id),
        IDCONTACTO: String(contact.id),
        DATA: data,
        SUBCATEGORIA: '28',
        AGENDA: 'true',
        FECHA_AGENDA: `${day}T10:30:00`,
        USUARIO_AGENDA: rig.agent().user,
        TEL_AGENDA: '1144449999',
      }),
    ]);
    expect(await requestsOf(rig.neotel, 'CRM_Available', mark), 'a callback frees the agent by itself (seed 004)').toEqual([]);
    const [year, month, date] = day.split('-').map(Number) as [number, number, number];
    // The scenario's platform runs on Buenos Aires time (UTC−3, no DST): it reads the wall time there.
    expect(agendas).toEqual([
      expect.objectContaining({ user: rig.agent().user, phone: '1144449999', source: 'UpdateContact', dueAt: Date.UTC(year, month - 1, date, 13, 30) }),
    ]);
    expect(contact.state).toBe('AGENDA');
    expect(contact.dispositions.map((d) => d.subcategory)).toEqual([28]);
    expect(await dispositionOfTask(rig, scheduledCall)).toBe('Agenda');
    await waitFor('Position to show the agent available on the platform', async () => (await rig.neotel.positions()).find((p) => p.user === rig.agent().user), (p) => p?.position.includes('ESTADO_CRM=Available|') === true);
  });
});

describe('wrap-up with schedulingMethod=AddScheduleCall', () => {
  let rig: AgentConsole;
  let tab: AgentTab;
  beforeAll(async () => {
    ({ rig, tab } = await startAgent({ '/dialtoneCalls/schedulingMethod': 'AddScheduleCall' }));
  });
  afterAll(async () => {
    if (tab.errors.length > 0) console.info('page errors:', tab.errors);
    await rig.close();
  });

  it('books the callback with AddScheduleCall, then sends CRM_Available by itself', async () => {
    const data = 'E2E-WRAP-ADDSCHEDULE';
    const callId = await callEndsInWrapUp(rig, tab, '1144441003', data);
    const mark = await requestMark(rig.neotel);
    await tab.adapter.getByTestId('schedule-toggle').click();
    expect(await tab.adapter.getByTestId('callback-mine').count(), 'AddScheduleCall callbacks are always the agent’s own').toBe(0);
    await tab.adapter.getByTestId('disposition-select').selectOption('28');
    const day = dayFromToday(2);
    await tab.adapter.getByTestId('callback-date').fill(day);
    await tab.adapter.getByTestId('callback-time').fill('09:15');
    await tab.adapter.getByTestId('schedule-callback').click();
    await waitForStatus(tab.adapter, 'ready');

    const { base, contact, agendas } = await contactByKey(rig, data);
    const added = await requestsOf(rig.neotel, 'AddScheduleCall', mark);
    expect(added.map((r) => r.params)).toEqual([
      { USUARIO: rig.agent().user, BASE: String(base.id), IDCONTACTO: String(contact.id), DATA: data, TELEFONO: '1144441003', FECHA_AGENDA: `${day}T09:15:00` },
    ]);
    const available = await requestsOf(rig.neotel, 'CRM_Available', mark);
    expect(available).toHaveLength(1);
    expect(available[0]!.seq).toBeGreaterThan(added[0]!.seq);
    expect(await requestsOf(rig.neotel, 'UpdateContact', mark)).toEqual([]);
    const [year, month, date] = day.split('-').map(Number) as [number, number, number];
    expect(agendas).toEqual([expect.objectContaining({ user: rig.agent().user, phone: '1144441003', source: 'AddScheduleCall', dueAt: Date.UTC(year, month - 1, date, 12, 15) })]);
    expect(await dispositionOfTask(rig, callId), 'the sub-category AddScheduleCall cannot carry still reaches the Task').toBe('Agenda');
  });
});

describe('automatic release after a short countdown', () => {
  const SECONDS = 8;
  let rig: AgentConsole;
  let tab: AgentTab;
  beforeAll(async () => {
    ({ rig, tab } = await startAgent({ '/neotelConfigOptions/automaticContactRelease': String(SECONDS) }));
  });
  afterAll(async () => {
    if (tab.errors.length > 0) console.info('page errors:', tab.errors);
    await rig.close();
  });

  it('shows the countdown, then releases the contact by itself with CRM_Available and nothing else', async () => {
    const callId = await callEndsInWrapUp(rig, tab, '1144441004', 'E2E-WRAP-AUTO');
    const mark = await requestMark(rig.neotel);
    const countdown = tab.adapter.getByTestId('release-countdown');
    expect(await countdown.textContent()).toMatch(/released automatically in 0:0\d/);
    expect(await tab.adapter.getByTestId('release-announcement').textContent()).toMatch(/released automatically in \d seconds/);
    await waitForStatus(tab.adapter, 'ready', (SECONDS + 10) * 1000);
    expect(await requestsOf(rig.neotel, 'CRM_Available', mark)).toHaveLength(1);
    expect(await requestsOf(rig.neotel, 'UpdateContact', mark)).toEqual([]);
    expect(await countdown.count(), 'the countdown is gone with the wrap-up').toBe(0);
    const { contact } = await contactByKey(rig, 'E2E-WRAP-AUTO');
    expect(contact.dispositions, 'released uncategorised').toEqual([]);
    expect(await dispositionOfTask(rig, callId)).toBe('released');
  });
});
