/**
 * What belongs to this page rather than to the phone: the agent's remembered preferences, the audio
 * devices and the microphone permission this browser reports, and this page's Salesforce utility
 * panel (its size and whether it is open). Kept out of agent-session.ts, which wires the phone:
 * these steps run the same in an owner tab, a follower tab and the phone window.
 */
import type { OpenCti } from '../opencti/index.ts';
import type { AgentPreferences } from '../view/agent-view.ts';
import { messageOf } from '../shared/errors.ts';
import { askForMicrophone, readAudioDevices } from './agent-devices.ts';
import type { AgentRuntime } from './agent-runtime.ts';
import type { HealthGate } from './health-gate.ts';
import type { IntentOf } from './intent-table.ts';
import type { PreferenceKeeper } from './preferences.ts';

/** The settings intents (CONFIGURACIÓN): saved in the preferences, then applied. */
export type SettingIntent = IntentOf<'setAudioDevice' | 'setPanelSize' | 'setAutoMinimise' | 'setLanguage' | 'forgetMe'>;

/** What the page's settings act on. */
export interface PageSettingsParts {
  /** Salesforce, when framed by it; `undefined` in tests and on the phone window page. */
  readonly api: OpenCti | undefined;
  /** The call center's panel size (`softphoneWidth`/`softphoneHeight`), used when the agent chose none. */
  readonly defaultSize: { readonly width: number; readonly height: number };
  readonly prefs: PreferenceKeeper;
  /** Built after the settings (it takes the keeper): read when a step runs. */
  readonly runtime: () => AgentRuntime;
  readonly health: HealthGate;
  /** "Forget me" also forgets this browser's call history. */
  readonly forgetHistory: () => Promise<void>;
  readonly warn: (message: string, cause?: unknown) => void;
}

/** This page's preferences, audio devices and utility panel. */
export class PageSettings {
  constructor(private readonly parts: PageSettingsParts) {}

  /** The agent's preferences as last read or saved. */
  get prefs(): AgentPreferences {
    return this.parts.prefs.prefs;
  }

  /** Reads the preferences (and the vault) into the view, and gives this panel the size the agent chose last time. */
  async load(): Promise<void> {
    const prefs = await this.parts.prefs.load();
    this.parts.runtime().views.update('preferences', { prefs });
    if (prefs.panelWidth !== null || prefs.panelHeight !== null) void this.resizePanel(prefs.panelWidth, prefs.panelHeight);
  }

  /** A settings intent: saved, then applied (the audio device to the phone, the size to the panel). */
  async apply(intent: SettingIntent): Promise<void> {
    if (intent.kind === 'forgetMe') await this.parts.forgetHistory();
    const prefs = await this.parts.prefs.apply(intent);
    const runtime = this.parts.runtime();
    runtime.views.update('preferences', { prefs });
    if (intent.kind === 'setAudioDevice') await runtime.useAudioDevice(intent.role, intent.deviceId);
    if (intent.kind === 'setPanelSize') await this.resizePanel(intent.width, intent.height);
  }

  /** Keeps the login's user and device (and the device password when allowed) for the next login. */
  async remember(login: IntentOf<'login'>): Promise<void> {
    const prefs = await this.parts.prefs.rememberLogin(login);
    this.parts.runtime().views.update('preferences', { prefs });
  }

  /** Asks for the microphone at login (a click, so the browser may prompt), not at the first call. */
  async askMicrophoneEarly(): Promise<void> {
    try {
      await askForMicrophone(this.prefs.microphoneId);
    } catch (error) {
      this.parts.runtime().addNotice('microphoneDenied', 'error', messageOf(error));
      this.parts.health.microphoneRefused(messageOf(error));
    }
    await this.refreshDevices();
  }

  /** The health gate's "Allow the microphone": asks, then checks everything again. */
  async requestMicrophone(): Promise<void> {
    try {
      await askForMicrophone(this.prefs.microphoneId);
    } catch (error) {
      this.parts.warn('the microphone was not allowed', error);
      this.parts.health.microphoneRefused(messageOf(error));
      await this.refreshDevices();
      return;
    }
    await this.refreshDevices();
    await this.parts.health.checkAll();
  }

  /** The devices and the permission the browser reports now, into the settings panel. */
  async refreshDevices(): Promise<void> {
    try {
      this.parts.runtime().views.update('preferences', { devices: await readAudioDevices() });
    } catch (error) {
      this.parts.warn('could not list the audio devices', error);
    }
  }

  /** Opens (a ringing call) or minimises this page's utility panel. */
  async setPanelVisible(visible: boolean): Promise<void> {
    try {
      await this.parts.api?.setSoftphonePanelVisibility({ visible });
    } catch (error) {
      this.parts.warn(`could not ${visible ? 'open' : 'minimise'} the softphone panel`, error);
    }
  }

  private async resizePanel(width: number | null, height: number | null): Promise<void> {
    const api = this.parts.api;
    if (!api) return;
    const { defaultSize } = this.parts;
    const results = await Promise.allSettled([
      api.setSoftphonePanelWidth({ widthPX: width ?? defaultSize.width }),
      api.setSoftphonePanelHeight({ heightPX: height ?? defaultSize.height }),
    ]);
    for (const r of results) if (r.status === 'rejected') this.parts.warn('could not resize the softphone panel', r.reason);
  }
}
