import { html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { sldsTokens } from '../slds.styles.ts';
import { AgentElement } from '../shared/agent-element.ts';
import '../shared/elapsed-time.ts';
import { controlStyles } from '../shared/controls.styles.ts';
import { focusIfLost } from '../shared/focus.ts';
import { DialPad } from '../dial-pad/dial-pad.ts';
import type { CallFacts } from '../../call/call-facts.ts';
import type { AgentView } from '../../view/agent-view.ts';
import type { Messages } from '../../i18n/index.ts';
import { isAutoAnswering } from '../shared/auto-answering.ts';
import { callPartyOf } from '../shared/call-party.ts';
import { refusalHints, refusalHintStyles, refused, whyRefused } from '../shared/refusal-hint.ts';
import { callControlsStyles } from './call-controls.styles.ts';

/**
 * The call in progress: who, for how long, and hang up, hold/resume, mute/unmute and the DTMF
 * keypad. While dialing only hang-up applies; a platform leg the phone answers by itself shows here
 * too, not as a ringing card. Which buttons are enabled, and the hint under a disabled one, come
 * from `view.can` (the machine's own answer: a hang-up in flight refuses everything, a
 * consultation refuses hang-up…), never from a rule of this component.
 */
@customElement('dialtone-call-controls')
export class CallControls extends AgentElement {
  static override viewSlices: readonly (keyof AgentView)[] = ['agent', 'can', 'record', ...DialPad.viewSlices];
  static override styles = [sldsTokens, controlStyles, refusalHintStyles, callControlsStyles];

  @state() private keypadOpen = false;
  private wasConnecting = false;

  /**
   * One template for dialing, the automatic answer of the platform's own leg and the call: from the
   * click on Call to the conversation the card and its Hang up button stay the same elements, so
   * the focus stays on Hang up and no part of the card is rebuilt on the call path (a focused
   * control removed makes Chromium compute style at once, docs/benchmarks.md "Ninth pass").
   *
   * The automatic answer (a dial's first leg, a dialer contact) has nothing to decide, so no
   * ringing card: the call as it will look, hang-up disabled (the machine refuses it while
   * ringing) until the answer is through (a few tens of ms).
   */
  override render() {
    const view = this.view;
    const m = this.messages;
    if (!view || !m) return nothing;
    const agent = view.agent;
    const connecting = isAutoAnswering(agent);
    if (!connecting && agent.phase !== 'dialing' && agent.phase !== 'connected') return nothing;
    const call = agent.call;
    const connected = agent.phase === 'connected';
    const can = view.can.intents;
    const hold = can[connected && agent.held ? 'resume' : 'hold'];
    const mute = can[connected && agent.muted ? 'unmute' : 'mute'];
    const since = connected ? (call.answeredAt ?? call.startedAt) : call.startedAt;
    const line = (who: string): string => {
      if (connected) return m.inCallWith(who);
      return connecting && call.direction !== 'outbound' ? `${m.autoAnswering}: ${who}` : m.callingNumber(who);
    };
    return html`
      <section class="card" aria-labelledby="title" data-testid="call-controls" data-connecting=${connecting ? 'true' : nothing}>
        <h2 id="title" class="visually-hidden">${m.callControls}</h2>
        ${this.party(call, m, line)}
        <p class="timer" data-testid="call-timer">
          <dialtone-elapsed .since=${since} .label=${m.callTimer}></dialtone-elapsed>
        </p>
        ${connected
          ? html`<div class="buttons">
              <button
                data-testid="hold"
                class=${agent.held ? 'on' : ''}
                ?disabled=${refused(hold)}
                aria-describedby=${whyRefused('call', hold)}
                @click=${() => this.send({ kind: agent.held ? 'resume' : 'hold' })}
              >
                ${agent.held ? m.resume : m.hold}
              </button>
              <button
                data-testid="mute"
                class=${agent.muted ? 'on' : ''}
                ?disabled=${refused(mute)}
                aria-describedby=${whyRefused('call', mute)}
                @click=${() => this.send({ kind: agent.muted ? 'unmute' : 'mute' })}
              >
                ${agent.muted ? m.unmute : m.mute}
              </button>
              <button
                data-testid="keypad-toggle"
                aria-expanded=${this.keypadOpen ? 'true' : 'false'}
                aria-controls="keypad"
                ?disabled=${refused(can.sendDtmf)}
                aria-describedby=${whyRefused('call', can.sendDtmf)}
                @click=${() => (this.keypadOpen = !this.keypadOpen)}
              >
                ${this.keypadOpen ? m.hideKeypad : m.showKeypad}
              </button>
            </div>`
          : nothing}
        <button
          class="destructive wide"
          data-testid="hang-up"
          ?disabled=${refused(can.hangUp)}
          aria-describedby=${whyRefused('call', can.hangUp)}
          @click=${() => this.send({ kind: 'hangUp' })}
        >
          ${m.hangUp}
        </button>
        ${refusalHints(m, 'call', connected ? [hold, mute, can.sendDtmf, can.hangUp] : [can.hangUp])}
        <div id="keypad" @keydown=${this.onKeypadKey}>
          ${connected && this.keypadOpen && !refused(can.sendDtmf)
            ? html`<dialtone-dial-pad .view=${view} .messages=${m}></dialtone-dial-pad>`
            : nothing}
        </div>
      </section>
    `;
  }

  /**
   * "In call with María José González" over the number, smaller; the number alone when no name is
   * known. A long name ends in an ellipsis at panel width: the full line stays in the text (what a
   * screen reader reads) and in `title` (what a mouse shows).
   */
  private party(call: CallFacts, m: Messages, line: (who: string) => string) {
    const { name, number } = this.view ? callPartyOf(this.view, call) : { name: null, number: call.number ?? null };
    if (name === null) return html`<p class="who" data-testid="call-party">${line(number ?? m.unknownNumber)}</p>`;
    const main = line(name);
    return html`<p class="who named" data-testid="call-party" title=${main}>${main}</p>
      <p class="party-number" data-testid="call-party-number">${number ?? m.unknownNumber}</p>`;
  }

  protected override firstUpdated(): void {
    // After Answer (or Call) the control the agent used is gone: Hang up is what comes next.
    focusIfLost(this.renderRoot.querySelector<HTMLElement>('[data-testid=hang-up]'));
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // An automatic answer went through: Hang up is enabled now, and comes next.
    const connecting = this.view !== undefined && isAutoAnswering(this.view.agent);
    if (this.wasConnecting && !connecting) focusIfLost(this.renderRoot.querySelector<HTMLElement>('[data-testid=hang-up]'));
    this.wasConnecting = connecting;
  }

  /** Escape folds the keypad away and returns to its toggle. */
  private readonly onKeypadKey = async (event: KeyboardEvent): Promise<void> => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.keypadOpen = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[data-testid=keypad-toggle]')?.focus();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-call-controls': CallControls;
  }
}
