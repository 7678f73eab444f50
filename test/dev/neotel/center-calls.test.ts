import { afterEach, describe, expect, it } from 'vitest';
import { NeoFault } from '../../../dev/neotel/center/neo-fault.ts';
import { eventually, makeHarness, settle, type Harness } from './center-harness.ts';

let h: Harness;
afterEach(() => h.center.shutdown());

/** Logs agents in, places an inbound call to `queue` and waits for the first agent leg to ring. */
async function inboundRinging(queue: number, extra: { data?: string; clave?: string } = {}): Promise<string> {
  const call = h.center.placeInbound({ number: '2615554444', queue, ...extra });
  await eventually(() => expect(h.pbx.agentLegs.length).toBeGreaterThan(0));
  return call.id;
}

describe('manual Dial', () => {
  it('rings the agent with a platform leg first, then the customer, and bridges them (ESTADO_CRM stays Available)', async () => {
    h = makeHarness();
    h.loginAgent('1001', 3);
    expect(h.center.dial('1001', '1155550202')).toBe(true);
    const ringing = h.position('1001');
    expect(ringing).toMatchObject({ callType: 'Manual', direction: 'SALIENTE', phone: '1155550202', campaign: 3, subState: 'RINGING', crmState: 'Available' });
    expect(ringing.callId).toBeDefined();
    expect(h.pbx.customerLegs).toHaveLength(0);
    const agentLeg = h.pbx.lastAgentLeg('SIP/1001')!;
    expect(agentLeg.request).toMatchObject({ platformOriginated: true, fromNumber: '5000', fromDisplayName: '1155550202', callId: ringing.callId });
    agentLeg.answer();
    await settle();
    const customer = h.pbx.lastCustomerLeg('1155550202')!;
    expect(customer.request.toneHz).toBe(659);
    const up = h.position('1001');
    expect(up).toMatchObject({ subState: 'AGENT', crmState: 'Available', recording: false, base: undefined });
    expect(h.pbx.roomOf(ringing.callId!)?.routing).toEqual({ [agentLeg.id]: [customer.id], [customer.id]: [agentLeg.id] });
  });

  it('answers false when the agent is already in a call, has no digits to dial or dials a blocked number', () => {
    h = makeHarness();
    h.loginAgent('1001', 3);
    expect(h.center.dial('1001', 'abc')).toBe(false);
    expect(h.center.dial('1001', '911')).toBe(false);
    expect(h.center.dial('1001', '1155550202')).toBe(true);
    expect(h.center.dial('1001', '1155550303')).toBe(false);
    expect(h.pbx.agentLegs).toHaveLength(1);
  });

  it('ends both legs when the customer hangs up and when the agent hangs up (Hangup or the browser BYE)', async () => {
    h = makeHarness();
    h.loginAgent('1001', 3);
    h.center.dial('1001', '1155550202');
    h.pbx.lastAgentLeg('SIP/1001')!.answer();
    await settle();
    const first = h.position('1001').callId;
    h.pbx.lastCustomerLeg('1155550202')!.end('remote');
    await settle();
    expect(h.pbx.lastAgentLeg('SIP/1001')!.state).toBe('ended');
    expect(h.position('1001')).toMatchObject({ callId: undefined, callIdLast: first, callTypeLast: 'Manual' });

    h.center.dial('1001', '1155550202');
    h.pbx.lastAgentLeg('SIP/1001')!.answer();
    await settle();
    h.center.hangup('1001');
    expect(h.pbx.lastCustomerLeg('1155550202')!.state).toBe('ended');
    expect(h.position('1001').callId).toBeUndefined();

    h.center.dial('1001', '1155550202');
    h.pbx.lastAgentLeg('SIP/1001')!.answer();
    await settle();
    h.pbx.lastAgentLeg('SIP/1001')!.end('remote');
    await settle();
    expect(h.pbx.lastCustomerLeg('1155550202')!.state).toBe('ended');
    expect(h.position('1001').callId).toBeUndefined();
  });

  it('records on demand: Iniciar_Grabacion names the file, Detener_Grabacion stops, without a call it is refused', async () => {
    h = makeHarness();
    h.loginAgent('1001', 3);
    expect(() => h.center.setRecording('1001', true)).toThrow(new NeoFault('1001 has no active call.'));
    h.center.dial('1001', '1155550202');
    h.pbx.lastAgentLeg('SIP/1001')!.answer();
    await settle();
    h.center.setRecording('1001', true);
    const p = h.position('1001');
    expect(p.recording).toBe(true);
    expect(p.recordingFile).toBe(`1155550202-${p.callId ?? ''}-20240714160150.mp3`);
    h.center.setRecording('1001', false);
    expect(h.position('1001')).toMatchObject({ recording: false, recordingFile: p.recordingFile });
  });
});

describe('inbound queues', () => {
  it('offers a plain inbound call to the longest-idle free member: it rings, ESTADO_CRM stays Available', async () => {
    h = makeHarness();
    h.loginAgent('1002');
    h.clock.advance(1000);
    h.loginAgent('1001');
    const callId = await inboundRinging(4, { clave: 'RUT=6007453;ANI=223126917;DV=4;' });
    const leg = h.pbx.agentLegs[0]!;
    expect(leg.request).toMatchObject({ device: 'SIP/1002', platformOriginated: false, fromNumber: '2615554444', headers: { 'X-Neotel-Queue': '4' } });
    const p = h.position('1002');
    expect(p).toMatchObject({ callId, direction: 'ENTRANTE', ani: '2615554444', phone: undefined, dnis: '9992', queue: 4, campaign: 110, crmState: 'Available', base: undefined, subState: 'RINGING' });
    expect(p.claveFields).toEqual({ RUT: '6007453', ANI: '223126917', DV: '4' });
    leg.answer();
    await settle();
    expect(h.position('1002')).toMatchObject({ subState: 'AGENT', recording: true, phoneLast: '2615554444' });
  });

  it('delivers a CRM queue call as GetContact with the CLAVESF idContacto-Data of a known caller', async () => {
    h = makeHarness();
    h.loginAgent('1001');
    await inboundRinging(3, { data: '003Dt000HccIdlkIIC' });
    expect(h.position('1001')).toMatchObject({ crmState: 'GetContact', crm: 3, base: 9, contactId: 30001, data: '003Dt000HccIdlkIIC', searchField: 'CLAVE_1', clave: '30001-003Dt000HccIdlkIIC', claveSf: { contactId: 30001, data: '003Dt000HccIdlkIIC' } });
  });

  it('inserts an unknown caller (CONTACTO_INSERT_SALESFORCE) and answers the CLAVESF "idContacto-" for an empty key', async () => {
    h = makeHarness();
    h.loginAgent('1001');
    await inboundRinging(3);
    const p = h.position('1001');
    // IDCONTACTO is the platform-wide identity: the next after the highest in the scenario (67890).
    expect(p).toMatchObject({ crmState: 'GetContact', base: 9, contactId: 67891, data: undefined, clave: '67891-', claveSf: { contactId: 67891, data: '' } });
    expect(h.center.world.contacts.get(9, 67891)?.spec.phones).toEqual(['2615554444']);
  });

  it('returns a declined call to the queue and offers it to the next member; the decliner loses the record', async () => {
    h = makeHarness();
    h.loginAgent('1001');
    h.clock.advance(1000);
    h.loginAgent('1002');
    await inboundRinging(3, { data: '003Dt000HccIdlkIIC' });
    h.pbx.agentLegs[0]!.decline();
    await eventually(() => expect(h.pbx.agentLegs).toHaveLength(2));
    expect(h.pbx.agentLegs[1]!.request.device).toBe('SIP/1002');
    expect(h.position('1001')).toMatchObject({ crmState: 'Available', callId: undefined, base: undefined });
    expect(h.position('1002')).toMatchObject({ crmState: 'GetContact', contactId: 30001 });
  });

  it('keeps the call waiting while nobody is free and offers it when an agent unpauses', async () => {
    h = makeHarness();
    h.loginAgent('1001');
    h.center.pause('1001', 4);
    const call = h.center.placeInbound({ number: '2615554444', queue: 4 });
    await settle(60);
    expect(h.pbx.agentLegs).toHaveLength(0);
    expect(h.center.call(call.id)?.phase).toBe('queued');
    h.center.unpause('1001');
    await eventually(() => expect(h.pbx.agentLegs).toHaveLength(1));
  });

  it('drops the waiting call when the caller hangs up', async () => {
    h = makeHarness();
    const call = h.center.placeInbound({ number: '2615554444', queue: 4 });
    await settle();
    h.center.customerHangup(call.id);
    await settle();
    expect(h.center.call(call.id)).toMatchObject({ phase: 'ended' });
  });
});

describe('transfers', () => {
  async function connectedManualCall(): Promise<string> {
    h.center.dial('1001', '1155550202');
    h.pbx.lastAgentLeg('SIP/1001')!.answer();
    await settle();
    return h.position('1001').callId!;
  }

  it('blind-transfers to another user: the agent leaves, the target rings with the same call id', async () => {
    h = makeHarness();
    h.loginAgent('1001', 3);
    h.loginAgent('1002');
    const callId = await connectedManualCall();
    h.center.blindTransfer('1001', '1002');
    expect(h.position('1001')).toMatchObject({ callId: undefined, callIdLast: callId });
    const target = h.pbx.lastAgentLeg('SIP/1002')!;
    expect(target.request).toMatchObject({ callId, platformOriginated: false, fromNumber: '1155550202' });
    target.answer();
    await settle();
    const customer = h.pbx.lastCustomerLeg('1155550202')!;
    expect(h.pbx.roomOf(callId)?.routing).toEqual({ [target.id]: [customer.id], [customer.id]: [target.id] });
    expect(h.position('1002')).toMatchObject({ callId, subState: 'AGENT', phone: '1155550202' });
  });

  it('blind-transfers to an outside number and to a queue; refuses busy or unknown destinations untouched', async () => {
    h = makeHarness();
    h.loginAgent('1001', 3);
    h.loginAgent('1003', 3);
    const callId = await connectedManualCall();
    const before = JSON.stringify(h.center.calls());
    expect(() => h.center.blindTransfer('1001', '2001')).toThrow(new NeoFault('Destination 2001 not available'));
    expect(() => h.center.blindTransferQueue('1001', 77)).toThrow(new NeoFault('Queue 77 not found'));
    expect(JSON.stringify(h.center.calls())).toBe(before);
    h.center.blindTransferQueue('1001', 3);
    await eventually(() => expect(h.pbx.lastAgentLeg('SIP/1003')?.request.callId).toBe(callId));
    expect(h.pbx.agentLegs.filter((l) => l.request.device === 'SIP/1001')).toHaveLength(1);
  });

  it('transfers with *12NN to the campaign transfer list entry NN (SendDTMF)', async () => {
    h = makeHarness();
    h.loginAgent('1001', 3);
    const callId = await connectedManualCall();
    h.center.sendDtmf('1001', '*1201');
    await settle();
    expect(h.pbx.lastCustomerLeg('1148765432')?.state).toBe('up');
    expect(h.position('1001').callId).toBeUndefined();
    expect(h.center.call(callId)).toMatchObject({ phase: 'up', digitsSent: '*1201' });
  });

  it('runs an attended transfer: consult while the customer hears nothing, EndTransfer returns, CompleteTransfer hands over', async () => {
    h = makeHarness();
    h.loginAgent('1001', 3);
    h.loginAgent('1002');
    const callId = await connectedManualCall();
    const agent = h.pbx.lastAgentLeg('SIP/1001')!;
    const customer = h.pbx.lastCustomerLeg('1155550202')!;
    h.center.attendedTransfer('1001', '1002');
    expect(h.position('1001').forwardPhone).toBe('1002');
    const consult = h.pbx.lastAgentLeg('SIP/1002')!;
    consult.answer();
    await settle();
    expect(h.pbx.roomOf(callId)?.routing).toEqual({ [agent.id]: [consult.id], [customer.id]: [], [consult.id]: [agent.id] });
    expect(h.position('1002')).toMatchObject({ callId, subState: 'AGENT', ani: '1001', direction: 'ENTRANTE' });
    expect(() => h.center.attendedTransfer('1001', '1003')).toThrow(new NeoFault('1001 already has a transfer in progress.'));
    h.center.endTransfer('1001');
    expect(consult.state).toBe('ended');
    expect(h.pbx.roomOf(callId)?.routing).toEqual({ [agent.id]: [customer.id], [customer.id]: [agent.id] });
    expect(h.position('1002').callId).toBeUndefined();

    h.center.attendedTransfer('1001', '1002');
    const second = h.pbx.lastAgentLeg('SIP/1002')!;
    second.answer();
    await settle();
    h.center.completeTransfer('1001');
    expect(agent.state).toBe('ended');
    expect(h.position('1001').callId).toBeUndefined();
    expect(h.position('1002')).toMatchObject({ callId, phone: '1155550202', subState: 'AGENT' });
    expect(h.pbx.roomOf(callId)?.routing).toEqual({ [second.id]: [customer.id], [customer.id]: [second.id] });
  });

  it('ends only the consultation when the agent calls Hangup during an attended transfer (seed 004)', async () => {
    h = makeHarness();
    h.loginAgent('1001', 3);
    const callId = await connectedManualCall();
    h.center.attendedTransfer('1001', '1148765433');
    await settle();
    const consult = h.pbx.lastCustomerLeg('1148765433')!;
    expect(consult.state).toBe('up');
    h.center.hangup('1001');
    expect(consult.state).toBe('ended');
    expect(h.position('1001').callId).toBe(callId);
    expect(() => h.center.completeTransfer('1001')).toThrow(new NeoFault('1001 has no transfer in progress.'));
  });
});

describe('conference and monitoring', () => {
  it('invites a participant, mutes and kicks by participant id, and ends the conference with KickAll', async () => {
    h = makeHarness();
    h.loginAgent('1001', 3);
    h.center.dial('1001', '1155550202');
    h.pbx.lastAgentLeg('SIP/1001')!.answer();
    await settle();
    const callId = h.position('1001').callId!;
    const participant = h.center.inviteParticipant('1001', '1148765432');
    await settle();
    const agent = h.pbx.lastAgentLeg('SIP/1001')!.id;
    const customer = h.pbx.lastCustomerLeg('1155550202')!.id;
    const guest = h.pbx.lastCustomerLeg('1148765432')!.id;
    expect(participant).toMatch(/^SIP\/NEOTRUNK-[0-9a-f]{8}$/);
    expect(h.position('1001')).toMatchObject({ conference: callId });
    expect(h.position('1001').associatedChannels).toHaveLength(2);
    expect(h.pbx.roomOf(callId)?.routing).toEqual({ [agent]: [customer, guest], [customer]: [agent, guest], [guest]: [agent, customer] });
    h.center.setParticipantMuted('1001', participant, true);
    expect(h.pbx.roomOf(callId)?.routing).toEqual({ [agent]: [customer], [customer]: [agent], [guest]: [agent, customer] });
    expect(() => h.center.kickParticipant('1001', 'SIP/NOPE-1')).toThrow(new NeoFault('Participant SIP/NOPE-1 not found'));
    h.center.kickAll('1001');
    expect(h.position('1001').conference).toBeUndefined();
    expect(h.pbx.roomOf(callId)?.routing).toEqual({ [agent]: [customer], [customer]: [agent] });
  });

  it('lets a supervisor listen (heard by nobody) and then assist (heard by the agent only)', async () => {
    h = makeHarness();
    h.loginAgent('1001', 3);
    h.loginAgent('2001');
    expect(() => h.center.startMonitor('1001', '1002', 'listen')).toThrow(new NeoFault('User 1001 is not a supervisor'));
    expect(() => h.center.startMonitor('2001', '1001', 'spy')).toThrow(new NeoFault('Invalid monitor mode spy; expected listen, assist or barge'));
    h.center.startMonitor('2001', '1001', 'listen');
    const supervisor = h.pbx.lastAgentLeg('SIP/2001')!;
    expect(supervisor.request).toMatchObject({ platformOriginated: true, fromNumber: '1001' });
    supervisor.answer();
    await settle();
    expect(h.position('2001')).toMatchObject({ callType: 'Monitor', subState: 'AGENT', ani: '1001' });
    h.center.dial('1001', '1155550202');
    h.pbx.lastAgentLeg('SIP/1001')!.answer();
    await settle();
    const callId = h.position('1001').callId!;
    const agent = h.pbx.lastAgentLeg('SIP/1001')!.id;
    const customer = h.pbx.lastCustomerLeg('1155550202')!.id;
    expect(h.pbx.roomOf(callId)?.routing).toEqual({ [agent]: [customer], [customer]: [agent], [supervisor.id]: [agent, customer] });
    // Dialtone's Position choice (docs/neoapi-contract.md §4): the monitored agent sees how, and by whom.
    expect(h.center.position('1001')).toMatch(/\|CANALES_ASOCIADOS=[^|]*\|MONITOREO=listen\|MONITOREO_USUARIO=2001\|$/);
    expect(h.center.position('2001')).not.toContain('MONITOREO=');
    h.center.startMonitor('2001', '1001', 'asistir');
    expect(h.center.position('1001')).toContain('|MONITOREO=assist|MONITOREO_USUARIO=2001|');
    expect(h.pbx.roomOf(callId)?.routing).toEqual({ [agent]: [customer, supervisor.id], [customer]: [agent], [supervisor.id]: [agent, customer] });
    // Barge: the supervisor joins the call, so the customer hears them too.
    h.center.startMonitor('2001', '1001', 'barge');
    expect(h.center.position('1001')).toContain('|MONITOREO=barge|MONITOREO_USUARIO=2001|');
    expect(h.pbx.roomOf(callId)?.routing).toEqual({ [agent]: [customer, supervisor.id], [customer]: [agent, supervisor.id], [supervisor.id]: [agent, customer] });
    h.center.stopMonitor('2001');
    expect(supervisor.state).toBe('ended');
    expect(h.pbx.roomOf(callId)?.routing).toEqual({ [agent]: [customer], [customer]: [agent] });
    expect(h.center.position('1001')).not.toContain('MONITOREO');
    expect(() => h.center.stopMonitor('2001')).toThrow(new NeoFault('2001 is not monitoring.'));
  });
});

describe('listings and tasks', () => {
  it('lists users, queues, campaigns, break types and sub-categories as JSON', () => {
    h = makeHarness();
    h.loginAgent('1001', 97);
    expect(JSON.parse(h.center.listUsers('1001'))).toContainEqual({ Id: '1001', Nombre: 'Ana Agente', Perfil: 'Agente', Dispositivo: 'SIP/1001', Estado: 'Available', Descanso: 0, Campana: 97, Llamada: '0' });
    expect(JSON.parse(h.center.listBreakTypes('1001'))).toContainEqual({ Id: 12, Nombre: 'Almuerzo' });
    expect(JSON.parse(h.center.listQueues('1001'))).toContainEqual({ Id: 3, Nombre: 'Soporte', Campana: 110, EnEspera: 0 });
    expect(JSON.parse(h.center.listSubcategories('1001'))[0].Subcategorias).toContainEqual({ Id: 26, Nombre: 'Venta', Cierra: true, Rellamar: false, Agenda: false });
    expect(JSON.parse(h.center.listCampaigns('1001'))[0].Transferencias[1]).toEqual({ Indice: 2, Numero: '1148765433', Nombre: 'Cobranzas' });
  });

  it('runs a task template with JSON-escaped parameters, and refuses an unknown task', () => {
    h = makeHarness();
    expect(h.center.executeTask(1, ['a"b\\c'])).toBe('[{"Status":"true","Message":"Usuario a\\"b\\\\c validado"}]');
    expect(JSON.parse(h.center.executeTask(1, ['a"b\\c']))).toEqual([{ Status: 'true', Message: 'Usuario a"b\\c validado' }]);
    expect(() => h.center.executeTask(42, [])).toThrow(new NeoFault('Task 42 not found'));
  });
});
