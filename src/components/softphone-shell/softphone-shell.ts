import { LitElement, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { ShellStateController, softphoneContext } from '../../controllers/softphone-context.ts';
import { INTENT_EVENT, type IntentEvent } from '../../view/agent-view.ts';
import type { ShellState } from '../../view/shell-state.ts';
import type { Messages } from '../../i18n/index.ts';
import { loadedMessages, loadMessages } from '../../i18n/lazy.ts';
import { sldsTokens } from '../slds.styles.ts';
import { sldsIconStyles } from '../shared/slds-icon.ts';
import '../config-error-panel/config-error-panel.ts';
import '../agent-status/agent-status.ts';
import { lazyParts, renderAgent } from './agent-body.ts';
import { KeptParts } from './kept-parts.ts';
import { whenIdle } from '../../shared/when-idle.ts';
import { softphoneShellStyles } from './softphone-shell.styles.ts';

/** Shown only when the language catalogue itself cannot be fetched (a broken deployment or network). */
const CATALOGUE_FAILED = 'No se pudieron cargar los textos: recargue la página. · Não foi possível carregar os textos: recarregue a página. · The texts could not be loaded: reload the page.';

/**
 * The softphone's outer frame in the utility-bar panel: header with the agent status, and the body
 * for the current phase (starting, standalone, configuration error, ready).
 */
@customElement('dialtone-softphone')
export class SoftphoneShell extends LitElement {
  /** The language catalogue's chunk failed to load (the next render tries again). */
  private catalogueFailed = false;
  /**
   * The catalogue last drawn: while the agent's new language is fetched the panel keeps drawing in
   * the old one, instead of going blank, which would drop what the DOM holds (open settings, the
   * focus, half-typed fields).
   */
  private drawn: Messages | undefined;
  /** The Ready parts a call's start hides rather than removes (./kept-parts.ts). */
  private readonly kept = new KeptParts();
  /** A draw is asked for when idle: a Ready part lingers hidden with the focus (./kept-parts.ts). */
  private redrawWhenIdle = false;

  static override styles = [sldsTokens, sldsIconStyles, softphoneShellStyles];

  private readonly consumer = new ContextConsumer(this, {
    context: softphoneContext,
    subscribe: true,
    callback: () => this.stateController.attach(),
  });
  private readonly stateController = new ShellStateController(this, () => this.consumer.value);

  constructor() {
    super();
    // Components ask by event; the shell is the one place that talks to the service.
    this.addEventListener(INTENT_EVENT, (event: IntentEvent) => {
      event.stopPropagation();
      this.consumer.value?.send(event.detail);
    });
    // Focus after actions and on open, hotkeys and Escape (panel-keyboard.ts), as their own chunk.
    void import('./panel-keyboard.ts').then(({ attachPanelKeyboard }) =>
      attachPanelKeyboard(this, () => {
        const state = this.stateController.state;
        return state?.phase === 'ready' ? state.view.agent : undefined;
      }),
    );
  }

  private stopLazy: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopLazy = lazyParts.onChange(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopLazy?.();
  }

  protected override willUpdate(): void {
    const state = this.stateController.state;
    // Screen readers pick the voice from the nearest lang attribute: the language of what is drawn.
    // Only when it changed: Blink restyles the whole subtree under an element whose `lang` is set,
    // even to the same value, and this runs on every view update (each frame of a call).
    if (state?.language && loadedMessages(state.language) && this.lang !== state.language) {
      this.lang = state.language;
      // The frame's own document too: the page language is what assistive tech and axe read first.
      this.ownerDocument.documentElement.lang = state.language;
    }
    // The call, wrap-up, monitoring and record parts are fetched once the phone is registered:
    // not before (they would compete with what registering needs), and before any call can
    // arrive, since calls reach a registered phone only (a failure is drawn where the part goes).
    if (state?.phase === 'ready' && state.view.agent.phone === 'registered') void lazyParts.preload();
  }

  protected override updated(): void {
    // A Ready part hidden only because it held the focus goes on a draw once the focus has left it
    // (Chromium moves it out of a hidden element in its own task): ./kept-parts.ts.
    if (this.kept.lingering && !this.redrawWhenIdle) {
      this.redrawWhenIdle = true;
      whenIdle(() => {
        this.redrawWhenIdle = false;
        this.requestUpdate();
      });
    }
  }

  override render() {
    const state = this.stateController.state;
    if (!state) return nothing;
    const loaded = loadedMessages(state.language);
    const m = loaded ?? this.drawn;
    if (!loaded) {
      // The language's catalogue is its own chunk (src/i18n/lazy.ts): draw once it is here.
      loadMessages(state.language).then(
        () => this.requestUpdate(),
        () => {
          this.catalogueFailed = true;
          this.requestUpdate();
        },
      );
    }
    if (!m) {
      // No catalogue, so no language to speak: the one line that says what to do, in all three.
      return this.catalogueFailed ? html`<p role="alert">${CATALOGUE_FAILED}</p>` : nothing;
    }
    this.drawn = m;
    return html`
      <header class=${state.phase === 'ready' ? 'agent' : ''}>
        <h1 class="visually-hidden">${m.appName}</h1>
        ${state.phase === 'ready'
          ? html`<dialtone-agent-status .view=${state.view} .messages=${m}></dialtone-agent-status>`
          : html`<span class="status" role="status" aria-label=${m.statusLabel}><span class="dot" aria-hidden="true"></span>${m.statusOffline}</span>`}
      </header>
      <main tabindex="-1" aria-busy=${state.phase === 'booting' ? 'true' : 'false'}>${this.renderBody(state, m)}</main>
    `;
  }

  /** A refusal on security grounds is not "you opened it outside Salesforce": say what happened. */
  private standaloneTitle(state: Extract<ShellState, { phase: 'standalone' }>, m: Messages): string {
    if (state.reason === 'UNTRUSTED_ORIGIN') return m.untrustedOriginTitle;
    if (state.reason === 'TRUST_FILE_INVALID') return m.trustFileTitle;
    return m.standaloneTitle;
  }

  private standaloneBody(state: Extract<ShellState, { phase: 'standalone' }>, m: Messages): string {
    if (state.reason === 'UNTRUSTED_ORIGIN') return m.untrustedOriginBody(state.origin ?? '?');
    if (state.reason === 'TRUST_FILE_INVALID') return m.trustFileBody;
    return m.standaloneBody;
  }

  private renderBody(state: ShellState, m: Messages) {
    switch (state.phase) {
      case 'booting':
        return html`<p class="muted" data-phase="booting" role="status">${m.booting}</p>`;
      case 'standalone':
        return html`
          <section class="notice" data-phase="standalone" aria-labelledby="standalone-title">
            <h2 id="standalone-title">${this.standaloneTitle(state, m)}</h2>
            <p>${this.standaloneBody(state, m)}</p>
            <p class="muted" data-reason=${state.reason}>${m.standaloneReason(state.detail)}</p>
          </section>
        `;
      case 'settings-unavailable':
        return html`
          <section class="notice warning" data-phase="settings-unavailable" role="alert" aria-labelledby="settings-title">
            <h2 id="settings-title">${m.settingsUnavailableTitle}</h2>
            <p>${m.settingsUnavailableBody(state.detail)}</p>
            <button class="brand" @click=${() => this.consumer.value?.retry()}>${m.retry}</button>
          </section>
        `;
      case 'config-error':
        return html`<dialtone-config-error-panel .issues=${state.issues} .messages=${m}></dialtone-config-error-panel>`;
      case 'ready':
        // The part of the panel that holds the focus (a Ready part holding it is hidden, not removed).
        return renderAgent(state, m, this.kept, this.shadowRoot?.activeElement?.closest('.ready > *') ?? null);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-softphone': SoftphoneShell;
  }
}
