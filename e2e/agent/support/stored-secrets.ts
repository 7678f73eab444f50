/**
 * Looks for secrets where a browser keeps data, as someone holding the agent's browser profile
 * would: every IndexedDB database and store of a frame's origin (with whatever a sealed record
 * decrypts to using a `CryptoKey` stored beside it), localStorage, sessionStorage and Cache
 * Storage; and the profile's files on disk, byte for byte.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Frame } from 'playwright-core';

/** What one frame's origin keeps, flattened to text a test can search. */
export interface FrameStorage {
  readonly origin: string;
  /** `database/store` → keys and values; bytes shown as Latin-1 text, keys as `[CryptoKey …]`. */
  readonly indexedDb: Readonly<Record<string, unknown>>;
  /** Every sealed record opened with every stored key (with and without the vault's additional data). */
  readonly decrypted: readonly string[];
  readonly localStorage: Readonly<Record<string, string>>;
  readonly sessionStorage: Readonly<Record<string, string>>;
  /** `cache name url` → body. */
  readonly caches: Readonly<Record<string, string>>;
}

// A string, not a function: the test runner's transform may add helpers to a function's source
// that do not exist in the page.
const INSPECT = `(async () => {
  const request = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  const latin1 = (bytes) => Array.from(bytes, (b) => String.fromCharCode(b)).join('');
  const keys = [];
  const sealed = [];
  const flatten = (value) => {
    if (typeof CryptoKey !== 'undefined' && value instanceof CryptoKey) {
      keys.push(value);
      return '[CryptoKey ' + value.algorithm.name + ' extractable=' + value.extractable + ']';
    }
    if (value instanceof ArrayBuffer) return { bytes: latin1(new Uint8Array(value)) };
    if (ArrayBuffer.isView(value)) return { bytes: latin1(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
    if (Array.isArray(value)) return value.map(flatten);
    if (value !== null && typeof value === 'object') {
      if ('iv' in value && 'ciphertext' in value) sealed.push(value);
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, flatten(v)]));
    }
    return value;
  };
  const indexedDb = {};
  for (const info of await indexedDB.databases()) {
    const db = await request(indexedDB.open(info.name));
    for (const name of Array.from(db.objectStoreNames)) {
      const store = db.transaction(name, 'readonly').objectStore(name);
      const [k, v] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
      indexedDb[info.name + '/' + name] = { keys: flatten(k), values: flatten(v) };
    }
    db.close();
  }
  const decrypted = [];
  const aad = new TextEncoder().encode('dialtone/vault/secret/v1');
  for (const key of keys) {
    for (const record of sealed) {
      for (const extra of [{ additionalData: aad }, {}]) {
        try {
          const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: record.iv, ...extra }, key, record.ciphertext);
          decrypted.push(new TextDecoder().decode(plain));
        } catch { /* not sealed with this key or this additional data */ }
      }
    }
  }
  const entries = (storage) => Object.fromEntries(Array.from({ length: storage.length }, (_, i) => storage.key(i)).map((k) => [k, storage.getItem(k)]));
  const cached = {};
  if (typeof caches !== 'undefined') {
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) cached[name + ' ' + req.url] = await (await cache.match(req)).text();
    }
  }
  return { origin: location.origin, indexedDb, decrypted, localStorage: entries(localStorage), sessionStorage: entries(sessionStorage), caches: cached };
})()`;

/** Everything `frame`'s origin stores, as seen from inside that frame. */
export async function storageOf(frame: Frame): Promise<FrameStorage> {
  return frame.evaluate<FrameStorage>(INSPECT);
}

/** The stored text of a frame without what decrypting produced: what is kept "in clear". */
export function clearText(storage: FrameStorage): string {
  const { decrypted: _opened, ...kept } = storage;
  return JSON.stringify(kept);
}

/** Files under `dir` (relative paths) holding `secret` as UTF-8 or UTF-16LE bytes. */
export function filesHolding(dir: string, secret: string): string[] {
  const needles = [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'utf16le')];
  const found: string[] = [];
  const stack = [dir];
  let visited = 0;
  for (let current = stack.pop(); current !== undefined && visited < 20_000; current = stack.pop()) {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) stack.push(path);
      if (!entry.isFile()) continue; // sockets and the Singleton* symlinks
      visited += 1;
      // Files a running Chromium rewrites may vanish between the listing and the read.
      let bytes: Buffer;
      try {
        if (statSync(path).size > 256 * 1024 * 1024) continue;
        bytes = readFileSync(path);
      } catch {
        continue;
      }
      if (needles.some((needle) => bytes.includes(needle))) found.push(relative(dir, path));
    }
  }
  if (visited === 0) throw new Error(`No files under ${dir}: expected a Chromium profile`);
  return found;
}
