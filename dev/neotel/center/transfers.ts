/**
 * Transfers (neoapi.md §2.7 and our choices for §8.9).
 *
 *  - Blind (`BlindTransfer`, `BlindTransferQueue`, `BlindTransferCampaign`, DTMF `*12NN`): the
 *    agent leaves at once; the customer goes to the target (a user's device rings, an outside
 *    number is called, or the call waits in a queue).
 *  - Attended (`AttendedTransfer`, `AttendedTransferQueue`): the customer waits (hears nothing)
 *    while the agent talks to the target; `CompleteTransfer` connects customer and target and drops
 *    the agent, `EndTransfer` ("Fin de transferencia") or `Hangup` drops the target and returns the
 *    agent to the customer. If the agent's own phone hangs up during the consultation, the
 *    transfer completes (what Asterisk does).
 *
 * EXTENSION is a platform user id (`1002`), a device (`SIP/1002`) or an outside number.
 */
import type { AgentLeg, LegEndReason } from '../pbx/types.ts';
import { applyRouting, detachSession, endCall, note, placeOutsideParty, removeParty, ringAgentLeg } from './call-legs.ts';
import { activeCall } from './agent-calls.ts';
import { deliverRecord } from './crm-records.ts';
import type { AgentSession, Call, Party } from './model.ts';
import { faults } from './neo-fault.ts';
import { isFreeForWork } from './sessions.ts';
import type { World } from './world.ts';

export type Destination = { kind: 'user'; session: AgentSession } | { kind: 'number'; number: string };

/** Resolves EXTENSION: a logged user (by id or device) who can take a call, or an outside number. */
export function resolveDestination(world: World, extension: string, from: string): Destination {
  const target = extension.trim();
  const session = world.sessions.get(target) ?? world.sessionOnDevice(target);
  if (session) {
    if (session.user.id === from || session.call || session.reserved || !world.pbx.registration(session.device)) throw faults.destinationNotAvailable(extension);
    return { kind: 'user', session };
  }
  if (world.users.has(target) || world.devices.has(target.toUpperCase()) || !/^\+?\d[\d*#]*$/.test(target)) throw faults.destinationNotAvailable(extension);
  return { kind: 'number', number: target };
}

/** The transferring agent leaves the call; their record stays on screen until CRM_Available. */
function agentLeaves(world: World, call: Call): void {
  const leg = call.agentLeg;
  const session = call.agent === undefined ? undefined : world.sessions.get(call.agent);
  call.agentLeg = undefined;
  call.agent = undefined;
  call.agentChannel = '';
  call.transferTo = '';
  leg?.hangup();
  if (session) detachSession(world, session, call);
}

/** Makes a platform user the new owner of `call` by ringing their device. */
function ringNewOwner(world: World, call: Call, session: AgentSession): void {
  call.phase = 'ringing';
  call.subState = 'RINGING';
  const leg = ringAgentLeg(world, call, session, {
    platformOriginated: false,
    fromNumber: call.number,
    headers: { 'X-Neotel-Transfer': 'blind' },
    onAnswered: () => {
      call.phase = 'up';
      call.subState = 'AGENT';
      applyRouting(world, call);
    },
    onMissed: (_leg, reason) => endCall(world, call, `transfer target ${session.user.id} did not answer (${reason})`),
  });
  call.agent = session.user.id;
  call.agentLeg = leg;
  call.agentChannel = world.newChannel(session.device);
  session.call = call;
  if (call.record) deliverRecord(world, session, call.record, call.id);
}

/** `BlindTransfer(USUARIO, EXTENSION)`. */
export function blindTransfer(world: World, user: string, extension: string): void {
  const call = activeCall(world, user);
  if (call.consult) throw faults.transferInProgress(user);
  const destination = resolveDestination(world, extension, user);
  note(world, call, `blind transfer by ${user} to ${extension}`);
  agentLeaves(world, call);
  if (destination.kind === 'user') {
    ringNewOwner(world, call, destination.session);
    return;
  }
  const party = placeOutsideParty(
    world,
    call,
    { number: destination.number, role: 'participant' },
    () => applyRouting(world, call),
    () => endCall(world, call, `transfer target ${destination.number} did not answer`),
  );
  call.participants.push(party);
  applyRouting(world, call);
}

/** `BlindTransferQueue(USUARIO, COLA)`: the customer waits in queue COLA (not offered back to USUARIO). */
export function blindTransferQueue(world: World, user: string, queueId: number): void {
  const call = activeCall(world, user);
  if (call.consult) throw faults.transferInProgress(user);
  const queue = world.queues.get(queueId);
  if (!queue) throw faults.queueNotFound(queueId);
  note(world, call, `blind transfer by ${user} to queue ${queueId}`);
  agentLeaves(world, call);
  call.queue = queue.id;
  call.campaign = queue.campaign;
  call.phase = 'queued';
  call.subState = '';
  call.triedAgents.clear();
  call.triedAgents.add(user);
  applyRouting(world, call);
  world.requestDistribution();
}

/** `BlindTransferCampaign(USUARIO, CAMPAÑA)`: into the first queue of that campaign. */
export function blindTransferCampaign(world: World, user: string, campaignId: number): void {
  if (!world.campaigns.has(campaignId)) throw faults.campaignNotFound(campaignId);
  const queue = world.scenario.queues.find((q) => q.campaign === campaignId);
  if (!queue) throw faults.campaignWithoutQueue(campaignId);
  blindTransferQueue(world, user, queue.id);
}

/** `*12NN` (DTMF): blind transfer to entry NN of the campaign's external transfer list. */
export function transferToListEntry(world: World, call: Call, index: number): void {
  const user = call.agent;
  const campaign = world.campaigns.get(call.campaign) ?? (user === undefined ? undefined : world.sessions.get(user)?.campaign);
  const entry = campaign?.transfers[index - 1];
  if (user === undefined || !entry) {
    note(world, call, `*12${String(index).padStart(2, '0')}: no such transfer list entry`);
    return;
  }
  blindTransfer(world, user, entry.number);
}

function startConsultation(world: World, call: Call, user: string, destination: Destination, label: string): void {
  call.transferTo = label;
  note(world, call, `attended transfer by ${user} to ${label}`);
  const back = (): void => {
    call.consult = undefined;
    call.transferTo = '';
    applyRouting(world, call);
  };
  if (destination.kind === 'number') {
    call.consult = placeOutsideParty(world, call, { number: destination.number, role: 'consult' }, () => applyRouting(world, call), back);
  } else {
    const target = destination.session;
    const agentName = world.users.get(user)?.name ?? user;
    const leg = ringAgentLeg(world, call, target, {
      platformOriginated: false,
      fromNumber: user,
      fromDisplayName: agentName,
      headers: { 'X-Neotel-Transfer': 'attended' },
      onAnswered: () => applyRouting(world, call),
      onMissed: () => {
        detachSession(world, target, call);
        back();
      },
    });
    const party: Party = { id: world.newChannel(target.device), leg, role: 'consult', destination: label, user: target.user.id, muted: false };
    call.consult = party;
    target.call = call;
  }
  applyRouting(world, call);
}

/** `AttendedTransfer(USUARIO, EXTENSION)`. */
export function attendedTransfer(world: World, user: string, extension: string): void {
  const call = activeCall(world, user);
  if (call.consult) throw faults.transferInProgress(user);
  startConsultation(world, call, user, resolveDestination(world, extension, user), extension);
}

/** `AttendedTransferQueue(USUARIO, COLA)`: consults the longest-idle free member of the queue. */
export function attendedTransferQueue(world: World, user: string, queueId: number): void {
  const call = activeCall(world, user);
  if (call.consult) throw faults.transferInProgress(user);
  const queue = world.queues.get(queueId);
  if (!queue) throw faults.queueNotFound(queueId);
  const candidate = queue.members
    .filter((member) => member !== user)
    .map((member) => world.sessions.get(member))
    .filter((s): s is AgentSession => s !== undefined && isFreeForWork(world, s))
    .sort((a, b) => a.idleSince - b.idleSince)[0];
  if (!candidate) throw faults.noAgentAvailable(queueId);
  startConsultation(world, call, user, { kind: 'user', session: candidate }, candidate.user.id);
}

/** `AttendedTransferCampaign(USUARIO, CAMPAÑA)`: consults a free member of that campaign's first queue. */
export function attendedTransferCampaign(world: World, user: string, campaignId: number): void {
  if (!world.campaigns.has(campaignId)) throw faults.campaignNotFound(campaignId);
  const queue = world.scenario.queues.find((q) => q.campaign === campaignId);
  if (!queue) throw faults.campaignWithoutQueue(campaignId);
  attendedTransferQueue(world, user, queue.id);
}

/** Connects customer and consulted party; the agent leaves. */
function completeConsultation(world: World, call: Call): void {
  const consult = call.consult;
  if (!consult) return;
  note(world, call, `transfer completed to ${consult.destination}`);
  call.consult = undefined;
  agentLeaves(world, call);
  if (consult.user !== undefined && consult.leg.kind === 'agent') {
    const session = world.sessions.get(consult.user);
    call.agent = consult.user;
    call.agentLeg = consult.leg as AgentLeg;
    call.agentChannel = consult.id;
    if (session) {
      session.call = call;
      if (call.record) deliverRecord(world, session, call.record, call.id);
    }
  } else {
    call.participants.push({ ...consult, role: 'participant' });
  }
  applyRouting(world, call);
}

/** `CompleteTransfer(USUARIO)`. */
export function completeTransfer(world: World, user: string): void {
  const call = activeCall(world, user);
  if (!call.consult) throw faults.noTransferInProgress(user);
  completeConsultation(world, call);
}

/** `EndTransfer(USUARIO)` ("Fin de transferencia"): the consulted party is dropped. */
export function endTransfer(world: World, user: string): void {
  const call = activeCall(world, user);
  if (!call.consult) throw faults.noTransferInProgress(user);
  endConsultation(world, call);
}

/** Drops the consulted party and returns the agent to the customer. */
export function endConsultation(world: World, call: Call): void {
  const consult = call.consult;
  if (!consult) return;
  note(world, call, `consultation with ${consult.destination} ended`);
  call.transferTo = '';
  removeParty(world, call, consult);
}

/** `hooks.ownerLegGone`: the agent's phone hung up. */
export function ownerLegGone(world: World, call: Call, leg: AgentLeg, reason: LegEndReason): void {
  if (call.agentLeg !== leg) return;
  if (call.consult && call.consult.leg.state !== 'ended') completeConsultation(world, call);
  else endCall(world, call, `agent ${call.agent ?? ''} hung up (${reason})`);
}
