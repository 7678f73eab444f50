import { describe, expect, it } from 'vitest';
import { sameData, shareUnchangedSlices, SLICE_OWNERS, ViewStore } from '../../src/app/view-store.ts';
import type { AgentView, ShownNotice } from '../../src/view/agent-view.ts';
import { shell, states } from '../../e2e/components/support/views.ts';

function viewOf(agent = states.ready()): AgentView {
  const state = shell(agent);
  if (state.phase !== 'ready') throw new Error('shell() draws the ready phase');
  return state.view;
}

const notice = (id: number): ShownNotice => ({ id, notice: 'operationFailed', level: 'warning', detail: `n${id}`, at: id });

describe('the view store', () => {
  it('tells its listeners of each update, with the view before it', () => {
    const store = new ViewStore(viewOf());
    const seen: [AgentView, AgentView][] = [];
    store.subscribe((view, previous) => seen.push([view, previous]));
    const first = store.view;
    store.update('runtime', { notices: [notice(1)] });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.[1]).toBe(first);
    expect(seen[0]?.[0].notices.map((n) => n.id)).toEqual([1]);
    expect(store.view).toBe(seen[0]?.[0]);
  });

  it('keeps the old reference and tells nobody when an update writes equal data', () => {
    const store = new ViewStore(viewOf());
    const prefs = store.view.prefs;
    let told = 0;
    store.subscribe(() => told++);
    store.update('preferences', { prefs: { ...prefs } });
    expect(told).toBe(0);
    expect(store.view.prefs).toBe(prefs);
  });

  it('queues an update made by a listener: no listener runs inside itself, and both writes are kept', () => {
    const store = new ViewStore(viewOf());
    const calls: string[] = [];
    let depth = 0;
    store.subscribe((view) => {
      depth++;
      calls.push(`${depth}:${view.notices.map((n) => n.id).join(',')}`);
      // A listener that writes (the screen pop setting the record when it sees the call).
      if (view.notices.length === 1) store.update('runtime', { notices: [...store.view.notices, notice(2)] });
      // Applied at once, so the next writer builds on it, but not yet told.
      if (view.notices.length === 1) expect(store.view.notices.map((n) => n.id)).toEqual([1, 2]);
      depth--;
    });
    store.update('runtime', { notices: [notice(1)] });
    expect(calls).toEqual(['1:1', '1:1,2']);
  });

  it('tells a later listener of a write made by an earlier one after the first view, each with the view before it', () => {
    const v0 = viewOf();
    const store = new ViewStore(v0);
    store.subscribe((view) => {
      if (view.record === null) store.update('crm-desk', { record: { recordId: '003x', recordName: 'María José', objectType: 'Contact', reason: 'single', candidates: [] } as never });
    });
    const told: [AgentView, AgentView][] = [];
    store.subscribe((view, previous) => told.push([view, previous]));
    store.update('runtime', { notices: [notice(1)] });
    expect(told).toHaveLength(2);
    expect(told[0]?.[1]).toBe(v0);
    expect(told[0]?.[0].record).toBeNull();
    expect(told[1]?.[1]).toBe(told[0]?.[0]);
    expect(told[1]?.[0].record).not.toBeNull();
  });

  it('refuses a slice written by someone other than its owner, naming the slice, the writer and the owner', () => {
    const store = new ViewStore(viewOf());
    expect(() => store.update('tabs', { prefs: store.view.prefs } as never)).toThrow(
      'The view slice "prefs" was written by tabs, but it belongs to preferences (src/app/view-store.ts SLICE_OWNERS): have preferences produce it.',
    );
    expect(() => store.update('runtime', { health: undefined } as never)).toThrow(/belongs to derived:health-gate .*have health-gate produce it/);
  });

  it('stops a listener loop with an error instead of spinning', () => {
    const store = new ViewStore(viewOf());
    let next = 1;
    store.subscribe(() => store.update('runtime', { notices: [notice(next++)] }));
    expect(() => store.update('runtime', { notices: [notice(0)] })).toThrow(/kept updating it \(50 rounds/);
  });

  it('tells its listeners on refresh even though no slice of its own changed (a derived slice did)', () => {
    const store = new ViewStore(viewOf());
    let told = 0;
    store.subscribe(() => told++);
    store.refresh();
    expect(told).toBe(1);
  });

  it('names an owner for every slice of the view', () => {
    const keys = Object.keys(SLICE_OWNERS).sort();
    expect(keys).toContain('agent');
    expect(keys).toContain('record');
    expect(new Set(Object.values(SLICE_OWNERS)).size).toBeGreaterThan(5);
  });
});

describe('shareUnchangedSlices', () => {
  it('keeps the previous reference of every slice equal in content (a view mirrored from another tab)', () => {
    const before = viewOf(states.connected());
    const copy = structuredClone(before);
    const shared = shareUnchangedSlices(before, copy);
    expect(shared).toBe(before);
    const changed = shareUnchangedSlices(before, { ...copy, notices: [notice(9)] });
    expect(changed).not.toBe(before);
    expect(changed.agent).toBe(before.agent);
    expect(changed.can).toBe(before.can);
    expect(changed.notices.map((n) => n.id)).toEqual([9]);
  });

  it('compares plain data by content and anything else by reference', () => {
    expect(sameData({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameData({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameData(new Date(1), new Date(1))).toBe(false);
    expect(sameData(Number.NaN, Number.NaN)).toBe(true);
  });
});
