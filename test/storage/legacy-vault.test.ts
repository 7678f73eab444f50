import { afterEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { MIGRATIONS, openStore, type DialtoneDbSchema, type DialtoneStore } from '../../src/storage/index.ts';
import { runMigrations } from '../../src/storage/schema.ts';
import { createVault } from '../../src/storage/vault.ts';
import { freshDatabaseName, readRaw } from './support.ts';

const stores: DialtoneStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

/** Versions 1–2 of the schema, holding what those builds stored for an agent with auto-login on. */
async function databaseOfAnOlderBuild(name: string): Promise<void> {
  const older = MIGRATIONS.slice(0, 2);
  const db = await openDB<DialtoneDbSchema>(name, older.length, { upgrade: (d, old, next, tx) => runMigrations(d, old, next ?? older.length, tx, older) });
  await createVault(() => db, name, crypto).save(JSON.stringify({ v: 1, devicePassword: 'sip-1001', password: 'neo-1234' }));
  await db.put('prefs', true, 'autoLogin');
  await db.put('prefs', '1001', 'user');
  // An outbox entry as those builds wrote it (with the since-removed `createMayHaveReached` flag).
  const olderEntry = { key: 'call-1', fields: { Subject: 'Call' }, version: 1, sentVersion: 0, taskId: null, createMayHaveReached: false, attempts: 0, nextAttemptAt: 0, lease: null, lastError: null, createdAt: 0, updatedAt: 0 };
  await db.put('outbox', olderEntry);
  db.close();
}

describe('what older builds stored', () => {
  it('is wiped on the first open by this build: the vault that could hold the NeoApi password, its key, and the auto-login preference', async () => {
    const name = freshDatabaseName();
    await databaseOfAnOlderBuild(name);
    expect(await readRaw(name, 'vault', 'secret')).toBeDefined();

    const store = await openStore({ name });
    stores.push(store);
    expect(await store.vault.load()).toBeUndefined();
    expect(await readRaw(name, 'vault', 'secret')).toBeUndefined();
    expect(await readRaw(name, 'vault', 'key')).toBeUndefined();
    expect(await readRaw(name, 'prefs', 'autoLogin')).toBeUndefined();
    // What holds no secret survives: the remembered user and the Task logs waiting for Salesforce.
    expect(await store.prefs.get('user')).toBe('1001');
    expect((await store.outbox.pendingCounts()).pending).toBe(1);
  });

  it('does not wipe what this build stored itself when the database is opened again', async () => {
    const name = freshDatabaseName();
    const first = await openStore({ name });
    await first.vault.save('{"v":2,"device":"1001","devicePassword":"sip-1001"}');
    first.close();
    const again = await openStore({ name });
    stores.push(again);
    expect(await again.vault.load()).toBe('{"v":2,"device":"1001","devicePassword":"sip-1001"}');
  });
});
