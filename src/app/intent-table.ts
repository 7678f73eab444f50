/**
 * The one table of intents: for each kind, *where* it runs (its place, a record typed over every
 * `SoftphoneIntent` kind, so a new kind does not compile until someone decides) and *who* runs it
 * (the one collaborator registered for it). The UI sends every intent through
 * `SoftphoneService.send`; the session (agent-session.ts) asks the table for the kind's place,
 * the placement (phone-placement.ts) relays it to the page that runs the phone or keeps it here
 * (`destinationOf`), and the page where it lands dispatches it to its handler. Before, four
 * routers overlapped and two short lists outside the table (the phone window panel's and the tab
 * link's) decided what was relayed, so a new kind was relayed by default without anyone deciding.
 *
 * ```
 *   SoftphoneIntent ─► session.send ─► placeOf(kind) ─► destinationOf(place, this page)
 *                                        │  here ──────────────────────────► IntentTable.dispatch
 *                                        │  phoneWindow / ownerTab ─► relayed, dispatched there
 *                                                                             │ kind → handler
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
}

/**
 * Where an intent of a kind runs:
 * - `here`: in the page the agent clicked, about that page itself (its Salesforce tab, its
 *   speaker, its utility panel, its phone-window bar). Never relayed.
 * - `phone`: in the page that runs the phone: the phone window when one runs it, else the tab
 *   that owns the phone (a follower tab relays it there).
 * - `phoneWindowElseHere`: the microphone the calls use: in the phone window when one runs the
 *   phone (a first-party window holds its own permission, not the panel frame's), else here (the
 *   Salesforce tabs share one permission, and the browser prompts only where the agent clicked).
 */
export type IntentPlace = 'here' | 'phone' | 'phoneWindowElseHere';

/** Every kind's place: typed over the whole union, so the compiler refuses a kind without one (or one that is not a kind). */
export type IntentPlaces = Readonly<Record<SoftphoneIntentKind, IntentPlace>>;

/** Where an intent goes from this page. */
export type IntentDestination = 'here' | 'phoneWindow' | 'ownerTab';

/** What decides an intent's destination about this page. */
export interface PageRole {
  /** A phone window runs the phone for this panel. */
  readonly windowRunsPhone: boolean;
  /** Another tab owns the phone; this one mirrors it. */
  readonly follower: boolean;
}

/** Where an intent of `place` goes from a page in `role`. */
export function destinationOf(place: IntentPlace, role: PageRole): IntentDestination {
  if (place === 'here') return 'here';
  if (role.windowRunsPhone) return 'phoneWindow';
  return place === 'phone' && role.follower ? 'ownerTab' : 'here';
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

/** Intent kind → its place and its one handler. */
export class IntentTable {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly places: IntentPlaces) {}

  /** `owner` handles `kinds` with `run`. Throws when another owner (or this one) already handles one of them. */
  register<K extends SoftphoneIntentKind>(owner: string, kinds: readonly K[], run: IntentHandler<K>): void {
    for (const kind of kinds) {
      const taken = this.entries.get(kind);
      if (taken !== undefined) {
        throw new IntentRoutingError(`The intent "${kind}" is registered twice: by ${taken.owner} and by ${owner} (src/app/intent-table.ts): each intent has one handler; remove one of the registrations.`, kind);
      }
    }
    const entry: Entry = { owner, run: run as (intent: SoftphoneIntent) => void | Promise<void> };
    for (const kind of kinds) this.entries.set(kind, entry);
  }

  /** Who handles `kind`, or `undefined`. */
  ownerOf(kind: string): string | undefined {
    return this.entries.get(kind)?.owner;
  }

  /**
   * Where `kind` runs. A kind outside the union (a relayed message from a newer build) is `here`:
   * `dispatch` then reports it instead of relaying it on.
   */
  placeOf(kind: string): IntentPlace {
    return Object.hasOwn(this.places, kind) ? this.places[kind as SoftphoneIntentKind] : 'here';
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
