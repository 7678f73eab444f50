import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ShellConfigIssue } from '../../view/shell-state.ts';
import type { Messages } from '../../i18n/index.ts';
import { sldsTokens } from '../slds.styles.ts';
import { configErrorPanelStyles } from './config-error-panel.styles.ts';

/**
 * Lists every bad call-center setting: the item (label and path), the value received and what was
 * expected. Values are rendered as text, never as markup, whatever an admin typed.
 */
@customElement('dialtone-config-error-panel')
export class ConfigErrorPanel extends LitElement {
  static override styles = [sldsTokens, configErrorPanelStyles];

  @property({ attribute: false }) issues: readonly ShellConfigIssue[] = [];
  @property({ attribute: false }) messages: Messages | undefined;

  override render() {
    const m = this.messages;
    if (!m) return nothing;
    return html`
      <section role="alert" aria-labelledby="title" class="panel">
        <h2 id="title">${m.configErrorTitle}</h2>
        <p>${m.configErrorIntro(this.issues.length)}</p>
        <ul>
          ${this.issues.map(
            (issue) => html`
              <li data-path=${issue.path}>
                <dl>
                  <dt>${m.configItem}</dt>
                  <dd>
                    ${issue.label ? html`<span class="label" title=${issue.label}>${shortLabel(issue.label)}</span> ` : nothing}<code>${issue.path}</code>
                  </dd>
                  <dt>${m.configReceived}</dt>
                  <dd class="received">${issue.received === undefined || issue.received === '' ? m.configNothing : html`<code>${issue.received}</code>`}</dd>
                  <dt>${m.configExpected}</dt>
                  <dd class="expected">${issue.expected}</dd>
                </dl>
              </li>
            `,
          )}
        </ul>
        <p class="hint">${m.configErrorAdminHint}</p>
      </section>
    `;
  }
}

/**
 * Item labels in the call-center definition explain the item at length ("SIP WebSocket URL
 * (required): where the agent's browser…"); the panel names the item by the part before the
 * explanation and keeps the whole label as a tooltip.
 */
export function shortLabel(label: string): string {
  // The first "(" or ":", then back over the spaces before it: `/\s*[(:]/` would retry its `\s*`
  // from every space of a long run, n² on a label of spaces.
  const mark = label.search(/[(:]/u);
  const cut = mark === -1 ? -1 : label.slice(0, mark).trimEnd().length;
  return cut > 0 ? label.slice(0, cut) : label;
}

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-config-error-panel': ConfigErrorPanel;
  }
}
