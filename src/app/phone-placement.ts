/**
 * Where the agent's one phone runs, as this page sees it (docs/tabs.md, docs/phone-window.md): in
 * this page, in another Salesforce tab that this one follows, or in the phone window. It finds a
 * running phone window, joins the tabs, moves the session when the phone moves (a tab takes over, a
 * window opens or closes), relays the clicks that must run where the phone is, and draws the view
 * of the page that runs the phone. agent-session.ts builds the phone; this decides where it is.
 *
 * ```
 *   owner tab ──publish(view, kit)──► follower tabs (mirror)     ◄── relayed intents ── followers
 *   panel ──────relay(intent)───────► phone window (runs the phone, publishes its view to panels)
 * ```
 */
import { hasSession } from '../call/index.ts';
import type { Config } from '../config/index.ts';
import type { OpenCti } from '../opencti/index.ts';
import type { AgentView, SoftphoneIntent } from '../view/agent-view.ts';
import { destinationOf, type IntentOf, type IntentPlace } from './intent-table.ts';
import type { AgentRuntime } from './agent-runtime.ts';
import type { AttendantDesk } from './attendant-desk.ts';
import type { CallResume } from './call-resume.ts';
import type { CrmDesk } from './crm-desk.ts';
import type { LazyTaskLog } from './lazy-task-log.ts';
import type { PageSettings } from './page-settings.ts';
import { PhoneWindowPanel, type PhoneWindowPanelOptions } from './phone-window-panel.ts';
import { TabSync, type SharedTabState } from './tab-sync.ts';
import { shareUnchangedSlices } from './view-store.ts';

/** What the phone window page shows about itself (the bar's "why" line). */
const WINDOW_VIEW = { where: 'window', use: true, connected: true, canShow: false, blocked: false, busy: false } as const;

/** What the placement acts on: the session's collaborators that follow the phone. */
export interface PhonePlacementParts {
  readonly config: Config;
  /** Salesforce, when framed by it; `undefined` in tests. */
  readonly api: OpenCti | undefined;
  /** Set on the phone window page: the panels draw what it publishes. */
  readonly phoneWindowPage: { publish(state: SharedTabState): void } | undefined;
  readonly runtime: AgentRuntime;
  readonly attendant: AttendantDesk;
  readonly resumer: CallResume;
  readonly tasks: LazyTaskLog | undefined;
  readonly crm: CrmDesk;
  readonly settings: PageSettings;
  /** Settles once the preferences are read: a resumed phone takes the remembered audio devices. */
  readonly prefsRead: () => Promise<void>;
  /** An intent a follower tab relayed to this owner. */
  readonly relayed: (intent: SoftphoneIntent) => void;
  /** Every view handed to the shell, after it was drawn. */
  readonly drawn: (view: AgentView) => void;
  readonly onView: (view: AgentView) => void;
  readonly warn: (message: string, cause?: unknown) => void;
  /** The phone-window bar of a Salesforce panel (default: the real one, in a browser); tests pass a fake. */
  readonly phoneWindowPanel?: (options: PhoneWindowPanelOptions) => PhoneWindowPanel;
}

/** Where the phone runs, and the view this page draws. */
export class PhonePlacement {
  private tabs: TabSync | undefined;
  /** The phone window as this panel sees it; undefined on the window itself and outside Salesforce. */
  private phoneWindow: PhoneWindowPanel | undefined;
  private lastShown: AgentView | undefined;
  /** The view last handed to the shell (slices shared with the next one when equal). */
  private drawnView: AgentView | undefined;
  private shownPhase: AgentView['agent']['phase'] | undefined;

  constructor(private readonly parts: PhonePlacementParts) {}

  /**
   * Finds a running phone window, then joins this call center's tabs: the owner runs the phone
   * (or resumes the one a closed tab or a reload left), the others follow it.
   */
  async join(): Promise<void> {
    const { parts } = this;
    // A phone window that already runs (a reload, another Salesforce tab) is looked for while the
    // tab lock is asked, not before (the search's lock query took ~40 ms of a reload's path to
    // REGISTER, docs/benchmarks.md "Thirteenth pass (b)"): what depends on it — running the phone
    // here, resuming a session — waits for its answer. Salesforce panels in a browser only (not
    // the window itself, not the Node tests without a DOM).
    let searched = Promise.resolve();
    if (parts.api && !parts.phoneWindowPage && (parts.phoneWindowPanel !== undefined || typeof window !== 'undefined')) {
      this.phoneWindow = this.phoneWindowPanel();
      // A search that fails finds no window: this panel runs the phone, as when none runs.
      searched = this.phoneWindow.find().catch((error: unknown) => parts.warn('the phone window could not be looked for; this panel runs the phone', error));
    }
    // The window is a group of its own (where storage is not partitioned it would otherwise follow a panel).
    const group = parts.phoneWindowPage ? `window:${parts.config.general.internalName}` : parts.config.general.internalName;
    this.tabs = await TabSync.join(group, {
      becomeOwner: (state) => {
        parts.runtime.views.update('tabs', { tab: this.tabs?.role ?? 'owner' });
        // The owner drains the outbox, including what a closed or reloaded tab left in it.
        parts.tasks?.start();
        void searched.then(() => {
          // Phone links dial where the phone is: the window's own listener takes them while it runs.
          if (!this.phoneWindow?.connected) parts.attendant.own();
          // The resumed phone takes the remembered audio devices. With a phone window, it has the phone.
          if (state && !this.phoneWindow?.connected) void parts.prefsRead().then(() => parts.resumer.resume(state.kit));
          // Nobody handed a session over: the one this page had before a reload, if the tab had one.
          else if (!this.phoneWindow?.connected) void parts.prefsRead().then(() => parts.resumer.resumeFromReload());
        });
      },
      mirror: (view) => {
        if (!this.phoneWindow?.connected) this.show(view);
      },
      intent: (intent) => parts.relayed(intent),
      warn: parts.warn,
    });
    parts.runtime.views.update('tabs', { tab: this.tabs.role });
    const alone = this.tabs.aloneReason;
    if (alone !== undefined) parts.runtime.addNotice('tabsNotShared', 'warning', alone);
    await searched;
  }

  /** Whether this page runs the phone: it owns the tabs (or has not joined yet) and no phone window runs it. */
  get runsPhone(): boolean {
    return this.tabs?.owns !== false && !this.phoneWindow?.connected;
  }

  /**
   * Sends `intent`, whose kind runs at `place` (the intent table's), to the page that runs it:
   * the phone window, the tab that owns the phone, or none (`false`: this page runs it).
   */
  relay(intent: SoftphoneIntent, place: IntentPlace): boolean {
    const destination = destinationOf(place, { windowRunsPhone: this.phoneWindow?.connected === true, follower: this.tabs?.owns === false });
    if (destination === 'phoneWindow') return this.phoneWindow?.relay(intent) === true;
    if (destination === 'ownerTab') return this.tabs?.relay(intent) === true;
    return false;
  }

  /** The phone-window bar's intent: this panel's own; no bar without a panel (the window itself, outside Salesforce). */
  phoneWindowIntent(intent: IntentOf<'phoneWindow'>): void {
    if (this.phoneWindow) this.phoneWindow.intent(intent);
    else this.parts.warn(`${intent.kind} ${intent.action} ignored: only a Salesforce panel offers the phone window`);
  }

  /** The view of this page's phone: drawn here, shared with the follower tabs and the panels of a phone window, kept for a reload. */
  publish(view: AgentView): void {
    this.show(view);
    const kit = this.parts.runtime.takeoverKit();
    this.tabs?.publish({ view, kit });
    this.parts.phoneWindowPage?.publish({ view, kit });
    this.parts.resumer.save(kit);
  }

  /** Draws the last view again (this page's own slice changed). */
  redraw(): void {
    if (this.lastShown) this.show(this.lastShown);
  }

  /**
   * Draws a view (this page's, the owner tab's or the phone window's) and follows it with this
   * page's utility panel: a ringing call opens the panel (auto-minimise is the screen pop's:
   * src/app/pop-minimise.ts).
   */
  private show(view: AgentView): void {
    const { parts } = this;
    const phase = view.agent.phase;
    const previous = this.shownPhase;
    this.shownPhase = phase;
    this.lastShown = view;
    parts.crm.shown(view);
    const framed = this.phoneWindow ? this.phoneWindow.decorate(view) : parts.phoneWindowPage ? { ...view, phoneWindow: WINDOW_VIEW } : view;
    const local = parts.attendant.decorate(framed);
    // Rebuilt slices equal to the drawn ones keep their reference: the parts that read only those are not drawn again.
    const drawn = this.drawnView === undefined ? local : shareUnchangedSlices(this.drawnView, local);
    this.drawnView = drawn;
    parts.onView(drawn);
    parts.drawn(view);
    if (phase !== previous && phase === 'ringing') void parts.settings.setPanelVisible(true);
  }

  private phoneWindowPanel(): PhoneWindowPanel {
    const { parts } = this;
    const { runtime, attendant, resumer } = parts;
    return (parts.phoneWindowPanel ?? ((options) => new PhoneWindowPanel(options)))({
      callCenter: parts.config.general.internalName,
      defaultUse: parts.config.agent.phoneWindow,
      hooks: {
        mirror: (view) => this.show(view),
        windowHasSession: () => {
          attendant.dispose();
          resumer.forget();
          if (hasSession(runtime.agent)) void runtime.release();
        },
        ownKit: () => (this.tabs?.owns !== false && hasSession(runtime.agent) ? runtime.takeoverKit() : null),
        gone: (kit) => {
          // The panel that owns the tabs takes the phone back (the others mirror it, as today).
          if (this.tabs?.owns !== false) attendant.own();
          if (kit && this.tabs?.owns !== false) void parts.prefsRead().then(() => resumer.resume(kit));
          runtime.views.refresh();
        },
        changed: () => this.redraw(),
        warn: parts.warn,
      },
    });
  }
}
