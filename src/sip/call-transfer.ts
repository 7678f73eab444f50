import { SessionState, URI, type Notification, type Session } from 'sip.js';
import { describeValue } from '../shared/errors.ts';
import type { DtmfTiming } from './dtmf-timing.ts';

/**
 * SIP-level pieces of transfer and DTMF that only need a sip.js session: REFER (RFC 3515) with
 * its NOTIFY progress, and DTMF by SIP INFO. An attended transfer's `Refer-To` is the consulted
 * party's address *as dialled* plus `?Replaces=call-id;to-tag;from-tag` (RFC 3891): sip.js would
 * use the party's Contact, which a proxy cannot route (a baresip or desk-phone Contact such as
 * `sip:colleague-0x5…@10.0.0.7:40529` is not in the location table, Kamailio answers 404) and
 * which may sit behind NAT; the AOR goes through the proxy like any call.
 *
 * ```
 *  refer ──REFER──► 202 Accepted ──NOTIFY "SIP/2.0 1xx"…──► NOTIFY "SIP/2.0 2xx" ──► completed
 *    │                  │                                 └─► NOTIFY ≥ 300 ─────────► failed
 *    └─► 4xx-6xx ─► failed                 no final NOTIFY within timeoutMs ─► completed (accepted is
 *                                                                              all RFC 3515 promises)
 * ```
 */

/** How a REFER ended. */
export type ReferOutcome =
  | { readonly ok: true; readonly detail: string }
  | { readonly ok: false; readonly statusCode: number | null; readonly detail: string };

/** The status line of a `message/sipfrag` NOTIFY body (`SIP/2.0 200 OK`), or null. */
export function sipfragStatus(body: string): { statusCode: number; reason: string } | null {
  const match = /^\s*SIP\/2\.0\s+(\d{3})\s*([^\r\n]*)/.exec(body);
  return match?.[1] === undefined ? null : { statusCode: Number(match[1]), reason: match[2]?.trim() ?? '' };
}

/**
 * Sends REFER on `session` (established) towards `referTo` and follows its NOTIFYs. `onAccepted`
 * runs on the 202. Never rejects: a refusal, a transport error or a failed NOTIFY is an outcome.
 */
export function referAndFollow(session: Session, referTo: URI | Session, timeoutMs: number, onAccepted: () => void): Promise<ReferOutcome> {
  return new Promise<ReferOutcome>((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    const settle = (outcome: ReferOutcome): void => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      resolve(outcome);
    };
    const onNotify = (notification: Notification): void => {
      void notification.accept().catch(() => undefined);
      const status = sipfragStatus(notification.request.body);
      if (!status || status.statusCode < 200) return;
      if (status.statusCode < 300) settle({ ok: true, detail: `NOTIFY ${status.statusCode} ${status.reason}`.trim() });
      else settle({ ok: false, statusCode: status.statusCode, detail: `the transfer target answered ${status.statusCode} ${status.reason}`.trim() });
    };
    session
      .refer(referTo, {
        onNotify,
        requestDelegate: {
          onAccept: () => {
            onAccepted();
            timer = setTimeout(() => settle({ ok: true, detail: `accepted; no final NOTIFY within ${timeoutMs} ms` }), timeoutMs);
          },
          onReject: (response) => {
            const { statusCode = 0, reasonPhrase = '' } = response.message;
            settle({ ok: false, statusCode, detail: `REFER refused with ${statusCode} ${reasonPhrase}`.trim() });
          },
        },
      })
      .catch((error: unknown) => settle({ ok: false, statusCode: null, detail: `REFER not sent: ${error instanceof Error ? error.message : describeValue(error)}` }));
  });
}

/**
 * The Refer-To of an attended transfer: the consult call's request URI (the AOR we dialled) with a
 * `Replaces` header naming the consult dialog. Throws when the consult call has no dialog yet.
 */
export function replacesTarget(consult: Session): URI {
  const dialog = consult.dialog;
  if (!dialog) throw new Error('replacesTarget(): the consult call has no dialog yet (expected it established).');
  const dialled = dialog.remoteURI;
  const replaces = encodeURIComponent(`${dialog.callId};to-tag=${dialog.remoteTag};from-tag=${dialog.localTag}`);
  return new URI(dialled.scheme, dialled.user ?? '', dialled.host, dialled.port, {}, { Replaces: [replaces] });
}

/**
 * Sends one digit as SIP INFO `application/dtmf-relay` (the de-facto format Asterisk, FreeSWITCH
 * and baresip read). False when the call is not up. The INFO's answer is not awaited: the queue
 * already paces digits, and a lost INFO must not stall the ones after it.
 */
export function sendDtmfByInfo(session: Session, digit: string, timing: DtmfTiming): boolean {
  if (session.state !== SessionState.Established) return false;
  const content = `Signal=${digit}\r\nDuration=${timing.durationMs}\r\n`;
  session
    .info({ requestOptions: { body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content } } })
    .catch((error: unknown) => console.warn('[dialtone sip] DTMF INFO not sent', error));
  return true;
}
