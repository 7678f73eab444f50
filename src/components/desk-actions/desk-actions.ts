import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { TextChannel } from '../../call/platform.ts';
import type { AgentActionButton, DeskActionsView, DeskOutcome, TextMessageView } from '../../view/desk-actions-view.ts';
import { measureMessage, messageNumberOf } from '../../crm/text-message.ts';
import type { Messages } from '../../i18n/index.ts';
import { deskActionsMessages } from '../../i18n/desk-actions-messages.ts';
import { sldsTokens } from '../slds.styles.ts';
import { AgentElement } from '../shared/agent-element.ts';
import { controlStyles } from '../shared/controls.styles.ts';
import { radioStyles } from '../shared/radio.styles.ts';
import { deskActionsStyles } from './desk-actions.styles.ts';
import type { AgentView } from '../../view/agent-view.ts';

/** An action's text in the shell's language: that language, else en, es, pt. */
export function actionLabel(action: AgentActionButton, m: Messages): string {
  const lang = m.attendant.locale.slice(0, 2) as 'en' | 'es' | 'pt';
  return action.labels[lang] ?? action.labels.en ?? action.labels.es ?? action.labels.pt ?? action.id;
}

/**
 * Agent actions (buttons that run Neotel tasks) and the text message form (docs/agent-actions.md,
 * docs/text-messages.md). The message is measured as the agent types (length, SMS parts, the
 * character that forces Unicode) and refused with a reason before anything is sent.
 */
@customElement('dialtone-desk-actions')
export class DeskActionsPanel extends AgentElement {
  static override viewSlices: readonly (keyof AgentView)[] = ['deskActions'];
  static override styles = [sldsTokens, controlStyles, radioStyles, deskActionsStyles];

  @state() private channel: TextChannel | null = null;
  /** `null` = not edited: the call's number is shown. */
  @state() private to: string | null = null;
  @state() private text = '';
  /** A send was attempted with this problem (shown until the text changes). */
  @state() private tried = false;

  override render() {
    const d = this.view?.deskActions;
    const m = this.messages;
    if (!d || !m) return nothing;
    return html`
      ${d.actions.length > 0 ? this.renderActions(d, m) : nothing}
      ${d.message ? this.renderMessage(d.message, m) : nothing}
      <div role="status" aria-live="polite">${d.outcome ? this.renderOutcome(d, d.outcome, m) : nothing}</div>
    `;
  }

  private renderActions(d: DeskActionsView, m: Messages) {
    const t = deskActionsMessages(m.attendant.locale);
    return html`<section aria-labelledby="actions-title" data-testid="agent-actions">
      <h3 id="actions-title">${t.actionsTitle}</h3>
      <div class="actions" role="group" aria-labelledby="actions-title">
        ${d.actions.map(
          (a) => html`<button data-testid=${`agent-action-${a.id}`} ?disabled=${d.running !== null} aria-busy=${d.running === a.id ? 'true' : 'false'} @click=${() => this.send({ kind: 'runAgentAction', id: a.id })}>
            ${d.running === a.id ? t.actionRunning(actionLabel(a, m)) : actionLabel(a, m)}
          </button>`,
        )}
      </div>
    </section>`;
  }

  private renderMessage(v: TextMessageView, m: Messages) {
    const t = deskActionsMessages(m.attendant.locale);
    const channel = this.channel !== null && v.channels.includes(this.channel) ? this.channel : (v.channels[0] ?? 'sms');
    const to = this.to ?? v.to;
    const measure = measureMessage(this.text, channel, v.maxSmsSegments);
    const numberOk = messageNumberOf(to) !== null;
    const problem = !numberOk ? 'number' : measure.problem;
    const count = channel === 'sms' ? `${t.smsCount(measure.length, measure.limit, measure.segments)}${measure.encoding === 'ucs2' ? t.unicodeMark : ''}` : t.whatsappCount(measure.length, measure.limit);
    const showProblem = problem !== null && (this.tried || problem === 'tooLong' || problem === 'controlCharacters');
    return html`<section aria-labelledby="message-title" data-testid="text-message">
      <h3 id="message-title">${t.messageTitle}</h3>
      ${v.channels.length > 1
        ? html`<fieldset class="radio-button-group">
            <legend>${t.channelLabel}</legend>
            <div class="choices">
              ${v.channels.map(
                (c) => html`<label class="radio-button"><input type="radio" name="message-channel" value=${c} data-testid=${`message-channel-${c}`} .checked=${c === channel} @change=${() => (this.channel = c)} />${t.channels[c]}</label>`,
              )}
            </div>
          </fieldset>`
        : nothing}
      <div class="field">
        <label for="message-to">${t.toLabel}</label>
        <input id="message-to" data-testid="message-to" inputmode="tel" autocomplete="off" .value=${to} aria-invalid=${this.tried && !numberOk ? 'true' : 'false'} @input=${(e: Event) => (this.to = (e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="message-text">${t.textLabel}</label>
        <textarea id="message-text" data-testid="message-text" aria-describedby="message-count message-problem" aria-invalid=${showProblem ? 'true' : 'false'} .value=${this.text} @input=${(e: Event) => ((this.text = (e.target as HTMLTextAreaElement).value), (this.tried = false))}></textarea>
        <p class="count" id="message-count" data-testid="message-count">${count}${channel === 'sms' && measure.nonGsm !== null ? html` — ${t.unicodeBecause(measure.nonGsm)}` : nothing}</p>
        <p class="error" id="message-problem" data-testid="message-problem" role=${showProblem ? 'alert' : nothing} ?hidden=${!showProblem}>${problem === null || !showProblem ? '' : problem === 'tooLong' ? t.tooLong(measure.limit) : t.refusedBefore[problem]}</p>
      </div>
      <button class="brand" data-testid="message-send" ?disabled=${v.sending} @click=${() => this.submit(channel, to, problem)}>${v.sending ? t.sending : t.send}</button>
    </section>`;
  }

  private submit(channel: TextChannel, to: string, problem: string | null): void {
    this.tried = true;
    if (problem !== null) return;
    this.send({ kind: 'sendTextMessage', channel, to, text: this.text });
  }

  override updated(): void {
    // A message the platform accepted is done: clear the form for the next one.
    const outcome = this.view?.deskActions?.outcome;
    if (outcome?.what === 'message' && outcome.ok && this.text !== '' && outcome !== this.cleared) {
      this.cleared = outcome;
      this.text = '';
      this.tried = false;
    }
  }

  private cleared: DeskOutcome | null = null;

  private renderOutcome(d: DeskActionsView, o: DeskOutcome, m: Messages) {
    const t = deskActionsMessages(m.attendant.locale);
    const action = d.actions.find((a) => a.id === o.id);
    const label = action ? actionLabel(action, m) : o.id;
    const channel = o.id === 'sms' || o.id === 'whatsapp' ? t.channels[o.id] : o.id;
    let text: string;
    if (o.what === 'action') text = o.reason === 'done' ? t.actionDone(label, o.text) : o.reason === 'missing' ? t.actionMissing(label, o.text) : t.actionRefused(label, o.text);
    else if (o.ok) text = t.sent(channel, this.to ?? d.message?.to ?? '');
    else if (o.reason === 'invalid') text = o.text === 'tooLong' ? t.tooLong(o.limit ?? 0) : Object.hasOwn(t.refusedBefore, o.text) ? t.refusedBefore[o.text as keyof typeof t.refusedBefore] : t.notSent(o.text);
    else text = t.notSent(o.text);
    return html`<div class="outcome" data-testid="desk-outcome" data-ok=${o.ok ? 'true' : 'false'} data-what=${o.what}>
      <p class=${o.ok ? '' : 'error'}>${text}</p>
      <button data-testid="desk-outcome-dismiss" @click=${() => this.send({ kind: 'dismissDeskOutcome' })}>${t.dismiss}</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-desk-actions': DeskActionsPanel;
  }
}
