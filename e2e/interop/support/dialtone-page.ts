/**
 * The phone under test of the interop suite: Dialtone's own `SipPhone` (src/sip), bundled as is,
 * in its own Chromium page. Nothing here helps it: registration, digest auth, calls both ways,
 * media and the reconnect after a dropped WebSocket are all src/sip's code. The page only records
 * what the phone's events say, so the test can read it.
 *
 * Exposes `window.dialtonePhone`; the test drives it with `page.evaluate` (./dialtone-phone.ts).
 * Runs in the browser: bundled by ./page-server.ts with esbuild.
 */

import { pageOutcome } from './page-outcome.ts';
import { SipPhone, type CallEndReason, type CallSnapshot, type RegistrationState } from '../../../src/sip/index.ts';

export interface DialtonePageConfig {
  /** ws://127.0.0.1:<port> of Kamailio. */
  server: string;
  user: string;
  password: string;
  domain: string;
}

/** The current (or last) call, as the phone's events described it. */
export interface DialtonePageCall {
  snapshot: CallSnapshot;
  /** Set by the `ended` event. */
  end?: { reason: CallEndReason; detail?: string };
}

export interface DialtonePageRegistration {
  state: RegistrationState;
  registered: boolean;
  /** `registration` events with state `registered`: 1 after register(), +1 per re-registration. */
  count: number;
}

/** A failed operation, as plain data (errors do not cross `page.evaluate`). */
export interface DialtonePageResult {
  ok: boolean;
  ms: number;
  code?: string;
  statusCode?: number;
  message?: string;
}

export interface DialtonePage {
  register(config: DialtonePageConfig): Promise<DialtonePageResult>;
  call(target: string): Promise<DialtonePageResult>;
  answer(): Promise<DialtonePageResult>;
  hangup(): Promise<DialtonePageResult>;
  /** Holds (re-INVITE sendonly) or resumes the call. */
  hold(onHold: boolean): Promise<DialtonePageResult>;
  current(): DialtonePageCall | undefined;
  registration(): DialtonePageRegistration;
  log: string[];
}

declare global {
  interface Window {
    dialtonePhone: DialtonePage;
  }
}

const log: string[] = [];
let phone: SipPhone | undefined;
let call: DialtonePageCall | undefined;
const registration: DialtonePageRegistration = { state: 'unregistered', registered: false, count: 0 };

function note(line: string): void {
  log.push(`${Math.round(performance.now())} ${line}`);
  if (log.length > 300) log.shift();
}

function track(snapshot: CallSnapshot): void {
  if (call?.snapshot.sipCallId !== snapshot.sipCallId) call = { snapshot };
  else call.snapshot = snapshot;
}

function listen(target: SipPhone): void {
  target.on('registration', (state, error) => {
    registration.state = state;
    registration.registered = state === 'registered';
    if (state === 'registered') registration.count++;
    note(`registration ${state}${error ? `: ${error.code} ${error.message}` : ''}`);
  });
  target.on('incoming', (snapshot) => {
    track(snapshot);
    note(`INVITE from ${snapshot.callerNumber}`);
  });
  target.on('established', (snapshot) => {
    track(snapshot);
    note(`${snapshot.direction} call established`);
  });
  target.on('call-updated', (snapshot) => track(snapshot));
  target.on('call-transport-lost', (snapshot) => note(`transport lost during call ${snapshot.sipCallId}`));
  target.on('ended', (snapshot, reason, detail) => {
    track(snapshot);
    if (call) call.end = detail === undefined ? { reason } : { reason, detail };
    note(`${snapshot.direction} call ended: ${reason}${detail === undefined ? '' : ` (${detail})`}`);
  });
  target.on('error', (error) => note(`error ${error.code}: ${error.message}`));
}

function run(what: string, operation: () => Promise<void>): Promise<DialtonePageResult> {
  return pageOutcome(what, operation, note);
}

function requirePhone(what: string): SipPhone {
  if (!phone) throw new Error(`dialtonePhone.${what}: register() first`);
  return phone;
}

window.dialtonePhone = {
  log,
  register(config) {
    const created = new SipPhone({
      connection: {
        sipWebSocketUrl: config.server,
        sipDomain: config.domain,
        iceServers: [], // sip-test-stack.md pitfall 1: no STUN on loopback
        iceGatheringTimeoutMs: 500,
        autoAnswerPlatformLegs: false,
      },
      credentials: { user: config.user, password: config.password },
      logLevel: 'warn',
    });
    phone = created;
    listen(created);
    return run('register()', () => created.register());
  },
  call: (target) => run(`call(${target})`, () => requirePhone('call()').call(target)),
  answer: () => run('answer()', () => requirePhone('answer()').answer()),
  hangup: () => run('hangUp()', () => requirePhone('hangUp()').hangUp()),
  hold: (onHold) => run(onHold ? 'hold()' : 'resume()', () => (onHold ? requirePhone('hold()').hold() : requirePhone('resume()').resume())),
  current: () => call && { ...call },
  registration: () => ({ ...registration }),
};
