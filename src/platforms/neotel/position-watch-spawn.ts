/**
 * How the Position watch's worker is started (position-watch.ts): a SharedWorker where the
 * browser has one, else a dedicated Worker, both from {@link POSITION_WATCH_WORKER_SOURCE} through
 * a Blob URL (no extra bundle entry).
 *
 * Why a SharedWorker first: Chromium reports every fetch of a dedicated worker to its frame — a
 * `ResourceLoadInfoNotifier` message and a page-timing update on the page's main thread for each
 * poll, although no script of ours runs there (docs/benchmarks.md, "Tenth pass (b)"). A
 * SharedWorker belongs to no frame, so its fetches leave the main thread alone.
 *
 * It is shared with nobody: each start makes a new Blob URL, so each poller gets a worker of its
 * own that lives as long as its page (or until `terminate()`). One poll per agent is the tab
 * election's work (docs/tabs.md), not the worker's: only the owner tab watches Position, and the
 * heir starts its own watch when it takes over.
 */
import type { FetchedAnswer, PositionRequest } from './client.ts';
import { POSITION_WATCH_WORKER_SOURCE } from './position-watch-worker.ts';

/** Page → worker (position-watch-worker.ts). */
export type WatchRequest =
  | ({ readonly op: 'watch'; readonly id: number; readonly intervalMs: number; readonly hold: boolean } & PositionRequest)
  | { readonly op: 'now' }
  | { readonly op: 'cancel' }
  | { readonly op: 'close' };

/** Worker → page: the answer to watch `id`. */
export type WatchReply = FetchedAnswer & { readonly id: number };

/** The part of a worker the watch uses (a fake in unit tests). */
export interface WatchWorkerPort {
  /** `shared`, `dedicated`, or what a test calls its fake. */
  readonly kind: string;
  postMessage(message: WatchRequest): void;
  terminate(): void;
}

/** Starts a worker; it reports answers to `onReply` and failures to start to `onError`. May throw. */
export type SpawnWatchWorker = (onReply: (reply: WatchReply) => void, onError: (reason: string) => void) => WatchWorkerPort;

const NAME = 'dialtone-position';

/** A Blob URL of the worker's program, revoked once the worker has answered (it has its script then) or failed. */
function programUrl(): { readonly url: string; readonly revoke: () => void } {
  const url = URL.createObjectURL(new Blob([POSITION_WATCH_WORKER_SOURCE], { type: 'text/javascript' }));
  let revoked = false;
  return {
    url,
    revoke: () => {
      if (!revoked) URL.revokeObjectURL(url);
      revoked = true;
    },
  };
}

/**
 * Starts a worker of kind `W` on the program's Blob URL and wires its replies and its start
 * failure: the URL is revoked once the worker has answered or failed (or could not be built).
 */
function startWorker<W>(
  make: (url: string) => W,
  wire: (worker: W, replied: (event: MessageEvent<WatchReply>) => void, failed: (event: Event) => void) => void,
  onReply: (reply: WatchReply) => void,
  onError: (detail: string) => void,
  whenSilent: string,
): { readonly worker: W; readonly revoke: () => void } {
  const program = programUrl();
  let worker: W;
  try {
    worker = make(program.url);
  } catch (error) {
    program.revoke();
    throw error;
  }
  wire(
    worker,
    (event) => {
      program.revoke();
      onReply(event.data);
    },
    (event) => {
      event.preventDefault();
      program.revoke();
      onError(event instanceof ErrorEvent && event.message !== '' ? event.message : whenSilent);
    },
  );
  return { worker, revoke: program.revoke };
}

/** A dedicated Worker. */
export const spawnDedicatedWatchWorker: SpawnWatchWorker = (onReply, onError) => {
  const { worker } = startWorker(
    (url) => new Worker(url, { name: NAME }),
    (w, replied, failed) => {
      w.onmessage = replied;
      w.onerror = failed;
    },
    onReply,
    onError,
    'the Position worker failed to start (blocked by worker-src?)',
  );
  return { kind: 'dedicated', postMessage: (message) => worker.postMessage(message), terminate: () => worker.terminate() };
};

/**
 * A SharedWorker of this page alone (a new Blob URL each time). It has no `terminate()`: the
 * worker is told to close itself, and the port is closed. A SharedWorker that fails to start
 * (blocked third-party storage, CSP) fires `error` on the SharedWorker object; so does a
 * runtime error in some browsers, which is treated the same: the watch moves to the next kind.
 */
export const spawnSharedWatchWorker: SpawnWatchWorker = (onReply, onError) => {
  const { worker, revoke } = startWorker(
    (url) => new SharedWorker(url, { name: NAME }),
    (w, replied, failed) => {
      w.port.onmessage = replied;
      w.onerror = failed;
    },
    onReply,
    onError,
    'the Position SharedWorker failed to start (blocked storage or worker-src?)',
  );
  const port = worker.port;
  port.start();
  return {
    kind: 'shared',
    postMessage: (message) => port.postMessage(message),
    terminate: () => {
      port.postMessage({ op: 'close' });
      port.close();
      revoke();
    },
  };
};

/** The kinds this browser can try, best first: SharedWorker, then dedicated Worker. */
export function browserSpawners(): SpawnWatchWorker[] {
  if (typeof Blob !== 'function' || typeof URL.createObjectURL !== 'function') return [];
  const spawners: SpawnWatchWorker[] = [];
  if (typeof SharedWorker === 'function') spawners.push(spawnSharedWatchWorker);
  if (typeof Worker === 'function') spawners.push(spawnDedicatedWatchWorker);
  return spawners;
}
