/**
 * Reading a SOAP 1.1 request the way ASMX does: route by the `SOAPAction` header, then let
 * `XmlSerializer` read the body element — parameters are matched by exact (case-sensitive) name in
 * the `http://tempuri.org/` namespace, in any order; an absent one keeps its .NET default (null
 * string → empty here, 0, false, DateTime.MinValue); unknown elements are ignored.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { NEO_NAMESPACE, NEO_OPERATIONS, type NeoOperation } from '../../../src/platforms/neotel/contract.ts';
import type { DotNetException } from './dotnet-exception.ts';
import { convertSoapValue, soapDefault, type ParamValue } from './param-values.ts';

const SOAP11_ENVELOPE = 'http://schemas.xmlsoap.org/soap/envelope/';

/** A request ASMX refuses before the web method runs (faultcode `soap:Client`). */
export interface SoapClientFault {
  readonly ok: false;
  readonly fault: DotNetException;
}

export interface SoapCall {
  readonly ok: true;
  readonly operation: NeoOperation;
  readonly values: Map<string, ParamValue>;
  /** The raw text of every parameter sent (for the request log). */
  readonly sent: Record<string, string>;
}

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, parseAttributeValue: false, trimValues: false, preserveOrder: true, processEntities: true });

function soapException(message: string, inner?: DotNetException, stack: readonly string[] = []): DotNetException {
  return { type: 'System.Web.Services.Protocols.SoapException', message, ...(inner ? { inner } : {}), stack };
}

const ROUTE_STACK = [
  '   at System.Web.Services.Protocols.Soap11ServerProtocolHelper.RouteRequest()',
  '   at System.Web.Services.Protocols.SoapServerProtocol.RouteRequest(SoapServerMessage message)',
  '   at System.Web.Services.Protocols.SoapServerProtocol.Initialize()',
  '   at System.Web.Services.Protocols.ServerProtocol.SetContext(Type type, HttpContext context, HttpRequest request, HttpResponse response)',
  '   at System.Web.Services.Protocols.ServerProtocolFactory.Create(Type type, HttpContext context, HttpRequest request, HttpResponse response, Boolean& abortProcessing)',
];

function unableToRead(line: number, column: number, inner: DotNetException): SoapClientFault {
  const xmlError: DotNetException = { type: 'System.InvalidOperationException', message: `There is an error in XML document (${line}, ${column}).`, inner, stack: [] };
  return { ok: false, fault: soapException('Server was unable to read request.', xmlError) };
}

function lineAndColumn(text: string, offset: number): [number, number] {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return [line, offset - before.lastIndexOf('\n')];
}

/** The element's tag name and its children, for a preserveOrder node. */
function split(node: XmlNode): { tag: string; children: XmlNode[]; attributes: Record<string, string> } | undefined {
  const tag = Object.keys(node).find((key) => key !== ':@');
  if (tag === undefined || tag === '#text' || tag.startsWith('?')) return undefined;
  return { tag, children: (node[tag] as XmlNode[] | undefined) ?? [], attributes: node[':@'] ?? {} };
}

/** Resolves `prefix:local` against the in-scope namespace declarations. */
function qualify(tag: string, attributes: Record<string, string>, scope: ReadonlyMap<string, string>): { local: string; ns: string; scope: Map<string, string> } {
  const inner = new Map(scope);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === '@_xmlns') inner.set('', value);
    else if (name.startsWith('@_xmlns:')) inner.set(name.slice('@_xmlns:'.length), value);
  }
  const at = tag.indexOf(':');
  const prefix = at < 0 ? '' : tag.slice(0, at);
  return { local: at < 0 ? tag : tag.slice(at + 1), ns: inner.get(prefix) ?? '', scope: inner };
}

function textOf(children: readonly XmlNode[]): string {
  return children.map((child) => (typeof child['#text'] === 'string' || typeof child['#text'] === 'number' ? String(child['#text']) : '')).join('');
}

/** `SOAPAction: "http://tempuri.org/Login"` → the operation (of `operations`, the deployment's names), or the ASMX routing fault. */
export function routeSoapAction(header: string | undefined, operations: ReadonlyMap<string, NeoOperation> = NEO_OPERATIONS): NeoOperation | SoapClientFault {
  const action = (header ?? '').trim().replace(/^"(.*)"$/, '$1');
  const name = action.startsWith(NEO_NAMESPACE) ? action.slice(NEO_NAMESPACE.length) : undefined;
  const operation = name === undefined ? undefined : operations.get(name);
  if (!operation) return { ok: false, fault: soapException(`Server did not recognize the value of HTTP Header SOAPAction: ${action}.`, undefined, ROUTE_STACK) };
  return operation;
}

/** Parses a SOAP 1.1 request for `operation` (already routed by SOAPAction). */
export function readSoapRequest(body: string, operation: NeoOperation): SoapCall | SoapClientFault {
  // XMLValidator is deprecated in favour of the separate fast-xml-validator package, which is not
  // among the packages available here; it still ships and works in fast-xml-parser 5.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const valid = XMLValidator.validate(body);
  if (valid !== true) {
    return unableToRead(valid.err.line, valid.err.col, { type: 'System.Xml.XmlException', message: `${valid.err.msg} Line ${valid.err.line}, position ${valid.err.col}.`, stack: [] });
  }
  const nodes = parser.parse(body) as XmlNode[];
  let envelope: { children: XmlNode[]; scope: Map<string, string> } | undefined;
  for (const node of nodes) {
    const parts = split(node);
    if (!parts) continue;
    const q = qualify(parts.tag, parts.attributes, new Map());
    if (q.local === 'Envelope' && q.ns === SOAP11_ENVELOPE) envelope = { children: parts.children, scope: q.scope };
  }
  const notExpected = (what: string): SoapClientFault => unableToRead(1, 1, { type: 'System.InvalidOperationException', message: `${what} was not expected.`, stack: [] });
  if (!envelope) return notExpected('<Envelope> in the SOAP 1.1 namespace');
  let method: { children: XmlNode[]; scope: Map<string, string>; local: string; ns: string } | undefined;
  for (const node of envelope.children) {
    const parts = split(node);
    if (!parts) continue;
    const q = qualify(parts.tag, parts.attributes, envelope.scope);
    if (q.local !== 'Body' || q.ns !== SOAP11_ENVELOPE) continue;
    const first = parts.children.map(split).find((p) => p !== undefined);
    if (first) {
      const m = qualify(first.tag, first.attributes, q.scope);
      method = { children: first.children, scope: m.scope, local: m.local, ns: m.ns };
    }
  }
  if (method?.local !== operation.wireName || method.ns !== NEO_NAMESPACE) {
    const offset = method ? body.indexOf(method.local) : 0;
    const [line, column] = lineAndColumn(body, offset - 1);
    return unableToRead(line, column, { type: 'System.InvalidOperationException', message: `<${method?.local ?? 'Body'} xmlns='${method?.ns ?? ''}'> was not expected.`, stack: [] });
  }
  const sent: Record<string, string> = {};
  for (const node of method.children) {
    const parts = split(node);
    if (!parts) continue;
    const q = qualify(parts.tag, parts.attributes, method.scope);
    if (q.ns === NEO_NAMESPACE) sent[q.local] = textOf(parts.children);
  }
  const values = new Map<string, ParamValue>();
  for (const param of operation.spec.params) {
    const text = sent[param.name];
    if (text === undefined) {
      if (param.required) values.set(param.name, soapDefault(param.type));
      continue;
    }
    const converted = convertSoapValue(text, param.type);
    if (!converted.ok) {
      const at = body.search(new RegExp(`<([\\w.-]+:)?${param.name}[\\s>/]`, 'u'));
      const [line, column] = lineAndColumn(body, at);
      return unableToRead(line, column + 1, converted.failure);
    }
    values.set(param.name, converted.value);
  }
  return { ok: true, operation, values, sent };
}
