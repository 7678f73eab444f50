/**
 * The agent's console for the call benchmarks: the Neotel simulator and the Lightning emulator
 * from e2e/agent/support, an agent logged in, and what the benchmarks read inside the adapter
 * frame (heap after a forced GC, DOM nodes, `<audio>` elements, peer connections, fetch starts).
 *
 * The panel is opened without the e2e audio probe (`openTab({ audioProbe: false })`) on purpose: the
 * probe keeps every RTCPeerConnection in an array and appends an `<audio>`
 * element per call for its analyser. That is right for a test that listens to one call, and it
 * would be the leak a 500-call soak measures. The tracker below holds peer connections only
 * through WeakRefs, so it can tell which ones the adapter itself keeps alive.
 */
import type { CDPSession, Frame, Page } from 'playwright-core';
import { AgentConsole, type AgentConsoleOptions } from '../e2e/agent/support/agent-console.ts';
import { logIn, untilStatus } from '../e2e/agent/support/agent-steps.ts';

/** A logged-in agent with the softphone panel open. */
export interface BenchAgent {
  readonly rig: AgentConsole;
  readonly page: Page;
  readonly adapter: Frame;
  /** Uncaught errors of the console page and its frames. */
  readonly errors: string[];
  /** Console lines of the page and its frames (and HTTP 5xx answers), oldest first. */
  readonly logs: string[];
  close(): Promise<void>;
}

/** What is left in the adapter frame (see {@link censusOf}). */
export interface FrameCensus {
  /** Elements in the document and every open shadow root. */
  domNodes: number;
  /** `<audio>` elements attached to the document or a shadow root. */
  audioElements: number;
  peerConnectionsCreated: number;
  /** Peer connections something still references (after a GC, only what the adapter holds). */
  peerConnectionsReachable: number;
  /** Reachable peer connections not closed. */
  peerConnectionsOpen: number;
  /** Event listeners on JS objects of the renderer (CDP `Memory.getDOMCounters`). */
  jsEventListeners: number;
  /** Elements per tree: `document`, or the tag name of the shadow root's host (summed over hosts of that tag). */
  byTree: Record<string, number>;
}

/** One `fetch` the adapter started: its URL and when (page clock). */
export interface FetchStart {
  url: string;
  epochMs: number;
  perfMs: number;
}

interface TrackerState {
  created: number;
  peers: WeakRef<RTCPeerConnection>[];
  fetches: FetchStart[];
}

declare global {
  interface Window {
    __dialtoneBench?: TrackerState;
  }
}

/**
 * Runs in every frame before its scripts. tsx compiles with keepNames, which wraps functions in
 * `__name(…)`; the serialised page functions need that name to exist.
 */
export const TRACKER_SCRIPT = `globalThis.__name ??= (target) => target;
(() => {
  const state = { created: 0, peers: [], fetches: [] };
  window.__dialtoneBench = state;
  const NativePeer = window.RTCPeerConnection;
  if (NativePeer) {
    window.RTCPeerConnection = class extends NativePeer {
      constructor(configuration) {
        super(configuration);
        state.created += 1;
        state.peers.push(new WeakRef(this));
      }
    };
  }
  const nativeFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    state.fetches.push({ url, epochMs: Date.now(), perfMs: performance.now() });
    if (state.fetches.length > 50) state.fetches.shift();
    return nativeFetch(input, init);
  };
})();`;

/**
 * Starts the console, opens the softphone panel (without the e2e audio probe) and logs in;
 * `initScripts` run in every frame before its scripts; `options` go to {@link AgentConsole.start}.
 */
export async function startBenchAgent(initScripts: readonly string[] = [], options: AgentConsoleOptions = {}): Promise<BenchAgent> {
  const rig = await AgentConsole.start({}, options);
  try {
    await rig.neotel.setDialer(false);
    await rig.context.addInitScript({ content: TRACKER_SCRIPT });
    // A benchmark's own probes run before the page's scripts too (listeners registered first).
    for (const content of initScripts) await rig.context.addInitScript({ content });
    const { page, adapter, errors, logs } = await rig.openTab({ audioProbe: false });
    await logIn(adapter, rig.agent());
    await untilStatus(adapter, ['ready'], 20_000);
    return { rig, page, adapter, errors, logs, close: () => rig.close() };
  } catch (error) {
    await rig.close();
    throw error;
  }
}

/** Ends the wrap-up the way an agent does (Play) and waits for Ready. */
export async function playAfterCall(frame: Frame): Promise<void> {
  const status = await untilStatus(frame, ['wrapUp', 'ready']);
  if (status === 'wrapUp') {
    await frame.getByTestId('available').click();
    await untilStatus(frame, ['ready']);
  }
}

/**
 * A CDP session that reaches the adapter frame's V8 isolate: the frame's own when Chromium runs
 * it out of process, else the console page's (the frame then shares the page's heap).
 */
export async function heapSession(agent: BenchAgent): Promise<{ session: CDPSession; scope: string }> {
  try {
    return { session: await agent.rig.context.newCDPSession(agent.adapter), scope: 'the adapter frame (out-of-process)' };
  } catch {
    // Same-site frame in the page's process: Chromium gives it no target of its own.
    return { session: await agent.rig.context.newCDPSession(agent.page), scope: 'the console page and the adapter frame (one process, one isolate)' };
  }
}

/** Heap in use after a forced GC. */
export interface HeapReading {
  /** V8's heap: what `performance.memory.usedJSHeapSize` reports. */
  usedBytes: number;
  /** Blink's own heap (DOM, MediaStream, performance entries…), apart from V8's. */
  embedderBytes: number;
}

/** Heap in use after two full GCs (CDP `HeapProfiler.collectGarbage`, what `gc()` does). */
export async function heapAfterGc(session: CDPSession): Promise<HeapReading> {
  await session.send('HeapProfiler.collectGarbage');
  await session.send('HeapProfiler.collectGarbage');
  const usage = await session.send('Runtime.getHeapUsage');
  return { usedBytes: usage.usedSize, embedderBytes: usage.embedderHeapUsedSize };
}

/**
 * Counts what the adapter frame still holds; run after {@link heapAfterGc} for the peer counts.
 * The listener count is the renderer process's (the frame alone when it is out of process).
 */
export async function censusOf(frame: Frame, session: CDPSession): Promise<FrameCensus> {
  const { jsEventListeners } = await session.send('Memory.getDOMCounters');
  const counts = await frame.evaluate(() => {
    let domNodes = 0;
    let audioElements = 0;
    const byTree: Record<string, number> = {};
    const roots: (Document | ShadowRoot)[] = [document];
    for (let root = roots.pop(); root; root = roots.pop()) {
      const tree = root instanceof ShadowRoot ? root.host.localName : 'document';
      for (const element of root.querySelectorAll('*')) {
        domNodes += 1;
        byTree[tree] = (byTree[tree] ?? 0) + 1;
        if (element.tagName === 'AUDIO') audioElements += 1;
        if (element.shadowRoot) roots.push(element.shadowRoot);
      }
    }
    const state = window.__dialtoneBench;
    const live = (state?.peers ?? []).map((ref) => ref.deref()).filter((peer): peer is RTCPeerConnection => peer !== undefined);
    if (state) state.peers = live.map((peer) => new WeakRef(peer));
    return {
      domNodes,
      audioElements,
      byTree,
      peerConnectionsCreated: state?.created ?? 0,
      peerConnectionsReachable: live.length,
      peerConnectionsOpen: live.filter((peer) => peer.signalingState !== 'closed').length,
    };
  });
  return { ...counts, jsEventListeners };
}

/** The fetches the adapter started since `sinceEpochMs` (page clock), oldest first. */
export function fetchesSince(frame: Frame, sinceEpochMs: number): Promise<FetchStart[]> {
  return frame.evaluate((since) => (window.__dialtoneBench?.fetches ?? []).filter((f) => f.epochMs >= since), sinceEpochMs);
}
