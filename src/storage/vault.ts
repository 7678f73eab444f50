import { describeValue } from '../shared/errors.ts';
import { StorageError } from './errors.ts';
import type { DialtoneDb, VaultRecord } from './schema.ts';

/** Longest secret the vault accepts (a password, not a document). */
export const MAX_SECRET_LENGTH = 1024;

/** Binds every ciphertext to its purpose: a sealed blob moved to another field will not open. */
const ADDITIONAL_DATA = new TextEncoder().encode('dialtone/vault/secret/v1');
const MAX_KEY_RACES = 3;

/**
 * One secret at rest, never stored in clear: AES-GCM (256-bit) with a non-extractable `CryptoKey`
 * generated on first save and kept in IndexedDB, and a fresh random 96-bit IV for every write.
 *
 * The key sits next to the ciphertext, in the same profile. This keeps the secret out of the
 * profile's files and out of a casual look at DevTools; it does NOT protect it from anyone who
 * can run script in this origin or use this browser profile: they open it as this code does.
 * Dialtone therefore keeps here only the device (SIP) password, and only when the admin allows
 * it; see docs/security.md.
 */
export interface Vault {
  /** Seals and stores `secret`, replacing any previous one. Rejects `INVALID_VALUE` for an empty or oversized secret. */
  save(secret: string): Promise<void>;
  /**
   * The stored secret, or `undefined` if none. Rejects `CORRUPT_RECORD` (unreadable record) or
   * `DECRYPT_FAILED` (tampered, or sealed by a key that is gone); the caller should then
   * `clear()` and ask the agent for the password.
   */
  load(): Promise<string | undefined>;
  /** Deletes the secret and its key; the next `save` generates a new key. */
  clear(): Promise<void>;
}

type KeyRecord = Extract<VaultRecord, { kind: 'key' }>;
type SecretRecord = Extract<VaultRecord, { kind: 'secret' }>;

function isKeyRecord(value: unknown): value is KeyRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return r.kind === 'key' && typeof r.keyId === 'string' && typeof CryptoKey !== 'undefined' && r.key instanceof CryptoKey;
}

function isSecretRecord(value: unknown): value is SecretRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    r.kind === 'secret' && r.format === 1 && typeof r.keyId === 'string' &&
    r.iv instanceof Uint8Array && r.iv.byteLength === 12 && r.ciphertext instanceof ArrayBuffer && r.ciphertext.byteLength > 16
  );
}

function randomId(crypto: Crypto): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Builds the vault over an open connection, with the page's (or a test's) WebCrypto. */
export function createVault(db: () => DialtoneDb, databaseName: string, crypto: Crypto): Vault {
  const where = (key: string): string => `${databaseName}/vault/${key}`;

  async function readKey(): Promise<KeyRecord | undefined> {
    const record = await db().get('vault', 'key');
    if (record === undefined) return undefined;
    if (!isKeyRecord(record)) {
      throw new StorageError('CORRUPT_RECORD', where('key'), `expected { kind: "key", keyId, key: CryptoKey }, found ${describeValue(record)}.`);
    }
    return record;
  }

  async function newKey(): Promise<KeyRecord> {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    return { kind: 'key', keyId: randomId(crypto), key, createdAt: Date.now() };
  }

  async function seal(keyRecord: KeyRecord, secret: string): Promise<SecretRecord> {
    // A fresh random 96-bit IV per write: GCM breaks if an IV is ever reused with the same key.
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const ciphertext = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: ADDITIONAL_DATA },
      keyRecord.key,
      new TextEncoder().encode(secret),
    );
    return { kind: 'secret', format: 1, keyId: keyRecord.keyId, iv, ciphertext, savedAt: Date.now() };
  }

  return {
    async save(secret) {
      if (typeof secret !== 'string' || secret === '' || secret.length > MAX_SECRET_LENGTH) {
        const shown = typeof secret === 'string' ? `a string of ${secret.length} characters` : describeValue(secret);
        throw new StorageError('INVALID_VALUE', where('secret'), `refused ${shown}; expected a non-empty string of at most ${MAX_SECRET_LENGTH} characters.`);
      }
      // WebCrypto is asynchronous and IndexedDB transactions commit as soon as they go idle, so
      // the key is created and the secret sealed outside the transaction; the write then checks
      // that no other tab replaced (or cleared) the key in between, and retries if one did.
      for (let attempt = 0; attempt < MAX_KEY_RACES; attempt += 1) {
        const existing = await readKey();
        const keyRecord = existing ?? (await newKey());
        const sealed = await seal(keyRecord, secret);
        const tx = db().transaction('vault', 'readwrite');
        const current = await tx.store.get('key');
        const currentId = isKeyRecord(current) ? current.keyId : undefined;
        if (currentId !== undefined && currentId !== keyRecord.keyId) {
          await tx.done;
          continue;
        }
        if (currentId === undefined) await tx.store.put(keyRecord, 'key');
        await tx.store.put(sealed, 'secret');
        await tx.done.catch((cause: unknown) => {
          throw new StorageError('WRITE_FAILED', where('secret'), 'IndexedDB could not store the sealed secret.', { cause });
        });
        return;
      }
      throw new StorageError('WRITE_FAILED', where('key'), `the vault key kept changing under this tab (${MAX_KEY_RACES} attempts); another tab is clearing or saving in a loop.`);
    },

    async load() {
      const tx = db().transaction('vault', 'readonly');
      const [keyRaw, secretRaw] = await Promise.all([tx.store.get('key'), tx.store.get('secret')]);
      await tx.done;
      if (secretRaw === undefined) return undefined;
      if (!isSecretRecord(secretRaw)) {
        throw new StorageError('CORRUPT_RECORD', where('secret'), `expected { kind: "secret", format: 1, keyId, iv: 12 bytes, ciphertext }, found ${describeValue(secretRaw)}.`);
      }
      if (!isKeyRecord(keyRaw)) {
        throw new StorageError('CORRUPT_RECORD', where('key'), `the secret needs key ${describeValue(secretRaw.keyId)} but the key record is ${describeValue(keyRaw)}.`);
      }
      if (keyRaw.keyId !== secretRaw.keyId) {
        throw new StorageError('DECRYPT_FAILED', where('secret'), `sealed with key ${describeValue(secretRaw.keyId)}, but the stored key is ${describeValue(keyRaw.keyId)}.`);
      }
      let plain: ArrayBuffer;
      try {
        plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: secretRaw.iv, additionalData: ADDITIONAL_DATA }, keyRaw.key, secretRaw.ciphertext);
      } catch (cause) {
        throw new StorageError('DECRYPT_FAILED', where('secret'), 'the ciphertext did not authenticate (tampered record or wrong key); expected a record sealed by this vault.', { cause });
      }
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(plain);
      } catch (cause) {
        throw new StorageError('CORRUPT_RECORD', where('secret'), 'the decrypted secret is not UTF-8 text.', { cause });
      }
    },

    async clear() {
      const tx = db().transaction('vault', 'readwrite');
      await Promise.all([tx.store.delete('secret'), tx.store.delete('key'), tx.done]).catch((cause: unknown) => {
        throw new StorageError('WRITE_FAILED', where('*'), 'IndexedDB could not clear the vault.', { cause });
      });
    },
  };
}
