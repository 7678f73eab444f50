/**
 * DTMF timing, apart from the queue that uses it (./dtmf-queue.ts): the phone builds every call's
 * media options with it at start-up, while the queue itself loads after REGISTER 200 with the
 * other call-only parts (./call-parts.ts).
 */

/** Timing of one digit on the wire. */
export interface DtmfTiming {
  /** Tone length, ms (RTCDTMFSender allows 40–6000; default 200). */
  readonly durationMs: number;
  /** Silence after it, ms (≥ 30; default 100). */
  readonly gapMs: number;
}

/**
 * Defaults for {@link DtmfTiming}. Not shorter: at 100 ms Chromium sends each digit as three RFC
 * 4733 "end" packets with no start, and baresip behind Kamailio + rtpengine registered 1 digit of 3;
 * 200 ms arrives whole (docs/interop-kamailio.md, "DTMF"). The app passes the admin's
 * `dtmfDurationMs` / `dtmfGapMs`.
 */
export const DEFAULT_DTMF_TIMING: DtmfTiming = { durationMs: 200, gapMs: 100 };
