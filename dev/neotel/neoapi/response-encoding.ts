/**
 * The encoding the simulated server answers in, like ASP.NET's `<globalization
 * responseEncoding="…"/>` in web.config (`POST /control/neoapi/encoding`). UTF-8 is the default
 * and what a stock server sends. With `iso-8859-1` every answer is written in Latin-1 (a character
 * outside it becomes `?`, .NET's replacement fallback), `XmlSerializer`'s declaration says
 * `encoding="iso-8859-1"`, and the `Content-Type` says `charset=iso-8859-1` — unless
 * `charsetInHeader` is false, as when a proxy drops the parameter and only the declaration is left.
 */

/** The encodings `POST /control/neoapi/encoding` accepts. */
export const RESPONSE_ENCODINGS = ['utf-8', 'iso-8859-1'] as const;
export type ResponseEncodingName = (typeof RESPONSE_ENCODINGS)[number];

export interface ResponseEncoding {
  encoding: ResponseEncodingName;
  /** Whether `Content-Type` carries `charset=`; the XML declaration always names the encoding. */
  charsetInHeader: boolean;
}

export const DEFAULT_RESPONSE_ENCODING: ResponseEncoding = { encoding: 'utf-8', charsetInHeader: true };

/** An answer as it goes on the wire: its bytes and its `Content-Type`. */
export function encodeAnswer(body: string, contentType: string | undefined, setting: ResponseEncoding): { bytes: Buffer; contentType: string | undefined } {
  if (setting.encoding === 'utf-8' && setting.charsetInHeader) return { bytes: Buffer.from(body, 'utf8'), contentType };
  const text = setting.encoding === 'utf-8' ? body : body.replace(/^(<\?xml[^>]*encoding=")utf-8(")/u, `$1${setting.encoding}$2`).replace(/[^\p{ASCII}\u0080-\u00ff]/gu, '?');
  const bytes = Buffer.from(text, setting.encoding === 'utf-8' ? 'utf8' : 'latin1');
  const type = contentType?.replace(/;\s*charset=[^;]*/iu, setting.charsetInHeader ? `; charset=${setting.encoding}` : '');
  return { bytes, contentType: type };
}
