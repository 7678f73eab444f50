/**
 * The calls an agent takes: manual Dial, inbound calls offered from a queue, dialer deliveries
 * (Predictive, Preview), plus Hangup, DTMF and on-demand recording.
 *
 * Manual Dial:   ring the agent (platform leg) ─answer─► dial the customer ─answer─► talk
 * Predictive:    dial the customer ─answer─► ring the agent (platform leg) + GetContact ─answer─► talk
 * Preview:       ring the agent (platform leg) + GetContact ─answer─► wait for CRM_ShowingContact
 *                (or `previewDelayMs`) ─► dial the customer ─answer─► talk
 * Inbound queue: the caller waits in the queue ─► ring an available member (GetContact when the
 *                queue has a CRM) ─answer─► talk; declined / no answer ─► back to the queue
 */
import type { CampaignSpec } from '../scenario/schema.ts';
import {
  applyRouting,
  attachOwner,
  createCall,
  detachSession,
  endCall,
  note,
  placeOutsideParty,
  ringAgentLeg,
} from './call-legs.ts';
import type { DialerPick } from './contact-book.ts';
import { deliverRecord, withdrawRecord } from './crm-records.ts';
import type { AgentSession, Call } from './model.ts';
import { faults } from './neo-fault.ts';
import type { World } from './world.ts';

/** Starts recording (GRABANDO=SI) and names the file like real servers: `<phone>-<IDLLAMADA>-<yyyyMMddHHmmss>.mp3`. */
export function startRecording(world: World, call: Call): void {
  call.recording = true;
  if (call.recordingFile === '') call.recordingFile = `${call.number}-${call.id}-${world.dates.compact(world.now())}.mp3`;
}

/** The call is connected end to end. */
function connected(world: World, call: Call): void {
  call.phase = 'up';
  call.subState = 'AGENT';
  call.answeredAt ??= world.now();
  if (world.campaigns.get(call.campaign)?.recording === 'total') startRecording(world, call);
  note(world, call, 'connected');
  applyRouting(world, call);
}

/** After the agent answered a platform leg: dial the customer, connect when they answer. */
function dialCustomer(world: World, call: Call): void {
  call.phase = 'dialing';
  call.subState = 'DIALING';
  call.customer = placeOutsideParty(
    world,
    call,
    { number: call.number, role: 'customer' },
    () => connected(world, call),
    () => {
      if (call.kind === 'dialer' && call.record) {
        const entry = world.contacts.get(call.record.base, call.record.contactId);
        if (entry) world.contacts.markUnanswered(entry);
      }
      endCall(world, call, 'customer did not answer');
    },
  );
}

/** `Dial(USUARIO, TELEFONO)` → false when the agent cannot dial now (in a call, unregistered, no digits, blocked). */
export function dial(world: World, user: string, number: string): boolean {
  const session = world.requireSession(user);
  const campaign = session.campaign;
  if (session.call || session.reserved || !/\d/.test(number) || !world.pbx.registration(session.device)) return false;
  if (campaign?.blockedNumbers.includes(number)) return false;
  const call = createCall(world, {
    kind: 'manual',
    direction: 'SALIENTE',
    callType: 'Manual',
    campaign: campaign?.id ?? 0,
    number,
    ...(session.record ? { record: session.record } : {}),
  });
  const leg = ringAgentLeg(world, call, session, {
    platformOriginated: true,
    fromNumber: world.scenario.platform.platformNumber,
    fromDisplayName: number,
    headers: { 'X-Neotel-Dialed': number },
    onAnswered: () => dialCustomer(world, call),
    onMissed: (_leg, reason) => endCall(world, call, `agent did not take the Dial leg (${reason})`),
  });
  attachOwner(world, call, session, leg);
  call.phase = 'ringing';
  return true;
}

export interface InboundInput {
  number: string;
  queue: number;
  dnis?: string;
  /** IVR data for CLAVE (`RUT=…;ANI=…;`); ignored when the queue builds a CLAVESF. */
  clave?: string;
  /** The key the caller gave (CONTACTO_INSERT_SALESFORCE's @DATA); empty = unknown caller. */
  data?: string;
  toneHz?: number;
}

/** A customer calls a queue: the call waits there until an agent of the queue is free. */
export function placeInbound(world: World, input: InboundInput): Call {
  const queue = world.queues.get(input.queue);
  if (!queue) throw faults.queueNotFound(input.queue);
  let record: Call['record'];
  let clave = input.clave ?? '';
  if (queue.crm !== 0 && queue.base !== 0) {
    // CONTACTO_INSERT_SALESFORCE: find the contact by CLAVE_1, insert it when unknown.
    const data = input.data ?? '';
    const entry = world.contacts.findByKey(queue.base, data) ?? world.contacts.insert(queue.base, input.number, data);
    if (entry.state !== 'IN_PROGRESS') world.contacts.markInProgress(entry, undefined);
    if (queue.claveSf) clave = `${entry.spec.id}-${data}`;
    record = { crm: queue.crm, base: queue.base, contactId: entry.spec.id, data: entry.spec.clave1, searchField: queue.searchField, agendaId: '', clave };
  }
  const call = createCall(world, {
    kind: 'inbound',
    direction: 'ENTRANTE',
    callType: 'NotSet',
    campaign: queue.campaign,
    queue: queue.id,
    dnis: input.dnis ?? queue.dnis,
    number: input.number,
    clave,
    ...(record ? { record } : {}),
  });
  // The caller is already talking to the platform (IVR), so the leg answers at once.
  call.customer = placeOutsideParty(
    world,
    call,
    { number: input.number, role: 'customer', answerAfterMs: 0, ...(input.toneHz === undefined ? {} : { toneHz: input.toneHz }) },
    () => note(world, call, `queued in ${queue.id} ${queue.name}`),
    () => endCall(world, call, 'caller hung up before being connected'),
  );
  world.requestDistribution();
  return call;
}

/** Rings a free agent for a queued call (inbound, or transferred into a queue). */
export function offerQueuedCall(world: World, call: Call, session: AgentSession): void {
  const queue = world.queues.get(call.queue);
  call.phase = 'ringing';
  call.subState = 'RINGING';
  const leg = ringAgentLeg(world, call, session, {
    platformOriginated: false,
    fromNumber: call.number,
    ...(queue ? { fromDisplayName: queue.name } : {}),
    headers: { 'X-Neotel-Queue': String(call.queue) },
    onAnswered: () => connected(world, call),
    onMissed: (_leg, reason) => backToQueue(world, call, session, reason),
  });
  attachOwner(world, call, session, leg);
  note(world, call, `offered to ${session.user.id}`);
  if (call.record) deliverRecord(world, session, call.record, call.id);
}

function backToQueue(world: World, call: Call, session: AgentSession, reason: string): void {
  note(world, call, `${session.user.id} did not answer (${reason}); back to queue ${call.queue}`);
  call.triedAgents.add(session.user.id);
  call.agent = undefined;
  call.agentLeg = undefined;
  call.agentChannel = '';
  call.phase = 'queued';
  call.subState = '';
  if (call.record) {
    withdrawRecord(world, session, call.record);
    session.delivered.delete(call.id);
  }
  detachSession(world, session, call);
  world.requestDistribution();
}

/** The dialer delivers `pick` to a free agent of an outbound Predictive or Preview campaign. */
export function deliverDialerContact(world: World, session: AgentSession, campaign: CampaignSpec, pick: DialerPick): Call {
  world.contacts.markInProgress(pick.entry, pick.agenda);
  const record = { crm: campaign.crm, base: pick.entry.base, contactId: pick.entry.spec.id, data: pick.entry.spec.clave1, searchField: '', agendaId: pick.agenda?.id ?? '', clave: '' };
  const call = createCall(world, { kind: 'dialer', direction: 'SALIENTE', callType: 'OriginateExt', origin: pick.origin, campaign: campaign.id, number: pick.phone, record });
  const abandon = (why: string): void => {
    withdrawRecord(world, session, record);
    world.contacts.release(pick.entry);
    endCall(world, call, why);
  };
  const ringAgent = (onAnswered: () => void): void => {
    const leg = ringAgentLeg(world, call, session, {
      platformOriginated: true,
      fromNumber: pick.phone,
      headers: { 'X-Neotel-Campaign': String(campaign.id) },
      onAnswered,
      onMissed: (_leg, reason) => abandon(`agent did not answer the delivery (${reason})`),
    });
    attachOwner(world, call, session, leg);
    deliverRecord(world, session, record, call.id);
  };
  if (campaign.dialer === 'Preview') {
    call.phase = 'ringing';
    ringAgent(() => {
      const go = (): void => dialCustomer(world, call);
      call.phase = 'dialing';
      call.subState = 'DIALING';
      if (session.crmState !== 'GetContact') {
        go(); // the record is already on screen
        return;
      }
      call.onShowingContact = go;
      call.cleanups.push(
        world.later(world.scenario.dialer.previewDelayMs, () => {
          if (!call.onShowingContact) return;
          call.onShowingContact = undefined;
          go();
        }),
      );
    });
    return call;
  }
  // Predictive: the customer first; the agent only hears about it once someone answered.
  session.reserved = true;
  call.reservedAgent = session.user.id;
  call.phase = 'dialing';
  call.customer = placeOutsideParty(
    world,
    call,
    { number: pick.phone, role: 'customer' },
    () => {
      note(world, call, 'customer answered; ringing the agent');
      call.answeredAt = world.now();
      call.phase = 'ringing';
      call.subState = 'RINGING';
      ringAgent(() => connected(world, call));
    },
    () => {
      world.contacts.markUnanswered(pick.entry);
      endCall(world, call, 'customer did not answer');
    },
  );
  return call;
}

/** `Hangup(USUARIO)`: ends the call; during a consultation only the consultation (seed 004). */
export function hangup(world: World, user: string, endConsultation: (call: Call) => void): void {
  const session = world.requireSession(user);
  const call = session.call;
  if (!call) return;
  if (call.agent !== user) {
    const party = [call.consult, ...call.participants].find((p) => p?.user === user);
    if (party) party.leg.hangup();
    return;
  }
  if (call.consult) endConsultation(call);
  else endCall(world, call, `${user} hung up (Hangup)`);
}

/** The agent's current call when it is connected, or `<USUARIO> has no active call.`. */
export function activeCall(world: World, user: string): Call {
  const call = world.requireSession(user).call;
  if (call?.agent !== user || (call.phase !== 'up' && call.phase !== 'dialing')) throw faults.noActiveCall(user);
  return call;
}

/** `Iniciar_Grabacion` / `Detener_Grabacion`. */
export function setRecording(world: World, user: string, on: boolean): void {
  const call = activeCall(world, user);
  if (on) startRecording(world, call);
  else call.recording = false;
}
