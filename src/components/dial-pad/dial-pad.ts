import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { sldsTokens } from '../slds.styles.ts';
import { AgentElement } from '../shared/agent-element.ts';
import { controlStyles } from '../shared/controls.styles.ts';
import { focusIfLost } from '../shared/focus.ts';
import { sldsIcon, sldsIconStyles } from '../shared/slds-icon.ts';
import { icon as keypadIcon } from '../shared/slds-icons/keypad.ts';
import { dialPadStyles } from './dial-pad.styles.ts';
import type { AgentView } from '../../view/agent-view.ts';

/** The 12 keys, in telephone order. */
export const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

/** Characters a keyboard can type that are DTMF tones. */
const DTMF_KEY = /^[0-9*#]$/u;
/** Characters a keyboard can type into a number to dial from the keypad buttons. */
const DIAL_KEY = /^[0-9*#+]$/u;

/**
 * Two pads in one. Outside a call: a number field, Call (or Enter) sending the number raw as typed,
 * and the keypad typing into the field, folded away behind its "Keypad" toggle until asked for (the app normalises it or refuses it with `dialError`). During a
 * connected call: each key press, or digit typed while the pad has focus, sends one DTMF tone.
 */
@customElement('dialtone-dial-pad')
export class DialPad extends AgentElement {
  static override viewSlices: readonly (keyof AgentView)[] = ['agent', 'dialError'];
  static override styles = [sldsTokens, controlStyles, sldsIconStyles, dialPadStyles];

  @state() private number = '';
  /** The idle keypad is unfolded (it takes half the panel, so it waits to be asked for). */
  @state() private keypadOpen = false;
  /** Tones sent in this call, echoed so the agent sees what the far end received. */
  @state() private tones = '';

  override render() {
    const view = this.view;
    const m = this.messages;
    if (!view || !m) return nothing;
    return view.agent.phase === 'connected' ? this.renderDtmf() : this.renderDial();
  }

  protected override willUpdate(): void {
    // The echo belongs to one call.
    if (this.view?.agent.phase !== 'connected') this.tones = '';
  }

  private renderDial() {
    const m = this.messages;
    const view = this.view;
    if (!m || !view) return nothing;
    const error = view.dialError;
    return html`
      <section aria-labelledby="title" @keydown=${this.onDialKey}>
        <h3 id="title">${m.dialTitle}</h3>
        <div class="field">
          <label for="number">${m.dialNumber}</label>
          <div class="number-row">
            <input
              id="number"
              type="tel"
              autocomplete="off"
              data-testid="dial-input"
              .value=${this.number}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${error ? 'dial-error' : nothing}
              @input=${this.onInput}
              @keydown=${(e: KeyboardEvent) => {
                if (e.key === 'Enter') this.dial();
              }}
            />
            <button
              class="keypad-toggle"
              data-testid="keypad-toggle"
              aria-expanded=${this.keypadOpen ? 'true' : 'false'}
              aria-controls="keys"
              @click=${() => (this.keypadOpen = !this.keypadOpen)}
            >${sldsIcon(keypadIcon)} ${m.keypad}</button>
            <button class="success" data-testid="dial-button" @click=${() => this.dial()}>${m.dialButton}</button>
          </div>
          ${error ? html`<p class="error" id="dial-error" role="alert" data-testid="dial-error">${m.dialRefused[error.reason](error.number)}</p>` : nothing}
        </div>
        <div id="keys" ?hidden=${!this.keypadOpen}>
          ${this.keypadOpen ? this.renderKeys((key) => this.typed(this.number + key)) : nothing}
        </div>
      </section>
    `;
  }

  private renderDtmf() {
    const m = this.messages;
    if (!m) return nothing;
    return html`
      <section aria-labelledby="title" class="dtmf" data-testid="dtmf-pad" @keydown=${this.onPadKey}>
        <h3 id="title">${m.keypad}</h3>
        <p class="tones" aria-live="polite"><span class="label">${m.dtmfSent}:</span> <output data-testid="dtmf-sent">${this.tones}</output></p>
        ${this.renderKeys((key) => this.tone(key))}
      </section>
    `;
  }

  private renderKeys(press: (key: string) => void) {
    const m = this.messages;
    if (!m) return nothing;
    return html`
      <div class="keys" role="group" aria-label=${m.keypad}>
        ${KEYS.map((key) => html`<button type="button" class="key" data-key=${key} @click=${() => press(key)}>${key}</button>`)}
      </div>
    `;
  }

  protected override firstUpdated(): void {
    // Logged in, or back from a wrap-up: the number field is where the agent goes next.
    if (this.view?.agent.phase !== 'connected') focusIfLost(this.renderRoot.querySelector<HTMLElement>('#number'));
  }

  /** A digit typed on a key of the pad (not in the field) types into the number. */
  private readonly onDialKey = (event: KeyboardEvent): void => {
    if (event.target instanceof HTMLInputElement || event.ctrlKey || event.metaKey || event.altKey || !DIAL_KEY.test(event.key)) return;
    event.preventDefault();
    this.typed(this.number + event.key);
  };

  private dial(): void {
    this.send({ kind: 'dial', number: this.number });
  }

  private typed(value: string): void {
    this.number = value;
    // Editing the number is the agent's answer to the refusal: it no longer applies.
    if (this.view?.dialError) this.send({ kind: 'clearDialError' });
  }

  private readonly onInput = (event: Event): void => {
    this.typed((event.target as HTMLInputElement).value);
  };

  private tone(digit: string): void {
    this.tones += digit;
    this.send({ kind: 'sendDtmf', digit });
  }

  /** A digit typed anywhere in the pad is a tone (Enter and Space still press the focused key). */
  private readonly onPadKey = (event: KeyboardEvent): void => {
    if (event.repeat || event.ctrlKey || event.metaKey || event.altKey || !DTMF_KEY.test(event.key)) return;
    event.preventDefault();
    this.tone(event.key);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-dial-pad': DialPad;
  }
}
