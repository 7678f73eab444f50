/**
 * A stand-in for Salesforce's `window.sforce.opencti` (Lightning), faithful to what the shim can
 * observe of the real library (reference §1.4, §2.1, §2.3):
 *
 * - synchronous validation with the library's exact messages, thrown as `Error`s;
 * - the wire args it would post (only forwarded keys; `saveLog` sends `value` as `object`);
 * - answers through the callback, asynchronously, as `{success, returnValue, errors}`;
 * - listeners kept forever (no unregister), LMS listeners per channel with a frozen handle, and
 *   `unsubscribe` answered only when the channel's last listener goes.
 *
 * Tests tell it how to answer: `reply`, `fail`, `respondRaw`, `throwOn`, `neverReply`, or
 * `holdReplies` + `flush` to control timing.
 */
import type {
  LmsSubscribeResponse,
  LmsSubscription,
  OpenCtiLightning,
  OpenCtiResponse,
  OpenCtiWireError,
} from '../../src/opencti/types.ts';
import { CALL_TYPE, SCREENPOP_TYPE } from '../../src/opencti/types.ts';

export const ONE_OBJECT = 'Must pass in only one object which holds arguments to this API method call.';
export const MISSING_CALLBACK = 'Missing the required argument `callback`!';
export const MISSING_LISTENER = 'Missing the required argument `listener`!';
export const MISSING_VALUE = 'Missing the required argument `value object`!';

/** One request as the library would post it. */
export interface RecordedCall {
  methodName: string;
  args: Record<string, unknown>;
  isCallbackRegistered: boolean;
  isListenerRegistered: boolean;
}

type Behaviour =
  | { kind: 'reply'; response: (args: Record<string, unknown>) => unknown }
  | { kind: 'throw'; thrown: unknown }
  | { kind: 'silent' };

type Callback = (response: unknown) => void;
type Listener = (payload: unknown) => void;

const DEFAULT_RETURN: Record<string, unknown> = {
  getAppViewInfo: { url: '/lightning/page/home', recordId: '', recordName: '', objectType: '' },
  getCallCenterSettings: { '/reqGeneralInfo/reqInternalName': 'Dialtone' },
  getSoftphoneLayout: { Inbound: {}, Outbound: {}, Internal: {} },
  isSoftphonePanelVisible: { visible: true },
  saveLog: { recordId: '00T000000000001AAA' },
  searchAndScreenPop: {},
  runApex: { runApex: null },
};

function isArgs(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.keys(value).length > 0;
}

/** The fake; `hvs`/LMS can be left out like in older library versions. */
export class FakeOpenCti implements OpenCtiLightning {
  readonly SCREENPOP_TYPE = SCREENPOP_TYPE;
  readonly CALL_TYPE = CALL_TYPE;
  readonly calls: RecordedCall[] = [];
  hvs: OpenCtiLightning['hvs'];
  subscribe: OpenCtiLightning['subscribe'];
  unsubscribe: OpenCtiLightning['unsubscribe'];
  publish: OpenCtiLightning['publish'];

  readonly #behaviours = new Map<string, Behaviour>();
  readonly #listeners = new Map<string, Listener[]>();
  readonly #channels = new Map<string, Listener[]>();
  readonly #handles = new Map<LmsSubscription, { channel: string; listener: Listener }>();
  #held: (() => void)[] | undefined;

  constructor(options: { hvs?: boolean; messageService?: boolean } = {}) {
    if (options.hvs !== false) {
      this.hvs = {
        onWorkStart: (...a: unknown[]) => {
          this.#listen('onWorkStart', a);
        },
        completeWork: (...a: unknown[]) => {
          this.#request('completeWork', a, { callbackRequired: false }, (x) => ({ workId: x.workId, attributes: x.attributes }));
        },
      };
    }
    if (options.messageService !== false) {
      this.subscribe = ((...a: unknown[]) => {
        this.#subscribe(a);
      });
      this.unsubscribe = ((...a: unknown[]) => {
        this.#unsubscribe(a);
      });
      this.publish = ((...a: unknown[]) => {
        this.#request('publish', a, { callbackRequired: false }, (x) => {
          if (typeof x.message !== 'object') throw new Error('message must be an object');
          return { eventName: x.channelName, message: JSON.parse(JSON.stringify(x.message)) as unknown };
        });
      });
    }
  }

  // ── test controls ──────────────────────────────────────────────────────────────────────────

  /** Answer `method` with success and this returnValue (or a function of the wire args). */
  reply(method: string, returnValue: unknown): this {
    const make = typeof returnValue === 'function' ? (returnValue as (a: Record<string, unknown>) => unknown) : () => returnValue;
    return this.respondRaw(method, (args) => ({ success: true, returnValue: make(args), errors: null }));
  }

  /** Answer `method` with `success: false` and these errors. */
  fail(method: string, errors: (OpenCtiWireError | string)[] | null): this {
    return this.respondRaw(method, () => ({ success: false, returnValue: null, errors }));
  }

  /** Answer `method` with exactly this (possibly malformed) response. */
  respondRaw(method: string, response: (args: Record<string, unknown>) => unknown): this {
    this.#behaviours.set(method, { kind: 'reply', response });
    return this;
  }

  /** Make `method` throw synchronously, as the library does on bad arguments. */
  throwOn(method: string, thrown: unknown): this {
    this.#behaviours.set(method, { kind: 'throw', thrown });
    return this;
  }

  /** Accept `method` and never call back (host not answering). */
  neverReply(method: string): this {
    this.#behaviours.set(method, { kind: 'silent' });
    return this;
  }

  /** Back to the default behaviour for `method` (success with a default returnValue). */
  clear(method: string): this {
    this.#behaviours.delete(method);
    return this;
  }

  /** Keep replies until {@link flush}. */
  holdReplies(): this {
    this.#held = [];
    return this;
  }

  /** Deliver held replies and go back to automatic (microtask) delivery. */
  flush(): void {
    const held = this.#held ?? [];
    this.#held = undefined;
    for (const deliver of held) deliver();
  }

  /** Fire a listener event (`onClickToDial`, `onNavigationChange`, `onWorkStart`). */
  emit(methodName: string, payload: unknown): void {
    for (const listener of this.#listeners.get(methodName) ?? []) listener(payload);
  }

  /** How many raw listeners the library holds for a method. */
  listenerCount(methodName: string): number {
    return this.#listeners.get(methodName)?.length ?? 0;
  }

  /** Deliver an LMS message to the channel's raw listeners. */
  deliverToChannel(channelName: string, message: unknown): void {
    for (const listener of this.#channels.get(channelName) ?? []) listener(message);
  }

  /** How many raw LMS listeners a channel has. */
  channelListenerCount(channelName: string): number {
    return this.#channels.get(channelName)?.length ?? 0;
  }

  /** The recorded calls of one method. */
  callsOf(methodName: string): RecordedCall[] {
    return this.calls.filter((c) => c.methodName === methodName);
  }

  // ── the Lightning surface ──────────────────────────────────────────────────────────────────

  enableClickToDial(...a: unknown[]): void { this.#request('enableClickToDial', a, { allowNone: true }, () => ({})); }
  disableClickToDial(...a: unknown[]): void { this.#request('disableClickToDial', a, { allowNone: true }, () => ({})); }
  onClickToDial(...a: unknown[]): void { this.#listen('onClickToDial', a); }
  getAppViewInfo(...a: unknown[]): void { this.#request('getAppViewInfo', a, { callbackRequired: true }, () => ({})); }
  onNavigationChange(...a: unknown[]): void { this.#listen('onNavigationChange', a); }
  getCallCenterSettings(...a: unknown[]): void { this.#request('getCallCenterSettings', a, { callbackRequired: true }, () => ({})); }
  getSoftphoneLayout(...a: unknown[]): void { this.#request('getSoftphoneLayout', a, { callbackRequired: true }, () => ({})); }
  isSoftphonePanelVisible(...a: unknown[]): void { this.#request('isSoftphonePanelVisible', a, { callbackRequired: true }, () => ({})); }
  setSoftphonePanelVisibility(...a: unknown[]): void { this.#request('setSoftphonePanelVisibility', a, {}, (x) => ({ visible: x.visible })); }
  setSoftphonePanelHeight(...a: unknown[]): void { this.#request('setSoftphonePanelHeight', a, {}, (x) => ({ heightPX: x.heightPX })); }
  setSoftphonePanelWidth(...a: unknown[]): void { this.#request('setSoftphonePanelWidth', a, {}, (x) => ({ widthPX: x.widthPX })); }
  setSoftphonePanelLabel(...a: unknown[]): void { this.#request('setSoftphonePanelLabel', a, {}, (x) => ({ label: x.label })); }
  setSoftphonePanelIcon(...a: unknown[]): void { this.#request('setSoftphonePanelIcon', a, {}, (x) => ({ key: x.key })); }
  setSoftphoneItemLabel(...a: unknown[]): void { this.#request('setSoftphoneItemLabel', a, {}, (x) => ({ label: x.label })); }
  setSoftphoneItemIcon(...a: unknown[]): void { this.#request('setSoftphoneItemIcon', a, {}, (x) => ({ key: x.key })); }
  refreshView(...a: unknown[]): void { this.#request('refreshView', a, { allowNone: true }, () => ({})); }
  runApex(...a: unknown[]): void {
    this.#request('runApex', a, {}, (x) => ({ apexClass: x.apexClass, methodName: x.methodName, methodParams: x.methodParams }));
  }
  saveLog(...a: unknown[]): void {
    this.#request('saveLog', a, { value: true }, (x) => ({ object: x.value }));
  }
  screenPop(...a: unknown[]): void { this.#request('screenPop', a, {}, (x) => ({ type: x.type, params: x.params })); }
  searchAndScreenPop(...a: unknown[]): void {
    // All six keys, unset ones undefined, as the v57 library sends them.
    const keys = ['searchParams', 'callType', 'queryParams', 'defaultFieldValues', 'deferred', 'params'];
    this.#request('searchAndScreenPop', a, {}, (x) => Object.fromEntries(keys.map((k) => [k, x[k]])));
  }

  notifyInitializationComplete(args?: { callback?: Callback }): void {
    // The library performs no validation at all for this one.
    const callback = args?.callback;
    this.#record('notifyInitializationComplete', {}, typeof callback === 'function', false);
    if (typeof callback === 'function') this.#answer('notifyInitializationComplete', {}, callback);
  }

  // ── internals ──────────────────────────────────────────────────────────────────────────────

  #validate(a: unknown[], rules: { allowNone?: boolean; callbackRequired?: boolean; value?: boolean }): Record<string, unknown> {
    if (a.length === 0 && rules.allowNone === true) return {};
    const args = a[0];
    if (a.length !== 1 || !isArgs(args)) throw new Error(ONE_OBJECT);
    if (rules.callbackRequired === true && typeof args.callback !== 'function') throw new Error(MISSING_CALLBACK);
    if (rules.value === true && typeof args.value !== 'object') throw new Error(MISSING_VALUE);
    return args;
  }

  #request(
    methodName: string,
    a: unknown[],
    rules: { allowNone?: boolean; callbackRequired?: boolean; value?: boolean },
    wire: (args: Record<string, unknown>) => Record<string, unknown>,
  ): void {
    const behaviour = this.#behaviours.get(methodName);
    if (behaviour?.kind === 'throw') throw behaviour.thrown;
    const args = this.#validate(a, rules);
    const wireArgs = wire(args);
    const callback = args.callback;
    this.#record(methodName, wireArgs, typeof callback === 'function', false);
    if (typeof callback === 'function') this.#answer(methodName, wireArgs, callback as Callback);
  }

  #listen(methodName: string, a: unknown[]): void {
    const behaviour = this.#behaviours.get(methodName);
    if (behaviour?.kind === 'throw') throw behaviour.thrown;
    const args = a[0];
    if (a.length !== 1 || !isArgs(args)) throw new Error(ONE_OBJECT);
    const listener = args.listener;
    if (typeof listener !== 'function') throw new Error(MISSING_LISTENER);
    this.#record(methodName, {}, false, true);
    this.#listeners.set(methodName, [...(this.#listeners.get(methodName) ?? []), listener as Listener]);
  }

  #subscribe(a: unknown[]): void {
    const args = this.#validate(a, {});
    const channel = args.channelName;
    const listener = args.listener;
    if (typeof channel !== 'string' || channel === '') throw new Error('channelName must be a non-empty string');
    if (typeof listener !== 'function') throw new Error(MISSING_LISTENER);
    const subscription: LmsSubscription = Object.freeze({});
    this.#channels.set(channel, [...(this.#channels.get(channel) ?? []), listener as Listener]);
    this.#handles.set(subscription, { channel, listener: listener as Listener });
    this.#record('subscribe', { eventName: channel, subscription: {} }, typeof args.callback === 'function', true);
    const callback = args.callback;
    if (typeof callback !== 'function') return;
    this.#answer('subscribe', { eventName: channel }, (response) => {
      const r = response as OpenCtiResponse<unknown>;
      if (r.success) {
        (callback as (r: LmsSubscribeResponse) => void)({ ...r, subscription });
      } else {
        // The library drops the listener when the host refuses.
        this.#removeHandle(subscription);
        (callback as Callback)(r);
      }
    });
  }

  #unsubscribe(a: unknown[]): void {
    const args = this.#validate(a, {});
    const handle = this.#handles.get(args.subscription as LmsSubscription);
    if (handle === undefined) return;
    this.#removeHandle(args.subscription as LmsSubscription);
    // Only the last listener of a channel produces a message (and so a callback).
    if (this.channelListenerCount(handle.channel) > 0) return;
    const callback = args.callback;
    this.#record('unsubscribe', { eventName: handle.channel }, typeof callback === 'function', false);
    if (typeof callback === 'function') this.#answer('unsubscribe', { eventName: handle.channel }, callback as Callback);
  }

  #removeHandle(subscription: LmsSubscription): void {
    const handle = this.#handles.get(subscription);
    if (handle === undefined) return;
    this.#handles.delete(subscription);
    this.#channels.set(handle.channel, (this.#channels.get(handle.channel) ?? []).filter((l) => l !== handle.listener));
  }

  #record(methodName: string, args: Record<string, unknown>, isCallbackRegistered: boolean, isListenerRegistered: boolean): void {
    this.calls.push({ methodName, args, isCallbackRegistered, isListenerRegistered });
  }

  #answer(methodName: string, wireArgs: Record<string, unknown>, callback: Callback): void {
    const behaviour: Behaviour = this.#behaviours.get(methodName) ?? {
      kind: 'reply',
      response: () => ({ success: true, returnValue: DEFAULT_RETURN[methodName] ?? null, errors: null }),
    };
    if (behaviour.kind !== 'reply') return;
    const deliver = (): void => {
      callback(behaviour.response(wireArgs));
    };
    if (this.#held !== undefined) this.#held.push(deliver);
    else queueMicrotask(deliver);
  }
}
