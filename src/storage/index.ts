/**
 * Dialtone's browser storage: one IndexedDB database (`dialtone`) with versioned schema steps,
 * typed preferences, the Task-log outbox and a vault that keeps a remembered device password
 * sealed with a non-extractable AES-GCM key. What is stored where: docs/security.md.
 */
export { openStore } from './open-store.ts';
export type { DialtoneStore, OpenStoreOptions } from './open-store.ts';
export type { PanelSize, PrefName, Prefs, PrefsStore, StoredFavourite } from './prefs.ts';
export { MAX_FAVOURITES } from './prefs.ts';
export { MAX_SECRET_LENGTH } from './vault.ts';
export type { Vault } from './vault.ts';
// The outbox's code (`outbox.ts`, with `createMemoryOutbox`) is imported from its own file by the
// Task log, so it is fetched with the Task log and not with the store (lazy-parts.ts, issue 18).
export { isDead, isPending } from './outbox-state.ts';
export type { Outbox, OutboxEntry, OutboxFields, OutboxFieldValue, SendOutcome } from './outbox.ts';
export { HISTORY_LIMIT } from './history-limit.ts';
export type { CallHistoryInput, CallHistoryStore } from './call-history.ts';
export { StorageError } from './errors.ts';
export type { StorageErrorCode } from './errors.ts';
export { DATABASE_NAME, MIGRATIONS, SCHEMA_VERSION } from './schema.ts';
export type { CallHistoryRecord, CallHistoryRecordLink, DialtoneDbSchema, Migration, OutboxRecord } from './schema.ts';
