import { afterEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { MIGRATIONS, SCHEMA_VERSION, openStore, type DialtoneStore } from '../../src/storage/index.ts';
import { runMigrations, type Migration } from '../../src/storage/schema.ts';
import { freshDatabaseName } from './support.ts';

const stores: DialtoneStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

describe('schema upgrades', () => {
  it('creates the prefs and vault stores at the current version on first open', async () => {
    const name = freshDatabaseName();
    const store = await openStore({ name });
    stores.push(store);
    expect(store.version).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    store.close();
    const raw = await openDB(name);
    expect([...raw.objectStoreNames].sort()).toEqual(['history', 'outbox', 'prefs', 'vault']);
    raw.close();
  });

  it('runs only the steps after the old version, in order, so a future store can be appended', async () => {
    const name = freshDatabaseName();
    const ran: number[] = [];
    const steps = [
      ...MIGRATIONS.map((step, i): Migration => (db, tx) => { ran.push(i + 1); step(db, tx); }),
      ((db) => { ran.push(MIGRATIONS.length + 1); (db as unknown as { createObjectStore(name: string): unknown }).createObjectStore('future'); }) satisfies Migration,
    ];
    const v1 = await openDB(name, 1, { upgrade: (db, old, next, tx) => runMigrations(db as never, old, next ?? 1, tx as never, steps) });
    await v1.put('prefs', 'agent07', 'user');
    v1.close();
    expect(ran).toEqual([1]);
    const last = steps.length;
    const v2 = await openDB(name, last, { upgrade: (db, old, next, tx) => runMigrations(db as never, old, next ?? last, tx as never, steps) });
    expect(ran).toEqual(steps.map((_, i) => i + 1));
    expect([...v2.objectStoreNames].sort()).toEqual(['future', 'history', 'outbox', 'prefs', 'vault']);
    expect(await v2.get('prefs', 'user')).toBe('agent07');
    v2.close();
  });

  it('refuses with VERSION_TOO_NEW when a newer build already upgraded the database', async () => {
    const name = freshDatabaseName();
    const newer = await openDB(name, SCHEMA_VERSION + 1, { upgrade: (db) => { db.createObjectStore('prefs'); } });
    newer.close();
    await expect(openStore({ name })).rejects.toMatchObject({ code: 'VERSION_TOO_NEW' });
  });

  it('closes this tab\'s connection and tells the app when a newer build in another tab upgrades', async () => {
    const name = freshDatabaseName();
    let told = 0;
    const store = await openStore({ name, onVersionChange: () => { told += 1; } });
    stores.push(store);
    const newer = await openDB(name, SCHEMA_VERSION + 1);
    expect(told).toBe(1);
    await expect(store.prefs.get('user')).rejects.toMatchObject({ code: 'CLOSED' });
    newer.close();
  });
});
