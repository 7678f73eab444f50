/**
 * A reload without the phone window (issue 19 point 3, docs/reload.md): the reloaded panel carries
 * on the session its page had, learns from the platform whether the call is still there, and keeps
 * the call's Task one Task.
 *
 * ```
 *  owner page, every new machine state ──► sessionStorage `dialtone:session:<call center>`
 *        (the machine state with a session: user, device, call facts; never a password)
 *  page reloads ─► this tab owns the phone, no other tab handed a session over, no phone window
 *        │ mark read at start (and dropped: the owner writes it again)
 *        ▼
 *  runtime.resume({ agent: mark, credentials: device + kept device password | null })
 *        │ no second Login: NeoApi needs only the user for Position / Hangup / UpdateContact
 *        │ ringing / connected call with a platform id ─► the same phase, no leg (resumedSession)
 *        ▼
 *  first Position after the resume ─► shows the call: it stays (facts merged)
 *                                 ─► does not: platformCallEnded (wrap-up or ready, Task logged)
 * ```
 *
 * sessionStorage, not IndexedDB: it is per browser tab (a reload keeps it, another tab or a new
 * browser session does not), so only the tab that ran the session resumes it. It holds no secret:
 * the device password comes from the vault only if the agent kept it (docs/security.md).
 */
import type { AgentEvent, AgentState, CallId } from '../call/index.ts';
import { hasSession } from '../call/index.ts';
import { markLatest } from '../shared/latest-mark.ts';
import { sessionMarkKey } from './reload-mark.ts';
import type { AgentRuntime, TakeoverKit } from './agent-runtime.ts';

/** The mark's format; another value is dropped. */
const MARK_VERSION = 1;

/** What the page keeps across a reload (sessionStorage, JSON). */
interface SessionMark {
  readonly v: typeof MARK_VERSION;
  readonly agent: AgentState;
  /** The device as the agent typed it (the SIP user): finds the kept device password. */
  readonly device: string | null;
}

/** The parts of `Storage` used here (tests pass a map). */
export interface MarkStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** How to build a {@link CallResume}. */
export interface CallResumeOptions {
  readonly callCenter: string;
  readonly runtime: () => AgentRuntime;
  /** The kept device password of a device (PreferenceKeeper.keptDevicePassword). */
  readonly devicePassword: (device: string) => string | undefined;
  /** `sessionStorage`, or `null` where there is none (Node tests, a browser that refuses it). */
  readonly storage: MarkStorage | null;
  readonly now?: () => number;
  readonly warn: (message: string, cause?: unknown) => void;
}

const SESSION_PHASES: ReadonlySet<string> = new Set(['ready', 'dialing', 'ringing', 'connected', 'wrapUp']);

/** The mark in `raw`, or why it is not one (what was wrong, the value received, what was expected). */
export function markOf(raw: string): SessionMark | string {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return `not JSON (received ${JSON.stringify(raw.slice(0, 40))}…; expected the object this page wrote)`;
  }
  if (typeof value !== 'object' || value === null) return `received ${JSON.stringify(value)}; expected an object`;
  const mark = value as Partial<Record<keyof SessionMark, unknown>>;
  if (mark.v !== MARK_VERSION) return `v is ${JSON.stringify(mark.v)}; expected ${MARK_VERSION}`;
  if (mark.device !== null && typeof mark.device !== 'string') return `device is ${JSON.stringify(mark.device)}; expected a string or null`;
  const agent = mark.agent as { phase?: unknown; session?: { user?: unknown; device?: unknown }; call?: { callId?: unknown } | null; nextRequest?: unknown } | null | undefined;
  if (typeof agent !== 'object' || agent === null || typeof agent.phase !== 'string' || !SESSION_PHASES.has(agent.phase)) {
    return `agent.phase is ${JSON.stringify(agent?.phase)}; expected one of ${[...SESSION_PHASES].join(', ')}`;
  }
  if (typeof agent.session?.user !== 'string' || typeof agent.session.device !== 'string') return 'agent.session has no user and device';
  if (typeof agent.nextRequest !== 'number') return `agent.nextRequest is ${JSON.stringify(agent.nextRequest)}; expected a number`;
  if (agent.phase !== 'ready' && (typeof agent.call !== 'object' || agent.call === null)) return `agent.call is ${JSON.stringify(agent.call)} in phase ${agent.phase}; expected the call's facts`;
  if (agent.call && agent.call.callId !== null && typeof agent.call.callId !== 'string') return `agent.call.callId is ${JSON.stringify(agent.call.callId)}; expected a string or null`;
  return value as SessionMark;
}

/** Carries a session across a reload of its page, and drops a resumed call the platform no longer has. */
export class CallResume {
  private readonly key: string;
  /** The mark the previous page left, read once at start. */
  private taken: SessionMark | undefined;
  private saved: AgentState | undefined;
  /** A resumed call without a leg, until the platform's first status after the resume. */
  private awaited: { readonly callId: CallId; confirmed: boolean } | undefined;
  private readonly now: () => number;

  constructor(private readonly options: CallResumeOptions) {
    this.key = sessionMarkKey(options.callCenter);
    this.now = options.now ?? (() => Date.now());
    this.taken = this.read();
  }

  /** Keeps the owner's session for a reload of this page (called with every view it publishes). */
  save(kit: TakeoverKit): void {
    const storage = this.options.storage;
    if (!storage || kit.agent === this.saved) return;
    this.saved = kit.agent;
    try {
      if (!hasSession(kit.agent) || kit.agent.phase === 'loggingOut') storage.removeItem(this.key);
      else storage.setItem(this.key, JSON.stringify({ v: MARK_VERSION, agent: kit.agent, device: kit.credentials?.user ?? null } satisfies SessionMark));
    } catch (error) {
      // A full or refused storage costs only the resume after a reload (the agent logs in again).
      this.options.warn('the session could not be kept for a reload of this page', error);
    }
  }

  /** The session left this page (handed to the phone window): a reload must not resume it here too. */
  forget(): void {
    this.saved = undefined;
    try {
      this.options.storage?.removeItem(this.key);
    } catch (error) {
      this.options.warn('the session kept for a reload could not be dropped', error);
    }
  }

  /**
   * This tab owns the phone and nobody handed it a session: carries on the one this page had
   * before its reload, if any. Returns whether it did.
   */
  resumeFromReload(): boolean {
    const mark = this.taken;
    this.taken = undefined;
    if (!mark || this.options.runtime().agent.phase !== 'loggedOut') return false;
    const password = mark.device === null ? undefined : this.options.devicePassword(mark.device);
    const credentials = mark.device !== null && password !== undefined ? { user: mark.device, password } : null;
    // bench/reload-register.ts: where a reload's time to REGISTER 200 goes.
    markLatest('dialtone:resumed');
    this.resume({ agent: mark.agent, credentials });
    // The platform session goes on (hang up, categorise, the Task); the phone needs the password typed.
    if (credentials === null) this.options.runtime().addNotice('resumedWithoutPhone', 'warning', null);
    return true;
  }

  /** Resumes `kit` (a reload, another tab's session, the phone window's) and watches a resumed call. */
  resume(kit: TakeoverKit): void {
    const runtime = this.options.runtime();
    runtime.resume(kit);
    const state = runtime.agent;
    const live = (state.phase === 'ringing' || state.phase === 'connected') && state.call.legId === null ? state.call.callId : null;
    this.awaited = live === null ? undefined : { callId: live, confirmed: false };
  }

  /** Every event before the machine (AgentRuntime `intercept`): the platform still reports the call. */
  saw(event: AgentEvent): void {
    if (this.awaited && event.kind === 'platformCallStarted' && event.callId === this.awaited.callId) this.awaited.confirmed = true;
  }

  /**
   * The platform's status arrived (the Position poller's snapshot hook, called before that
   * snapshot's events are dispatched): once they have run, a resumed call it did not show ended
   * while no page was there, and ends here too (wrap-up, Task).
   */
  statusSeen(): void {
    const awaited = this.awaited;
    if (!awaited) return;
    queueMicrotask(() => {
      // A resume in between (a takeover) awaits its own call.
      if (this.awaited === awaited) this.awaited = undefined;
      if (awaited.confirmed) return;
      const runtime = this.options.runtime();
      const state = runtime.agent;
      if ((state.phase === 'ringing' || state.phase === 'connected') && state.call.callId === awaited.callId && state.call.legId === null) {
        runtime.dispatch({ kind: 'platformCallEnded', at: this.now(), callId: awaited.callId });
      }
    });
  }

  private read(): SessionMark | undefined {
    const storage = this.options.storage;
    if (!storage) return undefined;
    try {
      const raw = storage.getItem(this.key);
      if (raw === null) return undefined;
      // The owner writes it again; a tab that ends up a follower must not resume it on a later reload.
      storage.removeItem(this.key);
      const mark = markOf(raw);
      if (typeof mark === 'string') {
        this.options.warn(`sessionStorage ${this.key}: ${mark}; the session of the page before the reload is not resumed`);
        return undefined;
      }
      return mark;
    } catch (error) {
      this.options.warn('the session of the page before the reload could not be read', error);
      return undefined;
    }
  }
}
