/**
 * The pre-shift health gate's rules, pure (docs/health-gate.md): what the probes found plus the
 * machine's live state → one line per check, and which failing check keeps the agent from being
 * offered calls. The phone and, in a session, the platform are read from the machine's state on
 * every view (`phone`, `neoApi`: the Position poll is the platform's round-trip), so they are
 * never staler than the status pill; the rest comes from the last probe.
 *
 * ```
 *  check        failed (blocks)                      warning (shown)            later / skipped
 *  microphone   denied, no input device, won't open  no sound                   not asked yet
 *  speaker      —                                    no output, tone failed     —
 *  phone        in session: not registered           —                          before login
 *  platform     no answer (probe / Position poll)    —                          sip platform
 *  salesforce   —                                    no answer                  not in Salesforce
 *  storage      —                                    IndexedDB unusable         —
 * ```
 */
import { hasSession, type AgentState } from '../call/index.ts';
import type { SoftphoneIntent } from '../view/agent-view.ts';
import type { HealthCheckView, HealthView } from '../view/health-view.ts';

/** Below this input level (dBFS) over the measurement, the microphone is taken for muted. */
export const SILENT_INPUT_DB = -75;

/** A probe's answer: `null` while it runs. */
export type Probed<T> = T | null;

/** What the microphone probe found. */
export interface MicrophoneFacts {
  /** The browser's permission; `unknown` where it cannot be queried (Firefox). */
  readonly permission: 'granted' | 'denied' | 'prompt' | 'unknown';
  /** Audio inputs the browser lists. */
  readonly inputs: number;
  /** The loudest RMS over the measurement, dBFS; `null` = not measured (not allowed yet, or in a call). */
  readonly levelDb: number | null;
  /** Why the microphone could not be opened (the browser's words), when it could not. */
  readonly error: string | null;
}

/** A round-trip's answer: `ok`, or the technical reason it failed. */
export interface RoundTrip {
  readonly ok: boolean;
  readonly detail: string | null;
}

/** Everything the probes found so far. */
export interface HealthFacts {
  readonly microphone: Probed<MicrophoneFacts>;
  /** Audio outputs the browser lists; `listed: false` = it does not list them (nothing to judge). */
  readonly outputs: Probed<{ readonly count: number; readonly listed: boolean }>;
  readonly tone: HealthView['tone'];
  readonly toneError: string | null;
  /** The platform's round-trip before login; `'none'` = the platform has no probe (sip). */
  readonly platform: Probed<RoundTrip | 'none'>;
  /** Open CTI's round-trip; `'none'` = not framed by Salesforce. */
  readonly salesforce: Probed<RoundTrip | 'none'>;
  readonly storage: Probed<RoundTrip>;
}

/** Nothing probed yet. */
export const NO_FACTS: HealthFacts = { microphone: null, outputs: null, tone: 'idle', toneError: null, platform: null, salesforce: null, storage: null };

const CHECKING = (check: HealthCheckView['check']): HealthCheckView => ({ check, status: 'checking', reason: null, detail: null });
const OK = (check: HealthCheckView['check']): HealthCheckView => ({ check, status: 'ok', reason: null, detail: null });

function microphoneCheck(facts: MicrophoneFacts | null, inSession: boolean): HealthCheckView {
  if (facts === null) return CHECKING('microphone');
  const check = 'microphone';
  if (facts.permission === 'denied') return { check, status: 'failed', reason: 'micDenied', detail: facts.error };
  if (facts.permission === 'granted' && facts.inputs === 0) return { check, status: 'failed', reason: 'micNoDevice', detail: null };
  if (facts.error !== null) return { check, status: 'failed', reason: 'micFailed', detail: facts.error };
  // Not asked yet: the login click asks (page-settings.ts `askMicrophoneEarly`), so it is not a reason to block it.
  if (facts.permission === 'prompt' || facts.permission === 'unknown') return { check, status: inSession ? 'warning' : 'later', reason: 'micPrompt', detail: null };
  if (facts.levelDb !== null && facts.levelDb < SILENT_INPUT_DB) return { check, status: 'warning', reason: 'micSilent', detail: `${facts.levelDb.toFixed(0)} dBFS` };
  return OK(check);
}

function speakerCheck(facts: HealthFacts): HealthCheckView {
  const check = 'speaker';
  if (facts.tone === 'failed') return { check, status: 'warning', reason: 'toneFailed', detail: facts.toneError };
  if (facts.outputs === null) return CHECKING(check);
  // A speaker is not a blocker: the system default may still play (a browser listing none can).
  if (facts.outputs.listed && facts.outputs.count === 0) return { check, status: 'warning', reason: 'speakerNoDevice', detail: null };
  return OK(check);
}

function phoneCheck(agent: AgentState, inSession: boolean): HealthCheckView {
  const check = 'phone';
  if (!inSession) return { check, status: 'later', reason: 'phoneLater', detail: null };
  if (agent.phone === 'registered') return OK(check);
  return { check, status: 'failed', reason: agent.phone === 'down' ? 'phoneDown' : 'phoneReconnecting', detail: null };
}

function platformCheck(probe: HealthFacts['platform'], agent: AgentState, inSession: boolean): HealthCheckView {
  const check = 'platform';
  if (probe === 'none') return { check, status: 'skipped', reason: 'platformViaPhone', detail: null };
  // In a session the Position poll is the round-trip, every second: its health is the machine's.
  if (inSession) return agent.neoApi === 'degraded' ? { check, status: 'failed', reason: 'platformUnreachable', detail: null } : OK(check);
  if (probe === null) return CHECKING(check);
  return probe.ok ? OK(check) : { check, status: 'failed', reason: 'platformUnreachable', detail: probe.detail };
}

function roundTripCheck(check: 'salesforce' | 'storage', probe: Probed<RoundTrip | 'none'>): HealthCheckView {
  if (probe === null) return CHECKING(check);
  if (probe === 'none') return { check, status: 'skipped', reason: 'salesforceStandalone', detail: null };
  if (probe.ok) return OK(check);
  return { check, status: 'warning', reason: check === 'salesforce' ? 'salesforceFailed' : 'storageUnavailable', detail: probe.detail };
}

/** The gate as the agent sees it, from the probes and the machine's state. */
export function healthView(facts: HealthFacts, agent: AgentState): HealthView {
  const inSession = hasSession(agent) && agent.phase !== 'loggingOut';
  const checks = [
    microphoneCheck(facts.microphone, inSession),
    speakerCheck(facts),
    phoneCheck(agent, inSession),
    platformCheck(facts.platform, agent, inSession),
    roundTripCheck('salesforce', facts.salesforce),
    roundTripCheck('storage', facts.storage),
  ];
  const mic = facts.microphone;
  return {
    checks,
    blockedBy: checks.find((c) => c.status === 'failed') ?? null,
    inputLevelDb: mic?.levelDb ?? null,
    tone: facts.tone,
    // Asking again is harmless when blocked (the browser refuses at once) and lets a fixed setting through.
    canAskMicrophone: mic !== null && mic.permission !== 'granted',
  };
}

/**
 * Whether `intent` would make the agent available (offered calls): logging in (on Neotel a
 * login is available at once), back from a break, available again after a call, releasing the
 * contact, taking dialer contacts again. These are what a failing check refuses; everything
 * else (hang up, take a break, log out…) stays allowed.
 */
export function makesAvailable(intent: SoftphoneIntent): boolean {
  switch (intent.kind) {
    case 'login':
    case 'unpause':
    case 'available':
    case 'releaseContact':
      return true;
    case 'holdContacts':
      return !intent.hold;
    default:
      return false;
  }
}
