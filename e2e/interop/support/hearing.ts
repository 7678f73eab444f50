/**
 * "Does this page hear that tone?" — proof of audio, not of signalling: new RTP packets must
 * arrive, the expected sine must stand out of the noise floor at its frequency, and the page's
 * own microphone frequency must not (no loopback of its own voice).
 */

import { audioRtpStats, measureTone, type ToneMeasurement } from '../../support/audio.ts';
import type { InteropPhone } from './phone.ts';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface Hearing extends ToneMeasurement {
  /** Level at the frequency that must NOT be heard (the page's own microphone), dB. */
  ownLevelDb: number;
  /** RTP packets that arrived while waiting for audio. */
  packets: number;
  codec: string | undefined;
}

/**
 * Waits (≤ 3 s) for `minPackets` new inbound RTP packets on `phone`'s page, then measures the
 * spectrum for `durationMs` at `hz` and at `ownHz`.
 */
export async function hearing(phone: InteropPhone, hz: number, ownHz: number, durationMs = 600, minPackets = 25): Promise<Hearing> {
  const before = (await audioRtpStats(phone.page)).packetsReceived;
  let stats = await audioRtpStats(phone.page);
  for (let attempt = 0; attempt < 60 && stats.packetsReceived - before < minPackets; attempt++) {
    await sleep(50);
    stats = await audioRtpStats(phone.page);
  }
  const packets = stats.packetsReceived - before;
  if (packets < minPackets) throw new Error(`${phone.label} received ${packets} RTP packets in 3 s (expected ≥ ${minPackets}): no audio reaches it`);
  const measured = await measureTone(phone.page, hz, durationMs);
  if (!measured) throw new Error(`${phone.label} has no remote audio track on its analyser`);
  const own = await measureTone(phone.page, ownHz, 200);
  return { ...measured, ownLevelDb: own?.levelDb ?? -Infinity, packets, codec: stats.inboundCodec };
}
