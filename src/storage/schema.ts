import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';

/** The database every Dialtone tab of one origin shares. */
export const DATABASE_NAME = 'dialtone';

/**
 * A vault record as stored. The key record holds a NON-extractable `CryptoKey` (IndexedDB keeps
 * it by structured clone; its bytes never reach JavaScript); the secret record holds only the
 * AES-GCM ciphertext, its IV and the id of the key that sealed it.
 */
export type VaultRecord =
  | { readonly kind: 'key'; readonly keyId: string; readonly key: CryptoKey; readonly createdAt: number }
  | {
      readonly kind: 'secret';
      readonly format: 1;
      readonly keyId: string;
      readonly iv: Uint8Array<ArrayBuffer>;
      readonly ciphertext: ArrayBuffer;
      readonly savedAt: number;
    };

/**
 * One Task log waiting in (or sent from) the outbox, keyed by its `CallObject` (docs/task-log.md).
 * `version` counts the enqueues, `sentVersion` the last one Salesforce confirmed: the entry is
 * pending while `version > sentVersion`.
 */
export interface OutboxRecord {
  readonly key: string;
  readonly fields: Readonly<Record<string, string | number | boolean | null>>;
  readonly version: number;
  readonly sentVersion: number;
  /** The Task's id once a create (the Apex upsert) answered; later versions update it by `Id`. */
  readonly taskId: string | null;
  readonly attempts: number;
  readonly nextAttemptAt: number;
  /**
   * Which sender works on the entry, until when — in the senders' lease clock
   * (`performance.timeOrigin + performance.now()`, see docs/task-log.md), not the wall clock.
   */
  readonly lease: { readonly holder: string; readonly until: number } | null;
  readonly lastError: string | null;
  /**
   * The last definite refusal (Salesforce answered that it will not save these fields) and how many
   * attempts in a row got that same refusal; absent in entries older than dead-lettering.
   */
  readonly refusal?: { readonly code: string; readonly message: string; readonly count: number } | null;
  /** When the entry was moved to the dead-letter list (no more automatic sends); absent/`null` = not dead. */
  readonly deadAt?: number | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** The record a call-history entry links to (untrusted name: render as text). */
export interface CallHistoryRecordLink {
  readonly id: string;
  readonly objectType: string;
  readonly name: string | null;
}

/**
 * One call in an agent's history (docs/call-history.md), keyed `<agent>\u0000<callKey>` so each
 * agent's calls are theirs only, and a call logged twice (ended, then categorised) stays one entry.
 */
export interface CallHistoryRecord {
  readonly key: string;
  /** The NeoApi user whose call this was. */
  readonly agent: string;
  /** The call's `CallObject` (platform call id, or the SIP leg before the platform numbered it). */
  readonly callKey: string;
  readonly direction: 'inbound' | 'outbound' | 'dialer';
  readonly number: string | null;
  /** The caller's display name from the INVITE, when no record gave a better one. */
  readonly callerName: string | null;
  readonly record: CallHistoryRecordLink | null;
  readonly startedAt: number;
  readonly answeredAt: number | null;
  readonly endedAt: number | null;
  /** The disposition's subcategory id and its name as the call center named it then. */
  readonly disposition: { readonly subcategory: number; readonly label: string | null; readonly callbackAt: string | null } | null;
}

/** The typed shape of the database, for `idb`. Values are validated on read anyway. */
export interface DialtoneDbSchema extends DBSchema {
  /** One record per preference name; see `prefs.ts`. */
  prefs: { key: string; value: unknown };
  /** `key` (the wrapping `CryptoKey`) and `secret` (the sealed remembered password). */
  vault: { key: 'key' | 'secret'; value: VaultRecord };
  /** Task logs until Salesforce confirms them (keyPath `key` = the CallObject); see `outbox.ts`. */
  outbox: { key: string; value: OutboxRecord };
  /** Each agent's last calls (keyPath `key`; index `byAgent` on `[agent, startedAt]`); see `call-history.ts`. */
  history: { key: string; value: CallHistoryRecord; indexes: { byAgent: [string, number] } };
}

/** A database connection typed with {@link DialtoneDbSchema}. */
export type DialtoneDb = IDBPDatabase<DialtoneDbSchema>;

type UpgradeTransaction = IDBPTransaction<DialtoneDbSchema, StoreNames<DialtoneDbSchema>[], 'versionchange'>;

/**
 * One schema step. Step `n` (1-based) turns a version `n - 1` database into version `n`.
 * To add a store: add it to {@link DialtoneDbSchema} and append a step that creates it — never
 * edit a published step, since databases already at that version will not run it again.
 */
export type Migration = (db: IDBPDatabase<DialtoneDbSchema>, tx: UpgradeTransaction) => void;

/** The published schema steps, oldest first. The database version is their count. */
export const MIGRATIONS: readonly Migration[] = [
  // v1: preferences and the secret vault.
  (db) => {
    db.createObjectStore('prefs');
    db.createObjectStore('vault');
  },
  // v2: the Task-log outbox (src/storage/outbox.ts).
  (db) => {
    db.createObjectStore('outbox', { keyPath: 'key' });
  },
  // v3: versions 1–2 sealed the NeoApi password in the vault for auto-login, with its key beside
  // it, i.e. readable by anyone holding the profile. The records are sealed, so this step cannot
  // tell which ones hold it (WebCrypto is asynchronous, an upgrade transaction is not): it wipes
  // the whole vault, key included, and the retired `autoLogin` preference. The agent types the
  // device password once more. See docs/security.md.
  (_db, tx) => {
    void tx.objectStore('vault').clear();
    void tx.objectStore('prefs').delete('autoLogin');
  },
  // v4: each agent's call history (src/storage/call-history.ts), newest last in `byAgent`.
  (db) => {
    const history = db.createObjectStore('history', { keyPath: 'key' });
    history.createIndex('byAgent', ['agent', 'startedAt']);
  },
];

/** The version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Runs every step after `oldVersion` inside the upgrade transaction. */
export function runMigrations(
  db: IDBPDatabase<DialtoneDbSchema>,
  oldVersion: number,
  newVersion: number,
  tx: UpgradeTransaction,
  migrations: readonly Migration[] = MIGRATIONS,
): void {
  for (let version = oldVersion + 1; version <= newVersion; version += 1) {
    const step = migrations[version - 1];
    if (step === undefined) throw new Error(`No migration to schema version ${version}; this build knows ${migrations.length}.`);
    step(db, tx);
  }
}
