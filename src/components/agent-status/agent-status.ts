import { html, nothing, type PropertyValues } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { hasSession } from '../../call/state.ts';
import { sldsTokens } from '../slds.styles.ts';
import { AgentElement } from '../shared/agent-element.ts';
import { gateHint } from '../health-gate/gate-hint.ts';
import { controlStyles } from '../shared/controls.styles.ts';
import { sldsIcon, sldsIconStyles } from '../shared/slds-icon.ts';
import { icon as syncIcon } from '../shared/slds-icons/sync.ts';
import { icon as warningIcon } from '../shared/slds-icons/warning.ts';
import { statusDotStyles } from '../shared/status-dot.styles.ts';
import { agentStatusStyles } from './agent-status.styles.ts';
import { StatusMenu } from '../status-menu/status-menu.ts';
import type { AgentView } from '../../view/agent-view.ts';

/**
 * The header: the agent's status as the status menu's button (`<dialtone-status-menu>`: its
 * timer, ready, breaks and campaigns), the phone and NeoApi health in words (never colour alone), "controlled from another tab" for a
 * follower tab, and the logout button with its confirmation when a call or wrap-up is still open.
 */
@customElement('dialtone-agent-status')
export class AgentStatus extends AgentElement {
  static override viewSlices: readonly (keyof AgentView)[] = ['agent', 'tab', 'pendingLogs', 'confirmLogout', 'options', 'health', ...StatusMenu.viewSlices];
  static override styles = [sldsTokens, controlStyles, sldsIconStyles, statusDotStyles, agentStatusStyles];

  @query('dialog') private readonly dialog!: HTMLDialogElement | null;

  override render() {
    const view = this.view;
    const m = this.messages;
    if (!view || !m) return nothing;
    const agent = view.agent;
    const canLogOut = hasSession(agent) && agent.phase !== 'loggingOut';
    return html`
      <div class="line">
        <dialtone-status-menu .view=${view} .messages=${m}></dialtone-status-menu>
        ${this.holdContactsButton()}
        ${canLogOut
          ? html`<button data-testid="logout" @click=${() => this.send({ kind: 'logout', force: false })}>${m.logout}</button>`
          : nothing}
      </div>
      <div class="line badges" role="status">
        <span class="badge phone ${agent.phone}" data-testid="phone-status" data-phone=${agent.phone}
          ><span class="dot" aria-hidden="true"></span>${m.phoneStatus[agent.phone]}</span
        >
        ${agent.neoApi === 'degraded' && hasSession(agent) ? html`<span class="badge warning" data-testid="neoapi-degraded">${sldsIcon(warningIcon)} ${m.neoApiDegraded}</span>` : nothing}
        ${view.tab === 'follower' ? html`<span class="badge" data-testid="tab-follower">${m.tabFollower}</span>` : nothing}
        ${(view.pendingLogs ?? 0) > 0
          ? html`<span class="badge warning" data-testid="pending-logs" data-count=${view.pendingLogs ?? 0}
              >${sldsIcon(syncIcon)} ${m.pendingLogs(view.pendingLogs ?? 0)}</span
            >`
          : nothing}
      </div>
      <dialog aria-labelledby="confirm-title" aria-describedby="confirm-body" @cancel=${this.onCancel}>
        <h2 id="confirm-title">${m.confirmLogoutTitle}</h2>
        <p id="confirm-body">${m.confirmLogoutBody}</p>
        <div class="actions">
          <button data-testid="logout-cancel" @click=${() => this.send({ kind: 'cancelLogout' })}>${m.cancel}</button>
          <button class="destructive" data-testid="logout-confirm" @click=${() => this.send({ kind: 'logout', force: true })}>${m.confirmLogoutYes}</button>
        </div>
      </dialog>
    `;
  }

  /**
   * Hold / take new contacts: idle in a campaign only (the view model has no campaign when the
   * platform lacks campaigns, so the capability gates it too).
   */
  private holdContactsButton() {
    const agent = this.view?.agent;
    const m = this.messages;
    if (!m || agent?.phase !== 'ready' || agent.session.campaign.kind !== 'in' || agent.session.availability.kind !== 'available') return nothing;
    const held = agent.session.contactsHeld === true;
    const text = held ? m.operations.resumeContacts : m.operations.holdContacts;
    // Taking contacts again makes the agent available: the health gate may refuse it (docs/health-gate.md).
    const gate = held && this.view ? gateHint(this.view, m) : null;
    const hint = gate ?? text.hint;
    return html`<button data-testid="hold-contacts" aria-pressed=${held ? 'true' : 'false'} title=${hint} aria-description=${hint} ?disabled=${gate !== null}
      @click=${() => this.send({ kind: 'holdContacts', hold: !held })}>${text.label}</button>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const dialog = this.dialog;
    if (!dialog) return;
    // A modal dialog traps focus and answers Escape natively; the app decides when it closes.
    const wanted = this.view?.confirmLogout === true;
    if (wanted && !dialog.open) dialog.showModal();
    if (!wanted && dialog.open) dialog.close();
  }

  /** Escape: the agent keeps the session; the app clears `confirmLogout`. */
  private readonly onCancel = (event: Event): void => {
    event.preventDefault();
    this.send({ kind: 'cancelLogout' });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-agent-status': AgentStatus;
  }
}
