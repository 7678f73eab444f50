/**
 * The agent softphone once the configuration is valid: it builds the runtime (machine + effects)
 * on the chosen platform and phone and the collaborators around it (screen pop, Task log, call
 * history, health gate, the desks that load at REGISTER 200), and runs the session's own steps
 * (start, login, the dial plan). Where the phone runs and what this page draws is
 * phone-placement.ts; this page's preferences, devices and panel are page-settings.ts.
 */
import type { DeliveredContact } from '../call/call-facts.ts';
import type { Config } from '../config/index.ts';
import type { AgentView, SoftphoneIntent } from '../view/agent-view.ts';
import type { OpenCti } from '../opencti/index.ts';
import { AttendantDesk } from './attendant-desk.ts';
import { AgentRuntime } from './agent-runtime.ts';
import { CrmDesk } from './crm-desk.ts';
import { failedLogViewOf } from './failed-logs.ts';
import { LazyTaskLog } from './lazy-task-log.ts';
import { choosePhone, choosePlatform, type PlatformChoice } from './platform-choice.ts';
import { PreferenceKeeper } from './preferences.ts';
import { RegisteredDesks } from './registered-desks.ts';
import { intentTable } from './intent-handlers.ts';
import type { IntentTable } from './intent-table.ts';
import { PageSettings } from './page-settings.ts';
import { PhonePlacement } from './phone-placement.ts';
import type { SharedTabState } from './tab-sync.ts';
import { CallResume } from './call-resume.ts';
import { pageSessionStorage } from './reload-mark.ts';
import { DialViewHold } from './dial-view-hold.ts';
import { HealthGate } from './health-gate.ts';
import { healthProbes } from './health-wiring.ts';
import type { TakeoverKit } from './agent-runtime.ts';
import { messageOf } from '../shared/errors.ts';
import { openStore } from '../storage/index.ts';
import { whenIdle } from '../shared/when-idle.ts';

// Read by softphone-app.ts with this chunk: the platform's own settings are validated here.
export { withPlatformSettings } from './platform-choice.ts';
// Called by softphone-app.ts once the login form is drawn: sip.js is there by the time the agent logs in.
export { preloadSipPhone } from './lazy-phone.ts';

/** A national and an international number: a dry run of the dial check's two paths through libphonenumber. */
const DIAL_CHECK_SAMPLES = ['2025550143', '+442071838750'] as const;

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
  /** Supervision, agent actions and the directory: their code loads at REGISTER 200 (registered-desks.ts). */
  private readonly desks: RegisteredDesks;
  /** Screen pop, the record linked to each call (`crm.linkOf`) and click-to-dial (docs/screen-pop.md). */
  readonly crm: CrmDesk;
  /** Call Tasks through the IndexedDB outbox, and `enqueue` for other Tasks (docs/task-log.md); `undefined` outside Salesforce. Its code loads at REGISTER 200, or at once when a log waits. */
  readonly tasks: LazyTaskLog | undefined;
  private readonly prefs: PreferenceKeeper;
  /** This page's preferences, audio devices and utility panel (page-settings.ts). */
  private readonly settings: PageSettings;
  /** Where the phone runs (this page, the owner tab, the phone window) and the view drawn here (phone-placement.ts). */
  private readonly placement: PhonePlacement;
  /** The session across a reload of this page, and the resumed call the platform no longer has (docs/reload.md). */
  private readonly resumer: CallResume;
  /** Call history, "Show in CRM" and phone links (docs/call-history.md, docs/phone-links.md). */
  private readonly attendant: AttendantDesk;
  private prefsRead: Promise<void> = Promise.resolve();
  /**
   * The dial plan (libphonenumber-js metadata, ~30 KB gzip) loads once the phone is registered
   * (`drawn`), so it neither sits in the start-up bundle nor competes with registering; a dial
   * before it arrived waits for it.
   */
  private dialPlan: Promise<void> | undefined;
  /** `dialPlan` has settled (loaded, or failed to and numbers go as typed): a dial need not wait for it. */
  private dialPlanLoaded = false;
  /** Resolved by the first view that shows the phone registered: code registering does not need waits for it (issue 18). */
  private phoneRegistered: () => void = () => undefined;
  private readonly registeredOnce = new Promise<void>((resolve) => (this.phoneRegistered = resolve));
  /** Neotel or plain SIP (`telephonyPlatform`): the adapter, the phone as the machine sees it, the session's config. */
  private readonly chosen: PlatformChoice;
  /** The pre-shift health gate (docs/health-gate.md): checks shown, availability refused while one fails. */
  private readonly health: HealthGate;
  /** Intent kind → where it runs and the one collaborator that runs it (intent-handlers.ts). */
  private readonly intents: IntentTable;
  /** The owner's views of a dial in flight wait for its leg's ACK (dial-view-hold.ts). */
  private readonly dialView = new DialViewHold((view) => this.ownerView(view));

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
      onLocal: () => this.placement.redraw(),
      send: (intent) => this.send(intent),
      warn,
    });
    this.desks = new RegisteredDesks({
      config,
      platform,
      neo,
      api: options.api,
      store,
      tasks: this.tasks,
      agent: () => this.runtime.agent,
      linkOf: (call) => this.crm.linkOf(call),
      changed: () => this.runtime.views.refresh(),
      warn,
    });
    void this.registeredOnce.then(() => {
      this.tasks?.load();
      this.desks.load();
    });
    this.runtime = new AgentRuntime({
      config,
      platform,
      neo,
      crm: this.crm.hooks((call, final) => {
        this.tasks?.log(call, final);
        this.attendant.logged(call, this.crm.linkOf(call));
      }),
      createPhone: (credentials, answersAtOnce) => choosePhone(this.chosen, options.config.connection, this.prefs.prefs, credentials, answersAtOnce),
      onMonitored: (monitoredBy) => {
        this.desks.supervision.positionSeen(monitoredBy);
        this.resumer.statusSeen();
      },
      onView: (view) => this.dialView.offer(view),
      claims: (event) => this.desks.supervision.claims(event),
      intercept: (event, phone) => {
        this.resumer.saw(event);
        return this.desks.supervision.intercept(event, phone);
      },
      warn,
    });
    this.intents = intentTable({
      runtime: this.runtime,
      supervision: this.desks.supervision,
      crm: this.crm,
      attendant: this.attendant,
      health: this.health,
      directory: () => this.desks.directory,
      actions: () => this.desks.actions,
      tasks: this.tasks,
      login: (intent) => this.login(intent),
      dial: (intent) => {
        // Loaded: the Dial leaves inside the click's own dispatch, not after whatever the page
        // queued behind it (docs/benchmarks.md, "Thirteenth pass (a)").
        if (this.dialPlanLoaded) {
          this.runtime.send(intent);
          return;
        }
        this.dialPlan ??= this.loadDialPlan();
        void this.dialPlan.then(() => this.runtime.send(intent));
      },
      requestMicrophone: () => this.settings.requestMicrophone(),
      setting: (intent) => this.settings.apply(intent),
      phoneWindow: (intent) => this.placement.phoneWindowIntent(intent),
      warn,
    });
    this.settings = new PageSettings({
      api: options.api,
      defaultSize: { width: config.general.softphoneWidth, height: config.general.softphoneHeight },
      prefs: this.prefs,
      runtime: () => this.runtime,
      health: this.health,
      forgetHistory: () => this.attendant.forget(),
      warn,
    });
    this.placement = new PhonePlacement({
      config,
      api: options.api,
      phoneWindowPage: options.phoneWindowPage,
      runtime: this.runtime,
      attendant: this.attendant,
      resumer: this.resumer,
      tasks: this.tasks,
      crm: this.crm,
      settings: this.settings,
      prefsRead: () => this.prefsRead,
      relayed: (intent) => this.send(intent),
      drawn: (view) => this.drawn(view),
      onView: options.onView,
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
    const prefsRead = this.settings.load();
    this.prefsRead = prefsRead;
    void this.settings.refreshDevices();
    this.health.start();
    await this.placement.join();
    await prefsRead;
  }

  /**
   * An intent from the UI (of this page, or relayed by a follower tab or a panel): run here, or
   * relayed to the page that runs the phone, as its kind's place says (intent-handlers.ts).
   */
  send(intent: SoftphoneIntent): void {
    const place = this.intents.placeOf(intent.kind);
    const blocked = place === 'here' ? null : this.health.refusal(intent, this.runtime.agent);
    if (blocked !== null && this.placement.runsPhone) {
      // The button is disabled with the reason (docs/health-gate.md); a hotkey or a relayed click gets here.
      this.options.warn(`${intent.kind} refused by the health gate: ${blocked.check} ${blocked.reason ?? ''}`);
      return;
    }
    if (this.placement.relay(intent, place)) return;
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
      const check = (typed: string) => normaliseDialNumber(typed, plan);
      this.runtime.setDialCheck(check);
      // A first normalisation compiles libphonenumber's code and the country's patterns (~0.5 ms):
      // done here while idle, not in the first Call click's task before its Dial (docs/benchmarks.md,
      // "Thirteenth pass (a)"). The answers are dropped.
      whenIdle(() => {
        for (const sample of DIAL_CHECK_SAMPLES) check(sample);
      }, 1000);
    } catch (error) {
      // A chunk that failed to load must not stop dialling: numbers go as typed, digits checked.
      this.options.warn('the dial plan did not load; numbers are dialled as typed', error);
    }
    this.dialPlanLoaded = true;
  }

  private async login(intent: Extract<SoftphoneIntent, { kind: 'login' }>): Promise<void> {
    const complete = await this.prefs.completeLogin(intent);
    this.runtime.send(complete);
    void this.settings.askMicrophoneEarly();
    await this.settings.remember(complete);
  }

  /** This page's phone's view, when this page runs the phone: decorated, drawn here and shared (phone-placement.ts). */
  private ownerView(undecorated: AgentView): void {
    // A follower tab draws the owner's view; a panel draws the phone window's, not its idle runtime's.
    if (!this.placement.runsPhone) return;
    // The screen pop changed the record slice: the store owes its listeners the newer view, drawn next.
    if (this.crm.ownerView(undecorated)) return;
    this.attendant.follow(undecorated);
    this.placement.publish(this.health.decorate(this.desks.decorate(undecorated)));
  }

  /** The phone window: carries on the session a panel hands over (it had none). */
  adopt(kit: TakeoverKit): void {
    void this.prefsRead.then(() => this.resumer.resume(kit));
  }

  /** A view was drawn: the first one showing the phone registered loads the dial plan and the deferred desks. */
  private drawn(view: AgentView): void {
    if (view.agent.phone !== 'registered') return;
    this.dialPlan ??= this.loadDialPlan();
    this.phoneRegistered();
  }
}
