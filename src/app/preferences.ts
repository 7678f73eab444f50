/**
 * The agent's remembered settings: user and device (IndexedDB prefs), the device's SIP password
 * sealed in the vault only when the admin allows it (`allowRememberDevicePassword`), panel size,
 * auto-minimise, audio devices and the panel's language. The NeoApi password is never stored: not in IndexedDB, not in
 * any other storage (docs/security.md). Storage failing (private window, quota, a corrupt record)
 * never blocks a login: the agent just types again, and a warning says why.
 */
import type { AgentPreferences, SoftphoneIntent } from '../view/agent-view.ts';
import { openStore, type DialtoneStore } from '../storage/index.ts';
import { DEFAULT_PREFERENCES } from './view-model.ts';

type LoginIntent = Extract<SoftphoneIntent, { kind: 'login' }>;

/**
 * What the vault holds, as JSON: the device password and the device it belongs to. Version 2;
 * version 1 (older builds) could hold the NeoApi password too and is wiped on sight.
 */
interface SealedDevicePassword {
  readonly v: 2;
  readonly device: string;
  readonly devicePassword: string;
}

/** The sealed record if it is exactly a version-2 device password; `undefined` for anything else. */
function readSealed(text: string | undefined): SealedDevicePassword | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const record = value as Record<string, unknown>;
    const { v, device, devicePassword } = record;
    // Any other key (an old build's `password`) makes the record unacceptable, so it gets wiped.
    if (v !== 2 || typeof device !== 'string' || typeof devicePassword !== 'string' || Object.keys(record).length !== 3) return undefined;
    return { v, device, devicePassword };
  } catch {
    // Not JSON: a secret sealed by something else; the caller wipes it.
    return undefined;
  }
}

/** What the keeper needs from the call center. */
export interface PreferencePolicy {
  /** `allowRememberDevicePassword`: may the device password be kept in this browser? */
  readonly allowRememberDevicePassword: boolean;
}

/** Reads and writes the agent's preferences; every method tolerates a missing store. */
export class PreferenceKeeper {
  private store: DialtoneStore | undefined;
  private current: AgentPreferences = DEFAULT_PREFERENCES;
  /**
   * The vault as `load` decrypted it, kept in memory (never stored) so the login does not decrypt
   * it a second time; `rememberLogin` and `forgetMe` keep it in step with what they write.
   */
  private sealed: SealedDevicePassword | undefined;

  constructor(
    private readonly warn: (message: string, cause?: unknown) => void,
    private readonly policy: PreferencePolicy,
    private readonly open: () => Promise<DialtoneStore> = () => openStore(),
  ) {}

  /** The preferences as last read or written. */
  get prefs(): AgentPreferences {
    return this.current;
  }

  /**
   * Opens the store and reads everything; resolves with defaults when storage is unavailable.
   * A vault the admin no longer allows, or one holding anything but a device password, is wiped.
   */
  async load(): Promise<AgentPreferences> {
    try {
      this.store = await this.open();
      const { prefs, corrupt } = await this.store.prefs.getAll();
      if (corrupt.length > 0) this.warn(`ignored corrupt preferences: ${corrupt.join(', ')}`);
      const saved = await this.readVault();
      this.sealed = saved;
      this.current = {
        ...DEFAULT_PREFERENCES,
        user: prefs.user ?? '',
        device: prefs.device ?? '',
        devicePasswordRemembered: saved !== undefined,
        panelWidth: prefs.panelSize?.width ?? null,
        panelHeight: prefs.panelSize?.height ?? null,
        autoMinimise: prefs.autoMinimise ?? false,
        microphoneId: prefs.microphoneId ?? null,
        speakerId: prefs.speakerId ?? null,
        ringerId: prefs.ringerId ?? null,
        language: prefs.language ?? null,
      };
    } catch (error) {
      this.warn('preferences are unavailable in this browser; nothing will be remembered', error);
    }
    return this.current;
  }

  /**
   * The login with an empty device password filled from the vault, when it holds one for that
   * same device. The NeoApi password is never filled: the agent types it at every login.
   */
  async completeLogin(intent: LoginIntent): Promise<LoginIntent> {
    if (intent.devicePassword !== '' || !this.store) return intent;
    const saved = this.sealed ?? (await this.readVault());
    if (saved?.device !== intent.device.trim()) return intent;
    return { ...intent, devicePassword: saved.devicePassword };
  }

  /** The kept device password of `device` (read by `load`), for a session resumed after a reload (call-resume.ts). */
  keptDevicePassword(device: string): string | undefined {
    return this.sealed?.device === device.trim() ? this.sealed.devicePassword : undefined;
  }

  /**
   * After a login was sent: remember (or forget) user and device, and seal the device password
   * only when both the admin and the agent asked for it.
   */
  async rememberLogin(intent: LoginIntent): Promise<AgentPreferences> {
    const store = this.store;
    if (!store) return this.current;
    try {
      const user = intent.user.trim();
      const device = intent.device.trim();
      if (intent.remember) await Promise.all([store.prefs.set('user', user), store.prefs.set('device', device)]);
      else await Promise.all([store.prefs.remove('user'), store.prefs.remove('device')]);
      const keep = this.policy.allowRememberDevicePassword && intent.rememberDevicePassword && intent.devicePassword !== '';
      if (keep) {
        const sealed: SealedDevicePassword = { v: 2, device, devicePassword: intent.devicePassword };
        await store.vault.save(JSON.stringify(sealed));
        this.sealed = sealed;
      } else {
        this.sealed = undefined;
        await store.vault.clear();
      }
      this.current = { ...this.current, user: intent.remember ? user : '', device: intent.remember ? device : '', devicePasswordRemembered: keep };
    } catch (error) {
      this.warn('could not remember the login', error);
    }
    return this.current;
  }

  /** Applies a settings intent and returns the new preferences. */
  async apply(intent: SoftphoneIntent): Promise<AgentPreferences> {
    const store = this.store;
    try {
      switch (intent.kind) {
        case 'forgetMe':
          // Everything this browser keeps about the agent; Task logs waiting for Salesforce stay
          // in the outbox, since dropping them would lose the calls' records.
          this.current = DEFAULT_PREFERENCES;
          this.sealed = undefined;
          await Promise.all([store?.vault.clear(), store?.prefs.clear()]);
          break;
        case 'setAutoMinimise':
          await store?.prefs.set('autoMinimise', intent.on);
          this.current = { ...this.current, autoMinimise: intent.on };
          break;
        case 'setLanguage':
          if (intent.language === null) await store?.prefs.remove('language');
          else await store?.prefs.set('language', intent.language);
          this.current = { ...this.current, language: intent.language };
          break;
        case 'setPanelSize':
          if (intent.width !== null && intent.height !== null) await store?.prefs.set('panelSize', { width: intent.width, height: intent.height });
          else await store?.prefs.remove('panelSize');
          this.current = { ...this.current, panelWidth: intent.width, panelHeight: intent.height };
          break;
        case 'setAudioDevice': {
          const name = intent.role === 'microphone' ? 'microphoneId' : intent.role === 'speaker' ? 'speakerId' : 'ringerId';
          if (intent.deviceId === null) await store?.prefs.remove(name);
          else await store?.prefs.set(name, intent.deviceId);
          this.current = { ...this.current, [name]: intent.deviceId };
          break;
        }
        default:
          break;
      }
    } catch (error) {
      this.warn(`could not save the setting (${intent.kind})`, error);
    }
    return this.current;
  }

  /**
   * The sealed device password, when the admin allows keeping one and the record is exactly a
   * version-2 device password; otherwise the vault is wiped (key included) and `undefined` returned.
   */
  private async readVault(): Promise<SealedDevicePassword | undefined> {
    const store = this.store;
    if (!store) return undefined;
    let text: string | undefined;
    try {
      text = await store.vault.load();
    } catch (error) {
      this.warn('the saved device password could not be opened; it was forgotten', error);
      await store.vault.clear();
      return undefined;
    }
    if (text === undefined) return undefined;
    const saved = this.policy.allowRememberDevicePassword ? readSealed(text) : undefined;
    if (saved === undefined) await store.vault.clear();
    return saved;
  }
}
