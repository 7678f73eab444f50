import { html, nothing } from 'lit';
import type { ShellState } from '../../view/shell-state.ts';
import type { Messages } from '../../i18n/index.ts';
import type { AgentView } from '../../view/agent-view.ts';
import type { KeptParts } from './kept-parts.ts';
import { isAutoAnswering } from '../shared/auto-answering.ts';
import { LazyElements } from '../shared/lazy-elements.ts';
import { sldsIcon } from '../shared/slds-icon.ts';
import { icon as successIcon } from '../shared/slds-icons/success.ts';
import '../health-gate/health-gate.ts';
import '../login-form/login-form.ts';
import '../notice-list/notice-list.ts';
import '../phone-links/phone-links.ts';
import '../settings-panel/settings-panel.ts';

/** The parts only a logged-in agent sees share one chunk (./agent-parts.ts). */
const agentParts = () => import('./agent-parts.ts');

/**
 * Parts shown only to a logged-in agent, during a call, after it, to supervisors, with a linked
 * record or with a refused Task log: their code loads after start-up (own chunks), see
 * `LazyElements`.
 */
export const lazyParts = new LazyElements({
  'dialtone-incoming-call': agentParts,
  'dialtone-call-controls': agentParts,
  'dialtone-dial-pad': agentParts,
  'dialtone-break-menu': agentParts,
  'dialtone-campaign-picker': agentParts,
  'dialtone-call-info': agentParts,
  'dialtone-monitored-indicator': agentParts,
  'dialtone-transfer-panel': () => import('../transfer-panel/transfer-panel.ts'),
  'dialtone-wrap-up-panel': () => import('../wrap-up-panel/wrap-up-panel.ts'),
  'dialtone-monitoring-panel': () => import('../monitoring-panel/monitoring-panel.ts'),
  'dialtone-call-record': () => import('../call-record/call-record.ts'),
  'dialtone-call-history': () => import('../call-history/call-history.ts'),
  'dialtone-desk-actions': () => import('../desk-actions/desk-actions.ts'),
  'dialtone-directory': () => import('../directory/directory.ts'),
  // Drawn only while a refused Task log waits for the agent (docs/task-log.md): rare, and its list
  // can wait for its own chunk, even before a login (issue 18, size).
  'dialtone-failed-logs': () => import('../failed-logs/failed-logs.ts'),
});

// The phone-window bar is its own chunk, fetched at once (the offer shows before login): the
// element upgrades in place when it arrives, and start-up does not wait for it.
void import('../phone-window-bar/phone-window-bar.ts').catch((error: unknown) => console.warn('[dialtone] the phone window bar did not load', error));

/**
 * Lazy parts for one draw: each drawn once its element is defined, when `when` holds. Asking for
 * its state starts its load, so a part that is not shown must not ask: otherwise the first draw
 * of the login form fetched every panel before the phone registered (issue 18). Parts whose code
 * did not load are drawn as one warning, not one per part (several share a chunk).
 */
function lazyParter(m: Messages) {
  let warned = false;
  return (when: boolean, tag: string, template: unknown) => {
    if (!when) return nothing;
    const state = lazyParts.state(tag);
    if (state === 'defined') return template;
    if (state === 'failed' && !warned) {
      warned = true;
      return html`<p class="error" role="alert" data-testid="part-failed" data-part=${tag}>${m.partDidNotLoad}</p>`;
    }
    return nothing;
  };
}

type ReadyShell = Extract<ShellState, { phase: 'ready' }>;

/**
 * The body of the ready shell: the login form until the agent is in, then what the phase calls
 * for, first (incoming card, call controls, wrap-up, Back to work on a break), then the tools
 * (directory, the number to dial with its folded keypad, a campaign by number), the call
 * information, and the settings folded away. Ready, breaks and campaigns are in the header's
 * status menu. Each component gets the whole view and picks what it needs.
 */
export function renderAgent(state: ReadyShell, m: Messages, kept: KeptParts, focused: Element | null) {
  const view = state.view;
  const phase = view.agent.phase;
  const loggedIn = phase !== 'loggedOut' && phase !== 'loggingIn';
  const part = (when: boolean, template: unknown) => (when ? template : nothing);
  const lazy = lazyParter(m);
  // A leg the phone answers by itself goes straight to the call card (issue 18): no ringing card.
  const autoAnswering = isAutoAnswering(view.agent);
  // A Ready part hidden by a call's start, or holding the focus, stays, hidden, with the view it
  // last drew (./kept-parts.ts). `focused`: the section's child that holds the focus.
  const keep = (shown: boolean, tag: string, draw: (drawn: AgentView, hidden: boolean) => unknown) => {
    const hasFocus = focused !== null && (focused.localName === tag || focused.querySelector(tag) !== null);
    const drawn = kept.viewFor(tag, shown, view, hasFocus);
    return drawn === undefined ? nothing : lazy(true, tag, draw(drawn, !shown));
  };
  return html`
    <section class="ready" data-phase="ready" data-agent-phase=${phase} aria-labelledby="ready-title">
      <h2 id="ready-title" class="visually-hidden">${m.readyTitle}</h2>
      <dialtone-phone-window-bar .view=${view} .messages=${m}></dialtone-phone-window-bar>
      <dialtone-notice-list .view=${view} .messages=${m}></dialtone-notice-list>
      ${lazy((view.failedLogs?.length ?? 0) > 0, 'dialtone-failed-logs', html`<dialtone-failed-logs .view=${view} .messages=${m}></dialtone-failed-logs>`)}
      <dialtone-health-gate .view=${view} .messages=${m}></dialtone-health-gate>
      ${lazy(loggedIn, 'dialtone-monitored-indicator', html`<dialtone-monitored-indicator .view=${view} .messages=${m}></dialtone-monitored-indicator>`)}
      ${part(!loggedIn, html`<dialtone-login-form .view=${view} .messages=${m} .waiting=${state.loginWaiting === true}></dialtone-login-form>`)}
      ${lazy(phase === 'ringing' && !autoAnswering, 'dialtone-incoming-call', html`<dialtone-incoming-call .view=${view} .messages=${m}></dialtone-incoming-call>`)}
      ${lazy(phase === 'dialing' || phase === 'connected' || autoAnswering, 'dialtone-call-controls', html`<dialtone-call-controls .view=${view} .messages=${m}></dialtone-call-controls>`)}
      ${lazy(phase === 'connected', 'dialtone-transfer-panel', html`<dialtone-transfer-panel .view=${view} .messages=${m}></dialtone-transfer-panel>`)}
      ${lazy(phase === 'wrapUp', 'dialtone-wrap-up-panel', html`<dialtone-wrap-up-panel .view=${view} .messages=${m}></dialtone-wrap-up-panel>`)}
      ${keep(phase === 'ready' || phase === 'wrapUp', 'dialtone-break-menu', (drawn, hidden) => html`<dialtone-break-menu ?data-hidden=${hidden} .view=${drawn} .messages=${m}></dialtone-break-menu>`)}
      ${lazy(loggedIn && view.supervision != null, 'dialtone-monitoring-panel', html`<dialtone-monitoring-panel .view=${view} .messages=${m}></dialtone-monitoring-panel>`)}
      ${lazy(loggedIn && (view.deskActions ?? null) !== null, 'dialtone-desk-actions', html`<dialtone-desk-actions .view=${view} .messages=${m}></dialtone-desk-actions>`)}
      ${lazy((view.record ?? null) !== null, 'dialtone-call-record', html`<dialtone-call-record .view=${view} .messages=${m}></dialtone-call-record>`)}
      ${keep((phase === 'ready' || phase === 'connected') && (view.directory ?? null) !== null, 'dialtone-directory', (drawn, hidden) => html`<dialtone-directory ?data-hidden=${hidden} .view=${drawn} .messages=${m}></dialtone-directory>`)}
      ${keep(phase === 'ready', 'dialtone-dial-pad', (drawn, hidden) => html`<dialtone-dial-pad ?data-hidden=${hidden} .view=${drawn} .messages=${m}></dialtone-dial-pad>`)}
      ${keep(phase === 'ready' || phase === 'wrapUp', 'dialtone-campaign-picker', (drawn, hidden) => html`<dialtone-campaign-picker ?data-hidden=${hidden} .view=${drawn} .messages=${m}></dialtone-campaign-picker>`)}
      ${keep(phase === 'ready' || phase === 'wrapUp', 'dialtone-call-history', (drawn, hidden) => html`<details open ?data-hidden=${hidden} data-testid="history-section">
          <summary>${m.attendant.historyTitle} (${drawn.history?.length ?? 0})</summary>
          <dialtone-call-history .view=${drawn} .messages=${m}></dialtone-call-history>
        </details>`)}
      ${lazy(
        loggedIn,
        'dialtone-call-info',
        html`<details open data-testid="call-info-section">
          <summary>${m.infoTitle}</summary>
          <dialtone-call-info .view=${view} .messages=${m}></dialtone-call-info>
        </details>`,
      )}
      <details data-testid="settings">
        <summary>${m.settingsTitle}</summary>
        <dialtone-settings-panel .view=${view} .messages=${m} .salesforceLanguage=${state.salesforceLanguage ?? state.language}></dialtone-settings-panel>
        <dialtone-phone-links .view=${view} .messages=${m}></dialtone-phone-links>
        <dialtone-phone-window-bar placement="setting" .view=${view} .messages=${m}></dialtone-phone-window-bar>
        <dl class="connection">
          <dt>${m.connectedToSalesforce}</dt>
          <dd class="yes">${sldsIcon(successIcon)} ${m.connectedYes}</dd>
          <dt>${m.contactCenter}</dt>
          <dd>${state.neoApiHost}</dd>
          <dt>${m.phoneServer}</dt>
          <dd>${state.sipHost}</dd>
        </dl>
      </details>
    </section>
  `;
}
