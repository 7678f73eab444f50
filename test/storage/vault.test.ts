import { afterEach, describe, expect, it } from 'vitest';
import { openStore, StorageError, type DialtoneStore } from '../../src/storage/index.ts';
import { containsBytes, freshDatabaseName, readRaw, writeRaw } from './support.ts';

const SECRET = 'correct horse battery staple ñ';
const stores: DialtoneStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

async function newStore(name = freshDatabaseName()): Promise<{ store: DialtoneStore; name: string }> {
  const store = await openStore({ name });
  stores.push(store);
  return { store, name };
}

interface RawSecret {
  keyId: string;
  iv: Uint8Array<ArrayBuffer>;
  ciphertext: ArrayBuffer;
}

describe('vault', () => {
  it('gives back the saved secret, also through another connection (another tab)', async () => {
    const { store, name } = await newStore();
    await store.vault.save(SECRET);
    const { store: other } = await newStore(name);
    expect(await other.vault.load()).toBe(SECRET);
  });

  it('has nothing to load before the first save and after clear', async () => {
    const { store } = await newStore();
    expect(await store.vault.load()).toBeUndefined();
    await store.vault.save(SECRET);
    await store.vault.clear();
    expect(await store.vault.load()).toBeUndefined();
  });

  it('stores ciphertext, never the plaintext, and a key whose bytes cannot be exported', async () => {
    const { store, name } = await newStore();
    await store.vault.save(SECRET);
    const secret = (await readRaw(name, 'vault', 'secret')) as RawSecret;
    const key = (await readRaw(name, 'vault', 'key')) as { key: CryptoKey };

    const plainBytes = new TextEncoder().encode(SECRET);
    expect(containsBytes(new Uint8Array(secret.ciphertext), plainBytes)).toBe(false);
    expect(JSON.stringify(secret, (_k, v: unknown) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? Array.from(new Uint8Array(v as ArrayBuffer)) : v))).not.toContain(SECRET);
    expect(secret.iv.byteLength).toBe(12);
    expect(key.key.extractable).toBe(false);
    expect(key.key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    await expect(crypto.subtle.exportKey('raw', key.key)).rejects.toThrow();
  });

  it('uses a fresh IV for every write of the same secret', async () => {
    const { store, name } = await newStore();
    await store.vault.save(SECRET);
    const first = (await readRaw(name, 'vault', 'secret')) as RawSecret;
    await store.vault.save(SECRET);
    const second = (await readRaw(name, 'vault', 'secret')) as RawSecret;
    expect(Array.from(second.iv)).not.toEqual(Array.from(first.iv));
    expect(new Uint8Array(second.ciphertext)).not.toEqual(new Uint8Array(first.ciphertext));
  });

  it('generates a new key after clear: the old ciphertext no longer opens with the stored key', async () => {
    const { store, name } = await newStore();
    await store.vault.save(SECRET);
    const before = (await readRaw(name, 'vault', 'secret')) as RawSecret;
    const keyBefore = (await readRaw(name, 'vault', 'key')) as { keyId: string };
    await store.vault.clear();
    await store.vault.save('another password');
    const keyAfter = (await readRaw(name, 'vault', 'key')) as { keyId: string; key: CryptoKey };

    expect(keyAfter.keyId).not.toBe(keyBefore.keyId);
    const additionalData = new TextEncoder().encode('dialtone/vault/secret/v1');
    await expect(
      crypto.subtle.decrypt({ name: 'AES-GCM', iv: before.iv, additionalData }, keyAfter.key, before.ciphertext),
    ).rejects.toThrow();
    // …and replaying the old record under the new key is refused, not decrypted.
    await writeRaw(name, 'vault', 'secret', { ...before, keyId: keyAfter.keyId });
    await expect(store.vault.load()).rejects.toMatchObject({ code: 'DECRYPT_FAILED' });
  });

  it('reports a tampered ciphertext as DECRYPT_FAILED', async () => {
    const { store, name } = await newStore();
    await store.vault.save(SECRET);
    const raw = (await readRaw(name, 'vault', 'secret')) as RawSecret;
    const flipped = new Uint8Array(raw.ciphertext.slice(0));
    flipped[0] = (flipped[0] ?? 0) ^ 0xff;
    await writeRaw(name, 'vault', 'secret', { ...raw, ciphertext: flipped.buffer });
    const error = await store.vault.load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: 'DECRYPT_FAILED', where: `${name}/vault/secret` });
  });

  it('reports a record of the wrong shape as CORRUPT_RECORD, naming where and what it found', async () => {
    const { store, name } = await newStore();
    await store.vault.save(SECRET);
    await writeRaw(name, 'vault', 'secret', { kind: 'secret', password: SECRET });
    const error = (await store.vault.load().catch((e: unknown) => e)) as StorageError;
    expect(error.code).toBe('CORRUPT_RECORD');
    expect(error.message).toContain(`${name}/vault/secret`);
    expect(error.message).toContain('expected { kind: "secret"');
  });

  it('reports a missing key as CORRUPT_RECORD, and works again after clear', async () => {
    const { store, name } = await newStore();
    await store.vault.save(SECRET);
    await writeRaw(name, 'vault', 'key', 'not a key');
    await expect(store.vault.load()).rejects.toMatchObject({ code: 'CORRUPT_RECORD' });
    await store.vault.clear();
    await store.vault.save(SECRET);
    expect(await store.vault.load()).toBe(SECRET);
  });

  it('refuses an empty or oversized secret without writing anything', async () => {
    const { store, name } = await newStore();
    await expect(store.vault.save('')).rejects.toMatchObject({ code: 'INVALID_VALUE' });
    await expect(store.vault.save('x'.repeat(1025))).rejects.toMatchObject({ code: 'INVALID_VALUE' });
    expect(await readRaw(name, 'vault', 'secret')).toBeUndefined();
  });

  it('keeps one key when two tabs save at the same time, and the last secret wins', async () => {
    const name = freshDatabaseName();
    const { store: a } = await newStore(name);
    const { store: b } = await newStore(name);
    await Promise.all([a.vault.save('from tab A'), b.vault.save('from tab B')]);
    const loaded = await a.vault.load();
    expect(['from tab A', 'from tab B']).toContain(loaded);
    expect(await b.vault.load()).toBe(loaded);
  });
});
