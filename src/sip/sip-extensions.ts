/**
 * What sip.js 0.21 gets wrong against real PBXes, corrected in one place (docs/interop-kamailio.md,
 * "What the phone advertises"):
 *
 * - **UPDATE** (RFC 3311). sip.js answers an in-dialog UPDATE `501 Not Implemented` and leaves it
 *   out of `Allow`, so a PBX that refreshes a session timer (RFC 4028) or updates the connected
 *   party with UPDATE sees the call fail. Here an UPDATE without a body (a session refresh) is
 *   answered 200; one with an SDP offer goes through the call's own session description handler
 *   (like a re-INVITE) and is answered 200 with the answer, or 488 if the offer cannot be used.
 * - **Session timers** (RFC 4028). The phone does not list `timer` in `Supported`, so the PBX (or
 *   the calling party) is the refresher; it refreshes by re-INVITE (sip.js answers those) or by
 *   UPDATE (answered here). The 200 carries no `Session-Expires`, as §9 asks of a UAS without timer support.
 * - **`Supported: outbound`**. sip.js advertises SIP Outbound (RFC 5626) without doing it (no
 *   `reg-id`, no flow keep-alive per RFC 5626 §4.4): {@link stopAdvertisingOutbound} removes it.
 *
 * `installSipExtensions()` patches sip.js's `SessionDialog` once per page; every phone calls it.
 */
import { Core, type UserAgent } from 'sip.js';
import { AllowedMethods } from 'sip.js/lib/core/user-agent-core/allowed-methods.js';
import { Dialog } from 'sip.js/lib/core/dialogs/dialog.js';
import { SessionDialog } from 'sip.js/lib/core/dialogs/session-dialog.js';
import { InfoUserAgentServer } from 'sip.js/lib/core/user-agents/info-user-agent-server.js';

let installed = false;

/** The api Session's offer/answer step (protected in sip.js's types; present at run time). */
interface OfferAnswer {
  setOfferAndGetAnswer(offer: Core.Body, options: object): Promise<Core.Body>;
}

function canAnswerOffers(delegate: unknown): delegate is OfferAnswer {
  return typeof delegate === 'object' && delegate !== null && typeof (delegate as Partial<OfferAnswer>).setOfferAndGetAnswer === 'function';
}

/** Answers one in-dialog UPDATE (the dialog already checked its CSeq). */
function answerUpdate(dialog: SessionDialog, message: Core.IncomingRequestMessage): void {
  const uas = new InfoUserAgentServer(dialog, message);
  // A 2xx to a target refresh request carries our Contact (RFC 3311 §5.2).
  const contact = `Contact: ${dialog.userAgentCore.configuration.contact.toString()}`;
  const body = Core.getBody(message);
  if (!body) {
    uas.accept({ statusCode: 200, extraHeaders: [contact] });
    return;
  }
  const session = dialog.delegate;
  if (!canAnswerOffers(session)) {
    uas.reject({ statusCode: 488 });
    return;
  }
  session.setOfferAndGetAnswer(body, {}).then(
    (answer) => uas.accept({ statusCode: 200, extraHeaders: [contact], body: answer }),
    () => uas.reject({ statusCode: 488 }),
  );
}

/** Patches sip.js (once): UPDATE answered, and listed in `Allow`. */
export function installSipExtensions(): void {
  if (installed) return;
  installed = true;
  if (!AllowedMethods.includes('UPDATE')) AllowedMethods.push('UPDATE');
  const prototype = SessionDialog.prototype;
  const receive: (this: SessionDialog, message: Core.IncomingRequestMessage) => void = Object.getOwnPropertyDescriptor(prototype, 'receiveRequest')?.value as never;
  prototype.receiveRequest = function receiveRequest(this: SessionDialog, message: Core.IncomingRequestMessage): void {
    if (message.method !== 'UPDATE') {
      receive.call(this, message);
      return;
    }
    // The dialog-level bookkeeping (remote CSeq) that SessionDialog's own receiveRequest starts with.
    Dialog.prototype.receiveRequest.call(this, message);
    answerUpdate(this, message);
  };
}

/** Removes `outbound` (RFC 5626, not implemented) from what `userAgent` lists in `Supported`. */
export function stopAdvertisingOutbound(userAgent: UserAgent): void {
  const configuration = userAgent.userAgentCore.configuration;
  for (const tags of [configuration.supportedOptionTags, configuration.supportedOptionTagsResponse]) {
    const at = tags.indexOf('outbound');
    if (at >= 0) tags.splice(at, 1);
  }
}
