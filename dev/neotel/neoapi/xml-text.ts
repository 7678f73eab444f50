/**
 * XML output the way .NET's writers produce it for NeoApi responses.
 */
import { NEO_NAMESPACE } from '../../../src/platforms/neotel/contract.ts';

/** Escapes element text like `XmlTextWriter`: `&`, `<`, `>`; other characters pass through. */
export function escapeXmlText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Escapes an attribute value (double-quoted). */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;');
}

const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

/**
 * Body of a successful HTTP GET/POST call with a result: `XmlSerializer` output, whose declaration
 * is followed by CRLF. `null` for void methods (ASMX answers an empty 200).
 */
export function httpResultBody(kind: 'void' | 'string' | 'boolean', value: unknown): string | null {
  const text = typeof value === 'string' ? value : '';
  if (kind === 'void') return null;
  if (kind === 'boolean') return `${DECLARATION}\r\n<boolean xmlns="${NEO_NAMESPACE}">${value === true ? 'true' : 'false'}</boolean>`;
  return `${DECLARATION}\r\n<string xmlns="${NEO_NAMESPACE}">${escapeXmlText(text)}</string>`;
}

const ENVELOPE_OPEN =
  `${DECLARATION}<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" ` +
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>';
const ENVELOPE_CLOSE = '</soap:Body></soap:Envelope>';

/** A SOAP 1.1 response: `<MethodResponse xmlns="http://tempuri.org/"><MethodResult>…`, unindented like ASMX. */
export function soapResultBody(method: string, kind: 'void' | 'string' | 'boolean', value: unknown): string {
  let inner = '';
  if (kind === 'boolean') inner = `<${method}Result>${value === true ? 'true' : 'false'}</${method}Result>`;
  else if (kind === 'string') inner = `<${method}Result>${escapeXmlText(typeof value === 'string' ? value : '')}</${method}Result>`;
  const element = inner === '' ? `<${method}Response xmlns="${NEO_NAMESPACE}" />` : `<${method}Response xmlns="${NEO_NAMESPACE}">${inner}</${method}Response>`;
  return ENVELOPE_OPEN + element + ENVELOPE_CLOSE;
}

/** A SOAP 1.1 fault as ASMX writes it (`<detail />` included). */
export function soapFaultBody(code: 'soap:Server' | 'soap:Client', faultString: string): string {
  return `${ENVELOPE_OPEN}<soap:Fault><faultcode>${code}</faultcode><faultstring>${escapeXmlText(faultString)}</faultstring><detail /></soap:Fault>${ENVELOPE_CLOSE}`;
}
