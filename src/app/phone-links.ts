/**
 * tel:, sip: and callto: links from any page (docs/phone-links.md).
 *
 * ```
 *  agent's click in settings ─► navigator.registerProtocolHandler(tel | sip | web+callto, <adapter>?link=%s)
 *  a link clicked anywhere ─► the browser opens <adapter>?link=tel%3A… (top level, the adapter's origin)
 *     link page ── BroadcastChannel "dialtone:phone-links" { dial, id, link } ──► the tab that owns the phone
 *     link page ◄── { answer, id, outcome: dialling | notLoggedIn | busy | badNumber } ──┘   (none in 4 s: noSoftphone)
 * ```
 *
 * Only the owner tab listens, so one click dials once however many Salesforce tabs are open; it
 * dials through the same `dial` intent (and dial plan) as the keypad.
 */
import type { PhoneLinksView } from '../view/agent-view.ts';
import { numberOfPhoneLink, PHONE_LINK_SCHEMES } from '../crm/phone-link.ts';
import { messageOf } from '../shared/errors.ts';

/** The channel between link pages and the owner tab (same origin: the adapter's). */
export const PHONE_LINK_CHANNEL = 'dialtone:phone-links';
/** How long a link page waits for the owner tab before saying no softphone answered. */
export const LINK_ANSWER_TIMEOUT_MS = 4000;
/** The query parameter the handler URL carries the clicked link in. */
export const LINK_PARAM = 'link';

/** What the owner tab did with a link. */
export type LinkOutcome = 'dialling' | 'notLoggedIn' | 'busy' | 'badNumber';

/** A link page's request (src/app/phone-link-page.ts sends it). */
export interface DialMessage {
  readonly v: 1;
  readonly type: 'dial';
  readonly id: string;
  readonly link: string;
}

/** The owner's answer to one {@link DialMessage}. */
export interface AnswerMessage {
  readonly v: 1;
  readonly type: 'answer';
  readonly id: string;
  readonly outcome: LinkOutcome;
}

const OUTCOMES: ReadonlySet<string> = new Set(['dialling', 'notLoggedIn', 'busy', 'badNumber']);

function isDial(value: unknown): value is DialMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return m.v === 1 && m.type === 'dial' && typeof m.id === 'string' && m.id.length <= 64 && typeof m.link === 'string';
}

/** Whether `value` is the owner's answer to the request `id`. */
export function isAnswer(value: unknown, id: string): value is AnswerMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return m.v === 1 && m.type === 'answer' && m.id === id && typeof m.outcome === 'string' && OUTCOMES.has(m.outcome);
}

/** The handler URL for this adapter page: same origin and path, the link in `?link=`. */
export function phoneLinkHandlerUrl(location: Pick<Location, 'origin' | 'pathname'>): string {
  return `${location.origin}${location.pathname}?${LINK_PARAM}=%s`;
}

/**
 * Asks the browser to open tel:, sip: and web+callto: links with this adapter. Must run in the
 * agent's click (browsers want a user gesture and show their own prompt); the browser allows it
 * only for a handler URL on the page's own origin, over https or on localhost.
 */
export function registerPhoneLinks(nav: Partial<Pick<Navigator, 'registerProtocolHandler'>> | undefined, location: Pick<Location, 'origin' | 'pathname'> | undefined): PhoneLinksView {
  if (typeof nav?.registerProtocolHandler !== 'function' || location === undefined) return { status: 'unsupported', detail: null };
  const url = phoneLinkHandlerUrl(location);
  try {
    for (const scheme of PHONE_LINK_SCHEMES) nav.registerProtocolHandler(scheme, url);
    return { status: 'registered', detail: null };
  } catch (error) {
    return { status: 'failed', detail: messageOf(error) };
  }
}

/** Whether this browser offers the registration at all. */
export function phoneLinksSupported(nav: Partial<Pick<Navigator, 'registerProtocolHandler'>> | undefined): PhoneLinksView {
  return { status: typeof nav?.registerProtocolHandler === 'function' ? 'available' : 'unsupported', detail: null };
}

/**
 * The owner tab's side: hears link pages and answers each once. `dial` decides (and dials) from
 * the number the link carries. Returns the stop function; without BroadcastChannel, a no-op.
 */
export function listenForPhoneLinks(dial: (number: string) => Exclude<LinkOutcome, 'badNumber'>, warn: (message: string, cause?: unknown) => void): () => void {
  if (typeof BroadcastChannel !== 'function') return () => undefined;
  const channel = new BroadcastChannel(PHONE_LINK_CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (!isDial(event.data)) return;
    const parsed = numberOfPhoneLink(event.data.link);
    let outcome: LinkOutcome = 'badNumber';
    if (parsed.ok) outcome = dial(parsed.number);
    else warn(`a phone link was not dialled: ${parsed.reason}`);
    const answer: AnswerMessage = { v: 1, type: 'answer', id: event.data.id, outcome };
    channel.postMessage(answer);
  };
  return () => channel.close();
}

/** Whether this page load is a clicked phone link (the handler URL), not the softphone. */
export function isPhoneLinkPage(search: string): boolean {
  return new URLSearchParams(search).has(LINK_PARAM);
}
