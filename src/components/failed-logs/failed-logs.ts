import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { FailedLogView } from '../../view/agent-view.ts';
import { sldsTokens } from '../slds.styles.ts';
import { AgentElement } from '../shared/agent-element.ts';
import { controlStyles } from '../shared/controls.styles.ts';
import { sldsIcon, sldsIconStyles } from '../shared/slds-icon.ts';
import { icon as warningIcon } from '../shared/slds-icons/warning.ts';
import { failedLogsStyles } from './failed-logs.styles.ts';
import { reasonKindOf } from './reason-kind.ts';
import type { AgentView } from '../../view/agent-view.ts';

/** What happened to a Copy click, per log key. */
type CopyState = 'copied' | 'blocked';

/**
 * The dead-letter list (docs/task-log.md "Refused logs"): call logs Salesforce kept refusing,
 * folded under a warning line. Each shows its subject, the reason in the agent's words with
 * Salesforce's raw answer behind a disclosure, and Copy (the clipboard, or — where the frame may
 * not write it — the text shown selected), Retry and Dismiss (only once copied: it deletes the
 * log from the browser). Names and reasons are always text.
 */
@customElement('dialtone-failed-logs')
export class FailedLogs extends AgentElement {
  static override viewSlices: readonly (keyof AgentView)[] = ['failedLogs'];
  static override styles = [sldsTokens, controlStyles, sldsIconStyles, failedLogsStyles];

  @state() private copies: Readonly<Record<string, CopyState>> = {};

  override render() {
    const logs = this.view?.failedLogs ?? [];
    const m = this.messages;
    if (!m || logs.length === 0) return nothing;
    return html`
      <details class="failed" data-testid="failed-logs" data-count=${logs.length}>
        <summary><span class="warning-icon">${sldsIcon(warningIcon)}</span> ${m.failedLogs(logs.length)}</summary>
        <p class="help">${m.failedLogsHelp}</p>
        <ul aria-label=${m.failedLogsLabel}>
          ${logs.map((log, index) => this.renderLog(log, index))}
        </ul>
      </details>
    `;
  }

  private renderLog(log: FailedLogView, index: number) {
    const m = this.messages;
    if (!m) return nothing;
    const id = `failed-log-${index}`;
    const copy = this.copies[log.key];
    return html`
      <li data-testid="failed-log" data-key=${log.key} data-code=${log.code} aria-labelledby="${id}-subject">
        <p class="subject" id="${id}-subject">${log.subject}</p>
        <p class="reason" data-testid="failed-log-reason">${m.failedLogReasons[reasonKindOf(log.code)]}</p>
        <details>
          <summary>${m.failedLogRaw}</summary>
          <pre data-testid="failed-log-raw">${log.code}: ${log.reason}</pre>
        </details>
        ${copy === 'blocked'
          ? html`<label class="label" for="${id}-text">${m.failedLogDetails}</label>
              <textarea id="${id}-text" data-testid="failed-log-text" readonly .value=${log.details}></textarea>`
          : nothing}
        <div class="actions">
          <button data-testid="failed-log-copy" aria-describedby="${id}-subject" @click=${() => void this.copy(log, `${id}-text`)}>${m.copyDetails}</button>
          <button data-testid="failed-log-retry" aria-describedby="${id}-subject" @click=${() => this.send({ kind: 'retryFailedLog', key: log.key })}>${m.retryLog}</button>
          <button
            class="destructive"
            data-testid="failed-log-dismiss"
            aria-describedby="${id}-subject ${id}-hint"
            ?disabled=${copy === undefined}
            @click=${() => this.send({ kind: 'dismissFailedLog', key: log.key })}
          >
            ${m.dismissLog}
          </button>
        </div>
        <p class="copy-status" role="status" data-testid="failed-log-copy-status">${copy === 'copied' ? m.copied : copy === 'blocked' ? m.copyBlocked : ''}</p>
        ${copy === undefined ? html`<p class="hint" id="${id}-hint">${m.dismissAfterCopy}</p>` : nothing}
      </li>
    `;
  }

  /** The clipboard when the frame may write it; otherwise the text, shown and selected for Ctrl+C. */
  private async copy(log: FailedLogView, textId: string): Promise<void> {
    let copied = false;
    try {
      // Outside a secure context `navigator.clipboard` is missing: the TypeError lands below too.
      await navigator.clipboard.writeText(log.details);
      copied = true;
    } catch {
      copied = false;
    }
    this.copies = { ...this.copies, [log.key]: copied ? 'copied' : 'blocked' };
    if (copied) return;
    await this.updateComplete;
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>(`#${CSS.escape(textId)}`);
    area?.focus();
    area?.select();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-failed-logs': FailedLogs;
  }
}
