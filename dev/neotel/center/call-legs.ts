/**
 * Call primitives on top of the PBX seam: creating a call and its room, ringing an agent,
 * placing an outside party, computing who hears whom, and ending a call cleanly (every leg hung
 * up, every session detached, the room closed, the distribution asked to run).
 */
import type { AgentLeg, Leg, LegEndReason, Routing } from '../pbx/types.ts';
import { syncLast, viewOf } from './call-view.ts';
import type { AgentSession, Call, CallKind, CrmRecord, Party } from './model.ts';
import type { World } from './world.ts';

export interface LegHandlers {
  answered?: () => void;
  ended?: (reason: LegEndReason, detail?: string) => void;
  dtmf?: (digit: string) => void;
}

/**
 * Subscribes to a leg, also when it already answered or ended before we listened (the PBX may end
 * an agent leg synchronously when the device is not registered).
 */
export function watchLeg(leg: Leg, handlers: LegHandlers): void {
  let ended = false;
  const onEnded = (reason: LegEndReason, detail?: string): void => {
    if (ended) return;
    ended = true;
    handlers.ended?.(reason, detail);
  };
  if (handlers.answered) leg.on('answered', handlers.answered);
  leg.on('ended', onEnded);
  if (handlers.dtmf) leg.on('dtmf', handlers.dtmf);
  if (leg.state === 'up' && handlers.answered) queueMicrotask(handlers.answered);
  if (leg.state === 'ended') queueMicrotask(() => onEnded('unreachable', 'the leg had ended before it was watched'));
}

export interface NewCall {
  kind: CallKind;
  direction: Call['direction'];
  callType: string;
  origin?: string;
  campaign: number;
  queue?: number;
  dnis?: string;
  number: string;
  clave?: string;
  record?: CrmRecord;
}

/** Registers a new platform call with its own room (the PBX records under its id). */
export function createCall(world: World, input: NewCall): Call {
  const id = world.newCallId();
  const call: Call = {
    id,
    kind: input.kind,
    direction: input.direction,
    callType: input.callType,
    origin: input.origin ?? '',
    campaign: input.campaign,
    queue: input.queue ?? 0,
    dnis: input.dnis ?? '',
    number: input.number,
    clave: input.clave ?? '',
    record: input.record,
    agent: undefined,
    reservedAgent: undefined,
    agentLeg: undefined,
    agentChannel: '',
    customer: undefined,
    consult: undefined,
    participants: [],
    conference: false,
    monitor: undefined,
    phase: 'queued',
    subState: '',
    startedAt: world.now(),
    answeredAt: undefined,
    endedAt: undefined,
    endReason: '',
    recording: false,
    recordingFile: '',
    transferTo: '',
    room: world.pbx.createRoom(id),
    digitsSent: '',
    digitsReceived: '',
    triedAgents: new Set(),
    events: [],
    cleanups: [],
    onShowingContact: undefined,
  };
  world.calls.set(id, call);
  note(world, call, `created (${input.kind}, ${input.number || 'no number'})`);
  return call;
}

/** Appends to the call's history (control API). */
export function note(world: World, call: Call, what: string): void {
  call.events.push({ at: world.now(), what });
}

/** How an outside number behaves: its contact's tone and answer delay, or the control API's override. */
export function customerProfile(world: World, number: string): { toneHz: number; answerAfterMs: number; neverAnswer: boolean } {
  const override = world.numberProfiles.get(number);
  const contact = world.scenario.bases.flatMap((b) => b.contacts).find((c) => c.phones.includes(number));
  return {
    toneHz: override?.toneHz ?? contact?.toneHz ?? world.scenario.platform.customerToneHz,
    answerAfterMs: override?.answerAfterMs ?? contact?.answerAfterMs ?? world.scenario.dialer.customerAnswerAfterMs,
    neverAnswer: override?.neverAnswer ?? contact?.neverAnswer ?? false,
  };
}

/** True while `leg` still has a role in `call` (owner, customer, consulted party or participant). */
export function isLegOfCall(call: Call, leg: Leg): boolean {
  return call.agentLeg === leg || [call.customer, call.consult, ...call.participants].some((p) => p?.leg === leg);
}

/**
 * A leg of the call ended after it had answered. The owner's leg is the flows' business
 * (`hooks.ownerLegGone`: complete a consultation or end the call); the customer ends the call;
 * a consulted party or participant just leaves, and a call with no agent ends when fewer than two
 * parties remain.
 */
export function handleLegGone(world: World, call: Call, leg: Leg, reason: LegEndReason): void {
  if (call.phase === 'ended' || !isLegOfCall(call, leg)) return;
  if (call.agentLeg === leg) {
    world.hooks.ownerLegGone(call, leg as AgentLeg, reason);
    return;
  }
  const party = [call.customer, call.consult, ...call.participants].find((p) => p?.leg === leg);
  if (!party) return;
  if (party.role === 'customer') {
    endCall(world, call, `customer hung up (${reason})`);
    return;
  }
  note(world, call, `${party.id} left (${reason})`);
  removeParty(world, call, party);
  const remaining = [call.customer, ...call.participants].filter((p) => p !== undefined && p.leg.state !== 'ended');
  if (call.agentLeg === undefined && remaining.length < 2) endCall(world, call, 'the last party of a transferred call hung up');
}

/**
 * Places an outside party (customer, external transfer target, invitee). `onAnswered` runs when
 * it answers; `onMissed` when it ends before answering (busy, no answer within the customer ring
 * timeout). After answering, its end goes to {@link handleLegGone}.
 */
export function placeOutsideParty(
  world: World,
  call: Call,
  input: { number: string; role: Party['role']; toneHz?: number; answerAfterMs?: number },
  onAnswered: (party: Party) => void,
  onMissed: (party: Party) => void,
): Party {
  const profile = customerProfile(world, input.number);
  const leg = world.pbx.callCustomer({
    number: input.number,
    toneHz: input.toneHz ?? profile.toneHz,
    answerAfterMs: input.answerAfterMs ?? profile.answerAfterMs,
    neverAnswer: profile.neverAnswer,
  });
  const party: Party = { id: world.newTrunkChannel(), leg, role: input.role, destination: input.number, muted: false };
  let answered = false;
  const cancelTimeout = world.later(world.scenario.dialer.customerRingTimeoutMs, () => {
    if (!answered) leg.hangup();
  });
  call.cleanups.push(cancelTimeout);
  watchLeg(leg, {
    answered: () => {
      answered = true;
      cancelTimeout();
      if (call.phase !== 'ended') onAnswered(party);
    },
    ended: (reason) => {
      cancelTimeout();
      if (answered) handleLegGone(world, call, leg, reason);
      else if (call.phase !== 'ended' && isLegOfCall(call, leg)) onMissed(party);
    },
    dtmf: (digit) => {
      call.digitsReceived += digit;
    },
  });
  return party;
}

export interface RingAgentOptions {
  platformOriginated: boolean;
  fromNumber: string;
  fromDisplayName?: string;
  headers?: Record<string, string>;
  onAnswered: (leg: AgentLeg) => void;
  /** The agent leg ended before answering (declined, no answer, unreachable) while still part of the call. */
  onMissed: (leg: AgentLeg, reason: LegEndReason) => void;
}

/**
 * Rings an agent's device for `call`. The caller attaches the leg (owner or party) right after;
 * once answered, the leg's end goes to {@link handleLegGone} and its digits to `hooks.agentDigit`.
 */
export function ringAgentLeg(world: World, call: Call, session: AgentSession, options: RingAgentOptions): AgentLeg {
  const leg = world.pbx.callAgent({
    device: session.device,
    callId: call.id,
    fromNumber: options.fromNumber,
    ...(options.fromDisplayName === undefined ? {} : { fromDisplayName: options.fromDisplayName }),
    platformOriginated: options.platformOriginated,
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    ringTimeoutMs: world.scenario.dialer.agentRingTimeoutMs,
  });
  let answered = false;
  watchLeg(leg, {
    answered: () => {
      answered = true;
      if (call.phase !== 'ended' && isLegOfCall(call, leg)) options.onAnswered(leg);
    },
    ended: (reason) => {
      if (answered) handleLegGone(world, call, leg, reason);
      else if (call.phase !== 'ended' && isLegOfCall(call, leg)) options.onMissed(leg, reason);
    },
    dtmf: (digit) => {
      if (call.agentLeg === leg) world.hooks.agentDigit(call, digit);
    },
  });
  return leg;
}

/** Makes `call` the session's current call with the agent leg as the owner's. */
export function attachOwner(world: World, call: Call, session: AgentSession, leg: AgentLeg): void {
  call.agent = session.user.id;
  call.agentLeg = leg;
  call.agentChannel = world.newChannel(session.device);
  session.call = call;
  session.reserved = false;
  call.reservedAgent = undefined;
  if (call.subState === '') call.subState = 'RINGING';
}

/** Detaches a session from a call it no longer takes part in. */
export function detachSession(world: World, session: AgentSession, call: Call): void {
  if (session.call !== call) return;
  // The `_ULT` keys keep this call even when no Position was rendered while it lasted.
  syncLast(session, viewOf(session, call));
  session.call = undefined;
  session.idleSince = world.now();
  session.lastCallStartedAt = call.startedAt;
}

const upLeg = (leg: Leg | undefined): leg is Leg => leg?.state === 'up';

/**
 * Who hears whom in a call's room. Normal call: agent ⇄ customer. Consultation: agent ⇄ consulted
 * party, the customer hears nothing (on hold). Conference (or no agent left): everyone hears
 * everyone not muted. Monitors of the owning agent hear every leg; in assist mode the agent also
 * hears the supervisor, the customer never does; in barge mode every party hears the supervisor.
 */
export function computeRouting(world: World, call: Call): Routing {
  const agent = upLeg(call.agentLeg) ? call.agentLeg : undefined;
  const customer = call.customer && upLeg(call.customer.leg) ? call.customer : undefined;
  const consult = call.consult && upLeg(call.consult.leg) ? call.consult : undefined;
  const participants = call.participants.filter((p) => upLeg(p.leg));
  const routes: Record<string, string[]> = {};
  const all = [agent?.id, customer?.leg.id, consult?.leg.id, ...participants.map((p) => p.leg.id)].filter((id): id is string => id !== undefined);
  for (const id of all) routes[id] = [];
  const muted = new Set([customer, ...participants].filter((p) => p?.muted).map((p) => p!.leg.id));
  if (consult && agent) {
    routes[agent.id] = [consult.leg.id];
    routes[consult.leg.id] = [agent.id];
  } else {
    for (const listener of all) routes[listener] = all.filter((speaker) => speaker !== listener && !muted.has(speaker));
  }
  for (const monitor of monitorsOf(world, call.agent)) {
    const supervisor = monitor.agentLeg;
    if (!upLeg(supervisor)) continue;
    routes[supervisor.id] = [...all];
    const mode = monitor.monitor?.mode;
    if (mode === 'assist' && agent) routes[agent.id] = [...(routes[agent.id] ?? []), supervisor.id];
    // Barge: the supervisor joins the call; every party who hears someone hears them too (a
    // customer on hold during a consultation hears nobody, so not the supervisor either).
    if (mode === 'barge') for (const id of all) if ((routes[id] ?? []).length > 0) routes[id] = [...(routes[id] ?? []), supervisor.id];
  }
  return routes;
}

/** Monitor calls currently watching `agent`. */
export function monitorsOf(world: World, agent: string | undefined): Call[] {
  if (agent === undefined) return [];
  return [...world.calls.values()].filter((c) => c.kind === 'monitor' && c.monitor?.agent === agent && c.phase !== 'ended');
}

/** The supervisor's own monitoring call, if any. */
export function monitorCallOf(world: World, supervisor: string): Call | undefined {
  for (const call of world.calls.values()) if (call.kind === 'monitor' && call.agent === supervisor && call.phase !== 'ended') return call;
  return undefined;
}

/** Pushes the current routing to the PBX. */
export function applyRouting(world: World, call: Call): void {
  if (call.phase === 'ended') return;
  call.room.setRouting(computeRouting(world, call));
}

/** Re-routes the call the agent is in (monitors joined, left or switched mode). */
export function rerouteAgentCall(world: World, agent: string): void {
  const call = world.sessions.get(agent)?.call;
  if (call?.agent === agent && call.kind !== 'monitor') applyRouting(world, call);
}

/** Ends a call: every leg hung up, sessions detached, room closed. Idempotent. */
export function endCall(world: World, call: Call, reason: string): void {
  if (call.phase === 'ended') return;
  call.phase = 'ended';
  call.endedAt = world.now();
  call.endReason = reason;
  note(world, call, `ended: ${reason}`);
  for (const cleanup of call.cleanups.splice(0)) cleanup();
  for (const leg of [call.agentLeg, call.customer?.leg, call.consult?.leg, ...call.participants.map((p) => p.leg)]) leg?.hangup();
  for (const session of world.sessions.values()) detachSession(world, session, call);
  if (call.reservedAgent !== undefined) {
    const reserved = world.sessions.get(call.reservedAgent);
    if (reserved) reserved.reserved = false;
    call.reservedAgent = undefined;
  }
  call.recording = false;
  call.room.close();
  world.retire(call);
  if (call.kind === 'monitor' && call.monitor) rerouteAgentCall(world, call.monitor.agent);
  world.requestDistribution();
}

/** Removes a party (hung up, kicked, cancelled) and re-routes. */
export function removeParty(world: World, call: Call, party: Party): void {
  // Out of the call first, so the leg's own `ended` event finds nothing left to do.
  if (call.consult === party) {
    call.consult = undefined;
    call.transferTo = '';
  }
  if (call.customer === party) call.customer = undefined;
  call.participants = call.participants.filter((p) => p !== party);
  party.leg.hangup();
  if (party.user !== undefined) {
    const session = world.sessions.get(party.user);
    if (session) detachSession(world, session, call);
  }
  applyRouting(world, call);
}
