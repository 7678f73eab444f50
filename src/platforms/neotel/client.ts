/**
 * The NeoApi client over the ASMX wire format (HTTP GET, HTTP POST form or SOAP 1.1, chosen by
 * `neoApiBinding`): {@link NeoApiClient.send} for a request typed by the contract,
 * {@link NeoApiClient.call} for any method by name, {@link NeoApiClient.position} for the poller.
 * The softphone's operations are the platform commands (commands.ts), not methods here. Every
 * request rejects with a `NeoApiError`.
 *
 * ```ts
 * const neo = new NeoApiClient(neoApiClientOptions(config.connection));
 * await neo.send({ method: 'Login', params: { DEVICE: 'SIP/1001', USUARIO: '1001', CLAVE: password } });
 * const text = await neo.position('1001');
 * ```
 */
import type { ConnectionConfig, NeoApiBinding } from '../../config/config-types.ts';
import { NeoApiError } from './errors.ts';
import type { NeoRequest } from './contract.ts';
import type { NeoParams } from './request-params.ts';
import { operationFor, wireParams } from './request-params.ts';
import { callNeoApi, timeoutError, wireFetchInit, type CallOptions, type FetchLike, type LastAnswer, type NeoApiLogEntry, type TransportSettings } from './transport.ts';
import { buildWireRequest } from './wire-request.ts';
import type { NeoResultValue } from './wire-response.ts';

export type { CallOptions, FetchLike, NeoApiLogEntry } from './transport.ts';

/** The Position request as plain data ({@link NeoApiClient.positionRequest}). */
export interface PositionRequest {
  readonly url: string;
  readonly init: RequestInit;
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
}

/** What a `fetch` made elsewhere got: an answer (its bytes as sent), or a failure. */
export type FetchedAnswer =
  | { readonly kind: 'response'; readonly status: number; readonly contentType: string; readonly contentLength: string | null; readonly bytes: ArrayBuffer }
  | { readonly kind: 'failed'; readonly message: string; readonly timedOut: boolean };

/** How to build a {@link NeoApiClient}. */
export interface NeoApiClientOptions {
  /** `…/neoapi/webservice.asmx`. */
  readonly serviceUrl: string;
  readonly binding: NeoApiBinding;
  /** Per-request timeout in ms. */
  readonly timeoutMs: number;
  /** Default: the global `fetch`. */
  readonly fetch?: FetchLike;
  /** Called after every request with a redacted entry (no `CLAVE`). */
  readonly log?: (entry: NeoApiLogEntry) => void;
  /** Default 1 MiB. */
  readonly maxBodyBytes?: number;
}

/** Options for a {@link NeoApiClient} from the validated connection settings. */
export function neoApiClientOptions(connection: ConnectionConfig, extra: Partial<NeoApiClientOptions> = {}): NeoApiClientOptions {
  return { serviceUrl: connection.neoApiUrl, binding: connection.neoApiBinding, timeoutMs: connection.neoApiTimeoutMs, ...extra };
}

function expectKind(value: NeoResultValue, kind: 'string', method: string): string {
  if (typeof value === kind && typeof value === 'string') return value;
  // The contract fixes the result kind per method; this only fires if the table is edited wrongly.
  throw new NeoApiError('MALFORMED_RESPONSE', method, `NeoApi ${method} decoded to ${typeof value}; the contract says ${kind}.`);
}

/** A NeoApi client for one service URL and binding. */
export class NeoApiClient {
  private readonly settings: TransportSettings;
  /** The last Position answer: an unchanged body is not decoded again (transport.ts). */
  private readonly lastPosition: LastAnswer = { method: '', body: null, contentType: '', value: undefined };

  constructor(options: NeoApiClientOptions) {
    const fetchImpl = options.fetch ?? ((url: string, init: RequestInit) => globalThis.fetch(url, init));
    this.settings = {
      serviceUrl: options.serviceUrl,
      binding: options.binding,
      timeoutMs: options.timeoutMs,
      fetch: fetchImpl,
      maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
      log: options.log,
      now: () => Date.now(),
    };
  }

  /** The binding in use. */
  get binding(): NeoApiBinding {
    return this.settings.binding;
  }

  /**
   * Any method of the contract by its wire name (aliases included), with its parameters by
   * contract name. Resolves `undefined` (void), a string or a boolean.
   */
  call(method: string, params: NeoParams, options?: CallOptions): Promise<NeoResultValue> {
    return callNeoApi(this.settings, method, params, options);
  }

  /** A request of the contract, typed by it (`NeoRequest<'Dial'>` knows `USUARIO` and `TELEFONO`). */
  send(request: NeoRequest, options?: CallOptions): Promise<NeoResultValue> {
    return this.call(request.method, request.params, options);
  }

  /**
   * The Position request for `user` as `fetch` sends it (plain data, no signal), with the limits
   * that apply to its answer: for a poll run off the main thread (position-watch.ts).
   */
  positionRequest(user: string): PositionRequest {
    const request = buildWireRequest(this.settings.binding, this.settings.serviceUrl, 'Position', wireParams(operationFor('Position'), { USUARIO: user }));
    return { url: request.url, init: wireFetchInit(request), timeoutMs: this.settings.timeoutMs, maxBodyBytes: this.settings.maxBodyBytes };
  }

  /**
   * A Position answer fetched elsewhere (position-watch.ts), decoded exactly as {@link position}
   * decodes its own: the same checks, errors, charset and unchanged-answer memo.
   */
  async positionOf(user: string, answer: FetchedAnswer, options?: CallOptions): Promise<string> {
    if (answer.kind === 'failed' && answer.timedOut) throw timeoutError('Position', this.settings.binding, options?.timeoutMs ?? this.settings.timeoutMs);
    const fetch: FetchLike = () => {
      if (answer.kind === 'failed') return Promise.reject(new TypeError(answer.message));
      const headers: Record<string, string> = { 'content-type': answer.contentType };
      if (answer.contentLength !== null) headers['content-length'] = answer.contentLength;
      // A status that may carry no body (204, 205, 304) must be built without one.
      const body = answer.status === 204 || answer.status === 205 || answer.status === 304 ? null : answer.bytes;
      return Promise.resolve(new Response(body, { status: answer.status, headers }));
    };
    const value = await callNeoApi({ ...this.settings, fetch }, 'Position', { USUARIO: user }, { ...options, lastAnswer: this.lastPosition });
    return expectKind(value, 'string', 'Position');
  }

  /** The raw Position text (parse it with `parsePosition`); the poller's one request. */
  async position(user: string, options?: CallOptions): Promise<string> {
    return expectKind(await this.call('Position', { USUARIO: user }, { ...options, lastAnswer: this.lastPosition }), 'string', 'Position');
  }
}
