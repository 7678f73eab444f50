/**
 * Agent actions and text messages (docs/agent-actions.md, docs/text-messages.md): the owner
 * tab's desk that offers the configured actions for the moment of the call, runs them through
 * the platform port (`runTask` → Neotel `ExecuteTaskNN`), sends text messages (`sendText` →
 * `SendTextMessage` under the deployment's names) and records each sent message as a Task.
 */
import { hasCall, hasSession, type AgentEvent, type AgentState, type CallFacts, type PlatformPort } from '../call/index.ts';
import type { Config } from '../config/index.ts';
import type { ActionMoment } from '../config/desk-actions-types.ts';
import type { AgentView, SoftphoneIntent } from '../view/agent-view.ts';
import type { DeskActionsIntent, DeskActionsView, DeskOutcome } from '../view/desk-actions-view.ts';
import { fillParams, readTaskAnswer, type ActionValues } from '../crm/agent-action.ts';
import type { LinkedRecord } from '../crm/linked-record.ts';
import { measureMessage, messageNumberOf, messageTaskFields, messageTaskKey, type SentMessage } from '../crm/text-message.ts';

const KINDS: ReadonlySet<SoftphoneIntent['kind']> = new Set(['runAgentAction', 'sendTextMessage', 'dismissDeskOutcome']);

/** Where the Task of a sent message goes (the Task-log outbox: stored, retried, idempotent). */
export interface MessageTaskLog {
  enqueue(key: string, fields: Readonly<Record<string, string | number | null>>): Promise<unknown>;
}

/** How to build a {@link DeskActions}. */
export interface DeskActionsOptions {
  readonly config: Config;
  readonly platform: Pick<PlatformPort<AgentEvent>, 'run' | 'capabilities'>;
  readonly agent: () => AgentState;
  /** The Salesforce record linked to a call (its Task's WhoId/WhatId; `{recordId}`). */
  readonly linkOf: (call: CallFacts) => LinkedRecord | null;
  /** `undefined` outside Salesforce: the message is sent, no Task is written (a warning says so). */
  readonly tasks: MessageTaskLog | undefined;
  /** The desk's slice changed: draw again. */
  readonly changed: () => void;
  readonly warn: (message: string, cause?: unknown) => void;
  readonly now?: () => number;
}

/** The moment of the call an agent is in, or `null` when no action applies (logged out, ringing…). */
export function momentOf(agent: AgentState): ActionMoment | null {
  switch (agent.phase) {
    case 'ready':
      return 'idle';
    case 'dialing':
    case 'connected':
      return 'inCall';
    case 'wrapUp':
      return 'wrapUp';
    default:
      return null;
  }
}

/** The values an action may use now (src/crm/agent-action.ts placeholders). */
export function actionValues(agent: AgentState, link: LinkedRecord | null): ActionValues {
  const call = hasCall(agent) ? agent.call : null;
  const contact = call?.contact ?? null;
  const text = (value: string | number | null | undefined): string | null => (value === null || value === undefined || value === '' ? null : String(value));
  const campaign = hasSession(agent) && agent.session.campaign.kind === 'in' ? agent.session.campaign.id : null;
  return {
    phoneNumber: text(call?.number ?? contact?.phone),
    contactId: text(contact?.contactId),
    baseId: text(contact?.base),
    crmId: text(contact?.crm),
    callId: text(call?.callId),
    agent: hasSession(agent) ? String(agent.session.user) : null,
    campaign: text(call?.campaign ?? campaign),
    queue: text(call?.queue),
    crmKey: text(contact?.data),
    recordId: link?.id ?? null,
  };
}

export class DeskActions {
  private running: string | null = null;
  private sending = false;
  private outcome: DeskOutcome | null = null;
  private readonly now: () => number;

  constructor(private readonly options: DeskActionsOptions) {
    this.now = options.now ?? (() => Date.now());
  }

  /** Whether `intent` is the desk's. */
  handles(intent: SoftphoneIntent): intent is DeskActionsIntent {
    return KINDS.has(intent.kind);
  }

  /** The view with the desk's slice. */
  decorate(view: AgentView): AgentView {
    return { ...view, deskActions: this.slice(view.agent) };
  }

  async intent(intent: DeskActionsIntent): Promise<void> {
    switch (intent.kind) {
      case 'dismissDeskOutcome':
        this.show(null);
        return;
      case 'runAgentAction':
        await this.runAction(intent.id);
        return;
      case 'sendTextMessage':
        await this.sendMessage(intent);
        return;
    }
  }

  private slice(agent: AgentState): DeskActionsView | null {
    const moment = momentOf(agent);
    if (moment === null) return null;
    const { config, platform } = this.options;
    const actions = platform.capabilities.tasks === true ? config.actions.agentActions.filter((a) => a.when.includes(moment)).map((a) => ({ id: a.id, labels: a.labels })) : [];
    const offered = config.crm.allowTextMessage && platform.capabilities.textMessages === true && config.actions.textMessageChannels.length > 0;
    const call = hasCall(agent) ? agent.call : null;
    const message = offered
      ? { channels: config.actions.textMessageChannels, to: call?.number ?? call?.contact?.phone ?? '', maxSmsSegments: config.actions.smsMaxSegments, sending: this.sending }
      : null;
    if (actions.length === 0 && message === null) return null;
    return { actions, running: this.running, outcome: this.outcome, message };
  }

  private async runAction(id: string): Promise<void> {
    const agent = this.options.agent();
    const action = this.options.config.actions.agentActions.find((a) => a.id === id);
    const moment = momentOf(agent);
    if (!action || moment === null || !action.when.includes(moment) || !hasSession(agent)) {
      this.options.warn(`agent action ${JSON.stringify(id)} ignored: it is not offered now (${agent.phase})`);
      return;
    }
    if (this.running !== null) return;
    const link = hasCall(agent) ? this.options.linkOf(agent.call) : null;
    const filled = fillParams(action.params, actionValues(agent, link));
    if (!filled.ok) {
      this.show({ what: 'action', id, ok: false, reason: 'missing', text: filled.missing.join(', ') });
      return;
    }
    this.running = id;
    this.options.changed();
    const outcome = await this.options.platform.run({ command: 'runTask', agent: String(agent.session.user), task: action.task, params: filled.params });
    this.running = null;
    if (!outcome.ok) {
      this.options.warn(`agent action ${id} (task ${action.task}) failed`, outcome.failure.detail);
      this.show({ what: 'action', id, ok: false, reason: 'refused', text: outcome.failure.detail });
      return;
    }
    const answer = readTaskAnswer(typeof outcome.value === 'string' || typeof outcome.value === 'boolean' ? outcome.value : null);
    this.show({ what: 'action', id, ok: answer.ok, reason: answer.ok ? 'done' : 'refused', text: answer.text });
  }

  private async sendMessage(intent: Extract<DeskActionsIntent, { kind: 'sendTextMessage' }>): Promise<void> {
    const agent = this.options.agent();
    const view = this.slice(agent)?.message ?? null;
    if (view === null || !hasSession(agent) || !view.channels.includes(intent.channel)) {
      this.options.warn(`text message on ${intent.channel} ignored: not offered now`);
      return;
    }
    if (this.sending) return;
    // The panel checks as the agent types; a relayed or stale intent is checked again here.
    const to = messageNumberOf(intent.to);
    const measure = measureMessage(intent.text, intent.channel, view.maxSmsSegments);
    if (to === null || measure.problem !== null) {
      this.show({ what: 'message', id: intent.channel, ok: false, reason: 'invalid', text: to === null ? 'number' : measure.problem ?? '', limit: measure.limit });
      return;
    }
    this.sending = true;
    this.options.changed();
    const user = String(agent.session.user);
    const outcome = await this.options.platform.run({ command: 'sendText', agent: user, channel: intent.channel, to, text: intent.text });
    this.sending = false;
    if (!outcome.ok) {
      this.options.warn(`the ${intent.channel} message to ${to} was not sent`, outcome.failure.detail);
      this.show({ what: 'message', id: intent.channel, ok: false, reason: 'refused', text: outcome.failure.detail });
      return;
    }
    const messageId = typeof outcome.value === 'string' && outcome.value.trim() !== '' ? outcome.value.trim() : null;
    const call = hasCall(agent) ? agent.call : null;
    const sent: SentMessage = { channel: intent.channel, to, text: intent.text, agent: user, messageId, callId: call?.callId ?? null, sentAt: this.now() };
    this.show({ what: 'message', id: intent.channel, ok: true, reason: 'done', text: messageId ?? '' });
    const tasks = this.options.tasks;
    if (!tasks) {
      this.options.warn(`no Salesforce: the ${intent.channel} message to ${to} was sent but not recorded as a Task`);
      return;
    }
    const link = call ? this.options.linkOf(call) : null;
    await tasks.enqueue(messageTaskKey(sent), messageTaskFields(sent, link)).catch((error: unknown) => this.options.warn(`the Task of the ${intent.channel} message to ${to} was not saved`, error));
  }

  private show(outcome: DeskOutcome | null): void {
    this.outcome = outcome;
    this.options.changed();
  }
}
