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
        ${this.pendingBadge()}
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
   * The logs waiting for Salesforce (docs/task-log.md, "Pending count"). The badge line is above
   * the ringing card, and the badge wraps it onto a second line: one that came or went while the
   * phone rings moved Answer by a line under the agent's pointer (docs/benchmarks.md, "Twelfth
   * pass (a)"). So while it rings the badge keeps the place it had when the ring began: drawn
   * then, it stays (hidden, same text, once nothing waits); not drawn then, it waits for the ring's end.
   */
  private pendingBadge() {
    const m = this.messages;
    const count = this.view?.pendingLogs ?? 0;
    if (!m) return nothing;
    const ringing = this.view?.agent.phase === 'ringing';
    const drawn = ringing ? this.pendingDrawn > 0 : count > 0;
    this.pendingDrawn = drawn ? (count > 0 ? count : this.pendingDrawn) : 0;
    if (!drawn) return nothing;
    // Kept for the ring only: the same text, hidden from sight and from screen readers.
    const kept = count === 0;
    return html`<span class="badge warning ${kept ? 'kept' : ''}" aria-hidden=${kept ? 'true' : nothing}
      data-testid=${kept ? nothing : 'pending-logs'} data-count=${kept ? nothing : count}>${sldsIcon(syncIcon)} ${m.pendingLogs(this.pendingDrawn)}</span>`;
  }

  /** The count the pending badge last showed, 0 when it is not drawn ({@link pendingBadge}). */
  private pendingDrawn = 0;

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
