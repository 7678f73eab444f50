/**
 * `/neoapi/webservice.asmx` (any case, like IIS): the three ASMX bindings, the WSDL and the help
 * page, answering byte-for-byte what an ASP.NET ASMX service answers (see dotnet-exception.ts and
 * docs/dev-neotel.md "NeoApi on the wire").
 *
 *   GET  …/webservice.asmx?wsdl                       WSDL
 *   GET  …/webservice.asmx                            help page (HTML)
 *   GET  …/webservice.asmx/<Method>?P=v               HTTP GET binding
 *   POST …/webservice.asmx/<Method>  (form)           HTTP POST binding
 *   POST …/webservice.asmx  (text/xml + SOAPAction)   SOAP 1.1
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { NEO_OPERATIONS, NEO_SERVICE_PATH, type NeoOperation } from '../../../src/platforms/neotel/contract.ts';
import type { ContactCenter } from '../center/contact-center.ts';
import { NeoFault } from '../center/neo-fault.ts';
import {
  applicationException,
  aspNetErrorPage,
  httpErrorBody,
  methodNameNotValid,
  requestFormatUnrecognized,
  soapFaultString,
  type DotNetException,
  type ErrorDetail,
} from './dotnet-exception.ts';
import type { NeoApiFaultAction, NeoApiFaults } from './fault-injection.ts';
import { helpPage } from './help-page.ts';
import { nameValueCollection, readHttpParams, type HttpBinding } from './http-request.ts';
import { Args, OPERATIONS } from './operations.ts';
import type { ParamValue } from './param-values.ts';
import type { NeoApiBinding, NeoApiLog } from './request-log.ts';
import { DEFAULT_RESPONSE_ENCODING, encodeAnswer, type ResponseEncoding } from './response-encoding.ts';
import { readSoapRequest, routeSoapAction } from './soap-request.ts';
import { buildWsdl } from './wsdl.ts';
import { httpResultBody, soapFaultBody, soapResultBody } from './xml-text.ts';

export interface NeoApiHandlerOptions {
  /** The current contact center (a reset replaces it). */
  center: () => ContactCenter;
  log: NeoApiLog;
  errorDetail: () => ErrorDetail;
  /** Injected failures (`POST /control/faults/neoapi`); none when absent. */
  faults?: NeoApiFaults;
  /** The encoding answers are written in (`POST /control/neoapi/encoding`); UTF-8 when absent. */
  encoding?: () => ResponseEncoding;
  /**
   * The methods this server answers, by wire name (`POST /control/neoapi/names`, `--neoapi-names`):
   * a deployment's own method and parameter names; the contract's when absent.
   */
  operations?: () => ReadonlyMap<string, NeoOperation>;
}

const MAX_BODY_BYTES = 1_000_000;
// What IIS + ASP.NET put on every answer.
const SERVER_HEADERS = { 'Cache-Control': 'private, max-age=0', Server: 'Microsoft-IIS/10.0', 'X-AspNet-Version': '4.0.30319', 'X-Powered-By': 'ASP.NET' } as const;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error(`NeoApi request body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Node reads header bytes as Latin-1; a UTF-8 `SOAPAction: …/Login_Campaña` needs re-decoding. */
function headerText(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value.join(',') : value;
  if (text === undefined || !/[\x80-\xff]/.test(text)) return text;
  return Buffer.from(text, 'latin1').toString('utf8');
}

/** The arguments by contract parameter name (a deployment's operation reads them under its own names, in contract order). */
function byContractName(operation: NeoOperation, values: Map<string, ParamValue>): Map<string, ParamValue> {
  const contract = NEO_OPERATIONS.get(operation.spec.method)?.spec.params ?? operation.spec.params;
  return new Map(operation.spec.params.flatMap((param, index) => {
    const value = values.get(param.name);
    const name = contract[index]?.name ?? param.name;
    return value === undefined ? [] : [[name, value] as const];
  }));
}

/** Creates the handler; it answers `false` for paths outside the service. */
export function createNeoApiHandler(options: NeoApiHandlerOptions): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const send = (res: ServerResponse, status: number, body: string | null, contentType: string | undefined): void => {
    const answer = body === null ? undefined : encodeAnswer(body, contentType, options.encoding?.() ?? DEFAULT_RESPONSE_ENCODING);
    const headers: Record<string, string | number> = { ...SERVER_HEADERS, 'Content-Length': answer?.bytes.length ?? 0 };
    const type = answer?.contentType ?? contentType;
    if (type !== undefined) headers['Content-Type'] = type;
    res.writeHead(status, headers);
    res.end(answer?.bytes);
  };
  const log = (method: string, binding: NeoApiBinding, params: Record<string, string>, status: number, response: string | null): void => {
    options.log.add({ method, binding, params, status, response: response ?? '' });
  };

  /**
   * Answers with an injected fault instead of the web method, which never runs: the center is
   * untouched. error500 has the shape of the simulator's own errors (same status, headers, CRLF
   * or SOAP envelope); the text is sent as given, since it is already the printed exception chain.
   */
  const injectFault = (req: IncomingMessage, res: ServerResponse, action: NeoApiFaultAction, method: string, binding: NeoApiBinding, params: Record<string, string>): void => {
    if (action.mode === 'error500') {
      const soap = binding === 'SOAP';
      const body = soap ? soapFaultBody('soap:Server', action.text) : `${action.text}\r\n`;
      send(res, 500, body, soap ? 'text/xml; charset=utf-8' : 'text/plain; charset=utf-8');
      options.log.add({ method, binding, params, status: 500, response: body, fault: 'error500' });
    } else if (action.mode === 'hang') {
      options.log.add({ method, binding, params, status: 0, response: '(held open without an answer: hang fault)', fault: 'hang' });
      options.faults?.hold(req.socket);
    } else {
      options.log.add({ method, binding, params, status: 0, response: '(connection reset: reset fault)', fault: 'reset' });
      options.faults?.reset(req.socket);
    }
  };

  const operations = options.operations ?? (() => NEO_OPERATIONS);

  /** Runs the web method: the result, or the exception a real server would throw. */
  const invoke = (operation: NeoOperation, values: Map<string, ParamValue>): { ok: true; value: unknown } | { ok: false; failure: DotNetException } => {
    const run = OPERATIONS.get(operation.spec.method);
    try {
      if (!run) throw new NeoFault(`${operation.wireName} is not implemented by the simulator`, 'System.NotImplementedException');
      return { ok: true, value: run(options.center(), new Args(byContractName(operation, values))) };
    } catch (error) {
      if (!(error instanceof NeoFault)) console.error(`[neotel] ${operation.wireName} failed inside the simulator:`, error);
      const fault = error instanceof NeoFault ? error : new NeoFault((error as Error).message);
      return { ok: false, failure: applicationException(fault.dotNetType, fault.message, operation.wireName, operation.spec.params) };
    }
  };

  const httpFailure = (res: ServerResponse, method: string, binding: NeoApiBinding, params: Record<string, string>, failure: DotNetException): void => {
    const body = httpErrorBody(failure, options.errorDetail());
    send(res, 500, body, 'text/plain; charset=utf-8');
    log(method, binding, params, 500, body);
  };

  /** No ASMX protocol took the request: ASP.NET answers its own HTML error page. */
  const unrecognized = (res: ServerResponse, method: string, binding: NeoApiBinding, ending: string): void => {
    const failure = requestFormatUnrecognized(ending);
    send(res, 500, aspNetErrorPage(failure, options.errorDetail()), 'text/html; charset=utf-8');
    log(method, binding, {}, 500, `(ASP.NET error page) ${failure.message}`);
  };

  /** The HTTP GET/POST binding: the result body (null = void) or the exception. */
  const runHttp = async (req: IncomingMessage, name: string, binding: HttpBinding, query: string, params: Record<string, string>): Promise<{ body: string | null } | { failure: DotNetException }> => {
    const operation = operations().get(name);
    if (!operation) return { failure: methodNameNotValid(name) };
    const collection = nameValueCollection(binding === 'get' ? query : await readBody(req));
    Object.assign(params, collection.entries());
    const read = readHttpParams(operation, collection, binding);
    if (!read.ok) return { failure: read.failure };
    const outcome = invoke(operation, read.values);
    if (!outcome.ok) return { failure: outcome.failure };
    return { body: httpResultBody(operation.spec.result, outcome.value) };
  };

  const httpBinding = async (req: IncomingMessage, res: ServerResponse, name: string, query: string): Promise<void> => {
    const label: NeoApiBinding = req.method === 'POST' ? 'POST' : 'GET';
    const binding: HttpBinding | undefined = req.method === 'GET' ? 'get' : req.method === 'POST' ? 'post' : undefined;
    const isForm = (req.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
    if (!binding || (binding === 'post' && !isForm)) {
      // ASMX picks the protocol from the verb and content type before it looks at the method.
      unrecognized(res, name, label, `/${name}`);
      return;
    }
    const injected = options.faults?.take(name);
    if (injected) {
      injectFault(req, res, injected, name, label, nameValueCollection(binding === 'get' ? query : await readBody(req)).entries());
      return;
    }
    const params: Record<string, string> = {};
    const outcome = await runHttp(req, name, binding, query, params);
    if ('failure' in outcome) {
      httpFailure(res, name, label, params, outcome.failure);
      return;
    }
    send(res, 200, outcome.body, outcome.body === null ? undefined : 'text/xml; charset=utf-8');
    log(name, label, params, 200, outcome.body);
  };

  type SoapOutcome = { method: string; params: Record<string, string> } & ({ xml: string } | { code: 'soap:Server' | 'soap:Client'; failure: DotNetException });

  /** The SOAP 1.1 binding: the response envelope or the fault to send. */
  const runSoap = (body: string, action: string | undefined): SoapOutcome => {
    const routed = routeSoapAction(action, operations());
    if ('ok' in routed) return { method: action ?? '', params: {}, code: 'soap:Client', failure: routed.fault };
    const read = readSoapRequest(body, routed);
    if (!read.ok) return { method: routed.wireName, params: {}, code: 'soap:Client', failure: read.fault };
    const outcome = invoke(routed, read.values);
    if (!outcome.ok) {
      const wrapped: DotNetException = { type: 'System.Web.Services.Protocols.SoapException', message: 'Server was unable to process request.', inner: outcome.failure, stack: [] };
      return { method: routed.wireName, params: read.sent, code: 'soap:Server', failure: wrapped };
    }
    return { method: routed.wireName, params: read.sent, xml: soapResultBody(routed.wireName, routed.spec.result, outcome.value) };
  };

  const soapBinding = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req);
    const action = headerText(req.headers.soapaction);
    const routed = routeSoapAction(action, operations());
    const method = 'ok' in routed ? (action ?? '').trim().replace(/^"(.*)"$/, '$1').replace(/^.*\//, '') : routed.wireName;
    const injected = options.faults?.take(method);
    if (injected) {
      const read = 'ok' in routed ? undefined : readSoapRequest(body, routed);
      injectFault(req, res, injected, method, 'SOAP', read?.ok === true ? { ...read.sent } : {});
      return;
    }
    const outcome = runSoap(body, action);
    const status = 'xml' in outcome ? 200 : 500;
    const xml = 'xml' in outcome ? outcome.xml : soapFaultBody(outcome.code, soapFaultString(outcome.failure, options.errorDetail()));
    send(res, status, xml, 'text/xml; charset=utf-8');
    log(outcome.method, 'SOAP', outcome.params, status, xml);
  };

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://neotel.invalid');
    let path = url.pathname;
    try {
      path = decodeURIComponent(path);
    } catch {
      // A malformed escape: keep the raw path, the method lookup will say it is not valid.
    }
    if (!path.toLowerCase().startsWith(NEO_SERVICE_PATH.toLowerCase())) return false;
    const rest = path.slice(NEO_SERVICE_PATH.length);
    if (rest !== '' && !rest.startsWith('/')) return false; // e.g. /neoapi/webservice.asmxfoo
    if (rest.length > 1) {
      await httpBinding(req, res, rest.slice(1), url.search.slice(1));
      return true;
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      const keys = [...url.searchParams.keys()].map((k) => k.toLowerCase());
      const location = `http://${req.headers.host ?? '127.0.0.1'}${url.pathname}`;
      if (keys.includes('wsdl')) {
        const wsdl = buildWsdl(location);
        send(res, 200, wsdl, 'text/xml; charset=utf-8');
        log('?wsdl', 'WSDL', {}, 200, `(${wsdl.length} characters)`);
      } else {
        const html = helpPage(location, url.searchParams.get('op') ?? undefined);
        send(res, 200, html, 'text/html; charset=utf-8');
        log('(help)', 'HELP', {}, 200, '(help page)');
      }
      return true;
    }
    const contentType = (req.headers['content-type'] ?? '').toLowerCase();
    if (req.method === 'POST' && contentType.startsWith('text/xml')) {
      await soapBinding(req, res);
      return true;
    }
    if (req.method === 'POST' && contentType.startsWith('application/soap+xml')) {
      send(res, 415, 'The Neotel simulator speaks SOAP 1.1 only: send Content-Type: text/xml with a SOAPAction header.\r\n', 'text/plain; charset=utf-8');
      return true;
    }
    unrecognized(res, '(service)', 'POST', url.pathname.slice(url.pathname.lastIndexOf('/')));
    return true;
  };
}
