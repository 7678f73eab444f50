/**
 * The phone window's side of the link (docs/phone-window.md): it runs the agent session (SIP user
 * agent, media, Position poll, Task outbox) and every utility-bar panel that finds it becomes a
 * remote control. Panels reach it over its first-party `BroadcastChannel` (through a Storage Access
 * API handle) or by `postMessage`; it answers each the way it came. It is not framed by Salesforce,
 * so the Open CTI calls its session makes (settings, Task, screen pop) run in a panel.
 */
import type { SoftphoneIntent } from '../view/agent-view.ts';
import type { CallCenterSettings, OpenCtiCallback, OpenCtiLightning, OpenCtiResponse } from '../opencti/index.ts';
import { CALL_TYPE, SCREENPOP_TYPE } from '../opencti/index.ts';
import type { TakeoverKit } from './agent-runtime.ts';
import { FORWARDED_CTI_METHODS, isPanelMessage, phoneWindowChannel, type WindowMessage } from './phone-window-protocol.ts';
import { shareableState, type SharedTabState } from './tab-sync.ts';

/** How a panel reached the window, so the answer goes back the same way. */
type Route = { readonly kind: 'channel' } | { readonly kind: 'window'; readonly target: MessageEventSource };

interface PendingCti {
  readonly method: string;
  readonly args: Record<string, unknown>;
  readonly callback: ((response: OpenCtiResponse<unknown>) => void) | undefined;
  to?: string;
}

/** What the window page does with what panels send. */
export interface PhoneWindowHostHooks {
  /** A panel hands over the session it ran (the window has none yet). */
  start(kit: TakeoverKit): void;
  intent(intent: SoftphoneIntent): void;
}

/** A panel answer meaning "the request did not reach Salesforce". */
function failed(description: string): OpenCtiResponse<unknown> {
  return { success: false, returnValue: null, errors: [{ code: 'PHONE_WINDOW', description }] };
}

export class PhoneWindowHost {
  readonly id = globalThis.crypto.randomUUID();
  private readonly channel: BroadcastChannel | undefined;
  private readonly panels = new Map<string, Route>();
  private readonly pending = new Map<number, PendingCti>();
  private nextId = 1;
  private state: SharedTabState | null = null;
  private hooks: PhoneWindowHostHooks | undefined;
  private readonly early: { kit?: TakeoverKit; intents: SoftphoneIntent[] } = { intents: [] };

  constructor(private readonly callCenter: string) {
    const name = phoneWindowChannel(callCenter);
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined;
    if (this.channel) this.channel.onmessage = (event: MessageEvent<unknown>) => this.receive(event.data, { kind: 'channel' });
    addEventListener('message', (event: MessageEvent<unknown>) => {
      // Only our own origin (the panels are this adapter framed by Salesforce), only from a window.
      if (event.origin !== location.origin || event.source === null) return;
      this.receive(event.data, { kind: 'window', target: event.source });
    });
    // Held while this page lives: panels with a Storage Access handle ask the lock whether a window runs.
    void navigator.locks.request(name, () => new Promise<void>(() => undefined)).catch(() => undefined);
    addEventListener('pagehide', () => this.post({ pw: 1, type: 'closing', from: this.id, state: this.state }));
    this.post({ pw: 1, type: 'up', from: this.id });
  }

  /** The session is ready: panel messages reach it from now on (those that came earlier first). */
  attach(hooks: PhoneWindowHostHooks): void {
    this.hooks = hooks;
    if (this.early.kit) hooks.start(this.early.kit);
    for (const intent of this.early.intents.splice(0)) hooks.intent(intent);
  }

  /** How many panels listen (the window's line says so). */
  get panelCount(): number {
    return this.panels.size;
  }

  /** The session's state: every panel draws it. */
  publish(state: SharedTabState): void {
    this.state = shareableState(state);
    this.post({ pw: 1, type: 'state', from: this.id, state: this.state });
  }

  /** Open CTI for the window's session: forwarded to a panel, or answered here (see FORWARDED_CTI_METHODS). */
  openCti(): OpenCtiLightning {
    const answerHere = (args?: { callback?: OpenCtiCallback<null> }) => {
      queueMicrotask(() => args?.callback?.({ success: true, returnValue: null, errors: null }));
    };
    const forward = (method: string) => (args: Record<string, unknown> & { callback?: (response: OpenCtiResponse<unknown>) => void }) => {
      const { callback, ...rest } = args;
      this.request(method, rest, callback);
    };
    const raw: Record<string, unknown> = { SCREENPOP_TYPE, CALL_TYPE, onClickToDial: () => undefined, onNavigationChange: () => undefined };
    for (const method of ['enableClickToDial', 'disableClickToDial', 'isSoftphonePanelVisible', 'setSoftphonePanelVisibility', 'setSoftphonePanelHeight', 'setSoftphonePanelWidth', 'setSoftphonePanelLabel', 'setSoftphonePanelIcon', 'setSoftphoneItemLabel', 'setSoftphoneItemIcon', 'notifyInitializationComplete']) {
      raw[method] = answerHere;
    }
    for (const method of FORWARDED_CTI_METHODS) raw[method] = forward(method);
    return raw as unknown as OpenCtiLightning;
  }

  /** Settings for the window's own boot (asked of the first panel that answers). */
  settings(): Promise<CallCenterSettings> {
    return new Promise((resolve, reject) =>
      this.request('getCallCenterSettings', {}, (response) => {
        if (response.success) resolve(response.returnValue as CallCenterSettings);
        else reject(new Error(`the call center settings could not be read through the Salesforce panel: ${JSON.stringify(response.errors)}`));
      }),
    );
  }

  private request(method: string, args: Record<string, unknown>, callback: PendingCti['callback']): void {
    const id = this.nextId++;
    this.pending.set(id, { method, args, callback });
    // No panel yet: it goes to the first one that says hello (the shim's own timeout still applies).
    this.sendPending(id);
  }

  private sendPending(id: number): void {
    const pending = this.pending.get(id);
    const to = [...this.panels.keys()].at(-1);
    if (!pending || to === undefined) return;
    pending.to = to;
    this.postTo(to, { pw: 1, type: 'cti', from: this.id, to, id, method: pending.method, args: pending.args });
  }

  private receive(data: unknown, route: Route): void {
    if (!isPanelMessage(data)) return;
    const { from } = data;
    switch (data.type) {
      case 'hello':
        // Most recent last: Open CTI requests go to the panel that spoke last.
        this.panels.delete(from);
        this.panels.set(from, route);
        if (this.state) this.postTo(from, { pw: 1, type: 'state', from: this.id, to: from, state: this.state });
        for (const [id, pending] of this.pending) if (pending.to === undefined || !this.panels.has(pending.to)) this.sendPending(id);
        return;
      case 'start':
        if (this.hooks) this.hooks.start(data.kit);
        else this.early.kit ??= data.kit;
        return;
      case 'intent':
        if (!this.panels.has(from)) this.panels.set(from, route);
        if (this.hooks) this.hooks.intent(data.intent);
        else this.early.intents.push(data.intent);
        return;
      case 'cti-result': {
        const pending = this.pending.get(data.id);
        if (pending?.to !== from) return;
        this.pending.delete(data.id);
        pending.callback?.(data.response as OpenCtiResponse<unknown>);
        return;
      }
      case 'bye':
        this.panels.delete(from);
        // What that panel was running for us goes to another panel, or waits for the next one.
        for (const [id, pending] of this.pending) if (pending.to === from) {
          pending.to = undefined;
          if (this.panels.size > 0) this.sendPending(id);
          else if (pending.method !== 'getCallCenterSettings') {
            this.pending.delete(id);
            pending.callback?.(failed('the Salesforce tab closed before it answered'));
          }
        }
        return;
    }
  }

  private postTo(panel: string, message: WindowMessage): void {
    const route = this.panels.get(panel);
    if (route?.kind === 'window') this.postWindow(route.target, message);
    else this.channel?.postMessage(message);
  }

  /** To every panel: once on the channel, and to each panel that came by `postMessage`. */
  private post(message: WindowMessage): void {
    this.channel?.postMessage(message);
    const opener = window.opener as MessageEventSource | null;
    const targets = new Set<MessageEventSource>([...this.panels.values()].flatMap((r) => (r.kind === 'window' ? [r.target] : [])));
    if (message.type === 'up' && opener) targets.add(opener);
    for (const target of targets) this.postWindow(target, message);
  }

  private postWindow(target: MessageEventSource, message: WindowMessage): void {
    try {
      // Never '*': only a page of this adapter's own origin may read it (it carries the device credentials).
      (target as Window).postMessage(message, location.origin);
    } catch {
      // A closed panel: it is dropped when it says bye or its hello stops coming.
    }
  }

  /** The call center this window serves. */
  get name(): string {
    return this.callCenter;
  }
}
