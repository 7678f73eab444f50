import {
  PANEL_LIMITS,
  checkPixels,
  checkSaveLogValue,
  checkString,
  encodeMethodParams,
  toScreenPopWireArgs,
  toSearchWireArgs,
} from './argument-checks.ts';
import type { ScreenPopRequest } from './argument-checks.ts';
import {
  decodeAppViewInfo,
  decodeCallCenterSettings,
  decodeRunApex,
  decodeSaveLogId,
  decodeSearchResult,
  decodeSoftphoneLayout,
  decodeVisibility,
  readClickToDial,
  readNavigationChange,
  readWorkStart,
} from './decode.ts';
import { invalidArgument, notSupported } from './errors.ts';
import { DEFAULT_CALL_TIMEOUT_MS, invokeWithCallback } from './invoke.ts';
import type { CallOptions } from './invoke.ts';
import { ListenerFanout } from './listener-fanout.ts';
import type { ListenerProblemSink, Unsubscribe } from './listener-fanout.ts';
import { MessageChannels } from './message-channels.ts';
import type { MessageUnsubscribe } from './message-channels.ts';
import type { ReplySource } from './subscribe-line.ts';
import type {
  AppViewInfo,
  CallCenterSettings,
  ClickToDialPayload,
  CompleteWorkAttributes,
  OpenCtiLightning,
  SalesforceId,
  SaveLogValue,
  SearchAndScreenPopArgs,
  SearchAndScreenPopResult,
  SoftphoneLayout,
  WorkStartPayload,
} from './types.ts';

/** Options of an {@link OpenCti} instance. */
export interface OpenCtiOptions {
  /** Default wait for a callback, in ms, for every call without its own `timeoutMs`. */
  timeoutMs?: number;
  /**
   * Receives what no promise can: listener payloads that break the contract (as `OpenCtiError`
   * `MALFORMED_RESPONSE`) and exceptions thrown by subscribers. Default: `console.error`.
   */
  onListenerError?: ListenerProblemSink;
  /**
   * Where Salesforce's replies arrive (set by `loadOpenCti`). With it, a `subscribe` answered with
   * a reply the library cannot deliver fails at once instead of at its timeout.
   */
  replies?: ReplySource;
  /**
   * `getCallCenterSettings`' raw answer that the inline preload asked for before the bundle ran
   * (set by `loadOpenCti`): the first `getCallCenterSettings` takes it instead of asking again,
   * decoded and checked as any answer; later calls (a retry) ask the library.
   */
  earlySettings?: Promise<unknown>;
}

type Send = (callback: (response: unknown) => void) => void;

/** `runApex` arguments: `methodParams` as name → value, encoded by the shim. */
export interface RunApexArgs {
  apexClass: string;
  methodName: string;
  methodParams?: Readonly<Record<string, string>>;
  /** `false` to get `returnValue.runApex` exactly as received. Default `true`. */
  parseJson?: boolean;
}

const reportToConsole: ListenerProblemSink = (problem, method) => {
  console.error(`Open CTI ${method} listener problem:`, problem);
};

/**
 * A typed promise API over Salesforce's callback-based `window.sforce.opencti` (Lightning).
 *
 * Every request method resolves with the typed result or rejects with an `OpenCtiError` (see its
 * codes): `success: false`, a synchronous throw of the library, a timeout, an abort, or a method
 * the loaded library lacks. Listener methods (`onClickToDial`, `onNavigationChange`,
 * `onWorkStart`) register the raw listener once and return an unsubscribe function.
 *
 * Arguments mirror Salesforce's own argument objects, minus `callback`; per-call
 * {@link CallOptions} come second.
 *
 * @example
 * const settings = await cti.getCallCenterSettings();
 * const off = cti.onClickToDial(({ number }) => dial(number));
 * const taskId = await cti.saveLog({ value: { entityApiName: 'Task', Subject: 'Call' } });
 */
export class OpenCti {
  readonly #raw: OpenCtiLightning;
  readonly #timeoutMs: number;
  readonly #report: ListenerProblemSink;
  readonly #clickToDial: ListenerFanout<ClickToDialPayload>;
  readonly #navigation: ListenerFanout<AppViewInfo>;
  #workStart: ListenerFanout<WorkStartPayload> | undefined;
  readonly #channels: MessageChannels;
  #earlySettings: Promise<unknown> | undefined;

  constructor(raw: OpenCtiLightning, options: OpenCtiOptions = {}) {
    this.#raw = raw;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
    this.#report = options.onListenerError ?? reportToConsole;
    this.#clickToDial = new ListenerFanout(
      'onClickToDial',
      (listener) => raw.onClickToDial({ listener }),
      readClickToDial,
      this.#report,
    );
    this.#navigation = new ListenerFanout(
      'onNavigationChange',
      (listener) => raw.onNavigationChange({ listener }),
      readNavigationChange,
      this.#report,
    );
    this.#channels = new MessageChannels(raw, (o) => this.#timeoutFor(o), this.#report, options.replies);
    this.#earlySettings = options.earlySettings;
  }

  /** Optional features of the loaded library: `hvs.*` (API 46+) and LMS (API 47+). */
  get supports(): { readonly hvs: boolean; readonly messageService: boolean } {
    const hvs = this.#raw.hvs;
    return {
      hvs: typeof hvs?.onWorkStart === 'function' && typeof hvs.completeWork === 'function',
      messageService: this.#channels.supported,
    };
  }

  /** Makes phone fields in Salesforce clickable. Call after every load (state is per instance). */
  async enableClickToDial(options?: CallOptions): Promise<void> {
    const raw = this.#raw;
    return this.#call('enableClickToDial', undefined, (callback) => raw.enableClickToDial({ callback }), ignore, options);
  }

  /** Greys out click-to-dial (e.g. while the agent is logged out of the contact center). */
  async disableClickToDial(options?: CallOptions): Promise<void> {
    const raw = this.#raw;
    return this.#call('disableClickToDial', undefined, (callback) => raw.disableClickToDial({ callback }), ignore, options);
  }

  /**
   * Subscribes to click-to-dial clicks. Payloads without a usable `number` (or carrying `error`)
   * go to `onListenerError` instead.
   * @throws OpenCtiError when the library refuses the first registration.
   */
  onClickToDial(listener: (payload: ClickToDialPayload) => void): Unsubscribe {
    return this.#clickToDial.add(listener);
  }

  /** The page the agent is looking at. */
  async getAppViewInfo(options?: CallOptions): Promise<AppViewInfo> {
    const raw = this.#raw;
    return this.#call('getAppViewInfo', undefined, (callback) => raw.getAppViewInfo({ callback }), decodeAppViewInfo, options);
  }

  /**
   * Subscribes to navigation in Salesforce (not fired for list views in console apps).
   * @throws OpenCtiError when the library refuses the first registration.
   */
  onNavigationChange(listener: (payload: AppViewInfo) => void): Unsubscribe {
    return this.#navigation.add(listener);
  }

  /** The call-center settings as flat `"/section/item"` → string (reference §3.4). */
  async getCallCenterSettings(options?: CallOptions): Promise<CallCenterSettings> {
    const raw = this.#raw;
    const early = this.#earlySettings;
    this.#earlySettings = undefined;
    const send: Send = early === undefined ? (callback) => raw.getCallCenterSettings({ callback }) : (callback) => void early.then(callback);
    return this.#call('getCallCenterSettings', undefined, send, decodeCallCenterSettings, options);
  }

  /** The softphone layout assigned to the agent's profile. */
  async getSoftphoneLayout(options?: CallOptions): Promise<SoftphoneLayout> {
    const raw = this.#raw;
    return this.#call('getSoftphoneLayout', undefined, (callback) => raw.getSoftphoneLayout({ callback }), decodeSoftphoneLayout, options);
  }

  /** Whether the softphone panel is open; resolves with the bare boolean of `{visible}`. */
  async isSoftphonePanelVisible(options?: CallOptions): Promise<boolean> {
    const raw = this.#raw;
    return this.#call('isSoftphonePanelVisible', undefined, (callback) => raw.isSoftphonePanelVisible({ callback }), decodeVisibility, options);
  }

  /** Opens or minimises the softphone panel (e.g. on an incoming call). */
  async setSoftphonePanelVisibility(args: { visible: boolean }, options?: CallOptions): Promise<void> {
    const method = 'setSoftphonePanelVisibility';
    const { visible } = args;
    if (typeof visible !== 'boolean') throw invalidArgument(method, 'visible', visible, 'true or false');
    const raw = this.#raw;
    return this.#call(method, args, (callback) => raw.setSoftphonePanelVisibility({ visible, callback }), ignore, options);
  }

  /** Sets the panel height; rejected early unless a whole number from 240 to 2560. */
  async setSoftphonePanelHeight(args: { heightPX: number }, options?: CallOptions): Promise<void> {
    const method = 'setSoftphonePanelHeight';
    const heightPX = checkPixels(method, 'heightPX', args.heightPX, PANEL_LIMITS.height);
    const raw = this.#raw;
    return this.#call(method, args, (callback) => raw.setSoftphonePanelHeight({ heightPX, callback }), ignore, options);
  }

  /** Sets the panel width; rejected early unless a whole number from 200 to 1920. */
  async setSoftphonePanelWidth(args: { widthPX: number }, options?: CallOptions): Promise<void> {
    const method = 'setSoftphonePanelWidth';
    const widthPX = checkPixels(method, 'widthPX', args.widthPX, PANEL_LIMITS.width);
    const raw = this.#raw;
    return this.#call(method, args, (callback) => raw.setSoftphonePanelWidth({ widthPX, callback }), ignore, options);
  }

  /** Sets the panel header text. */
  async setSoftphonePanelLabel(args: { label: string }, options?: CallOptions): Promise<void> {
    const method = 'setSoftphonePanelLabel';
    const label = checkString(method, 'label', args.label, false);
    const raw = this.#raw;
    return this.#call(method, args, (callback) => raw.setSoftphonePanelLabel({ label, callback }), ignore, options);
  }

  /** Sets the panel header icon: an SLDS *utility* icon name such as `call` or `end_call`. */
  async setSoftphonePanelIcon(args: { key: string }, options?: CallOptions): Promise<void> {
    const method = 'setSoftphonePanelIcon';
    const key = checkString(method, 'key', args.key, true);
    const raw = this.#raw;
    return this.#call(method, args, (callback) => raw.setSoftphonePanelIcon({ key, callback }), ignore, options);
  }

  /** Sets the utility-bar button text. */
  async setSoftphoneItemLabel(args: { label: string }, options?: CallOptions): Promise<void> {
    const method = 'setSoftphoneItemLabel';
    const label = checkString(method, 'label', args.label, false);
    const raw = this.#raw;
    return this.#call(method, args, (callback) => raw.setSoftphoneItemLabel({ label, callback }), ignore, options);
  }

  /** Sets the utility-bar button icon (SLDS utility icon name). */
  async setSoftphoneItemIcon(args: { key: string }, options?: CallOptions): Promise<void> {
    const method = 'setSoftphoneItemIcon';
    const key = checkString(method, 'key', args.key, true);
    const raw = this.#raw;
    return this.#call(method, args, (callback) => raw.setSoftphoneItemIcon({ key, callback }), ignore, options);
  }

  /** Tells Salesforce the adapter is up, so it does not switch to `reqStandbyUrl`. */
  async notifyInitializationComplete(options?: CallOptions): Promise<void> {
    const raw = this.#raw;
    return this.#call('notifyInitializationComplete', undefined, (callback) => raw.notifyInitializationComplete({ callback }), ignore, options);
  }

  /** Refreshes the active view and its related lists (e.g. after `saveLog`). */
  async refreshView(options?: CallOptions): Promise<void> {
    const raw = this.#raw;
    return this.#call('refreshView', undefined, (callback) => raw.refreshView({ callback }), ignore, options);
  }

  /**
   * Calls a `global` Apex class's `webService static` method. `methodParams` values are
   * URI-encoded for you. Resolves with `returnValue.runApex`, JSON-parsed when it is JSON text
   * (unless `parseJson: false`).
   */
  async runApex(args: RunApexArgs, options?: CallOptions): Promise<unknown> {
    const method = 'runApex';
    const apexClass = checkString(method, 'apexClass', args.apexClass, true);
    const methodName = checkString(method, 'methodName', args.methodName, true);
    const methodParams = encodeMethodParams(args.methodParams);
    const parseJson = args.parseJson ?? true;
    const raw = this.#raw;
    return this.#call(
      method,
      { apexClass, methodName, methodParams },
      (callback) => raw.runApex({ apexClass, methodName, methodParams, callback }),
      (returnValue) => decodeRunApex(returnValue, parseJson),
      options,
    );
  }

  /**
   * Creates (`entityApiName`) or updates (`Id`) a record — typically the call's Task. Resolves
   * with the record id whether Salesforce answers `{recordId}` or a bare id.
   */
  async saveLog(args: { value: SaveLogValue }, options?: CallOptions): Promise<SalesforceId> {
    const value = checkSaveLogValue(args.value);
    const raw = this.#raw;
    return this.#call('saveLog', args, (callback) => raw.saveLog({ value, callback }), decodeSaveLogId, options);
  }

  /**
   * Navigates Salesforce. For `newRecord`, `defaultFieldValues` is sent inside `params` (a
   * top-level one, as the docs show, is moved there rather than silently dropped).
   */
  async screenPop(args: ScreenPopRequest, options?: CallOptions): Promise<void> {
    const wire = toScreenPopWireArgs(args);
    const raw = this.#raw;
    return this.#call('screenPop', wire, (callback) => raw.screenPop({ ...wire, callback }), ignore, options);
  }

  /**
   * Searches the softphone layout's objects and, unless `deferred`, pops per its rules. Resolves
   * with the matches keyed by Id (`{}` when none). Search strings under 3 characters are refused.
   */
  async searchAndScreenPop(args: SearchAndScreenPopArgs, options?: CallOptions): Promise<SearchAndScreenPopResult> {
    const wire = toSearchWireArgs(args);
    const raw = this.#raw;
    return this.#call('searchAndScreenPop', wire, (callback) => raw.searchAndScreenPop({ ...wire, callback }), decodeSearchResult, options);
  }

  /**
   * Sales Engagement (API 46+): subscribes to work items starting.
   * @throws OpenCtiError `NOT_SUPPORTED` when the library has no `hvs`.
   */
  onWorkStart(listener: (payload: WorkStartPayload) => void): Unsubscribe {
    const hvs = this.#raw.hvs;
    if (typeof hvs?.onWorkStart !== 'function') throw notSupported('hvs.onWorkStart', 46);
    this.#workStart ??= new ListenerFanout(
      'hvs.onWorkStart',
      (rawListener) => hvs.onWorkStart({ listener: rawListener }),
      readWorkStart,
      this.#report,
    );
    return this.#workStart.add(listener);
  }

  /** Sales Engagement (API 46+): completes a work item after its Task is saved. */
  async completeWork(args: { workId: string; attributes?: CompleteWorkAttributes }, options?: CallOptions): Promise<void> {
    const method = 'hvs.completeWork';
    const hvs = this.#raw.hvs;
    if (typeof hvs?.completeWork !== 'function') throw notSupported(method, 46);
    const workId = checkString(method, 'workId', args.workId, true);
    const attributes = args.attributes ?? {};
    return this.#call(method, { workId, attributes }, (callback) => hvs.completeWork({ workId, attributes, callback }), ignore, options);
  }

  /**
   * Lightning Message Service (API 47+): listens on a message channel. One raw subscription per
   * channel is shared by all subscribers; resolves with a function that leaves the channel.
   * Subscribers joining a pending subscription share its outcome (and its first caller's options).
   */
  async subscribe(args: { channelName: string; listener: (message: unknown) => void }, options?: CallOptions): Promise<MessageUnsubscribe> {
    return this.#channels.subscribe(args, options);
  }

  /** Lightning Message Service (API 47+): publishes a JSON-serialisable message on a channel. */
  async publish(args: { channelName: string; message: object | null }, options?: CallOptions): Promise<void> {
    return this.#channels.publish(args, options);
  }

  #timeoutFor(options: CallOptions | undefined): number {
    return options?.timeoutMs ?? this.#timeoutMs;
  }

  #call<R>(
    method: string,
    args: object | undefined,
    send: Send,
    decode: (returnValue: unknown) => R,
    options: CallOptions | undefined,
  ): Promise<R> {
    return invokeWithCallback({ method, args, send, decode, timeoutMs: this.#timeoutFor(options), signal: options?.signal });
  }
}

function ignore(): void {
  // Methods with a `null` returnValue resolve with nothing.
}
