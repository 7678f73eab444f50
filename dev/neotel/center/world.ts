/**
 * The shared state of one simulated contact center: the scenario's catalogues, the agent
 * sessions, the calls, the contacts, counters for call ids and channel names, and the timers the
 * simulation sets (all cleared by {@link World.close}).
 */
import type { AgentLeg, LegEndReason, Pbx } from '../pbx/types.ts';
import type { BreakSpec, CampaignSpec, DeviceSpec, QueueSpec, Scenario, SubcategorySpec, TaskSpec, UserSpec } from '../scenario/schema.ts';
import { NeoDateFormat, systemClock, type Clock } from './clock.ts';
import { ContactBook, type Disposition } from './contact-book.ts';
import type { AgentSession, Call } from './model.ts';
import { faults } from './neo-fault.ts';

/**
 * Behaviour the call primitives delegate to the flow modules (transfers, DTMF), installed by the
 * contact center so that the primitives need not import the flows.
 */
export interface CallHooks {
  /** The owning agent's leg ended after answering (browser BYE, lost WebSocket). */
  ownerLegGone(call: Call, leg: AgentLeg, reason: LegEndReason): void;
  /** A digit from the agent's side (RFC 4733 from the browser, or SendDTMF). */
  agentDigit(call: Call, digit: string): void;
}

/** How many ended calls the control API can still list. */
const FINISHED_CALLS_KEPT = 200;

export class World {
  readonly dates: NeoDateFormat;
  readonly contacts: ContactBook;
  readonly users: ReadonlyMap<string, UserSpec>;
  readonly devices: ReadonlyMap<string, DeviceSpec>;
  readonly campaigns: ReadonlyMap<number, CampaignSpec>;
  readonly queues: ReadonlyMap<number, QueueSpec>;
  readonly breaks: ReadonlyMap<number, BreakSpec>;
  readonly subcategories: ReadonlyMap<number, SubcategorySpec>;
  readonly tasks: ReadonlyMap<number, TaskSpec>;
  readonly sessions = new Map<string, AgentSession>();
  readonly calls = new Map<string, Call>();
  readonly finished: Call[] = [];
  /** Per-number behaviour set through the control API (tone, answer delay, never answers). */
  readonly numberProfiles = new Map<string, { toneHz?: number; answerAfterMs?: number; neverAnswer?: boolean }>();
  /** Every UpdateContact accepted, with or without a contact (control API). */
  readonly dispositionLog: (Disposition & { base: number; contactId: number; crm: number })[] = [];
  dialerRunning: boolean;
  hooks: CallHooks = { ownerLegGone: () => undefined, agentDigit: () => undefined };
  private callCounter: number;
  private channelCounter = 0x2666;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private distribute: () => void = () => undefined;
  private distributionPending = false;
  private closed = false;

  constructor(
    readonly scenario: Scenario,
    readonly pbx: Pbx,
    readonly clock: Clock = systemClock,
  ) {
    this.dates = new NeoDateFormat(scenario.platform.timeZone, scenario.platform.clock);
    this.contacts = new ContactBook(scenario);
    this.users = new Map(scenario.users.map((u) => [u.id, u]));
    this.devices = new Map(scenario.devices.map((d) => [d.name.toUpperCase(), d]));
    this.campaigns = new Map(scenario.campaigns.map((c) => [c.id, c]));
    this.queues = new Map(scenario.queues.map((q) => [q.id, q]));
    this.breaks = new Map(scenario.breaks.map((b) => [b.id, b]));
    this.subcategories = new Map(scenario.categories.flatMap((c) => c.subcategories.map((s) => [s.id, s] as const)));
    this.tasks = new Map(scenario.tasks.map((t) => [t.id, t]));
    this.callCounter = scenario.platform.firstCallId;
    this.dialerRunning = scenario.dialer.autoStart;
  }

  now(): number {
    return this.clock.now();
  }

  /** The next platform call id (`IDLLAMADA`). */
  newCallId(): string {
    return String(this.callCounter++);
  }

  /** An Asterisk-style channel name: `SIP/1001-0000266a`. */
  newChannel(device: string): string {
    this.channelCounter += 1;
    return `${device}-${this.channelCounter.toString(16).padStart(8, '0')}`;
  }

  /** A channel for an outside party, on the platform's trunk. */
  newTrunkChannel(): string {
    return this.newChannel(`SIP/${this.scenario.platform.trunk}`);
  }

  /** The session of a logged-in user, or the real server's `<USUARIO> not logged.`. */
  requireSession(user: string): AgentSession {
    const session = this.sessions.get(user);
    if (!session) throw faults.notLogged(user);
    return session;
  }

  /** The session that holds `device` (case-insensitive, like the platform's position names). */
  sessionOnDevice(device: string): AgentSession | undefined {
    const wanted = device.toUpperCase();
    for (const session of this.sessions.values()) if (session.device.toUpperCase() === wanted) return session;
    return undefined;
  }

  /** Remembers an ended call for the control API and forgets the oldest. */
  retire(call: Call): void {
    this.calls.delete(call.id);
    this.finished.push(call);
    if (this.finished.length > FINISHED_CALLS_KEPT) this.finished.shift();
  }

  findCall(id: string): Call | undefined {
    return this.calls.get(id) ?? this.finished.find((c) => c.id === id);
  }

  /** A timer the world clears on close. Returns its cancel function. */
  later(ms: number, task: () => void): () => void {
    if (this.closed) return () => undefined;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      task();
    }, ms);
    this.timers.add(timer);
    return () => {
      clearTimeout(timer);
      this.timers.delete(timer);
    };
  }

  /** Installs the queue/dialer distribution run by {@link requestDistribution}. */
  setDistribution(run: () => void): void {
    this.distribute = run;
  }

  /**
   * Asks for a distribution pass soon (after the current NeoApi request has answered), at most
   * one pending at a time: agents became free, calls were queued, the dialer was started.
   */
  requestDistribution(): void {
    if (this.distributionPending || this.closed) return;
    this.distributionPending = true;
    this.later(0, () => {
      this.distributionPending = false;
      this.distribute();
    });
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  get isClosed(): boolean {
    return this.closed;
  }
}
