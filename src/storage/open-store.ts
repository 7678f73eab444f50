import { openDB } from 'idb';
import { StorageError } from './errors.ts';
import type { CallHistoryStore } from './call-history.ts';
import { lazyHistory, lazyOutbox, outboxWaiting } from './lazy-parts.ts';
import type { Outbox } from './outbox.ts';
import { createPrefsStore, type PrefsStore } from './prefs.ts';
import { DATABASE_NAME, SCHEMA_VERSION, runMigrations, type DialtoneDb, type DialtoneDbSchema } from './schema.ts';
import { createVault, type Vault } from './vault.ts';
import { messageOf } from '../shared/errors.ts';

/** Where and how to open the store. Everything defaults to the page's own. */
export interface OpenStoreOptions {
  /** Database name; tests use a fresh one each. Default `dialtone`. */
  readonly name?: string;
  /** The WebCrypto implementation; default `globalThis.crypto`. */
  readonly crypto?: Crypto;
  /** How long to wait for other tabs to release an older schema version. Default 5000 ms. */
  readonly blockedTimeoutMs?: number;
  /**
   * Called when this connection stops working because a newer Dialtone in another tab upgraded
   * the schema (the connection is closed so that tab can proceed): reload to pick up the new build.
   */
  readonly onVersionChange?: () => void;
}

/** The open storage of one tab. */
export interface DialtoneStore {
  /** Remembered user, device, language, panel size, audio devices… */
  readonly prefs: PrefsStore;
  /** The remembered device (SIP) password, sealed; the NeoApi password never goes here. */
  readonly vault: Vault;
  /** Task logs until Salesforce confirms them (its code is fetched on first use: lazy-parts.ts). */
  readonly outbox: Outbox;
  /** Whether a log waits for Salesforce or a dead letter for a person: one read, without the outbox's code. */
  outboxWaiting(): Promise<boolean>;
  /** Each agent's last calls (docs/call-history.md; its code is fetched on first use: lazy-parts.ts). */
  readonly history: CallHistoryStore;
  /** The schema version of the open database. */
  readonly version: number;
  /** Closes the connection; later calls reject `CLOSED`. */
  close(): void;
}

/**
 * Opens (creating or upgrading as needed) the `dialtone` IndexedDB database.
 * Rejects `UNAVAILABLE`, `BLOCKED`, `VERSION_TOO_NEW` or `OPEN_FAILED` with the reason.
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<DialtoneStore> {
  const name = options.name ?? DATABASE_NAME;
  const factory = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  const crypto = options.crypto ?? (globalThis as { crypto?: Crypto }).crypto;
  if (factory === undefined) {
    throw new StorageError('UNAVAILABLE', name, 'this page has no IndexedDB (private mode or a browser policy); expected window.indexedDB.');
  }
  if (crypto?.subtle === undefined) {
    throw new StorageError('UNAVAILABLE', name, 'this page has no WebCrypto (crypto.subtle needs https or localhost); the vault cannot seal secrets.');
  }

  const timeoutMs = options.blockedTimeoutMs ?? 5000;
  let closedReason: string | undefined;
  let blockedTimer: ReturnType<typeof setTimeout> | undefined;

  const opening = openDB<DialtoneDbSchema>(name, SCHEMA_VERSION, {
      upgrade(db, oldVersion, newVersion, tx) {
        runMigrations(db, oldVersion, newVersion ?? SCHEMA_VERSION, tx);
      },
      blocked() {
        blockedTimer ??= setTimeout(() => {
          rejectBlocked(new StorageError('BLOCKED', name, `another tab keeps schema version < ${SCHEMA_VERSION} open; expected it to close within ${timeoutMs} ms (reload the other Salesforce tabs).`));
        }, timeoutMs);
      },
      blocking(_current, _wanted, event) {
        // A newer build wants to upgrade: let it, and tell the app this tab is now stale.
        closedReason = 'a newer Dialtone in another tab upgraded the database; reload this tab';
        (event.target as IDBDatabase).close();
        options.onVersionChange?.();
      },
      terminated() {
        closedReason = 'the browser closed the database connection abnormally';
      },
  });
  let rejectBlocked: (error: StorageError) => void = () => undefined;
  const blocked = new Promise<never>((_, reject) => {
    rejectBlocked = reject;
  });

  let db: DialtoneDb | undefined;
  try {
    db = await Promise.race([opening, blocked]);
  } catch (cause) {
    if (cause instanceof StorageError) throw cause;
    if (cause instanceof DOMException && cause.name === 'VersionError') {
      throw new StorageError('VERSION_TOO_NEW', name, `the database is newer than schema version ${SCHEMA_VERSION} of this build; reload to get the new build.`, { cause });
    }
    throw new StorageError('OPEN_FAILED', name, `IndexedDB refused to open the database: ${messageOf(cause)}.`, { cause });
  } finally {
    clearTimeout(blockedTimer);
  }
  const opened = db;

  const connection = (): DialtoneDb => {
    if (closedReason !== undefined) throw new StorageError('CLOSED', name, `${closedReason}.`);
    return opened;
  };

  return {
    prefs: createPrefsStore(connection, name),
    vault: createVault(connection, name, crypto),
    outbox: lazyOutbox(connection, name),
    outboxWaiting: () => outboxWaiting(connection),
    history: lazyHistory(connection, name),
    version: opened.version,
    close() {
      closedReason ??= 'the store was closed by this tab';
      opened.close();
    },
  };
}
