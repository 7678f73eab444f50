import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import type { ControlState, TabReport } from './control/state-report.ts';
import type { Injection, InjectionKind } from './opencti/error-injection.ts';
import type { SoftphoneLayout } from './layout/softphone-layout.ts';
import type { DmlError } from './records/dml.ts';
import type { SObjectRecord } from './records/record-store.ts';
import type { SObjectName } from './records/schema.ts';
import type { CallCenterSnapshot } from './settings/call-center.ts';
import type { ClickToDialResult } from './state/console-actions.ts';
import type { EventLogEntry, RequestLogEntry } from './state/request-log.ts';
import type { AppViewInfo } from './views/host-view.ts';

export type { ControlState, TabReport } from './control/state-report.ts';
export type { EventLogEntry, RequestLogEntry } from './state/request-log.ts';

/** An answer of the control API that was not 2xx. */
export class ControlApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`Lightning control API ${what} answered ${status}: ${JSON.stringify(body)}`);
    this.name = 'ControlApiError';
  }
}

export interface ControlClientOptions {
  /** PEM certificate to trust (the emulator's `certificate` in https mode). */
  ca?: string;
  /** Console tab to address (default: the newest connected one). */
  tab?: string;
}

/** Where a test navigates: a Lightning path, or `screenPop`-style arguments. */
export type NavigationTarget = { path: string } | { type: string; params: Record<string, unknown> };

/**
 * A typed client for the emulator's control API (`/__control`), for end-to-end tests:
 *
 * ```ts
 * const control = new LightningControl(server.origin, { ca: server.certificate });
 * await control.inject({ methodName: 'saveLog', kind: 'NO_REPLY' });
 * const saved = await control.waitForRequest('saveLog');
 * ```
 */
export class LightningControl {
  private readonly origin: string;

  constructor(
    originOrControlUrl: string,
    private readonly options: ControlClientOptions = {},
  ) {
    this.origin = new URL(originOrControlUrl).origin;
  }

  /** The same client addressing one console tab. */
  forTab(tab: string): LightningControl {
    return new LightningControl(this.origin, { ...this.options, tab });
  }

  state(): Promise<ControlState> {
    return this.call('GET', '/state');
  }

  /** Waits until a console page is open and connected; returns its tab. */
  async waitForTab(timeoutMs = 10_000): Promise<TabReport> {
    const tab = await this.poll(async () => {
      const state = await this.state();
      return state.tab?.connected === true ? state.tab : undefined;
    }, timeoutMs, 'a connected console tab');
    return tab;
  }

  reset(): Promise<{ ok: true }> {
    return this.call('POST', '/reset');
  }

  async log(filter: { method?: string; since?: number } = {}): Promise<RequestLogEntry[]> {
    const query = new URLSearchParams();
    if (filter.method !== undefined) query.set('method', filter.method);
    if (filter.since !== undefined) query.set('since', String(filter.since));
    return (await this.call<{ requests: RequestLogEntry[] }>('GET', `/log?${query.toString()}`)).requests;
  }

  async events(method?: string): Promise<EventLogEntry[]> {
    return (await this.call<{ events: EventLogEntry[] }>('GET', `/events${method ? `?method=${encodeURIComponent(method)}` : ''}`)).events;
  }

  /** Waits for the adapter to send `method` (after log entry `since`, optionally matching `where`). */
  waitForRequest(method: string, options: { since?: number; timeoutMs?: number; where?: (entry: RequestLogEntry) => boolean } = {}): Promise<RequestLogEntry> {
    return this.poll(async () => {
      const entries = await this.log({ method, ...(options.since === undefined ? {} : { since: options.since }) });
      return entries.find((e) => options.where?.(e) ?? true);
    }, options.timeoutMs ?? 5000, `a ${method} request`);
  }

  /** Waits until the adapter has sent `method` at least `count` times; returns those requests. */
  waitForRequests(method: string, count: number, timeoutMs = 5000): Promise<RequestLogEntry[]> {
    return this.poll(async () => {
      const entries = await this.log({ method });
      return entries.length >= count ? entries : undefined;
    }, timeoutMs, `${count} ${method} requests`);
  }

  settings(): Promise<CallCenterSnapshot> {
    return this.call('GET', '/settings');
  }

  /** Replaces the whole settings map (bad values welcome: that is what admins produce). */
  replaceSettings(settings: Record<string, string>): Promise<CallCenterSnapshot> {
    return this.call('PUT', '/settings', { settings });
  }

  /** Sets (or with null removes) individual settings. */
  setSettings(values: Record<string, string | null>): Promise<CallCenterSnapshot> {
    return this.call('PATCH', '/settings', { values });
  }

  /** Imports a definition; `ok: false` (settings unchanged, `importError` set) when Salesforce would refuse it. */
  async importXml(xml: string): Promise<{ ok: boolean; snapshot: CallCenterSnapshot }> {
    const { status, body } = await this.send('PUT', '/call-center-xml', { xml });
    if (status !== 200 && status !== 422) throw new ControlApiError(status, body, 'PUT /call-center-xml');
    return { ok: status === 200, snapshot: body as CallCenterSnapshot };
  }

  layout(): Promise<SoftphoneLayout> {
    return this.call('GET', '/layout');
  }

  setLayout(layout: SoftphoneLayout): Promise<SoftphoneLayout> {
    return this.call('PUT', '/layout', layout);
  }

  async records(objectName?: SObjectName): Promise<SObjectRecord[]> {
    return (await this.call<{ records: SObjectRecord[] }>('GET', `/records${objectName ? `?object=${objectName}` : ''}`)).records;
  }

  async tasks(): Promise<SObjectRecord[]> {
    return (await this.call<{ records: SObjectRecord[] }>('GET', '/tasks')).records;
  }

  async record(id: string): Promise<SObjectRecord | undefined> {
    const { status, body } = await this.send('GET', `/records/${encodeURIComponent(id)}`);
    if (status === 404) return undefined;
    if (status !== 200) throw new ControlApiError(status, body, `GET /records/${id}`);
    return body as SObjectRecord;
  }

  /** Creates a record with Salesforce's validation. */
  createRecord(objectName: SObjectName, fields: Record<string, unknown>): Promise<{ ok: true; record: SObjectRecord } | { ok: false; errors: DmlError[] }> {
    return this.dml('POST', '/records', { objectName, fields });
  }

  updateRecord(id: string, fields: Record<string, unknown>): Promise<{ ok: true; record: SObjectRecord } | { ok: false; errors: DmlError[] }> {
    return this.dml('PATCH', `/records/${encodeURIComponent(id)}`, { fields });
  }

  /** Adds an org validation rule refusing every save of `objectName` with `message` (FIELD_CUSTOM_VALIDATION_EXCEPTION). */
  addValidationRule(objectName: SObjectName, message: string): Promise<{ rules: unknown[] }> {
    return this.call('POST', '/validation-rule', { objectName, message });
  }

  clearValidationRules(): Promise<{ rules: [] }> {
    return this.call('DELETE', '/validation-rule');
  }

  /** Navigates the console (fires `onNavigationChange`); resolves once the page shows it. */
  navigate(target: NavigationTarget): Promise<{ appViewInfo: AppViewInfo }> {
    return this.call('POST', '/navigate', target);
  }

  /** Clicks a phone field of a record, as a person would. */
  clickToDial(recordId: string, field: string): Promise<ClickToDialResult> {
    return this.call('POST', '/click-to-dial', { recordId, field });
  }

  /** Delivers a raw listener event (any payload) if the softphone registered that listener. */
  fire(methodName: string, payload: unknown, eventName?: string): Promise<{ delivered: boolean }> {
    return this.call('POST', '/fire', { methodName, payload, ...(eventName === undefined ? {} : { eventName }) });
  }

  /** Publishes a Lightning Message Service message on `channel`. */
  publish(channel: string, message: unknown): Promise<{ ok: true }> {
    return this.call('POST', '/lms/publish', { channel, message });
  }

  /** Makes the next `count` calls of `methodName` (`*` = any) fail or go unanswered. */
  inject(injection: { methodName: string; kind: InjectionKind; count?: number; description?: string; execute?: boolean; delayMs?: number }): Promise<{ injections: Injection[] }> {
    return this.call('POST', '/inject', injection);
  }

  clearInjections(): Promise<{ injections: [] }> {
    return this.call('DELETE', '/inject');
  }

  /** Re-creates the adapter iframe (reload / pop-out). */
  recreateFrame(): Promise<{ frame: number; adapterUrl: string }> {
    return this.call('POST', '/frame/recreate');
  }

  setPanelVisible(visible: boolean): Promise<{ panel: TabReport['panel'] }> {
    return this.call('POST', '/panel', { visible });
  }

  private async dml(method: string, path: string, body: unknown): Promise<{ ok: true; record: SObjectRecord } | { ok: false; errors: DmlError[] }> {
    const response = await this.send(method, path, body);
    if (response.status === 200 || response.status === 201) return { ok: true, record: response.body as SObjectRecord };
    if (response.status === 422) return { ok: false, errors: (response.body as { errors: DmlError[] }).errors };
    throw new ControlApiError(response.status, response.body, `${method} ${path}`);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.send(method, path, body);
    if (response.status < 200 || response.status > 299) throw new ControlApiError(response.status, response.body, `${method} ${path}`);
    return response.body as T;
  }

  private send(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const url = new URL(`/__control${path}`, this.origin);
    if (this.options.tab !== undefined) url.searchParams.set('tab', this.options.tab);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = request(
        {
          // Loopback only: the host name may be *.lightning.force.com, mapped for the browser alone.
          hostname: '127.0.0.1',
          port: url.port,
          path: url.pathname + url.search,
          method,
          headers: {
            Host: url.host,
            ...(payload === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(payload)) }),
          },
          // SNI carries the console's name (the certificate is checked against it); never an IP.
          ...(url.protocol === 'https:' && isIP(url.hostname) === 0 ? { servername: url.hostname } : {}),
          ...(this.options.ca === undefined ? {} : { ca: this.options.ca }),
          timeout: 15_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = text === '' ? null : JSON.parse(text);
            } catch {
              // Not JSON (a plain-text error page): keep the text for the error message.
            }
            resolve({ status: res.statusCode ?? 0, body: parsed });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`Lightning control API ${method} ${path} timed out`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  private async poll<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const found = await probe();
      if (found !== undefined) return found;
      if (Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
  }
}
