/**
 * One NeoApi call over `fetch`: check the parameters against the contract, build the binding's
 * request, enforce the per-request timeout and the caller's `AbortSignal`, read the body with a
 * size cap, turn its bytes into text with the charset it declares (body-text.ts), decode it, and
 * report a redacted log entry. Every failure is a {@link NeoApiError}.
 */
import type { NeoApiBinding } from '../../config/config-types.ts';
import { decodeBodyText } from './body-text.ts';
import { NeoApiError } from './errors.ts';
import { operationFor, redactParams, wireParams, type NeoParams } from './request-params.ts';
import { buildWireRequest, type WireRequest } from './wire-request.ts';
import { decodeAnswer, type NeoResultValue } from './wire-response.ts';

/** The part of `fetch` the client uses (inject a fake in tests). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** One finished call, for diagnostics. Secrets (`CLAVE`) are already `***`. */
export interface NeoApiLogEntry {
  readonly method: string;
  readonly binding: NeoApiBinding;
  readonly params: Readonly<Record<string, string>>;
  /** HTTP status, when an answer arrived. */
  readonly status: number | undefined;
  readonly durationMs: number;
  readonly ok: boolean;
  /** The error code when `ok` is false. */
  readonly code: string | undefined;
}

/** How the transport reaches the service. */
export interface TransportSettings {
  /** `…/neoapi/webservice.asmx` (ConnectionConfig.neoApiUrl). */
  readonly serviceUrl: string;
  readonly binding: NeoApiBinding;
  /** Per-request timeout (ConnectionConfig.neoApiTimeoutMs). */
  readonly timeoutMs: number;
  readonly fetch: FetchLike;
  /** Largest body read; a Position is ~1.5 KB, so 1 MiB is generous. */
  readonly maxBodyBytes: number;
  readonly log: ((entry: NeoApiLogEntry) => void) | undefined;
  readonly now: () => number;
}

/** Per-call options. */
export interface CallOptions {
  /** Cancels the call; it rejects with `ABORTED`. */
  readonly signal?: AbortSignal;
  /** Overrides the settings' timeout for this call. */
  readonly timeoutMs?: number;
  /**
   * The name this deployment's server gives the method (`neoApiMethods`); the contract's
   * parameters and result kind still come from the contract method named in the call.
   */
  readonly wireName?: string;
  /** Contract parameter name → the name this deployment's server uses (`neoApiMethods`). */
  readonly paramNames?: Readonly<Record<string, string>>;
  /**
   * The last successful answer of this call: a 200 whose body and content type are the same text
   * is not decoded again (the Position poll asks every second and the answer rarely changes).
   * Updated in place after each new success.
   */
  readonly lastAnswer?: LastAnswer;
}

/** What {@link CallOptions.lastAnswer} remembers: the raw answer and what it decoded to. */
export interface LastAnswer {
  /** The wire name it was decoded for (SOAP's answer element is named after it). */
  method: string;
  body: string | null;
  contentType: string;
  value: NeoResultValue;
}

/**
 * The `fetch` init of a wire request (without its signal): plain data, so a worker can send the
 * same request (position-watch.ts). Minimal request headers on a call made every second (the
 * Position poll): no Referer (the adapter's URL with Salesforce's query string, ~200 B), and the
 * no-cache headers that `no-store` adds only where a cache could answer (GET); credentials stay
 * the default (same-origin).
 */
export function wireFetchInit(request: WireRequest): RequestInit {
  return {
    method: request.method,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
    referrerPolicy: 'no-referrer',
    ...(request.method === 'GET' ? { cache: 'no-store' as const } : {}),
  };
}

/** The error of a call that got no answer within its timeout. */
export function timeoutError(method: string, binding: NeoApiBinding, timeoutMs: number, cause?: unknown): NeoApiError {
  return new NeoApiError('TIMEOUT', method, `NeoApi ${method} (${binding}) got no answer within ${timeoutMs} ms (neoApiTimeoutMs).`, { cause });
}

/** Reads the body's bytes, refusing more than `max`; they are decoded once the charset is known. */
async function readBody(response: Response, max: number, method: string): Promise<Uint8Array> {
  const tooLarge = (size: string): NeoApiError =>
    new NeoApiError('MALFORMED_RESPONSE', method, `NeoApi ${method} answered a body of ${size}; expected at most ${max} bytes.`, { status: response.status });
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > max) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(`${declared} bytes`);
  }
  // A declared length within the cap (the browser fails a body longer or shorter than declared)
  // is read in one piece: no reader, no chunk list, on a request made every second.
  if (!response.body || declared >= 0) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(`more than ${max} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : '';
    return `${cause.message}${inner}`;
  }
  return String(cause);
}

/**
 * Calls `method` (a wire name of the contract) with `params`. Resolves with the decoded result
 * (`undefined` for void methods); rejects with a {@link NeoApiError}. Invalid parameters reject
 * before any request is made.
 */
export async function callNeoApi(settings: TransportSettings, contractMethod: string, params: NeoParams, options: CallOptions = {}): Promise<NeoResultValue> {
  const operation = operationFor(contractMethod);
  const method = options.wireName ?? contractMethod;
  const checked = wireParams(operation, params);
  const renames = options.paramNames;
  // Renamed after the contract check; the log keeps the contract's names, so secrets stay redacted.
  const wire = renames === undefined ? checked : checked.map((param) => ({ ...param, name: renames[param.name] ?? param.name }));
  const { binding } = settings;
  const started = settings.now();
  let status: number | undefined;
  const report = (ok: boolean, code?: string): void =>
    settings.log?.({ method, binding, params: redactParams(checked), status, durationMs: settings.now() - started, ok, code });

  if (options.signal?.aborted) {
    report(false, 'ABORTED');
    throw new NeoApiError('ABORTED', method, `NeoApi ${method} (${binding}) was aborted before it was sent.`, { cause: options.signal.reason });
  }
  const request = buildWireRequest(binding, settings.serviceUrl, method, wire);
  const controller = new AbortController();
  const timeoutMs = options.timeoutMs ?? settings.timeoutMs;
  // An object, not a `let`: the flag flips inside the timer callback.
  const deadline = { passed: false };
  const timer = setTimeout(() => {
    deadline.passed = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = (): void => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const fail = (error: NeoApiError): never => {
    report(false, error.code);
    throw error;
  };

  try {
    let body: string;
    let contentType: string;
    try {
      const response = await settings.fetch(request.url, { ...wireFetchInit(request), signal: controller.signal });
      status = response.status;
      contentType = response.headers.get('content-type') ?? '';
      body = decodeBodyText(await readBody(response, settings.maxBodyBytes, method), contentType, { method, binding, status });
    } catch (cause) {
      if (cause instanceof NeoApiError) return fail(cause);
      if (deadline.passed) return fail(timeoutError(method, binding, timeoutMs, cause));
      if (options.signal?.aborted) return fail(new NeoApiError('ABORTED', method, `NeoApi ${method} (${binding}) was aborted by the caller.`, { cause: options.signal.reason }));
      const where = binding === 'SOAP' ? settings.serviceUrl : `${settings.serviceUrl}/${method}`;
      return fail(new NeoApiError('NETWORK', method, `NeoApi ${method} (${binding}) could not reach ${where}: ${describeCause(cause)}.`, { cause }));
    }
    const memo = options.lastAnswer;
    if (memo !== undefined && status === 200 && body === memo.body && contentType === memo.contentType && method === memo.method) {
      report(true);
      return memo.value;
    }
    const decoded = decodeAnswer({ binding, wireName: method, kind: operation.spec.result }, status, contentType, body);
    if (!decoded.ok) return fail(decoded.error);
    if (memo !== undefined) Object.assign(memo, { method, body, contentType, value: decoded.value });
    report(true);
    return decoded.value;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}
