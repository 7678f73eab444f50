/**
 * The Task log's code — the logger, its sender, the Task fields and the outbox's rules, ~5 KB
 * gzip — is its own chunk, fetched once the phone is registered: a log needs a call, and a call a
 * registered phone, so it is not among what the page fetches before REGISTER 200 (issue 18).
 * One case loads it at once: when this tab becomes the owner, one read of the outbox asks whether
 * a log a closed or reloaded tab left waits for Salesforce (or a dead letter for a person); if so
 * the code loads and drains it, logged in or not, as before (docs/task-log.md, "When the code
 * loads"). Calls made before the code is in are kept, in order, and run once it is.
 */
import type { CallFacts } from '../call/index.ts';
import type { LinkedRecord } from '../crm/linked-record.ts';
import type { TaskFields } from '../crm/task-log.ts';
import type * as TaskLoggerChunk from './task-logger.ts';
import type { TaskLogger, TaskLoggerOptions } from './task-logger.ts';
import { DeferredPart } from './deferred-part.ts';

/** How to build a {@link LazyTaskLog}: the logger's options, and the outbox's one cheap question. */
export interface LazyTaskLogOptions extends TaskLoggerOptions {
  /** Whether the outbox holds a log to send or a dead letter to show (`DialtoneStore.outboxWaiting`). */
  readonly waiting: () => Promise<boolean>;
}

/** Failed fetches of the code are retried this many times, 2 s, 4 s … apart (then at the next use). */
const RETRIES = 6;

/** A {@link TaskLogger} whose code is fetched when first needed. */
export class LazyTaskLog {
  private readonly logger: DeferredPart<TaskLogger>;
  private started = false;
  private failures = 0;

  constructor(
    private readonly options: LazyTaskLogOptions,
    code: () => Promise<typeof TaskLoggerChunk> = () => import('./task-logger.ts'),
  ) {
    this.logger = new DeferredPart(
      async () => {
        const logger = new (await code()).TaskLogger(options);
        if (this.started) logger.start();
        return logger;
      },
      (error, waiting) => {
        this.failures += 1;
        const retry = this.failures <= RETRIES;
        options.warn(
          `the Task log's code (assets/task-logger-*.js) did not load; ${waiting} log operation(s) wait for it, ${retry ? `retrying in ${2 ** this.failures} s` : 'retried at the next log'} (expected the adapter's assets to load; reload the page if it persists)`,
          error,
        );
        if (retry) setTimeout(() => this.load(), 1000 * 2 ** this.failures);
      },
    );
  }

  /** Whether the code is in (tests). */
  get loaded(): boolean {
    return this.logger.current !== undefined;
  }

  /** Fetches the code now (the phone registered, or something must be logged). */
  load(): void {
    this.logger.load();
  }

  /** `TaskLogger.log`: a call ended or its wrap-up is done. */
  log(call: CallFacts, final: boolean): void {
    this.logger.hold((logger) => logger.log(call, final));
  }

  /** `TaskLogger.relink`: the call's Task follows a re-pointed record. */
  relink(call: CallFacts, record: LinkedRecord | null): void {
    this.logger.hold((logger) => logger.relink(call, record));
  }

  /** `TaskLogger.enqueue`: another Task through the outbox; resolves once stored. */
  enqueue(key: string, fields: TaskFields): Promise<void> {
    return this.logger.run((logger) => logger.enqueue(key, fields));
  }

  retryDead(key: string): Promise<void> {
    return this.logger.run((logger) => logger.retryDead(key));
  }

  dismissDead(key: string): Promise<void> {
    return this.logger.run((logger) => logger.dismissDead(key));
  }

  /**
   * This tab owns the phone: the logger sends once its code is in. The code is fetched now only
   * if the outbox holds something to send or show; otherwise at REGISTER 200 (`load`).
   */
  start(): void {
    if (this.started) return;
    this.started = true;
    const logger = this.logger.current;
    if (logger) {
      logger.start();
      return;
    }
    this.options.waiting().then(
      (waiting) => {
        if (waiting) this.load();
      },
      (error: unknown) => {
        // Unknown is treated as "something waits": the logger reads the outbox itself.
        this.options.warn('could not tell whether the log outbox holds logs; loading the Task log now', error);
        this.load();
      },
    );
  }
}
