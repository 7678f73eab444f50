/**
 * The program of the Position watch worker (position-watch.ts), shipped as text through a Blob URL
 * like the ticker's (ticker-worker.ts), so the bundle needs no extra entry. Plain JavaScript on
 * purpose: it is not bundled. The same text runs as a SharedWorker (messages on the port of its
 * one connection) or as a dedicated Worker (messages on its global): position-watch-spawn.ts.
 *
 * Page → worker:
 * - `{ op: 'watch', id, url, init, intervalMs, timeoutMs, maxBodyBytes, hold }`: fetch Position
 *   no sooner than `intervalMs` after the previous fetch started, and answer `id` with what came
 *   back. With `hold`, an answer whose status is 200 and whose content type and bytes are those
 *   of the last answer posted is not posted: the worker fetches again one interval later, until
 *   something differs (or the fetch fails). So while nothing changes the page hears nothing.
 * - `{ op: 'now' }`: fetch at once instead of waiting for the interval (the page wants news).
 * - `{ op: 'cancel' }`: stop the watch and abort its fetch.
 * - `{ op: 'close' }`: stop and end the worker (a SharedWorker has no `terminate()`).
 *
 * Worker → page: `{ id, kind: 'response', status, contentType, contentLength, bytes }` (bytes
 * transferred, at most `maxBodyBytes + 1` read: `contentLength` then says how many there were)
 * or `{ id, kind: 'failed', message, timedOut }`.
 */
export const POSITION_WATCH_WORKER_SOURCE = `'use strict';
let port = null;
let watch = null;
let lastStart = -Infinity;
let last = null;
const same = (a, b) => {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};
const readCapped = async (response, max) => {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > max) {
    await response.body?.cancel().catch(() => undefined);
    return { bytes: new Uint8Array(0), length: String(declared) };
  }
  if (!response.body || declared >= 0) return { bytes: new Uint8Array(await response.arrayBuffer()), length: null };
  const reader = response.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return { bytes: new Uint8Array(0), length: String(size) };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) { bytes.set(chunk, at); at += chunk.byteLength; }
  return { bytes, length: null };
};
const stop = () => {
  if (watch === null) return;
  clearTimeout(watch.timer);
  watch.controller?.abort();
  watch = null;
};
const arm = (w, delayMs) => {
  w.timer = setTimeout(() => { w.timer = undefined; void poll(w); }, Math.max(0, delayMs));
};
const poll = async (w) => {
  lastStart = performance.now();
  const controller = new AbortController();
  w.controller = controller;
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; controller.abort(); }, w.timeoutMs);
  let reply = null;
  try {
    const response = await fetch(w.url, { ...w.init, signal: controller.signal });
    const { bytes, length } = await readCapped(response, w.maxBodyBytes);
    const contentType = response.headers.get('content-type') ?? '';
    const unchanged = w.hold && length === null && response.status === 200 && last !== null && contentType === last.contentType && same(bytes, last.bytes);
    if (!unchanged) {
      if (response.status === 200 && length === null) last = { contentType, bytes: bytes.slice() };
      reply = { id: w.id, kind: 'response', status: response.status, contentType, contentLength: length ?? response.headers.get('content-length'), bytes: bytes.buffer };
    }
  } catch (error) {
    reply = { id: w.id, kind: 'failed', message: error instanceof Error ? error.message : String(error), timedOut };
  } finally {
    clearTimeout(timer);
  }
  if (watch !== w) return;
  w.controller = null;
  if (reply === null) {
    arm(w, w.intervalMs - (performance.now() - lastStart));
    return;
  }
  watch = null;
  (port ?? self).postMessage(reply, reply.kind === 'response' ? [reply.bytes] : []);
};
const onMessage = (event) => {
  const m = event.data;
  if (!m) return;
  if (m.op === 'watch') {
    stop();
    watch = { ...m, timer: undefined, controller: null };
    arm(watch, m.intervalMs - (performance.now() - lastStart));
  } else if (m.op === 'now' && watch !== null && watch.timer !== undefined) {
    clearTimeout(watch.timer);
    arm(watch, 0);
  } else if (m.op === 'cancel') {
    stop();
  } else if (m.op === 'close') {
    stop();
    self.close();
  }
};
if ('onconnect' in self) {
  self.onconnect = (event) => {
    port = event.ports[0];
    port.onmessage = onMessage;
  };
} else {
  self.onmessage = onMessage;
}
`;
