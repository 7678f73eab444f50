import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sldsTokens } from '../slds.styles.ts';
import { AgentElement } from '../shared/agent-element.ts';
import { controlStyles } from '../shared/controls.styles.ts';
import type { AgentView } from '../../view/agent-view.ts';

/**
 * The phone window (docs/phone-window.md), drawn in two places. `placement="bar"`: in the window, its
 * one line on why it exists; in a panel, "the window runs your phone" with Show, or the offer to
 * open it (the agent's click opens it, so no pop-up blocker) when the agent uses one.
 * `placement="setting"`: the agent's "Use a phone window" switch, in the settings.
 */
@customElement('dialtone-phone-window-bar')
export class PhoneWindowBar extends AgentElement {
  static override viewSlices: readonly (keyof AgentView)[] = ['phoneWindow'];
  @property() placement: 'bar' | 'setting' = 'bar';

  static override styles = [
    sldsTokens,
    controlStyles,
    css`
      section {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--dt-space-2);
        margin: 0 0 var(--dt-space-2);
        padding: var(--dt-space-2);
        border-radius: var(--dt-radius);
        background: var(--dt-surface-alt);
      }
      p {
        margin: 0;
        flex: 1 1 12rem;
      }
      label {
        display: flex;
        gap: var(--dt-space-1);
        align-items: center;
        margin-top: var(--dt-space-3);
      }
    `,
  ];

  override render() {
    const m = this.messages?.phoneWindow;
    const pw = this.view?.phoneWindow;
    if (!m || !pw) return nothing;
    if (this.placement === 'setting') {
      if (pw.where === 'window') return nothing;
      return html`
        <label><input type="checkbox" data-testid="phone-window-use" .checked=${pw.use} aria-describedby="pw-use-help"
          @change=${(e: Event) => this.send({ kind: 'phoneWindow', action: (e.target as HTMLInputElement).checked ? 'use' : 'dontUse' })} />${m.useLabel}</label>
        <p class="help" id="pw-use-help">${m.useHelp}</p>
      `;
    }
    if (pw.where === 'window') return html`<section data-testid="phone-window-why" role="note"><p>${m.windowWhy}</p></section>`;
    if (pw.connected) {
      return html`<section data-testid="phone-window-bar" data-state="connected" role="status">
        <p>${m.connected}</p>
        ${pw.canShow ? html`<button data-testid="phone-window-show" @click=${() => this.send({ kind: 'phoneWindow', action: 'open' })}>${m.show}</button>` : nothing}
      </section>`;
    }
    if (!pw.use) return nothing;
    return html`<section data-testid="phone-window-bar" data-state="offer">
      <p id="pw-offer">${pw.busy ? m.busy : m.offer}</p>
      <button class="brand" data-testid="phone-window-open" aria-describedby="pw-offer" ?disabled=${pw.busy}
        @click=${() => this.send({ kind: 'phoneWindow', action: 'open' })}>${m.open}</button>
      ${pw.blocked ? html`<p class="error" role="alert" data-testid="phone-window-blocked">${m.blocked}</p>` : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-phone-window-bar': PhoneWindowBar;
  }
}
