import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { CallHistoryEntryView } from '../../view/agent-view.ts';
import type { Messages } from '../../i18n/index.ts';
import { sldsTokens } from '../slds.styles.ts';
import { AgentElement } from '../shared/agent-element.ts';
import { formatDuration } from '../shared/clock-controller.ts';
import { controlStyles } from '../shared/controls.styles.ts';
import { objectLabel } from '../shared/names.ts';
import { crmSourceIcon } from '../shared/crm-icon.ts';
import { sldsIcon, sldsIconStyles, type SldsIconData } from '../shared/slds-icon.ts';
import { icon as incomingIcon } from '../shared/slds-icons/incoming_call.ts';
import { icon as outboundIcon } from '../shared/slds-icons/outbound_call.ts';
import { callHistoryStyles } from './call-history.styles.ts';
import type { AgentView } from '../../view/agent-view.ts';
import { HISTORY_SHOWN } from '../../view/call-history-view.ts';

/** How many entries the panel draws (the store keeps more; docs/call-history.md): all the view carries. */
export const SHOWN_ENTRIES = HISTORY_SHOWN;
/** How many calls the browser keeps per agent (`HISTORY_LIMIT` of src/storage; repeated: components never import storage). */
const KEPT_ENTRIES = 50;

/** SLDS's call-direction icons; the direction is also said in words in the entry's facts. */
const DIRECTION_ICONS: Readonly<Record<CallHistoryEntryView['direction'], SldsIconData>> = { inbound: incomingIcon, outbound: outboundIcon, dialer: outboundIcon };


/**
 * The agent's last calls (docs/call-history.md): direction, who (the record's name, the caller's
 * name, the number), when, talk time and disposition; "Call" redials the number through the dial
 * plan, "Show in CRM" opens the call's record in Salesforce, and the cloud marks a call whose
 * record was found. Names are untrusted: rendered as text only.
 */
@customElement('dialtone-call-history')
export class CallHistory extends AgentElement {
  static override viewSlices: readonly (keyof AgentView)[] = ['agent', 'history', 'attendant'];
  static override styles = [sldsTokens, controlStyles, sldsIconStyles, callHistoryStyles];

  override render() {
    const view = this.view;
    const m = this.messages;
    if (!view || !m) return nothing;
    const a = m.attendant;
    // The view carries at most SHOWN_ENTRIES; the cut stays for a view built elsewhere (a test, an older owner tab).
    const entries = (view.history ?? []).slice(0, SHOWN_ENTRIES);
    const failed = view.attendant?.crmOpenFailed ?? null;
    const canDial = view.agent.phase === 'ready';
    return html`
      <section data-testid="call-history" aria-label=${a.historyTitle}>
        ${failed === null ? nothing : html`<p class="error" role="alert" data-testid="crm-open-failed">${a.showInCrm}: ${failed.detail}</p>`}
        ${entries.length === 0
          ? html`<p class="help" data-testid="history-empty">${a.historyEmpty}</p>`
          : html`<ol aria-label=${a.historyTitle} data-testid="history-list">
              ${entries.map((entry) => this.entry(entry, m, canDial))}
            </ol>`}
        <p class="help">${a.historyKept(KEPT_ENTRIES)}</p>
      </section>
    `;
  }

  private entry(entry: CallHistoryEntryView, m: Messages, canDial: boolean) {
    const a = m.attendant;
    const number = entry.number ?? a.withheld;
    const who = entry.name ?? entry.number ?? a.unknownCaller;
    const when = new Date(entry.startedAt);
    const talk = entry.durationSeconds === null ? a.notAnswered : a.talked(formatDuration(entry.durationSeconds * 1000));
    const record = entry.record;
    return html`<li data-testid="history-entry" data-key=${entry.key} data-direction=${entry.direction} data-record-id=${record?.id ?? nothing}>
      <p class="who">
        <span class="dir">${sldsIcon(DIRECTION_ICONS[entry.direction])}</span>
        <span data-testid="history-who">${who}</span>
        ${record === null ? nothing : crmSourceIcon(a.foundInCrm)}
      </p>
      <p class="facts" data-testid="history-facts">
        ${a.directions[entry.direction]} · ${entry.name === null ? nothing : html`${number} · `}<time datetime=${when.toISOString()}>${when.toLocaleString(a.locale, { dateStyle: 'short', timeStyle: 'short' })}</time> ·
        ${talk} · <span data-testid="history-disposition">${entry.disposition ?? a.notCategorised}</span>
      </p>
      <div class="actions">
        ${entry.number === null
          ? nothing
          : html`<button
              data-testid="history-redial"
              aria-label=${a.redialLabel(entry.name === null ? number : `${entry.name} (${number})`)}
              ?disabled=${!canDial}
              @click=${() => this.send({ kind: 'dial', number: entry.number ?? '' })}
            >
              ${a.redial}
            </button>`}
        ${record === null
          ? nothing
          : html`<button
              data-testid="history-show-in-crm"
              aria-label=${a.showInCrmLabel(`${objectLabel(m, record.objectType)} ${record.name ?? m.recordUnnamed}`)}
              @click=${() => this.send({ kind: 'showInCrm', recordId: record.id })}
            >
              ${a.showInCrm}
            </button>`}
      </div>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-call-history': CallHistory;
  }
}
