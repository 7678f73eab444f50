import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Category } from '../../config/config-types.ts';
import { sldsTokens } from '../slds.styles.ts';
import { AgentElement } from '../shared/agent-element.ts';
import { ClockController, formatDuration } from '../shared/clock-controller.ts';
import { controlStyles } from '../shared/controls.styles.ts';
import { focusIfLost } from '../shared/focus.ts';
import { wrapUpPanelStyles } from './wrap-up-panel.styles.ts';

/**
 * After the call: the disposition (sub-categories grouped by category) when the call center asks
 * for one, releasing the contact uncategorised when allowed, the countdown to the automatic
 * release, and "Available again" to take the next call.
 */
@customElement('dialtone-wrap-up-panel')
export class WrapUpPanel extends AgentElement {
  static override styles = [sldsTokens, controlStyles, wrapUpPanelStyles];

  private readonly clock = new ClockController(this);
  @state() private chosen = '';

  override render() {
    const view = this.view;
    const m = this.messages;
    if (!view || !m || view.agent.phase !== 'wrapUp') return nothing;
    const { call, step, releaseDeadline } = view.agent;
    const { options } = view;
    const busy = step !== 'open';
    const saved = call.disposition ? subcategoryName(options.categories, call.disposition.subcategory) : null;
    return html`
      <section class="card" aria-labelledby="title" data-testid="wrap-up">
        <h2 id="title">${m.wrapUpTitle}</h2>
        ${releaseDeadline === null
          ? nothing
          : html`<p class="countdown" data-testid="release-countdown">
              ${m.autoReleaseIn(formatDuration(releaseDeadline - this.clock.now))}
            </p>`}
        ${options.allowCategorization && options.categories.length > 0
          ? html`<div class="row">
              <div class="field">
                <label for="disposition">${m.disposition}</label>
                <select id="disposition" data-testid="disposition-select" ?disabled=${busy} @change=${(e: Event) => (this.chosen = (e.target as HTMLSelectElement).value)}>
                  <option value="" ?selected=${this.chosen === ''}>${m.chooseDisposition}</option>
                  ${options.categories.map(
                    (category) => html`<optgroup label=${category.name}>
                      ${category.subcategories.map((s) => html`<option value=${String(s.id)} ?selected=${this.chosen === String(s.id)}>${s.name}</option>`)}
                    </optgroup>`,
                  )}
                </select>
              </div>
              <button data-testid="categorise" ?disabled=${busy || this.chosen === ''} @click=${this.categorise}>${m.saveDisposition}</button>
            </div>`
          : nothing}
        ${saved === null ? nothing : html`<p class="saved" data-testid="disposition-saved">✓ ${m.dispositionSaved(saved)}</p>`}
        ${options.allowContactRelease && call.contact !== null
          ? html`<button class="wide" data-testid="release-contact" ?disabled=${busy} @click=${() => this.send({ kind: 'releaseContact' })}>
              ${m.releaseContact}
            </button>`
          : nothing}
        <button class="brand wide" data-testid="available" ?disabled=${busy} @click=${() => this.send({ kind: 'available' })}>▶ ${m.available}</button>
        ${busy ? html`<p class="pending" role="status">${m.wrapUpBusy}</p>` : nothing}
      </section>
    `;
  }

  protected override firstUpdated(): void {
    // Hang up is gone with the call: "Available again" is the agent's next step.
    focusIfLost(this.renderRoot.querySelector<HTMLElement>('[data-testid=available]'));
  }

  private readonly categorise = (): void => {
    if (this.chosen !== '') this.send({ kind: 'categorise', subcategory: Number(this.chosen) });
  };
}

/** The name of a configured sub-category, or its id when the configuration no longer lists it. */
function subcategoryName(categories: readonly Category[], id: number): string {
  for (const category of categories) {
    const found = category.subcategories.find((s) => s.id === id);
    if (found) return found.name;
  }
  return String(id);
}

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-wrap-up-panel': WrapUpPanel;
  }
}
