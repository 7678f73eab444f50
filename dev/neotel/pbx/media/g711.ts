/**
 * G.711 µ-law (PCMU, RTP payload type 0), the only codec the simulated PBX speaks
 * (werift-probe.md: "PCMU only"). A standard bias-0x84 segment encoder and a 256-entry decode
 * table; no dependency needed.
 */

const BIAS = 0x84;
const CLIP = 32635;

/** Encodes one signed 16-bit sample to a µ-law byte. */
export function ulawEncodeSample(sample: number): number {
  let magnitude = Math.trunc(sample);
  const sign = magnitude < 0 ? 0x80 : 0;
  if (sign) magnitude = -magnitude;
  if (magnitude > CLIP) magnitude = CLIP;
  magnitude += BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (magnitude & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (magnitude >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

function decodeByte(byte: number): number {
  const inverted = ~byte & 0xff;
  const exponent = (inverted >> 4) & 0x07;
  const mantissa = inverted & 0x0f;
  const magnitude = (((mantissa << 3) + BIAS) << exponent) - BIAS;
  return inverted & 0x80 ? -magnitude : magnitude;
}

const DECODE_TABLE = Int16Array.from({ length: 256 }, (_, byte) => decodeByte(byte));

/** Decodes one µ-law byte to a signed 16-bit sample. */
export function ulawDecodeSample(byte: number): number {
  return DECODE_TABLE[byte & 0xff]!;
}

/** Encodes 16-bit PCM to µ-law bytes (one byte per sample). */
export function ulawEncode(pcm: Int16Array): Uint8Array {
  const out = new Uint8Array(pcm.length);
  for (let i = 0; i < pcm.length; i++) out[i] = ulawEncodeSample(pcm[i]!);
  return out;
}

/** Decodes µ-law bytes to 16-bit PCM. */
export function ulawDecode(bytes: Uint8Array): Int16Array {
  const out = new Int16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = DECODE_TABLE[bytes[i]!]!;
  return out;
}
