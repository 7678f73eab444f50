import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { hasSession } from '../../call/state.ts';
import { sldsTokens } from '../slds.styles.ts';
import { AgentElement } from '../shared/agent-element.ts';
import { controlStyles } from '../shared/controls.styles.ts';
import { refusalHints, refusalHintStyles, refused, whyRefused } from '../shared/refusal-hint.ts';
import { campaignPickerStyles } from './campaign-picker.styles.ts';
import type { AgentView } from '../../view/agent-view.ts';

/**
 * Outbound campaign by number, for a call center that lists no campaigns (`campaigns` empty): the
 * agent types the number and enters it. Listed campaigns, and leaving one, are in the header's
 * status menu (src/components/status-menu).
 *
 * Whether a typed number may be entered now, and the hint when not, come from the dry run of the
 * machine (`view.can.intents.enterCampaign`, src/app/intent-availability.ts: nothing while a
 * campaign change is pending, nor while logging out), like the status menu's listed campaigns; the
 * picker only checks the form of what was typed (digits). The field stays editable while the
 * button waits, so the focus is never dropped under the agent.
 */
@customElement('dialtone-campaign-picker')
export class CampaignPicker extends AgentElement {
  static override viewSlices: readonly (keyof AgentView)[] = ['agent', 'options', 'can'];
  static override styles = [sldsTokens, controlStyles, refusalHintStyles, campaignPickerStyles];

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
    const can = view.can.intents.enterCampaign;
    const described = [this.error === '' ? null : 'campaign-error', refused(can) ? whyRefused('campaign', can) : null].filter((id) => id !== null).join(' ');
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
              .value=${this.chosen}
              aria-invalid=${this.error === '' ? 'false' : 'true'}
              aria-describedby=${described === '' ? nothing : described}
              @input=${(e: Event) => {
                this.chosen = (e.target as HTMLInputElement).value;
                this.error = '';
              }}
              @keydown=${(e: KeyboardEvent) => {
                if (e.key === 'Enter') this.join(this.chosen);
              }}
            />
          </div>
          <button data-testid="join-campaign" ?disabled=${refused(can)} aria-describedby=${whyRefused('campaign', can)} @click=${() => this.join(this.chosen)}>${m.campaignJoin}</button>
        </div>
        ${this.error === '' ? nothing : html`<p class="error" id="campaign-error">${this.error}</p>`}
        ${status.kind === 'joining' ? html`<p class="pending" role="status">${m.campaignJoining}</p>` : nothing}
        ${refusalHints(m, 'campaign', [can])}
      </section>
    `;
  }

  private join(value: string): void {
    const m = this.messages;
    const can = this.view?.can.intents.enterCampaign;
    // Enter in the field while the machine would refuse: the button says why; nothing is sent.
    if (!m || can === undefined || refused(can)) return;
    const trimmed = value.trim();
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
