import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { RecordCandidate } from '../../view/agent-view.ts';
import type { LinkedRecord } from '../../crm/linked-record.ts';
import type { Messages } from '../../i18n/index.ts';
import { sldsTokens } from '../slds.styles.ts';
import { AgentElement } from '../shared/agent-element.ts';
import { controlStyles } from '../shared/controls.styles.ts';
import { sldsIcon, sldsIconStyles } from '../shared/slds-icon.ts';
import { icon as syncIcon } from '../shared/slds-icons/sync.ts';
import { objectLabel } from '../shared/names.ts';
import { crmSourceIcon } from '../shared/crm-icon.ts';
import { callRecordStyles } from './call-record.styles.ts';
import '../recording-player/recording-player.ts';
import type { AgentView } from '../../view/agent-view.ts';


/**
 * The Salesforce record of the current call and *why* it was chosen (docs/screen-pop.md):
 * "Contact · Ana Pérez — matched Phone = +34…, rule searchTypePriority: Contact > Account", the
 * other records that matched (the agent may re-point the call, and its Task, to one), and the
 * "sync" action after a no-match pop opened the new-record modal. Names are untrusted: text only.
 */
@customElement('dialtone-call-record')
export class CallRecordPanel extends AgentElement {
  static override viewSlices: readonly (keyof AgentView)[] = ['record'];
  static override styles = [sldsTokens, controlStyles, sldsIconStyles, callRecordStyles];

  override render() {
    const record = this.view?.record;
    const m = this.messages;
    if (!record || !m) return nothing;
    return html`
      <section data-testid="call-record" data-status=${record.status} aria-labelledby="record-title" aria-live="polite">
        <h3 id="record-title">${m.recordTitle}</h3>
        ${record.linked ? this.linked(record.linked, m) : html`<p data-testid="record-status">${this.statusText(record.status, m)}</p>`}
        ${record.canSync ? html`<button class="wide" data-testid="record-sync" @click=${() => this.send({ kind: 'syncRecord' })}>${sldsIcon(syncIcon)} ${m.recordSync}</button>` : nothing}
        ${record.candidates.length === 0 ? nothing : this.candidates(record.candidates, m)}
        ${record.reopened ? html`<p role="status" class="why" data-testid="record-reopened" data-reopened=${record.reopened}>${this.reopenedText(record.reopened, m)}</p>` : nothing}
        ${record.recordingUrl ? html`<dialtone-recording-player data-testid="recording-player" .url=${record.recordingUrl} .messages=${m.connector}></dialtone-recording-player>` : nothing}
      </section>
    `;
  }

  private reopenedText(reopened: 'synced' | 'notSynced' | 'search', m: Messages): string {
    return reopened === 'synced' ? m.connector.reopenedSynced : reopened === 'notSynced' ? m.connector.reopenedNotSynced : m.connector.reopenedSearch;
  }

  private statusText(status: string, m: Messages): string {
    if (status === 'searching') return m.recordSearching;
    if (status === 'layout') return m.recordLayout;
    if (status === 'newRecord') return m.recordNewRecord;
    return m.recordNone;
  }

  private linked(link: LinkedRecord, m: Messages) {
    const reason = link.reason;
    const matched = reason.field !== null && reason.value !== null ? html` <code data-testid="record-match">${reason.field} = ${reason.value}</code>` : nothing;
    const rule = reason.rule === null ? nothing : html`; ${m.recordRule} <code data-testid="record-rule">${reason.rule}</code>`;
    return html`
      <p data-testid="record-linked" data-record-id=${link.id} data-reason=${reason.kind}>
        <span class="type" data-testid="record-type">${objectLabel(m, link.objectType)}</span> ·
        <strong data-testid="record-name">${link.name ?? m.recordUnnamed}</strong>
        ${crmSourceIcon(m.attendant.foundInCrm)}
      </p>
      <p class="why" data-testid="record-reason">${m.recordWhy}: ${m.recordReasons[reason.kind]}${matched}${rule}</p>
      <button
        data-testid="record-show-in-crm"
        aria-label=${m.attendant.showInCrmLabel(`${objectLabel(m, link.objectType)} ${link.name ?? m.recordUnnamed}`)}
        @click=${() => this.send({ kind: 'showInCrm', recordId: link.id })}
      >
        ${m.attendant.showInCrm}
      </button>
    `;
  }

  private candidates(candidates: readonly RecordCandidate[], m: Messages) {
    return html`
      <p class="label" id="record-others">${m.recordOthers}</p>
      <ul aria-labelledby="record-others" data-testid="record-candidates">
        ${candidates.map(
          (c) => html`<li data-testid="record-candidate" data-record-id=${c.id}>
            <span><span class="type">${objectLabel(m, c.objectType)}</span> · ${c.name ?? m.recordUnnamed}</span>
            <button
              data-testid="record-use"
              data-record-id=${c.id}
              aria-label=${`${m.recordUse}: ${objectLabel(m, c.objectType)} ${c.name ?? m.recordUnnamed}`}
              @click=${() => this.send({ kind: 'repointCall', recordId: c.id })}
            >
              ${m.recordUse}
            </button>
          </li>`,
        )}
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-call-record': CallRecordPanel;
  }
}
