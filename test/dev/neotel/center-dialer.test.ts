import { afterEach, describe, expect, it } from 'vitest';
import { NeoFault } from '../../../dev/neotel/center/neo-fault.ts';
import { eventually, makeHarness, settle, testScenario, type Harness } from './center-harness.ts';

let h: Harness;
afterEach(() => h.center.shutdown());

const agendaAt = (text: string) => {
  const [date = '', time = ''] = text.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute, second] = time.split(':').map(Number);
  return { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second!, text };
};

describe('predictive dialer', () => {
  it('calls the customer first, then rings the agent with a platform leg and delivers GetContact once', async () => {
    h = makeHarness();
    h.loginAgent('1001', 97);
    h.center.setDialerRunning(true);
    await eventually(() => expect(h.pbx.lastAgentLeg('SIP/1001')).toBeDefined());
    const customer = h.pbx.customerLegs[0]!;
    expect(customer.request).toMatchObject({ number: '1155550101', toneHz: 523 });
    expect(customer.state).toBe('up');
    const agentLeg = h.pbx.lastAgentLeg('SIP/1001')!;
    expect(agentLeg.request).toMatchObject({ platformOriginated: true, fromNumber: '1155550101' });
    const ringing = h.position('1001');
    expect(ringing).toMatchObject({
      crmState: 'GetContact',
      crm: 3,
      base: 7,
      contactId: 12345,
      data: '003Dt000HccIdlkIIC',
      phone: '1155550101',
      callType: 'OriginateExt',
      callOrigin: 'NO PROCESADO',
      direction: 'SALIENTE',
      subState: 'RINGING',
      campaign: 97,
      outboundDialer: 'Predictive',
    });
    expect(ringing.callId).toBe(agentLeg.request.callId);
    agentLeg.answer();
    await settle();
    const up = h.position('1001');
    expect(up).toMatchObject({ subState: 'AGENT', callId: ringing.callId, recording: true });
    expect(up.recordingFile).toMatch(new RegExp(`^1155550101-${ringing.callId ?? ''}-20240714160150\\.mp3$`));
    expect(up.associatedChannels).toHaveLength(1);
    expect(h.pbx.roomOf(ringing.callId!)?.routing).toEqual({ [agentLeg.id]: [customer.id], [customer.id]: [agentLeg.id] });
    // Still one delivery: the agent is busy, and a second pass delivers nothing new.
    h.center.distributeNow();
    expect(h.pbx.agentLegs).toHaveLength(1);
  });

  it('runs the whole cycle: ShowingContact, hang-up keeps the record, UpdateContact categorises, CRM_Available frees', async () => {
    h = makeHarness();
    h.loginAgent('1001', 97);
    h.center.setDialerRunning(true);
    await eventually(() => expect(h.pbx.lastAgentLeg('SIP/1001')).toBeDefined());
    h.pbx.lastAgentLeg('SIP/1001')!.answer();
    await settle();
    const callId = h.position('1001').callId!;
    h.center.crmShowingContact('1001', 7, 12345, '003Dt000HccIdlkIIC');
    expect(h.position('1001').crmState).toBe('ShowingContact');
    h.pbx.customerLegs[0]!.end('remote');
    await settle();
    const after = h.position('1001');
    expect(after).toMatchObject({ callId: undefined, callIdLast: callId, crmState: 'ShowingContact', base: 7, contactId: 12345, subState: undefined, subStateLast: 'AGENT', directionLast: 'SALIENTE', phoneLast: '1155550101', recording: false });
    expect(h.pbx.lastAgentLeg('SIP/1001')!.state).toBe('ended');
    // No new delivery while the record is on screen.
    h.center.distributeNow();
    await settle();
    expect(h.pbx.agentLegs).toHaveLength(1);
    h.center.updateContact({ crm: 3, user: '1001', base: 7, contactId: 12345, data: '003Dt000HccIdlkIIC', subcategory: 26, xmlUpdate: '', agenda: false, agendaAt: agendaAt('2024-07-14T00:00:00'), agendaUser: '', agendaPhone: '' });
    const contact = h.center.world.contacts.get(7, 12345)!;
    expect(contact.state).toBe('CLOSED');
    expect(contact.dispositions).toMatchObject([{ user: '1001', subcategory: 26, callId }]);
    expect(h.position('1001').crmState).toBe('ShowingContact');
    h.center.crmAvailable('1001');
    expect(h.position('1001')).toMatchObject({ crmState: 'Available', base: undefined, contactId: undefined, data: undefined });
    await eventually(() => expect(h.pbx.agentLegs).toHaveLength(2));
    expect(h.position('1001').contactId).toBe(67890);
  });

  it('sends an unanswered customer to retries and gives the agent nothing', async () => {
    h = makeHarness({ scenario: testScenario((s) => (s.dialer.customerRingTimeoutMs = 40)) });
    h.center.world.numberProfiles.set('1155550101', { neverAnswer: true });
    h.loginAgent('1001', 97);
    h.center.setDialerRunning(false);
    h.center.distributeNow();
    expect(h.pbx.customerLegs).toHaveLength(1);
    expect(h.position('1001')).toMatchObject({ crmState: 'Available', callId: undefined });
    await eventually(() => expect(h.center.world.contacts.get(7, 12345)!.state).toBe('R'));
    expect(h.pbx.agentLegs).toHaveLength(0);
    expect(h.center.world.sessions.get('1001')!.reserved).toBe(false);
  });

  it('puts the record back when the agent does not answer the delivery', async () => {
    h = makeHarness();
    h.loginAgent('1001', 97);
    h.center.distributeNow();
    await eventually(() => expect(h.pbx.lastAgentLeg('SIP/1001')).toBeDefined());
    h.pbx.lastAgentLeg('SIP/1001')!.decline();
    await settle();
    expect(h.position('1001')).toMatchObject({ crmState: 'Available', base: undefined, callId: undefined });
    expect(h.pbx.customerLegs[0]!.state).toBe('ended');
    expect(h.center.world.contacts.get(7, 12345)!.state).toBe('R');
  });

  it('delivers nothing to paused, unavailable or Manual-campaign agents', async () => {
    h = makeHarness();
    h.loginAgent('1001', 97);
    h.loginAgent('1002', 97);
    h.loginAgent('1003', 3);
    h.center.pause('1001', 1);
    h.center.crmUnavailable('1002');
    h.center.setDialerRunning(true);
    await settle(80);
    expect(h.pbx.customerLegs).toHaveLength(0);
  });

  it('calls a due callback first, for the agent it was scheduled for, with ORIGEN_LLAMADA=AGENDA and IDAGENDA', async () => {
    h = makeHarness();
    h.loginAgent('1001', 97);
    const id = h.center.addScheduleCall('1001', 7, 67890, '3514239999', agendaAt('2024-07-14T16:00:00'));
    expect(id).toBe('5301');
    h.center.distributeNow();
    await eventually(() => expect(h.pbx.lastAgentLeg('SIP/1001')).toBeDefined());
    expect(h.position('1001')).toMatchObject({ contactId: 67890, callOrigin: 'AGENDA', agendaId: '5301', phone: '3514239999' });
  });

  it('schedules a callback with UpdateContact(AGENDA=true) and frees the agent at once (releaseOnAgenda)', async () => {
    h = makeHarness();
    h.loginAgent('1001', 97);
    h.center.distributeNow();
    await eventually(() => expect(h.pbx.lastAgentLeg('SIP/1001')).toBeDefined());
    h.pbx.lastAgentLeg('SIP/1001')!.answer();
    await settle();
    h.center.hangup('1001');
    h.center.setDialerRunning(false);
    h.center.updateContact({ crm: 3, user: '1001', base: 7, contactId: 12345, data: '', subcategory: 28, xmlUpdate: '<x/>', agenda: true, agendaAt: agendaAt('2024-07-15T10:30:00'), agendaUser: '1001', agendaPhone: '' });
    expect(h.position('1001')).toMatchObject({ crmState: 'Available', base: undefined });
    const { agendas } = h.center.world.contacts.snapshot();
    expect(agendas).toMatchObject([{ contactId: 12345, user: '1001', phone: '1155550101', dueAt: Date.UTC(2024, 6, 15, 13, 30, 0), source: 'UpdateContact' }]);
    expect(h.center.world.contacts.get(7, 12345)!.state).toBe('AGENDA');
  });

  it('refuses a categorisation with an unknown sub-category or contact and changes nothing', () => {
    h = makeHarness();
    h.loginAgent('1001');
    const base = { crm: 3, user: '1001', base: 7, contactId: 12345, data: '', xmlUpdate: '', agenda: false, agendaAt: agendaAt('2024-07-15T10:30:00'), agendaUser: '', agendaPhone: '' };
    expect(() => h.center.updateContact({ ...base, subcategory: 999 })).toThrow(new NeoFault('Subcategory 999 not found'));
    expect(() => h.center.updateContact({ ...base, subcategory: 26, contactId: 1 })).toThrow(new NeoFault('Contact 1 not found in base 7'));
    expect(() => h.center.closeContact(99, 1)).toThrow(new NeoFault('Base 99 not found'));
    expect(h.center.world.contacts.get(7, 12345)!.state).toBe('NP');
    expect(h.center.world.dispositionLog).toEqual([]);
  });
});

describe('CloseContact', () => {
  it('closes a record so the dialer skips it', async () => {
    h = makeHarness();
    h.center.closeContact(7, 12345);
    expect(h.center.world.contacts.get(7, 12345)!.state).toBe('CLOSED');
    h.loginAgent('1001', 97);
    h.center.distributeNow();
    await eventually(() => expect(h.pbx.lastAgentLeg('SIP/1001')).toBeDefined());
    expect(h.position('1001').contactId).toBe(67890);
  });
});

describe('preview dialer', () => {
  it('rings the agent first with the record, and dials the customer when the agent shows the contact', async () => {
    h = makeHarness({ scenario: testScenario((s) => (s.dialer.previewDelayMs = 10_000)) });
    h.loginAgent('1001', 98);
    h.center.distributeNow();
    await settle();
    expect(h.pbx.customerLegs).toHaveLength(0);
    expect(h.position('1001')).toMatchObject({ crmState: 'GetContact', base: 8, contactId: 22001, data: '00QDt000HccHf4LMIS', outboundDialer: 'Preview', subState: 'RINGING' });
    h.pbx.lastAgentLeg('SIP/1001')!.answer();
    await settle();
    expect(h.position('1001').subState).toBe('DIALING');
    expect(h.pbx.customerLegs).toHaveLength(0);
    h.center.crmShowingContact('1001', 8, 22001, '00QDt000HccHf4LMIS');
    await settle();
    expect(h.pbx.customerLegs.map((l) => l.request.number)).toEqual(['2615554444']);
    expect(h.position('1001')).toMatchObject({ subState: 'AGENT', crmState: 'ShowingContact' });
  });

  it('dials the customer by itself after previewDelayMs', async () => {
    h = makeHarness();
    h.loginAgent('1001', 98);
    h.center.distributeNow();
    await eventually(() => expect(h.pbx.lastAgentLeg('SIP/1001')).toBeDefined());
    h.pbx.lastAgentLeg('SIP/1001')!.answer();
    await eventually(() => expect(h.pbx.customerLegs).toHaveLength(1));
  });
});
