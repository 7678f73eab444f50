/**
 * The phone window as a utility-bar panel sees it (docs/phone-window.md): the agent's "Use a phone
 * window" setting, the link to a running window, the bar's own intent, and the bar's view. Which
 * clicks the window runs is the intent table's place of each kind (intent-handlers.ts).
 */
import type { AgentView, PhoneWindowView, SoftphoneIntent } from '../view/agent-view.ts';
import type { TakeoverKit } from './agent-runtime.ts';
import type { IntentOf } from './intent-table.ts';
import { maybeOpened, PhoneWindowLink, type PhoneWindowLinkHooks } from './phone-window-link.ts';

/** Phases during which opening the window would not move the call (its media stays here). */
const BUSY_PHASES: ReadonlySet<AgentView['agent']['phase']> = new Set(['ringing', 'dialing', 'connected']);

const useKey = (callCenter: string) => `dialtone:phone-window-use:${callCenter}`;

export interface PhoneWindowPanelOptions {
  readonly callCenter: string;
  /** The admin's default (`/dialtoneAgent/phoneWindow`). */
  readonly defaultUse: boolean;
  readonly hooks: PhoneWindowLinkHooks;
}

export class PhoneWindowPanel {
  private use: boolean;
  private busy = false;

  private readonly link: PhoneWindowLink;

  constructor(private readonly options: PhoneWindowPanelOptions) {
    this.use = readUse(options.callCenter) ?? options.defaultUse;
    this.link = new PhoneWindowLink(options.callCenter, options.hooks);
  }

  /** Connects to a running phone window if there is one (whatever the setting: it runs the phone). */
  find(): Promise<void> {
    return this.link.find(maybeOpened(this.options.callCenter));
  }

  get connected(): boolean {
    return this.link.isConnected;
  }

  /** The bar's own intent: open the window (inside the click), or the agent's "Use a phone window" choice. */
  intent(intent: IntentOf<'phoneWindow'>): void {
    if (intent.action === 'open') {
      if (!this.busy) this.link.open();
      return;
    }
    this.use = intent.action === 'use';
    writeUse(this.options.callCenter, this.use);
    this.options.hooks.changed();
  }

  /** Sends a click to the window; false when no window runs the phone (the panel acts itself). */
  relay(intent: SoftphoneIntent): boolean {
    return this.link.relay(intent);
  }

  /** The view with this panel's phone-window bar. */
  decorate(view: AgentView): AgentView {
    this.busy = !this.connected && BUSY_PHASES.has(view.agent.phase);
    const phoneWindow: PhoneWindowView = {
      where: 'panel',
      use: this.use || this.connected,
      connected: this.connected,
      canShow: this.link.canShow,
      blocked: this.link.blocked,
      busy: this.busy,
    };
    // The window's view says `owner`: here the badge "another tab runs the phone" would be wrong too.
    return { ...view, phoneWindow, ...(this.connected ? { tab: 'owner' as const } : {}) };
  }
}

function readUse(callCenter: string): boolean | undefined {
  try {
    const stored = localStorage.getItem(useKey(callCenter));
    return stored === null ? undefined : stored === '1';
  } catch {
    return undefined;
  }
}

function writeUse(callCenter: string, use: boolean): void {
  try {
    localStorage.setItem(useKey(callCenter), use ? '1' : '0');
  } catch {
    // Storage refused: the setting lasts until the panel reloads.
  }
}

export type { TakeoverKit };
