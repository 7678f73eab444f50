/**
 * The agent's remembered settings: user and device (IndexedDB prefs), the device's SIP password
 * sealed in the vault (AES-GCM, never in clear), panel size, auto-minimise and audio devices.
 * Storage failing (private window, quota, a corrupt record) never blocks a login: the agent just
 * types again, and a warning says why.
 */
import type { AgentPreferences, SoftphoneIntent } from '../controllers/agent-view.ts';
import { openStore, type DialtoneStore } from '../storage/index.ts';
import { DEFAULT_PREFERENCES } from './view-model.ts';

type LoginIntent = Extract<SoftphoneIntent, { kind: 'login' }>;

/** What the vault holds, as JSON: the device password, and the NeoApi password only for auto-login. */
interface SealedLogin {
  readonly v: 1;
  readonly devicePassword: string;
  readonly password?: string;
}

function readSealed(text: string | undefined): SealedLogin | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { v, devicePassword, password } = value as Record<string, unknown>;
    if (v !== 1 || typeof devicePassword !== 'string') return undefined;
    return typeof password === 'string' ? { v, devicePassword, password } : { v, devicePassword };
  } catch {
    // Not JSON: a secret sealed by something else; treat as nothing remembered.
    return undefined;
  }
}

/** Reads and writes the agent's preferences; every method tolerates a missing store. */
export class PreferenceKeeper {
  private store: DialtoneStore | undefined;
  private current: AgentPreferences = DEFAULT_PREFERENCES;

  constructor(
    private readonly warn: (message: string, cause?: unknown) => void,
    private readonly open: () => Promise<DialtoneStore> = () => openStore(),
  ) {}

  /** The preferences as last read or written. */
  get prefs(): AgentPreferences {
    return this.current;
  }

  /** Opens the store and reads everything; resolves with defaults when storage is unavailable. */
  async load(): Promise<AgentPreferences> {
    try {
      this.store = await this.open();
      const { prefs, corrupt } = await this.store.prefs.getAll();
      if (corrupt.length > 0) this.warn(`ignored corrupt preferences: ${corrupt.join(', ')}`);
      const secret = readSealed(await this.store.vault.load().catch(async (error: unknown) => {
        this.warn('the saved device password could not be opened; it was forgotten', error);
        await this.store?.vault.clear();
        return undefined;
      }));
      this.current = {
        ...DEFAULT_PREFERENCES,
        user: prefs.user ?? '',
        device: prefs.device ?? '',
        devicePasswordRemembered: secret !== undefined,
        autoLogin: (prefs.autoLogin ?? false) && secret?.password !== undefined,
        panelWidth: prefs.panelSize?.width ?? null,
        panelHeight: prefs.panelSize?.height ?? null,
        autoMinimise: prefs.autoMinimise ?? false,
        microphoneId: prefs.microphoneId ?? null,
        speakerId: prefs.speakerId ?? null,
        ringerId: prefs.ringerId ?? null,
      };
    } catch (error) {
      this.warn('preferences are unavailable in this browser; nothing will be remembered', error);
    }
    return this.current;
  }

  /** The login with the passwords the agent left empty filled from the vault, when it has them. */
  async completeLogin(intent: LoginIntent): Promise<LoginIntent> {
    if ((intent.devicePassword !== '' && intent.password !== '') || !this.store) return intent;
    const saved = readSealed(await this.store.vault.load().catch(() => undefined));
    if (!saved) return intent;
    return {
      ...intent,
      devicePassword: intent.devicePassword === '' ? saved.devicePassword : intent.devicePassword,
      password: intent.password === '' ? (saved.password ?? '') : intent.password,
    };
  }

  /** The login to send by itself at start, when the agent chose auto-login and it is allowed. */
  async autoLogin(): Promise<LoginIntent | undefined> {
    const { user, device, autoLogin } = this.current;
    if (!autoLogin || user === '' || device === '' || !this.store) return undefined;
    const saved = readSealed(await this.store.vault.load().catch(() => undefined));
    if (saved?.password === undefined) return undefined;
    return { kind: 'login', user, device, password: saved.password, devicePassword: saved.devicePassword, campaign: null, remember: true, autoLogin: true };
  }

  /** After a login was sent: remember (or forget) user, device and the sealed device password. */
  async rememberLogin(intent: LoginIntent): Promise<AgentPreferences> {
    const store = this.store;
    if (!store) return this.current;
    try {
      if (intent.remember) {
        await store.prefs.set('user', intent.user.trim());
        await store.prefs.set('device', intent.device.trim());
        await store.prefs.set('autoLogin', intent.autoLogin);
        const sealed: SealedLogin = intent.autoLogin ? { v: 1, devicePassword: intent.devicePassword, password: intent.password } : { v: 1, devicePassword: intent.devicePassword };
        if (intent.devicePassword !== '') await store.vault.save(JSON.stringify(sealed));
        this.current = { ...this.current, user: intent.user.trim(), device: intent.device.trim(), autoLogin: intent.autoLogin, devicePasswordRemembered: intent.devicePassword !== '' };
      } else {
        await Promise.all([store.prefs.remove('user'), store.prefs.remove('device'), store.prefs.remove('autoLogin'), store.vault.clear()]);
        this.current = { ...this.current, user: '', device: '', autoLogin: false, devicePasswordRemembered: false };
      }
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
        case 'forgetDevicePassword':
          await store?.vault.clear();
          this.current = { ...this.current, devicePasswordRemembered: false, autoLogin: false };
          await store?.prefs.set('autoLogin', false);
          break;
        case 'setAutoMinimise':
          await store?.prefs.set('autoMinimise', intent.on);
          this.current = { ...this.current, autoMinimise: intent.on };
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
}
