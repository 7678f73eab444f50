/**
 * The little XML this client must read and write: escaping parameter values into a SOAP body, and
 * unescaping the text of the one-element ASMX bodies. No DOM: the client also runs in Node (tests),
 * and the answers are machine-written by `XmlSerializer`, so a strict reader of that shape is safer
 * than a general parser — anything else is refused, never half-read.
 */

/** Escapes element text and attribute values: `&`, `<`, `>`, `"`, `'`. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${c === '&' ? 'amp' : c === '<' ? 'lt' : c === '>' ? 'gt' : c === '"' ? 'quot' : 'apos'};`);
}

/** Characters XML 1.0 forbids, even as character references (`&#0;`, lone surrogates…). */
function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/**
 * A Map, not an object literal: the entity name comes from the answer, and `&constructor;` or
 * `&toString;` must be refused as unknown, not find Object.prototype's members.
 */
const NAMED: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/**
 * Unescapes XML character data: the five named entities and `&#N;`/`&#xH;` references; CDATA
 * sections are taken literally. Returns `undefined` when the text is not well-formed character
 * data (a raw `<`, an unknown or unterminated entity, a forbidden character reference), so the
 * caller can refuse the whole answer.
 */
export function unescapeXmlText(text: string): string | undefined {
  let out = '';
  let at = 0;
  while (at < text.length) {
    const lt = text.indexOf('<', at);
    const chunkEnd = lt === -1 ? text.length : lt;
    const chunk = decodeEntities(text.slice(at, chunkEnd));
    if (chunk === undefined) return undefined;
    out += chunk;
    if (lt === -1) break;
    if (!text.startsWith('<![CDATA[', lt)) return undefined; // markup inside a text-only element
    const close = text.indexOf(']]>', lt + 9);
    if (close === -1) return undefined;
    out += text.slice(lt + 9, close);
    at = close + 3;
  }
  // XML end-of-line handling: a parser hands the application \n for \r\n and lone \r.
  return out.replace(/\r\n?/g, '\n');
}

/** The character `&name;` stands for (`name` without `&` and `;`), or `undefined` when none. */
function entityValue(name: string): string | undefined {
  const named = NAMED.get(name);
  if (named !== undefined) return named;
  const ref = /^#(?:x([0-9a-fA-F]{1,6})|(\d{1,7}))$/.exec(name);
  const code = ref ? Number.parseInt(ref[1] ?? ref[2] ?? '', ref[1] === undefined ? 10 : 16) : Number.NaN;
  return isXmlChar(code) ? String.fromCodePoint(code) : undefined;
}

/** Decodes the references of character data; stops at the first bad one (the answer is refused). */
function decodeEntities(text: string): string | undefined {
  if (text.includes(']]>')) return undefined; // not allowed in character data
  const parts: string[] = [];
  let at = 0;
  for (let amp = text.indexOf('&'); amp !== -1; amp = text.indexOf('&', at)) {
    const semicolon = text.indexOf(';', amp + 1);
    // Names are short: a `;` more than 12 characters on (or none) means a bare `&`.
    const value = semicolon === -1 || semicolon - amp > 12 ? undefined : entityValue(text.slice(amp + 1, semicolon));
    if (value === undefined) return undefined;
    parts.push(text.slice(at, amp), value);
    at = semicolon + 1;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * Decodes the HTML encoding ASMX applies to HTTP error texts (`HttpUtility.HtmlEncode`: `&lt;`,
 * `&gt;`, `&amp;`, `&quot;`, `&#39;`). Lenient: unknown entities stay as they are.
 */
export function unescapeHtmlText(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g, (match, name: string) => {
    const named = NAMED.get(name);
    if (named !== undefined) return named;
    const code = name.startsWith('#x') ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return isXmlChar(code) ? String.fromCodePoint(code) : match;
  });
}

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
