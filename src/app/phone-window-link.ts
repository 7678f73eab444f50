/**
 * A utility-bar panel's side of the phone window (docs/phone-window.md): finds the window after a
 * reload or in a new Salesforce tab, draws its view, relays the agent's clicks to it, runs the Open
 * CTI calls it cannot make itself, and notices when it closes so the panel takes the phone back.
 *
 * Finding it across storage partitioning (the panel is third-party under *.lightning.force.com, the
 * window first-party):
 * 1. Storage Access API handle (`requestStorageAccess({ BroadcastChannel, locks })`): the window's
 *    own channel and lock, from any panel in any tab. Granted without a prompt where third-party
 *    cookies are allowed (Chrome's default); refused elsewhere.
 * 2. Otherwise the named window: `window.open('', name)` returns the window this tab opened (same
 *    tab, after a reload), then `postMessage` checked against the adapter's origin both ways.
 * 3. Otherwise (a new tab in a browser without the handle): the panel cannot see the window; the
 *    agent's "Open phone window" click reaches it by name where the browser allows, and the window
 *    stays the phone either way.
 */
import type { AgentView, SoftphoneIntent } from '../view/agent-view.ts';
import type { TakeoverKit } from './agent-runtime.ts';
import { isPhoneWindowPage, isWindowMessage, PHONE_WINDOW_PARAM, phoneWindowChannel, phoneWindowName, type PanelMessage, type WindowMessage } from './phone-window-protocol.ts';
import type { SharedTabState } from './tab-sync.ts';

/** How long a panel waits for the window's answer when it knows one runs. */
const ANSWER_MS = 3000;
/** How often a `postMessage`-linked panel checks that the window is still open. */
const CLOSED_POLL_MS = 500;
const WINDOW_FEATURES = 'popup,width=400,height=680';

/** What a Storage Access handle gives (Chromium 125+); typed here, lib.dom lacks it. */
interface StorageAccessHandleLike {
  BroadcastChannel(name: string): BroadcastChannel;
  readonly locks: LockManager;
}

/** What the session does with the window. */
export interface PhoneWindowLinkHooks {
  /** Draw the window's view (the link sets `phoneWindow`). */
  mirror(view: AgentView): void;
  /** The window runs a session now: this panel's own phone stops. */
  windowHasSession(): void;
  /** This panel's session, to hand to a window that has none; null when it runs none. */
  ownKit(): TakeoverKit | null;
  /** The window closed: `kit` is its session, for the panel that owns the tabs to carry on. */
  gone(kit: TakeoverKit | null): void;
  /** The panel's connection state changed (redraw the bar). */
  changed(): void;
  warn(message: string, cause?: unknown): void;
}

type Line = { readonly kind: 'channel'; readonly channel: BroadcastChannel } | { readonly kind: 'window'; readonly target: Window };

export class PhoneWindowLink {
  private readonly id = globalThis.crypto.randomUUID();
  private line: Line | undefined;
  private handle: StorageAccessHandleLike | undefined;
  private last: SharedTabState | null = null;
  private connected = false;
  /** Pending {@link hello}s, resolved by the window's first state. */
  private readonly answered = new Set<() => void>();
  private poll: ReturnType<typeof setInterval> | undefined;
  /** The window itself, when this tab opened it or found it by name. */
  private ref: Window | null = null;
  /** The last "Open phone window" was blocked by the browser. */
  blocked = false;

  constructor(
    private readonly callCenter: string,
    private readonly hooks: PhoneWindowLinkHooks,
  ) {
    addEventListener('message', (event: MessageEvent<unknown>) => {
      const line = this.line;
      if (line?.kind !== 'window' || event.origin !== location.origin || event.source !== line.target) return;
      this.receive(event.data);
    });
    addEventListener('pagehide', () => this.say({ pw: 1, type: 'bye', from: this.id }));
  }

  /** Looks for a running phone window; resolves once it answered or is known not to run. */
  async find(lookForNamed: boolean): Promise<void> {
    const { callCenter, hooks } = this;
    performance.mark('dialtone:phone-window-search');
    const granted = await (earlyHandle ?? storageAccessHandle());
    earlyHandle = undefined;
    if (typeof granted === 'string') hooks.warn(`no Storage Access handle; the phone window is looked for by name (${granted})`);
    else this.handle = granted;
    if (this.handle) {
      const channel = this.handle.BroadcastChannel(phoneWindowChannel(callCenter));
      channel.onmessage = (event: MessageEvent<unknown>) => this.receive(event.data);
      this.line = { kind: 'channel', channel };
      performance.mark('dialtone:phone-window-handle');
      // Asked at once, whatever the lock says (a query can take a second): the answer connects the
      // panel whenever it comes; only a window known to run (its lock held) is waited for.
      const answered = this.hello();
      const held = await this.handle.locks.query().then((s) => s.held?.some((l) => l.name === phoneWindowChannel(callCenter)) === true, () => false);
      if (held) await answered;
      if (held && !this.connected) hooks.warn('a phone window runs but did not answer; it is used once it does');
    } else if (lookForNamed) {
      const found = reacquire(phoneWindowName(callCenter));
      if (found) {
        this.ref = found;
        this.line = { kind: 'window', target: found };
        await this.hello();
      }
      if (!this.connected) hooks.warn(`the phone window opened from this org was ${found ? 'found but did not answer' : 'not found by name'}`);
    }
  }

  /** Whether the window runs the phone for this panel. */
  get isConnected(): boolean {
    return this.connected;
  }

  /** How this panel reaches the window, for the bar and the docs' fallback table. */
  get via(): 'storage-access' | 'named-window' | null {
    if (!this.connected) return null;
    return this.line?.kind === 'channel' ? 'storage-access' : 'named-window';
  }

  /** Sends the agent's click to the window; false when no window runs (the panel acts itself). */
  relay(intent: SoftphoneIntent): boolean {
    if (!this.connected) return false;
    this.say({ pw: 1, type: 'intent', from: this.id, intent });
    return true;
  }

  /**
   * Opens the phone window, or brings the open one forward. Must run inside the agent's click
   * (transient user activation), or the browser's pop-up blocker refuses it.
   */
  open(): void {
    if (this.connected) {
      // An open window is only brought forward: loading its URL again would end its call.
      this.ref?.focus();
      return;
    }
    const url = `${location.origin}${location.pathname}?${PHONE_WINDOW_PARAM}=${encodeURIComponent(this.callCenter)}`;
    const target = window.open(url, phoneWindowName(this.callCenter), WINDOW_FEATURES);
    this.blocked = target === null;
    if (target === null) {
      this.hooks.changed();
      return;
    }
    this.ref = target;
    if (this.line?.kind !== 'channel') this.line = { kind: 'window', target };
    rememberOpened(this.callCenter, true);
    this.hooks.changed();
    // The window says `up` once loaded; it then asks this panel for the settings.
  }

  /** Whether this panel can bring the window forward (it holds a reference: it opened or re-found it). */
  get canShow(): boolean {
    return this.connected && this.ref !== null && !this.ref.closed;
  }

  /** Says hello; resolves when the window's first state arrives, or after {@link ANSWER_MS}. */
  private hello(): Promise<void> {
    this.say({ pw: 1, type: 'hello', from: this.id });
    if (this.connected) return Promise.resolve();
    // One timer and the answer itself, not a check every 25 ms (120 tasks for a panel with no window).
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.answered.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ANSWER_MS);
      this.answered.add(done);
    });
  }

  private receive(data: unknown): void {
    if (!isWindowMessage(data)) return;
    if ('to' in data && data.to !== undefined && data.to !== this.id) return;
    switch (data.type) {
      case 'up':
        this.say({ pw: 1, type: 'hello', from: this.id });
        return;
      case 'state':
        this.stateOf(data.state);
        return;
      case 'cti':
        this.runCti(data);
        return;
      case 'closing':
        this.lost(data.state);
        return;
    }
  }

  private stateOf(state: SharedTabState): void {
    const first = !this.connected;
    this.last = state;
    this.connected = true;
    // Read by e2e/agent/phone-window.test.ts: how long after the panel started it drew the window's call.
    if (first) performance.mark('dialtone:phone-window-connected');
    if (first) this.watch();
    for (const done of [...this.answered]) done();
    if ('session' in state.view.agent) this.hooks.windowHasSession();
    else {
      const kit = this.hooks.ownKit();
      if (kit) this.say({ pw: 1, type: 'start', from: this.id, kit });
    }
    this.hooks.mirror(state.view);
    if (first) this.hooks.changed();
  }

  /** Notices the window's end even without its `closing` (a crash): its lock, or `closed`. */
  private watch(): void {
    const line = this.line;
    if (this.handle && line?.kind === 'channel') {
      void this.handle.locks
        .request(phoneWindowChannel(this.callCenter), { mode: 'shared' }, () => undefined)
        .then(() => this.lost(this.last))
        .catch((error: unknown) => this.hooks.warn('cannot watch the phone window lock', error));
    } else if (line?.kind === 'window') {
      clearInterval(this.poll);
      this.poll = setInterval(() => {
        if (line.target.closed) this.lost(this.last);
      }, CLOSED_POLL_MS);
    }
  }

  private lost(state: SharedTabState | null): void {
    if (!this.connected) return;
    this.connected = false;
    clearInterval(this.poll);
    if (this.line?.kind === 'window') this.line = undefined;
    rememberOpened(this.callCenter, false);
    this.hooks.gone(state?.kit ?? this.last?.kit ?? null);
    this.last = null;
    this.hooks.changed();
  }

  /** Runs an Open CTI method in this panel's Salesforce page for the window, and answers. */
  private runCti(request: Extract<WindowMessage, { type: 'cti' }>): void {
    const answer = (response: unknown) => this.say({ pw: 1, type: 'cti-result', from: this.id, id: request.id, response });
    const raw = (globalThis as unknown as { sforce?: { opencti?: Record<string, unknown> } }).sforce?.opencti;
    const method = raw?.[request.method];
    if (typeof method !== 'function') {
      answer({ success: false, returnValue: null, errors: [{ code: 'PHONE_WINDOW', description: `this panel has no Open CTI ${request.method}` }] });
      return;
    }
    try {
      (method as (args: Record<string, unknown>) => void).call(raw, { ...request.args, callback: (response: unknown) => answer(response) });
    } catch (error) {
      answer({ success: false, returnValue: null, errors: [{ code: 'PHONE_WINDOW', description: String(error) }] });
    }
  }

  private say(message: PanelMessage): void {
    const line = this.line;
    try {
      if (line?.kind === 'channel') line.channel.postMessage(message);
      else if (line?.kind === 'window' && !line.target.closed) line.target.postMessage(message, location.origin);
    } catch (error) {
      this.hooks.warn(`could not reach the phone window (${message.type})`, error);
    }
  }
}

/** The Storage Access handle for the window's channel and lock, or why there is none. */
async function storageAccessHandle(): Promise<StorageAccessHandleLike | string> {
  const request = (document as unknown as { requestStorageAccess?: (types?: object) => Promise<unknown> }).requestStorageAccess;
  if (typeof request !== 'function') return 'this browser has no Storage Access API';
  try {
    const handle = (await request.call(document, { BroadcastChannel: true, locks: true })) as Partial<StorageAccessHandleLike> | undefined;
    if (typeof handle?.BroadcastChannel === 'function' && handle.locks) return handle as StorageAccessHandleLike;
    return 'the browser granted access without a BroadcastChannel and Web Locks handle';
  } catch (error) {
    return `the browser refused: ${String(error)}`;
  }
}

/**
 * Asked as soon as this code loads (during the panel's boot, docs/architecture.md "Code loaded
 * after start-up"), not when the session starts: the browser takes up to a second to answer on a
 * busy machine, and a reloaded panel must show the window's call within 2 s. Framed panels only.
 */
let earlyHandle: Promise<StorageAccessHandleLike | string> | undefined =
  typeof window !== 'undefined' && window.parent !== window && !isPhoneWindowPage(location.search) ? storageAccessHandle() : undefined;

/**
 * The named window this tab opened, without opening a new one: an unknown name makes the browser
 * open a blank window (or block it), which is closed at once.
 */
function reacquire(name: string): Window | null {
  let found: Window | null;
  try {
    found = window.open('', name);
  } catch {
    return null;
  }
  if (found === null) return null;
  let blank: boolean;
  try {
    blank = found.location.href === 'about:blank';
  } catch {
    blank = false;
  }
  if (blank) {
    found.close();
    return null;
  }
  return found;
}

/** This Salesforce org's panels remember (their own storage) that a window was opened, so a reload looks for it by name. */
const openedKey = (callCenter: string) => `dialtone:phone-window-opened:${callCenter}`;

function rememberOpened(callCenter: string, opened: boolean): void {
  try {
    if (opened) localStorage.setItem(openedKey(callCenter), '1');
    else localStorage.removeItem(openedKey(callCenter));
  } catch {
    // Storage refused: a reload then finds the window through the Storage Access handle only.
  }
}

/** Whether a panel of this org opened a phone window that may still run. */
export function maybeOpened(callCenter: string): boolean {
  try {
    return localStorage.getItem(openedKey(callCenter)) === '1';
  } catch {
    return false;
  }
}
