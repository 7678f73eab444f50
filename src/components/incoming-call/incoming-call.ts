import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { sldsTokens } from '../slds.styles.ts';
import { AgentElement } from '../shared/agent-element.ts';
import { controlStyles } from '../shared/controls.styles.ts';
import { nameOf, queueNameOf } from '../shared/names.ts';
import { callPartyOf } from '../shared/call-party.ts';
import { refusalHints, refusalHintStyles, refused, whyRefused } from '../shared/refusal-hint.ts';
import { incomingCallStyles } from './incoming-call.styles.ts';
import type { AgentView } from '../../view/agent-view.ts';
import { markLatest } from '../../shared/latest-mark.ts';

/**
 * The ringing call: who, which way, which queue and campaign (names as text, whatever the
 * platform calls them), whether it will be answered automatically, and Answer / Decline. The
 * facts are an alert so screen readers announce them (the buttons stay out of the announcement),
 * and Answer takes the focus so Enter answers (its region, labelled by the title, is announced
 * with it).
 *
 * Answer and Decline come right under the title, before the facts, so nothing that arrives while
 * the phone rings can move them (issue 15): the caller's name from the screen pop or the platform
 * adds a line (two when it wraps) above the number, and with the buttons below the facts that
 * pushed Answer 39 px down under a pointer on its way there (97 of 500 soak presses missed).
 */
@customElement('dialtone-incoming-call')
export class IncomingCall extends AgentElement {
  static override viewSlices: readonly (keyof AgentView)[] = ['agent', 'can', 'options', 'record'];
  static override styles = [sldsTokens, controlStyles, refusalHintStyles, incomingCallStyles];

  override render() {
    const view = this.view;
    const m = this.messages;
    if (!view || !m || view.agent.phase !== 'ringing') return nothing;
    const { call, autoAnswer, answering } = view.agent;
    const can = view.can.intents;
    const { queues, campaigns } = view.options;
    const { name } = callPartyOf(view, call);
    return html`
      <section class="card" aria-labelledby="title" data-testid="incoming-call">
        <h2 id="title">${m.incomingTitle}</h2>
        <div class="actions">
          <button class="success" data-testid="answer" ?disabled=${refused(can.answer)} aria-describedby=${whyRefused('ring', can.answer)} @click=${() => this.send({ kind: 'answer' })}>
            ${answering ? m.answering : m.answer}
          </button>
          <button class="destructive" data-testid="decline" ?disabled=${refused(can.reject)} aria-describedby=${whyRefused('ring', can.reject)} @click=${() => this.send({ kind: 'reject' })}>${m.decline}</button>
        </div>
        ${refusalHints(m, 'ring', [can.answer, can.reject])}
        <div role="alert" data-testid="incoming-announcement">
          ${name === null ? nothing : html`<p class="name" data-testid="incoming-name" title=${name}>${name}</p>`}
          <p class="number" data-testid="incoming-number">${call.number ?? m.unknownNumber}</p>
          <p class="direction" data-testid="incoming-direction">${m.direction[call.direction]}</p>
          <dl>
            ${call.queue === null && !call.queueName
              ? nothing
              : html`<dt>${m.queue}</dt>
                  <dd data-testid="incoming-queue" data-queue-id=${call.queue ?? nothing}>${queueNameOf(queues, call, m.queueName)}</dd>`}
            ${call.campaign === null
              ? nothing
              : html`<dt>${m.campaign}</dt>
                  <dd data-testid="incoming-campaign">${nameOf(campaigns, call.campaign, m.campaignName)}</dd>`}
          </dl>
          ${autoAnswer ? html`<p class="auto" data-testid="auto-answer">${m.autoAnswering}</p>` : nothing}
        </div>
      </section>
    `;
  }

  protected override firstUpdated(): void {
    if (this.view?.agent.phase === 'ringing') markLatest('dialtone:ringing-shown'); // read by bench/incoming-call.ts
    this.renderRoot.querySelector<HTMLButtonElement>('[data-testid=answer]')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-incoming-call': IncomingCall;
  }
}
