import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConnectorMessages } from '../../i18n/connector-messages.ts';
import { sldsTokens } from '../slds.styles.ts';
import { controlStyles } from '../shared/controls.styles.ts';

/**
 * Plays a call recording (docs/recording-link.md): a native `<audio>` player (keyboard-operable,
 * named for screen readers), a link to open the file, and — when the file does not load (not
 * ready yet, refused, gone) — a message saying why it may be and what to do, with "Try again".
 * Shared by every platform: the URL comes from src/crm/recording-link.ts.
 */
@customElement('dialtone-recording-player')
export class RecordingPlayer extends LitElement {
  static override styles = [
    sldsTokens,
    controlStyles,
    css`
      :host { display: block; margin-top: var(--dt-space-2); }
      audio { width: 100%; }
      .label { margin: 0 0 var(--dt-space-1); font-weight: 700; }
      .failed { color: var(--dt-error, #ba0517); margin: var(--dt-space-1) 0; }
    `,
  ];

  /** The recording's URL. */
  @property() url = '';
  @property({ attribute: false }) messages: ConnectorMessages | undefined;
  @state() private failed = false;
  /** Bumped by "Try again", so the `<audio>` element is created anew and loads again. */
  @state() private attempt = 0;

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('url')) this.failed = false;
  }

  override render() {
    const m = this.messages;
    if (!m || this.url === '') return nothing;
    return html`
      <p class="label" id="recording-title">${m.recordingTitle}</p>
      ${this.failed
        ? html`<p class="failed" role="alert" data-testid="recording-failed">${m.recordingFailed}</p>
            <button data-testid="recording-retry" @click=${() => this.retry()}>${m.recordingRetry}</button>`
        : html`<audio
            controls
            preload="metadata"
            data-testid="recording-audio"
            data-attempt=${this.attempt}
            aria-label=${m.recordingPlayer}
            src=${this.url}
            @error=${() => (this.failed = true)}
          ></audio>`}
      <a data-testid="recording-link" href=${this.url} target="_blank" rel="noopener noreferrer">${m.recordingOpen}</a>
    `;
  }

  private retry(): void {
    this.failed = false;
    this.attempt++;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-recording-player': RecordingPlayer;
  }
}
