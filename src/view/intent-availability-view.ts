/**
 * Which of the call card's, wrap-up's, status menu's and campaign picker's controls the agent may use now, and why not, as part of
 * the app–UI contract. The app fills it by a dry run of the machine's `transition()` on the
 * current state (src/app/intent-availability.ts); components only read it, so a button is never
 * enabled by a rule of its own that the machine would then refuse (or the other way round).
 */
import type { RefusalCode } from '../call/index.ts';

/** The machine would accept the intent now, or it would refuse it with `code`. */
export type Availability = { readonly ok: true } | { readonly ok: false; readonly code: RefusalCode };

/** The intents the call card, transfer panel, wrap-up and status menu offer, without arguments. */
export const OFFERED_INTENTS = [
  'answer',
  'reject',
  'hangUp',
  'hold',
  'resume',
  'mute',
  'unmute',
  'sendDtmf',
  'transfer',
  'completeTransfer',
  'endTransfer',
  'startConference',
  'inviteParticipant',
  'kickAll',
  'categorise',
  'scheduleCallback',
  'releaseContact',
  'available',
  'unpause',
  'leaveCampaign',
  // A campaign typed by number (the campaign picker, when the call center lists none): entering a
  // campaign other than the current one. Listed campaigns are answered one by one in `enterCampaign`.
  'enterCampaign',
] as const;
/** One of {@link OFFERED_INTENTS}. */
export type OfferedIntent = (typeof OFFERED_INTENTS)[number];

/** The answer of the dry run for every offered intent. */
export interface IntentAvailability {
  readonly intents: Readonly<Record<OfferedIntent, Availability>>;
  /** Removing one conference participant, by the id the platform gave it (only participants with one). */
  readonly kickParticipant: Readonly<Record<string, Availability>>;
  /** Taking each offered break, by its sub-type id (the status menu; absent id = not offered). */
  readonly pause: Readonly<Record<number, Availability>>;
  /** Entering each offered campaign, by its id (the status menu; absent id = not offered). */
  readonly enterCampaign: Readonly<Record<number, Availability>>;
}

/** The breaks and campaigns the status menu offers (the agent options' ids). */
export interface OfferedChoices {
  readonly breaks: readonly number[];
  readonly campaigns: readonly number[];
}
