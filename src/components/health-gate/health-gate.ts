import { html, nothing, type PropertyValues } from 'lit';
import { customElement } from 'lit/decorators.js';
import { hasSession } from '../../call/state.ts';
import type { HealthCheckView } from '../../view/health-view.ts';
import { sldsTokens } from '../slds.styles.ts';
import { AgentElement } from '../shared/agent-element.ts';
import { controlStyles } from '../shared/controls.styles.ts';
import { sldsIcon, sldsIconStyles } from '../shared/slds-icon.ts';
import { icon as successIcon } from '../shared/slds-icons/success.ts';
import { healthGateStyles } from './health-gate.styles.ts';
import type { AgentView } from '../../view/agent-view.ts';

/**
 * The pre-shift health gate (docs/health-gate.md): one line per check — microphone (with its
 * level), speaker and ringer (with a test tone), phone registration, contact center, Salesforce,
 * storage —, each failure saying in the agent's words what to do, the browser's or server's text
 * behind "Technical details". Before login it is a disclosure, open while anything needs the
 * agent; in a session it shows only while a check fails. A failing check that keeps the agent
 * from taking calls leads, as an alert.
 */
@customElement('dialtone-health-gate')
export class HealthGateElement extends AgentElement {
  static override viewSlices: readonly (keyof AgentView)[] = ['health', 'agent'];
  static override styles = [sldsTokens, controlStyles, sldsIconStyles, healthGateStyles];

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // No box when there is nothing to say: an empty element must not add a flex gap.
    const health = this.view?.health;
    this.hidden = health === undefined || (this.view !== undefined && hasSession(this.view.agent) && health.blockedBy === null);
  }

  /** The blocking check last brought into view, so it is scrolled to once per new failure. */
  private shownBlock = '';

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const blocked = this.view?.health?.blockedBy;
    const key = blocked ? `${blocked.check}:${blocked.reason ?? ''}` : '';
    if (key === this.shownBlock) return;
    this.shownBlock = key;
    // Where the agent is looking: a new blocking failure is scrolled into the panel's view.
    this.renderRoot.querySelector('[data-testid="health-blocked"]')?.scrollIntoView({ block: 'nearest' });
  }

  override render() {
    const view = this.view;
    const m = this.messages;
    const health = view?.health;
    if (!view || !m || !health) return nothing;
    const inSession = hasSession(view.agent);
    const needsAgent = health.checks.some((c) => c.status === 'failed' || c.status === 'warning');
    if (inSession && health.blockedBy === null) return nothing;
    const blocked = health.blockedBy;
    const h = m.health;
    return html`
      <details ?open=${needsAgent || inSession} data-testid="health-gate" data-blocked=${blocked?.check ?? ''}>
        <summary>${h.title}</summary>
        ${blocked !== null
          ? html`<p class="blocked" role="alert" data-testid="health-blocked">${h.blocked} ${blocked.reason === null ? h.check[blocked.check] : h.reason[blocked.reason]}</p>`
          : needsAgent
            ? nothing
            : html`<p class="help" data-testid="health-clear">${sldsIcon(successIcon)} ${h.allClear}</p>`}
        <ul aria-label=${h.title}>
          ${health.checks.map((check) => this.renderCheck(check))}
        </ul>
        ${health.inputLevelDb === null
          ? nothing
          : html`<label class="help" for="level">${h.level}</label>
              <meter id="level" data-testid="health-level" min="-100" max="0" low="-75" optimum="-20" value=${Math.max(-100, health.inputLevelDb)}></meter>`}
        <div class="actions">
          ${health.canAskMicrophone ? html`<button data-testid="health-allow-mic" @click=${() => this.send({ kind: 'requestMicrophone' })}>${h.allowMicrophone}</button>` : nothing}
          <button data-testid="health-tone" ?disabled=${health.tone === 'playing'} @click=${() => this.send({ kind: 'playTestTone' })}>${h.playTone}</button>
          <button data-testid="health-recheck" @click=${() => this.send({ kind: 'recheckHealth' })}>${h.checkAgain}</button>
        </div>
        <p class="help" role="status" data-testid="health-tone-status">${health.tone === 'playing' ? h.tonePlaying : health.tone === 'played' ? h.tonePlayed : ''}</p>
      </details>
    `;
  }

  private renderCheck(check: HealthCheckView) {
    const m = this.messages;
    if (!m) return nothing;
    const h = m.health;
    return html`<li data-testid="health-check" data-check=${check.check} data-status=${check.status}>
      <div class="line">
        <span>${h.check[check.check]}</span>
        <span class="status ${check.status}">${h.status[check.status]}</span>
      </div>
      ${check.reason === null ? nothing : html`<p class="reason">${h.reason[check.reason]}</p>`}
      ${check.detail === null
        ? nothing
        : html`<details class="help">
            <summary>${m.failures.details}</summary>
            ${check.detail}
          </details>`}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-health-gate': HealthGateElement;
  }
}
