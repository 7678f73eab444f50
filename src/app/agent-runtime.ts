/**
 * The agent runtime: holds the machine's state, feeds it events (SIP, platform facts, intents,
 * command results, timers) one at a time, runs the effects it returns on the adapters, and
 * publishes the view the components draw. Only the tab that owns the phone runs one (see
 * tab-sync.ts).
 *
 * ```
 *  intents ─┐                         ┌─► platform effect ─► PlatformPort ─► commandSucceeded/Failed ─┐
 *  SIP ─────┼─► dispatch ─► transition┼─► sip effect ───► SipPhone ─► sip* facts ────────────┤
 *  platform ┤   (one at a time)       ├─► timers ──────────────────► autoReleaseElapsed ─────┤
 *  timers ──┘        ▲                └─► notices, pops, logs                                 │
 *                    └────────────────────────────────────────────────────────────────────────┘
 * ```
 */
import {
  answersAtOnce,
  hasCall,
  hasSession,
  initialState,
  resumedSession,
  transition,
  unsupportedBy,
  type AgentEvent,
  type AgentState,
  type CallFacts,
  type Effect,
  type MachineContext,
  type MonitoredBy,
  type PlatformPort,
  type PlatformWatch,
} from '../call/index.ts';
import type { Config } from '../config/index.ts';
import type { AgentView, ShownNotice, SoftphoneIntent } from '../view/agent-view.ts';
import type { IntentAvailability } from '../view/intent-availability-view.ts';
import { messageOf } from '../shared/errors.ts';
import { basicDialCheck, routeIntent, type DialCheck } from './intents.ts';
import { bridgePhoneEvents, incomingEventOf, runSipAction, type PhoneLike } from './phone-bridge.ts';
import type { CallSnapshot } from '../sip/index.ts';
import { machineConfigFrom } from './machine-config.ts';
import { INFO_NOTICE_MS, placeNotice, showNotice } from './notice-policy.ts';
import { configuredTargets, loadTransferTargets } from './transfer-targets.ts';
import { intentAvailabilityOf, offeredChoicesOf } from './intent-availability.ts';
import { callInfoOf, initialView } from './view-model.ts';
import { ViewStore } from './view-store.ts';

/**
 * What the transfer-target and user listings need from NeoApi (transfer-targets.ts,
 * supervision-desk.ts): any method of the contract by its contract name; `wireName` = the name
 * this deployment's server uses instead (`neoApiMethods`).
 */
export interface NeoApiLike {
  call(
    method: string,
    params: Readonly<Record<string, string | number | boolean | undefined>>,
    options?: { readonly wireName?: string },
  ): Promise<string | boolean | undefined>;
}

/** SIP credentials of the agent's device for this session (memory only). */
export interface DeviceCredentials {
  readonly user: string;
  readonly password: string;
}

/**
 * What a tab taking the phone over needs from the previous owner: its machine state and the
 * device credentials (memory only, same-origin tabs; see docs/tabs.md).
 */
export interface TakeoverKit {
  readonly agent: AgentState;
  readonly credentials: DeviceCredentials | null;
}

/** The CRM side of a call (issue: screen pops and Task logs); no-ops until wired. */
export interface CrmHooks {
  pop(call: CallFacts): void;
  log(call: CallFacts, final: boolean): void;
}

/** How to build an {@link AgentRuntime}. */
export interface AgentRuntimeOptions {
  readonly config: Config;
  /** The telephony platform (src/platforms/*) the machine's commands go to. */
  readonly platform: PlatformPort<AgentEvent>;
  /** NeoApi listings for the transfer targets. */
  readonly neo: NeoApiLike;
  /**
   * A phone for `credentials`; it asks `answersAtOnce` inside each INVITE's task whether to answer
   * it by itself (the machine's rule, src/call/auto-answer.ts).
   */
  readonly createPhone: (credentials: DeviceCredentials, answersAtOnce: (call: CallSnapshot) => boolean) => PhoneLike;
  /** Who monitors the agent, each time the platform reports it (supervision-desk.ts). */
  readonly onMonitored?: (monitoredBy: MonitoredBy | null) => void;
  readonly crm?: CrmHooks;
  readonly now?: () => number;
  /** Called with every new view (a listener of the store, `views`). */
  readonly onView: (view: AgentView) => void;
  /** Where failures that must not stop the phone are reported. */
  readonly warn?: (message: string, cause?: unknown) => void;
  /**
   * Sees every event before the machine; `true` = handled elsewhere (the supervisor's monitoring
   * leg, supervision-desk.ts), so the machine never takes it for a customer call.
   */
  readonly intercept?: (event: AgentEvent, phone: PhoneLike | undefined) => boolean;
  /** Whether `intercept` would take `event` (asked without its side effects: a leg it takes is not auto-answered). */
  readonly claims?: (event: AgentEvent) => boolean;
}

/**
 * The longest a manual dial's screen pop waits for the dial to leave `dialing` (its platform leg
 * answered): on Neotel the leg comes within tens of milliseconds; past this the record opens
 * anyway.
 */
export const HELD_POP_MAX_MS = 300;

/** One agent's softphone session in this tab. */
export class AgentRuntime {
  private state: AgentState = initialState();
  /** The agent view's one owner: the runtime writes the machine's slices, the session's collaborators theirs. */
  readonly views: ViewStore;
  private readonly context: MachineContext;
  private readonly now: () => number;
  private readonly queue: AgentEvent[] = [];
  private draining = false;
  private phone: PhoneLike | undefined;
  private unbridge: (() => void) | undefined;
  private poller: PlatformWatch | undefined;
  private credentials: DeviceCredentials | undefined;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private nextNoticeId = 1;
  /** The user whose transfer targets are loaded (once per session user). */
  private targetsFor: string | null = null;
  /** Digits-only until the dial plan chunk arrives (`setDialCheck`). */
  private checkDial: (typed: string) => DialCheck = basicDialCheck;
  /** A manual dial's screen pop, held while the dial is on the wire (`run`, `screenPop`). */
  private heldPop: { readonly call: CallFacts; readonly timer: ReturnType<typeof setTimeout> } | undefined;

  constructor(private readonly options: AgentRuntimeOptions) {
    this.now = options.now ?? (() => Date.now());
    this.context = { config: machineConfigFrom(options.config) };
    this.views = new ViewStore(initialView(this.state, options.config, options.platform.capabilities));
    this.views.subscribe((view) => options.onView(view));
  }

  private get view(): AgentView {
    return this.views.view;
  }

  /** Replaces the dial-plan check (the full one loads after start; see agent-session.ts). */
  setDialCheck(check: (typed: string) => DialCheck): void {
    this.checkDial = check;
  }

  /** The current view. */
  get current(): AgentView {
    return this.view;
  }

  /** The machine's state (tests, tab handover). */
  get agent(): AgentState {
    return this.state;
  }

  /** Moves the live phone to another audio device (the next phone gets it from the preferences). */
  async useAudioDevice(role: 'microphone' | 'speaker' | 'ringer', deviceId: string | null): Promise<void> {
    const phone = this.phone;
    if (!phone) return;
    try {
      if (role === 'microphone') await phone.setMicrophone(deviceId ?? undefined);
      else if (deviceId !== null) await (role === 'speaker' ? phone.setSpeaker(deviceId) : phone.setRinger(deviceId));
    } catch (error) {
      this.addNotice('sipActionFailed', 'warning', messageOf(error));
    }
  }

  /** What another tab needs to carry on with this session. */
  takeoverKit(): TakeoverKit {
    return { agent: this.state, credentials: this.credentials ?? null };
  }

  /**
   * Carries on the session of a tab that closed, or of this page before a reload (call-resume.ts):
   * same login (no second `Login`), a fresh registration of the device and a fresh Position poll.
   * A call's media died with that page: on a platform that keeps such calls the call resumes
   * without a leg, elsewhere as `ready` (`resumedSession`); a wrap-up resumes as it was (it needs
   * no audio). Without device credentials (a reload with no kept device password) the session
   * still resumes, and the phone reports it cannot register.
   */
  resume(kit: TakeoverKit): void {
    const resumed = resumedSession(kit.agent, { liveCalls: this.options.platform.capabilities.callsWithoutMedia === true });
    if (resumed === null || this.state.phase !== 'loggedOut') return;
    this.credentials = kit.credentials ?? undefined;
    const before = this.state;
    this.state = resumed.state;
    this.followSession(before, resumed.state);
    this.views.update('runtime', { agent: resumed.state, info: callInfoOf(resumed.state, this.options.config.crm), can: this.availability(resumed.state) });
    // Registers the phone, and re-arms a wrap-up's countdown that ran in the closed tab.
    for (const effect of resumed.effects) this.run(effect);
  }

  /** An intent of the agent UI. */
  send(intent: SoftphoneIntent): void {
    const routed = routeIntent(intent, this.now(), this.checkDial);
    switch (routed.to) {
      case 'machine':
        if (intent.kind === 'login') this.credentials = { user: intent.device.trim(), password: intent.devicePassword };
        if (intent.kind === 'dial') this.views.update('runtime', { dialError: null });
        this.dispatch(routed.event);
        return;
      case 'dialError':
        this.views.update('runtime', { dialError: { number: routed.number, reason: routed.reason } });
        return;
      case 'refused':
        this.addNotice('operationFailed', 'warning', routed.message);
        return;
      case 'app':
        this.appIntent(routed.intent);
        return;
    }
  }

  /** Feeds one event; events raised while one is processed wait their turn (no re-entrancy). */
  dispatch(event: AgentEvent): void {
    this.queue.push(event);
    if (this.draining) return;
    this.draining = true;
    try {
      for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) this.process(next);
    } finally {
      this.draining = false;
    }
  }

  /** Stops timers, the poller and the phone (page unload, or handing the phone to another tab). */
  async dispose(): Promise<void> {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.dropHeldPop();
    this.poller?.stop();
    this.poller = undefined;
    this.unbridge?.();
    await this.phone?.dispose();
    this.phone = undefined;
  }

  /**
   * Hands the session to the phone window (docs/phone-window.md): this tab's phone, Position poll
   * and timers stop and its machine starts over logged out, so the window's return can `resume`.
   * The view is not redrawn: the panel draws the window's.
   */
  async release(): Promise<void> {
    if (this.state.phase === 'loggedOut') return;
    this.state = initialState();
    this.credentials = undefined;
    this.views.update('runtime', { agent: this.state, info: callInfoOf(this.state, this.options.config.crm), can: this.availability(this.state) }, { notify: false });
    await this.dispose();
  }

  /** The dry run of the offered intents in `state` (view.can), breaks and campaigns of the view's options included. */
  private availability(state: AgentState): IntentAvailability {
    return intentAvailabilityOf(state, this.context, 0, offeredChoicesOf(this.view.options));
  }

  private process(event: AgentEvent): void {
    if (this.options.intercept?.(event, this.phone) === true) return;
    const before = this.state;
    const result = transition(before, event, this.context);
    if (!result.ok) {
      if (event.kind === 'logout' && result.error.code === 'CALL_IN_PROGRESS') {
        this.views.update('runtime', { confirmLogout: true });
        return;
      }
      this.addNotice('operationFailed', 'warning', `${result.error.message} ${result.error.hint}`);
      return;
    }
    this.state = result.state;
    // The wire first: a SIP answer or a NeoApi Dial starts before the view is built (the call
    // information, the dry run of every intent) and before its subscribers (screen pop, tab
    // fan-out, history) run, so none of that is on the call's critical path.
    const wire = (effect: Effect): boolean => effect.kind === 'sip' || effect.kind === 'platform';
    for (const effect of result.effects) if (wire(effect)) this.run(effect);
    this.followSession(before, result.state);
    if (result.state.phase === 'connected' && before.phase !== 'connected') this.loadTransferTargets(result.state.session.user);
    const changed = result.state !== before;
    if (changed) {
      const confirmLogout = this.view.confirmLogout && event.kind !== 'logout' && hasSession(result.state);
      this.views.update('runtime', { agent: result.state, info: callInfoOf(result.state, this.options.config.crm), can: this.availability(result.state), confirmLogout });
    }
    for (const effect of result.effects) if (!wire(effect)) this.run(effect);
    if (this.heldPop !== undefined && this.state.phase !== 'dialing') this.popHeld();
  }

  /** Pops a held dial's call, with what the machine learnt of it meanwhile (its ids). */
  private popHeld(): void {
    const held = this.heldPop;
    if (held === undefined) return;
    this.dropHeldPop();
    const now = hasCall(this.state) && this.state.call.startedAt === held.call.startedAt ? this.state.call : held.call;
    this.options.crm?.pop(now);
  }

  private dropHeldPop(): void {
    clearTimeout(this.heldPop?.timer);
    this.heldPop = undefined;
  }

  /** Starts watching the platform when a session begins and stops when it ends. */
  private followSession(before: AgentState, after: AgentState): void {
    const had = hasSession(before) && before.phase !== 'loggingOut';
    const has = hasSession(after) && after.phase !== 'loggingOut';
    if (!had && has) {
      const onMonitored = this.options.onMonitored;
      this.poller = this.options.platform.watch(after.session.user, { onEvent: (event) => this.dispatch(event), ...(onMonitored === undefined ? {} : { onMonitored }) });
      this.poller.start();
    } else if (had && !has) {
      this.poller?.stop();
      this.poller = undefined;
    }
  }

  private run(effect: Effect): void {
    switch (effect.kind) {
      case 'platform': {
        const { requestId, op, command } = effect;
        const lacking = unsupportedBy(command, this.options.platform.capabilities);
        const outcome = lacking === null ? this.options.platform.run(command) : Promise.resolve({ ok: false, failure: lacking } as const);
        void outcome.then((outcome) =>
          this.dispatch(
            outcome.ok
              ? { kind: 'commandSucceeded', at: this.now(), requestId, op, value: outcome.value }
              : { kind: 'commandFailed', at: this.now(), requestId, op, failure: outcome.failure },
          ),
        );
        return;
      }
      case 'sip': {
        const phone = effect.action === 'register' ? this.freshPhone() : this.phone;
        if (!phone) return;
        if (effect.action === 'dtmf' && phone.dtmfViaPlatform) {
          this.sendDtmfViaPlatform(effect.digit);
          return;
        }
        void runSipAction(phone, effect, (event) => this.dispatch(event), this.now);
        if (effect.action === 'unregister') this.credentials = undefined;
        return;
      }
      case 'ringer':
        // The phone rings on every INVITE and stops on answer, reject and end (phone-bridge.ts).
        return;
      case 'notify':
        this.addNotice(effect.notice, effect.level, effect.detail, effect.failure);
        return;
      case 'startTimer': {
        const key = `${effect.timer}:${effect.callId ?? ''}`;
        clearTimeout(this.timers.get(key));
        const callId = effect.callId;
        const deadline = effect.at;
        this.timers.set(key, setTimeout(() => {
          this.timers.delete(key);
          // Never stamped before the deadline: the machine ignores an early tick for good, and a
          // timer may fire a millisecond early against Date.now().
          this.dispatch({ kind: 'autoReleaseElapsed', at: Math.max(this.now(), deadline), callId });
        }, Math.max(0, deadline - this.now())));
        return;
      }
      case 'cancelTimer': {
        const key = `${effect.timer}:${effect.callId ?? ''}`;
        clearTimeout(this.timers.get(key));
        this.timers.delete(key);
        return;
      }
      case 'screenPop':
        // A manual dial pops by the dialled number, but its Open CTI round trip and the record it
        // draws wait until the dial leaves `dialing` (its platform leg answered, or the dial over):
        // the Dial, the platform's INVITE and the answer go first (docs/benchmarks.md, "Tenth
        // pass (a)"). The record still opens as the call starts.
        if (this.state.phase === 'dialing') {
          // At most HELD_POP_MAX_MS: a dial the phone places itself (the sip platform) stays
          // `dialing` while the customer's phone rings.
          this.dropHeldPop();
          this.heldPop = { call: effect.call, timer: setTimeout(() => this.popHeld(), HELD_POP_MAX_MS) };
          return;
        }
        this.options.crm?.pop(effect.call);
        return;
      case 'logCall':
        this.options.crm?.log(effect.call, effect.final);
        return;
    }
  }

  /**
   * Transfer/conference targets, fetched when a call connects (no NeoApi traffic until the agent
   * could use them): the configured lists at once, NeoApi's listings when they answer.
   */
  private loadTransferTargets(user: string): void {
    if (this.targetsFor === user) return;
    this.targetsFor = user;
    this.views.update('runtime', { transferTargets: configuredTargets(this.options.config) });
    void loadTransferTargets(this.options.neo, user, this.options.config).then((targets) => {
      if (hasSession(this.state) && this.state.session.user === user) this.views.update('runtime', { transferTargets: targets });
    });
  }

  /**
   * DTMF through the platform for a call that cannot carry RFC 4733 (no DTMF sender on the
   * connection), so the agent's digits still reach an IVR.
   */
  private sendDtmfViaPlatform(digit: string): void {
    if (!hasSession(this.state)) return;
    void this.options.platform.run({ command: 'sendDigits', agent: this.state.session.user, digits: digit }).then((outcome) => {
      if (!outcome.ok) this.addNotice('sipActionFailed', 'warning', `DTMF ${digit}: ${outcome.failure.detail}`);
    });
  }

  /** The machine's automatic answer, asked by the phone inside the INVITE's task (phone-bridge.ts). */
  private answersAtOnce(call: CallSnapshot): boolean {
    const event = incomingEventOf(call, this.now());
    return event !== null && this.options.claims?.(event) !== true && answersAtOnce(this.state, event, this.context);
  }

  /** A new phone for the credentials of this login (the previous one, if any, is disposed). */
  private freshPhone(): PhoneLike | undefined {
    const credentials = this.credentials;
    if (!credentials) {
      this.dispatch({ kind: 'sipRegistrationFailed', at: this.now(), reason: 'no device credentials: log in again' });
      return undefined;
    }
    this.unbridge?.();
    const old = this.phone;
    if (old) void old.dispose().catch((error: unknown) => this.options.warn?.('disposing the previous phone failed', error));
    const phone = this.options.createPhone(credentials, (call) => this.answersAtOnce(call));
    this.phone = phone;
    this.unbridge = bridgePhoneEvents(phone, (event) => this.dispatch(event), this.now);
    return phone;
  }

  private appIntent(intent: SoftphoneIntent): void {
    switch (intent.kind) {
      case 'cancelLogout':
        this.views.update('runtime', { confirmLogout: false });
        return;
      case 'dismissNotice':
        this.dropNotice(intent.id);
        return;
      case 'clearDialError':
        this.views.update('runtime', { dialError: null });
        return;
      default:
        throw new Error(`The runtime runs the machine's intents and cancelLogout, dismissNotice and clearDialError, not ${JSON.stringify(intent.kind)}: send it through the session's intent table (src/app/intent-handlers.ts).`);
    }
  }

  /** Shows a notice to the agent; one per condition, info goes by itself (notice-policy.ts). */
  addNotice(notice: ShownNotice['notice'], level: ShownNotice['level'], detail: string | null, failure?: ShownNotice['failure']): void {
    const inCall = this.state.phase === 'dialing' || this.state.phase === 'ringing' || this.state.phase === 'connected';
    const { notices, placed } = placeNotice(this.view.notices, showNotice(this.nextNoticeId++, notice, level, detail, this.now(), failure, inCall));
    this.views.update('runtime', { notices });
    // Dropped only if it is still this state then: a newer state of its condition keeps the id.
    if (level === 'info') setTimeout(() => this.view.notices.includes(placed) && this.dropNotice(placed.id), INFO_NOTICE_MS);
  }

  private dropNotice(id: number): void {
    if (!this.view.notices.some((n) => n.id === id)) return;
    this.views.update('runtime', { notices: this.view.notices.filter((n) => n.id !== id) });
  }
}

