import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AudioDeviceChoice } from '../../view/agent-view.ts';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../i18n/languages.ts';
import { sldsTokens } from '../slds.styles.ts';
import { AgentElement } from '../shared/agent-element.ts';
import { controlStyles } from '../shared/controls.styles.ts';
import { settingsPanelStyles } from './settings-panel.styles.ts';
import type { AgentView } from '../../view/agent-view.ts';

type AudioRole = 'microphone' | 'speaker' | 'ringer';

/**
 * The agent's local settings: the panel's language, panel size, auto-minimise, audio devices
 * (microphone, speaker, ringer), the microphone permission with what to do when it is denied, and
 * "forget me" (every preference and the saved device password, when anything is remembered).
 */
@customElement('dialtone-settings-panel')
export class SettingsPanel extends AgentElement {
  static override viewSlices: readonly (keyof AgentView)[] = ['prefs', 'devices', 'history'];
  static override styles = [sldsTokens, controlStyles, settingsPanelStyles];

  /** What "Same as Salesforce" gives: the call center's language, else the browser's. */
  @property({ attribute: false }) salesforceLanguage: Language = 'es';

  /** Size as typed, until applied; `undefined` = show the saved preference. */
  @state() private width: string | undefined;
  @state() private height: string | undefined;
  /** The last "Apply size" was refused (outside Open CTI's range): say so instead of failing silently. */
  @state() private sizeRefused = false;

  override render() {
    const view = this.view;
    const m = this.messages;
    if (!view || !m) return nothing;
    const { prefs, devices } = view;
    const width = this.width ?? (prefs.panelWidth === null ? '' : String(prefs.panelWidth));
    const height = this.height ?? (prefs.panelHeight === null ? '' : String(prefs.panelHeight));
    return html`
      <div class="row">
        <div class="field">
          <label for="width">${m.panelWidth}</label>
          <input id="width" type="number" min="200" max="1920" step="10" data-testid="panel-width" aria-describedby="size-help" aria-invalid=${this.sizeRefused && !inRange(width, 200, 1920) ? 'true' : 'false'} .value=${width} @input=${(e: Event) => (this.width = (e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="height">${m.panelHeight}</label>
          <input id="height" type="number" min="240" max="2560" step="10" data-testid="panel-height" aria-describedby="size-help" aria-invalid=${this.sizeRefused && !inRange(height, 240, 2560) ? 'true' : 'false'} .value=${height} @input=${(e: Event) => (this.height = (e.target as HTMLInputElement).value)} />
        </div>
        <button data-testid="apply-size" @click=${() => this.applySize(width, height)}>${m.applyPanelSize}</button>
        <p id="size-help" data-testid="panel-size-help" class=${this.sizeRefused ? 'error' : 'help'} role=${this.sizeRefused ? 'alert' : nothing}>
          ${this.sizeRefused ? m.attendant.panelSizeRefused : m.attendant.panelSizeRange}
        </p>
      </div>
      <div class="check">
        <input
          id="auto-minimise"
          type="checkbox"
          data-testid="auto-minimise"
          .checked=${prefs.autoMinimise}
          @change=${(e: Event) => this.send({ kind: 'setAutoMinimise', on: (e.target as HTMLInputElement).checked })}
        />
        <label for="auto-minimise">${m.autoMinimise}</label>
      </div>
      ${
        // After the size, not first: Escape leaves a select to its own list (panel-keys.ts), so the
        // first control Tab reaches in the settings must be one Escape closes them from.
        this.languageSelect(prefs.language ?? null)
      }
      ${devices.microphonePermission === 'granted'
        ? nothing
        : html`<div class="permission ${devices.microphonePermission}" data-testid="microphone-permission">
            <p class=${devices.microphonePermission === 'denied' ? 'error' : 'help'} role=${devices.microphonePermission === 'denied' ? 'alert' : nothing}>
              ${devices.microphonePermission === 'denied' ? m.microphoneDenied : m.microphoneAsk}
            </p>
            <button data-testid="allow-microphone" @click=${() => this.send({ kind: 'requestMicrophone' })}>${m.allowMicrophone}</button>
          </div>`}
      ${this.deviceSelect('microphone', m.microphone, devices.microphones, prefs.microphoneId, false)}
      ${this.deviceSelect('speaker', m.speaker, devices.speakers, prefs.speakerId, !devices.canSelectOutput)}
      ${this.deviceSelect('ringer', m.ringer, devices.speakers, prefs.ringerId, !devices.canSelectOutput)}
      ${devices.canSelectOutput ? nothing : html`<p class="help" id="output-help">${m.outputNotSelectable}</p>`}
      ${prefs.devicePasswordRemembered || prefs.user !== '' || prefs.device !== '' || (view.history?.length ?? 0) > 0
        ? html`<button class="forget" data-testid="forget-me" aria-describedby="forget-me-help" @click=${() => this.send({ kind: 'forgetMe' })}>
            ${m.forgetMe}
          </button>
          <p class="help" id="forget-me-help">${m.forgetMeHelp}</p>`
        : nothing}
    `;
  }

  /**
   * The panel's language: applied at once (the shell fetches that catalogue) and kept in the
   * preferences. Each language is named in itself, with its `lang`, so a screen reader says it right.
   */
  private languageSelect(chosen: Language | null) {
    const m = this.messages;
    if (!m) return nothing;
    return html`
      <div class="field">
        <label for="language">${m.languageLabel}</label>
        <select
          id="language"
          data-testid="language-select"
          aria-describedby="language-help"
          @change=${(e: Event) => {
            const value = (e.target as HTMLSelectElement).value;
            this.send({ kind: 'setLanguage', language: LANGUAGES.find((l) => l === value) ?? null });
          }}
        >
          <option value="" ?selected=${chosen === null}>${m.languageFollowSalesforce(LANGUAGE_NAMES[this.salesforceLanguage])}</option>
          ${LANGUAGES.map((l) => html`<option value=${l} lang=${l} ?selected=${chosen === l}>${LANGUAGE_NAMES[l]}</option>`)}
        </select>
        <p class="help" id="language-help">${m.languageHelp}</p>
      </div>
    `;
  }

  private applySize(width: string, height: string): void {
    this.sizeRefused = !inRange(width, 200, 1920) || !inRange(height, 240, 2560);
    if (!this.sizeRefused) this.send({ kind: 'setPanelSize', width: sizeOf(width), height: sizeOf(height) });
  }

  private deviceSelect(role: AudioRole, label: string, choices: readonly AudioDeviceChoice[], current: string | null, fixed: boolean) {
    const m = this.messages;
    if (!m) return nothing;
    return html`
      <div class="field">
        <label for=${role}>${label}</label>
        <select
          id=${role}
          data-testid=${`${role}-select`}
          ?disabled=${fixed}
          aria-describedby=${fixed ? 'output-help' : nothing}
          @change=${(e: Event) => {
            const value = (e.target as HTMLSelectElement).value;
            this.send({ kind: 'setAudioDevice', role, deviceId: value === '' ? null : value });
          }}
        >
          <option value="" ?selected=${current === null}>${m.systemDefault}</option>
          ${choices.map((d) => html`<option value=${d.id} ?selected=${d.id === current}>${d.label}</option>`)}
        </select>
      </div>
    `;
  }
}

/** Blank (the call center's size) or a whole number of px within Open CTI's limits for the panel. */
function inRange(typed: string, min: number, max: number): boolean {
  if (typed.trim() === '') return true;
  const value = Number(typed);
  return Number.isInteger(value) && value >= min && value <= max;
}

/** A typed size in px, or `null` (= the call center's default) when blank or not a number. */
function sizeOf(typed: string): number | null {
  const value = Number.parseInt(typed, 10);
  return Number.isFinite(value) && value > 0 ? value : null;
}

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-settings-panel': SettingsPanel;
  }
}
