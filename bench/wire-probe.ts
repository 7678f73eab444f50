/**
 * What the comparison (bench/floor-compare.ts) reads in both pages the same way, so Dialtone and
 * the floor are timed by one ruler: every SIP message on the page's WebSocket (its start line,
 * CSeq method and direction, on the page's clock), and, for Dialtone, an automatic login that
 * submits the login form the moment it is drawn (a person's typing time is not the adapter's).
 */
import type { Frame, Page } from 'playwright-core';

/** One SIP message seen on the page's WebSocket. */
export interface WireEvent {
  readonly dir: 'in' | 'out';
  /** `INVITE`, `ACK`, `200`, `180`… (request method or status code). */
  readonly start: string;
  /** The CSeq header's method. */
  readonly cseq: string;
  /** `performance.now()` of the page. */
  readonly at: number;
}

declare global {
  interface Window {
    __wire?: WireEvent[];
    /** `performance.now()` of each WebSocket the page constructed (the phone's start: sip.js opens its transport first). */
    __wireSockets?: number[];
  }
}

/** Runs before the page's scripts; keeps the last 400 SIP messages. */
export const WIRE_SCRIPT = `(() => {
  const events = [];
  window.__wire = events;
  const record = (dir, data) => {
    if (typeof data !== 'string') return;
    const first = data.slice(0, data.indexOf('\\r\\n'));
    const start = first.startsWith('SIP/2.0 ') ? first.slice(8, 11) : first.split(' ')[0];
    const cseq = /\\r\\nCSeq:\\s*\\d+\\s+(\\w+)/i.exec(data);
    events.push({ dir, start, cseq: cseq ? cseq[1] : '', at: performance.now() });
    if (events.length > 400) events.shift();
  };
  const sockets = [];
  window.__wireSockets = sockets;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      sockets.push(performance.now());
      super(...args);
      this.addEventListener('message', (event) => record('in', event.data));
    }
    send(data) {
      record('out', data);
      return super.send(data);
    }
  };
})();`;

/** Init-script source: `find(selector)`, the first match in the document or any shadow root. */
export const FIND_DEEP = `const find = (selector) => {
    const roots = [document];
    for (let root = roots.pop(); root; root = roots.pop()) {
      const hit = root.querySelector(selector);
      if (hit) return hit;
      for (const element of root.querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
    }
    return null;
  };`;

/**
 * Submits Dialtone's login form as soon as it exists (checked every 5 ms, up to 20 s), with the
 * values in `window.__autoLogin` set by the same init script.
 * `delayMs` later when given: a person's typing, so the login finds sip.js loaded (tenth pass (d)).
 */
export function autoLoginScript(who: { user: string; password: string; device: string; devicePassword: string }, delayMs = 0): string {
  return `(() => {
  if (!location.pathname.includes('/softphone/') || location.pathname.includes('/bench-floor/')) return;
  const values = ${JSON.stringify({ device: who.device, devicePassword: who.devicePassword, user: who.user, password: who.password })};
  const started = Date.now();
  let waited = false;
  ${FIND_DEEP}
  const tick = () => {
    const submit = find('[data-testid="login-submit"]');
    if (!submit) {
      if (Date.now() - started < 20000) setTimeout(tick, 5);
      return;
    }
    if (${delayMs} > 0 && !waited) {
      waited = true;
      setTimeout(tick, ${delayMs});
      return;
    }
    for (const [name, value] of Object.entries(values)) {
      const input = find('[data-testid="login-' + name + '"]');
      if (!input) continue;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    performance.mark('bench:login-submitted');
    submit.click();
  };
  tick();
})();`;
}

/** The SIP messages seen so far (page clock). */
export function wireOf(target: Frame | Page): Promise<WireEvent[]> {
  return target.evaluate(() => window.__wire ?? []);
}

/** The first event matching `match` at or after `from`, or undefined. */
export function firstAfter(events: readonly WireEvent[], from: number, match: (e: WireEvent) => boolean): WireEvent | undefined {
  return events.find((e) => e.at >= from && match(e));
}

/** From a dial at `clickedAt`: INVITE in, its 200 OK out and the ACK in (page clock), when all came. */
export function dialSpans(events: readonly WireEvent[], clickedAt: number): { toAck: number; inviteToOk: number; extra180: boolean } | undefined {
  const invite = firstAfter(events, clickedAt, (e) => e.dir === 'in' && e.start === 'INVITE');
  if (!invite) return undefined;
  const ok = firstAfter(events, invite.at, (e) => e.dir === 'out' && e.start === '200' && e.cseq === 'INVITE');
  const ack = firstAfter(events, invite.at, (e) => e.dir === 'in' && e.start === 'ACK');
  if (!ok || !ack) return undefined;
  const ringing = events.filter((e) => e.at >= invite.at && e.at <= ok.at && e.dir === 'out' && e.start === '180').length;
  return { toAck: ack.at - clickedAt, inviteToOk: ok.at - invite.at, extra180: ringing > 1 };
}

/** `performance.now()` of REGISTER's 200 OK (the first one), if it came. */
export function registeredAt(events: readonly WireEvent[]): number | undefined {
  return events.find((e) => e.dir === 'in' && e.start === '200' && e.cseq === 'REGISTER')?.at;
}
