/**
 * Decoding declared charsets (NeoApi answers, call-center definition files) with `TextDecoder`,
 * which knows the encodings of the WHATWG Encoding Standard in browsers and in Node.
 */

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (at < bytes.length) {
    const lead = bytes[at] ?? 0;
    if (lead < 0x80) {
      at++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return at;
    const second = bytes[at + 1] ?? 0;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    if (second < low || second > high) return at;
    for (let k = 2; k < length; k++) if (((bytes[at + k] ?? 0) & 0xc0) !== 0x80) return at;
    at += length;
  }
  return -1;
}

/** A decoder for `label`, or `undefined` when it names no encoding this runtime knows. */
export function decoderFor(label: string, fatal: boolean): TextDecoder | undefined {
  try {
    return new TextDecoder(label, { fatal });
  } catch (error) {
    // A RangeError: the label is not an encoding of the WHATWG Encoding Standard.
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** The bytes read for an XML declaration: it is the first thing in a document. */
const DECLARATION_BYTES = 256;

/** The encoding a byte-order mark at the start of `bytes` names, or `undefined`. */
export function byteOrderMarkEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * The `encoding` of an XML declaration at the start of `bytes`, lower-cased, or `undefined`. The
 * declaration is ASCII in every encoding it may name (UTF-16 documents carry a byte-order mark).
 */
export function xmlDeclaredEncoding(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, DECLARATION_BYTES));
  const declaration = /^<\?xml\s[^>]*?\?>/u.exec(head)?.[0];
  return declaration === undefined ? undefined : /\sencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/u.exec(declaration)?.[1]?.toLowerCase();
}
