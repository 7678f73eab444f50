/**
 * The three ASMX bindings as `fetch` requests (docs/neoapi-contract.md §1):
 *
 *   GET   <service>/<Method>?P=v&…
 *   POST  <service>/<Method>          application/x-www-form-urlencoded   P=v&…
 *   SOAP  POST <service>              text/xml; charset=utf-8, SOAPAction: "http://tempuri.org/<Method>"
 *         <soap:Envelope><soap:Body><Method xmlns="http://tempuri.org/"><P>v</P>…</Method></soap:Body></soap:Envelope>
 *
 * Names and values are UTF-8 and percent-encoded (`Login_Campaña` → `Login_Campa%C3%B1a`,
 * `SIP/1001` → `SIP%2F1001`, space → `%20`).
 */
import type { NeoApiBinding } from '../../config/config-types.ts';
import { NEO_NAMESPACE } from './contract.ts';
import type { WireParam } from './request-params.ts';
import { escapeXml } from './xml-text.ts';

/** What `fetch` needs: the URL and its init. */
export interface WireRequest {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
}

const SOAP_ENVELOPE_OPEN =
  '<?xml version="1.0" encoding="utf-8"?>' +
  '<soap:Envelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" ' +
  'xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>';
const SOAP_ENVELOPE_CLOSE = '</soap:Body></soap:Envelope>';

/** `P=v&…`, every name and value percent-encoded as UTF-8. */
export function encodeForm(params: readonly WireParam[]): string {
  return params.map(({ name, text }) => `${encodeURIComponent(name)}=${encodeURIComponent(text)}`).join('&');
}

/**
 * A header value must be a byte string; this spells a Unicode text as its UTF-8 bytes so `ñ`
 * travels as C3 B1 (what a .NET client sends) rather than Latin-1 F1.
 */
export function utf8HeaderValue(text: string): string {
  return Array.from(new TextEncoder().encode(text), (byte) => String.fromCharCode(byte)).join('');
}

/** The service URL without a trailing slash (`…/webservice.asmx`). */
function serviceBase(serviceUrl: string): string {
  // A loop, not `/\/+$/`: that regex retries from every slash of a long run (n²).
  let end = serviceUrl.length;
  while (end > 0 && serviceUrl.charAt(end - 1) === '/') end--;
  return serviceUrl.slice(0, end);
}

/** Builds the request for `wireName` with `params` in the chosen binding. */
export function buildWireRequest(binding: NeoApiBinding, serviceUrl: string, wireName: string, params: readonly WireParam[]): WireRequest {
  const base = serviceBase(serviceUrl);
  switch (binding) {
    case 'GET': {
      const query = encodeForm(params);
      return { url: `${base}/${encodeURIComponent(wireName)}${query === '' ? '' : `?${query}`}`, method: 'GET', headers: {}, body: undefined };
    }
    case 'POST':
      return {
        url: `${base}/${encodeURIComponent(wireName)}`,
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: encodeForm(params),
      };
    case 'SOAP': {
      const elements = params.map(({ name, text }) => `<${name}>${escapeXml(text)}</${name}>`).join('');
      return {
        url: base,
        method: 'POST',
        headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: utf8HeaderValue(`"${NEO_NAMESPACE}${wireName}"`) },
        body: `${SOAP_ENVELOPE_OPEN}<${wireName} xmlns="${NEO_NAMESPACE}">${elements}</${wireName}>${SOAP_ENVELOPE_CLOSE}`,
      };
    }
  }
}
