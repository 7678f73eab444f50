/**
 * NeoApi exactly as a browser client calls it over plain HTTP with `fetch`: the ASMX HTTP GET
 * binding (`GET …/webservice.asmx/<Method>?P=v`), the HTTP POST form binding
 * (`application/x-www-form-urlencoded`) and SOAP 1.1 (`SOAPAction: "http://tempuri.org/<Method>"`).
 * Results are unwrapped the way a client must (`<string>`/`<boolean>` bodies, `<MethodResult>` in
 * SOAP, empty 200 for void); a 500 becomes a {@link NeoApiCallError} carrying the exact body, so a
 * test can assert the server's words (`1001 not logged.`).
 */

export type NeoBinding = 'GET' | 'POST' | 'SOAP';

export type NeoParams = Record<string, string | number | boolean>;

/** One NeoApi exchange as it went over the wire. */
export interface NeoExchange {
  method: string;
  binding: NeoBinding;
  status: number;
  body: string;
}

/** A NeoApi call answered HTTP 500 (an ASMX exception, or a SOAP fault). */
export class NeoApiCallError extends Error {
  constructor(readonly exchange: NeoExchange) {
    super(`NeoApi ${exchange.method} over ${exchange.binding} answered ${exchange.status}: ${JSON.stringify(exchange.body.slice(0, 300))}`);
    this.name = 'NeoApiCallError';
  }
}

const NAMESPACE = 'http://tempuri.org/';

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name] ?? '');
}

function escapeXml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** The payload of an HTTP GET/POST answer: `<string …>x</string>` → x, `<boolean …>` → its text, empty → ''. */
function httpPayload(exchange: NeoExchange): string {
  if (exchange.body === '') return '';
  const match = /<(string|boolean) xmlns="http:\/\/tempuri\.org\/"(?:\s*\/>|>([\s\S]*)<\/\1>)\s*$/.exec(exchange.body);
  if (!match) throw new Error(`NeoApi ${exchange.method} (${exchange.binding}): expected <string> or <boolean> in the body, got ${JSON.stringify(exchange.body.slice(0, 200))}`);
  return unescapeXml(match[2] ?? '');
}

/** The payload of a SOAP answer: `<MethodResult>x</MethodResult>`, or '' for a void `<MethodResponse />`. */
function soapPayload(exchange: NeoExchange): string {
  const result = new RegExp(`<${exchange.method}Result>([\\s\\S]*)</${exchange.method}Result>`).exec(exchange.body);
  if (result) return unescapeXml(result[1] ?? '');
  if (new RegExp(`<${exchange.method}Response xmlns="${NAMESPACE}"\\s*/>`).test(exchange.body)) return '';
  throw new Error(`NeoApi ${exchange.method} (SOAP): no ${exchange.method}Response in ${JSON.stringify(exchange.body.slice(0, 300))}`);
}

export class NeoApiHttp {
  /** Every exchange, in order (for failure messages). */
  readonly exchanges: NeoExchange[] = [];

  /** @param serviceUrl `http://127.0.0.1:<port>/neoapi/webservice.asmx` */
  constructor(readonly serviceUrl: string) {}

  /** Calls `method` and answers its payload (string/boolean text, '' for void); throws {@link NeoApiCallError} on 500. */
  async call(method: string, params: NeoParams, binding: NeoBinding): Promise<string> {
    const exchange = await this.send(method, params, binding);
    if (exchange.status !== 200) throw new NeoApiCallError(exchange);
    return binding === 'SOAP' ? soapPayload(exchange) : httpPayload(exchange);
  }

  /** Calls `method` and answers the raw exchange, whatever the status. */
  async send(method: string, params: NeoParams, binding: NeoBinding): Promise<NeoExchange> {
    const entries = Object.entries(params).map(([name, value]) => [name, String(value)] as [string, string]);
    let response: Response;
    if (binding === 'GET') {
      response = await fetch(`${this.serviceUrl}/${encodeURIComponent(method)}?${new URLSearchParams(entries).toString()}`);
    } else if (binding === 'POST') {
      response = await fetch(`${this.serviceUrl}/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(entries).toString(),
      });
    } else {
      const inner = entries.map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`).join('');
      const envelope =
        '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">' +
        `<soap:Body><${method} xmlns="${NAMESPACE}">${inner}</${method}></soap:Body></soap:Envelope>`;
      response = await fetch(this.serviceUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${NAMESPACE}${method}"` },
        body: envelope,
      });
    }
    const exchange: NeoExchange = { method, binding, status: response.status, body: await response.text() };
    this.exchanges.push(exchange);
    if (this.exchanges.length > 500) this.exchanges.shift();
    return exchange;
  }
}
