/**
 * Which offered intents the machine would accept now: a dry run of `transition()` for each, with
 * a sample argument where the intent takes one. `transition` is pure (no clock, no I/O: effects
 * are data), so running it here changes nothing; the next state and the effects it returns are
 * dropped, and only "accepted" or the refusal's code is kept. The components draw `disabled` and
 * the hint from this, so they cannot drift from the rules in src/call/phases/*.ts.
 */
import { transition, type AgentEvent, type AgentState, type MachineContext } from '../call/index.ts';
import { hasSession } from '../call/state.ts';
import { OFFERED_INTENTS, type Availability, type IntentAvailability, type OfferedChoices, type OfferedIntent } from '../view/intent-availability-view.ts';

const NO_CHOICES: OfferedChoices = { breaks: [], campaigns: [] };

/**
 * Sample arguments: valid in form, so a refusal is about the state (a call being ended, a transfer
 * in flight…), never about the argument, which the agent has not picked yet. The form the agent
 * fills (a sub-category, a target) is checked by the component and by the machine when sent.
 */
const SAMPLE_NUMBER = { kind: 'number', number: '1' } as const;
const SAMPLE_WALL_TIME = '2000-01-01T00:00:00';
const SAMPLE_CAMPAIGN = 1;

/**
 * A campaign number the agent could type: any but the current one (entering that again is a
 * refusal about the argument, and the picker is not drawn while in a campaign anyway).
 */
function otherCampaign(state: AgentState): number {
  const campaign = hasSession(state) ? state.session.campaign : null;
  const current = campaign !== null && campaign.kind !== 'none' ? campaign.id : null;
  return current === SAMPLE_CAMPAIGN ? SAMPLE_CAMPAIGN + 1 : SAMPLE_CAMPAIGN;
}

/** The intent event of `kind` with its sample argument for `state`, stamped `at`. */
function sampleIntent(kind: OfferedIntent, at: number, state: AgentState): AgentEvent {
  switch (kind) {
    case 'sendDtmf':
      return { kind, at, digit: '1' };
    case 'transfer':
      return { kind, at, target: SAMPLE_NUMBER, mode: 'blind' };
    case 'inviteParticipant':
      return { kind, at, target: SAMPLE_NUMBER };
    case 'categorise':
      return { kind, at, subcategory: 1 };
    case 'scheduleCallback':
      return { kind, at, subcategory: 1, when: SAMPLE_WALL_TIME, phone: null, mine: true };
    case 'enterCampaign':
      return { kind, at, campaign: otherCampaign(state) };
    default:
      return { kind, at };
  }
}

/** The machine's answer to `event` in `state`, without keeping its next state or effects. */
export function dryRun(state: AgentState, event: AgentEvent, context: MachineContext): Availability {
  const result = transition(state, event, context);
  return result.ok ? { ok: true } : { ok: false, code: result.error.code };
}

/**
 * The availability of every offered intent in `state`, and of each break and campaign in
 * `choices`. `at` stamps the sample events; no rule of the machine reads it for these intents, so
 * the view does not depend on the clock.
 */
export function intentAvailabilityOf(state: AgentState, context: MachineContext, at = 0, choices: OfferedChoices = NO_CHOICES): IntentAvailability {
  const intents = {} as Record<OfferedIntent, Availability>;
  for (const kind of OFFERED_INTENTS) intents[kind] = dryRun(state, sampleIntent(kind, at, state), context);
  const kickParticipant: Record<string, Availability> = {};
  if (state.phase === 'connected' && state.control.kind === 'conference') {
    for (const p of state.control.participants) {
      if (p.id !== null) kickParticipant[p.id] = dryRun(state, { kind: 'kickParticipant', at, participant: p.id }, context);
    }
  }
  const pause: Record<number, Availability> = {};
  for (const subtype of choices.breaks) pause[subtype] = dryRun(state, { kind: 'pause', at, subtype }, context);
  const enterCampaign: Record<number, Availability> = {};
  for (const campaign of choices.campaigns) enterCampaign[campaign] = dryRun(state, { kind: 'enterCampaign', at, campaign }, context);
  return { intents, kickParticipant, pause, enterCampaign };
}

/** The breaks and campaigns the agent options offer, for {@link intentAvailabilityOf}. */
export function offeredChoicesOf(options: { readonly breakTypes: readonly { readonly id: number }[]; readonly campaigns: readonly { readonly id: number }[] }): OfferedChoices {
  return { breaks: options.breakTypes.map((b) => b.id), campaigns: options.campaigns.map((c) => c.id) };
}
