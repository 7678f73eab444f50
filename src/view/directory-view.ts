/**
 * The directory's slice of the view and its intents (docs/directory.md): one search over
 * colleagues (platform users and queues), Salesforce records and the agent's favourites.
 * src/app/directory-desk.ts builds it.
 */

/** Where a result came from (its icon). */
export type DirectorySource = 'colleague' | 'queue' | 'salesforce' | 'favourite';

/** One result: what to show, and how to reach it. */
export interface DirectoryEntry {
  /** Unique in the list: `<kind>:<id>`. */
  readonly key: string;
  readonly source: DirectorySource;
  readonly kind: 'user' | 'queue' | 'record' | 'number';
  /** The user or queue id, the record id, or the number. */
  readonly id: string;
  /** Untrusted (a Salesforce name): render as text only. */
  readonly name: string;
  /** The number to dial, when there is one (a queue has none). */
  readonly number: string | null;
  readonly objectType: string | null;
  readonly favourite: boolean;
}

/** The slice. */
export interface DirectoryView {
  /** The query the results answer. */
  readonly query: string;
  /** The `id` of the search these results answer (the panel knows whether they are for what it typed last). */
  readonly answered: number;
  readonly status: 'idle' | 'searching' | 'done';
  readonly results: readonly DirectoryEntry[];
  /** Salesforce could not be searched (its words); the other sources still answered. */
  readonly salesforceError: string | null;
}

/** What the agent asks of the directory. */
export type DirectoryIntent =
  | { readonly kind: 'directorySearch'; readonly query: string; /** The panel's number for this search, echoed as `answered`. */ readonly id: number }
  | { readonly kind: 'directoryFavourite'; readonly entry: DirectoryEntry; readonly on: boolean };
