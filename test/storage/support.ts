import 'fake-indexeddb/auto';
import { openDB } from 'idb';

let counter = 0;

/** A database name no other test uses, so each test starts from an empty database. */
export function freshDatabaseName(): string {
  counter += 1;
  return `dialtone-test-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`;
}

/** Reads a raw record the way an attacker with DevTools would: no vault code involved. */
export async function readRaw(database: string, store: string, key: string): Promise<unknown> {
  const db = await openDB(database);
  try {
    return await db.get(store, key);
  } finally {
    db.close();
  }
}

/** Overwrites a raw record behind the store's back (to simulate corruption or tampering). */
export async function writeRaw(database: string, store: string, key: string, value: unknown): Promise<void> {
  const db = await openDB(database);
  try {
    await db.put(store, value, key);
  } finally {
    db.close();
  }
}

/** Every byte sequence of `needle` inside `haystack`? */
export function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
