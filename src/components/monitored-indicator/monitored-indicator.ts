import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement } from 'lit/decorators.js';
import { sldsTokens } from '../slds.styles.ts';
import { AgentElement } from '../shared/agent-element.ts';
import type { AgentView } from '../../view/agent-view.ts';

/**
 * Tells an agent that a supervisor is listening to or assisting them, when the call center
 * enables it (`showMonitoringToAgent`). A polite live region, so a screen reader announces the
 * change without interrupting the call.
 */
@customElement('dialtone-monitored-indicator')
export class MonitoredIndicator extends AgentElement {
  static override viewSlices: readonly (keyof AgentView)[] = ['monitoredBy'];
  static override styles = [
    sldsTokens,
    css`
      p {
        margin: 0 0 var(--dt-space-2);
        padding: var(--dt-space-1) var(--dt-space-2);
        border-radius: 0.25rem;
        background: #fef1ee;
        border-left: 4px solid #fe9339;
        font-weight: 700;
      }
    `,
  ];

  protected override update(changed: PropertyValues): void {
    super.update(changed);
    // Nothing to say: the shell takes the (empty) live region out of the column's flow, so it adds
    // no gap under the header, while keeping it in the page, where a later change is announced.
    this.toggleAttribute('data-quiet', !this.view?.monitoredBy);
  }

  override render() {
    const m = this.messages;
    const monitored = this.view?.monitoredBy;
    return html`<div role="status" aria-live="polite">
      ${!m || !monitored
        ? nothing
        : html`<p data-testid="monitored-indicator" data-mode=${monitored.mode}>
            ${(monitored.mode === 'assist' ? m.monitoredAssist : monitored.mode === 'barge' ? m.monitoredBarge : m.monitoredListen)(monitored.supervisorName ?? monitored.supervisor ?? m.monitoredSomeone)}
          </p>`}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-monitored-indicator': MonitoredIndicator;
  }
}
