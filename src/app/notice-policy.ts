/**
 * How notices behave, in one place (issue 15, "Notices an agent can act on"):
 *
 * - **One notice per condition.** The phone's connection, the platform's health and the login are
 *   conditions: "connection lost" and "connection restored" are two states of one notice, so the
 *   newer replaces the older in place (same id, same position) instead of stacking.
 * - **Info expires by itself** (recovered states included); warnings and errors stay until the
 *   agent dismisses them or their condition changes.
 * - **Blocking** notices (the agent cannot work until they act: login failed, microphone blocked,
 *   platform or phone unreachable, session ended) are drawn where the agent is looking and take
 *   focus (src/components/notice-list).
 * - **A known cause leads.** A phone registration failure carries the SIP adapter's code
 *   (`auth-failed: REGISTER of sip:…`); the agent reads what to do about that cause in their
 *   language, the adapter's text stays behind "Technical details".
 */
import type { Notice, NoticeLevel } from '../call/index.ts';
import type { ShownNotice } from '../view/agent-view.ts';
import type { NoticeCause } from '../i18n/notice-causes.ts';
import type { SipPhoneErrorCode } from '../sip/errors.ts';

/** How long an info notice stays before it goes by itself. */
export const INFO_NOTICE_MS = 6000;
/** At most this many notices are kept; the oldest go first. */
export const MAX_NOTICES = 4;

const CONDITIONS: Readonly<Partial<Record<Notice, string>>> = {
  transportLost: 'phone',
  transportRecovered: 'phone',
  registrationLost: 'phone',
  registrationRecovered: 'phone',
  phoneUnregistered: 'phone',
  phoneRegistrationFailed: 'phone',
  neoApiDegraded: 'platform',
  neoApiRecovered: 'platform',
  loginFailed: 'session',
  forcedLogout: 'session',
};

/** The condition a notice reports on; notices of one condition replace each other. */
export function conditionOf(notice: Notice): string {
  return CONDITIONS[notice] ?? notice;
}

const BLOCKING: ReadonlySet<Notice> = new Set<Notice>(['loginFailed', 'microphoneDenied', 'neoApiDegraded', 'registrationLost', 'phoneRegistrationFailed', 'phoneUnregistered', 'forcedLogout']);

/** Whether the agent cannot go on working until they read this notice. */
export function isBlocking(notice: Notice, level: NoticeLevel): boolean {
  return level !== 'info' && BLOCKING.has(notice);
}

const SIP_CAUSES: Readonly<Partial<Record<SipPhoneErrorCode, NoticeCause>>> = {
  'auth-failed': 'sipPassword',
  'device-not-found': 'sipDevice',
  'register-timeout': 'sipUnreachable',
  'transport-failed': 'sipUnreachable',
  'register-rejected': 'sipRefused',
};

/**
 * The cause a phone-registration notice's detail names. The detail is `<code>: <message>` as
 * `phone-bridge.ts` writes it from a `SipPhoneError`; anything else has no known cause.
 */
export function causeOf(notice: Notice, detail: string | null, inCall = false): NoticeCause | undefined {
  // During a call the platform's silence is about the call, not the status: say what to do with it.
  if (notice === 'neoApiDegraded' && inCall) return 'platformLostInCall';
  if ((notice !== 'loginFailed' && notice !== 'phoneRegistrationFailed') || detail === null) return undefined;
  const code = /^([a-z-]+):/.exec(detail)?.[1];
  return code === undefined ? undefined : SIP_CAUSES[code as SipPhoneErrorCode];
}

/**
 * The list after `shown` arrives, and `shown` as placed: it takes the place (and the id, so the
 * screen reader's region and the focus stay) of the notice of its condition, or goes last; the
 * oldest go past the cap.
 */
export function placeNotice(notices: readonly ShownNotice[], shown: ShownNotice): { readonly notices: readonly ShownNotice[]; readonly placed: ShownNotice } {
  const condition = conditionOf(shown.notice);
  const index = notices.findIndex((n) => conditionOf(n.notice) === condition);
  if (index < 0) return { notices: [...notices, shown].slice(-MAX_NOTICES), placed: shown };
  const placed: ShownNotice = { ...shown, id: notices[index]?.id ?? shown.id };
  return { notices: notices.map((n, i) => (i === index ? placed : n)), placed };
}

/** The shown form of a raised notice: its cause and whether it blocks, decided here. */
export function showNotice(id: number, notice: Notice, level: NoticeLevel, detail: string | null, at: number, failure?: ShownNotice['failure'], inCall = false): ShownNotice {
  const cause = causeOf(notice, detail, inCall);
  return {
    id,
    notice,
    level,
    detail,
    at,
    blocking: isBlocking(notice, level),
    ...(cause === undefined ? {} : { cause }),
    ...(failure === undefined ? {} : { failure }),
  };
}
