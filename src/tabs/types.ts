import type { Brand } from '../shared/brand.ts';

/** The id of one page (one browser tab's Dialtone iframe), stable for the page's lifetime. */
export type TabId = Brand<string, 'TabId'>;

/**
 * What this tab does for the shared phone:
 *
 * - `owner`: holds the lock; runs the SIP registration, the NeoApi poll and the screen pops,
 *   publishes its state and executes the intents the other tabs relay.
 * - `follower`: mirrors the owner's state and relays the agent's clicks to it; queued on the lock
 *   to take over when the owner goes.
 * - `alone`: the browser cannot coordinate tabs (no Web Locks or no BroadcastChannel); this tab
 *   behaves as an owner without knowing about the others. The app should say so.
 * - `closed`: `close()` was called.
 */
export type TabRole = 'owner' | 'follower' | 'alone' | 'closed';

/** Why a link is `alone`. */
export type AloneReason =
  /** `navigator.locks` is missing: an old browser, or an insecure (`http:`, non-loopback) context. */
  | 'no-web-locks'
  /** `BroadcastChannel` is missing. */
  | 'no-broadcast-channel'
  /** The lock request was refused (e.g. `SecurityError` in an opaque-origin sandboxed frame). */
  | 'locks-refused';

/**
 * How a relayed intent ended. Relays are at-most-once (docs/tabs.md, "Relay"): never re-sent.
 *
 * - `delivered`: the owner received it and ran its intent listeners.
 * - `unconfirmed`: no acknowledgement — the owner changed or closed, or none answered within the
 *   acknowledgement timeout. The intent may or may not have been executed; the agent decides
 *   whether to click again.
 */
export type RelayOutcome = 'delivered' | 'unconfirmed';

/** The part of the Web Locks `LockManager` a link uses (injectable for tests). */
export interface LockManagerLike {
  request(
    name: string,
    options: { mode: 'exclusive'; ifAvailable?: boolean },
    callback: (lock: object | null) => Promise<void> | undefined,
  ): Promise<unknown>;
}

/** The part of a `BroadcastChannel` a link uses (injectable for tests). */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message' | 'messageerror', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

/** Options of {@link joinTabs}. */
export interface JoinTabsOptions<S, I> {
  /** Lock and channel name, shared by the tabs that share one phone, e.g. `dialtone:<callCenter>`. */
  name: string;
  /** Default `navigator.locks`; `null` simulates a browser without Web Locks. */
  locks?: LockManagerLike | null;
  /** Default `name => new BroadcastChannel(name)`; `null` simulates a browser without it. */
  channel?: ((name: string) => ChannelLike) | null;
  /** Default: one random id per page (every link of the page shares it). */
  tabId?: string;
  /** How long a relayed intent waits for the owner's acknowledgement. Default 2000 ms. */
  ackTimeoutMs?: number;
  /** Accepts a received state; others are ignored and counted. Default: any value. */
  isState?: (value: unknown) => value is S;
  /** Accepts a received intent; others are ignored and counted. Default: any value. */
  isIntent?: (value: unknown) => value is I;
}

/**
 * This tab's membership of the group of tabs sharing one phone. `S` (the owner's state) and `I`
 * (an agent's intent) must survive `structuredClone`: plain data, no functions.
 */
export interface TabLink<S, I> {
  /** This page's id; the `from` of the intents it relays. */
  readonly tabId: TabId;
  readonly role: TabRole;
  /** Set when `role` is `alone`. */
  readonly aloneReason: AloneReason | undefined;
  /** The last state this tab published (owner) or received (follower). */
  readonly lastState: S | undefined;
  /** Messages dropped because they were malformed, from another protocol version, or misplaced. */
  readonly ignoredMessages: number;
  /** Follower: how many times a missing delta made it ask the owner for its whole state again. */
  readonly resyncCount: number;
  /**
   * Called when the role changes (`follower` → `owner`: a takeover). `lastState` is the last state
   * the previous owner published: what the new owner needs to continue. Returns an unsubscribe.
   */
  onRoleChange(listener: (role: TabRole, lastState: S | undefined) => void): () => void;
  /**
   * Owner/alone: makes `state` the shared state; followers receive the slices that changed since
   * the last publish (the whole state when they join or miss one). Throws `NOT_OWNER` on a follower.
   */
  publish(state: S): void;
  /** Owner/alone: called for every intent, relayed by a follower or by this tab itself. */
  onIntent(listener: (intent: I, from: TabId) => void): () => void;
  /** Follower: called with each state the owner publishes (a repeated state may arrive twice). */
  onState(listener: (state: S) => void): () => void;
  /** Sends the intent to the owner (or runs it here when this tab is the owner or alone). */
  relay(intent: I): Promise<RelayOutcome>;
  /** Leaves the group: releases the lock (the next tab takes over) and the channel. Idempotent. */
  close(): void;
}
