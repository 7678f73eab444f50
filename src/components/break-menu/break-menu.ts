import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { hasSession } from '../../call/state.ts';
import { sldsTokens } from '../slds.styles.ts';
import { AgentElement } from '../shared/agent-element.ts';
import { gateHint } from '../health-gate/gate-hint.ts';
import { controlStyles } from '../shared/controls.styles.ts';
import { nameOf } from '../shared/names.ts';
import { breakMenuStyles } from './break-menu.styles.ts';

/**
 * Breaks: pick a break type and take it (`pause`), or go back to work (`unpause`). While NeoApi
 * confirms either, the controls are disabled and say what is happening.
 */
@customElement('dialtone-break-menu')
export class BreakMenu extends AgentElement {
  static override styles = [sldsTokens, controlStyles, breakMenuStyles];

  /** The chosen break type id as the select holds it; empty = the first configured one. */
  @state() private chosen = '';

  override render() {
    const view = this.view;
    const m = this.messages;
    if (!view || !m || !hasSession(view.agent) || view.options.breakTypes.length === 0) return nothing;
    const availability = view.agent.session.availability;
    const types = view.options.breakTypes;
    const pending = availability.kind === 'pausing' || availability.kind === 'unpausing';
    const gate = gateHint(view, m);
    if (availability.kind === 'onBreak' || availability.kind === 'unpausing') {
      return html`
        <section aria-labelledby="title">
          <h3 id="title">${m.breakTitle}</h3>
          <p class="current">${m.statusOnBreak(nameOf(types, availability.subtype, m.breakName))}</p>
          <button class="brand wide" data-testid="unpause" ?disabled=${pending || gate !== null} aria-describedby=${gate === null ? nothing : 'gate-hint'} @click=${() => this.send({ kind: 'unpause' })}>${m.breakEnd}</button>
          ${gate === null ? nothing : html`<p class="error" id="gate-hint" data-testid="gate-hint">${gate}</p>`}
          ${availability.kind === 'unpausing' ? html`<p class="pending" role="status">${m.breakUnpausing}</p>` : nothing}
        </section>
      `;
    }
    const selected = this.chosen === '' ? String(types[0]?.id ?? '') : this.chosen;
    return html`
      <section aria-labelledby="title">
        <h3 id="title">${m.breakTitle}</h3>
        <div class="row">
          <div class="field">
            <label for="break-type">${m.breakType}</label>
            <select id="break-type" data-testid="break-select" ?disabled=${pending} @change=${(e: Event) => (this.chosen = (e.target as HTMLSelectElement).value)}>
              ${types.map((t) => html`<option value=${String(t.id)} ?selected=${String(t.id) === selected}>${t.name}</option>`)}
            </select>
          </div>
          <button data-testid="pause" ?disabled=${pending} @click=${() => this.send({ kind: 'pause', subtype: Number(selected) })}>${m.breakStart}</button>
        </div>
        ${availability.kind === 'pausing' ? html`<p class="pending" role="status">${m.breakPausing}</p>` : nothing}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-break-menu': BreakMenu;
  }
}
