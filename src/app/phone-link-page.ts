/**
 * The page a clicked tel:/sip:/callto: link opens (docs/phone-links.md): reads `?link=`, hands the
 * link to the tab that owns the phone over `BroadcastChannel`, and reports the outcome. Loaded only
 * on that page (`src/main.ts`, a dynamic import), never by the softphone.
 */
import { numberOfPhoneLink } from '../crm/phone-link.ts';
import { isAnswer, LINK_ANSWER_TIMEOUT_MS, LINK_PARAM, PHONE_LINK_CHANNEL, type DialMessage, type LinkOutcome } from './phone-links.ts';

/** What the link page shows. */
export type LinkPageStatus = 'sending' | LinkOutcome | 'noSoftphone';

/** The link page's state: the link as clicked, the number read from it, and where it is. */
export interface LinkPageState {
  readonly link: string;
  readonly number: string | null;
  readonly status: LinkPageStatus;
}

/**
 * The page a clicked link opens: reads `?link=`, hands it to the owner tab and reports what
 * happened through `render`. Resolves with the final state.
 */
export async function runPhoneLinkPage(search: string, render: (state: LinkPageState) => void, timeoutMs = LINK_ANSWER_TIMEOUT_MS): Promise<LinkPageState> {
  const link = new URLSearchParams(search).get(LINK_PARAM) ?? '';
  const parsed = numberOfPhoneLink(link);
  if (!parsed.ok) {
    const state: LinkPageState = { link, number: null, status: 'badNumber' };
    render(state);
    return state;
  }
  const sending: LinkPageState = { link, number: parsed.number, status: 'sending' };
  render(sending);
  if (typeof BroadcastChannel !== 'function') {
    const state: LinkPageState = { ...sending, status: 'noSoftphone' };
    render(state);
    return state;
  }
  const channel = new BroadcastChannel(PHONE_LINK_CHANNEL);
  const id = globalThis.crypto.randomUUID();
  const status = await new Promise<LinkPageStatus>((resolve) => {
    const timer = setTimeout(() => resolve('noSoftphone'), timeoutMs);
    channel.onmessage = (event: MessageEvent<unknown>) => {
      if (!isAnswer(event.data, id)) return;
      clearTimeout(timer);
      resolve(event.data.outcome);
    };
    const message: DialMessage = { v: 1, type: 'dial', id, link };
    channel.postMessage(message);
  });
  channel.close();
  const state: LinkPageState = { ...sending, status };
  render(state);
  return state;
}

