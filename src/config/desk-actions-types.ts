/**
 * The types of the `dialtoneActions` section (docs/agent-actions.md, docs/text-messages.md), in a
 * leaf module so config-types.ts can name them without an import cycle.
 */

/** The languages an action label may be given in (the UI's languages). */
export type LabelLanguage = 'en' | 'es' | 'pt';

/** The call values an action parameter may use, as `{name}` (filled by src/crm/agent-action.ts). */
export const ACTION_PLACEHOLDERS = ['phoneNumber', 'contactId', 'baseId', 'crmId', 'callId', 'agent', 'campaign', 'queue', 'crmKey', 'recordId'] as const;
/** A placeholder name. */
export type ActionPlaceholder = (typeof ACTION_PLACEHOLDERS)[number];

/** When an action is offered: no call (`idle`), during a call, after it. */
export const ACTION_MOMENTS = ['idle', 'inCall', 'wrapUp'] as const;
/** A moment. */
export type ActionMoment = (typeof ACTION_MOMENTS)[number];

/** One agent action: a button that runs Neotel task `task` (`ExecuteTaskNN`, NN = `params.length`). */
export interface AgentAction {
  readonly id: string;
  /** The button's text by language; a language without one uses `en`, then `es`, then `pt`. */
  readonly labels: Readonly<Partial<Record<LabelLanguage, string>>>;
  readonly when: readonly ActionMoment[];
  readonly task: number;
  /** Parameter templates with `{phoneNumber}`, `{contactId}`… (src/crm/agent-action.ts). */
  readonly params: readonly string[];
}

/** Channels offered for text messages. */
export type TextMessageChannel = 'sms' | 'whatsapp';

/** The validated section. */
export interface DeskActionsConfig {
  readonly agentActions: readonly AgentAction[];
  readonly textMessageChannels: readonly TextMessageChannel[];
  /** How many concatenated SMS parts one message may take. */
  readonly smsMaxSegments: number;
}

