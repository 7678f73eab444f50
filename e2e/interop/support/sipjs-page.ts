/**
 * The far end of the interop suite: a plain sip.js 0.21 phone running in its own Chromium page,
 * registered through Kamailio like any WebRTC softphone would be. It places and takes calls,
 * hangs up, and — because sip.js does not reconnect by itself (sip-test-stack.md, "WebSocket
 * drop") — reconnects and re-registers every second after the transport drops.
 *
 * Exposes `window.sipjsPhone`; the test drives it with `page.evaluate` (./sipjs-phone.ts).
 * Runs in the browser: bundled by ./page-server.ts with esbuild.
 */

import { Invitation, Inviter, Registerer, RegistererState, SessionState, UserAgent, type Session } from 'sip.js';

export interface SipJsPhoneConfig {
  /** ws://127.0.0.1:<port> of Kamailio. */
  server: string;
  user: string;
  password: string;
  domain: string;
  /** Answer incoming calls at once. */
  autoAnswer: boolean;
}

/** What the page saw of its current (or last) call. */
export interface SipJsCall {
  direction: 'incoming' | 'outgoing';
  /** sip.js SessionState: Initial, Establishing, Established, Terminating, Terminated. */
  state: string;
  peer: string;
  /** performance.now() stamps. */
  startedAt: number;
  establishedAt?: number;
  terminatedAt?: number;
  /** Final response when an outgoing call was refused. */
  rejectedWith?: number;
}

export interface SipJsRegistration {
  registered: boolean;
  /** Number of REGISTER 200s so far (1 after the first registration, +1 per re-registration). */
  count: number;
  lastRegisteredAt?: number;
  lastDisconnectAt?: number;
}

export interface SipJsPhone {
  register(config: SipJsPhoneConfig): Promise<{ ok: boolean; status?: number; ms: number }>;
  call(target: string): Promise<void>;
  answer(): Promise<void>;
  hangup(): Promise<void>;
  current(): SipJsCall | undefined;
  registration(): SipJsRegistration;
  now(): number;
  log: string[];
}

declare global {
  interface Window {
    sipjsPhone: SipJsPhone;
  }
}

const MEDIA = { constraints: { audio: true, video: false } };
const log: string[] = [];
let userAgent: UserAgent | undefined;
let registerer: Registerer | undefined;
let config: SipJsPhoneConfig | undefined;
let session: Session | undefined;
let call: SipJsCall | undefined;
let reconnecting = false;
const registration: SipJsRegistration = { registered: false, count: 0 };

function note(line: string): void {
  log.push(`${Math.round(performance.now())} ${line}`);
  if (log.length > 300) log.shift();
}

function track(active: Session, direction: SipJsCall['direction'], peer: string): void {
  session = active;
  const record: SipJsCall = { direction, state: active.state, peer, startedAt: performance.now() };
  call = record;
  active.stateChange.addListener((state) => {
    record.state = state;
    if (state === SessionState.Established) record.establishedAt = performance.now();
    if (state === SessionState.Terminated) record.terminatedAt = performance.now();
    note(`${direction} call ${state}`);
  });
}

function register(): Promise<{ ok: boolean; status?: number }> {
  const current = registerer;
  if (!current) return Promise.resolve({ ok: false });
  return new Promise((resolve) => {
    current
      .register({
        requestDelegate: {
          onAccept: () => {
            // Counted here, not on stateChange: the Registerer stays "Registered" across a
            // transport drop, so a re-registration changes no state.
            registration.registered = true;
            registration.count++;
            registration.lastRegisteredAt = performance.now();
            note('REGISTER 200');
            resolve({ ok: true, status: 200 });
          },
          onReject: (response) => resolve({ ok: false, status: response.message.statusCode }),
        },
      })
      .catch((error: unknown) => {
        note(`REGISTER failed: ${String(error)}`);
        resolve({ ok: false });
      });
  });
}

/** sip.js leaves reconnection to the app: try every second for up to a minute. */
async function reconnect(): Promise<void> {
  if (reconnecting || !userAgent) return;
  reconnecting = true;
  try {
    for (let attempt = 1; attempt <= 60; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, attempt === 1 ? 200 : 1000));
      note(`reconnect ${attempt}`);
      try {
        await userAgent.reconnect();
        note(`reconnected ${attempt}`);
      } catch (error) {
        note(`reconnect ${attempt} failed: ${String(error)}`);
        continue;
      }
      if ((await register()).ok) return;
    }
  } finally {
    reconnecting = false;
  }
}

window.sipjsPhone = {
  log,
  now: () => performance.now(),
  async register(options) {
    config = options;
    const started = performance.now();
    userAgent = new UserAgent({
      uri: UserAgent.makeURI(`sip:${options.user}@${options.domain}`),
      authorizationUsername: options.user,
      authorizationPassword: options.password,
      transportOptions: { server: options.server },
      logLevel: 'warn',
      sessionDescriptionHandlerFactoryOptions: {
        peerConnectionConfiguration: { iceServers: [] }, // sip-test-stack.md pitfall 1
        iceGatheringTimeout: 500,
      },
      delegate: {
        onInvite: (invitation) => {
          track(invitation, 'incoming', invitation.remoteIdentity.uri.user ?? '');
          note(`INVITE from ${invitation.remoteIdentity.uri.user ?? '?'}`);
          if (config?.autoAnswer) void window.sipjsPhone.answer();
        },
        onDisconnect: (error) => {
          registration.registered = false;
          registration.lastDisconnectAt = performance.now();
          note(`transport lost: ${String(error)}`);
          if (error) void reconnect();
        },
      },
    });
    registerer = new Registerer(userAgent, { expires: 300 });
    registerer.stateChange.addListener((state) => {
      if (state !== RegistererState.Registered) registration.registered = false;
      note(`registerer ${state}`);
    });
    await userAgent.start();
    const result = await register();
    return { ...result, ms: performance.now() - started };
  },
  async call(target) {
    if (!userAgent || !config) throw new Error('sipjsPhone.call(): register() first');
    const uri = UserAgent.makeURI(`sip:${target}@${config.domain}`);
    if (!uri) throw new Error(`sipjsPhone.call(): cannot make a SIP URI of ${JSON.stringify(target)}`);
    const inviter = new Inviter(userAgent, uri, { sessionDescriptionHandlerOptions: MEDIA });
    track(inviter, 'outgoing', target);
    await inviter.invite({
      requestDelegate: {
        onReject: (response) => {
          if (call) call.rejectedWith = response.message.statusCode;
        },
      },
    });
  },
  async answer() {
    if (!(session instanceof Invitation)) throw new Error('sipjsPhone.answer(): no incoming call');
    await session.accept({ sessionDescriptionHandlerOptions: MEDIA });
  },
  async hangup() {
    const active = session;
    if (!active) throw new Error('sipjsPhone.hangup(): no call');
    if (active.state === SessionState.Established) await active.bye();
    else if (active instanceof Invitation) await active.reject();
    else if (active instanceof Inviter) await active.cancel();
  },
  current: () => call && { ...call },
  registration: () => ({ ...registration }),
};
