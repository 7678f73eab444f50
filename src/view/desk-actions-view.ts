/**
 * The agent-actions slice of the view and its intents (docs/agent-actions.md,
 * docs/text-messages.md): the configured actions offered now, the last outcome, and the text
 * message form when the call center allows it. src/app/desk-actions.ts builds it.
 */
import type { TextChannel } from '../call/platform.ts';
import type { LabelLanguage } from '../config/desk-actions-types.ts';

/** One action button: its text in each configured language. */
export interface AgentActionButton {
  readonly id: string;
  readonly labels: Readonly<Partial<Record<LabelLanguage, string>>>;
}

/** What the last action or message came to (shown in a status region). */
export interface DeskOutcome {
  readonly what: 'action' | 'message';
  /** The action's id, or the channel of the message. */
  readonly id: string;
  readonly ok: boolean;
  /**
   * `done`: the platform accepted it (`text` = what the task answered, or the message id);
   * `missing`: the call lacks values the action needs (`text` = their names);
   * `refused`: the platform said no (`text` = its words); `invalid`: the message was refused before sending.
   */
  readonly reason: 'done' | 'missing' | 'refused' | 'invalid';
  readonly text: string;
  /** For `invalid`: the most characters the message may have. */
  readonly limit?: number;
}

/** The text message form. */
export interface TextMessageView {
  readonly channels: readonly TextChannel[];
  /** The customer's number of the current (or just ended) call, to prefill; `''` without a call. */
  readonly to: string;
  readonly maxSmsSegments: number;
  readonly sending: boolean;
}

/** The slice. */
export interface DeskActionsView {
  /** Actions offered in this moment (idle, in a call, wrap-up). */
  readonly actions: readonly AgentActionButton[];
  /** The action running now. */
  readonly running: string | null;
  readonly outcome: DeskOutcome | null;
  /** `null` = text messages are not offered (`allowTextMessage` off, or the platform has none). */
  readonly message: TextMessageView | null;
}

/** What the agent asks of the slice. */
export type DeskActionsIntent =
  | { readonly kind: 'runAgentAction'; readonly id: string }
  | { readonly kind: 'sendTextMessage'; readonly channel: TextChannel; readonly to: string; readonly text: string }
  | { readonly kind: 'dismissDeskOutcome' };
