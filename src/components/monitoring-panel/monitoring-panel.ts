import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { MONITOR_MODES, type MonitorMode } from '../../call/monitoring.ts';
import type { MonitorableAgent, SupervisionView } from '../../view/agent-view.ts';
import type { Messages } from '../../i18n/index.ts';
import { sldsTokens } from '../slds.styles.ts';
import { AgentElement } from '../shared/agent-element.ts';
import { controlStyles } from '../shared/controls.styles.ts';
import { radioStyles } from '../shared/radio.styles.ts';
import { monitoringPanelStyles } from './monitoring-panel.styles.ts';
import type { AgentView } from '../../view/agent-view.ts';

/** The platform's state of an agent in the supervisor's words (unknown states as sent). */
export function agentStateText(m: Messages, agentState: string | null): string {
  if (agentState === null) return '';
  return Object.hasOwn(m.monitorStates, agentState) ? m.monitorStates[agentState as keyof Messages['monitorStates']] : agentState;
}

/** A mode's button and radio label. */
function modeName(m: Messages, mode: MonitorMode): string {
  return mode === 'assist' ? m.monitorAssist : mode === 'barge' ? m.monitorBarge : m.monitorListen;
}

/** What a mode does, in a sentence. */
function modeHint(m: Messages, mode: MonitorMode): string {
  return mode === 'assist' ? m.monitorAssistHint : mode === 'barge' ? m.monitorBargeHint : m.monitorListenHint;
}

/**
 * What the panel says the supervisor is doing, or `null` when idle. The agent by name as the
 * picker lists them ("Ana Agente (user 1001)"), the id alone only when the listing lacks them.
 */
export function supervisionStatusText(m: Messages, s: SupervisionView): string | null {
  const listed = s.agents.find((a) => a.id === s.agent);
  const agent = listed ? m.monitorAgentOption(listed.name, listed.id) : (s.agent ?? '');
  switch (s.status) {
    case 'idle':
      return null;
    case 'starting':
    case 'ringing':
      return m.monitorStarting(agent);
    case 'stopping':
      return m.monitorStopping;
    case 'active':
      return s.mode === 'assist' ? m.monitorAssisting(agent) : s.mode === 'barge' ? m.monitorBarging(agent) : m.monitorListening(agent);
  }
}

/**
 * The supervisor's monitoring panel (docs/monitoring.md): pick an agent and a mode, start;
 * while active, switch between Listen, Assist and Join call (barge), or End. Shown only to supervisors
 * (`supervisorUserIds`); the monitoring audio never becomes a call card.
 */
@customElement('dialtone-monitoring-panel')
export class MonitoringPanel extends AgentElement {
  static override viewSlices: readonly (keyof AgentView)[] = ['supervision'];
  static override styles = [sldsTokens, controlStyles, radioStyles, monitoringPanelStyles];

  /** The agent id the select holds; empty = the first listed. */
  @state() private chosen = '';
  /** The mode picked before starting. */
  @state() private mode: MonitorMode = 'listen';

  override render() {
    const s = this.view?.supervision;
    const m = this.messages;
    if (!s || !m) return nothing;
    const status = supervisionStatusText(m, s);
    return html`
      <section aria-labelledby="monitor-title" data-testid="monitoring-panel" data-status=${s.status}>
        <h3 id="monitor-title">${m.monitorTitle}</h3>
        ${status === null ? this.renderPicker(s, m) : this.renderActive(s, m, status)}
        ${s.error === null ? nothing : html`<p class="error" role="alert" data-testid="monitor-error">${m.monitorFailed(s.error)}</p>`}
      </section>
    `;
  }

  private renderPicker(s: SupervisionView, m: Messages) {
    const agents = s.agents;
    const selected = this.chosen !== '' && agents.some((a) => a.id === this.chosen) ? this.chosen : (agents[0]?.id ?? '');
    return html`
      ${agents.length === 0
        ? html`<p role="status">${m.monitorNoAgents}</p>`
        : html`
            <div class="field">
              <label for="monitor-agent">${m.monitorAgent}</label>
              <select id="monitor-agent" data-testid="monitor-agent" @change=${(e: Event) => (this.chosen = (e.target as HTMLSelectElement).value)}>
                ${agents.map((a) => html`<option value=${a.id} ?selected=${a.id === selected}>${this.optionText(a, m)}</option>`)}
              </select>
            </div>
          `}
      ${this.renderModes(m, this.mode, false, (mode) => (this.mode = mode))}
      <div class="row">
        <button class="brand" data-testid="monitor-start" ?disabled=${selected === ''} @click=${() => this.send({ kind: 'monitorStart', agent: selected, mode: this.mode })}>
          ${modeName(m, this.mode)}
        </button>
        <button data-testid="monitor-refresh" @click=${() => this.send({ kind: 'monitorRefresh' })}>${m.monitorRefresh}</button>
      </div>
    `;
  }

  private renderActive(s: SupervisionView, m: Messages, status: string) {
    const busy = s.status !== 'active' || s.requestedMode !== null;
    const shown = s.requestedMode ?? s.mode ?? 'listen';
    return html`
      <p class="current" role="status" data-testid="monitor-status" data-mode=${s.mode ?? ''}>${status}</p>
      ${this.renderModes(m, shown, busy, (mode) => this.send({ kind: 'monitorSwitch', mode }))}
      ${s.requestedMode !== null ? html`<p class="pending" role="status">${m.monitorSwitching}</p>` : nothing}
      <button class="destructive wide" data-testid="monitor-stop" ?disabled=${s.status === 'stopping'} @click=${() => this.send({ kind: 'monitorStop' })}>${m.monitorEnd}</button>
    `;
  }

  /** Listen / Assist / Join call as a radio group: arrow keys move between them, each explained. */
  private renderModes(m: Messages, current: MonitorMode, disabled: boolean, pick: (mode: MonitorMode) => void) {
    return html`
      <fieldset class="radio-group">
        <legend>${m.monitorModeLabel}</legend>
        <div class="choices">
          ${MONITOR_MODES.map(
            (mode) => html`
              <label class="radio">
                <input
                  type="radio"
                  name="monitor-mode"
                  value=${mode}
                  data-testid=${`monitor-mode-${mode}`}
                  aria-describedby=${`hint-${mode}`}
                  .checked=${current === mode}
                  ?disabled=${disabled}
                  @change=${() => pick(mode)}
                />
                ${modeName(m, mode)}
              </label>
            `,
          )}
        </div>
        ${MONITOR_MODES.map(
          // Each sentence led by its mode's name: three in a row read as one paragraph otherwise.
          // The name is not repeated to a screen reader, which reads the hint after the radio's own.
          (mode) => html`<p class="hint" id=${`hint-${mode}`}><span class="mode" aria-hidden="true">${modeName(m, mode)}:</span> ${modeHint(m, mode)}</p>`,
        )}
      </fieldset>
    `;
  }

  private optionText(agent: MonitorableAgent, m: Messages): string {
    const stateText = agentStateText(m, agent.state);
    const name = m.monitorAgentOption(agent.name, agent.id);
    return stateText === '' ? name : `${name} — ${stateText}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-monitoring-panel': MonitoringPanel;
  }
}
