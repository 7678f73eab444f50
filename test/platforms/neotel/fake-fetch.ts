/**
 * A fake `fetch` for the NeoApi client's tests: records every request (URL, method, headers, body
 * as text) and answers from a script — a fixed reply, a function of the request, a network failure,
 * or "never" (until aborted), honouring the request's `AbortSignal` like the real one.
 */
import type { FetchLike } from '../../../src/platforms/neotel/client.ts';

export interface RecordedRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
}

export type Reply =
  | { readonly status: number; readonly body?: string | Uint8Array<ArrayBuffer>; readonly contentType?: string; readonly headers?: Record<string, string> }
  | { readonly fail: Error }
  | 'never';

export const ok = (body: string, contentType = 'text/xml; charset=utf-8'): Reply => ({ status: 200, body, contentType });
export const stringBody = (escaped: string): string => `<?xml version="1.0" encoding="utf-8"?>\r\n<string xmlns="http://tempuri.org/">${escaped}</string>`;
export const booleanBody = (value: string): string => `<?xml version="1.0" encoding="utf-8"?>\r\n<boolean xmlns="http://tempuri.org/">${value}</boolean>`;
export const serverError = (text: string): Reply => ({ status: 500, body: `${text}\r\n`, contentType: 'text/plain; charset=utf-8' });
export const soapEnvelope = (inner: string): string =>
  '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>' +
  inner +
  '</soap:Body></soap:Envelope>';
export const soapFault = (code: string, text: string): Reply => ({
  status: 500,
  body: soapEnvelope(`<soap:Fault><faultcode>${code}</faultcode><faultstring>${text}</faultstring><detail /></soap:Fault>`),
  contentType: 'text/xml; charset=utf-8',
});

export class FakeFetch {
  readonly requests: RecordedRequest[] = [];
  private readonly script: (Reply | ((request: RecordedRequest) => Reply))[] = [];
  /** Answer when the script is empty. */
  fallback: Reply | ((request: RecordedRequest) => Reply) = { status: 200, body: '' };

  /** Queues the next answers, in order. */
  reply(...replies: (Reply | ((request: RecordedRequest) => Reply))[]): this {
    this.script.push(...replies);
    return this;
  }

  readonly fetch: FetchLike = (url, init) => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => (headers[name] = value));
    const request: RecordedRequest = { url, method: init.method ?? 'GET', headers, body: typeof init.body === 'string' ? init.body : undefined };
    this.requests.push(request);
    const next = this.script.shift() ?? this.fallback;
    const reply = typeof next === 'function' ? next(request) : next;
    const signal = init.signal ?? undefined;
    return new Promise<Response>((resolve, reject) => {
      const abort = (): void => reject(signal?.reason instanceof Error ? signal.reason : new DOMException('This operation was aborted', 'AbortError'));
      if (signal?.aborted) {
        abort();
        return;
      }
      signal?.addEventListener('abort', abort, { once: true });
      if (reply === 'never') return;
      if ('fail' in reply) {
        reject(reply.fail);
        return;
      }
      const responseHeaders = { ...(reply.contentType ? { 'content-type': reply.contentType } : {}), ...reply.headers };
      resolve(new Response(reply.body ?? '', { status: reply.status, headers: responseHeaders }));
    });
  };

  get last(): RecordedRequest {
    const request = this.requests.at(-1);
    if (!request) throw new Error('FakeFetch: no request was made');
    return request;
  }
}
