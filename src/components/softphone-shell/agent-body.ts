import { html, nothing } from 'lit';
import type { ShellState } from '../../view/shell-state.ts';
import type { Messages } from '../../i18n/index.ts';
import { isAutoAnswering } from '../shared/auto-answering.ts';
import { LazyElements } from '../shared/lazy-elements.ts';
import { sldsIcon } from '../shared/slds-icon.ts';
import { icon as successIcon } from '../shared/slds-icons/success.ts';
import '../break-menu/break-menu.ts';
import '../call-controls/call-controls.ts';
import '../call-info/call-info.ts';
import '../campaign-picker/campaign-picker.ts';
import '../dial-pad/dial-pad.ts';
import '../failed-logs/failed-logs.ts';
import '../health-gate/health-gate.ts';
import '../incoming-call/incoming-call.ts';
import '../login-form/login-form.ts';
import '../monitored-indicator/monitored-indicator.ts';
import '../notice-list/notice-list.ts';
import '../phone-links/phone-links.ts';
import '../settings-panel/settings-panel.ts';

/**
 * Parts shown only during a call, after it, to supervisors or with a linked record: their code
 * loads after start-up (own chunks), see `LazyElements`.
 */
export const lazyParts = new LazyElements({
  'dialtone-transfer-panel': () => import('../transfer-panel/transfer-panel.ts'),
  'dialtone-wrap-up-panel': () => import('../wrap-up-panel/wrap-up-panel.ts'),
  'dialtone-monitoring-panel': () => import('../monitoring-panel/monitoring-panel.ts'),
  'dialtone-call-record': () => import('../call-record/call-record.ts'),
  'dialtone-call-history': () => import('../call-history/call-history.ts'),
  'dialtone-desk-actions': () => import('../desk-actions/desk-actions.ts'),
  'dialtone-directory': () => import('../directory/directory.ts'),
});

// The phone-window bar is its own chunk, fetched at once (the offer shows before login): the
// element upgrades in place when it arrives, and start-up does not wait for it.
void import('../phone-window-bar/phone-window-bar.ts').catch((error: unknown) => console.warn('[dialtone] the phone window bar did not load', error));

/**
 * A lazy part, when `when` holds: drawn once its element is defined, a warning if its code did not
 * load. Asking for its state starts its load, so a part that is not shown must not ask: otherwise
 * the first draw of the login form fetched every panel before the phone registered (issue 18).
 */
function lazy(when: boolean, tag: string, template: unknown, m: Messages) {
  if (!when) return nothing;
  const state = lazyParts.state(tag);
  if (state === 'defined') return template;
  if (state === 'failed') return html`<p class="error" role="alert" data-testid="part-failed" data-part=${tag}>${m.partDidNotLoad}</p>`;
  return nothing;
}

type ReadyShell = Extract<ShellState, { phase: 'ready' }>;

/**
 * The body of the ready shell: the login form until the agent is in, then what the phase calls
 * for, first (incoming card, call controls, wrap-up, Back to work on a break), then the tools
 * (directory, the number to dial with its folded keypad, a campaign by number), the call
 * information, and the settings folded away. Ready, breaks and campaigns are in the header's
 * status menu. Each component gets the whole view and picks what it needs.
 */
export function renderAgent(state: ReadyShell, m: Messages) {
  const view = state.view;
  const phase = view.agent.phase;
  const loggedIn = phase !== 'loggedOut' && phase !== 'loggingIn';
  const part = (when: boolean, template: unknown) => (when ? template : nothing);
  // A leg the phone answers by itself goes straight to the call card (issue 18): no ringing card.
  const autoAnswering = isAutoAnswering(view.agent);
  return html`
    <section class="ready" data-phase="ready" data-agent-phase=${phase} aria-labelledby="ready-title">
      <h2 id="ready-title" class="visually-hidden">${m.readyTitle}</h2>
      <dialtone-phone-window-bar .view=${view} .messages=${m}></dialtone-phone-window-bar>
      <dialtone-notice-list .view=${view} .messages=${m}></dialtone-notice-list>
      <dialtone-failed-logs .view=${view} .messages=${m}></dialtone-failed-logs>
      <dialtone-health-gate .view=${view} .messages=${m}></dialtone-health-gate>
      ${part(loggedIn, html`<dialtone-monitored-indicator .view=${view} .messages=${m}></dialtone-monitored-indicator>`)}
      ${part(!loggedIn, html`<dialtone-login-form .view=${view} .messages=${m}></dialtone-login-form>`)}
      ${part(phase === 'ringing' && !autoAnswering, html`<dialtone-incoming-call .view=${view} .messages=${m}></dialtone-incoming-call>`)}
      ${part(phase === 'dialing' || phase === 'connected' || autoAnswering, html`<dialtone-call-controls .view=${view} .messages=${m}></dialtone-call-controls>`)}
      ${lazy(phase === 'connected', 'dialtone-transfer-panel', html`<dialtone-transfer-panel .view=${view} .messages=${m}></dialtone-transfer-panel>`, m)}
      ${lazy(phase === 'wrapUp', 'dialtone-wrap-up-panel', html`<dialtone-wrap-up-panel .view=${view} .messages=${m}></dialtone-wrap-up-panel>`, m)}
      ${part(phase === 'ready' || phase === 'wrapUp', html`<dialtone-break-menu .view=${view} .messages=${m}></dialtone-break-menu>`)}
      ${lazy(loggedIn && view.supervision != null, 'dialtone-monitoring-panel', html`<dialtone-monitoring-panel .view=${view} .messages=${m}></dialtone-monitoring-panel>`, m)}
      ${lazy(loggedIn && (view.deskActions ?? null) !== null, 'dialtone-desk-actions', html`<dialtone-desk-actions .view=${view} .messages=${m}></dialtone-desk-actions>`, m)}
      ${lazy((view.record ?? null) !== null, 'dialtone-call-record', html`<dialtone-call-record .view=${view} .messages=${m}></dialtone-call-record>`, m)}
      ${lazy((phase === 'ready' || phase === 'connected') && (view.directory ?? null) !== null, 'dialtone-directory', html`<dialtone-directory .view=${view} .messages=${m}></dialtone-directory>`, m)}
      ${part(phase === 'ready', html`<dialtone-dial-pad .view=${view} .messages=${m}></dialtone-dial-pad>`)}
      ${part(phase === 'ready' || phase === 'wrapUp', html`<dialtone-campaign-picker .view=${view} .messages=${m}></dialtone-campaign-picker>`)}
      ${lazy(phase === 'ready' || phase === 'wrapUp', 'dialtone-call-history', html`<details open data-testid="history-section">
          <summary>${m.attendant.historyTitle} (${view.history?.length ?? 0})</summary>
          <dialtone-call-history .view=${view} .messages=${m}></dialtone-call-history>
        </details>`, m)}
      ${part(
        loggedIn,
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
