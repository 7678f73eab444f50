import type { AgentState } from '../../call/index.ts';
import type { AgentOptions } from '../../view/agent-view.ts';
import type { Messages } from '../../i18n/index.ts';
import { nameOf } from '../shared/names.ts';

/** The status the header shows: a stable key (for tests and styling), its text and when it began. */
export interface ShownStatus {
  readonly key: 'loggedOut' | 'loggingIn' | 'ready' | 'unreachable' | 'platformLost' | 'pausing' | 'onBreak' | 'inCampaign' | 'dialing' | 'ringing' | 'inCall' | 'onHold' | 'wrapUp' | 'loggingOut';
  readonly text: string;
  /** Epoch ms the status began; `null` = no timer (logged out, logging in or out). */
  readonly since: number | null;
}

/**
 * Reads the agent's status from the machine's state. A call outranks a break (the agent on a
 * break can still take a call), a break outranks a campaign. "Ready" counts from the login: the
 * state keeps no timestamp of the last return to ready.
 */
export function statusOf(agent: AgentState, options: AgentOptions, m: Messages): ShownStatus {
  // A call whose platform does not answer: nobody knows whether it still runs, so no "In call"
  // and no running timer (docs/health-gate.md, "Platform down").
  const inCall = agent.phase === 'dialing' || agent.phase === 'ringing' || agent.phase === 'connected';
  if (inCall && agent.neoApi === 'degraded') return { key: 'platformLost', text: m.health.statusPlatformLost, since: null };
  switch (agent.phase) {
    case 'loggedOut':
      return { key: 'loggedOut', text: m.statusLoggedOut, since: null };
    case 'loggingIn':
      return { key: 'loggingIn', text: m.statusLoggingIn, since: null };
    case 'loggingOut':
      return { key: 'loggingOut', text: m.statusLoggingOut, since: null };
    case 'dialing':
      return { key: 'dialing', text: m.statusDialing, since: agent.call.startedAt };
    case 'ringing':
      return { key: 'ringing', text: m.statusRinging, since: agent.call.startedAt };
    case 'connected':
      return agent.held
        ? { key: 'onHold', text: m.statusOnHold, since: agent.call.answeredAt ?? agent.call.startedAt }
        : { key: 'inCall', text: m.statusInCall, since: agent.call.answeredAt ?? agent.call.startedAt };
    case 'wrapUp':
      return { key: 'wrapUp', text: m.statusWrapUp, since: agent.call.endedAt ?? agent.call.startedAt };
    case 'ready': {
      const { availability, campaign, loggedInAt } = agent.session;
      if (availability.kind === 'pausing') return { key: 'pausing', text: m.statusPausing, since: null };
      if (availability.kind === 'onBreak' || availability.kind === 'unpausing') {
        const name = nameOf(options.breakTypes, availability.subtype, m.breakName);
        return { key: 'onBreak', text: m.statusOnBreak(name), since: availability.since };
      }
      if (campaign.kind === 'in' || campaign.kind === 'leaving') {
        const name = nameOf(options.campaigns, campaign.id, m.campaignName);
        return { key: 'inCampaign', text: m.statusInCampaign(name), since: campaign.since };
      }
      // Ready means callers reach the agent: not while the phone is unregistered or re-registering.
      if (agent.phone !== 'registered') return { key: 'unreachable', text: m.statusUnreachable, since: null };
      return { key: 'ready', text: m.statusReady, since: loggedInAt };
    }
  }
}
