import { describe, expect, it } from 'vitest';
import { DirectoryDesk, matches, merged } from '../../src/app/directory-desk.ts';
import type { AgentView, TransferTargets } from '../../src/view/agent-view.ts';
import type { DirectoryEntry } from '../../src/view/directory-view.ts';
import type { PrefsStore } from '../../src/storage/index.ts';

const TARGETS: TransferTargets = {
  users: [{ id: '1002', name: 'Bruno Agente' }],
  queues: [{ id: 4, name: 'Ventas' }],
  campaigns: [],
  numbers: [],
  campaignNumbers: {},
  allowManualNumber: true,
  source: 'platform',
};

function memoryPrefs(): PrefsStore {
  const values = new Map<string, unknown>();
  return {
    get: (name) => Promise.resolve(values.get(name) as never),
    set: (name, value) => {
      values.set(name, value);
      return Promise.resolve();
    },
    remove: (name) => {
      values.delete(name);
      return Promise.resolve();
    },
    clear: () => {
      values.clear();
      return Promise.resolve();
    },
    getAll: () => Promise.resolve({ prefs: Object.fromEntries(values), corrupt: [] }),
  };
}

const viewOf = (user: string | null): AgentView =>
  ({ agent: user === null ? { phase: 'loggedOut' } : { phase: 'ready', session: { user } }, transferTargets: TARGETS }) as unknown as AgentView;

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the directory desk', () => {
  it('matches word starts without case or accents, and digits inside numbers', () => {
    expect(matches('gonz', ['María José González'])).toBe(true);
    expect(matches('jose gonz', ['María José González'])).toBe(true);
    expect(matches('onza', ['María José González'])).toBe(false);
    expect(matches('4555', ['011 4555-1234'])).toBe(true);
  });

  it('lists a matching favourite once, first, marked', () => {
    const fav: DirectoryEntry = { key: 'user:1002', source: 'favourite', kind: 'user', id: '1002', name: 'Bruno Agente', number: '1002', objectType: null, favourite: true };
    const colleague: DirectoryEntry = { ...fav, source: 'colleague', favourite: false };
    expect(merged([fav], [colleague])).toEqual([fav]);
  });

  it("keeps each agent's favourites and shows them to the same agent in a new session", async () => {
    const prefs = memoryPrefs();
    const make = () => new DirectoryDesk({ api: undefined, listTargets: () => Promise.resolve(TARGETS), prefs: () => Promise.resolve(prefs), changed: () => undefined, warn: () => undefined });
    const desk = make();
    desk.decorate(viewOf('1001'));
    await desk.intent({ kind: 'directorySearch', query: 'bru', id: 1 });
    const bruno = desk.decorate(viewOf('1001')).directory!.results[0]!;
    expect(bruno).toMatchObject({ key: 'user:1002', source: 'colleague' });
    await desk.intent({ kind: 'directoryFavourite', entry: bruno, on: true });

    const next = make();
    next.decorate(viewOf(null));
    next.decorate(viewOf('1001'));
    await settle();
    expect(next.decorate(viewOf('1001')).directory!.results.map((r) => [r.key, r.source])).toEqual([['user:1002', 'favourite']]);
    const other = make();
    other.decorate(viewOf('1003'));
    await settle();
    expect(other.decorate(viewOf('1003')).directory!.results).toEqual([]);
  });
});
