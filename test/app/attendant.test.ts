import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallHistoryKeeper } from '../../src/app/call-history.ts';
import { runPhoneLinkPage, type LinkPageState } from '../../src/app/phone-link-page.ts';
import { LINK_PARAM, listenForPhoneLinks, registerPhoneLinks } from '../../src/app/phone-links.ts';
import { newCall } from '../../src/call/call-facts.ts';
import { parseCallId } from '../../src/call/index.ts';
import type { CallHistoryEntryView } from '../../src/view/agent-view.ts';
import { HISTORY_SHOWN } from '../../src/view/call-history-view.ts';
import { HISTORY_LIMIT } from '../../src/storage/index.ts';
import type { LinkedRecord } from '../../src/crm/linked-record.ts';
import { openStore, type DialtoneStore } from '../../src/storage/index.ts';
import { freshDatabaseName } from '../storage/support.ts';

const opened: DialtoneStore[] = [];
const stops: (() => void)[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  for (const stop of stops.splice(0)) stop();
});

const CATEGORIES = [{ id: 1, name: 'Contactado', subcategories: [{ id: 26, name: 'Venta' }] }];
const MARIA: LinkedRecord = { id: '003Dt000HccIdlkIIC', objectType: 'Contact', name: 'María', reason: { kind: 'search', field: 'Phone', value: '1145551234', rule: null } };

function keeper(name: string, shown: (readonly CallHistoryEntryView[])[]): CallHistoryKeeper {
  return new CallHistoryKeeper({
    categories: CATEGORIES,
    onEntries: (entries) => shown.push(entries),
    warn: (message) => {
      throw new Error(`unexpected warning: ${message}`);
    },
    open: async () => {
      const store = await openStore({ name });
      opened.push(store);
      return store;
    },
  });
}

describe('the call history keeper', () => {
  it('keeps one entry per call, the categorised version winning, for the logged-in agent only', async () => {
    const name = freshDatabaseName();
    const shown: (readonly CallHistoryEntryView[])[] = [];
    const history = keeper(name, shown);
    history.follow('1001');
    const ended = { ...newCall('inbound', 1_000_000, { callId: parseCallId('77'), number: '1145551234' }), answeredAt: 1_002_000, endedAt: 1_067_000 };
    history.record(ended, MARIA);
    history.record({ ...ended, disposition: { subcategory: 26, callbackAt: null } }, MARIA);
    await vi.waitFor(() => expect(shown.at(-1)?.[0]?.disposition).toBe('Venta'));
    expect(shown.at(-1)).toEqual([
      { key: '77', direction: 'inbound', number: '1145551234', name: 'María', record: { id: MARIA.id, objectType: 'Contact', name: 'María' }, startedAt: 1_000_000, durationSeconds: 65, disposition: 'Venta' },
    ]);
    history.follow('1002');
    await vi.waitFor(() => expect(shown.at(-1)).toEqual([]));
    const again = keeper(name, shown);
    again.follow('1001');
    await vi.waitFor(() => expect(shown.at(-1)?.map((e) => e.key)).toEqual(['77']));
    await again.forget();
    expect(shown.at(-1)).toEqual([]);
  });

  it('puts only the entries the panel draws into the view, while the store keeps its 50 (issue 18 soak)', async () => {
    // The view is copied to every tab and held by every component that reads it; carrying the
    // store's 50 calls where 20 are drawn would be 30 entries held for nothing, for the page's life.
    const name = freshDatabaseName();
    const shown: (readonly CallHistoryEntryView[])[] = [];
    const history = keeper(name, shown);
    history.follow('1001');
    const calls = HISTORY_SHOWN + 5;
    for (let i = 1; i <= calls; i++) history.record({ ...newCall('inbound', 1_000_000 + i * 60_000, { callId: parseCallId(String(i)), number: `114555${String(i).padStart(4, '0')}` }), endedAt: 1_000_000 + i * 60_000 + 5_000 }, null);
    await vi.waitFor(() => expect(shown.at(-1)?.[0]?.key).toBe(String(calls)));
    const newest = Array.from({ length: HISTORY_SHOWN }, (_, i) => String(calls - i));
    expect(shown.at(-1)?.map((entry) => entry.key), `the newest ${HISTORY_SHOWN} of ${calls} calls, newest first`).toEqual(newest);
    expect(Math.max(...shown.map((entries) => entries.length)), 'no view ever carried more than the panel draws').toBe(HISTORY_SHOWN);
    const store = await openStore({ name });
    opened.push(store);
    expect((await store.history.list('1001')).length, `the store still keeps every call up to its limit of ${HISTORY_LIMIT}`).toBe(calls);
  });
});

describe('phone links', () => {
  it('registers tel, sip and web+callto with a same-origin handler URL, and reports a refusal', () => {
    const calls: [string, string][] = [];
    const where = { origin: 'https://neotel.example.com', pathname: '/softphone/' };
    expect(registerPhoneLinks({ registerProtocolHandler: (scheme, url) => calls.push([scheme, String(url)]) }, where)).toEqual({ status: 'registered', detail: null });
    expect(calls).toEqual(['tel', 'sip', 'web+callto'].map((scheme) => [scheme, `https://neotel.example.com/softphone/?${LINK_PARAM}=%s`]));
    const refused = registerPhoneLinks({ registerProtocolHandler: () => { throw new DOMException('not allowed', 'SecurityError'); } }, where);
    expect(refused).toEqual({ status: 'failed', detail: 'not allowed' });
    expect(registerPhoneLinks({}, where).status).toBe('unsupported');
  });

  it('hands a link to the owner, which dials it once and answers; a bad link never reaches it', async () => {
    const dialled: string[] = [];
    stops.push(listenForPhoneLinks((number) => (dialled.push(number), 'dialling'), () => undefined));
    const states: LinkPageState[] = [];
    const done = await runPhoneLinkPage(`?${LINK_PARAM}=${encodeURIComponent('tel:+34-600-111-222')}`, (s) => states.push(s));
    expect(done).toEqual({ link: 'tel:+34-600-111-222', number: '+34600111222', status: 'dialling' });
    expect(states.map((s) => s.status)).toEqual(['sending', 'dialling']);
    expect(dialled).toEqual(['+34600111222']);
    expect((await runPhoneLinkPage(`?${LINK_PARAM}=mailto%3Aana%40example.com`, () => undefined)).status).toBe('badNumber');
    expect(dialled).toHaveLength(1);
  });

  it('says no softphone answered when no tab owns the phone', async () => {
    const done = await runPhoneLinkPage(`?${LINK_PARAM}=tel%3A600111222`, () => undefined, 200);
    expect(done.status).toBe('noSoftphone');
  });
});
