import { afterEach, describe, expect, it, vi } from 'vitest';
import { PhonePlacement, type PhonePlacementParts } from '../../src/app/phone-placement.ts';
import type { PhoneWindowPanel } from '../../src/app/phone-window-panel.ts';

/** A phone-window search that answers when the test says, with or without a running window. */
function heldSearch() {
  let answer: () => void = () => undefined;
  const panel = { connected: false, find: () => new Promise<void>((resolve) => (answer = resolve)) };
  return {
    panel: panel as unknown as PhoneWindowPanel,
    answer(windowRuns: boolean) {
      panel.connected = windowRuns;
      answer();
    },
  };
}

/** Web Locks and BroadcastChannel as a browser tab has them (Node has neither): every lock is free. */
function browserTabs() {
  const asked: string[] = [];
  vi.stubGlobal('navigator', {
    locks: {
      request: (name: string, _options: unknown, callback: (lock: object | null) => Promise<void> | undefined) => {
        asked.push(name);
        return Promise.resolve(callback({ name }));
      },
    },
  });
  vi.stubGlobal(
    'BroadcastChannel',
    class {
      readonly posted: unknown[] = [];
      postMessage(message: unknown): void {
        this.posted.push(message);
      }
      addEventListener(): void {
        // No other tab: nothing ever arrives.
      }
      close(): void {
        this.posted.length = 0;
      }
    },
  );
  return asked;
}

function placement(search: { readonly panel: PhoneWindowPanel }, warn: (message: string) => void = () => undefined) {
  const seen = { resumed: 0, owned: 0, drained: 0 };
  const parts = {
    config: { general: { internalName: 'DialtoneCTI' }, agent: { phoneWindow: false } },
    api: {},
    phoneWindowPage: undefined,
    runtime: { views: { update: () => undefined, refresh: () => undefined }, addNotice: () => undefined },
    attendant: { own: () => void (seen.owned += 1) },
    resumer: { resumeFromReload: () => void (seen.resumed += 1), resume: () => undefined },
    tasks: { start: () => void (seen.drained += 1) },
    prefsRead: () => Promise.resolve(),
    warn,
    phoneWindowPanel: () => search.panel,
  } as unknown as PhonePlacementParts;
  return { placement: new PhonePlacement(parts), seen };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 10));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a reloaded panel joins the tabs while it looks for a phone window (docs/benchmarks.md, "Thirteenth pass (b)")', () => {
  it('asks for the tab lock before the phone-window search answers, and resumes the reloaded session only once it says no window runs', async () => {
    const locks = browserTabs();
    const search = heldSearch();
    const { placement: tabs, seen } = placement(search);
    const joined = tabs.join();
    await settled();
    expect(locks, 'the tab lock is asked while the search is on its way').toEqual(['dialtone:DialtoneCTI']);
    expect(seen.drained, 'the owner drains the outbox at once').toBe(1);
    expect(seen.resumed, 'nothing resumed before the search answered').toBe(0);
    search.answer(false);
    await joined;
    await settled();
    expect(seen).toEqual({ resumed: 1, owned: 1, drained: 1 });
  });

  it('runs the phone here, and says why, when the phone-window search fails', async () => {
    browserTabs();
    const warnings: string[] = [];
    const failing = { connected: false, find: () => Promise.reject(new Error('no handle')) } as unknown as PhoneWindowPanel;
    const search = { panel: failing, answer: () => undefined };
    const { placement: tabs, seen } = placement(search, (message) => warnings.push(message));
    await tabs.join();
    await settled();
    expect(seen).toEqual({ resumed: 1, owned: 1, drained: 1 });
    expect(warnings).toEqual(['the phone window could not be looked for; this panel runs the phone']);
  });

  it('leaves the phone to a phone window the search finds', async () => {
    browserTabs();
    const search = heldSearch();
    const { placement: tabs, seen } = placement(search);
    const joined = tabs.join();
    await settled();
    search.answer(true);
    await joined;
    await settled();
    expect(seen, 'no session resumed here, phone links left to the window').toEqual({ resumed: 0, owned: 0, drained: 1 });
    expect(tabs.runsPhone).toBe(false);
  });
});
