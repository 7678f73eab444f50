import type { ServerResponse } from 'node:http';
import { listenerEvent } from '../opencti/protocol.ts';
import type { HostView } from '../views/host-view.ts';
import type { OutgoingMessage } from '../views/rendered.ts';

/** Panel geometry limits Salesforce enforces in Lightning (reference §1.6). */
export const PANEL_LIMITS = { height: { min: 240, max: 2560 }, width: { min: 200, max: 1920 } } as const;

export interface PanelState {
  visible: boolean;
  heightPX: number;
  widthPX: number;
  label: string;
  icon: string;
}

/**
 * One browser tab of the console, with its own softphone instance: panel and utility item,
 * click-to-dial flag, registered listeners and current view. Salesforce keeps these per tab
 * (every tab boots its own softphone), so the emulator does too.
 */
export class HostTab {
  /** Adapter iframe generation; bumped when the frame is re-created (reload, pop-out). */
  frame = 1;
  panel: PanelState;
  item = { label: 'Phone', icon: 'call' };
  clickToDialEnabled = false;
  initializationComplete = false;
  refreshCount = 0;
  view: HostView = { kind: 'home' };
  /** The page's live event stream, while connected. */
  stream: ServerResponse | undefined;
  readonly createdAt = new Date().toISOString();
  /** Listener key → apiVersion of the library that registered it (echoed on events). */
  private readonly listeners = new Map<string, unknown>();
  private nextEventCallId = -1;
  private outbox: OutgoingMessage[] = [];

  constructor(
    readonly id: string,
    /** Origin of the host page as the browser sees it (`https://acme.lightning.force.com:8443`). */
    readonly origin: string,
    panelSize: { heightPX: number; widthPX: number },
  ) {
    this.panel = { visible: false, ...panelSize, label: 'Phone', icon: 'call' };
  }

  /** Records a listener registration (`onClickToDial`, `subscribe` + channel…). */
  addListener(methodName: string, apiVersion: unknown, eventName?: string): void {
    this.listeners.set(listenerKey(methodName, eventName), apiVersion);
  }

  removeListener(methodName: string, eventName?: string): void {
    this.listeners.delete(listenerKey(methodName, eventName));
  }

  hasListener(methodName: string, eventName?: string): boolean {
    return this.listeners.has(listenerKey(methodName, eventName));
  }

  /** Registered listener keys, for the control API. */
  listenerKeys(): string[] {
    return [...this.listeners.keys()];
  }

  /**
   * Queues an event for the adapter if it registered a listener for it; returns whether it did.
   * Salesforce only delivers events to softphones that asked for them.
   */
  emit(methodName: string, payload: unknown, eventName?: string): boolean {
    const key = listenerKey(methodName, eventName);
    if (!this.listeners.has(key)) return false;
    this.outbox.push(listenerEvent(methodName, this.nextEventCallId--, this.listeners.get(key), payload, eventName));
    return true;
  }

  /** Events queued since the last drain. */
  drain(): OutgoingMessage[] {
    const messages = this.outbox;
    this.outbox = [];
    return messages;
  }

  /** A new softphone instance in the same tab: listeners and click-to-dial start over. */
  recreateFrame(): void {
    this.frame += 1;
    this.listeners.clear();
    this.outbox = [];
    this.clickToDialEnabled = false;
    this.initializationComplete = false;
  }
}

function listenerKey(methodName: string, eventName: string | undefined): string {
  return eventName === undefined ? methodName : `${methodName}:${eventName}`;
}
