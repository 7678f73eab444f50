/**
 * Everything the agent softphone needs once the configuration is valid: the runtime (machine +
 * effects) on real adapters — the Neotel platform (NeoApi + Position), the sip.js phone —, the remembered
 * preferences, the audio devices and the Salesforce panel.
 */
import type { DeliveredContact } from '../call/call-facts.ts';
import type { Config } from '../config/index.ts';
import type { AgentView, SoftphoneIntent } from '../view/agent-view.ts';
import type { OpenCti } from '../opencti/index.ts';
import { askForMicrophone, readAudioDevices } from './agent-devices.ts';
import { AttendantDesk } from './attendant-desk.ts';
import { AgentRuntime, type DeviceCredentials } from './agent-runtime.ts';
import { CrmDesk } from './crm-desk.ts';
import type { DeskActions } from './desk-actions.ts';
import type { DirectoryDesk } from './directory-desk.ts';
import { loadTransferTargets } from './transfer-targets.ts';
import { failedLogViewOf } from './failed-logs.ts';
import { recordingFieldOf, recordingUrlOf } from '../crm/recording-link.ts';
import { LazyTaskLog } from './lazy-task-log.ts';
import { LazyPhone } from './lazy-phone.ts';
import { phoneConnection, type PhoneLike } from './phone-bridge.ts';
import type { CallSnapshot } from '../sip/index.ts';
import { choosePlatform, type PlatformChoice } from './platform-choice.ts';
import { PreferenceKeeper } from './preferences.ts';
import { LazySupervision } from './lazy-supervision.ts';
import { intentTable } from './intent-handlers.ts';
import type { IntentTable } from './intent-table.ts';
import { PhoneWindowPanel } from './phone-window-panel.ts';
import { TabSync, type SharedTabState } from './tab-sync.ts';
import { shareUnchangedSlices } from './view-store.ts';
import { CallResume, pageSessionStorage } from './call-resume.ts';
import { HealthGate } from './health-gate.ts';
import { healthProbes } from './health-wiring.ts';
import type { TakeoverKit } from './agent-runtime.ts';
import { hasSession } from '../call/index.ts';
import { messageOf } from '../shared/errors.ts';
import { openStore } from '../storage/index.ts';

/** What the phone window page shows about itself (the bar's "why" line). */
const WINDOW_VIEW = { where: 'window', use: true, connected: true, canShow: false, blocked: false, busy: false } as const;

// Read by softphone-app.ts with this chunk: the platform's own settings are validated here.
export { withPlatformSettings } from './platform-choice.ts';
// Called by softphone-app.ts once the login form is drawn: sip.js is there by the time the agent logs in.
export { preloadSipPhone } from './lazy-phone.ts';

/** What the session needs from the app. */
export interface AgentSessionOptions {
  readonly config: Config;
  /** Salesforce, when framed by it (panel size); `undefined` in tests. */
  readonly api: OpenCti | undefined;
  readonly onView: (view: AgentView) => void;
  readonly warn: (message: string, cause?: unknown) => void;
  /** Set on the phone window page (docs/phone-window.md): the panels draw what it publishes. */
  readonly phoneWindowPage?: { publish(state: SharedTabState): void };
}

/** The agent's softphone in this tab. */
export class AgentSession {
  readonly runtime: AgentRuntime;
  /** Supervisor monitoring and the agent's monitored indicator (docs/monitoring.md); its code loads at REGISTER 200. */
  private readonly desk: LazySupervision;
  private deskLoggedIn = false;
  /** Screen pop, the record linked to each call (`crm.linkOf`) and click-to-dial (docs/screen-pop.md). */
  readonly crm: CrmDesk;
  /** Call Tasks through the IndexedDB outbox, and `enqueue` for other Tasks (docs/task-log.md); `undefined` outside Salesforce. Its code loads at REGISTER 200, or at once when a log waits. */
  readonly tasks: LazyTaskLog | undefined;
  private readonly prefs: PreferenceKeeper;
  /** The session across a reload of this page, and the resumed call the platform no longer has (docs/reload.md). */
  private readonly resumer: CallResume;
  /** Call history, "Show in CRM" and phone links (docs/call-history.md, docs/phone-links.md). */
  private readonly attendant: AttendantDesk;
  private lastShown: AgentView | undefined;
  /** The view last handed to the shell (slices shared with the next one when equal). */
  private drawn: AgentView | undefined;
  /** Agent actions and text messages (docs/agent-actions.md, docs/text-messages.md). */
  private actions: DeskActions | undefined;
  /** One search over colleagues, Salesforce and favourites (docs/directory.md). */
  private directory: DirectoryDesk | undefined;
  private tabs: TabSync | undefined;
  /** The phone window as this panel sees it; undefined on the window itself and outside Salesforce. */
  private phoneWindow: PhoneWindowPanel | undefined;
  private prefsRead: Promise<void> = Promise.resolve();
  private shownPhase: AgentView['agent']['phase'] | undefined;
  /**
   * The dial plan (libphonenumber-js metadata, ~30 KB gzip) loads once the phone is registered
   * (`show`), so it neither sits in the start-up bundle nor competes with registering; a dial
   * before it arrived waits for it.
   */
  private dialPlan: Promise<void> | undefined;
  /** Resolved by the first view that shows the phone registered: code registering does not need waits for it (issue 18). */
  private phoneRegistered: () => void = () => undefined;
  private readonly registeredOnce = new Promise<void>((resolve) => (this.phoneRegistered = resolve));
  /** Neotel or plain SIP (`telephonyPlatform`): the adapter, the phone as the machine sees it, the session's config. */
  private readonly chosen: PlatformChoice;
  /** The pre-shift health gate (docs/health-gate.md): checks shown, availability refused while one fails. */
  private readonly health: HealthGate;
  /** Intent kind → the one collaborator that runs it (intent-handlers.ts). */
  private readonly intents: IntentTable;

  constructor(private readonly options: AgentSessionOptions) {
    const { warn } = options;
    // The one place that picks the telephony platform; the machine speaks only the port.
    this.chosen = choosePlatform(options.config, warn);
    const { config, platform, neo } = this.chosen;
    // One database connection for the preferences, the vault, the Task-log outbox and the call history.
    const store = openStore();
    store.catch(() => undefined);
    this.prefs = new PreferenceKeeper(warn, config.agent, () => store);
    this.resumer = new CallResume({
      callCenter: config.general.internalName,
      runtime: () => this.runtime,
      devicePassword: (device) => this.prefs.keptDevicePassword(device),
      storage: pageSessionStorage(),
      warn,
    });
    this.health = new HealthGate({
      probes: healthProbes({ platform, api: options.api, store, prefs: () => this.prefs.prefs }),
      changed: () => this.runtime.views.refresh(),
      warn,
    });
    this.crm = new CrmDesk({
      api: options.api,
      config,
      onRecord: (record) => this.runtime.views.update('crm-desk', { record }),
      send: (intent) => this.send(intent),
      contactFound: (contact, clickedAt) => this.contactFound(contact, clickedAt),
      warn,
      autoMinimise: () => this.prefs.prefs.autoMinimise,
    });
    this.tasks = options.api
      ? new LazyTaskLog({
          config,
          waiting: async () => (await store).outboxWaiting(),
          cti: options.api,
          openOutbox: async () => (await store).outbox,
          linkOf: (call) => this.crm.linkOf(call),
          onPending: (count) => this.runtime.views.update('task-logger', { pendingLogs: count }),
          onDeadLetters: (entries) => this.runtime.views.update('task-logger', { failedLogs: entries.map(failedLogViewOf) }),
          deadLetterAfter: config.crm.taskLogDeadLetterAfter,
          recording: { urlOf: (call) => recordingUrlOf(call, config, 'task'), field: recordingFieldOf(config) },
          onVolatile: (detail) => this.runtime.addNotice('logsNotStored', 'warning', detail),
          warn,
        })
      : undefined;
    this.crm.onLinkChange((call, link) => this.tasks?.relink(call, link));
    this.attendant = new AttendantDesk({
      api: options.api,
      open: () => store,
      categories: config.categories,
      agent: () => this.runtime.agent,
      onHistory: (history) => this.runtime.views.update('attendant-desk', { history }),
      onLocal: () => this.lastShown && this.show(this.lastShown),
      send: (intent) => this.send(intent),
      warn,
    });
    void this.registeredOnce.then(() => this.tasks?.load());
    // Agent actions, text messages and the directory load once the phone is registered (their own
    // chunks, shown only to a logged-in agent): they neither sit in the start-up bundle nor
    // compete with registering (docs/benchmarks.md), and they draw once they are in.
    void this.registeredOnce
      .then(() => Promise.all([import('./desk-actions.ts'), import('./directory-desk.ts')]))
      .then(([{ DeskActions }, { DirectoryDesk }]) => {
        const changed = () => this.runtime.views.refresh();
        this.actions = new DeskActions({ config, platform, agent: () => this.runtime.agent, linkOf: (call) => this.crm.linkOf(call), tasks: this.tasks, changed, warn });
        this.directory = new DirectoryDesk({ api: options.api, listTargets: (user) => loadTransferTargets(neo, user, config), prefs: async () => (await store).prefs, changed, warn });
        changed();
      })
      .catch((error: unknown) => warn('agent actions, text messages and the directory did not load', error));
    // Monitoring sessions go through the same Task-log outbox as calls (idempotent by CallObject).
    this.desk = new LazySupervision({ config, platform, neo, tasks: this.tasks, agent: () => this.runtime.agent, changed: () => this.runtime.views.refresh(), warn });
    void this.registeredOnce.then(() => this.desk.load());
    this.runtime = new AgentRuntime({
      config,
      platform,
      neo,
      crm: this.crm.hooks((call, final) => {
        this.tasks?.log(call, final);
        this.attendant.logged(call, this.crm.linkOf(call));
      }),
      createPhone: (credentials, answersAtOnce) => this.createPhone(credentials, answersAtOnce),
      onMonitored: (monitoredBy) => {
        this.desk.positionSeen(monitoredBy);
        this.resumer.statusSeen();
      },
      onView: (view) => this.ownerView(view),
      claims: (event) => this.desk.claims(event),
      intercept: (event, phone) => {
        this.resumer.saw(event);
        return this.desk.intercept(event, phone);
      },
      warn,
    });
    this.intents = intentTable({
      runtime: this.runtime,
      supervision: this.desk,
      crm: this.crm,
      attendant: this.attendant,
      health: this.health,
      directory: () => this.directory,
      actions: () => this.actions,
      tasks: this.tasks,
      login: (intent) => this.login(intent),
      dial: (intent) => {
        this.dialPlan ??= this.loadDialPlan();
        void this.dialPlan.then(() => this.runtime.send(intent));
      },
      requestMicrophone: () => this.requestMicrophone(),
      setting: (intent) => this.setting(intent),
      phoneWindow: (intent) => warn(`${intent.kind} ${intent.action} ignored: only a Salesforce panel offers the phone window`),
      warn,
    });
  }

  /** The first view (logged out). */
  get view(): AgentView {
    return this.runtime.current;
  }

  /**
   * Reads the preferences and devices and finds out whether this tab owns the phone. There is no
   * auto-login: it would need the NeoApi password at rest (docs/security.md). A session survives
   * a closed or reloaded tab only through another open tab (the takeover, memory only).
   */
  async start(): Promise<void> {
    // Independent of each other, so all at once: preferences and vault, devices, the tab lock.
    const prefsRead = this.prefs.load().then((prefs) => {
      this.runtime.views.update('preferences', { prefs });
      // The size the agent chose last time (CONFIGURACIÓN), for this tab's panel too.
      if (prefs.panelWidth !== null || prefs.panelHeight !== null) void this.resizePanel(prefs.panelWidth, prefs.panelHeight);
    });
    this.prefsRead = prefsRead;
    void this.refreshDevices();
    this.health.start();
    // A phone window that already runs (a reload, another Salesforce tab) is found before this tab's role matters.
    // Salesforce panels in a browser only (not the window itself, not the Node tests without a DOM).
    if (this.options.api && !this.options.phoneWindowPage && typeof window !== 'undefined') {
      this.phoneWindow = this.phoneWindowPanel();
      await this.phoneWindow.find();
    }
    // The window is a group of its own (where storage is not partitioned it would otherwise follow a panel).
    const group = this.options.phoneWindowPage ? `window:${this.options.config.general.internalName}` : this.options.config.general.internalName;
    this.tabs = await TabSync.join(group, {
      becomeOwner: (state) => {
        this.runtime.views.update('tabs', { tab: this.tabs?.role ?? 'owner' });
        // The owner drains the outbox, including what a closed or reloaded tab left in it.
        this.tasks?.start();
        // Phone links dial where the phone is: the window's own listener takes them while it runs.
        if (!this.phoneWindow?.connected) this.attendant.own();
        // The resumed phone takes the remembered audio devices. With a phone window, it has the phone.
        if (state && !this.phoneWindow?.connected) void prefsRead.then(() => this.resumer.resume(state.kit));
        // Nobody handed a session over: the one this page had before a reload, if the tab had one.
        else if (!this.phoneWindow?.connected) void prefsRead.then(() => this.resumer.resumeFromReload());
      },
      mirror: (view) => {
        if (!this.phoneWindow?.connected) this.show(view);
      },
      intent: (intent) => this.send(intent),
      warn: this.options.warn,
    });
    this.runtime.views.update('tabs', { tab: this.tabs.role });
    const alone = this.tabs.aloneReason;
    if (alone !== undefined) this.runtime.addNotice('tabsNotShared', 'warning', alone);
    await prefsRead;
  }

  /** An intent from the UI (of this tab, or relayed by a follower tab to this owner). */
  send(intent: SoftphoneIntent): void {
    // The gate's checks (this tab's microphone and speaker), "Show in CRM" and phone links (this
    // tab's Salesforce page) run where they were clicked: never relayed (intent-handlers.ts `here`).
    if (this.intents.runsHere(intent.kind)) {
      this.run(intent);
      return;
    }
    const blocked = this.health.refusal(intent, this.runtime.agent);
    if (blocked !== null && this.tabs?.owns !== false && !this.phoneWindow?.connected) {
      // The button is disabled with the reason (docs/health-gate.md); a hotkey or a relayed click gets here.
      this.options.warn(`${intent.kind} refused by the health gate: ${blocked.check} ${blocked.reason ?? ''}`);
      return;
    }
    if (this.phoneWindow?.handle(intent) === true) return;
    if (this.tabs?.relay(intent) === true) return;
    this.run(intent);
  }

  /** Runs `intent` on its one handler; a kind nobody handles, or a failed handler, is reported. */
  private run(intent: SoftphoneIntent): void {
    try {
      const running = this.intents.dispatch(intent);
      if (running) running.catch((error: unknown) => this.options.warn(`the ${intent.kind} intent failed`, error));
    } catch (error) {
      this.options.warn(messageOf(error), error);
    }
  }

  /** After the click's dial (which may still wait for the dial plan) has reached the machine. */
  private contactFound(contact: DeliveredContact, clickedAt: number): void {
    void (this.dialPlan ?? Promise.resolve()).then(() => this.runtime.dispatch({ kind: 'clickedContactFound', at: Date.now(), contact, clickedAt }));
  }

  private async loadDialPlan(): Promise<void> {
    try {
      const { dialPlanFrom, normaliseDialNumber } = await import('../crm/dial-number.ts');
      const plan = dialPlanFrom(this.options.config);
      this.runtime.setDialCheck((typed) => normaliseDialNumber(typed, plan));
    } catch (error) {
      // A chunk that failed to load must not stop dialling: numbers go as typed, digits checked.
      this.options.warn('the dial plan did not load; numbers are dialled as typed', error);
    }
  }

  private async login(intent: Extract<SoftphoneIntent, { kind: 'login' }>): Promise<void> {
    const complete = await this.prefs.completeLogin(intent);
    this.runtime.send(complete);
    void this.askMicrophoneEarly();
    const prefs = await this.prefs.rememberLogin(complete);
    this.runtime.views.update('preferences', { prefs });
  }

  /** The owner's view: drawn here and shared with the follower tabs. */
  private ownerView(undecorated: AgentView): void {
    if (this.tabs && !this.tabs.owns) return;
    // The window runs the phone: this panel draws the window's view, not its idle runtime's.
    if (this.phoneWindow?.connected) return;
    // The screen pop changed the record slice: the store owes its listeners the newer view, drawn next.
    if (this.crm.ownerView(undecorated)) return;
    this.attendant.follow(undecorated);
    const supervised = this.desk.decorate(undecorated);
    const withActions = this.actions?.decorate(supervised) ?? supervised;
    const view = this.health.decorate(this.directory?.decorate(withActions) ?? withActions);
    const loggedIn = 'session' in view.agent;
    if (loggedIn && !this.deskLoggedIn && view.supervision) void this.desk.refresh();
    this.deskLoggedIn = loggedIn;
    this.show(view);
    const kit = this.runtime.takeoverKit();
    this.tabs?.publish({ view, kit });
    this.options.phoneWindowPage?.publish({ view, kit });
    this.resumer.save(kit);
  }

  /** The phone window: carries on the session a panel hands over (it had none). */
  adopt(kit: TakeoverKit): void {
    void this.prefsRead.then(() => this.resumer.resume(kit));
  }

  private phoneWindowPanel(): PhoneWindowPanel {
    const { config } = this.options;
    return new PhoneWindowPanel({
      callCenter: config.general.internalName,
      defaultUse: config.agent.phoneWindow,
      hooks: {
        mirror: (view) => this.show(view),
        windowHasSession: () => {
          this.attendant.dispose();
          this.resumer.forget();
          if (hasSession(this.runtime.agent)) void this.runtime.release();
        },
        ownKit: () => (this.tabs?.owns !== false && hasSession(this.runtime.agent) ? this.runtime.takeoverKit() : null),
        gone: (kit) => {
          // The panel that owns the tabs takes the phone back (the others mirror it, as today).
          if (this.tabs?.owns !== false) this.attendant.own();
          if (kit && this.tabs?.owns !== false) void this.prefsRead.then(() => this.resumer.resume(kit));
          this.runtime.views.refresh();
        },
        changed: () => this.lastShown && this.show(this.lastShown),
        warn: this.options.warn,
      },
    });
  }

  /**
   * Draws a view (this tab's or the owner's) and follows it with this tab's utility panel: a
   * ringing call opens the panel (auto-minimise is the screen pop's: src/app/pop-minimise.ts).
   */
  private show(view: AgentView): void {
    const phase = view.agent.phase;
    const previous = this.shownPhase;
    this.shownPhase = phase;
    this.lastShown = view;
    this.crm.shown(view);
    const framed = this.phoneWindow ? this.phoneWindow.decorate(view) : this.options.phoneWindowPage ? { ...view, phoneWindow: WINDOW_VIEW } : view;
    // Rebuilt slices equal to the drawn ones keep their reference: the parts that read only those are not drawn again.
    const drawn = this.drawn === undefined ? this.attendant.decorate(framed) : shareUnchangedSlices(this.drawn, this.attendant.decorate(framed));
    this.drawn = drawn;
    this.options.onView(drawn);
    if (view.agent.phone === 'registered') {
      this.dialPlan ??= this.loadDialPlan();
      this.phoneRegistered();
    }
    if (phase === previous) return;
    if (phase === 'ringing') void this.setPanelVisible(true);
  }

  private async setPanelVisible(visible: boolean): Promise<void> {
    try {
      await this.options.api?.setSoftphonePanelVisibility({ visible });
    } catch (error) {
      this.options.warn(`could not ${visible ? 'open' : 'minimise'} the softphone panel`, error);
    }
  }

  /** Asks for the microphone at login (a click, so the browser may prompt), not at the first call. */
  private async askMicrophoneEarly(): Promise<void> {
    try {
      await askForMicrophone(this.prefs.prefs.microphoneId);
    } catch (error) {
      this.runtime.addNotice('microphoneDenied', 'error', messageOf(error));
      this.health.microphoneRefused(messageOf(error));
    }
    await this.refreshDevices();
  }

  private createPhone(credentials: DeviceCredentials, answersAtOnce: (call: CallSnapshot) => boolean): PhoneLike {
    const prefs = this.prefs.prefs;
    return this.chosen.phone(new LazyPhone({
      ...this.chosen.phoneOptions,
      connection: phoneConnection(this.options.config.connection),
      credentials: { user: credentials.user, password: credentials.password },
      dtmfTiming: { durationMs: this.options.config.connection.dtmfDurationMs, gapMs: this.options.config.connection.dtmfGapMs },
      // The phone answers what the machine would answer at once (autoAnswerPlatformLegs) inside
      // the INVITE's task; a platform leg it does not answer is declined by the machine: no ring.
      answersAtOnce,
      silentPlatformLegs: this.options.config.connection.autoAnswerPlatformLegs,
      ...(prefs.microphoneId === null ? {} : { microphoneId: prefs.microphoneId }),
      ...(prefs.speakerId === null ? {} : { speakerId: prefs.speakerId }),
      ...(prefs.ringerId === null ? {} : { ringerId: prefs.ringerId }),
    }), credentials.user);
  }

  private async requestMicrophone(): Promise<void> {
    try {
      await askForMicrophone(this.prefs.prefs.microphoneId);
    } catch (error) {
      this.options.warn('the microphone was not allowed', error);
      this.health.microphoneRefused(messageOf(error));
      await this.refreshDevices();
      return;
    }
    await this.refreshDevices();
    await this.health.checkAll();
  }

  private async setting(intent: Extract<SoftphoneIntent, { kind: 'setAudioDevice' | 'setPanelSize' | 'setAutoMinimise' | 'setLanguage' | 'forgetMe' }>): Promise<void> {
    if (intent.kind === 'forgetMe') await this.attendant.forget();
    const prefs = await this.prefs.apply(intent);
    this.runtime.views.update('preferences', { prefs });
    if (intent.kind === 'setAudioDevice') await this.runtime.useAudioDevice(intent.role, intent.deviceId);
    if (intent.kind === 'setPanelSize') await this.resizePanel(intent.width, intent.height);
  }

  private async refreshDevices(): Promise<void> {
    try {
      this.runtime.views.update('preferences', { devices: await readAudioDevices() });
    } catch (error) {
      this.options.warn('could not list the audio devices', error);
    }
  }

  private async resizePanel(width: number | null, height: number | null): Promise<void> {
    const api = this.options.api;
    if (!api) return;
    const { softphoneWidth, softphoneHeight } = this.options.config.general;
    const results = await Promise.allSettled([
      api.setSoftphonePanelWidth({ widthPX: width ?? softphoneWidth }),
      api.setSoftphonePanelHeight({ heightPX: height ?? softphoneHeight }),
    ]);
    for (const r of results) if (r.status === 'rejected') this.options.warn('could not resize the softphone panel', r.reason);
  }
}
