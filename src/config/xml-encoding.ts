/**
 * Turns the bytes of a call-center definition file into text the way an XML parser does
 * (XML 1.0 §4.3.3 and appendix F), so a file saved as ISO-8859-1 reads `Muñoz`, not `Mu�oz`:
 *
 *   1. a byte-order mark (UTF-8, UTF-16LE/BE) names the encoding;
 *   2. else the XML declaration's `encoding="…"`;
 *   3. else UTF-8, the XML default.
 *
 * An encoding this runtime cannot decode, or bytes that are not valid in the encoding in force,
 * is an `XML_SYNTAX` problem with the line, the byte and what to do — never replacement
 * characters that would be imported into Salesforce as they are.
 */
import { byteOrderMarkEncoding, decoderFor, firstInvalidUtf8, xmlDeclaredEncoding } from '../shared/text-encoding.ts';
import type { ConfigIssue } from './config-error.ts';
import { syntaxIssue } from './xml-lexical.ts';

/** The text of the definition, or the problem that stops it from being read. */
export type XmlDecodeResult = { readonly ok: true; readonly text: string; readonly encoding: string } | { readonly ok: false; readonly errors: readonly ConfigIssue[] };

const SUPPORTED = 'UTF-8 (recommended), UTF-16, or an encoding of the WHATWG Encoding Standard such as ISO-8859-1, windows-1252 or ISO-8859-15';

/** The encoding the file's first bytes declare, and where that came from. */
function declaredEncoding(bytes: Uint8Array): { readonly label: string; readonly source: string } {
  const bom = byteOrderMarkEncoding(bytes);
  if (bom !== undefined) return { label: bom, source: 'its byte-order mark' };
  const label = xmlDeclaredEncoding(bytes);
  return label === undefined ? { label: 'utf-8', source: 'no encoding declaration (UTF-8 is the XML default)' } : { label, source: `its XML declaration (encoding="${label}")` };
}

/** 1-based line and column of byte `offset`, counting LF, CRLF and lone CR as line ends. */
function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = 0; at < offset; at++) {
    const byte = bytes[at];
    if (byte === 0x0a || (byte === 0x0d && bytes[at + 1] !== 0x0a)) {
      line++;
      lineStart = at + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Decodes a definition file's bytes with the encoding it declares. */
export function decodeXmlBytes(bytes: Uint8Array): XmlDecodeResult {
  const { label, source } = declaredEncoding(bytes);
  const decoder = decoderFor(label, true);
  if (decoder === undefined) {
    const issue = syntaxIssue('XML_SYNTAX', `declares the encoding ${JSON.stringify(label)}, which cannot be decoded`, { line: 1, column: 1 }, label, `${SUPPORTED}; save the file in one of them and declare it`);
    return { ok: false, errors: [issue] };
  }
  try {
    return { ok: true, text: decoder.decode(bytes), encoding: decoder.encoding };
  } catch {
    // TextDecoder says only that some byte is bad: find it, to point the admin at it.
    const offset = decoder.encoding === 'utf-8' ? firstInvalidUtf8(bytes) : -1;
    const position = offset === -1 ? undefined : positionOfByte(bytes, offset);
    const received = offset === -1 ? undefined : `byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')}`;
    const problem = `has bytes that are not valid ${decoder.encoding}, the encoding given by ${source}`;
    const expected = `text in ${decoder.encoding}: save the file as UTF-8, or declare the encoding it is saved in (e.g. <?xml version="1.0" encoding="ISO-8859-1"?>)`;
    return { ok: false, errors: [syntaxIssue('XML_SYNTAX', problem, position, received, expected)] };
  }
}
