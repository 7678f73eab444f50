import { ContextProvider } from '@lit/context';
import { validateConfig, settingPath, settingValue, type Config, type SettingsMap } from '../config/index.ts';
import { withShippedPlatform } from '../config/sip-platform-defaults.ts';
import { NEOTEL_CAPABILITIES } from '../platforms/neotel/capabilities.ts';
import { softphoneContext } from '../controllers/softphone-context.ts';
import type { ShellConfigIssue, ShellState, SoftphoneService } from '../view/shell-state.ts';
import type { AgentView, SoftphoneIntent } from '../view/agent-view.ts';
import { resolveLanguage, type Language } from '../i18n/index.ts';
import { loadedMessages, loadMessages } from '../i18n/lazy.ts';
import { loadOpenCti, type LoadOpenCtiOptions, type OpenCti, type OpenCtiConnection } from '../opencti/index.ts';
import type * as AgentSessionChunk from './agent-session.ts';
import type { AgentSession, AgentSessionOptions } from './agent-session.ts';
import { messageOf } from '../shared/errors.ts';
import { nextTask } from '../shared/next-task.ts';
import { whenIdle } from '../shared/when-idle.ts';
import { loggedOutView } from './first-view.ts';
import { pageSessionStorage, reloadMarkPresent } from './reload-mark.ts';
import { preloadSipPhoneForReload } from './sip-chunk.ts';

/** What the app needs from its surroundings; tests pass fakes. */
export interface SoftphoneAppOptions {
  /** Connects to Salesforce (default: the real loader on the current window). */
  readonly connect?: (options?: LoadOpenCtiOptions) => Promise<OpenCtiConnection>;
  /** The browser's preferred languages, most preferred first. */
  readonly browserLanguages?: readonly string[];
  /** Where problems that must not stop the softphone are reported (default: console.warn). */
  readonly warn?: (message: string, cause?: unknown) => void;
  /** The phone window page (docs/phone-window.md): its session publishes to the panels, and it gets the session. */
  readonly phoneWindowPage?: AgentSessionOptions['phoneWindowPage'];
  readonly onSession?: (session: AgentSession) => void;
  /** The session chunk (default: its dynamic import); tests pass one that arrives when they say. */
  readonly sessionCode?: () => Promise<typeof AgentSessionChunk>;
  /** Starts loading the phone's code on a reload, sip.js (default: `preloadSipPhoneForReload`); tests count the calls. */
  readonly phoneCode?: () => Promise<unknown>;
  /** Whether this tab's page left a session for its reload (default: in sessionStorage, reload-mark.ts). */
  readonly reloadPending?: () => boolean;
}

/**
 * The agent session's code (runtime and machine, NeoApi, storage, tabs, CRM) is its own chunk, out
 * of the start-up bundle: `boot()` starts fetching it once Open CTI is connected, so it arrives
 * while the console answers the settings (docs/benchmarks.md, "Size"). The login form does not
 * wait for it on a Neotel call center.
 */
const importSession = (): Promise<typeof AgentSessionChunk> => import('./agent-session.ts');

/** SLDS utility icon shown while the agent is not on a call. */
const IDLE_ICON = 'call';

/**
 * The softphone service: boots the adapter (Open CTI → settings → config), holds the shell state
 * and hands it to the components. The phases are drawn in `src/view/shell-state.ts`.
 */
export class SoftphoneApp implements SoftphoneService {
  private current: ShellState;
  private readonly listeners = new Set<(state: ShellState) => void>();
  private readonly connect: (options?: LoadOpenCtiOptions) => Promise<OpenCtiConnection>;
  private readonly browserLanguages: readonly string[];
  private readonly warn: (message: string, cause?: unknown) => void;
  private readonly options: SoftphoneAppOptions;
  private api: OpenCti | undefined;
  private initializationNotified = false;
  private booting: Promise<void> | undefined;
  private session: AgentSession | undefined;
  private sessionCode: Promise<typeof AgentSessionChunk> | undefined;
  /** This tab's page left a session for its reload: the phone registers as soon as the session resumes. */
  private reloading = false;
  /**
   * Intents sent while the ready shell is drawn and the session is not running yet, in order: the
   * session runs them once it started (`loadSettings`). `undefined` when nothing may wait.
   */
  private waiting: SoftphoneIntent[] | undefined;
  /** The validated configuration, once ready. */
  config: Config | undefined;

  constructor(options: SoftphoneAppOptions = {}) {
    this.options = options;
    this.connect = options.connect ?? ((o) => loadOpenCti(o));
    this.browserLanguages = options.browserLanguages ?? [];
    this.warn = options.warn ?? ((message, cause) => console.warn(`[dialtone] ${message}`, cause ?? ''));
    this.current = { phase: 'booting', language: resolveLanguage(undefined, this.browserLanguages) };
  }

  get state(): ShellState {
    return this.current;
  }

  subscribe(listener: (state: ShellState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts the boot sequence once; later calls return the same promise. */
  start(): Promise<void> {
    this.booting ??= this.boot();
    return this.booting;
  }

  retry(): void {
    if (!this.api || this.current.phase !== 'settings-unavailable') return;
    this.setState({ phase: 'booting', language: this.current.language });
    void this.loadSettings(this.api);
  }

  send(intent: SoftphoneIntent): void {
    if (this.waiting) {
      this.waiting.push(intent);
      // The form says the login is on its way (busy) until the session takes it.
      if (intent.kind === 'login' && this.current.phase === 'ready') this.setState({ ...this.current, loginWaiting: true });
    } else if (this.session) this.session.send(intent);
    else this.warn(`ignored ${intent.kind}: the softphone is not ready`);
  }

  private async boot(): Promise<void> {
    const connection = await this.connect();
    // The session chunk is fetched while the console answers `getCallCenterSettings` (asked by the
    // inline preload as soon as the library ran, which is what `connect()` waited for), not while
    // the start-up bundle runs: starting its nine requests was a third of the bundle's run in a CPU
    // profile, on the path to the library and the settings (docs/benchmarks.md, "Twelfth pass (d)"). `ready` does
    // not wait for it on a Neotel call center; the session's start-up does. The phone's chunk
    // (sip.js) waits until the login form is drawn (see `afterFirstDraw`).
    if (connection.mode === 'salesforce') {
      this.loadSessionCode().catch(() => undefined);
      // A reload of the tab that ran the session (docs/reload.md): its phone's code is asked for
      // once the session's code is in (`loadSettings`), read here while the page is known to be trusted.
      this.reloading = (this.options.reloadPending ?? (() => reloadMarkPresent(pageSessionStorage())))();
    }
    if (connection.mode === 'standalone') {
      const refused = connection.origin === undefined ? {} : { origin: connection.origin };
      this.setState({ phase: 'standalone', language: this.current.language, reason: connection.reason, detail: connection.detail, ...refused });
      return;
    }
    this.api = connection.api;
    await this.loadSettings(connection.api);
  }

  private async loadSettings(api: OpenCti): Promise<void> {
    let settings: SettingsMap;
    try {
      settings = await api.getCallCenterSettings();
    } catch (error) {
      this.setState({ phase: 'settings-unavailable', language: this.current.language, detail: messageOf(error) });
      await this.notifyInitialized(api);
      return;
    }
    const language = this.languageFrom(settings);
    const result = validateConfig(settings);
    if (!result.ok) {
      const issues: ShellConfigIssue[] = result.errors.map((issue) => ({
        path: issue.path,
        label: issue.label,
        received: issue.received,
        expected: issue.expected,
      }));
      this.setState({ phase: 'config-error', language, issues });
      await this.notifyInitialized(api);
      return;
    }
    let config = result.config;
    const displayName = config.general.displayName || 'Dialtone';
    const readyOf = (valid: Config) =>
      ({
        phase: 'ready',
        language,
        salesforceLanguage: language,
        displayName,
        neoApiHost: new URL(valid.connection.neoApiUrl).host,
        sipHost: new URL(valid.connection.sipWebSocketUrl).host,
      }) as const;
    // A Neotel call center (the `sipPlatform` section as shipped) is fully validated here: the
    // login form is drawn now, from the view the session starts from, and the session's code
    // (~53 KB gzip, compiled and run) loads behind it. What the agent sends meanwhile waits for it.
    const shipped = withShippedPlatform(settings, config);
    if (shipped !== undefined) {
      await this.textsOf(language);
      this.config = shipped;
      this.waiting = [];
      this.markReady();
      this.setState({ ...readyOf(shipped), view: loggedOutView(shipped, NEOTEL_CAPABILITIES) });
    }
    let chunk: typeof AgentSessionChunk;
    try {
      chunk = await this.loadSessionCode();
      // A reload of the tab that ran the session: the session resumes as soon as it starts and
      // registers the phone with the kept device password, so sip.js is fetched now, during the
      // session's start-up (the resume needs the preferences, the vault and the tab lock), not at
      // the first idle moment nor once the resumed phone asks for it. Not before the session's
      // code is in: that code is on the path to the resume, sip.js only at its end; beside it,
      // sip.js made `ready` later (docs/benchmarks.md, "Thirteenth pass (b)"). A failure is the
      // phone's to report: it asks for the chunk again when it registers.
      if (this.reloading) (this.options.phoneCode ?? preloadSipPhoneForReload)().catch(() => undefined);
      // The telephony platform's own section (docs/sip-platform.md), validated with the session's code.
      const platform = shipped === undefined ? await chunk.withPlatformSettings(settings, config) : { ok: true as const, config: shipped };
      if (!platform.ok) {
        this.setState({ phase: 'config-error', language, issues: platform.issues.map(({ path, label, received, expected }) => ({ path, label, received, expected })) });
        await this.notifyInitialized(api);
        return;
      }
      config = platform.config;
    } catch (error) {
      // Retry reads the settings again and, with them, fetches the chunk again. What waited is
      // dropped with the form: the panel says the code did not load.
      this.waiting = undefined;
      this.setState({ phase: 'settings-unavailable', language, detail: `the softphone's code (assets/agent-session-*.js) did not load: ${messageOf(error)}` });
      await this.notifyInitialized(api);
      return;
    }
    if (shipped === undefined) {
      await this.textsOf(language);
      this.config = config;
      this.markReady();
    }
    const ready = readyOf(config);
    const page = this.options.phoneWindowPage;
    // The agent's own language (settings panel, kept in the preferences) wins over the call center's.
    const withView = (view: AgentView) => ({ ...ready, language: view.prefs.language ?? language, view });
    const session = new chunk.AgentSession({ config, api, warn: this.warn, onView: (view) => this.setState(withView(view)), ...(page ? { phoneWindowPage: page } : {}) });
    this.session = session;
    this.options.onSession?.(session);
    // The shell draws the login form in this task (its phase changed: softphone-context.ts); the
    // session's start-up (preferences, devices, health probes, the tab election) and the panel's
    // labels wait for the next one, so none of their work sits between `ready` and the form.
    const loginWaiting = this.current.phase === 'ready' && this.current.loginWaiting === true;
    this.setState(loginWaiting ? { ...withView(session.view), loginWaiting } : withView(session.view));
    await nextTask();
    void session.start();
    // What the agent sent before the session ran, in order, where a click would have landed.
    const waited = this.waiting ?? [];
    this.waiting = undefined;
    for (const intent of waited) session.send(intent);
    if (this.current.phase === 'ready' && this.current.loginWaiting === true) this.setState({ ...this.current, loginWaiting: false });
    // sip.js (~60 KB gzip) compiles and runs its parser once on the main thread: after the form
    // is drawn, not between the settings and it (docs/benchmarks.md, "Boot, eighth pass").
    afterFirstDraw(() => void chunk.preloadSipPhone().catch((error: unknown) => this.warn('the phone (sip.js) did not load; logging in will retry', error)));
    // Labels are cosmetic: they must not delay the agent, so they run after the UI is ready.
    await Promise.all([this.decoratePanel(api, displayName), this.notifyInitialized(api)]);
  }

  /**
   * The form is not drawn without its texts: `ready` waits for the language's catalogue (fetched
   * since the page started, main.ts; the call center's own language may still be on its way). A
   * catalogue that does not load is the shell's to say.
   */
  private async textsOf(language: Language): Promise<void> {
    if (loadedMessages(language) === undefined) await loadMessages(language).catch(() => undefined);
  }

  /** Measured by bench/boot-time.ts: frame navigation start → this mark, the login form drawn in its task. */
  private markReady(): void {
    performance.mark('dialtone:ready');
  }

  /** The session chunk, fetched once; a failed fetch is forgotten so that a retry fetches again. */
  private loadSessionCode(): Promise<typeof AgentSessionChunk> {
    const loading = (this.sessionCode ??= (this.options.sessionCode ?? importSession)());
    loading.catch(() => {
      if (this.sessionCode === loading) this.sessionCode = undefined;
    });
    return loading;
  }

  /** Even a misconfigured call center is "initialised": a standby URL cannot fix bad settings. */
  private async notifyInitialized(api: OpenCti): Promise<void> {
    if (this.initializationNotified) return;
    this.initializationNotified = true;
    try {
      await api.notifyInitializationComplete();
    } catch (error) {
      this.warn('notifyInitializationComplete failed; Salesforce may switch to the standby URL', error);
    }
  }

  /** Panel and utility-bar button take the call center's display name and a phone icon. */
  private async decoratePanel(api: OpenCti, label: string): Promise<void> {
    const results = await Promise.allSettled([
      api.setSoftphonePanelLabel({ label }),
      api.setSoftphoneItemLabel({ label }),
      api.setSoftphonePanelIcon({ key: IDLE_ICON }),
      api.setSoftphoneItemIcon({ key: IDLE_ICON }),
    ]);
    for (const r of results) if (r.status === 'rejected') this.warn('could not label the softphone panel', r.reason);
  }

  /** The configured language, read tolerantly so even the error panel speaks it. */
  private languageFrom(settings: SettingsMap): Language {
    return resolveLanguage(settingValue(settings, settingPath('dialtoneAgent', 'language')), this.browserLanguages);
  }

  private setState(state: ShellState): void {
    this.current = state;
    for (const listener of this.listeners) listener(state);
  }
}

/**
 * Runs `work` once the browser has had the chance to draw what was just rendered: at its next idle
 * period, or after at most a second when it is never idle. A hidden panel (the utility item
 * closed) draws no frames, so animation frames cannot be waited for.
 */
function afterFirstDraw(work: () => void): void {
  whenIdle(work, 1000);
}

/**
 * Creates the app, provides it to every component below `root` through `@lit/context`, and starts
 * the boot sequence.
 */
export function startSoftphone(root: HTMLElement, options: SoftphoneAppOptions = {}): SoftphoneApp {
  const app = new SoftphoneApp({ browserLanguages: navigator.languages, ...options });
  new ContextProvider(root, { context: softphoneContext, initialValue: app });
  void app.start();
  return app;
}
