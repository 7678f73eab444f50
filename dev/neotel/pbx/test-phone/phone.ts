/**
 * A minimal sip.js softphone for driving the simulated PBX from a real browser in tests (and by
 * hand): register with digest auth, take calls (auto-answering `answer-after=0` legs like the
 * Dialtone adapter does), hold/resume by re-INVITE, DTMF by RFC 4733 or SIP INFO, hang up.
 * It exposes `window.testPhone`; tests drive it with `page.evaluate`. Audio is checked from
 * outside by e2e/support/audio.ts, which hooks RTCPeerConnection.
 *
 * Runs in the browser: bundled by ./serve.ts with esbuild.
 */

import { Invitation, Registerer, SessionState, UserAgent, type Session } from 'sip.js';
import type { SessionDescriptionHandler } from 'sip.js/lib/platform/web';

export interface TestPhoneConfig {
  /** ws://127.0.0.1:<port>/sip */
  server: string;
  /** SIP user, e.g. `1001` for device SIP/1001. */
  user: string;
  password: string;
  domain: string;
  /** Answer at once when the INVITE carries `Call-Info: …;answer-after=0`. */
  autoAnswer: boolean;
}

/** What the phone saw of the current (or last) incoming call. */
export interface TestPhoneCall {
  state: string;
  headers: Record<string, string>;
  from: string;
  /** Milliseconds from page load to INVITE receipt and to Established. */
  invitedAt: number;
  establishedAt?: number;
  terminatedAt?: number;
}

export interface TestPhone {
  register(config: TestPhoneConfig): Promise<{ ok: boolean; status?: number; reason?: string; ms: number }>;
  unregister(): Promise<void>;
  /** Closes the WebSocket without unregistering (a dropped connection). */
  dropConnection(): Promise<void>;
  answer(): Promise<void>;
  reject(statusCode: number): Promise<void>;
  hangup(): Promise<void>;
  hold(onHold: boolean): Promise<boolean>;
  sendDtmf(digits: string): boolean;
  sendInfoDtmf(digit: string): Promise<void>;
  call(): TestPhoneCall | undefined;
  log: string[];
}

declare global {
  interface Window {
    testPhone: TestPhone;
  }
}

const HEADERS_OF_INTEREST = ['X-Neotel-CallId', 'X-Neotel-Leg', 'Call-Info', 'X-Neotel-Queue'];

let userAgent: UserAgent | undefined;
let registerer: Registerer | undefined;
let session: Session | undefined;
let current: TestPhoneCall | undefined;
const log: string[] = [];

function note(line: string): void {
  log.push(`${Math.round(performance.now())} ${line}`);
  if (log.length > 500) log.shift();
}

function requireSession(): Session {
  if (!session) throw new Error('testPhone: no call in progress');
  return session;
}

function onInvite(invitation: Invitation, config: TestPhoneConfig): void {
  session = invitation;
  const headers: Record<string, string> = {};
  for (const name of HEADERS_OF_INTEREST) {
    const value = invitation.request.getHeader(name);
    if (value !== undefined) headers[name] = value;
  }
  const call: TestPhoneCall = { state: invitation.state, headers, from: invitation.remoteIdentity.uri.user ?? '', invitedAt: performance.now() };
  current = call;
  note(`INVITE from ${call.from} ${JSON.stringify(headers)}`);
  invitation.stateChange.addListener((state) => {
    call.state = state;
    if (state === SessionState.Established) call.establishedAt = performance.now();
    if (state === SessionState.Terminated) call.terminatedAt = performance.now();
    note(`session ${state}`);
  });
  if (config.autoAnswer && (headers['Call-Info'] ?? '').includes('answer-after=0')) void window.testPhone.answer();
}

window.testPhone = {
  log,
  async register(config) {
    const started = performance.now();
    userAgent = new UserAgent({
      uri: UserAgent.makeURI(`sip:${config.user}@${config.domain}`),
      authorizationUsername: config.user,
      authorizationPassword: config.password,
      transportOptions: { server: config.server },
      logLevel: 'warn',
      sessionDescriptionHandlerFactoryOptions: {
        peerConnectionConfiguration: { iceServers: [] }, // sip-test-stack.md pitfall 1
        iceGatheringTimeout: 500,
      },
      delegate: { onInvite: (invitation) => onInvite(invitation, config) },
    });
    await userAgent.start();
    registerer = new Registerer(userAgent, { expires: 300 });
    return new Promise((resolve) => {
      void registerer!.register({
        requestDelegate: {
          onAccept: () => resolve({ ok: true, status: 200, ms: performance.now() - started }),
          onReject: (response) => resolve({ ok: false, status: response.message.statusCode, reason: response.message.reasonPhrase, ms: performance.now() - started }),
        },
      }).catch((error: unknown) => resolve({ ok: false, reason: String(error), ms: performance.now() - started }));
    });
  },
  async unregister() {
    await registerer?.unregister();
  },
  async dropConnection() {
    await userAgent?.transport.disconnect();
  },
  async answer() {
    const invitation = requireSession();
    if (!(invitation instanceof Invitation)) throw new Error('testPhone: the current call is not incoming');
    await invitation.accept({ sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } } });
  },
  async reject(statusCode) {
    const invitation = requireSession();
    if (!(invitation instanceof Invitation)) throw new Error('testPhone: the current call is not incoming');
    await invitation.reject({ statusCode });
  },
  async hangup() {
    const active = requireSession();
    if (active.state === SessionState.Established) await active.bye();
    else if (active instanceof Invitation) await active.reject();
  },
  async hold(onHold) {
    const active = requireSession();
    const handler = active.sessionDescriptionHandler as SessionDescriptionHandler | undefined;
    active.sessionDescriptionHandlerOptionsReInvite = { hold: onHold } as typeof active.sessionDescriptionHandlerOptionsReInvite;
    // As sip.js's SessionManager does: flip the tracks once the re-INVITE is accepted.
    return new Promise((resolve) => {
      void active.invite({
        requestDelegate: {
          onAccept: () => {
            handler?.enableReceiverTracks(!onHold);
            handler?.enableSenderTracks(!onHold);
            resolve(true);
          },
          onReject: () => resolve(false),
        },
      }).catch(() => resolve(false));
    });
  },
  sendDtmf(digits) {
    return requireSession().sessionDescriptionHandler?.sendDtmf(digits, { duration: 100, interToneGap: 70 }) ?? false;
  },
  async sendInfoDtmf(digit) {
    await requireSession().info({
      requestOptions: { body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: `Signal=${digit}\r\nDuration=160` } },
    });
  },
  call: () => current && { ...current },
};
