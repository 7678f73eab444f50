/**
 * One phone across Salesforce tabs (docs/tabs.md): the owner tab runs the runtime and publishes
 * its view with a takeover kit; follower tabs draw that view and relay the agent's clicks; when
 * the owner closes, the next tab resumes the session from the kit without a second login.
 */
import type { AgentState } from '../call/index.ts';
import type { AgentView, SoftphoneIntent, TabRole as ViewTabRole } from '../view/agent-view.ts';
import { joinTabs, type TabLink } from '../tabs/index.ts';
import type { TakeoverKit } from './agent-runtime.ts';

/** What the owner tab publishes. */
export interface SharedTabState {
  readonly view: AgentView;
  readonly kit: TakeoverKit;
}

function withoutPassword(agent: AgentState): AgentState {
  return agent.phase === 'loggingIn' && agent.password !== null ? { ...agent, password: null } : agent;
}

/**
 * The state as other tabs may see it: a `loggingIn` state holds the NeoApi password while the
 * phone registers, and followers only draw it (a takeover never resumes a login in progress).
 */
export function shareableState(state: SharedTabState): SharedTabState {
  return { view: { ...state.view, agent: withoutPassword(state.view.agent) }, kit: { ...state.kit, agent: withoutPassword(state.kit.agent) } };
}

function isSharedState(value: unknown): value is SharedTabState {
  if (typeof value !== 'object' || value === null) return false;
  const { view, kit } = value as Record<string, unknown>;
  return typeof view === 'object' && view !== null && 'agent' in view && typeof kit === 'object' && kit !== null && 'agent' in kit;
}

function isIntent(value: unknown): value is SoftphoneIntent {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}

/** What the session does when this tab's role changes. */
export interface TabSyncHooks {
  /** This tab owns the phone now; `inherited` is the previous owner's last state, if any. */
  becomeOwner(inherited: SharedTabState | undefined): void;
  /** Draw another tab's view. */
  mirror(view: AgentView): void;
  /** An intent relayed by a follower (this tab owns the phone). */
  intent(intent: SoftphoneIntent): void;
  warn(message: string, cause?: unknown): void;
}

/** The link between this tab and the others. */
export class TabSync {
  private constructor(private readonly link: TabLink<SharedTabState, SoftphoneIntent> | undefined) {}

  /** Joins the tabs of this call center; without coordination the tab works alone. */
  static async join(callCenter: string, hooks: TabSyncHooks): Promise<TabSync> {
    let link: TabLink<SharedTabState, SoftphoneIntent>;
    try {
      link = await joinTabs<SharedTabState, SoftphoneIntent>({ name: `dialtone:${callCenter}`, isState: isSharedState, isIntent });
    } catch (error) {
      hooks.warn('tabs could not coordinate; this tab runs its own phone', error);
      hooks.becomeOwner(undefined);
      return new TabSync(undefined);
    }
    const sync = new TabSync(link);
    link.onIntent((intent) => hooks.intent(intent));
    link.onState((state) => hooks.mirror({ ...state.view, tab: 'follower' }));
    link.onRoleChange((role, lastState) => {
      if (role === 'owner') hooks.becomeOwner(lastState);
    });
    if (link.role === 'owner' || link.role === 'alone') hooks.becomeOwner(undefined);
    else if (link.lastState) hooks.mirror({ ...link.lastState.view, tab: 'follower' });
    // Frees the lock at once on navigation (the browser would free it anyway when the page goes).
    if (typeof addEventListener === 'function') addEventListener('pagehide', () => link.close());
    return sync;
  }

  /** This tab's role, as the view shows it. */
  get role(): ViewTabRole {
    const role = this.link?.role ?? 'alone';
    return role === 'closed' ? 'alone' : role;
  }

  /** Why this tab could not coordinate with the others, when it runs alone. */
  get aloneReason(): string | undefined {
    return this.link === undefined ? 'tabs-failed' : this.link.aloneReason;
  }

  /** Whether this tab runs the phone. */
  get owns(): boolean {
    return this.role !== 'follower';
  }

  /** Owner: tells the followers. */
  publish(state: SharedTabState): void {
    if (!this.link || !this.owns) return;
    try {
      this.link.publish(shareableState(state));
    } catch (error) {
      // A state that cannot be copied must not stop the phone; followers keep the previous one.
      console.warn('[dialtone] could not share the softphone state with other tabs', error);
    }
  }

  /**
   * Follower: sends the intent to the owner; false when this tab owns the phone (it runs the intent
   * itself). Which intents are relayed at all is the intent table's place of each kind.
   */
  relay(intent: SoftphoneIntent): boolean {
    if (!this.link || this.owns) return false;
    void this.link.relay(intent);
    return true;
  }
}
