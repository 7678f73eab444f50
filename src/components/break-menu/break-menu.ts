import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { hasSession } from '../../call/state.ts';
import { sldsTokens } from '../slds.styles.ts';
import { AgentElement } from '../shared/agent-element.ts';
import { gateHint } from '../health-gate/gate-hint.ts';
import { controlStyles } from '../shared/controls.styles.ts';
import { nameOf } from '../shared/names.ts';
import { breakMenuStyles } from './break-menu.styles.ts';
import type { AgentView } from '../../view/agent-view.ts';

/**
 * On a break: which one, and Back to work (`unpause`) as the one big button of the screen (the
 * Alt+Shift+R hotkey presses it too). Breaks are taken from the header's status menu; this card
 * is the quick way back, disabled with the reason while the health gate or NeoApi holds it.
 */
@customElement('dialtone-break-menu')
export class BreakMenu extends AgentElement {
  static override viewSlices: readonly (keyof AgentView)[] = ['agent', 'can', 'options', 'health'];
  static override styles = [sldsTokens, controlStyles, breakMenuStyles];

  override render() {
    const view = this.view;
    const m = this.messages;
    if (!view || !m || !hasSession(view.agent) || view.options.breakTypes.length === 0) return nothing;
    const availability = view.agent.session.availability;
    const types = view.options.breakTypes;
    // Whether back to work is possible now is the machine's answer (view.can); the health gate may still hold it.
    const refusedNow = !view.can.intents.unpause.ok;
    const gate = gateHint(view, m);
    if (availability.kind === 'onBreak' || availability.kind === 'unpausing') {
      return html`
        <section aria-labelledby="title">
          <h3 id="title">${m.breakTitle}</h3>
          <p class="current">${m.statusOnBreak(nameOf(types, availability.subtype, m.breakName))}</p>
          <button class="brand wide" data-testid="unpause" ?disabled=${refusedNow || gate !== null} aria-describedby=${gate === null ? nothing : 'gate-hint'} @click=${() => this.send({ kind: 'unpause' })}>${m.breakEnd}</button>
          ${gate === null ? nothing : html`<p class="error" id="gate-hint" data-testid="gate-hint">${gate}</p>`}
          ${availability.kind === 'unpausing' ? html`<p class="pending" role="status">${m.breakUnpausing}</p>` : nothing}
        </section>
      `;
    }
    // Taking a break is in the header's status menu (src/components/status-menu).
    return nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-break-menu': BreakMenu;
  }
}
