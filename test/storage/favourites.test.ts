import { afterEach, describe, expect, it } from 'vitest';
import { openStore, StorageError, type DialtoneStore } from '../../src/storage/index.ts';
import { freshDatabaseName } from './support.ts';

const open: DialtoneStore[] = [];
afterEach(() => {
  for (const store of open.splice(0)) store.close();
});

describe('directory favourites (the favourites preference)', () => {
  it('keeps each agent\'s favourites across a reopen, and "forget me" clears them', async () => {
    const name = freshDatabaseName();
    const store = await openStore({ name });
    open.push(store);
    const favourites = {
      '1001': [
        { kind: 'record', id: '003Dt000HccIdlkIIC', name: 'María José González', number: '011 4555-1234', objectType: 'Contact' },
        { kind: 'user', id: '1002', name: 'Bruno Agente', number: '1002', objectType: null },
      ],
      '1002': [{ kind: 'queue', id: '4', name: 'Ventas', number: null, objectType: null }],
    } as const;
    await store.prefs.set('favourites', favourites);
    store.close();
    const again = await openStore({ name });
    open.push(again);
    expect(await again.prefs.get('favourites')).toEqual(favourites);
    await again.prefs.clear();
    expect(await again.prefs.get('favourites')).toBeUndefined();
  });

  it('refuses a favourite of an unknown kind, saying what is expected', async () => {
    const store = await openStore({ name: freshDatabaseName() });
    open.push(store);
    const bad = { '1001': [{ kind: 'fax', id: '1', name: 'x', number: null, objectType: null }] } as never;
    await expect(store.prefs.set('favourites', bad)).rejects.toThrow(StorageError);
    await expect(store.prefs.set('favourites', bad)).rejects.toThrow(/up to 50 favourites/);
  });
});
