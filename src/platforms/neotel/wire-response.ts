/**
 * Reading ASMX answers (docs/neoapi-contract.md §1) strictly, by their exact shape:
 *
 *   200 void     empty body (anything else is ignored: there is nothing to read)
 *   200 string   <?xml …?>\r\n<string xmlns="http://tempuri.org/">escaped text</string>   (or <string … />)
 *   200 boolean  <?xml …?>\r\n<boolean xmlns="http://tempuri.org/">true|false</boolean>
 *   200 SOAP     <soap:Envelope><soap:Body><MResponse xmlns="…"><MResult>…</MResult></MResponse>…
 *   500 HTTP     text/plain, the .NET exception text HTML-encoded (+ CRLF)
 *   500 SOAP     <soap:Fault><faultcode>…</faultcode><faultstring>…</faultstring>…
 *   500 other    ASP.NET's HTML error page (the request never reached the service)
 *
 * Anything else is a typed error, never a half-read value: a body with markup where text belongs
 * (`<script>`), an unterminated element, an unknown entity.
 */
import type { NeoApiBinding } from '../../config/config-types.ts';
import type { NeoResultKind } from './contract.ts';
import { clipServerText, codeForServerText, NeoApiError } from './errors.ts';
import { firstElementText, htmlPageTextRaw, MAX_ERROR_PAGE_SCAN, soapBodyContent } from './markup-scan.ts';
import { escapeRegExp, unescapeHtmlText, unescapeXmlText } from './xml-text.ts';

/** What a method answers once decoded: nothing, a string or a boolean. */
export type NeoResultValue = undefined | string | boolean;

/** Where the answer came from, for messages. */
export interface AnswerContext {
  readonly binding: NeoApiBinding;
  readonly wireName: string;
  readonly kind: NeoResultKind;
}

const DECLARATION = /^\uFEFF?\s*(?:<\?xml[^?]*\?>\s*)?/;
const SOAP_PREFIX = 'Server was unable to process request. ---> ';

function malformed(context: AnswerContext, body: string, expected: string): NeoApiError {
  return new NeoApiError(
    'MALFORMED_RESPONSE',
    context.wireName,
    `NeoApi ${context.wireName} (${context.binding}) answered 200 with ${describeBody(body)}; expected ${expected}.`,
    { status: 200 },
  );
}

function describeBody(body: string): string {
  const shown = clipServerText(body).slice(0, 120);
  return body.trim() === '' ? 'an empty body' : `${JSON.stringify(shown)}${body.length > 120 ? ` (${body.length} characters)` : ''}`;
}

/**
 * The text of the single element `name` making up `xml` (after an optional declaration), or
 * `undefined` when `xml` is not exactly that. `<name … />` is the empty string.
 */
function soleElementText(xml: string, name: string): string | undefined {
  const tag = escapeRegExp(name);
  const match = new RegExp(`^<(?:[\\w.-]+:)?${tag}(?:\\s[^<>]*?)?(?:/>|>([\\s\\S]*)</(?:[\\w.-]+:)?${tag}\\s*>)\\s*$`).exec(xml.replace(DECLARATION, ''));
  if (!match) return undefined;
  return match[1] === undefined ? '' : unescapeXmlText(match[1]);
}

function readValue(context: AnswerContext, text: string | undefined, body: string, where: string): { ok: true; value: NeoResultValue } | { ok: false; error: NeoApiError } {
  if (text === undefined) return { ok: false, error: malformed(context, body, where) };
  if (context.kind === 'string') return { ok: true, value: text };
  const trimmed = text.trim();
  if (trimmed === 'true' || trimmed === '1') return { ok: true, value: true };
  if (trimmed === 'false' || trimmed === '0') return { ok: true, value: false };
  return { ok: false, error: malformed(context, body, `${where} holding true or false`) };
}

/** The SOAP `Body` content, or `undefined` when `xml` is not a SOAP envelope. */
function soapBody(xml: string): string | undefined {
  return soapBodyContent(xml.replace(DECLARATION, ''));
}

function decodeSoapSuccess(context: AnswerContext, body: string): { ok: true; value: NeoResultValue } | { ok: false; error: NeoApiError } {
  const content = soapBody(body);
  const response = `${context.wireName}Response`;
  const expected = `a SOAP envelope with <${response}>`;
  if (content === undefined) return { ok: false, error: malformed(context, body, expected) };
  const inner = innerMarkup(content, response);
  if (inner === undefined) return { ok: false, error: malformed(context, body, expected) };
  if (context.kind === 'void') return { ok: true, value: undefined };
  return readValue(context, soleElementText(inner.trim(), `${context.wireName}Result`), body, `<${context.wireName}Result>`);
}

/** The raw markup inside `<name …>…</name>` when `xml` is exactly that element (markup allowed). */
function innerMarkup(xml: string, name: string): string | undefined {
  const tag = escapeRegExp(name);
  const match = new RegExp(`^<(?:[\\w.-]+:)?${tag}(?:\\s[^<>]*?)?(?:/>|>([\\s\\S]*)</(?:[\\w.-]+:)?${tag}\\s*>)$`).exec(xml);
  if (!match) return undefined;
  return match[1] ?? '';
}

/** The `faultstring` of a SOAP fault, unescaped, or `undefined` when `xml` holds no fault. */
export function soapFaultText(xml: string): string | undefined {
  const content = soapBody(xml);
  if (content === undefined || !/^<(?:[\w.-]+:)?Fault\b/.test(content)) return undefined;
  const text = firstElementText(content, 'faultstring');
  if (text === undefined) return '';
  return unescapeXmlText(text) ?? unescapeHtmlText(text);
}

function looksLikeHtml(contentType: string, body: string): boolean {
  return /text\/html/i.test(contentType) || /^\s*(?:<!doctype html|<html\b)/i.test(body);
}

/** The readable part of an HTML error page: its `<title>`, else its text without tags (linear, capped). */
function htmlPageText(body: string): string {
  return unescapeHtmlText(htmlPageTextRaw(body));
}

/** The server's error text of a 500, whatever the binding that produced it. */
function serverErrorText(contentType: string, body: string): string {
  const fault = /:?Envelope\b/.test(body) ? soapFaultText(body) : undefined;
  if (fault !== undefined) return fault.startsWith(SOAP_PREFIX) ? fault.slice(SOAP_PREFIX.length) : fault;
  if (looksLikeHtml(contentType, body)) return htmlPageText(body);
  // Only the start is kept (clipServerText), so only the start is unescaped.
  return unescapeHtmlText(body.slice(0, MAX_ERROR_PAGE_SCAN)).trim();
}

/**
 * Decodes an answer: the method's value, or the {@link NeoApiError} the status and body mean.
 */
export function decodeAnswer(
  context: AnswerContext,
  status: number,
  contentType: string,
  body: string,
): { ok: true; value: NeoResultValue } | { ok: false; error: NeoApiError } {
  const { binding, wireName } = context;
  if (status === 500) {
    const text = clipServerText(serverErrorText(contentType, body));
    const code = codeForServerText(text);
    const message = `NeoApi ${wireName} (${binding}) was refused by the server (HTTP 500): ${text === '' ? 'no error text' : JSON.stringify(text)}.`;
    return { ok: false, error: new NeoApiError(code, wireName, message, { status, serverText: text }) };
  }
  if (status !== 200) {
    const text = clipServerText(looksLikeHtml(contentType, body) ? htmlPageText(body) : body.slice(0, MAX_ERROR_PAGE_SCAN));
    const message = `NeoApi ${wireName} (${binding}) answered HTTP ${status}${text === '' ? '' : ` ${JSON.stringify(text.slice(0, 200))}`}; expected 200 or an ASMX error (500).`;
    return { ok: false, error: new NeoApiError('HTTP_ERROR', wireName, message, { status, serverText: text }) };
  }
  if (binding === 'SOAP') return decodeSoapSuccess(context, body);
  if (context.kind === 'void') return { ok: true, value: undefined };
  const element = context.kind === 'string' ? 'string' : 'boolean';
  return readValue(context, soleElementText(body, element), body, `<${element} xmlns="http://tempuri.org/">`);
}
