import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { sldsTokens } from '../slds.styles.ts';
import { AgentElement } from '../shared/agent-element.ts';
import { controlStyles } from '../shared/controls.styles.ts';
import { callInfoStyles } from './call-info.styles.ts';
import type { AgentView } from '../../view/agent-view.ts';

/**
 * The seed's information panel: the last call's platform ids (`0` once the agent is done with
 * it), the delivered contact's ids and the key the screen pop searched with.
 */
@customElement('dialtone-call-info')
export class CallInfoPanel extends AgentElement {
  static override viewSlices: readonly (keyof AgentView)[] = ['info'];
  static override styles = [sldsTokens, controlStyles, callInfoStyles];

  override render() {
    const view = this.view;
    const m = this.messages;
    if (!view || !m) return nothing;
    const info = view.info;
    const rows: readonly (readonly [string, string, string])[] = [
      ['call-id', m.infoCallId, info.lastCallId],
      ['contact-id', m.infoContactId, info.contactId],
      ['base-id', m.infoBaseId, info.baseId],
      ['crm-id', m.infoCrmId, info.crmId],
      ['search-key', m.infoSearchKey, info.searchKey],
    ];
    return html`
      <dl data-testid="call-info">
        ${rows.map(([id, label, value]) => html`<dt>${label}</dt><dd data-testid=${`info-${id}`}>${value === '' ? '—' : value}</dd>`)}
      </dl>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-call-info': CallInfoPanel;
  }
}
