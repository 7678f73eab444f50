import { html, nothing, type PropertyValues } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { ShownNotice } from '../../view/agent-view.ts';
import { sldsTokens } from '../slds.styles.ts';
import { AgentElement } from '../shared/agent-element.ts';
import { controlStyles } from '../shared/controls.styles.ts';
import { sldsIcon, sldsIconStyles } from '../shared/slds-icon.ts';
import { icon as closeIcon } from '../shared/slds-icons/close.ts';
import { icon as errorIcon } from '../shared/slds-icons/error.ts';
import { icon as infoIcon } from '../shared/slds-icons/info.ts';
import { icon as warningIcon } from '../shared/slds-icons/warning.ts';
import { noticeListStyles } from './notice-list.styles.ts';
import type { AgentView } from '../../view/agent-view.ts';

/** An SLDS icon per level so the level reads without colour (SLDS's notification icons). */
const ICONS = { info: infoIcon, warning: warningIcon, error: errorIcon } as const;

/**
 * The notices the app raised (src/app/notice-policy.ts decides which, for how long, and which
 * block). Each is one line in the agent's language saying what happened and what to do; any
 * technical text (the platform's or the SIP adapter's, often English, sometimes a raw code) is
 * only behind a native "Technical details" disclosure, which is keyboard-operable and announced
 * with its summary as its name. Errors are alerts (announced at once); the rest are polite
 * statuses. The shell keeps this list at the top of the visible panel (sticky), and a blocking
 * notice takes focus when it appears or changes, so the agent meets it where they are looking.
 */
@customElement('dialtone-notice-list')
export class NoticeList extends AgentElement {
  static override viewSlices: readonly (keyof AgentView)[] = ['notices'];
  static override styles = [sldsTokens, controlStyles, sldsIconStyles, noticeListStyles];

  /** The blocking notices already focused, by id and time: a new state of a condition is new. */
  private readonly focused = new Set<string>();

  override render() {
    const view = this.view;
    const m = this.messages;
    if (!view || !m || view.notices.length === 0) return nothing;
    return html`
      <ul aria-label=${m.noticesLabel}>
        ${view.notices.map((notice) => this.renderNotice(notice))}
      </ul>
    `;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // No box without notices: an empty list must not add a flex gap under the header.
    this.hidden = (this.view?.notices.length ?? 0) === 0;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const fresh = (this.view?.notices ?? []).find((n) => n.blocking === true && !this.focused.has(`${n.id}@${n.at}`));
    if (fresh === undefined) return;
    this.focused.add(`${fresh.id}@${fresh.at}`);
    this.renderRoot.querySelector<HTMLElement>(`#notice-${fresh.id}`)?.focus();
  }

  /** The main line: what happened and what to do, in the agent's language, never a code. */
  private mainLine(shown: ShownNotice): string {
    const m = this.messages;
    if (!m) return '';
    if (shown.failure !== undefined) return `${m.failures.op[shown.failure.op]} ${m.failures.cause[shown.failure.code]}`;
    if (shown.cause !== undefined) return m.noticeCauses[shown.cause];
    return m.notices[shown.notice];
  }

  private renderNotice(shown: ShownNotice) {
    const m = this.messages;
    if (!m) return nothing;
    const textId = `notice-${shown.id}`;
    return html`
      <li class="notice ${shown.level}" data-testid="notice" data-notice=${shown.notice} data-level=${shown.level} data-blocking=${shown.blocking === true ? 'true' : 'false'}>
        <span class="icon">${sldsIcon(ICONS[shown.level])}</span>
        <div class="body" id=${textId} role=${shown.level === 'error' ? 'alert' : 'status'} tabindex=${shown.blocking === true ? '-1' : nothing}>
          <p class="text" data-testid="notice-text">${this.mainLine(shown)}</p>
          ${shown.detail === null || shown.detail === ''
            ? nothing
            : html`<details class="detail" data-testid="notice-details">
                <summary>${m.failures.details}</summary>
                <p>${shown.detail}</p>
              </details>`}
        </div>
        <button
          class="dismiss"
          data-testid="dismiss-notice"
          aria-label=${m.dismiss}
          aria-describedby=${textId}
          title=${m.dismiss}
          @click=${() => this.send({ kind: 'dismissNotice', id: shown.id })}
        >
          ${sldsIcon(closeIcon)}
        </button>
      </li>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-notice-list': NoticeList;
  }
}
