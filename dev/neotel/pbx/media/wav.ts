/**
 * RIFF/WAVE for the PBX's recordings: 44-byte canonical header + little-endian 16-bit PCM.
 * `parseWav` exists so tests (ours and the contact center's) can check what a recording holds.
 */

/** What a WAV file describes. */
export interface WavInfo {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** Mono 16-bit samples (the only layout this module writes or reads). */
  samples: Int16Array;
}

const HEADER_BYTES = 44;

/** Serialises mono 16-bit PCM as a canonical 44-byte-header WAV. */
export function encodeWav(samples: Int16Array, sampleRate = 8000): Uint8Array {
  const dataBytes = samples.length * 2;
  const bytes = new Uint8Array(HEADER_BYTES + dataBytes);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string): void => {
    for (let i = 0; i < text.length; i++) view.setUint8(offset + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // PCM fmt chunk size
  view.setUint16(20, 1, true); // format 1 = integer PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // byte rate
  view.setUint16(32, 2, true); // block align
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < samples.length; i++) view.setInt16(HEADER_BYTES + i * 2, samples[i]!, true);
  return bytes;
}

/**
 * Reads a mono 16-bit PCM WAV (chunks in any order, unknown chunks skipped).
 * Throws with what was wrong and where when the file is not one.
 */
export function parseWav(bytes: Uint8Array): WavInfo {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (offset: number): string =>
    String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (bytes.length < 12 || ascii(0) !== 'RIFF' || ascii(8) !== 'WAVE') {
    throw new Error(`Not a RIFF/WAVE file: expected "RIFF....WAVE" at byte 0, got ${JSON.stringify(ascii(0))}`);
  }
  let format: { sampleRate: number; channels: number; bitsPerSample: number } | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = ascii(offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (body + size > bytes.length) throw new Error(`WAV chunk "${id}" at byte ${offset} claims ${size} bytes, only ${bytes.length - body} remain`);
    if (id === 'fmt ') {
      const audioFormat = view.getUint16(body, true);
      if (audioFormat !== 1) throw new Error(`WAV fmt: expected integer PCM (1), got format ${audioFormat}`);
      format = { channels: view.getUint16(body + 2, true), sampleRate: view.getUint32(body + 4, true), bitsPerSample: view.getUint16(body + 14, true) };
    } else if (id === 'data') {
      if (!format) throw new Error(`WAV: "data" chunk at byte ${offset} comes before any "fmt " chunk`);
      if (format.channels !== 1 || format.bitsPerSample !== 16) {
        throw new Error(`WAV: expected mono 16-bit, got ${format.channels} channel(s) of ${format.bitsPerSample} bits`);
      }
      const samples = new Int16Array(size >> 1);
      for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(body + i * 2, true);
      return { ...format, samples };
    }
    offset = body + size + (size & 1);
  }
  throw new Error('WAV: no "data" chunk found');
}
