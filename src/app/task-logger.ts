/**
 * Task logs that are never lost (docs/task-log.md): every call's Task goes into the outbox
 * (IndexedDB) before anything is sent, and the owner tab drains it through Open CTI `saveLog` —
 * create (an Apex upsert keyed by `CallObject`, so it is idempotent even after a lost answer or a
 * late commit), then update by the remembered Task id — with bounded exponential back-off and
 * jitter, `refreshView` after each save, and a dead-letter list for logs Salesforce keeps
 * refusing. Idempotent per `CallObject`, across reloads and tabs.
 */
import type { CallFacts } from '../call/index.ts';
import type { Config } from '../config/index.ts';
import type { LinkedRecord } from '../crm/linked-record.ts';
import { recordingFieldOf, recordingUrlOf, withRecordingLink } from '../crm/recording-link.ts';
import { callObjectOf, lookupFieldsOf, taskFieldsOf, type TaskFields } from '../crm/task-log.ts';
import { messageOf } from '../shared/errors.ts';
import { openStore, type Outbox, type OutboxEntry, type SendOutcome } from '../storage/index.ts';
import { createMemoryOutbox } from '../storage/outbox.ts';
import { describeSendError, leaseClock, refusalOf, sendEntry, type TaskLogCti } from './task-send.ts';

export { TASK_UPSERT, type TaskLogCti } from './task-send.ts';

/** Back-off of failed sends: `min(maxMs, baseMs · 2^(attempt−1))`, then × a random 0.5–1 (equal jitter). */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
}

/** 2 s, 4 s, 8 s … capped at 5 min (each × 0.5–1): a Salesforce outage is retried every few minutes, forever. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2000, maxMs: 300_000 };
/** How long one sender keeps an entry: more than a lookup plus a `saveLog` at the shim's 10 s timeout each. */
export const DEFAULT_LEASE_MS = 45_000;
/** Attempts in a row with the same refusal before an entry is dead-lettered (docs/task-log.md). */
export const DEFAULT_DEAD_LETTER_AFTER = 5;
/**
 * A log is counted as waiting for Salesforce (the header's badge) once a send of it failed or it
 * has waited this long: a log being saved normally (a few hundred ms) is not, so the badge does not
 * flash after every call and push the panel down under the next ringing call's Answer button
 * (docs/benchmarks.md, "Twelfth pass (a)").
 */
export const WAITING_AFTER_MS = 3000;
/** Sent entries are kept this long (a re-point updates the Task by its id), then pruned. */
export const KEEP_SENT_MS = 7 * 24 * 3600 * 1000;

/** Delay before retry number `attempt` (1 = the first retry). */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return Math.round(ceiling * (0.5 + random() * 0.5));
}

/** How to build a {@link TaskLogger}. */
export interface TaskLoggerOptions {
  /** The categories and CRM settings; the session's platform (`sipPlatform`) for the recording link. */
  readonly config: Pick<Config, 'categories' | 'crm' | 'sipPlatform'>;
  readonly cti: TaskLogCti;
  /** The record linked to a call (the screen pop's choice, or the agent's re-point). */
  readonly linkOf: (call: CallFacts) => LinkedRecord | null;
  /** The count of logs waiting for Salesforce changed (the view's `pendingLogs`; starts at 0; see {@link WAITING_AFTER_MS}). */
  readonly onPending: (count: number) => void;
  /** The outbox is in memory only (no IndexedDB in this frame): pending logs die with the page. Told once, at the first log. */
  readonly onVolatile: (detail: string) => void;
  /** The dead-letter list changed (the view's `failedLogs`): logs Salesforce kept refusing, oldest first. */
  readonly onDeadLetters?: (entries: readonly OutboxEntry[]) => void;
  /** Attempts in a row with the same refusal before an entry is dead-lettered; default {@link DEFAULT_DEAD_LETTER_AFTER}. */
  readonly deadLetterAfter?: number;
  readonly warn: (message: string, cause?: unknown) => void;
  /** Default: the `dialtone` database's outbox, or an in-memory one when it does not open. */
  readonly openOutbox?: () => Promise<Outbox>;
  /** The lease and back-off clock; default {@link leaseClock} (monotonic, comparable across tabs). */
  readonly now?: () => number;
  readonly random?: () => number;
  readonly backoff?: BackoffPolicy;
  readonly leaseMs?: number;
  /** Default {@link WAITING_AFTER_MS}. */
  readonly waitingAfterMs?: number;
  /** This sender's name in leases; default a random UUID per page. */
  readonly holder?: string;
}

/** The call-log side of the CRM hooks, plus the generic outbox for other Tasks. */
export class TaskLogger {
  private outbox: Outbox | undefined;
  private readonly ready: Promise<Outbox>;
  /** Enqueues run one after another, so a call's final log never overtakes its first. */
  private chain: Promise<unknown> = Promise.resolve();
  private draining = false;
  private again = false;
  private running = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts the waiting logs again when a log being sent has waited `waitingAfterMs`. */
  private waitingTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly now: () => number;
  private readonly holder: string;
  /** Why the outbox is in memory; told to the agent once, with the first log it holds. */
  private volatileReason: string | undefined;
  private lastPending = 0;
  private lastDead = '';

  constructor(private readonly options: TaskLoggerOptions) {
    this.now = options.now ?? leaseClock;
    this.holder = options.holder ?? globalThis.crypto.randomUUID();
    this.ready = this.openOutbox();
  }

  /** Whether the outbox survives a reload (IndexedDB) — `undefined` until it opened. */
  get persistent(): boolean | undefined {
    return this.outbox?.persistent;
  }

  /** `CrmHooks.log`: the call ended (`final: false`) or the agent is done with it (`final: true`). */
  log(call: CallFacts, final: boolean): void {
    if (!this.options.config.crm.saveActivityLog) return;
    let fields: TaskFields;
    try {
      fields = taskFieldsOf(call, this.options.linkOf(call), this.options.config, { final });
    } catch (error) {
      this.options.warn('the call could not be turned into a Task', error);
      return;
    }
    fields = this.withRecording(call, fields);
    void this.queue(callObjectOf(call), fields, false);
  }

  /**
   * The Task with the call's recording link on the session's platform (src/crm/recording-link.ts:
   * built here, in the Task log's chunk, not by the session before REGISTER 200); a link that
   * cannot be built is reported and left out.
   */
  private withRecording(call: CallFacts, fields: TaskFields): TaskFields {
    const config = this.options.config;
    try {
      return withRecordingLink(fields, recordingUrlOf(call, config, 'task'), recordingFieldOf(config));
    } catch (error) {
      this.options.warn('the recording link could not be written into the Task', error);
      return fields;
    }
  }

  /**
   * The agent re-pointed `call` to `record` (or the pop found it late): the Task follows. A Task
   * already written is updated by its id; a pending one is sent with the new link; a call not yet
   * logged needs nothing (its log asks `linkOf`).
   */
  relink(call: CallFacts, record: LinkedRecord | null): void {
    if (!this.options.config.crm.saveActivityLog) return;
    let lookups: TaskFields;
    try {
      lookups = lookupFieldsOf(record);
    } catch (error) {
      this.options.warn('the re-pointed record cannot go on the Task', error);
      return;
    }
    const key = callObjectOf(call);
    this.chain = this.chain.then(async () => {
      const outbox = await this.ready;
      if ((await outbox.get(key)) === undefined) return;
      await this.store(outbox, key, lookups, true);
    }).catch((error: unknown) => this.options.warn('re-pointing the Task failed', error));
  }

  /**
   * Any other Task through the same outbox (e.g. a supervisor's monitoring session): `key` is
   * written as its `CallObject` (the idempotency key; a later enqueue of the same key updates the
   * same Task) and `fields` as given (`entityApiName`/`Id` are the outbox's). Resolves once stored.
   */
  async enqueue(key: string, fields: TaskFields): Promise<void> {
    await this.queue(key, fields, false, true);
  }

  /** Starts sending (this tab owns the phone): drains what earlier pages or tabs left. */
  start(): void {
    if (this.running) return;
    this.running = true;
    void this.ready.then(async (outbox) => {
      await outbox.prune(this.now() - KEEP_SENT_MS).catch((error: unknown) => this.options.warn('pruning the log outbox failed', error));
      await this.publishPending(outbox);
      this.kick();
    });
  }

  /** Stops sending (another tab owns the phone, or the page goes); what is stored stays. */
  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    clearTimeout(this.waitingTimer);
    this.waitingTimer = undefined;
  }

  /** Sends everything due now; resolves when the outbox has nothing due (tests, and `start`). */
  async drain(): Promise<void> {
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = true;
    try {
      const outbox = await this.ready;
      do {
        this.again = false;
        for (let entry = await outbox.claim(this.holder, this.now(), this.leaseMs); entry; entry = await outbox.claim(this.holder, this.now(), this.leaseMs)) {
          await this.send(outbox, entry);
          await this.publishPending(outbox);
        }
      } while (this.wantsAgain());
      await this.schedule(outbox);
    } catch (error) {
      this.options.warn('the log outbox could not be drained', error);
    } finally {
      this.draining = false;
    }
  }

  /** A drain was asked for while this one ran (a new log arrived mid-way). */
  private wantsAgain(): boolean {
    return this.again && this.running;
  }

  private get leaseMs(): number {
    return this.options.leaseMs ?? DEFAULT_LEASE_MS;
  }

  private kick(): void {
    if (this.running) void this.drain();
  }

  private async schedule(outbox: Outbox): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.running) return;
    const at = await outbox.nextDueAt();
    if (at === undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.kick();
    }, Math.max(0, at - this.now()));
  }

  private queue(key: string, fields: TaskFields, merge: boolean, rethrow = false): Promise<void> {
    const run = this.chain.then(async () => this.store(await this.ready, key, fields, merge));
    this.chain = run.catch((error: unknown) => this.options.warn(`the Task ${key} could not be stored for sending`, error));
    return rethrow ? run : this.chain.then(() => undefined);
  }

  private async store(outbox: Outbox, key: string, fields: TaskFields, merge: boolean): Promise<void> {
    await outbox.enqueue(key, { ...fields, CallObject: key }, { now: this.now(), merge });
    if (this.volatileReason !== undefined) {
      this.options.onVolatile(this.volatileReason);
      this.volatileReason = undefined;
    }
    await this.publishPending(outbox);
    this.kick();
  }

  private async send(outbox: Outbox, entry: OutboxEntry): Promise<void> {
    let outcome: SendOutcome;
    try {
      outcome = { ok: true, taskId: await sendEntry(this.options.cti, entry) };
    } catch (error) {
      const retryAt = this.now() + backoffDelay(entry.attempts + 1, this.options.backoff, this.options.random);
      const refusal = refusalOf(error);
      outcome = { ok: false, error: describeSendError(error), retryAt, deadAfter: this.options.deadLetterAfter ?? DEFAULT_DEAD_LETTER_AFTER, ...(refusal ? { refusal } : {}) };
      this.options.warn(`the Task ${entry.key} did not reach Salesforce (attempt ${entry.attempts + 1}); retrying in ${retryAt - this.now()} ms`, error);
    }
    await outbox.settle(entry.key, this.holder, entry.version, outcome, this.now());
    if (outcome.ok) {
      this.options.cti.refreshView().catch((error: unknown) => this.options.warn('refreshView after saving the Task failed', error));
    }
  }

  /** The agent (or an admin) asks to try a dead-lettered log again now. */
  async retryDead(key: string): Promise<void> {
    const outbox = await this.ready;
    if (await outbox.retry(key, this.now())) {
      await this.publishPending(outbox);
      this.kick();
    }
  }

  /** The agent copied a dead-lettered log's details and lets it go: it is deleted from the outbox. */
  async dismissDead(key: string): Promise<void> {
    const outbox = await this.ready;
    await outbox.dismiss(key);
    await this.publishPending(outbox);
  }

  private async publishPending(outbox: Outbox): Promise<void> {
    try {
      const after = this.options.waitingAfterMs ?? WAITING_AFTER_MS;
      const { pending, waiting: count } = await outbox.pendingCounts(this.now() - after);
      if (this.waitingTimer === undefined && pending > count) {
        this.waitingTimer = setTimeout(() => {
          this.waitingTimer = undefined;
          void this.publishPending(outbox);
        }, after);
      }
      if (count !== this.lastPending) {
        this.lastPending = count;
        this.options.onPending(count);
      }
      const dead = await outbox.deadLetters();
      const shape = dead.map((e) => `${e.key}@${e.version}`).join('\n');
      if (shape !== this.lastDead) {
        this.lastDead = shape;
        this.options.onDeadLetters?.(dead);
      }
    } catch (error) {
      this.options.warn('could not count the pending logs', error);
    }
  }

  private async openOutbox(): Promise<Outbox> {
    try {
      this.outbox = this.options.openOutbox ? await this.options.openOutbox() : (await openStore()).outbox;
    } catch (error) {
      this.outbox = createMemoryOutbox();
      this.volatileReason = messageOf(error);
    }
    return this.outbox;
  }
}
