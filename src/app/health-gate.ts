/**
 * The pre-shift health gate (docs/health-gate.md): runs the probes (microphone, speaker, the
 * platform's round-trip, Salesforce, storage) at start-up and again whenever something changes —
 * a device plugged or unplugged, the microphone permission changed, the phone losing its
 * registration, the platform not answering —, adds what it found to the view, and refuses the
 * intents that would make the agent available while a blocking check fails. The rules are pure
 * (health-checks.ts); the browser probes are in health-probes.ts, injected so this runs in Node.
 */
import { hasSession, type AgentState } from '../call/index.ts';
import type { AgentView, SoftphoneIntent } from '../view/agent-view.ts';
import type { HealthCheckView } from '../view/health-view.ts';
import { healthView, makesAvailable, NO_FACTS, type HealthFacts, type MicrophoneFacts, type RoundTrip } from './health-checks.ts';

/** How long a failed platform probe waits before the next one, while logged out. */
export const PLATFORM_RETRY_MS = 5000;

/** What the gate asks the browser and the adapters (health-probes.ts; fakes in tests). */
export interface HealthProbes {
  /** Permission and inputs; the level only when `measure` and the permission is granted. */
  microphone(measure: boolean): Promise<MicrophoneFacts>;
  outputs(): Promise<{ readonly count: number; readonly listed: boolean }>;
  /** Plays the test tone to completion; rejects with why it could not. */
  playTone(): Promise<void>;
  /** The platform's round-trip; `'none'` when the platform has none. */
  platform(): Promise<RoundTrip | 'none'>;
  /** An Open CTI call that round-trips; `'none'` when not framed by Salesforce. */
  salesforce(): Promise<RoundTrip | 'none'>;
  storage(): Promise<RoundTrip>;
  /** Calls `changed` on a device or permission change; returns the unsubscribe. */
  watch(changed: () => void): () => void;
}

/** How to build a {@link HealthGate}. */
export interface HealthGateOptions {
  readonly probes: HealthProbes;
  /** A new view is due (the gate's facts changed). */
  readonly changed: () => void;
  readonly warn: (message: string, cause?: unknown) => void;
}

/** Which run of a probe is the latest: an older answer is dropped. */
type ProbeName = 'devices' | 'platform' | 'salesforce' | 'storage';

/** The gate of this tab. */
export class HealthGate {
  private facts: HealthFacts = NO_FACTS;
  private readonly runs = new Map<ProbeName, number>();
  private unwatch: (() => void) | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  /** The connection facts last seen, so a change to a failing value runs the checks again. */
  private seen = '';
  private agent: AgentState | undefined;

  constructor(private readonly options: HealthGateOptions) {}

  /** Runs every check and starts watching the devices and the permission. */
  start(): void {
    this.unwatch ??= this.options.probes.watch(() => void this.checkDevices());
    void this.checkAll();
  }

  /** Stops watching and retrying. */
  dispose(): void {
    this.unwatch?.();
    this.unwatch = undefined;
    clearTimeout(this.retry);
  }

  /** Every check again ("Check again", or a connection that just failed). */
  async checkAll(): Promise<void> {
    await Promise.all([this.checkDevices(), this.checkPlatform(), this.checkRoundTrip('salesforce'), this.checkRoundTrip('storage')]);
  }

  /**
   * The browser refused the microphone when asked (a click on "Allow the microphone", or the
   * login's request): blocked, whatever `permissions.query` still says — Chromium may answer
   * `prompt` for a site the agent blocked until it is asked once. The next probe reads it afresh.
   */
  microphoneRefused(detail: string): void {
    const before = this.facts.microphone;
    this.patch({ microphone: { permission: 'denied', inputs: before?.inputs ?? 0, levelDb: null, error: detail } });
  }

  /** The speaker test tone, played to the end (or failed, with why). */
  async playTone(): Promise<void> {
    if (this.facts.tone === 'playing') return;
    this.patch({ tone: 'playing', toneError: null });
    try {
      await this.options.probes.playTone();
      this.patch({ tone: 'played' });
    } catch (error) {
      this.patch({ tone: 'failed', toneError: error instanceof Error ? error.message : String(error) });
    }
  }

  /** `view` with the gate's lines; a connection turning bad runs every check again. */
  decorate(view: AgentView): AgentView {
    const agent = view.agent;
    this.agent = agent;
    const seen = `${hasSession(agent) ? 'in' : 'out'}:${agent.phone}:${agent.neoApi}`;
    const before = this.seen;
    this.seen = seen;
    // The phone unregistered or the platform stopped answering: what else broke with it?
    const turnedBad = before !== '' && seen !== before && (agent.phone === 'down' || agent.phone === 'reconnecting' || agent.neoApi === 'degraded');
    const loggedOut = before.startsWith('in:') && !hasSession(agent);
    if (turnedBad || loggedOut) queueMicrotask(() => void this.checkAll());
    return { ...view, health: healthView(this.facts, agent) };
  }

  /** The failing check that refuses `intent`, or `null` when the gate lets it through. */
  refusal(intent: SoftphoneIntent, agent: AgentState): HealthCheckView | null {
    if (!makesAvailable(intent)) return null;
    return healthView(this.facts, agent).blockedBy;
  }

  private async checkDevices(): Promise<void> {
    const run = this.nextRun('devices');
    const phase = this.agent?.phase ?? 'loggedOut';
    // The level is measured only outside a call: the microphone then belongs to the call.
    const measure = phase === 'loggedOut' || phase === 'ready' || phase === 'wrapUp';
    const [microphone, outputs] = await Promise.all([
      this.options.probes.microphone(measure).catch((error: unknown): MicrophoneFacts => ({ permission: 'unknown', inputs: 0, levelDb: null, error: String(error) })),
      this.options.probes.outputs().catch(() => ({ count: 0, listed: false })),
    ]);
    if (this.isLatest('devices', run)) this.patch({ microphone, outputs });
  }

  private async checkPlatform(): Promise<void> {
    clearTimeout(this.retry);
    // In a session the Position poll is the round-trip (health-checks.ts): no extra request.
    if (this.agent !== undefined && hasSession(this.agent)) return;
    const run = this.nextRun('platform');
    const platform = await this.options.probes.platform().catch((error: unknown): RoundTrip => ({ ok: false, detail: String(error) }));
    if (!this.isLatest('platform', run)) return;
    this.patch({ platform });
    // "Dialtone keeps trying by itself": a logged-out agent sees it come back without a click.
    if (platform !== 'none' && !platform.ok) this.retry = setTimeout(() => void this.checkPlatform(), PLATFORM_RETRY_MS);
  }

  private async checkRoundTrip(which: 'salesforce' | 'storage'): Promise<void> {
    const run = this.nextRun(which);
    const probe = which === 'salesforce' ? this.options.probes.salesforce() : this.options.probes.storage();
    const result = await probe.catch((error: unknown): RoundTrip => ({ ok: false, detail: String(error) }));
    if (this.isLatest(which, run)) this.patch(which === 'salesforce' ? { salesforce: result } : { storage: result as RoundTrip });
  }

  private nextRun(name: ProbeName): number {
    const run = (this.runs.get(name) ?? 0) + 1;
    this.runs.set(name, run);
    return run;
  }

  private isLatest(name: ProbeName, run: number): boolean {
    return this.runs.get(name) === run;
  }

  private patch(patch: Partial<HealthFacts>): void {
    this.facts = { ...this.facts, ...patch };
    this.options.changed();
  }
}
