/**
 * The phone under test of the `sip` platform suite: Dialtone's own `SipPhone` (src/sip), bundled
 * as is, configured as the `sip` platform configures it (INVITE headers for pop data, DTMF
 * transport, availability). The page adds nothing to the phone: it records what its events say
 * and turns each operation's outcome into data for `page.evaluate`.
 *
 * Runs in the browser: bundled by ./page-server.ts with esbuild; driven by ../sip-platform.test.ts.
 */

import { parseHookTemplate, type HookValues } from '../../../src/platforms/sip/hook-template.ts';
import { clickToCall, recordingUrl } from '../../../src/platforms/sip/http-hooks.ts';
import { pageOutcome } from './page-outcome.ts';
import { SipPhone, type CallSnapshot, type DtmfTransport, type NotReadyRefusal } from '../../../src/sip/index.ts';

export interface SipPlatformPageConfig {
  server: string;
  user: string;
  password: string;
  domain: string;
  inviteHeaders: string[];
  dtmfTransport: DtmfTransport;
}

export interface SipPlatformPageResult {
  ok: boolean;
  ms: number;
  code?: string;
  statusCode?: number;
  message?: string;
}

export interface SipPlatformPageState {
  main: CallSnapshot | undefined;
  consult: CallSnapshot | undefined;
  lastEnd: { reason: string; detail?: string; snapshot: CallSnapshot } | undefined;
  inConference: boolean;
  transfer: string[];
  log: string[];
}

type Operation = 'call' | 'answer' | 'hangUp' | 'hold' | 'resume' | 'sendDtmf' | 'transfer' | 'consult' | 'completeTransfer' | 'cancelTransfer' | 'conference';

export interface SipPlatformPage {
  register(config: SipPlatformPageConfig): Promise<SipPlatformPageResult>;
  run(operation: Operation, argument?: string): Promise<SipPlatformPageResult>;
  setReady(ready: boolean, refusal: NotReadyRefusal): void;
  state(): SipPlatformPageState;
  /** The product's click-to-call hook (src/platforms/sip/http-hooks.ts), sent by this page. */
  clickToCall(hook: string, values: HookValues): Promise<{ ok: boolean; callId?: string; message?: string }>;
  /** Loads the recording link (the product's recordingUrl) in an `<audio>` element: its duration once playable. */
  playRecording(hook: string, values: HookValues): Promise<{ ok: boolean; seconds?: number; message?: string }>;
}

function template(hook: string) {
  const parsed = parseHookTemplate(hook, { loopbackHttpAllowed: (host) => host === '127.0.0.1' });
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.value;
}

declare global {
  interface Window {
    sipPlatformPhone: SipPlatformPage;
  }
}

let phone: SipPhone | undefined;
const state: SipPlatformPageState = { main: undefined, consult: undefined, lastEnd: undefined, inConference: false, transfer: [], log: [] };

function note(line: string): void {
  state.log.push(`${Math.round(performance.now())} ${line}`);
  if (state.log.length > 300) state.log.shift();
}

function listen(target: SipPhone): void {
  target.on('registration', (registration, error) => note(`registration ${registration}${error ? `: ${error.code}` : ''}`));
  target.on('incoming', (snapshot) => {
    state.main = snapshot;
    note(`INVITE from ${snapshot.callerNumber} headers ${JSON.stringify(snapshot.inviteHeaders ?? {})}`);
  });
  target.on('established', (snapshot) => {
    state.main = snapshot;
    note(`${snapshot.direction} call established`);
  });
  target.on('call-updated', (snapshot) => {
    state.main = snapshot;
  });
  target.on('ended', (snapshot, reason, detail) => {
    state.main = snapshot;
    state.lastEnd = detail === undefined ? { reason, snapshot } : { reason, detail, snapshot };
    note(`call ended: ${reason}${detail === undefined ? '' : ` (${detail})`}`);
  });
  target.on('consult-updated', (snapshot) => {
    state.consult = snapshot;
    note(`consult ${snapshot.phase}`);
  });
  target.on('conference', (active) => {
    state.inConference = active;
    note(`conference ${active}`);
  });
  target.on('transfer', (progress, detail) => {
    state.transfer.push(`${progress}: ${detail}`);
    note(`transfer ${progress}: ${detail}`);
  });
  target.on('error', (error) => note(`error ${error.code}: ${error.message}`));
}

function requirePhone(): SipPhone {
  if (!phone) throw new Error('sipPlatformPhone: register() first');
  return phone;
}

function outcome(what: string, operation: () => Promise<void>): Promise<SipPlatformPageResult> {
  return pageOutcome(what, operation, note);
}

const OPERATIONS: Readonly<Record<Operation, (p: SipPhone, argument: string) => Promise<void>>> = {
  call: (p, target) => p.call(target),
  answer: (p) => p.answer(),
  hangUp: (p) => p.hangUp(),
  hold: (p) => p.hold(),
  resume: (p) => p.resume(),
  sendDtmf: (p, digits) => p.sendDtmf(digits),
  transfer: (p, target) => p.transfer(target),
  consult: (p, target) => p.consult(target),
  completeTransfer: (p) => p.completeTransfer(),
  cancelTransfer: (p) => p.cancelTransfer(),
  conference: (p) => p.conference(),
};

window.sipPlatformPhone = {
  register(config) {
    const created = new SipPhone({
      connection: { sipWebSocketUrl: config.server, sipDomain: config.domain, iceServers: [], iceGatheringTimeoutMs: 500, autoAnswerPlatformLegs: false },
      credentials: { user: config.user, password: config.password },
      inviteHeaders: config.inviteHeaders,
      dtmfTransport: config.dtmfTransport,
      logLevel: 'warn',
    });
    phone = created;
    listen(created);
    return outcome('register()', () => created.register());
  },
  run: (operation, argument = '') => outcome(`${operation}(${argument})`, () => OPERATIONS[operation](requirePhone(), argument)),
  setReady: (ready, refusal) => requirePhone().setReady(ready, refusal),
  clickToCall: async (hook, values) => {
    try {
      return { ok: true, callId: await clickToCall(template(hook), values) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  },
  playRecording: (hook, values) =>
    new Promise((resolve) => {
      const audio = document.createElement('audio');
      audio.preload = 'auto';
      audio.addEventListener('canplaythrough', () => resolve({ ok: true, seconds: audio.duration }), { once: true });
      audio.addEventListener('error', () => resolve({ ok: false, message: `the recording did not load (${audio.error?.message ?? 'media error'})` }), { once: true });
      try {
        audio.src = recordingUrl(template(hook), values, { forStorage: false });
      } catch (error) {
        resolve({ ok: false, message: error instanceof Error ? error.message : String(error) });
      }
      document.body.append(audio);
    }),
  state: () => ({ ...state, main: requirePhone().currentCall ?? state.main, consult: requirePhone().consultCall ?? state.consult, inConference: requirePhone().inConference, transfer: [...state.transfer], log: [...state.log] }),
};
