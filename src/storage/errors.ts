import { DialtoneError } from '../shared/errors.ts';

/**
 * Why a storage operation failed.
 *
 * - `UNAVAILABLE`: the page has no IndexedDB or no WebCrypto (private modes of some browsers,
 *   insecure `http:` pages for `crypto.subtle`).
 * - `OPEN_FAILED`: IndexedDB refused to open the database (quota, disk, browser policy).
 * - `BLOCKED`: another tab keeps an older version of the database open and did not let go in time.
 * - `VERSION_TOO_NEW`: the database was upgraded by a newer Dialtone; this (older) page must reload.
 * - `CLOSED`: the connection was closed (by `close()` or because a newer tab upgraded the schema).
 * - `INVALID_VALUE`: a caller tried to store a value the schema does not allow.
 * - `CORRUPT_RECORD`: a stored record does not have the shape this version wrote.
 * - `DECRYPT_FAILED`: the vault's ciphertext did not authenticate with the stored key (tampered
 *   record, or the key was replaced).
 * - `WRITE_FAILED` / `READ_FAILED`: the transaction itself failed.
 */
export type StorageErrorCode =
  | 'UNAVAILABLE'
  | 'OPEN_FAILED'
  | 'BLOCKED'
  | 'VERSION_TOO_NEW'
  | 'CLOSED'
  | 'INVALID_VALUE'
  | 'CORRUPT_RECORD'
  | 'DECRYPT_FAILED'
  | 'WRITE_FAILED'
  | 'READ_FAILED';

/** The error every `src/storage` operation rejects with. */
export class StorageError extends DialtoneError<StorageErrorCode> {
  /** Where: `<database>/<store>/<key>`, e.g. `dialtone/vault/secret`. */
  readonly where: string;

  constructor(code: StorageErrorCode, where: string, message: string, options?: { cause?: unknown }) {
    super(code, `${where}: ${message}`, options);
    this.where = where;
  }
}
