/**
 * The wrap-up panel in real Chromium (docs/wrap-up.md): scheduling a callback with the native
 * pickers, refusals shown next to the field with nothing sent, the AddScheduleCall variant, a
 * call without a Neotel contact, and a countdown that screen readers hear only at a few marks.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AgentState } from '../../src/call/index.ts';
import { useUi, type UiPage } from './support/ui-page.ts';
import { shell, states } from './support/views.ts';

const page = useUi({ beforeAll, beforeEach, afterEach, afterAll });
let ui: UiPage;
beforeEach(() => {
  ui = page();
});

/** A local date `days` from today as the date input holds it (the browser shares this process's zone). */
function dayFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const focused = (testId: string) => ui.page.getByTestId(testId).evaluate((el) => el.matches(':focus'));

function withoutCountdown(agent: AgentState): AgentState {
  return agent.phase === 'wrapUp' ? { ...agent, releaseDeadline: null } : agent;
}

describe('scheduling a callback in the wrap-up panel', () => {
  it('opens a labelled form, pre-fills the contact’s number and sends the callback in local wall time', async () => {
    await ui.show(shell(withoutCountdown(states.wrapUp())));
    const toggle = ui.page.getByTestId('schedule-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await ui.page.getByTestId('callback-date').isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => focused('callback-date')).toBe(true);
    expect(await ui.page.getByTestId('callback-date').getAttribute('min')).toBe(dayFromToday(0));
    expect(await ui.page.getByTestId('callback-phone').inputValue()).toBe('+34600112233');
    expect(await ui.page.getByTestId('callback-mine').isChecked(), 'own callback by default').toBe(true);
    expect(await ui.page.getByLabel('Callback date').count()).toBe(1);
    expect(await ui.page.getByLabel('Callback time').count()).toBe(1);
    expect((await ui.controls()).unnamed).toEqual([]);

    await ui.page.getByTestId('disposition-select').selectOption('102');
    await ui.page.getByTestId('callback-date').fill(dayFromToday(1));
    await ui.page.getByTestId('callback-time').fill('10:30');
    await ui.page.getByTestId('callback-phone').fill('1145551234');
    await ui.page.getByTestId('callback-mine').uncheck();
    await ui.page.getByTestId('schedule-callback').click();
    expect(await ui.intents()).toEqual([{ kind: 'scheduleCallback', subcategory: 102, when: `${dayFromToday(1)}T10:30:00`, phone: '1145551234', mine: false }]);
  });

  it('refuses a past date next to the field, focuses it, and sends nothing; then a disposition is asked for', async () => {
    await ui.show(shell(withoutCountdown(states.wrapUp())));
    await ui.page.getByTestId('schedule-toggle').click();
    await ui.page.getByTestId('disposition-select').selectOption('102');
    await ui.page.getByTestId('callback-date').fill(dayFromToday(-1));
    await ui.page.getByTestId('callback-time').fill('10:30');
    await ui.page.getByTestId('schedule-callback').click();
    const error = ui.page.getByTestId('callback-error');
    await expect.poll(() => error.textContent()).toContain('The callback must be later than now');
    expect(await error.getAttribute('role')).toBe('alert');
    const date = ui.page.getByTestId('callback-date');
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    expect(await date.getAttribute('aria-describedby')).toBe('callback-error');
    expect(await focused('callback-date')).toBe(true);
    expect(await ui.intents()).toEqual([]);

    await date.fill(dayFromToday(2));
    expect(await error.count(), 'editing the date clears the refusal').toBe(0);
    await ui.page.getByTestId('callback-time').fill('');
    await ui.page.getByTestId('schedule-callback').click();
    await expect.poll(() => error.textContent()).toBe('Pick the callback time.');
    expect(await focused('callback-time')).toBe(true);
    expect(await ui.intents()).toEqual([]);
  });

  it('asks for a disposition first and focuses the select', async () => {
    await ui.show(shell(withoutCountdown(states.wrapUp())));
    await ui.page.getByTestId('schedule-toggle').click();
    await ui.page.getByTestId('callback-date').fill(dayFromToday(1));
    await ui.page.getByTestId('callback-time').fill('09:00');
    await ui.page.getByTestId('schedule-callback').click();
    await expect.poll(() => ui.page.getByTestId('callback-error').textContent()).toBe('Choose a disposition for the callback first.');
    expect(await focused('disposition-select')).toBe(true);
    expect(await ui.page.getByTestId('disposition-select').getAttribute('aria-invalid')).toBe('true');
    expect(await ui.intents()).toEqual([]);
  });

  it('with AddScheduleCall says callbacks are the agent’s own instead of offering the checkbox', async () => {
    const base = shell(withoutCountdown(states.wrapUp()));
    if (base.phase !== 'ready') throw new Error('shell() builds a ready shell');
    await ui.show({ ...base, view: { ...base.view, options: { ...base.view.options, callbackBooking: 'separate' } } });
    await ui.page.getByTestId('schedule-toggle').click();
    expect(await ui.page.getByTestId('callback-mine').count()).toBe(0);
    expect(await ui.page.getByTestId('callback-always-mine').textContent()).toContain('always assigned to you');
    await ui.page.getByTestId('disposition-select').selectOption('101');
    await ui.page.getByTestId('callback-date').fill(dayFromToday(3));
    await ui.page.getByTestId('callback-time').fill('16:45');
    await ui.page.getByTestId('schedule-callback').click();
    expect(await ui.intents()).toEqual([{ kind: 'scheduleCallback', subcategory: 101, when: `${dayFromToday(3)}T16:45:00`, phone: '+34600112233', mine: true }]);
  });

  it('for a call without a Neotel contact offers categorising only, and says why there is no callback', async () => {
    const wrapUp = withoutCountdown(states.wrapUp());
    if (wrapUp.phase !== 'wrapUp') throw new Error('states.wrapUp() is a wrap-up');
    await ui.show(shell({ ...wrapUp, call: { ...wrapUp.call, direction: 'outbound', contact: null } }));
    expect(await ui.page.getByTestId('callback-unavailable').textContent()).toContain('needs a Neotel contact');
    expect(await ui.page.getByTestId('schedule-toggle').count()).toBe(0);
    expect(await ui.page.getByTestId('release-contact').count()).toBe(0);
    await ui.page.getByTestId('disposition-select').selectOption('201');
    await ui.page.getByTestId('categorise').click();
    expect(await ui.intents()).toEqual([{ kind: 'categorise', subcategory: 201 }]);
  });
});

describe('the automatic release countdown', () => {
  it('ticks visibly every second but tells screen readers only its first value and the next mark', async () => {
    await ui.show(shell(states.wrapUp()));
    const visible = ui.page.getByTestId('release-countdown');
    const announcement = ui.page.getByTestId('release-announcement');
    expect(await announcement.getAttribute('role')).toBe('status');
    expect(await visible.getAttribute('role'), 'the ticking text is not a live region').toBeNull();
    expect(await visible.getAttribute('aria-live')).toBeNull();
    const said = await announcement.textContent();
    expect(said).toMatch(/released automatically in 4[45] seconds/);
    const first = await visible.textContent();
    await expect.poll(() => visible.textContent(), { timeout: 5_000 }).not.toBe(first);
    expect(await announcement.textContent(), 'no new announcement for a one-second tick').toBe(said);

    // The next call's countdown is announced afresh from its own first value.
    const near = states.wrapUp();
    if (near.phase !== 'wrapUp') throw new Error('states.wrapUp() is a wrap-up');
    await ui.show(shell({ ...near, call: { ...near.call, startedAt: near.call.startedAt + 1 }, releaseDeadline: Date.now() + 25_000 }));
    expect(await announcement.textContent()).toMatch(/in 2[45] seconds/);
  });
});
