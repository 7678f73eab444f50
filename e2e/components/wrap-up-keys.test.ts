/**
 * Issue 15: the wrap-up form by keyboard alone (docs/wrap-up.md, "Keyboard"): Enter saves when the
 * form is valid (on the select too, which browsers do not submit by themselves) and does nothing
 * otherwise; Escape closes the callback sub-form and gives the focus back to its toggle; once a
 * save lands, the focus is on "Available again" instead of lost to the page.
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

const focused = (testId: string) => ui.page.getByTestId(testId).evaluate((el) => el.matches(':focus'));

/** The wrap-up without its countdown, at `step`, with `subcategory` saved when given. */
function wrapUp(step: 'open' | 'categorising' = 'open', subcategory: number | null = null): AgentState {
  const state = states.wrapUp();
  if (state.phase !== 'wrapUp') throw new Error('states.wrapUp() is a wrap-up');
  return { ...state, releaseDeadline: null, step, call: { ...state.call, startedAt: 1, disposition: subcategory === null ? null : { subcategory, callbackAt: null } } };
}

/** A local date `days` from today as the date input holds it. */
function dayFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('the wrap-up form by keyboard', () => {
  it('saves the disposition with Enter on the select only once one is chosen', async () => {
    await ui.show(shell(wrapUp()));
    const select = ui.page.getByTestId('disposition-select');
    await select.focus();
    await ui.page.keyboard.press('Enter');
    expect(await ui.intents(), 'nothing chosen: Enter saves nothing').toEqual([]);
    await select.selectOption('201');
    await select.focus();
    await ui.page.keyboard.press('Enter');
    expect(await ui.intents()).toEqual([{ kind: 'categorise', subcategory: 201 }]);
  });

  it('schedules with Enter in a callback field when the form is valid, and says what is missing when not', async () => {
    await ui.show(shell(wrapUp()));
    await ui.page.getByTestId('disposition-select').selectOption('102');
    await ui.page.getByTestId('schedule-toggle').click();
    await expect.poll(() => focused('callback-date')).toBe(true);
    await ui.page.getByTestId('callback-date').fill(dayFromToday(1));
    await ui.page.getByTestId('callback-date').press('Enter');
    await expect.poll(() => ui.page.getByTestId('callback-error').textContent()).toBe('Pick the callback time.');
    expect(await focused('callback-time')).toBe(true);
    expect(await ui.intents()).toEqual([]);
    await ui.page.getByTestId('callback-time').fill('11:15');
    await ui.page.getByTestId('callback-time').press('Enter');
    expect(await ui.intents()).toEqual([{ kind: 'scheduleCallback', subcategory: 102, when: `${dayFromToday(1)}T11:15:00`, phone: '+34600112233', mine: true }]);
  });

  it('closes the callback sub-form with Escape and puts the focus back on its toggle', async () => {
    await ui.show(shell(wrapUp()));
    const toggle = ui.page.getByTestId('schedule-toggle');
    await toggle.click();
    await expect.poll(() => focused('callback-date')).toBe(true);
    await ui.page.getByTestId('callback-phone').focus();
    await ui.page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await ui.page.getByTestId('callback-phone').isVisible()).toBe(false);
    expect(await focused('schedule-toggle')).toBe(true);
    expect(await ui.page.getByTestId('categorise').count(), 'Save categorises again once the sub-form is closed').toBe(1);
  });

  it('moves the focus to Available again once the save lands', async () => {
    await ui.show(shell(wrapUp()));
    await ui.page.getByTestId('disposition-select').selectOption('201');
    await ui.page.getByTestId('categorise').focus();
    await ui.page.keyboard.press('Enter');
    expect(await ui.intents()).toEqual([{ kind: 'categorise', subcategory: 201 }]);
    // The app's answer: the save is pending (Save and Available disabled), then it landed.
    await ui.show(shell(wrapUp('categorising')));
    await ui.show(shell(wrapUp('open', 201)));
    expect(await ui.page.getByTestId('disposition-saved').textContent()).toContain('Not interested');
    await expect.poll(() => focused('available')).toBe(true);
  });
});
