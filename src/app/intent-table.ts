/**
 * The one table from an intent's kind to the one collaborator that handles it. The UI sends every
 * intent through `SoftphoneService.send`; the session (agent-session.ts) decides *where* it runs
 * (this tab, the owner tab, the phone window) and then asks this table *who* runs it. Before, four
 * routers overlapped: the runtime's machine/app split, its own view intents, the session's chain
 * of `handles()` checks and its preference fallback, so an intent nobody handled was silently
 * dropped, and a kind two of them claimed went to whichever asked first.
 *
 * ```
 *   SoftphoneIntent ─► session.send ─► where? (gate, phone window, tab relay) ─► IntentTable.dispatch
 *                                                                                 │ kind → handler
 *        runtime: machine intents + its view intents ◄─────────────────────────┤
 *        supervision-desk, directory-desk, desk-actions, crm-desk, attendant ◄──┤
 *        health-gate, preferences, task-logger, session (login, dial) ◄────────┘
 * ```
 *
 * Registering a kind twice, or dispatching a kind nobody registered, is an error that names the
 * kind and the owners, never a silent drop.
 */
import type { SoftphoneIntent, SoftphoneIntentKind } from '../view/agent-view.ts';

/** The intent of `kind`. */
export type IntentOf<K extends SoftphoneIntentKind> = Extract<SoftphoneIntent, { kind: K }>;

/** Runs one intent; a promise is awaited by `dispatch` (its rejection reaches the caller). */
export type IntentHandler<K extends SoftphoneIntentKind> = (intent: IntentOf<K>) => void | Promise<void>;

interface Entry {
  readonly owner: string;
  readonly run: (intent: SoftphoneIntent) => void | Promise<void>;
  /** Runs in the page the agent clicked, never relayed to the owner tab or the phone window. */
  readonly here: boolean;
}

/** How a kind is handled besides its handler. */
export interface IntentRegistration {
  /**
   * `true` = about this page itself (its microphone test, its Salesforce page): it runs where it
   * was clicked, even in a follower tab or a panel whose phone runs in the phone window.
   */
  readonly here?: boolean;
}

/** Thrown for a kind with no handler, or a kind registered twice. */
export class IntentRoutingError extends Error {
  constructor(
    message: string,
    readonly kind: string,
  ) {
    super(message);
    this.name = 'IntentRoutingError';
  }
}

/** Intent kind → its one handler. */
export class IntentTable {
  private readonly entries = new Map<string, Entry>();

  /** `owner` handles `kinds` with `run`. Throws when another owner (or this one) already handles one of them. */
  register<K extends SoftphoneIntentKind>(owner: string, kinds: readonly K[], run: IntentHandler<K>, options: IntentRegistration = {}): void {
    for (const kind of kinds) {
      const taken = this.entries.get(kind);
      if (taken !== undefined) {
        throw new IntentRoutingError(`The intent "${kind}" is registered twice: by ${taken.owner} and by ${owner} (src/app/intent-table.ts): each intent has one handler; remove one of the registrations.`, kind);
      }
    }
    const entry: Entry = { owner, run: run as (intent: SoftphoneIntent) => void | Promise<void>, here: options.here === true };
    for (const kind of kinds) this.entries.set(kind, entry);
  }

  /** Who handles `kind`, or `undefined`. */
  ownerOf(kind: string): string | undefined {
    return this.entries.get(kind)?.owner;
  }

  /** Whether `kind` runs in the page it was clicked in (registered with `here`). */
  runsHere(kind: string): boolean {
    return this.entries.get(kind)?.here === true;
  }

  /** The kinds of `all` that nobody handles (the session checks its table against the full list). */
  missing(all: readonly string[]): string[] {
    return all.filter((kind) => !this.entries.has(kind));
  }

  /** Runs `intent` on its handler. Throws (synchronously) when its kind has none. */
  dispatch(intent: SoftphoneIntent): void | Promise<void> {
    const entry = this.entries.get(intent.kind);
    if (entry === undefined) {
      const kind: unknown = (intent as { readonly kind?: unknown }).kind;
      throw new IntentRoutingError(
        `No handler for the intent ${JSON.stringify(kind)} (src/app/intent-table.ts): expected one of ${[...this.entries.keys()].sort().join(', ')}; a new intent kind needs a handler registered in src/app/intent-handlers.ts.`,
        String(kind),
      );
    }
    return entry.run(intent);
  }
}
