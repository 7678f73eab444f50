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
 * If the worker cannot be created (no Worker, CSP `worker-src` without `blob:`) or fails, every
 * poll goes back to the page's own `fetch` (`NeoApiClient.position`), the call in flight too.
 */
import { messageOf } from '../../shared/errors.ts';
import type { CallOptions, FetchedAnswer, PositionRequest } from './client.ts';
import type { PositionSource, PositionSourceOptions } from './position-poller.ts';
import { POSITION_WATCH_WORKER_SOURCE } from './position-watch-worker.ts';

/** Page → worker (position-watch-worker.ts). */
export type WatchRequest =
  | ({ readonly op: 'watch'; readonly id: number; readonly intervalMs: number; readonly hold: boolean } & PositionRequest)
  | { readonly op: 'now' }
  | { readonly op: 'cancel' };

/** Worker → page: the answer to watch `id`. */
export type WatchReply = FetchedAnswer & { readonly id: number };

/** The part of a Worker the watch uses (a fake in unit tests). */
export interface WatchWorkerPort {
  postMessage(message: WatchRequest): void;
  terminate(): void;
}

/** Starts the worker; it reports answers to `onReply` and failures to `onError`. May throw. */
export type SpawnWatchWorker = (onReply: (reply: WatchReply) => void, onError: (reason: string) => void) => WatchWorkerPort;

/** What the watch needs of the NeoApi client (`NeoApiClient`). */
export interface WatchedClient extends PositionSource {
  positionRequest(user: string): PositionRequest;
  positionOf(user: string, answer: FetchedAnswer, options?: CallOptions): Promise<string>;
}

/** The browser's dedicated Worker from {@link POSITION_WATCH_WORKER_SOURCE} via a Blob URL. */
export const spawnBlobWatchWorker: SpawnWatchWorker = (onReply, onError) => {
  const url = URL.createObjectURL(new Blob([POSITION_WATCH_WORKER_SOURCE], { type: 'text/javascript' }));
  let worker: Worker;
  try {
    worker = new Worker(url, { name: 'dialtone-position' });
  } catch (error) {
    URL.revokeObjectURL(url);
    throw error;
  }
  // The worker has fetched its script once it answers anything; revoking earlier can race that.
  let revoked = false;
  const revoke = (): void => {
    if (!revoked) URL.revokeObjectURL(url);
    revoked = true;
  };
  worker.onmessage = (event: MessageEvent<WatchReply>) => {
    revoke();
    onReply(event.data);
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    revoke();
    onError(event.message || 'the Position worker failed to start (blocked by worker-src?)');
  };
  return { postMessage: (message) => worker.postMessage(message), terminate: () => worker.terminate() };
};

/** How to build a {@link WatchedPosition}. */
export interface WatchedPositionOptions {
  /** Time between the starts of two polls (`positionPollIntervalMs`). */
  readonly intervalMs: number;
  /** Default {@link spawnBlobWatchWorker}. */
  readonly spawn?: SpawnWatchWorker;
  /** Told once when polls go back to the page's fetch, with why. */
  readonly onFallback?: (reason: string) => void;
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
  private nextId = 1;

  constructor(
    private readonly client: WatchedClient,
    private readonly options: WatchedPositionOptions,
  ) {}

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
      port.postMessage({ op: 'watch', id, intervalMs: this.options.intervalMs, hold: options.holdUnchanged === true, ...request, timeoutMs });
    });
    // null: aborted, or the worker failed; the client either reports the abort or polls itself.
    if (answer === null) return this.client.position(user, options);
    return this.client.positionOf(user, answer, options);
  }

  /** Fetch at once rather than at the next interval (the poller's `pollNow`). */
  nudge(): void {
    this.port?.postMessage({ op: 'now' });
  }

  /** Ends the worker; the next poll starts a new one. */
  dispose(): void {
    this.waiting = null;
    this.port?.terminate();
    this.port = undefined;
  }

  private livePort(): WatchWorkerPort | undefined {
    if (this.fallenBack || this.port !== undefined) return this.port;
    try {
      this.port = (this.options.spawn ?? spawnBlobWatchWorker)(
        (reply) => this.onReply(reply),
        (reason) => this.fallBack(reason),
      );
    } catch (error) {
      this.fallBack(`cannot create the Position worker: ${messageOf(error)}`);
    }
    return this.port;
  }

  private onReply(reply: WatchReply): void {
    const waiting = this.waiting;
    if (waiting?.id !== reply.id) return; // an answer nobody waits for any more
    this.waiting = null;
    waiting.settle(reply);
  }

  private fallBack(reason: string): void {
    if (this.fallenBack) return;
    this.fallenBack = true;
    const waiting = this.waiting;
    this.dispose();
    waiting?.settle(null);
    this.options.onFallback?.(reason);
  }
}

/** Position through a worker where browsers have one (`Worker` and Blob URLs), else the client's own fetch. */
export function watchedPosition(client: WatchedClient, options: WatchedPositionOptions): PositionSource {
  const browser = typeof Worker === 'function' && typeof Blob === 'function' && typeof URL.createObjectURL === 'function';
  return browser || options.spawn !== undefined ? new WatchedPosition(client, options) : client;
}
