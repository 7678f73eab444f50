/**
 * Conference and supervisor monitoring (neoapi.md §2.8–2.9; parameters are our choices, §8.10).
 *
 * Conference: the agent's call becomes a conference (`CONFERENCIA` = its call id) and everybody
 * hears everybody not muted. Participants are addressed by the id InviteParticipant answered
 * (their channel, e.g. `SIP/NEOTRUNK-0000266b`) or by what was invited (number or user id); the
 * customer can be muted by its channel or number too.
 *
 * Monitoring: the platform rings the supervisor's device (platform leg) and keeps that leg joined
 * to whatever call the agent is in: `listen` hears everyone and is heard by nobody; `assist`
 * (whisper) is heard by the agent only. StartMonitor again switches the mode (or the agent).
 */
import {
  applyRouting,
  attachOwner,
  createCall,
  detachSession,
  endCall,
  monitorCallOf,
  note,
  placeOutsideParty,
  removeParty,
  rerouteAgentCall,
  ringAgentLeg,
} from './call-legs.ts';
import { activeCall } from './agent-calls.ts';
import type { Call, MonitorLink, Party } from './model.ts';
import { faults } from './neo-fault.ts';
import { resolveDestination } from './transfers.ts';
import type { World } from './world.ts';

/** `JoinConference(USUARIO)`. */
export function joinConference(world: World, user: string): void {
  const call = activeCall(world, user);
  call.conference = true;
  applyRouting(world, call);
}

/** `InviteParticipant(USUARIO, EXTENSION)` → the participant id. */
export function inviteParticipant(world: World, user: string, extension: string): string {
  const call = activeCall(world, user);
  const destination = resolveDestination(world, extension, user);
  call.conference = true;
  let party: Party;
  const gone = (): void => {
    note(world, call, `invitation to ${extension} not answered`);
    removeParty(world, call, party);
  };
  if (destination.kind === 'number') {
    party = placeOutsideParty(world, call, { number: destination.number, role: 'participant' }, () => applyRouting(world, call), gone);
  } else {
    const target = destination.session;
    const leg = ringAgentLeg(world, call, target, {
      platformOriginated: false,
      fromNumber: user,
      fromDisplayName: `Conferencia ${call.id}`,
      headers: { 'X-Neotel-Conference': call.id },
      onAnswered: () => applyRouting(world, call),
      onMissed: () => {
        detachSession(world, target, call);
        gone();
      },
    });
    party = { id: world.newChannel(target.device), leg, role: 'participant', destination: extension, user: target.user.id, muted: false };
    target.call = call;
  }
  call.participants.push(party);
  note(world, call, `${party.id} invited (${extension})`);
  applyRouting(world, call);
  return party.id;
}

function findParty(call: Call, participant: string, includeCustomer: boolean): Party | undefined {
  const wanted = participant.trim();
  const candidates = includeCustomer ? [call.customer, ...call.participants] : call.participants;
  return candidates.find((p) => p !== undefined && (p.id === wanted || p.destination === wanted || p.user === wanted));
}

/** `CancelInvitation(USUARIO, PARTICIPANTE)`: only while it still rings. */
export function cancelInvitation(world: World, user: string, participant: string): void {
  const call = activeCall(world, user);
  const party = findParty(call, participant, false);
  if (party?.leg.state !== 'ringing') throw faults.participantNotFound(participant);
  removeParty(world, call, party);
}

/** `KickParticipant(USUARIO, PARTICIPANTE)`. */
export function kickParticipant(world: World, user: string, participant: string): void {
  const call = activeCall(world, user);
  const party = findParty(call, participant, false);
  if (!party) throw faults.participantNotFound(participant);
  removeParty(world, call, party);
}

/** `KickAll(USUARIO)`: every invited participant leaves; the customer stays. */
export function kickAll(world: World, user: string): void {
  const call = activeCall(world, user);
  for (const party of [...call.participants]) removeParty(world, call, party);
  call.conference = false;
  applyRouting(world, call);
}

/** `MuteParticipant` / `UnmuteParticipant`. */
export function setParticipantMuted(world: World, user: string, participant: string, muted: boolean): void {
  const call = activeCall(world, user);
  const party = findParty(call, participant, true);
  if (!party) throw faults.participantNotFound(participant);
  party.muted = muted;
  applyRouting(world, call);
}

/** `MuteAll` / `UnmuteAll`: every party but the agent. */
export function setAllMuted(world: World, user: string, muted: boolean): void {
  const call = activeCall(world, user);
  for (const party of [call.customer, ...call.participants]) if (party) party.muted = muted;
  applyRouting(world, call);
}

const MODES: Readonly<Record<string, MonitorLink['mode']>> = { listen: 'listen', escuchar: 'listen', escucha: 'listen', assist: 'assist', asistir: 'assist', whisper: 'assist', barge: 'barge', intrusion: 'barge', irrumpir: 'barge' };

/** `StartMonitor(USUARIO, AGENTE, MODO)`. */
export function startMonitor(world: World, supervisor: string, agent: string, modeText: string): void {
  const session = world.requireSession(supervisor);
  if (session.user.role !== 'supervisor') throw faults.notSupervisor(supervisor);
  const key = modeText.trim().toLowerCase();
  // Own entries only: `constructor` is no monitoring mode.
  const mode = Object.hasOwn(MODES, key) ? MODES[key] : undefined;
  if (!mode) throw faults.invalidMonitorMode(modeText);
  world.requireSession(agent);
  const current = monitorCallOf(world, supervisor);
  if (current?.monitor?.agent === agent) {
    current.monitor.mode = mode;
    note(world, current, `mode ${mode}`);
    rerouteAgentCall(world, agent);
    return;
  }
  if (current) endCall(world, current, `switching to ${agent}`);
  else if (session.call || session.reserved) throw faults.positionNotFree(session.device);
  const call = createCall(world, { kind: 'monitor', direction: '', callType: 'Monitor', campaign: 0, number: agent });
  call.monitor = { agent, mode };
  const leg = ringAgentLeg(world, call, session, {
    platformOriginated: true,
    fromNumber: agent,
    fromDisplayName: `Monitor ${agent}`,
    headers: { 'X-Neotel-Monitor': `${agent};mode=${mode}` },
    onAnswered: () => {
      call.phase = 'up';
      call.subState = 'AGENT';
      call.answeredAt = world.now();
      rerouteAgentCall(world, agent);
    },
    onMissed: (_leg, reason) => endCall(world, call, `supervisor did not answer (${reason})`),
  });
  attachOwner(world, call, session, leg);
  call.phase = 'ringing';
}

/** `StopMonitor(USUARIO)`. */
export function stopMonitor(world: World, supervisor: string): void {
  world.requireSession(supervisor);
  const call = monitorCallOf(world, supervisor);
  if (!call) throw faults.notMonitoring(supervisor);
  endCall(world, call, 'StopMonitor');
}
