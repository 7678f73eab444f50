/**
 * The Position poll's requests, sent from a dedicated worker: the page's main thread hears of a
 * poll only when its answer changed (or failed). NeoApi has no push, so an agent sitting Ready
 * asks Position every second; done on the page, each poll is a `fetch` with its loader, body and
 * promises on the main thread (most of the adapter's idle CPU and garbage, docs/benchmarks.md)
 * for an answer that almost never changes. In the worker, those polls cost the page nothing.
 *
 * The poller is unchanged in what it sees: one {@link PositionSource.position} call resolves with
 * the next answer that differs from the last good one (`holdUnchanged`), decoded by the same
 * client code (`NeoApiClient.positionOf`: charset, checks, errors, unchanged-answer memo). It
 * resolves at once, as before, when the poller has no good snapshot yet or is degraded. The
 * worker keeps the cadence (no fetch sooner than one interval after the previous one started)
 * and the per-request timeout.
 *
 * The worker is a SharedWorker where the browser has one, else a dedicated Worker
 * (position-watch-spawn.ts says why). If one kind cannot be created, reports an error, or does not
 * answer its first request in time (interval + timeout + 2 s: a fresh worker always answers its
 * first request), the next kind takes over with the request in flight; when none is left (no
 * Worker, CSP `worker-src` without `blob:`), every poll goes back to the page's own `fetch`
 * (`NeoApiClient.position`), the call in flight too.
 */
import { messageOf } from '../../shared/errors.ts';
import type { CallOptions, FetchedAnswer, PositionRequest } from './client.ts';
import type { PositionSource, PositionSourceOptions } from './position-poller.ts';
import { browserSpawners, type SpawnWatchWorker, type WatchReply, type WatchRequest, type WatchWorkerPort } from './position-watch-spawn.ts';

export type { SpawnWatchWorker, WatchReply, WatchRequest, WatchWorkerPort } from './position-watch-spawn.ts';

/** What the watch needs of the NeoApi client (`NeoApiClient`). */
export interface WatchedClient extends PositionSource {
  positionRequest(user: string): PositionRequest;
  positionOf(user: string, answer: FetchedAnswer, options?: CallOptions): Promise<string>;
}

/** How to build a {@link WatchedPosition}. */
export interface WatchedPositionOptions {
  /** Time between the starts of two polls (`positionPollIntervalMs`). */
  readonly intervalMs: number;
  /** The kinds of worker to try, best first; default SharedWorker then dedicated (`browserSpawners`). */
  readonly spawn?: SpawnWatchWorker | readonly SpawnWatchWorker[];
  /** Told once when polls go back to the page's fetch, with why (every kind's reason). */
  readonly onFallback?: (reason: string) => void;
  /** Told when one kind of worker failed and the next takes over. */
  readonly onWorkerFailed?: (kind: string, reason: string) => void;
}

interface Waiting {
  readonly id: number;
  readonly settle: (answer: FetchedAnswer | null) => void;
}

/** A {@link PositionSource} whose requests a worker sends; see the file's comment. */
export class WatchedPosition implements PositionSource {
  private port: WatchWorkerPort | undefined;
  private fallenBack = false;
  private waiting: Waiting | null = null;
  /** The request `waiting` waits for, posted again to the next kind of worker if this one fails. */
  private pending: Extract<WatchRequest, { op: 'watch' }> | null = null;
  /** Whether the current worker has answered anything (it started). */
  private heard = false;
  private nextId = 1;
  /** Index of the kind of worker to start next (kinds that failed are not tried again). */
  private kindIndex = 0;
  private readonly reasons: string[] = [];
  /** Armed when a worker that has not answered yet is given a watch; cleared by its first answer. */
  private startWatchdog: ReturnType<typeof setTimeout> | undefined;
  private readonly spawners: readonly SpawnWatchWorker[];

  constructor(
    private readonly client: WatchedClient,
    private readonly options: WatchedPositionOptions,
  ) {
    const spawn = options.spawn ?? browserSpawners();
    this.spawners = typeof spawn === 'function' ? [spawn] : spawn;
  }

  /** The kind of worker watching now (`shared`, `dedicated`), `page` once polls went back to the page, `none` before the first poll. */
  get kind(): string {
    return this.fallenBack ? 'page' : (this.port?.kind ?? 'none');
  }

  async position(user: string, options: PositionSourceOptions): Promise<string> {
    const port = options.signal.aborted ? undefined : this.livePort();
    // No worker (or already aborted, which the client reports as such): the page's own fetch.
    if (port === undefined) return this.client.position(user, options);
    const id = this.nextId++;
    const answer = await new Promise<FetchedAnswer | null>((settle) => {
      const onAbort = (): void => {
        // The poller stopped: the watch ends with it, and a restart starts a fresh worker.
        this.dispose();
        settle(null);
      };
      options.signal.addEventListener('abort', onAbort, { once: true });
      this.waiting = {
        id,
        settle: (value) => {
          options.signal.removeEventListener('abort', onAbort);
          settle(value);
        },
      };
      const request = this.client.positionRequest(user);
      const timeoutMs = options.timeoutMs ?? request.timeoutMs;
      this.pending = { op: 'watch', id, intervalMs: this.options.intervalMs, hold: options.holdUnchanged === true, ...request, timeoutMs };
      this.post(port, this.pending);
    });
    // null: aborted, or the worker failed; the client either reports the abort or polls itself.
    if (answer === null) return this.client.position(user, options);
    return this.client.positionOf(user, answer, options);
  }

  /** Fetch at once rather than at the next interval (the poller's `pollNow`). */
  nudge(): void {
    this.port?.postMessage({ op: 'now' });
  }

  /** Ends the worker; the next poll starts a new one (of the same kind). */
  dispose(): void {
    this.waiting = null;
    this.pending = null;
    this.endPort();
  }

  private endPort(): void {
    clearTimeout(this.startWatchdog);
    this.startWatchdog = undefined;
    this.port?.terminate();
    this.port = undefined;
  }

  /** The worker, started on first use: the first kind that starts, or none (then the page fetches). */
  private livePort(): WatchWorkerPort | undefined {
    while (!this.fallenBack && this.port === undefined) {
      const spawn = this.spawners[this.kindIndex];
      if (spawn === undefined) {
        this.fallBack();
        break;
      }
      try {
        const port = spawn(
          (reply) => {
            if (this.port === port) this.onReply(reply);
          },
          (reason) => {
            if (this.port === port) this.kindFailed(reason);
          },
        );
        this.port = port;
        this.heard = false;
      } catch (error) {
        this.reasons.push(`cannot create the Position worker: ${messageOf(error)}`);
        this.kindIndex += 1;
      }
    }
    return this.port;
  }

  /**
   * Posts a watch; until the worker has answered once, a watchdog stands by: a fresh worker
   * answers its first request within one interval and the request's timeout (it has no last
   * answer to hold back), so silence past that means it never started.
   */
  private post(port: WatchWorkerPort, request: Extract<WatchRequest, { op: 'watch' }>): void {
    port.postMessage(request);
    if (this.heard) return;
    clearTimeout(this.startWatchdog);
    const ms = request.intervalMs + request.timeoutMs + 2000;
    this.startWatchdog = setTimeout(() => {
      if (this.port === port && !this.heard) this.kindFailed(`the ${port.kind} Position worker did not answer within ${ms} ms`);
    }, ms);
  }

  private onReply(reply: WatchReply): void {
    this.heard = true;
    clearTimeout(this.startWatchdog);
    this.startWatchdog = undefined;
    const waiting = this.waiting;
    if (waiting?.id !== reply.id) return; // an answer nobody waits for any more
    this.waiting = null;
    this.pending = null;
    waiting.settle(reply);
  }

  /** This kind of worker failed: the next kind takes the request in flight, or the page does. */
  private kindFailed(reason: string): void {
    const kind = this.port?.kind ?? '?';
    this.reasons.push(reason);
    this.options.onWorkerFailed?.(kind, reason);
    this.endPort();
    this.kindIndex += 1;
    const port = this.livePort();
    if (port !== undefined && this.pending !== null) this.post(port, this.pending);
  }

  private fallBack(): void {
    if (this.fallenBack) return;
    this.fallenBack = true;
    const waiting = this.waiting;
    this.dispose();
    waiting?.settle(null);
    this.options.onFallback?.(this.reasons.join('; ') || 'no worker in this browser');
  }
}

/** Position through a worker where browsers have one (SharedWorker or Worker, and Blob URLs), else the client's own fetch. */
export function watchedPosition(client: WatchedClient, options: WatchedPositionOptions): PositionSource {
  return options.spawn !== undefined || browserSpawners().length > 0 ? new WatchedPosition(client, options) : client;
}
