/**
 * How the call soak drives a page without adding code to the isolate it measures.
 *
 * Playwright's locators, clicks and `evaluate` run its injected script (selector engines,
 * hit-target checks, serialisers) and each evaluated function in the page's own V8 isolate, so a
 * soak driven through them counts the driver's JIT code as the page's growth (0.22 MB over 500
 * calls, docs/benchmarks.md "What the soak's heap growth is made of"). Here one small fixed
 * script, {@link DRIVER_SCRIPT}, is installed once through CDP `Runtime.evaluate`, and every step
 * afterwards is a `Runtime.evaluate` of one of a few fixed one-line expressions that call it (V8's
 * compilation cache serves a repeated source from the first compile). Clicks are real input: the
 * script only says where the button is, and CDP `Input.dispatchMouseEvent` on the top-level page
 * presses it there, as a person's mouse does (focus, pointer and click events, trusted). The same
 * script runs in the floor page, so both sides carry the same driver.
 */
import type { CDPSession } from 'playwright-core';
import type { FrameCensus } from './agent-bench.ts';
import { FIND_DEEP } from './wire-probe.ts';

/** Installs `globalThis.__soak` (idempotent). Plain JS: it is sent as text, not compiled by tsx. */
export const DRIVER_SCRIPT = `globalThis.__soak ??= (() => {
  ${FIND_DEEP}
  const usable = (element) => {
    if (!element || element.disabled) return null;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 ? element : null;
  };
  // A timeout resolves with its description instead of rejecting: an exception thrown into
  // Runtime.evaluate is kept by the inspector, and would stay in the heap the soak measures.
  const wait = (probe, what, timeoutMs) => new Promise((resolve) => {
    const end = Date.now() + timeoutMs;
    const tick = () => {
      const value = probe();
      if (value) return resolve(value);
      if (Date.now() > end) {
        const status = find('[data-testid="status"]');
        return resolve({ timedOut: 'timed out after ' + timeoutMs + ' ms waiting for ' + what + '; status is ' + (status ? status.getAttribute('data-status') : '(none)') });
      }
      setTimeout(tick, 20);
    };
    tick();
  });
  return {
    status: () => {
      const pill = find('[data-testid="status"]');
      return pill ? pill.getAttribute('data-status') : '';
    },
    until: (selector, timeoutMs) => wait(() => find(selector), selector, timeoutMs).then((found) => (found.timedOut ? found : true)),
    /**
     * Centre of the element in the frame's viewport, once it is drawn, enabled, has not moved
     * since the last look (20 ms before) and is what a click there would hit (Playwright's checks).
     */
    target: (selector, timeoutMs) => {
      let last = '';
      return wait(() => {
        const element = usable(find(selector));
        if (!element) return null;
        let box = element.getBoundingClientRect();
        if (box.top < 0 || box.left < 0 || box.bottom > innerHeight || box.right > innerWidth) {
          element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
          box = element.getBoundingClientRect();
        }
        const x = box.left + box.width / 2;
        const y = box.top + box.height / 2;
        const where = x + ',' + y;
        const moved = where !== last;
        last = where;
        if (moved) return null;
        let hit = document.elementFromPoint(x, y);
        while (hit && hit.shadowRoot) {
          const inner = hit.shadowRoot.elementFromPoint(x, y);
          if (!inner || inner === hit) break;
          hit = inner;
        }
        for (let node = hit; node; node = node.parentNode || node.host) if (node === element) return { x, y };
        return null;
      }, selector + ' drawn, enabled, still and on top', timeoutMs);
    },
    packets: async () => {
      const peer = (window.__dialtoneBench ? window.__dialtoneBench.peers : []).map((ref) => ref.deref()).find((p) => p !== undefined && p.signalingState !== 'closed');
      if (!peer) return 0;
      let packets = 0;
      (await peer.getStats()).forEach((stat) => {
        if (stat.type === 'inbound-rtp' && stat.kind === 'audio') packets += stat.packetsReceived || 0;
      });
      return packets;
    },
    census: () => {
      let domNodes = 0;
      let audioElements = 0;
      const byTree = {};
      const roots = [document];
      for (let root = roots.pop(); root; root = roots.pop()) {
        const tree = root instanceof ShadowRoot ? root.host.localName : 'document';
        for (const element of root.querySelectorAll('*')) {
          domNodes += 1;
          byTree[tree] = (byTree[tree] || 0) + 1;
          if (element.tagName === 'AUDIO') audioElements += 1;
          if (element.shadowRoot) roots.push(element.shadowRoot);
        }
      }
      const state = window.__dialtoneBench;
      const live = (state ? state.peers : []).map((ref) => ref.deref()).filter((peer) => peer !== undefined);
      if (state) state.peers = live.map((peer) => new WeakRef(peer));
      return {
        domNodes,
        audioElements,
        byTree,
        peerConnectionsCreated: state ? state.created : 0,
        peerConnectionsReachable: live.length,
        peerConnectionsOpen: live.filter((peer) => peer.signalingState !== 'closed').length,
      };
    },
  };
})();
true`;

/**
 * A diagnostic for the repeated Answer presses, installed only with `BENCH_SOAK_PRESS_PROBE=1`
 * (it adds code to the measured frame): capture listeners that keep the last 12 pointer-down,
 * pointer-up and click events with the element each reached (`data-testid`, else the tag).
 */
export const PRESS_PROBE_SCRIPT = `globalThis.__soakPresses ??= (() => {
  const log = [];
  for (const type of ['pointerdown', 'pointerup', 'click']) {
    addEventListener(type, (event) => {
      const target = event.composedPath()[0];
      const name = target && target.getAttribute ? (target.getAttribute('data-testid') || target.localName) : String(target);
      const card = event.composedPath().find((node) => node.localName === 'dialtone-incoming-call');
      const answer = card && card.shadowRoot ? card.shadowRoot.querySelector('[data-testid="answer"]') : null;
      const where = answer ? ' (Answer top ' + Math.round(answer.getBoundingClientRect().top) + ', y ' + Math.round(event.clientY) + ', scrolled ' + Math.round(document.scrollingElement ? document.scrollingElement.scrollTop : 0) + ')' : '';
      log.push(type + ' ' + name + where + (target && target.isConnected === false ? ' (detached)' : '') + ' at ' + Math.round(performance.now()));
      if (log.length > 12) log.shift();
    }, true);
  }
  return log;
})();
true`;

interface EvaluateResult {
  result: { value?: unknown };
  exceptionDetails?: { text: string; exception?: { description?: string } };
}

/** What the driver script answers when a wait ran out. */
interface TimedOut {
  timedOut: string;
}

function timedOut<T>(value: T | TimedOut): T {
  if (typeof value === 'object' && value !== null && 'timedOut' in value) throw new Error(`in the page: ${value.timedOut}`);
  return value;
}

/** A console-page expression: the adapter frame's (0, 0) now, and what is on top at `at` in it when that is not the frame. */
function framePlace(at: { x: number; y: number }): string {
  return `(() => {
    const frame = document.querySelector('iframe.openctiSoftPhone');
    if (!frame) return undefined;
    const box = frame.getBoundingClientRect();
    const x = box.left + frame.clientLeft;
    const y = box.top + frame.clientTop;
    const hit = document.elementFromPoint(x + ${at.x}, y + ${at.y});
    return { x, y, hit: hit === frame ? null : hit ? hit.localName + (hit.id ? '#' + hit.id : '') + (hit.className ? '.' + String(hit.className).split(' ').join('.') : '') : '(nothing)' };
  })()`;
}

/** Drives one page or frame through a CDP session to its target (see the file's comment). */
export class SoakDriver {
  /**
   * @param session the measured target's session (the adapter frame's, or the floor page's)
   * @param input the top-level page's session, for mouse input, and where the target's (0, 0) was in it at the start
   */
  constructor(
    private readonly session: CDPSession,
    private readonly input?: { session: CDPSession; offset: { x: number; y: number } },
  ) {}

  /**
   * Where the last press went in the console page: whether the frame had moved from `offset` (the
   * press then aims at its new place) and what the console page had on top there, if not the frame.
   */
  lastPress: { moved: boolean; covered: string | null } = { moved: false, covered: null };

  async install(): Promise<void> {
    await this.run(DRIVER_SCRIPT);
  }

  /** Evaluates one fixed expression in the target's main world and returns its value. */
  async run<T>(expression: string): Promise<T> {
    const reply = (await this.session.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as EvaluateResult;
    if (reply.exceptionDetails) throw new Error(`in the page, ${expression}: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}`);
    return reply.result.value as T;
  }

  /** Waits until an element matching `selector` (a fixed string) is attached in any tree. */
  async until(selector: string, timeoutMs = 10_000): Promise<void> {
    timedOut(await this.run<true | TimedOut>(`__soak.until(${JSON.stringify(selector)}, ${timeoutMs})`));
  }

  /** Presses the element matching `selector` with the mouse once it is drawn and enabled. */
  async click(selector: string, timeoutMs = 10_000): Promise<void> {
    if (!this.input) throw new Error(`SoakDriver.click(${selector}): this driver was made without an input session`);
    const at = timedOut(await this.run<{ x: number; y: number } | TimedOut>(`__soak.target(${JSON.stringify(selector)}, ${timeoutMs})`));
    // The console page is another renderer process than the adapter frame's, so this expression
    // adds nothing to the heap the soak measures.
    const place = (await this.input.session.send('Runtime.evaluate', { expression: framePlace(at), returnByValue: true })) as EvaluateResult;
    const where = place.result.value as { x: number; y: number; hit: string | null } | undefined;
    const origin = where ?? { x: this.input.offset.x, y: this.input.offset.y, hit: null };
    this.lastPress = { moved: origin.x !== this.input.offset.x || origin.y !== this.input.offset.y, covered: origin.hit };
    const x = origin.x + at.x;
    const y = origin.y + at.y;
    const send = (type: 'mouseMoved' | 'mousePressed' | 'mouseReleased') => this.input?.session.send('Input.dispatchMouseEvent', { type, x, y, button: type === 'mouseMoved' ? 'none' : 'left', clickCount: type === 'mouseMoved' ? 0 : 1 });
    await send('mouseMoved');
    await send('mousePressed');
    await send('mouseReleased');
  }

  /** The status pill's `data-status` (Dialtone), or ''. */
  status(): Promise<string> {
    return this.run('__soak.status()');
  }

  /**
   * Clicks `selector` until `done` shows (at most `tries` clicks, `waitMs` apart); returns how
   * many clicks did nothing. A click can miss, as a person's can: seen once with a capture
   * listener, the press landed on the incoming card beside Answer, which had moved since it was
   * found (the card's layout shifts while it fills in; see docs/benchmarks.md). `onMiss` hears of
   * each press that did nothing, before the next.
   */
  async clickUntil(selector: string, done: string, tries = 3, waitMs = 3_000, onMiss?: (attempt: number) => Promise<void> | void): Promise<number> {
    for (let attempt = 0; attempt < tries; attempt++) {
      await this.click(selector);
      try {
        await this.until(done, attempt === tries - 1 ? 10_000 : waitMs);
        return attempt;
      } catch (error) {
        if (attempt === tries - 1) throw error;
        await onMiss?.(attempt + 1);
      }
    }
    return tries;
  }

  packets(): Promise<number> {
    return this.run('__soak.packets()');
  }

  /** Elements, `<audio>`, peer connections and the renderer's JS listeners; run after a GC for the peer counts. */
  async census(): Promise<FrameCensus> {
    const { jsEventListeners } = await this.session.send('Memory.getDOMCounters');
    return { ...(await this.run<Omit<FrameCensus, 'jsEventListeners'>>('__soak.census()')), jsEventListeners };
  }
}
