/**
 * The parts of the phone only a call uses, in a chunk of their own that loads after REGISTER 200
 * (./lazy-call-parts.ts; issue 18, "Size"): the second line (blind and attended transfer, the
 * consult call, the browser-mixed conference), the DTMF queue and SIP INFO digits, and the
 * ringtone. Registering needs none of them; an INVITE never waits for them (the ringtone starts
 * when it arrives, the answer does not wait: ./phone-audio.ts).
 */
export { SecondLine } from './second-line.ts';
export { Ringtone } from './ringtone.ts';
export { DtmfQueue } from './dtmf-queue.ts';
export { sendDtmfByInfo } from './call-transfer.ts';
