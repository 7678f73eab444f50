import { afterEach, describe, expect, it } from 'vitest';
import { openStore, StorageError, type DialtoneStore } from '../../src/storage/index.ts';
import { freshDatabaseName, writeRaw } from './support.ts';

const open: DialtoneStore[] = [];
afterEach(() => {
  for (const store of open.splice(0)) store.close();
});

async function newStore(name = freshDatabaseName()): Promise<{ store: DialtoneStore; name: string }> {
  const store = await openStore({ name });
  open.push(store);
  return { store, name };
}

describe('prefs', () => {
  it('gives back every preference it was given, after the database is closed and reopened', async () => {
    const { store, name } = await newStore();
    await store.prefs.set('user', 'agent07');
    await store.prefs.set('device', '2001');
    await store.prefs.set('language', 'pt');
    await store.prefs.set('panelSize', { width: 320, height: 560 });
    await store.prefs.set('autoMinimise', true);
    await store.prefs.set('microphoneId', 'default');
    store.close();

    const { store: again } = await newStore(name);
    expect(await again.prefs.get('user')).toBe('agent07');
    expect(await again.prefs.get('device')).toBe('2001');
    expect(await again.prefs.get('language')).toBe('pt');
    expect(await again.prefs.get('panelSize')).toEqual({ width: 320, height: 560 });
    expect(await again.prefs.get('autoMinimise')).toBe(true);
    expect(await again.prefs.get('microphoneId')).toBe('default');
    expect(await again.prefs.get('speakerId')).toBeUndefined();
  });

  it('forgets a preference that is removed', async () => {
    const { store } = await newStore();
    await store.prefs.set('user', 'agent07');
    await store.prefs.remove('user');
    expect(await store.prefs.get('user')).toBeUndefined();
  });

  it('refuses a value outside the rule and names the preference, the value and what was expected', async () => {
    const { store } = await newStore();
    const error = await store.prefs.set('panelSize', { width: 50, height: 560 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe('INVALID_VALUE');
    expect((error as StorageError).message).toContain('prefs/panelSize');
    expect((error as StorageError).message).toContain('"width":50');
    expect((error as StorageError).message).toContain('200–1920');
    expect(await store.prefs.get('panelSize')).toBeUndefined();
  });

  it('refuses a language the UI has no catalogue for', async () => {
    const { store } = await newStore();
    // @ts-expect-error -- 'fr' is not a Language; the runtime rule must refuse it too.
    await expect(store.prefs.set('language', 'fr')).rejects.toMatchObject({ code: 'INVALID_VALUE' });
  });

  it('reports a corrupt stored preference as CORRUPT_RECORD instead of handing it to the app', async () => {
    const { store, name } = await newStore();
    await writeRaw(name, 'prefs', 'autoMinimise', 'yes please');
    await expect(store.prefs.get('autoMinimise')).rejects.toMatchObject({ code: 'CORRUPT_RECORD' });
  });

  it('lists valid preferences and names the corrupt ones, skipping names a newer build added', async () => {
    const { store, name } = await newStore();
    await store.prefs.set('user', 'agent07');
    await writeRaw(name, 'prefs', 'device', 42);
    await writeRaw(name, 'prefs', 'someFuturePref', { x: 1 });
    const all = await store.prefs.getAll();
    expect(all.prefs).toEqual({ user: 'agent07' });
    expect(all.corrupt).toEqual(['device']);
  });

  it('rejects CLOSED after the store is closed', async () => {
    const { store } = await newStore();
    store.close();
    await expect(store.prefs.get('user')).rejects.toMatchObject({ code: 'CLOSED' });
  });
});
