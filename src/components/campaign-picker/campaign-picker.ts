import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { hasSession } from '../../call/state.ts';
import { sldsTokens } from '../slds.styles.ts';
import { AgentElement } from '../shared/agent-element.ts';
import { controlStyles } from '../shared/controls.styles.ts';
import { nameOf } from '../shared/names.ts';
import { campaignPickerStyles } from './campaign-picker.styles.ts';

/**
 * Outbound campaign: enter one (picked from the configured campaigns, or typed as a number when
 * the call center lists none) or leave the current one. Pending states disable the controls.
 */
@customElement('dialtone-campaign-picker')
export class CampaignPicker extends AgentElement {
  static override styles = [sldsTokens, controlStyles, campaignPickerStyles];

  /** The campaign as chosen or typed; empty = the first configured one (or nothing typed). */
  @state() private chosen = '';
  @state() private error = '';

  override render() {
    const view = this.view;
    const m = this.messages;
    if (!view || !m || !hasSession(view.agent)) return nothing;
    const status = view.agent.session.campaign;
    const campaigns = view.options.campaigns;
    if (status.kind === 'in' || status.kind === 'leaving') {
      return html`
        <section aria-labelledby="title">
          <h3 id="title">${m.campaignTitle}</h3>
          <p class="current">${m.statusInCampaign(nameOf(campaigns, status.id, m.campaignName))}</p>
          <button data-testid="leave-campaign" ?disabled=${status.kind === 'leaving'} @click=${() => this.send({ kind: 'leaveCampaign' })}>
            ${m.campaignLeave}
          </button>
          ${status.kind === 'leaving' ? html`<p class="pending" role="status">${m.campaignLeaving}</p>` : nothing}
        </section>
      `;
    }
    const joining = status.kind === 'joining';
    const selected = this.chosen === '' && campaigns.length > 0 ? String(campaigns[0]?.id ?? '') : this.chosen;
    return html`
      <section aria-labelledby="title">
        <h3 id="title">${m.campaignTitle}</h3>
        <div class="row">
          <div class="field">
            ${campaigns.length > 0
              ? html`<label for="campaign">${m.campaignSelect}</label>
                  <select id="campaign" data-testid="campaign-select" ?disabled=${joining} @change=${(e: Event) => (this.chosen = (e.target as HTMLSelectElement).value)}>
                    ${campaigns.map((c) => html`<option value=${String(c.id)} ?selected=${String(c.id) === selected}>${c.name}</option>`)}
                  </select>`
              : html`<label for="campaign">${m.campaignNumber}</label>
                  <input
                    id="campaign"
                    inputmode="numeric"
                    data-testid="campaign-input"
                    ?disabled=${joining}
                    .value=${this.chosen}
                    aria-invalid=${this.error === '' ? 'false' : 'true'}
                    aria-describedby=${this.error === '' ? nothing : 'campaign-error'}
                    @input=${(e: Event) => {
                      this.chosen = (e.target as HTMLInputElement).value;
                      this.error = '';
                    }}
                    @keydown=${(e: KeyboardEvent) => {
                      if (e.key === 'Enter') this.join(selected);
                    }}
                  />`}
          </div>
          <button data-testid="join-campaign" ?disabled=${joining} @click=${() => this.join(selected)}>${m.campaignJoin}</button>
        </div>
        ${this.error === '' ? nothing : html`<p class="error" id="campaign-error">${this.error}</p>`}
        ${joining ? html`<p class="pending" role="status">${m.campaignJoining}</p>` : nothing}
      </section>
    `;
  }

  private join(value: string): void {
    const m = this.messages;
    const trimmed = value.trim();
    if (!m) return;
    if (!/^\d+$/.test(trimmed)) {
      this.error = trimmed === '' ? m.fieldRequired(m.campaignNumber) : m.campaignNotANumber(trimmed);
      return;
    }
    this.send({ kind: 'enterCampaign', campaign: Number(trimmed) });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-campaign-picker': CampaignPicker;
  }
}
