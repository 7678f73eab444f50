/**
 * Turns the bytes of a NeoApi answer into text with the charset the answer declares
 * (docs/neoapi-contract.md §1.3):
 *
 *   1. the HTTP `Content-Type` `charset=` parameter (it overrides the XML declaration);
 *   2. else a byte-order mark (UTF-8, UTF-16LE/BE);
 *   3. else the XML declaration's `encoding="…"`;
 *   4. else UTF-8.
 *
 * A 200 answer carries the values shown to the agent and written to Salesforce, so it is decoded
 * strictly: an unknown charset or bytes that are not valid in the declared one is a
 * `MALFORMED_RESPONSE`, never text with `�` in it. Any other status is decoded leniently (bad
 * bytes become U+FFFD, an unknown charset reads as UTF-8): its text only feeds the error's message
 * and code, whose phrases are ASCII, and refusing it would hide the server's real error.
 */
import type { NeoApiBinding } from '../../config/config-types.ts';
import { byteOrderMarkEncoding, decoderFor, firstInvalidUtf8, xmlDeclaredEncoding } from '../../shared/text-encoding.ts';
import { NeoApiError } from './errors.ts';

/** Where the answer came from, for messages. */
export interface BodyContext {
  readonly method: string;
  readonly binding: NeoApiBinding;
  readonly status: number;
}

/** The `charset` parameter of a `Content-Type`, lower-cased, or `undefined`. */
export function charsetOfContentType(contentType: string): string | undefined {
  for (const parameter of contentType.split(';').slice(1)) {
    const at = parameter.indexOf('=');
    if (at === -1 || parameter.slice(0, at).trim().toLowerCase() !== 'charset') continue;
    const value = parameter.slice(at + 1).trim().replace(/^"(.*)"$/s, '$1').trim().toLowerCase();
    return value === '' ? undefined : value;
  }
  return undefined;
}

/** The charset to decode with and what declared it (for messages). */
export function declaredCharset(bytes: Uint8Array, contentType: string): { readonly label: string; readonly source: string } {
  const header = charsetOfContentType(contentType);
  if (header !== undefined) return { label: header, source: `Content-Type ${JSON.stringify(contentType)}` };
  const bom = byteOrderMarkEncoding(bytes);
  if (bom !== undefined) return { label: bom, source: 'its byte-order mark' };
  const xml = xmlDeclaredEncoding(bytes);
  if (xml !== undefined) return { label: xml, source: `its XML declaration (encoding="${xml}")` };
  return { label: 'utf-8', source: 'no declaration (UTF-8 is the default)' };
}

/** The answer's text; throws a `MALFORMED_RESPONSE` {@link NeoApiError} for a 200 it cannot read truly. */
export function decodeBodyText(bytes: Uint8Array, contentType: string, context: BodyContext): string {
  const { method, binding, status } = context;
  const { label, source } = declaredCharset(bytes, contentType);
  const strict = status === 200;
  const decoder = decoderFor(label, strict);
  const refuse = (problem: string): NeoApiError =>
    new NeoApiError('MALFORMED_RESPONSE', method, `NeoApi ${method} (${binding}) answered HTTP ${status} ${problem}`, { status });
  if (decoder === undefined) {
    if (!strict) return new TextDecoder('utf-8').decode(bytes);
    throw refuse(
      `in the charset ${JSON.stringify(label)} (declared by ${source}), which this browser cannot decode; expected UTF-8, or an encoding of the WHATWG Encoding Standard such as ISO-8859-1, windows-1252, ISO-8859-15 or UTF-16.`,
    );
  }
  try {
    return decoder.decode(bytes);
  } catch (cause) {
    const at = decoder.encoding === 'utf-8' ? firstInvalidUtf8(bytes) : -1;
    const where = at === -1 ? '' : ` (byte ${at}: 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')})`;
    throw new NeoApiError(
      'MALFORMED_RESPONSE',
      method,
      `NeoApi ${method} (${binding}) answered HTTP ${status} with bytes that are not valid ${decoder.encoding}${where}; the charset came from ${source}. Expected text in that charset: if the server writes another one (ISO-8859-1…), it must say so in its Content-Type charset or XML declaration.`,
      { status, cause },
    );
  }
}
