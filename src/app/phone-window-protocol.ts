/**
 * What the phone window and the utility-bar panels say to each other (docs/phone-window.md). The
 * window is a top-level page of the adapter's origin (first-party); a panel is the same origin
 * framed by Salesforce (third-party, so its storage is partitioned). They talk over the window's
 * first-party `BroadcastChannel`, which a panel reaches through a Storage Access API handle, or by
 * `postMessage` between the two windows, checked against the adapter's own origin both ways.
 * Every message is `{ pw: 1, type, from, … }`; anything else is dropped.
 */
import type { SoftphoneIntent } from '../view/agent-view.ts';
import type { SharedTabState } from './tab-sync.ts';
import type { TakeoverKit } from './agent-runtime.ts';

/** The adapter URL parameter that makes the page a phone window: `?phone-window=<call center>`. */
export const PHONE_WINDOW_PARAM = 'phone-window';

/** Whether this page is the phone window. */
export function isPhoneWindowPage(search: string): boolean {
  return (new URLSearchParams(search).get(PHONE_WINDOW_PARAM) ?? '') !== '';
}

/** The window's name (`window.open(url, name)`), its channel and its lock: one per call center. */
export function phoneWindowName(callCenter: string): string {
  return `dialtone-phone-${callCenter.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** The first-party channel and Web Lock the window holds while it runs the phone. */
export function phoneWindowChannel(callCenter: string): string {
  return `dialtone:phone-window:${callCenter}`;
}

/** A panel → window message. */
export type PanelMessage =
  /** Who is there? The window answers with its state, addressed to this panel. */
  | { readonly pw: 1; readonly type: 'hello'; readonly from: string }
  /** Carry on this session (a panel that ran the phone hands it over); ignored once the window has one. */
  | { readonly pw: 1; readonly type: 'start'; readonly from: string; readonly kit: TakeoverKit }
  | { readonly pw: 1; readonly type: 'intent'; readonly from: string; readonly intent: SoftphoneIntent }
  /** The Salesforce answer to a `cti` request this panel ran for the window. */
  | { readonly pw: 1; readonly type: 'cti-result'; readonly from: string; readonly id: number; readonly response: unknown }
  /** The panel's page goes (reload, tab closed): send it nothing more. */
  | { readonly pw: 1; readonly type: 'bye'; readonly from: string };

/** A window → panel message (`to` absent = every panel). */
export type WindowMessage =
  /** The window has started and waits for panels (and for its settings). */
  | { readonly pw: 1; readonly type: 'up'; readonly from: string }
  | { readonly pw: 1; readonly type: 'state'; readonly from: string; readonly to?: string; readonly state: SharedTabState }
  /** Run this Open CTI method in Salesforce for the window (the window is not framed by Salesforce). */
  | { readonly pw: 1; readonly type: 'cti'; readonly from: string; readonly to: string; readonly id: number; readonly method: string; readonly args: Record<string, unknown> }
  /** The window closes: the panels take the phone back from this state. */
  | { readonly pw: 1; readonly type: 'closing'; readonly from: string; readonly state: SharedTabState | null };

const PANEL_TYPES = new Set(['hello', 'start', 'intent', 'cti-result', 'bye']);
const WINDOW_TYPES = new Set(['up', 'state', 'cti', 'closing']);

function base(value: unknown, types: ReadonlySet<string>): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return m.pw === 1 && typeof m.type === 'string' && types.has(m.type) && typeof m.from === 'string' && m.from.length > 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A well-formed panel message, field by field (received data is never trusted). */
export function isPanelMessage(value: unknown): value is PanelMessage {
  if (!base(value, PANEL_TYPES)) return false;
  switch (value.type) {
    case 'start':
      return isObject(value.kit) && isObject(value.kit.agent);
    case 'intent':
      return isObject(value.intent) && typeof value.intent.kind === 'string';
    case 'cti-result':
      return typeof value.id === 'number' && Number.isInteger(value.id) && value.id > 0;
    default:
      return true;
  }
}

function isSharedState(value: unknown): value is SharedTabState {
  return isObject(value) && isObject(value.view) && isObject(value.view.agent) && isObject(value.kit) && isObject(value.kit.agent);
}

/** A well-formed window message. */
export function isWindowMessage(value: unknown): value is WindowMessage {
  if (!base(value, WINDOW_TYPES)) return false;
  if (value.to !== undefined && typeof value.to !== 'string') return false;
  switch (value.type) {
    case 'state':
      return isSharedState(value.state);
    case 'closing':
      return value.state === null || isSharedState(value.state);
    case 'cti':
      return typeof value.to === 'string' && typeof value.id === 'number' && typeof value.method === 'string' && isObject(value.args);
    default:
      return true;
  }
}

/**
 * Open CTI methods the window runs through a panel. The rest act on a panel itself (its size,
 * label, icon, visibility, initialisation) or register listeners: each panel does those for its
 * own tab, so the window answers them locally with success.
 */
export const FORWARDED_CTI_METHODS: ReadonlySet<string> = new Set([
  'getCallCenterSettings',
  'getSoftphoneLayout',
  'getAppViewInfo',
  'saveLog',
  'screenPop',
  'searchAndScreenPop',
  'runApex',
  'refreshView',
]);
