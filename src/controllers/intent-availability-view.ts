/**
 * Which of the call card's and wrap-up's buttons the agent may press now, and why not, as part of
 * the app–UI contract. The app fills it by a dry run of the machine's `transition()` on the
 * current state (src/app/intent-availability.ts); components only read it, so a button is never
 * enabled by a rule of its own that the machine would then refuse (or the other way round).
 */
import type { RefusalCode } from '../call/index.ts';

/** The machine would accept the intent now, or it would refuse it with `code`. */
export type Availability = { readonly ok: true } | { readonly ok: false; readonly code: RefusalCode };

/** The intents the call card, transfer panel and wrap-up offer, without arguments. */
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
] as const;
/** One of {@link OFFERED_INTENTS}. */
export type OfferedIntent = (typeof OFFERED_INTENTS)[number];

/** The answer of the dry run for every offered intent. */
export interface IntentAvailability {
  readonly intents: Readonly<Record<OfferedIntent, Availability>>;
  /** Removing one conference participant, by the id the platform gave it (only participants with one). */
  readonly kickParticipant: Readonly<Record<string, Availability>>;
}
