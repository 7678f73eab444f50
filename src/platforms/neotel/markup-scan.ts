/**
 * Linear scans over the markup of NeoApi answers. The answers come from a server (or a proxy in
 * front of it) we do not control, so every scan here looks at each character a bounded number of
 * times: no regex is tried at every position of the body, and a search that found nothing is never
 * repeated from a later position. An unanchored regex such as `/<[^>]*>/g` on a body of `<`
 * costs n²/2 steps (minutes at the 1 MiB body cap); these cost n (docs/neoapi-contract.md §1.4).
 */

/** The most of an HTML error page read for its message; its `<title>` is at the top. */
export const MAX_ERROR_PAGE_SCAN = 64 * 1024;

/** Lower-cases ASCII letters only, so every offset into the result is an offset into `text`. */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

function isWordCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
}

/** Offset of the first `<name` at or after `from` that is followed by a non-word character, or -1. */
function findTag(lower: string, name: string, from: number): number {
  const needle = `<${name}`;
  let at = lower.indexOf(needle, from);
  while (at !== -1 && isWordCode(lower.charCodeAt(at + needle.length))) at = lower.indexOf(needle, at + 1);
  return at;
}

/** Offset just after the first `</name\s*>` at or after `from`, or -1. */
function closeAfter(lower: string, name: string, from: number): number {
  const needle = `</${name}`;
  for (let at = lower.indexOf(needle, from); at !== -1; at = lower.indexOf(needle, at + 1)) {
    let end = at + needle.length;
    while (end < lower.length && /\s/.test(lower.charAt(end))) end++;
    if (lower.charAt(end) === '>') return end + 1;
  }
  return -1;
}

/** The text of the page's `<title>`, when it has a complete one. */
function pageTitle(page: string, lower: string): string | undefined {
  const open = findTag(lower, 'title', 0);
  if (open === -1) return undefined;
  const gt = page.indexOf('>', open);
  if (gt === -1) return undefined;
  const close = lower.indexOf('</title>', gt + 1);
  return close === -1 ? undefined : page.slice(gt + 1, close);
}

/**
 * The page without its tags (each replaced by a space) and without `<script>`/`<style>` blocks.
 * A `<` with no `>` after it is text, like every `<` after it: the scan stops looking for tags.
 */
function pageWithoutTags(page: string, lower: string): string {
  const parts: string[] = [];
  // A raw-text block whose close was not found once will not be found from a later offset either.
  const unclosed = new Set<string>();
  let at = 0;
  while (at < page.length) {
    const lt = page.indexOf('<', at);
    if (lt === -1) {
      parts.push(page.slice(at));
      break;
    }
    parts.push(page.slice(at, lt));
    const raw = ['script', 'style'].find((name) => lower.startsWith(name, lt + 1) && !isWordCode(lower.charCodeAt(lt + 1 + name.length)));
    const rawEnd = raw === undefined || unclosed.has(raw) ? -1 : closeAfter(lower, raw, lt);
    if (raw !== undefined && rawEnd === -1) unclosed.add(raw);
    const gt = rawEnd === -1 ? page.indexOf('>', lt + 1) : rawEnd - 1;
    if (gt === -1) {
      parts.push(page.slice(lt));
      break;
    }
    parts.push(' ');
    at = gt + 1;
  }
  return parts.join('');
}

/**
 * The readable part of an HTML error page: its `<title>`, else its text without tags. Only the
 * first {@link MAX_ERROR_PAGE_SCAN} characters are read; the result is whitespace-collapsed but
 * still HTML-encoded.
 */
export function htmlPageTextRaw(body: string): string {
  const page = body.length > MAX_ERROR_PAGE_SCAN ? body.slice(0, MAX_ERROR_PAGE_SCAN) : body;
  const lower = asciiLower(page);
  const text = pageTitle(page, lower) ?? pageWithoutTags(page, lower);
  return text.replace(/\s+/g, ' ').trim();
}

/** `<` + optional `prefix:` + `name` at exactly `at`, then a tag's end: the prefix and the offset after `>`. */
function openTagAt(xml: string, at: number, name: string): { prefix: string; end: number; selfClosing: boolean } | undefined {
  const head = /<([\w.-]+:)?([\w.-]+)/y;
  head.lastIndex = at;
  const match = head.exec(xml);
  if (match?.[2] !== name) return undefined;
  const after = head.lastIndex;
  const next = xml.charAt(after);
  if (next !== '>' && next !== '/' && !/\s/.test(next)) return undefined;
  const gt = xml.indexOf('>', after);
  if (gt === -1) return undefined;
  return { prefix: match[1] ?? '', end: gt + 1, selfClosing: xml.charAt(gt - 1) === '/' };
}

function skipSpace(text: string, at: number): number {
  let end = at;
  while (end < text.length && /\s/.test(text.charAt(end))) end++;
  return end;
}

/** The offset where `</prefix:name>` (or `</name>`) ends `xml`, trailing whitespace allowed, or -1. */
function closingTagAtEnd(xml: string, end: number, prefix: string, name: string): number {
  const before = xml.slice(0, end).trimEnd();
  for (const tag of new Set([`</${prefix}${name}>`, `</${name}>`])) if (before.endsWith(tag)) return before.length - tag.length;
  return -1;
}

/**
 * The content of the SOAP `Body` of `xml` (declaration already removed), trimmed, or `undefined`
 * when `xml` is not exactly `<Envelope>[<Header>…</Header>]<Body>…</Body></Envelope>`.
 */
export function soapBodyContent(xml: string): string | undefined {
  const envelope = openTagAt(xml, 0, 'Envelope');
  if (!envelope || envelope.selfClosing) return undefined;
  let at = skipSpace(xml, envelope.end);
  const header = openTagAt(xml, at, 'Header');
  if (header) {
    const close = /<\/(?:[\w.-]+:)?Header>/g;
    close.lastIndex = header.end;
    const found = close.exec(xml);
    if (!found) return undefined;
    at = skipSpace(xml, close.lastIndex);
  }
  const body = openTagAt(xml, at, 'Body');
  if (!body || body.selfClosing) return undefined;
  const envelopeClose = closingTagAtEnd(xml, xml.length, envelope.prefix, 'Envelope');
  if (envelopeClose === -1) return undefined;
  const bodyClose = closingTagAtEnd(xml, envelopeClose, body.prefix, 'Body');
  if (bodyClose < body.end) return undefined;
  return xml.slice(body.end, bodyClose).trim();
}

/** The raw text of the first `<name …>…</name>` in `xml` (no prefix), or `undefined`. */
export function firstElementText(xml: string, name: string): string | undefined {
  const open = findTag(xml, name, 0);
  if (open === -1) return undefined;
  const gt = xml.indexOf('>', open);
  if (gt === -1) return undefined;
  const close = xml.indexOf(`</${name}>`, gt + 1);
  return close === -1 ? undefined : xml.slice(gt + 1, close);
}
