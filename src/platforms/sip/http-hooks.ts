/**
 * Sends the `sip` platform's HTTP hooks (./hook-template.ts) with `fetch`: click-to-call (seed
 * 001: POST ramal/telefone/chave → the call id as text or JSON), call-start / call-end
 * notifications (seed 002: ramal, telefone, url_audio), and the recording URL (seed 001: GET
 * callid/telefone/chave → WAV). Each request has its template's timeout; a failure is a
 * HookError saying which hook, what was sent (the secret hidden) and what came back.
 */
import { describeHookForLog, renderHook, type HookTemplate, type HookValues } from './hook-template.ts';

export type HookName = 'clickToCall' | 'callStart' | 'callEnd' | 'recording';
export type HookErrorCode = 'hook-timeout' | 'hook-network' | 'hook-status' | 'hook-response' | 'hook-render';

export class HookError extends Error {
  override readonly name = 'HookError';
  constructor(
    readonly code: HookErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** `fetch` as the hooks use it (tests pass the real one against a local server). */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

const MAX_CALL_ID_LENGTH = 128;

/** Sends one hook; resolves with the response when its status is 2xx. */
export async function sendHook(name: HookName, template: HookTemplate, values: HookValues, fetchImpl: Fetch = fetch): Promise<Response> {
  let request;
  try {
    request = renderHook(template, values);
  } catch (error) {
    throw new HookError('hook-render', `Hook ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const shown = describeHookForLog(request, values.chave);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs);
  let response: Response;
  try {
    response = await fetchImpl(request.url, { method: request.method, headers: request.headers, ...(request.body === null ? {} : { body: request.body }), signal: controller.signal });
  } catch (error) {
    if (controller.signal.aborted) throw new HookError('hook-timeout', `Hook ${name}: ${shown} got no answer within ${request.timeoutMs} ms (the template's timeoutMs).`);
    throw new HookError('hook-network', `Hook ${name}: ${shown} could not be sent (${error instanceof Error ? error.message : String(error)}); check the URL and that the server allows this origin (CORS).`);
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) throw new HookError('hook-status', `Hook ${name}: ${shown} answered ${response.status} ${response.statusText} (expected 2xx).`, response.status);
  return response;
}

/**
 * The call id from a click-to-call answer: plain text (`1537276453.47245539`) or JSON — a string,
 * or an object with `callid`, `callId`, `call_id` or `id` (seed 001 says both).
 */
export function callIdFromResponse(body: string, contentType: string | null): string {
  const text = body.trim();
  let candidate: unknown = text;
  if ((contentType ?? '').includes('json') || text.startsWith('{') || text.startsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'string' || typeof parsed === 'number') candidate = String(parsed);
      else if (typeof parsed === 'object' && parsed !== null) {
        const record = parsed as Record<string, unknown>;
        const key = ['callid', 'callId', 'call_id', 'CallId', 'id'].find((name) => typeof record[name] === 'string' || typeof record[name] === 'number');
        candidate = key === undefined ? undefined : String(record[key]);
      }
    } catch {
      // Not JSON after all: read it as text.
    }
  }
  if (typeof candidate !== 'string' || !/^[\w.@:+-]{1,128}$/.test(candidate)) {
    const shown = text.length > 80 ? `${JSON.stringify(text.slice(0, 80))}… (${text.length} characters)` : JSON.stringify(text);
    throw new HookError('hook-response', `Hook clickToCall: the answer ${shown} is not a call id (expected text such as 1537276453.47245539 or JSON {"callid":"…"}, up to ${MAX_CALL_ID_LENGTH} letters, digits and . _ - : @ +).`);
  }
  return candidate;
}

/** Click-to-call: sends the hook and returns the call id the telephony API answered. */
export async function clickToCall(template: HookTemplate, values: HookValues, fetchImpl: Fetch = fetch): Promise<string> {
  const response = await sendHook('clickToCall', template, values, fetchImpl);
  return callIdFromResponse(await response.text(), response.headers.get('content-type'));
}

/**
 * The recording URL (a GET template rendered, not fetched). `forStorage` (the Task's field and
 * Description) leaves `{chave}` empty: the secret must not be stored in Salesforce in clear; the
 * panel's player renders it again with the secret (`forStorage: false`).
 */
export function recordingUrl(template: HookTemplate, values: HookValues, options: { forStorage: boolean }): string {
  if (template.method !== 'GET') throw new HookError('hook-render', `Hook recording: method ${template.method} cannot be a link (expected GET).`);
  return renderHook(template, options.forStorage ? { ...values, chave: '' } : values).url;
}
