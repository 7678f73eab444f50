/**
 * What the softphone learns from an incoming INVITE, parsed from its headers with no sip.js
 * dependency (so it is unit-tested on plain strings). The Neotel PBX marks its INVITEs to agents
 * (docs/dev-neotel-pbx.md, "Headers the softphone can rely on"):
 *
 *   X-Neotel-CallId: 4711                         platform call id (Position IDLLAMADA)
 *   X-Neotel-Leg: platform | queue                who originated the leg
 *   Call-Info: <sip:pbx>;answer-after=0           auto-answer hint (platform legs only)
 *
 * The caller is read from the PBX's asserted identity first (RFC 3325 `P-Asserted-Identity`,
 * then the older `Remote-Party-ID` with `party=calling`), and only then from `From`: a PBX or
 * trunk often puts a trunk or bot name in `From` and the real number in the asserted identity.
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
  /**
   * The caller's display name (P-Asserted-Identity / Remote-Party-ID, else From), null when none.
   * On a queue leg the From display name is the queue's, not the caller's ({@link queueName}).
   */
  readonly callerName: string | null;
  /**
   * On a queue leg (`X-Neotel-Leg: queue`), the From display name: the PBX puts the queue's name
   * there, as Asterisk-based contact centers do (docs/agent-softphone.md, "The queue's name in the
   * INVITE"); null or absent on other legs or when none.
   */
  readonly queueName?: string | null;
  /**
   * Values of the INVITE headers the phone was asked to keep (`SipPhoneOptions.inviteHeaders`),
   * by the configured name as written there; absent headers are left out. Not validated here:
   * the platform's pop mapping checks them (src/platforms/sip/pop-data.ts).
   */
  readonly inviteHeaders?: Readonly<Record<string, string>>;
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
  /** The From URI (for a `tel:` caller); optional for older callers of the parser. */
  readonly fromUri?: string;
}

/** A caller identity: the number (URI user or `tel:` number) and the display name. */
export interface CallerIdentity {
  readonly number: string | null;
  readonly name: string | null;
}

const NAME_ADDR = /^\s*(?:"((?:[^"\\]|\\.)*)"|([^<"]*?))\s*<([^>]*)>(.*)$/s;

/** The user part of a `sip:`/`sips:` URI, or the number of a `tel:` URI; null otherwise. */
export function uriNumber(uri: string): string | null {
  const sip = /^sips?:([^@;?]+)@/i.exec(uri.trim());
  if (sip?.[1] !== undefined) return decodeURIComponent(sip[1]);
  const tel = /^tel:([^;?]+)/i.exec(uri.trim());
  return tel?.[1] ?? null;
}

/** One `name-addr` or `addr-spec` entry: display name, URI and the parameters after it. */
function parseNameAddr(entry: string): { name: string | null; uri: string; params: string } | null {
  const match = NAME_ADDR.exec(entry);
  if (match) {
    const name = (match[1] ?? match[2] ?? '').replace(/\\(.)/g, '$1').trim();
    return { name: name === '' ? null : name, uri: match[3]?.trim() ?? '', params: match[4] ?? '' };
  }
  const [uri = '', ...params] = entry.trim().split(';');
  return uri === '' ? null : { name: null, uri, params: params.map((p) => `;${p}`).join('') };
}

/**
 * The caller from `P-Asserted-Identity` (the first entry with a number: a PBX may send a `sip:`
 * and a `tel:` one) or from `Remote-Party-ID` (the `party=calling` entry, or one without `party`).
 * Null when neither header names a caller.
 */
export function assertedCaller(header: HeaderReader): CallerIdentity | null {
  for (const entry of splitOutsideBrackets(header('P-Asserted-Identity') ?? '')) {
    const parsed = parseNameAddr(entry);
    const number = parsed ? uriNumber(parsed.uri) : null;
    if (parsed && number !== null) return { number, name: parsed.name };
  }
  for (const entry of splitOutsideBrackets(header('Remote-Party-ID') ?? '')) {
    const parsed = parseNameAddr(entry);
    if (!parsed) continue;
    const party = /;\s*party\s*=\s*"?(\w+)/i.exec(parsed.params)?.[1]?.toLowerCase();
    const number = uriNumber(parsed.uri);
    if ((party === undefined || party === 'calling') && number !== null) return { number, name: parsed.name };
  }
  return null;
}

/** The values of `names` present in the INVITE (first occurrence of each), keyed by the name as given. */
export function readInviteHeaders(header: HeaderReader, names: readonly string[]): Record<string, string> {
  const found: Record<string, string> = {};
  for (const name of names) {
    const value = header(name);
    if (value !== undefined) found[name] = value;
  }
  return found;
}

/** Builds the app-facing call info from an INVITE; `headerNames` are kept in `inviteHeaders`. */
export function parseIncomingCall(invite: InviteParts, headerNames: readonly string[] = []): IncomingCallInfo {
  const fromName = invite.fromDisplayName?.trim().replace(/^"(.*)"$/, '$1');
  const asserted = assertedCaller(invite.header);
  const fromNumber = invite.fromUser === undefined || invite.fromUser === '' ? (invite.fromUri === undefined ? null : uriNumber(invite.fromUri)) : invite.fromUser;
  const number = asserted?.number ?? fromNumber;
  const leg = parseLegKind(invite.header('X-Neotel-Leg'));
  const fromIsQueue = leg === 'queue';
  const displayName = asserted?.name ?? (fromIsQueue ? undefined : fromName);
  return {
    sipCallId: invite.sipCallId,
    platformCallId: parsePlatformCallId(invite.header('X-Neotel-CallId')),
    leg,
    answerAfterSeconds: parseAnswerAfter(invite.header('Call-Info')),
    callerNumber: number === null || number === '' ? 'anonymous' : number,
    callerName: displayName === undefined || displayName === '' ? null : displayName,
    queueName: fromIsQueue && fromName !== undefined && fromName !== '' ? fromName : null,
    ...(headerNames.length === 0 ? {} : { inviteHeaders: readInviteHeaders(invite.header, headerNames) }),
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
