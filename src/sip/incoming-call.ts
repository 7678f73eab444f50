/**
 * What the softphone learns from an incoming INVITE, parsed from its headers with no sip.js
 * dependency (so it is unit-tested on plain strings). The Neotel PBX marks its INVITEs to agents
 * (docs/dev-neotel-pbx.md, "Headers the softphone can rely on"):
 *
 *   X-Neotel-CallId: 4711                         platform call id (Position IDLLAMADA)
 *   X-Neotel-Leg: platform | queue                who originated the leg
 *   Call-Info: <sip:pbx>;answer-after=0           auto-answer hint (platform legs only)
 */

/** Who originated the leg: the platform on the agent's behalf (Dial, dialer) or a queue. */
export type CallLegKind = 'platform' | 'queue' | 'unknown';

/** An incoming call as the app sees it. */
export interface IncomingCallInfo {
  /** The SIP Call-ID: unique per INVITE, used by the phone's events. */
  readonly sipCallId: string;
  /** `X-Neotel-CallId`, or null when the PBX did not send one. */
  readonly platformCallId: string | null;
  readonly leg: CallLegKind;
  /** Seconds from `Call-Info: …;answer-after=N`; null when absent or malformed. */
  readonly answerAfterSeconds: number | null;
  /** The From URI's user part (the caller's number), `anonymous` when hidden. */
  readonly callerNumber: string;
  /** The From display name, null when none. */
  readonly callerName: string | null;
}

/** Reads one header by name (case-insensitive), as sip.js's `request.getHeader` does. */
export type HeaderReader = (name: string) => string | undefined;

const ANSWER_AFTER = /(?:^|;)\s*answer-after\s*=\s*"?(\d{1,5})"?\s*(?:;|$)/i;

/**
 * The `answer-after` delay in seconds from a `Call-Info` header value, or null. Accepts several
 * comma-separated entries (`<…>;purpose=icon, <…>;answer-after=0`), any case, quoted values, and
 * the header without a URI (some PBXes send `;answer-after=0`). Only the parameters outside the
 * `<…>` count: `answer-after` inside a URI is not a hint.
 */
export function parseAnswerAfter(callInfo: string | undefined): number | null {
  if (callInfo === undefined) return null;
  for (const entry of splitOutsideBrackets(callInfo)) {
    const close = entry.lastIndexOf('>');
    const params = close >= 0 ? entry.slice(close + 1) : entry;
    const match = ANSWER_AFTER.exec(params.trim());
    if (match?.[1] !== undefined) return Number(match[1]);
  }
  return null;
}

/** Splits a header value on commas that are not inside `<…>` or quotes. */
function splitOutsideBrackets(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '<') depth++;
    else if (!quoted && char === '>') depth = Math.max(0, depth - 1);
    else if (!quoted && depth === 0 && char === ',') {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts;
}

/** `X-Neotel-Leg` → leg kind; anything else is `unknown` (never auto-answered). */
export function parseLegKind(value: string | undefined): CallLegKind {
  const normalised = value?.trim().toLowerCase();
  if (normalised === 'platform' || normalised === 'queue') return normalised;
  return 'unknown';
}

/** `X-Neotel-CallId` trimmed; null when absent or blank. */
export function parsePlatformCallId(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? null : trimmed;
}

/** The parts of an INVITE the parser needs (sip.js provides them; tests pass plain values). */
export interface InviteParts {
  readonly sipCallId: string;
  readonly header: HeaderReader;
  readonly fromUser: string | undefined;
  readonly fromDisplayName: string | undefined;
}

/** Builds the app-facing call info from an INVITE. */
export function parseIncomingCall(invite: InviteParts): IncomingCallInfo {
  const displayName = invite.fromDisplayName?.trim().replace(/^"(.*)"$/, '$1');
  return {
    sipCallId: invite.sipCallId,
    platformCallId: parsePlatformCallId(invite.header('X-Neotel-CallId')),
    leg: parseLegKind(invite.header('X-Neotel-Leg')),
    answerAfterSeconds: parseAnswerAfter(invite.header('Call-Info')),
    callerNumber: invite.fromUser === undefined || invite.fromUser === '' ? 'anonymous' : invite.fromUser,
    callerName: displayName === undefined || displayName === '' ? null : displayName,
  };
}

/**
 * Whether the phone answers by itself: only platform legs that carry `answer-after=0`, and only
 * when the admin enabled `autoAnswerPlatformLegs`. A queue call never auto-answers, whatever its
 * headers say: a customer is waiting for a person.
 */
export function shouldAutoAnswer(call: IncomingCallInfo, autoAnswerPlatformLegs: boolean): boolean {
  return autoAnswerPlatformLegs && call.leg === 'platform' && call.answerAfterSeconds === 0;
}
