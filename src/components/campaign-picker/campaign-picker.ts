import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { hasSession } from '../../call/state.ts';
import { sldsTokens } from '../slds.styles.ts';
import { AgentElement } from '../shared/agent-element.ts';
import { controlStyles } from '../shared/controls.styles.ts';
import { campaignPickerStyles } from './campaign-picker.styles.ts';
import type { AgentView } from '../../view/agent-view.ts';

/**
 * Outbound campaign by number, for a call center that lists no campaigns (`campaigns` empty): the
 * agent types the number and enters it. Listed campaigns, and leaving one, are in the header's
 * status menu (src/components/status-menu). Joining disables the field and says so.
 */
@customElement('dialtone-campaign-picker')
export class CampaignPicker extends AgentElement {
  static override viewSlices: readonly (keyof AgentView)[] = ['agent', 'options'];
  static override styles = [sldsTokens, controlStyles, campaignPickerStyles];

  /** The campaign number as typed. */
  @state() private chosen = '';
  @state() private error = '';

  override render() {
    const view = this.view;
    const m = this.messages;
    if (!view || !m || !hasSession(view.agent)) return nothing;
    const status = view.agent.session.campaign;
    const campaigns = view.options.campaigns;
    // Campaigns listed by the call center, and leaving one, are in the header's status menu.
    if (campaigns.length > 0 || status.kind === 'in' || status.kind === 'leaving') return nothing;
    const joining = status.kind === 'joining';
    return html`
      <section aria-labelledby="title">
        <h3 id="title">${m.campaignTitle}</h3>
        <div class="row">
          <div class="field">
            <label for="campaign">${m.campaignNumber}</label>
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
                      if (e.key === 'Enter') this.join(this.chosen);
                    }}
                  />
          </div>
          <button data-testid="join-campaign" ?disabled=${joining} @click=${() => this.join(this.chosen)}>${m.campaignJoin}</button>
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
