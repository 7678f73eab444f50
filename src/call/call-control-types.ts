/**
 * The data of transfers and conference (see call-control.ts for the rules): targets, the record a
 * transfer leaves on the call's facts, conference participants and the `control` sub-state of a
 * connected call. Types and constants only, so state.ts and call-facts.ts can use them.
 */
import type { RequestId } from './ids.ts';

/** Where a transfer goes: an outside number, a platform user, a queue or a campaign. */
export type TransferTarget =
  | { readonly kind: 'number'; readonly number: string }
  | { readonly kind: 'user'; readonly user: string }
  | { readonly kind: 'queue'; readonly queue: number }
  | { readonly kind: 'campaign'; readonly campaign: number };

/** Who a conference invites: an outside number or a platform user. */
export type ConferenceTarget = Extract<TransferTarget, { kind: 'number' | 'user' }>;

/** `blind` = direct (the agent leaves at once); `attended` = consult first, then complete or end. */
export type TransferMode = 'blind' | 'attended';

/**
 * One transfer of the call, for the Task log. `requested` = sent, answer not yet in (the agent's
 * leg may end first on a blind transfer); `done` = a blind transfer the platform accepted;
 * `completed` = an attended transfer completed (`completeTransfer`); `ended` = an attended one the
 * agent ended ("fin de transferencia", back to the customer); `failed` = NeoApi refused it.
 */
export interface TransferRecord {
  readonly target: TransferTarget;
  readonly mode: TransferMode;
  /** Epoch ms the agent asked for it. */
  readonly at: number;
  readonly outcome: 'requested' | 'done' | 'completed' | 'ended' | 'failed';
}

/** A party invited to the conference. */
export interface Participant {
  readonly target: ConferenceTarget;
  /** `invite`'s answer (the participant's channel); `null` while the request is in flight. */
  readonly id: string | null;
  /**
   * `inviting` = request in flight; `ringing` = the platform placed the invitation; `in` = platform status
   * lists the participant's channel (`associated channels`): they answered; `leaving` = being removed.
   */
  readonly state: 'inviting' | 'ringing' | 'in' | 'leaving';
  /** While `leaving`: the state to return to if the removal fails. */
  readonly previous?: 'ringing' | 'in';
  /** The request in flight for this participant (invite or kick). */
  readonly request: RequestId | null;
}

/** The transfer/conference sub-state of a connected call. */
export type CallControl =
  | { readonly kind: 'none' }
  | { readonly kind: 'transferring'; readonly target: TransferTarget }
  | { readonly kind: 'consulting'; readonly target: TransferTarget; readonly step: 'starting' | 'talking' | 'completing' | 'ending' }
  | { readonly kind: 'conference'; readonly step: 'starting' | 'on' | 'ending'; readonly participants: readonly Participant[] };

/** No transfer or conference in progress. */
export const NO_CONTROL: CallControl = { kind: 'none' };

/** Intents of this file. */
export const CALL_CONTROL_INTENTS = ['transfer', 'completeTransfer', 'endTransfer', 'startConference', 'inviteParticipant', 'kickParticipant', 'kickAll'] as const;

