/**
 * Breaks and campaigns: orthogonal to the call, so they work in every logged-in phase (a break
 * requested during a call starts after it on the platform). Requests mark the status as
 * `pausing`/`joining`/…, results settle it or roll it back, and platform status reconciles it when
 * nothing is pending (a supervisor may change the break; the platform is the truth).
 */
import type { AgentEvent, CommandFailed, CommandSucceeded } from './events.ts';
import { SESSION_INTENT_KINDS } from './session-intents.ts';
import { accept, failureNotice, ignore, issue, refuse, type TransitionResult } from './outcome.ts';
import type { AgentState, BreakStatus, CampaignStatus, SessionState } from './state.ts';

/** The events this file handles in every logged-in phase (transition.ts routes them here). */
const SESSION_EVENT_KINDS = ['pause', 'unpause', 'enterCampaign', 'leaveCampaign', 'breakChanged', 'campaignChanged', ...SESSION_INTENT_KINDS] as const;
type SessionEvent = Extract<AgentEvent, { kind: (typeof SESSION_EVENT_KINDS)[number] }>;

/** Whether `event` is a session event (breaks, campaigns and the like). */
export function isSessionEvent(event: AgentEvent): event is SessionEvent {
  return (SESSION_EVENT_KINDS as readonly string[]).includes(event.kind);
}

function withBreak<S extends SessionState>(state: S, availability: BreakStatus): S {
  return { ...state, session: { ...state.session, availability } };
}

function withCampaign<S extends SessionState>(state: S, campaign: CampaignStatus): S {
  return { ...state, session: { ...state.session, campaign } };
}

function isId(value: number): boolean {
  return Number.isInteger(value) && value >= 1;
}

/** Handles a break/campaign intent or platform status change in a logged-in phase other than `loggingOut`. */
export function sessionEvent(state: SessionState, event: SessionEvent): TransitionResult {
  const user = state.session.user;
  const availability = state.session.availability;
  const campaign = state.session.campaign;
  switch (event.kind) {
    case 'pause': {
      if (!isId(event.subtype)) return refuse('INVALID_ARGUMENT', `Break sub-type ${JSON.stringify(event.subtype)} is not a Neotel break id.`, 'Pick a break from the list.');
      if (availability.kind === 'pausing' || availability.kind === 'unpausing') return refuse('OPERATION_PENDING', 'A break change is in progress.', 'Wait for the platform to answer.');
      if (availability.kind === 'onBreak' && availability.subtype === event.subtype) return refuse('ALREADY_ON_BREAK', `Already on break ${event.subtype}.`, 'Pick another break, or unpause.');
      const sent = issue(withBreak(state, { kind: 'pausing', subtype: event.subtype, previous: availability.kind === 'onBreak' ? availability : null }), 'pause', { command: 'pause', agent: user, reason: event.subtype });
      return accept(sent.state, [sent.effect]);
    }
    case 'unpause': {
      if (availability.kind === 'pausing' || availability.kind === 'unpausing') return refuse('OPERATION_PENDING', 'A break change is in progress.', 'Wait for the platform to answer.');
      if (availability.kind !== 'onBreak') return refuse('NOT_ON_BREAK', 'Not on a break.', 'Pick a break to pause.');
      const sent = issue(withBreak(state, { ...availability, kind: 'unpausing' }), 'unpause', { command: 'unpause', agent: user });
      return accept(sent.state, [sent.effect]);
    }
    case 'enterCampaign': {
      if (!isId(event.campaign)) return refuse('INVALID_ARGUMENT', `Campaign ${JSON.stringify(event.campaign)} is not a Neotel campaign id.`, 'Pick a campaign from the list.');
      if (campaign.kind === 'joining' || campaign.kind === 'leaving') return refuse('OPERATION_PENDING', 'A campaign change is in progress.', 'Wait for the platform to answer.');
      if (campaign.kind === 'in' && campaign.id === event.campaign) return refuse('ALREADY_IN_CAMPAIGN', `Already in campaign ${event.campaign}.`, 'Pick another campaign, or leave this one.');
      const sent = issue(withCampaign(state, { kind: 'joining', id: event.campaign, previous: campaign.kind === 'in' ? campaign : null }), 'enterCampaign', { command: 'joinCampaign', agent: user, campaign: event.campaign });
      return accept(sent.state, [sent.effect]);
    }
    case 'leaveCampaign': {
      if (campaign.kind === 'joining' || campaign.kind === 'leaving') return refuse('OPERATION_PENDING', 'A campaign change is in progress.', 'Wait for the platform to answer.');
      if (campaign.kind !== 'in') return refuse('NOT_IN_CAMPAIGN', 'Not in an outbound campaign.', 'Enter a campaign first.');
      const sent = issue(withCampaign(state, { ...campaign, kind: 'leaving' }), 'leaveCampaign', { command: 'leaveCampaign', agent: user });
      return accept(sent.state, [sent.effect]);
    }
    case 'holdContacts': {
      // Only idle in a campaign: a held dialer is what the agent asks for between contacts.
      if (state.phase === 'wrapUp') return refuse('WRAP_UP_IN_PROGRESS', 'Cannot hold contacts during wrap-up.', 'Finish the wrap-up first.');
      if (state.phase !== 'ready') return refuse('CALL_IN_PROGRESS', `Cannot hold contacts in phase ${state.phase}.`, 'Finish the call first.');
      if (campaign.kind !== 'in') return refuse('NOT_IN_CAMPAIGN', 'Not in an outbound campaign.', 'Enter a campaign first.');
      if (state.pending.some((p) => p.op === 'holdContacts' || p.op === 'resumeContacts')) return refuse('OPERATION_PENDING', 'A change to held contacts is in progress.', 'Wait for the platform to answer.');
      if ((state.session.contactsHeld === true) === event.hold) return refuse('INVALID_ARGUMENT', `Contacts are already ${event.hold ? 'held' : 'taken'}.`, 'Nothing to do.');
      const sent = event.hold
        ? issue(state, 'holdContacts', { command: 'setUnavailable', agent: user })
        : issue(state, 'resumeContacts', { command: 'release', agent: user });
      return accept(sent.state, [sent.effect]);
    }
    case 'breakChanged': {
      // While a request is in flight a poll may predate it: wait for the result instead.
      if (availability.kind === 'pausing' || availability.kind === 'unpausing') return ignore(state);
      if (event.subtype === null) return availability.kind === 'available' ? ignore(state) : accept(withBreak(state, { kind: 'available' }));
      if (availability.kind === 'onBreak' && availability.subtype === event.subtype) return ignore(state);
      return accept(withBreak(state, { kind: 'onBreak', subtype: event.subtype, since: event.at }));
    }
    case 'campaignChanged': {
      if (campaign.kind === 'joining' || campaign.kind === 'leaving') return ignore(state);
      if (event.campaign === null) return campaign.kind === 'none' ? ignore(state) : accept(withCampaign(state, { kind: 'none' }));
      if (campaign.kind === 'in' && campaign.id === event.campaign) return ignore(state);
      return accept(withCampaign(state, { kind: 'in', id: event.campaign, since: event.at }));
    }
  }
}

/** A pause/unpause/joinCampaign/leaveCampaign result: settle, or roll back and say why. */
export function sessionResult(state: AgentState, event: CommandSucceeded | CommandFailed): TransitionResult {
  if (!('session' in state)) return ignore(state);
  const ok = event.kind === 'commandSucceeded';
  const failed = ok ? [] : [failureNotice('operationFailed', 'error', event)];
  const availability = state.session.availability;
  const campaign = state.session.campaign;
  if (event.op === 'pause' && availability.kind === 'pausing') {
    const next: BreakStatus = ok ? { kind: 'onBreak', subtype: availability.subtype, since: event.at } : (availability.previous ?? { kind: 'available' });
    return accept(withBreak(state, next), failed);
  }
  if (event.op === 'unpause' && availability.kind === 'unpausing') {
    return accept(withBreak(state, ok ? { kind: 'available' } : { ...availability, kind: 'onBreak' }), failed);
  }
  if (event.op === 'enterCampaign' && campaign.kind === 'joining') {
    const next: CampaignStatus = ok ? { kind: 'in', id: campaign.id, since: event.at } : (campaign.previous ?? { kind: 'none' });
    return accept(withCampaign(state, next), failed);
  }
  if (event.op === 'holdContacts' || event.op === 'resumeContacts') {
    const held = ok ? event.op === 'holdContacts' : state.session.contactsHeld === true;
    return accept({ ...state, session: { ...state.session, contactsHeld: held } }, failed);
  }
  if (event.op === 'leaveCampaign' && campaign.kind === 'leaving') {
    return accept(withCampaign(state, ok ? { kind: 'none' } : { ...campaign, kind: 'in' }), failed);
  }
  return ignore(state);
}
