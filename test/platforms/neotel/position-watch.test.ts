import { afterEach, describe, expect, it, vi } from 'vitest';
import { NeoApiClient } from '../../../src/platforms/neotel/client.ts';
import { isNeoApiError } from '../../../src/platforms/neotel/errors.ts';
import type { PositionPollerEvent } from '../../../src/platforms/neotel/position-events.ts';
import { PositionPoller } from '../../../src/platforms/neotel/position-poller.ts';
import { WatchedPosition, type SpawnWatchWorker, type WatchReply, type WatchRequest } from '../../../src/platforms/neotel/position-watch.ts';
import { POSITION_WATCH_WORKER_SOURCE } from '../../../src/platforms/neotel/position-watch-worker.ts';
import { MANUAL_CALL, NEWER_IDLE } from './position-samples.ts';

// Issue 18 (idle): the Position poll's fetches run in a worker, and the page hears only of an
// answer that changed or failed, decoded by the same client code as its own polls.

const xml = (text: string): string => `<?xml version="1.0" encoding="utf-8"?>\n<string xmlns="http://tempuri.org/">${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</string>`;
const SERVICE = 'https://neotel.example/neoapi/webservice.asmx';

type Answer = { status: number; body: string } | 'network' | 'hang';

/** A scripted NeoApi: each fetch takes the next answer (the last one repeats). */
function scriptedFetch(answers: Answer[]) {
  const seen: { url: string; init: RequestInit }[] = [];
  const fetch = (url: string, init: RequestInit): Promise<Response> => {
    seen.push({ url, init });
    const next = answers.length > 1 ? answers.shift() : answers[0];
    if (next === undefined) return Promise.reject(new Error('no answer scripted'));
    if (next === 'network') return Promise.reject(new TypeError('Failed to fetch'));
    if (next === 'hang') return new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    return Promise.resolve(new Response(next.body, { status: next.status, headers: { 'Content-Type': 'text/xml; charset=utf-8' } }));
  };
  return { fetch, seen };
}

/** Runs the worker's program in this realm, with `fetch` as its network, behind a port. */
function inProcessWorker(fetch: (url: string, init: RequestInit) => Promise<Response>) {
  const stats = { spawned: 0, terminated: 0, replies: 0 };
  const spawn: SpawnWatchWorker = (onReply) => {
    stats.spawned += 1;
    let alive = true;
    const self: { onmessage: ((event: { data: unknown }) => void) | null; postMessage: (reply: WatchReply) => void } = {
      onmessage: null,
      postMessage: (reply) => {
        if (!alive) return;
        stats.replies += 1;
        setTimeout(() => alive && onReply(reply), 0);
      },
    };
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the worker ships as text; this runs that very text
    const program = new Function('self', 'fetch', POSITION_WATCH_WORKER_SOURCE) as (self: unknown, fetch: (url: string, init: RequestInit) => Promise<Response>) => void;
    program(self, (url, init) => (alive ? fetch(url, init) : new Promise(() => undefined)));
    return {
      kind: 'in-process',
      postMessage: (message: WatchRequest) => setTimeout(() => alive && self.onmessage?.({ data: structuredClone(message) }), 0),
      terminate: () => {
        alive = false;
        stats.terminated += 1;
      },
    };
  };
  return { spawn, stats };
}

async function until(what: string, check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

const clientOn = (fetch: (url: string, init: RequestInit) => Promise<Response>, timeoutMs = 1000) => new NeoApiClient({ serviceUrl: SERVICE, binding: 'POST', timeoutMs, fetch });

describe('the Position watch worker', () => {
  let poller: PositionPoller | undefined;
  afterEach(() => poller?.stop());

  it('keeps polling while the answer is unchanged and tells the page only of changes', async () => {
    const idle = { status: 200, body: xml(NEWER_IDLE) };
    const network = scriptedFetch([idle, idle, idle, idle, idle, { status: 200, body: xml(MANUAL_CALL) }, idle]);
    const worker = inProcessWorker(network.fetch);
    const client = clientOn(() => Promise.reject(new Error('the page fetched Position itself')));
    const decode = vi.spyOn(client, 'positionOf');
    const events: PositionPollerEvent[] = [];
    poller = new PositionPoller({ client: new WatchedPosition(client, { intervalMs: 5, spawn: worker.spawn }), user: '8100', intervalMs: 5, onEvent: (e) => events.push(e) });
    poller.start();
    await until('the call to start and end', () => events.some((e) => e.kind === 'platformCallEnded'));
    // Seven answers fetched by the worker (the idle ones before the call held back), three on the page.
    expect(network.seen.length).toBeGreaterThanOrEqual(7);
    expect(decode).toHaveBeenCalledTimes(3);
    expect(events.map((e) => e.kind)).toContain('platformCallStarted');
    // The same request the page would send: POST form, no Referer.
    expect(network.seen[0]?.url).toBe(`${SERVICE}/Position`);
    expect(network.seen[0]?.init).toMatchObject({ method: 'POST', body: 'USUARIO=8100', referrerPolicy: 'no-referrer' });
    const fetchedBefore = network.seen.length;
    await new Promise((r) => setTimeout(r, 30));
    // Still polling, still silent.
    expect(network.seen.length).toBeGreaterThan(fetchedBefore + 1);
    expect(decode).toHaveBeenCalledTimes(3);
    poller.stop();
    expect(worker.stats.terminated).toBe(1);
  });

  it('reports a failed fetch at once (degraded), and recovers when answers come back', async () => {
    const idle = { status: 200, body: xml(NEWER_IDLE) };
    const network = scriptedFetch([idle, idle, 'network', idle]);
    const worker = inProcessWorker(network.fetch);
    const events: PositionPollerEvent[] = [];
    poller = new PositionPoller({
      client: new WatchedPosition(clientOn(network.fetch), { intervalMs: 5, spawn: worker.spawn }),
      user: '8100',
      intervalMs: 5,
      backoff: { initialMs: 5, maxMs: 10 },
      onEvent: (e) => events.push(e),
    });
    poller.start();
    await until('recovery', () => events.some((e) => e.kind === 'platformRecovered'));
    const degraded = events.find((e) => e.kind === 'platformDegraded');
    expect(degraded?.kind === 'platformDegraded' && degraded.reason).toMatch(/NETWORK.*could not reach .*Failed to fetch/);
  });

  it('times a hung request out in the worker and reports NeoApi TIMEOUT', async () => {
    const worker = inProcessWorker(scriptedFetch(['hang']).fetch);
    const source = new WatchedPosition(clientOn(() => Promise.reject(new Error('unused')), 20), { intervalMs: 5, spawn: worker.spawn });
    const error: unknown = await source.position('8100', { signal: new AbortController().signal }).catch((e: unknown) => e);
    expect(isNeoApiError(error, 'TIMEOUT')).toBe(true);
  });

  it('answers an unchanged body at once when the poller asks for every answer (no hold)', async () => {
    const idle = { status: 200, body: xml(NEWER_IDLE) };
    const network = scriptedFetch([idle]);
    const source = new WatchedPosition(clientOn(network.fetch), { intervalMs: 5, spawn: inProcessWorker(network.fetch).spawn });
    const signal = new AbortController().signal;
    expect(await source.position('8100', { signal })).toBe(NEWER_IDLE);
    expect(await source.position('8100', { signal })).toBe(NEWER_IDLE);
    expect(network.seen).toHaveLength(2);
  });

  it('an abort ends the worker and rejects ABORTED', async () => {
    const worker = inProcessWorker(scriptedFetch(['hang']).fetch);
    const source = new WatchedPosition(clientOn(() => Promise.reject(new Error('unused'))), { intervalMs: 5, spawn: worker.spawn });
    const controller = new AbortController();
    const pending = source.position('8100', { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    expect(isNeoApiError(await pending, 'ABORTED')).toBe(true);
    expect(worker.stats.terminated).toBe(1);
  });

  it('falls back to the page fetch when the worker cannot start, or fails while a poll waits', async () => {
    const idle = { status: 200, body: xml(NEWER_IDLE) };
    const page = scriptedFetch([idle]);
    const reasons: string[] = [];
    const refused = new WatchedPosition(clientOn(page.fetch), {
      intervalMs: 5,
      spawn: () => {
        throw new Error('worker-src');
      },
      onFallback: (r) => reasons.push(r),
    });
    expect(await refused.position('8100', { signal: new AbortController().signal })).toBe(NEWER_IDLE);
    expect(reasons).toEqual(['cannot create the Position worker: worker-src']);

    let fail: ((reason: string) => void) | undefined;
    const failing = new WatchedPosition(clientOn(page.fetch), {
      intervalMs: 5,
      spawn: (_onReply, onError) => {
        fail = onError;
        return { kind: 'failing', postMessage: () => undefined, terminate: () => undefined };
      },
    });
    const waiting = failing.position('8100', { signal: new AbortController().signal });
    fail?.('boom');
    expect(await waiting).toBe(NEWER_IDLE);
    expect(page.seen).toHaveLength(2);
  });

  it('moves to the next kind of worker, with the poll in flight, when the first fails to start or stays silent', async () => {
    const idle = { status: 200, body: xml(NEWER_IDLE) };
    const network = scriptedFetch([idle]);
    const page = clientOn(() => Promise.reject(new Error('the page fetched Position itself')));
    let fail: ((reason: string) => void) | undefined;
    const failed: string[] = [];
    const second = inProcessWorker(network.fetch);
    const failing = new WatchedPosition(page, {
      intervalMs: 5,
      spawn: [
        (_onReply, onError) => {
          fail = onError;
          return { kind: 'shared', postMessage: () => undefined, terminate: () => undefined };
        },
        second.spawn,
      ],
      onWorkerFailed: (kind, reason) => failed.push(`${kind}: ${reason}`),
    });
    const waiting = failing.position('8100', { signal: new AbortController().signal });
    expect(failing.kind).toBe('shared');
    fail?.('blocked');
    expect(await waiting).toBe(NEWER_IDLE);
    expect(failing.kind).toBe('in-process');
    expect(failed).toEqual(['shared: blocked']);

    // A worker that never answers (a SharedWorker some browser starts silently) is given up after
    // interval + timeout + 2 s; the fake clock stands in for those seconds.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const silent = new WatchedPosition(clientOn(() => Promise.reject(new Error('unused')), 100), {
        intervalMs: 5,
        spawn: [() => ({ kind: 'shared', postMessage: () => undefined, terminate: () => undefined }), () => ({ kind: 'dedicated', postMessage: () => undefined, terminate: () => undefined })],
        onWorkerFailed: (kind, reason) => failed.push(`${kind}: ${reason}`),
      });
      void silent.position('8100', { signal: new AbortController().signal });
      vi.advanceTimersByTime(2104);
      expect(silent.kind).toBe('shared');
      vi.advanceTimersByTime(2);
      expect(silent.kind).toBe('dedicated');
      expect(failed.at(-1)).toBe('shared: the shared Position worker did not answer within 2105 ms');
    } finally {
      vi.useRealTimers();
    }
  });
});
