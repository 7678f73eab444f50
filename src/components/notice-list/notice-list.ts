import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { ShownNotice } from '../../controllers/agent-view.ts';
import { sldsTokens } from '../slds.styles.ts';
import { AgentElement } from '../shared/agent-element.ts';
import { controlStyles } from '../shared/controls.styles.ts';
import { noticeListStyles } from './notice-list.styles.ts';

/** A glyph per level so the level reads without colour. */
const ICONS = { info: 'ℹ', warning: '⚠', error: '✖' } as const;

/**
 * The notices the app raised: translated text for the code, the technical detail in small print,
 * and a dismiss button. Errors are alerts (announced at once); the rest are polite statuses.
 */
@customElement('dialtone-notice-list')
export class NoticeList extends AgentElement {
  static override styles = [sldsTokens, controlStyles, noticeListStyles];

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

  private renderPlain(shown: ShownNotice) {
    const m = this.messages;
    if (!m) return nothing;
    return html`
      <p class="text">${m.notices[shown.notice]}</p>
      ${shown.detail === null || shown.detail === '' ? nothing : html`<p class="detail">${shown.detail}</p>`}
    `;
  }

  /**
   * A failed platform command: what failed and what to do, in the agent's language; the
   * platform's own (often English, technical) text only behind a native disclosure, which is
   * keyboard-operable and announced with its summary as its name.
   */
  private renderFailure(shown: ShownNotice, failure: NonNullable<ShownNotice['failure']>) {
    const m = this.messages;
    if (!m) return nothing;
    return html`
      <p class="text" data-testid="notice-text">${m.failures.op[failure.op]} ${m.failures.cause[failure.code]}</p>
      ${shown.detail === null || shown.detail === ''
        ? nothing
        : html`<details class="detail" data-testid="notice-details">
            <summary>${m.failures.details}</summary>
            <p>${shown.detail}</p>
          </details>`}
    `;
  }

  private renderNotice(shown: ShownNotice) {
    const m = this.messages;
    if (!m) return nothing;
    const textId = `notice-${shown.id}`;
    return html`
      <li class="notice ${shown.level}" data-testid="notice" data-notice=${shown.notice} data-level=${shown.level}>
        <span class="icon" aria-hidden="true">${ICONS[shown.level]}</span>
        <div class="body" id=${textId} role=${shown.level === 'error' ? 'alert' : 'status'}>
          ${shown.failure === undefined ? this.renderPlain(shown) : this.renderFailure(shown, shown.failure)}
        </div>
        <button
          class="dismiss"
          data-testid="dismiss-notice"
          aria-label=${m.dismiss}
          aria-describedby=${textId}
          title=${m.dismiss}
          @click=${() => this.send({ kind: 'dismissNotice', id: shown.id })}
        >
          ✕
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
