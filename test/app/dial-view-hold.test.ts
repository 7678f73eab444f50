/**
 * The views of a dial in flight wait for the dial to leave `dialing` (src/app/dial-view-hold.ts):
 * nothing is derived, drawn or shared between the click on Call and the ACK of the platform leg,
 * at most DIAL_VIEW_HOLD_MAX_MS.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DIAL_VIEW_HOLD_MAX_MS, DialViewHold } from '../../src/app/dial-view-hold.ts';
import type { AgentView } from '../../src/view/agent-view.ts';

/** A view in `phase`, told apart by `n` (only the phase is read). */
const view = (phase: AgentView['agent']['phase'], n = 0) => ({ agent: { phase }, n }) as unknown as AgentView;
const numbered = (passed: AgentView[]) => passed.map((v) => `${v.agent.phase} ${(v as unknown as { n: number }).n}`);

describe('DialViewHold', () => {
  let passed: AgentView[];
  let hold: DialViewHold;
  beforeEach(() => {
    vi.useFakeTimers();
    passed = [];
    hold = new DialViewHold((v) => passed.push(v));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('passes every view outside a dial at once', () => {
    hold.offer(view('loggedOut'));
    hold.offer(view('ready'));
    hold.offer(view('connected'));
    expect(numbered(passed)).toEqual(['loggedOut 0', 'ready 0', 'connected 0']);
  });

  it('holds a dial\'s views until it leaves dialing, then passes only the view that ended it', () => {
    hold.offer(view('ready'));
    hold.offer(view('dialing', 1));
    hold.offer(view('dialing', 2));
    expect(hold.holding).toBe(true);
    vi.advanceTimersByTime(DIAL_VIEW_HOLD_MAX_MS - 1);
    expect(numbered(passed)).toEqual(['ready 0']);
    hold.offer(view('ringing', 3));
    hold.offer(view('connected', 4));
    expect(numbered(passed)).toEqual(['ready 0', 'ringing 3', 'connected 4']);
    expect(hold.holding).toBe(false);
    vi.advanceTimersByTime(DIAL_VIEW_HOLD_MAX_MS);
    expect(passed).toHaveLength(3);
  });

  it('passes the latest held view after DIAL_VIEW_HOLD_MAX_MS, and the rest of that dial at once', () => {
    hold.offer(view('dialing', 1));
    hold.offer(view('dialing', 2));
    vi.advanceTimersByTime(DIAL_VIEW_HOLD_MAX_MS);
    expect(numbered(passed)).toEqual(['dialing 2']);
    hold.offer(view('dialing', 3));
    expect(numbered(passed)).toEqual(['dialing 2', 'dialing 3']);
    hold.offer(view('ready', 4));
    // The next dial is held again.
    hold.offer(view('dialing', 5));
    expect(numbered(passed)).toEqual(['dialing 2', 'dialing 3', 'ready 4']);
    vi.advanceTimersByTime(DIAL_VIEW_HOLD_MAX_MS);
    expect(numbered(passed)).toEqual(['dialing 2', 'dialing 3', 'ready 4', 'dialing 5']);
  });

  it('passes a failed dial\'s view at once (back to ready)', () => {
    hold.offer(view('dialing', 1));
    hold.offer(view('ready', 2));
    expect(numbered(passed)).toEqual(['ready 2']);
  });

  it('drops a held view on stop', () => {
    hold.offer(view('dialing', 1));
    hold.stop();
    vi.advanceTimersByTime(DIAL_VIEW_HOLD_MAX_MS * 2);
    expect(passed).toEqual([]);
  });
});
