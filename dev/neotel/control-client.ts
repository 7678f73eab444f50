/**
 * A typed client of the simulator's control API (and a raw NeoApi caller), for tests and scripts.
 *
 * ```ts
 * const control = new NeotelControl(neotel.url);
 * const { callId } = await control.placeInbound({ number: '2615554444', queue: 3 });
 * await control.hangup(callId);
 * ```
 */
import type { ContactBookSnapshot, Disposition } from './center/contact-book.ts';
import type { CallSummary } from './center/summaries.ts';
import type { NeoApiFaultRequest, NeoApiFaultState } from './neoapi/fault-injection.ts';
import type { ResponseEncoding } from './neoapi/response-encoding.ts';
import type { DeploymentNamesState } from './neoapi/deployment-names.ts';
import type { NeoApiLogEntry } from './neoapi/request-log.ts';

export type { NeoApiFaultRequest, NeoApiFaultState } from './neoapi/fault-injection.ts';

/** What `POST /control/sip/drop` answers. */
export interface SipDropResult {
  /** WebSockets closed. */
  closed: number;
  /** ISO instant until which new upgrades get 503, or `null`. */
  refusingUntil: string | null;
}

export interface ControlState {
  scenario: string;
  dialer: { running: boolean };
  positions: { user: string; device: string; position: string }[];
  calls: CallSummary[];
  queues: { id: number; name: string; waiting: string[] }[];
  lastRequest: number;
}

export interface InboundRequest {
  number: string;
  queue: number;
  dnis?: string;
  clave?: string;
  data?: string;
  toneHz?: number;
}

/** A control API call that did not answer 2xx; the message carries the server's error text. */
export class ControlApiError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
    detail: string,
  ) {
    super(`Neotel control ${path} answered ${status}: ${detail}`);
    this.name = 'ControlApiError';
  }
}

/** A NeoApi answer as it came over the wire. */
export interface NeoApiReply {
  status: number;
  contentType: string;
  body: string;
}

export class NeotelControl {
  constructor(readonly baseUrl: string) {}

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) {
      let detail = text;
      try {
        detail = (JSON.parse(text) as { error?: string }).error ?? text;
      } catch {
        // Not JSON (recording endpoints answer text): keep the text.
      }
      throw new ControlApiError(response.status, path, detail);
    }
    return JSON.parse(text) as T;
  }

  state(): Promise<ControlState> {
    return this.request('GET', '/control/state');
  }
  positions(): Promise<ControlState['positions']> {
    return this.request('GET', '/control/positions');
  }
  calls(): Promise<CallSummary[]> {
    return this.request('GET', '/control/calls');
  }
  call(callId: string): Promise<CallSummary> {
    return this.request('GET', `/control/calls/${encodeURIComponent(callId)}`);
  }
  requests(options: { since?: number; method?: string } = {}): Promise<NeoApiLogEntry[]> {
    const query = new URLSearchParams();
    if (options.since !== undefined) query.set('since', String(options.since));
    if (options.method !== undefined) query.set('method', options.method);
    return this.request('GET', `/control/requests?${query.toString()}`);
  }
  contacts(): Promise<ContactBookSnapshot & { dispositions: readonly (Disposition & { base: number; contactId: number; crm: number })[] }> {
    return this.request('GET', '/control/contacts');
  }
  placeInbound(input: InboundRequest): Promise<{ callId: string; call: CallSummary }> {
    return this.request('POST', '/control/inbound', input);
  }
  setDialer(running: boolean): Promise<{ running: boolean }> {
    return this.request('POST', '/control/dialer', { running });
  }
  setNumber(profile: { number: string; toneHz?: number; answerAfterMs?: number; neverAnswer?: boolean }): Promise<unknown> {
    return this.request('POST', '/control/numbers', profile);
  }
  /** The customer of the call hangs up. */
  hangup(callId: string): Promise<unknown> {
    return this.request('POST', `/control/calls/${encodeURIComponent(callId)}/hangup`);
  }
  pressDigits(callId: string, digits: string): Promise<unknown> {
    return this.request('POST', `/control/calls/${encodeURIComponent(callId)}/digits`, { digits });
  }
  speakTone(callId: string, hz: number, durationMs = 1000): Promise<unknown> {
    return this.request('POST', `/control/calls/${encodeURIComponent(callId)}/tone`, { hz, durationMs });
  }
  click2Call(ramal: string, telefone: string): Promise<{ callid: string }> {
    return this.request('POST', '/control/click2call', { ramal, telefone });
  }
  /**
   * Makes NeoApi misbehave: `error500` (the simulator's error shape, `text` as the message),
   * `hang` (no answer until cleared, at most 120 s) or `reset` (TCP reset), for `methods` (wire
   * names; omitted = all) and `count` requests (omitted = until cleared). A reset clears it too.
   */
  setNeoApiFault(fault: NeoApiFaultRequest): Promise<NeoApiFaultState> {
    return this.request('POST', '/control/faults/neoapi', fault);
  }
  /** The active NeoApi fault (`mode: 'none'` when there is none). */
  /** Makes NeoApi answer in `encoding` (`charsetInHeader: false`: only the XML declaration says so). */
  setNeoApiEncoding(encoding: Pick<ResponseEncoding, 'encoding'> & Partial<ResponseEncoding>): Promise<ResponseEncoding> {
    return this.request('POST', '/control/neoapi/encoding', encoding);
  }

  /** Serves a deployment's NeoApi names (`neoApiMethods` syntax); `''` = the contract's. A reset restores the startup names. */
  setNeoApiNames(names: string): Promise<DeploymentNamesState> {
    return this.request('POST', '/control/neoapi/names', { names });
  }

  neoApiFault(): Promise<NeoApiFaultState> {
    return this.request('GET', '/control/faults/neoapi');
  }
  /** Clears the NeoApi fault; hung requests' sockets are closed without an answer. */
  clearNeoApiFault(): Promise<NeoApiFaultState> {
    return this.request('DELETE', '/control/faults/neoapi');
  }
  /**
   * Drops agents' SIP WebSockets abruptly (`device` like `SIP/1001`, or every one); with
   * `refuseMs` new upgrades get 503 that long. The real PBX only (501 with a fake).
   */
  dropSip(device?: string, refuseMs?: number): Promise<SipDropResult> {
    return this.request('POST', '/control/sip/drop', { ...(device === undefined ? {} : { device }), ...(refuseMs === undefined ? {} : { refuseMs }) });
  }
  reset(scenario?: unknown): Promise<{ ok: true; scenario: string }> {
    return this.request('POST', '/control/reset', scenario === undefined ? {} : { scenario });
  }
  /** The call's recording as WAV bytes (seed 001 shape when `phone` is given). */
  async recording(callId: string, phone?: string): Promise<Uint8Array> {
    const path = phone === undefined ? `/control/calls/${encodeURIComponent(callId)}/recording` : `/control/recording?callid=${encodeURIComponent(callId)}&telefone=${encodeURIComponent(phone)}`;
    const response = await fetch(`${this.baseUrl}${path}`);
    if (!response.ok) throw new ControlApiError(response.status, path, await response.text());
    return new Uint8Array(await response.arrayBuffer());
  }

  /** What the call's customer has heard so far, as WAV bytes (8 kHz mono). */
  async customerHeard(callId: string): Promise<Uint8Array> {
    const path = `/control/calls/${encodeURIComponent(callId)}/customer-heard`;
    const response = await fetch(`${this.baseUrl}${path}`);
    if (!response.ok) throw new ControlApiError(response.status, path, await response.text());
    return new Uint8Array(await response.arrayBuffer());
  }

  /** Calls a NeoApi method over the HTTP GET binding and returns the raw answer. */
  async neoApi(method: string, params: Record<string, string | number | boolean> = {}): Promise<NeoApiReply> {
    const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
    const response = await fetch(`${this.baseUrl}/neoapi/webservice.asmx/${encodeURIComponent(method)}?${query.toString()}`);
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text() };
  }
}
