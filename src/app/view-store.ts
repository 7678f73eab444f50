/**
 * The one owner of the agent view (`AgentView`, src/view/agent-view.ts). Collaborators never
 * build views of their own: each submits updates of the slices it owns (`SLICE_OWNERS`), and the
 * session's one listener derives the desks' slices, draws the view and shares it. An update that
 * writes an equal value keeps the old reference, so a slice that did not change keeps its identity
 * and the components that read only it are not drawn again (`shareUnchangedSlices` does the same
 * for rebuilt and mirrored views).
 *
 * ```
 *  runtime ─────────┐
 *  crm-desk ────────┤ update(owner, patch)
 *  task-logger ─────┼──► queue ──► apply ──► subscribe(view, previous) ──► agent-session: derive,
 *  attendant-desk ──┤   (one at a time)                                    phone-placement: draw + share
 *  session ─────────┘ refresh(): a derived
 *                     slice's source changed
 * ```
 *
 * No re-entrancy: an update (or refresh) submitted while the listeners are being told of the
 * previous one is applied to the store at once (so the next writer builds on it: two notices in a
 * row are both kept), but its notification is queued: the listeners hear of it once they all
 * returned, with the latest view. No listener runs inside itself, and none is told of a view older
 * than one it was already given.
 */
import type { AgentView } from '../view/agent-view.ts';

/**
 * Who writes each slice. `derived:` slices are not written to the store: agent-session.ts and
 * registered-desks.ts compute them from the store's view on every notification (the view models
 * of the desks), so their owners ask for a `refresh()` when their own facts change.
 */
export const SLICE_OWNERS = {
  agent: 'runtime',
  info: 'runtime',
  can: 'runtime',
  options: 'runtime',
  notices: 'runtime',
  confirmLogout: 'runtime',
  dialError: 'runtime',
  transferTargets: 'runtime',
  prefs: 'preferences',
  devices: 'preferences',
  tab: 'tabs',
  record: 'crm-desk',
  pendingLogs: 'task-logger',
  failedLogs: 'task-logger',
  history: 'attendant-desk',
  supervision: 'derived:supervision-desk',
  monitoredBy: 'derived:supervision-desk',
  deskActions: 'derived:desk-actions',
  directory: 'derived:directory-desk',
  health: 'derived:health-gate',
  attendant: 'derived:attendant-desk',
  phoneWindow: 'derived:phone-window-panel',
} as const satisfies Record<keyof AgentView, string>;

/** A collaborator that writes slices to the store. */
export type SliceOwner = Exclude<(typeof SLICE_OWNERS)[keyof AgentView], `derived:${string}`>;

/** The slices `owner` writes. */
export type SlicesOf<O extends SliceOwner> = { [K in keyof AgentView]-?: (typeof SLICE_OWNERS)[K] extends O ? K : never }[keyof AgentView];

/** Told of every new view, with the one before it. */
export type ViewListener = (view: AgentView, previous: AgentView) => void;

/** Bounds the updates that listeners may trigger in answer to one update (a loop is a bug). */
const MAX_ROUNDS = 50;

/** The single owner of the agent view. */
export class ViewStore {
  private current: AgentView;
  private readonly listeners = new Set<ViewListener>();
  /** The view the listeners were last told of. */
  private notified: AgentView;
  private notifying = false;
  /** A notification is owed (an update arrived while the listeners were being told of another). */
  private due = false;

  constructor(initial: AgentView) {
    this.current = initial;
    this.notified = initial;
  }

  /** The latest view, with every update applied (also those whose notification is still owed). */
  get view(): AgentView {
    return this.current;
  }

  /**
   * Replaces slices that `owner` owns. Throws when a slice belongs to someone else: two writers of
   * one slice would overwrite each other's facts. `notify: false` changes the view without telling
   * anyone (a released session whose panel draws the phone window's view instead).
   */
  update<O extends SliceOwner>(owner: O, patch: Partial<Pick<AgentView, SlicesOf<O>>>, options: { readonly notify?: boolean } = {}): void {
    for (const slice of Object.keys(patch) as (keyof AgentView)[]) {
      const expected: string = SLICE_OWNERS[slice];
      if (expected !== owner) {
        throw new Error(`The view slice "${slice}" was written by ${owner}, but it belongs to ${expected} (src/app/view-store.ts SLICE_OWNERS): have ${expected.replace(/^derived:/, '')} produce it.`);
      }
    }
    this.submit(patch, options.notify !== false, false);
  }

  /** Tells the listeners again: a derived slice's own facts changed (a desk, the health gate). */
  refresh(): void {
    this.submit({}, true, true);
  }

  /** Calls `listener` with every new view; returns the unsubscribe function. */
  subscribe(listener: ViewListener): () => void {
    // Wrapped, so the same function may subscribe twice and each unsubscribe removes its own.
    const own: ViewListener = (view, previous) => listener(view, previous);
    this.listeners.add(own);
    return () => this.listeners.delete(own);
  }

  private submit(patch: Partial<AgentView>, notify: boolean, refresh: boolean): void {
    const before = this.current;
    this.current = withSlices(before, patch);
    if (refresh || (notify && this.current !== before)) this.due = true;
    if (this.notifying) return;
    this.notifying = true;
    try {
      for (let round = 0; this.due; round++) {
        if (round >= MAX_ROUNDS) {
          this.due = false;
          throw new Error(`The view's listeners kept updating it (${MAX_ROUNDS} rounds after one update, the last of ${Object.keys(patch).join('+') || 'a refresh'}): a listener must not write what it reacts to.`);
        }
        this.due = false;
        const previous = this.notified;
        const view = this.current;
        this.notified = view;
        for (const listener of [...this.listeners]) listener(view, previous);
      }
    } finally {
      this.notifying = false;
    }
  }
}

/** `view` with `patch`'s slices; a slice equal to the one it replaces keeps its old reference. */
function withSlices(view: AgentView, patch: Partial<AgentView>): AgentView {
  let changed: Record<string, unknown> | undefined;
  for (const [slice, value] of Object.entries(patch)) {
    const old: unknown = view[slice as keyof AgentView];
    if (old === value || sameData(old, value)) continue;
    changed ??= {};
    changed[slice] = value;
  }
  return changed === undefined ? view : ({ ...view, ...changed });
}

/**
 * `next` with every slice that is equal in content to `previous`'s kept by reference: views that
 * are rebuilt (the desks' view models, a view mirrored from another tab, which arrives as a copy)
 * then tell the components only about what really changed.
 */
export function shareUnchangedSlices(previous: AgentView, next: AgentView): AgentView {
  if (previous === next) return next;
  let shared: Record<string, unknown> | undefined;
  let different = Object.keys(previous).length !== Object.keys(next).length;
  for (const [slice, value] of Object.entries(next)) {
    const old: unknown = previous[slice as keyof AgentView];
    if (old === value) continue;
    if (sameData(old, value)) {
      shared ??= {};
      shared[slice] = old;
    } else different = true;
  }
  if (!different) return previous;
  return shared === undefined ? next : ({ ...next, ...shared });
}

/** Structural equality of view data (plain objects, arrays, primitives: what a view is made of). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameData(item, b[i]));
  }
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  // Only plain data is compared by content; anything else (a Map, a Date) only by reference.
  if (Object.getPrototypeOf(a) !== Object.prototype && Object.getPrototypeOf(a) !== null) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(rb, k) && sameData(ra[k], rb[k]));
}
