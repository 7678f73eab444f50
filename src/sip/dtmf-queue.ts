import { describeValue } from '../shared/errors.ts';
import { SipPhoneError } from './errors.ts';
import { DEFAULT_DTMF_TIMING, type DtmfTiming } from './dtmf-timing.ts';

export { DEFAULT_DTMF_TIMING, type DtmfTiming } from './dtmf-timing.ts';

/** Digits RFC 4733 can carry (`RTCDTMFSender` accepts the same set plus `,`). */
const DTMF_DIGIT = /^[0-9*#A-D]$/;

/**
 * Extra wait after each digit's tone and gap before the next `insertDTMF`. Chromium's DTMF sender
 * drops its own pending playout task whenever `insertDTMF` is called and paces tones on its own
 * clock, so a page timer that fires at exactly tone + gap sometimes lands while the previous event
 * is still going out: measured behind Kamailio + rtpengine, baresip then missed about one digit in
 * four (`1234567890*#5#` arrived as `12356790*5#`); with this margin every digit arrived
 * (docs/interop-kamailio.md, "DTMF").
 */
export const SENDER_MARGIN_MS = 150;

/** Most digits waiting at once; more is a stuck key or a bug, not an agent typing. */
export const MAX_QUEUED_DIGITS = 64;

/** Sends one digit; false when the media path cannot carry it (no DTMF sender). */
export type DigitSender = (digit: string, timing: DtmfTiming) => boolean;

interface QueuedDigit {
  readonly digit: string;
  readonly resolve: () => void;
  readonly reject: (error: SipPhoneError) => void;
}

/**
 * Sends DTMF one digit at a time, waiting for each tone and its gap before the next, so digits
 * typed quickly by the agent are neither merged nor lost (RTCDTMFSender replaces its tone
 * buffer on every `insertDTMF` call if fed while busy). Each `enqueue` resolves once its last
 * digit went out.
 */
export class DtmfQueue {
  private readonly pending: QueuedDigit[] = [];
  private running = false;
  private readonly wait: (ms: number) => Promise<void>;

  constructor(
    private readonly send: DigitSender,
    private readonly timing: DtmfTiming = DEFAULT_DTMF_TIMING,
    wait?: (ms: number) => Promise<void>,
    private readonly onSent: (digit: string) => void = () => undefined,
  ) {
    this.wait = wait ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Digits not sent yet. */
  get size(): number {
    return this.pending.length;
  }

  /** Queues `digits` (validated first: nothing is queued if any digit is invalid). */
  enqueue(digits: string): Promise<void> {
    const list = digits.toUpperCase().match(/./gsu) ?? [];
    const bad = list.find((digit) => !DTMF_DIGIT.test(digit));
    if (list.length === 0 || bad !== undefined) {
      return Promise.reject(
        new SipPhoneError('dtmf-invalid-digit', `sendDtmf(${describeValue(digits)}): ${bad === undefined ? 'no digit' : `digit ${describeValue(bad)}`} is not DTMF (expected 0-9, *, #, A-D).`),
      );
    }
    if (this.pending.length + list.length > MAX_QUEUED_DIGITS) {
      return Promise.reject(
        new SipPhoneError('dtmf-unavailable', `sendDtmf: ${this.pending.length} digits are already waiting; at most ${MAX_QUEUED_DIGITS} may be queued.`),
      );
    }
    const sent = list.map(
      (digit) =>
        new Promise<void>((resolve, reject) => {
          this.pending.push({ digit, resolve, reject });
        }),
    );
    void this.drain();
    return Promise.all(sent).then(() => undefined);
  }

  /** Drops every waiting digit (the call ended), rejecting their promises with `reason`. */
  clear(reason: SipPhoneError): void {
    for (const entry of this.pending.splice(0)) entry.reject(reason);
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let next = this.pending.shift(); next !== undefined; next = this.pending.shift()) {
        if (!this.send(next.digit, this.timing)) {
          const error = new SipPhoneError(
            'dtmf-unavailable',
            `DTMF ${describeValue(next.digit)} could not be sent by RFC 4733: the call has no DTMF sender (send it with NeoApi SendDTMF instead).`,
          );
          next.reject(error);
          this.clear(error);
          break;
        }
        this.onSent(next.digit);
        await this.wait(this.timing.durationMs + this.timing.gapMs + SENDER_MARGIN_MS);
        next.resolve();
      }
    } finally {
      this.running = false;
    }
  }
}
