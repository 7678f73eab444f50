import type { SettingsMap } from '../../../src/config/settings-map.ts';
import { DEFAULT_DESCRIPTIONS, ErrorInjections } from '../opencti/error-injection.ts';
import type { Org } from '../opencti/method-context.ts';
import { METHODS } from '../opencti/methods.ts';
import { failure, parseRequest, replyTo, type OpenCtiRequest, type OpenCtiResponse } from '../opencti/protocol.ts';
import type { SoftphoneLayout } from '../layout/softphone-layout.ts';
import { loadRecordsFixture, type RecordsFixture } from '../records/fixture.ts';
import { RecordStore } from '../records/record-store.ts';
import type { CallCenter } from '../settings/call-center.ts';
import { appViewInfo, type HostView } from '../views/host-view.ts';
import { renderView } from '../views/render.ts';
import type { ChromeState, HostUpdate, OutgoingMessage, RenderedView } from '../views/rendered.ts';
import { HostTab, PANEL_LIMITS } from './host-tab.ts';
import { RequestLog } from './request-log.ts';

/** Sends an update to a tab's page over its event stream; resolves when the page applied it. */
export type TabPusher = (tab: HostTab, update: HostUpdate) => Promise<void>;

export interface EmulatorOptions {
  /** Builds the call center as configured at start (also used by reset). */
  callCenter: () => CallCenter;
  layout: SoftphoneLayout;
  records: RecordsFixture;
  /** Banner text when the library accepts localhost origins (dev mode). */
  devOriginBanner?: string;
  pusher?: TabPusher;
}

/** Thrown for control/host requests naming a tab that is not there; carries the HTTP status. */
export class TabNotFoundError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'TabNotFoundError';
  }
}

/**
 * The emulated org and console: records, call center, softphone layout (org-wide), the open
 * console tabs (each with its own softphone instance), the request/event logs and injected
 * failures. The HTTP layer (`server.ts`) and the host page only move data in and out of it.
 */
export class LightningEmulator {
  readonly records = new RecordStore();
  readonly injections = new ErrorInjections();
  readonly log = new RequestLog();
  readonly tabs = new Map<string, HostTab>();
  readonly completedWork: { workId: string; attributes: unknown }[] = [];
  callCenter: CallCenter;
  layout: SoftphoneLayout;
  /** Salesforce keeps the standby adapter for the rest of the browser session once it switched. */
  standbyActive = false;
  private rendered = new Map<string, RenderedView>();
  private tabCounter = 0;
  pusher: TabPusher;

  constructor(private readonly options: EmulatorOptions) {
    loadRecordsFixture(this.records, options.records);
    this.callCenter = options.callCenter();
    this.layout = structuredClone(options.layout);
    this.pusher = options.pusher ?? (() => Promise.resolve());
  }

  /** The org as method handlers see it. */
  readonly org: Org = {
    records: this.records,
    settings: () => this.callCenter.settings,
    layout: () => this.layout,
    publish: (channel, message) => {
      for (const tab of this.tabs.values()) tab.emit('subscribe', message, channel);
    },
    completedWork: this.completedWork,
  };

  /** Opens a console tab for a host page that just loaded at `path`. */
  openTab(origin: string, initialView: HostView): HostTab {
    const tab = new HostTab(`tab-${++this.tabCounter}`, origin, panelSize(this.callCenter.settings));
    tab.view = initialView;
    this.tabs.set(tab.id, tab);
    this.rerender(tab);
    return tab;
  }

  closeTab(tabId: string): void {
    this.tabs.delete(tabId);
    this.rendered.delete(tabId);
  }

  /** A tab by id, or the newest connected one when no id is given. */
  tab(tabId?: string): HostTab {
    if (tabId !== undefined && tabId !== '') {
      const tab = this.tabs.get(tabId);
      if (!tab) throw new TabNotFoundError(`No console tab ${JSON.stringify(tabId)}; open tabs: ${[...this.tabs.keys()].join(', ') || 'none'}`, 404);
      return tab;
    }
    const tabs = [...this.tabs.values()];
    const tab = tabs.filter((t) => t.stream !== undefined).at(-1) ?? tabs.at(-1);
    if (!tab) throw new TabNotFoundError('No host page is open: load the emulator page in a browser first.', 409);
    return tab;
  }

  /** The adapter URL to frame: the call center's, or the standby one after a switch. */
  adapterUrl(): string {
    const settings = this.callCenter.settings;
    const standby = standbySettings(settings);
    return this.standbyActive && standby ? standby.url : (settings['/reqGeneralInfo/reqAdapterUrl'] ?? '').trim();
  }

  standby(): { url: string; timeoutMs: number } | null {
    return this.standbyActive ? null : standbySettings(this.callCenter.settings);
  }

  /** Handles one message the page received from the adapter frame. */
  handleMessage(tab: HostTab, frame: number, data: unknown): HostUpdate {
    const parsed = parseRequest(data);
    const raw = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
    if ('malformed' in parsed || frame !== tab.frame) {
      this.log.addRequest({
        tabId: tab.id,
        frame,
        methodName: String(raw.methodName),
        callId: raw.callId,
        apiVersion: raw.apiVersion,
        isCallbackRegistered: raw.isCallbackRegistered === true,
        isListenerRegistered: raw.isListenerRegistered === true,
        args: raw.args,
        outcome: 'malformed',
        problem: 'malformed' in parsed ? parsed.malformed : `sent by frame ${frame}, which was replaced by frame ${tab.frame}`,
      });
      return this.update(tab, []);
    }
    const request = parsed;
    const apexMethod = request.methodName === 'runApex' ? request.args.methodName : undefined;
    const injection = this.injections.take(request.methodName, typeof apexMethod === 'string' ? `runApex:${apexMethod}` : undefined);
    const entry = {
      tabId: tab.id,
      frame,
      methodName: request.methodName,
      callId: request.callId,
      apiVersion: request.apiVersion,
      isCallbackRegistered: request.isCallbackRegistered,
      isListenerRegistered: request.isListenerRegistered,
      args: request.args,
    };
    const messages: OutgoingMessage[] = [];
    if (injection?.kind === 'LATE_REPLY') {
      const response = this.execute(tab, request);
      this.log.addRequest({ ...entry, outcome: request.isCallbackRegistered ? 'replied' : 'no-callback', response });
      if (request.isCallbackRegistered) setTimeout(() => void this.pusher(tab, this.update(tab, [replyTo(request, response)])).catch(() => undefined), injection.delayMs ?? 100);
    } else if (injection && injection.kind !== 'NO_REPLY') {
      const response = failure(injection.kind, injection.description ?? DEFAULT_DESCRIPTIONS[injection.kind]);
      this.log.addRequest({ ...entry, outcome: 'injected', injected: injection.kind, response });
      if (request.isCallbackRegistered) messages.push(replyTo(request, response));
    } else if (injection) {
      const late = injection.execute === true && (injection.delayMs ?? 0) > 0;
      const response = injection.execute === true && !late ? this.execute(tab, request) : undefined;
      if (late) setTimeout(() => this.execute(tab, request), injection.delayMs);
      this.log.addRequest({ ...entry, outcome: 'no-reply', injected: 'NO_REPLY', ...(response ? { response } : {}) });
    } else {
      const response = this.execute(tab, request);
      this.log.addRequest({ ...entry, outcome: request.isCallbackRegistered ? 'replied' : 'no-callback', response });
      if (request.isCallbackRegistered) messages.push(replyTo(request, response));
    }
    return this.update(tab, [...messages, ...tab.drain()]);
  }

  /** Shows `view` in the tab and queues `onNavigationChange` for its softphone. */
  navigate(tab: HostTab, view: HostView): void {
    tab.view = view;
    this.rerender(tab);
    tab.emit('onNavigationChange', appViewInfo(view, tab.origin, this.records));
  }

  /** Re-reads the tab's view from the store (Lightning shows stale data until a refresh). */
  rerender(tab: HostTab): void {
    this.rendered.set(tab.id, renderView(tab.view, this.records));
  }

  /** The update a page applies: messages for the adapter, the view and the chrome. */
  update(tab: HostTab, messages: OutgoingMessage[]): HostUpdate {
    for (const m of messages) {
      if (m.shouldExecuteListener) {
        this.log.addEvent({ tabId: tab.id, frame: tab.frame, methodName: m.methodName, ...(m.eventName ? { eventName: m.eventName } : {}), payload: m.response });
      }
    }
    this.flushOtherTabs(tab);
    return { messages, view: this.renderedView(tab), chrome: this.chrome(tab) };
  }

  /** Sends a tab the events queued for it (and its view/chrome) through its event stream. */
  push(tab: HostTab, extra: Partial<HostUpdate> = {}): Promise<void> {
    return this.pusher(tab, { ...this.update(tab, tab.drain()), ...extra });
  }

  renderedView(tab: HostTab): RenderedView {
    let view = this.rendered.get(tab.id);
    if (!view) {
      view = renderView(tab.view, this.records);
      this.rendered.set(tab.id, view);
    }
    return view;
  }

  chrome(tab: HostTab): ChromeState {
    const banners: string[] = [];
    const snapshot = this.callCenter.snapshot();
    if (snapshot.importError) banners.push(snapshot.importError);
    if (this.adapterUrl() === '') banners.push('The call center has no CTI Adapter URL (/reqGeneralInfo/reqAdapterUrl): no softphone to load.');
    if (this.options.devOriginBanner) banners.push(this.options.devOriginBanner);
    return { panel: { ...tab.panel }, item: { ...tab.item }, clickToDialEnabled: tab.clickToDialEnabled, banners };
  }

  /** Back to the state at start: records, call center, layout, logs, injections, standby. */
  reset(): void {
    this.records.clear();
    loadRecordsFixture(this.records, this.options.records);
    this.callCenter = this.options.callCenter();
    this.layout = structuredClone(this.options.layout);
    this.injections.clear();
    this.log.clear();
    this.completedWork.length = 0;
    this.standbyActive = false;
    for (const tab of this.tabs.values()) {
      tab.view = { kind: 'home' };
      this.rerender(tab);
    }
  }

  private execute(tab: HostTab, request: OpenCtiRequest): OpenCtiResponse {
    // Own entries only: `toString` is no Open CTI method.
    const handler = Object.hasOwn(METHODS, request.methodName) ? METHODS[request.methodName] : undefined;
    if (!handler) return failure('GENERIC_ERROR', `Unknown Open CTI method ${JSON.stringify(request.methodName)}.`);
    try {
      return handler({
        request,
        args: request.args,
        tab,
        org: this.org,
        navigate: (view) => this.navigate(tab, view),
        refresh: () => this.rerender(tab),
      });
    } catch (error) {
      // A bug in the emulator must reach the adapter as a server error, not hang it.
      return failure('SERVER_ERROR', `Emulator failure in ${request.methodName}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Events for other tabs (an LMS publish) go out through their streams. */
  private flushOtherTabs(current: HostTab): void {
    for (const other of this.tabs.values()) {
      if (other === current) continue;
      const messages = other.drain();
      if (messages.length > 0) void this.pusher(other, this.update(other, messages)).catch(() => undefined);
    }
  }
}

/** Initial panel size from the call center; out-of-range values are clamped, garbage falls back. */
export function panelSize(settings: SettingsMap): { heightPX: number; widthPX: number } {
  const pick = (key: string, limits: { min: number; max: number }, fallback: number): number => {
    const n = Number((settings[key] ?? '').trim());
    if (!Number.isFinite(n) || (settings[key] ?? '').trim() === '') return fallback;
    return Math.min(limits.max, Math.max(limits.min, Math.round(n)));
  };
  return {
    heightPX: pick('/reqGeneralInfo/reqSoftphoneHeight', PANEL_LIMITS.height, 400),
    widthPX: pick('/reqGeneralInfo/reqSoftphoneWidth', PANEL_LIMITS.width, 300),
  };
}

function standbySettings(settings: SettingsMap): { url: string; timeoutMs: number } | null {
  const url = (settings['/reqGeneralInfo/reqStandbyUrl'] ?? '').trim();
  const timeoutMs = Number((settings['/reqGeneralInfo/reqTimeout'] ?? '').trim());
  return url !== '' && Number.isFinite(timeoutMs) && timeoutMs > 0 ? { url, timeoutMs } : null;
}
