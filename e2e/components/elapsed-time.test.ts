/**
 * `<dialtone-elapsed>` (issue 18 item 4, docs/benchmarks.md "Tenth pass (b)", "Eleventh pass
 * (c)"): while an agent sits Ready the status timer counts whole minutes and draws nothing for
 * seconds; the call timer's new second lays out the timer alone, never the card around it; and
 * nothing is drawn or armed while the page is hidden. Read from Chromium's trace (the Layout
 * events' own count of the objects laid out) and from the text node's mutations: counts, not
 * timings.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { shownSeconds, useUi, type UiPage } from './support/ui-page.ts';
import { shell, states } from './support/views.ts';

const page = useUi({ beforeAll, beforeEach, afterEach, afterAll });
let ui: UiPage;
beforeEach(() => {
  ui = page();
});

interface LayoutEvent {
  name: string;
  ph: string;
  args?: { beginData?: { partialLayout?: boolean; totalObjects?: number } };
}

/** Chromium's Layout events over `ms` of the page doing nothing but its timers. */
async function layoutsOver(ms: number): Promise<LayoutEvent[]> {
  const session = await ui.page.context().newCDPSession(ui.page);
  const events: LayoutEvent[] = [];
  session.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as LayoutEvent[])));
  const done = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
  await session.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline'] }, transferMode: 'ReportEvents' });
  await new Promise((resolve) => setTimeout(resolve, ms));
  await session.send('Tracing.end');
  await done;
  await session.detach();
  return events.filter((e) => e.name === 'Layout' && e.ph === 'X');
}

/** Counts the changes of a timer's text from now on (read with `drawsSoFar`). */
async function countDraws(testId: 'status-timer' | 'call-timer'): Promise<void> {
  await ui.page.getByTestId(testId).evaluate((timer) => {
    const seen = { n: 0 };
    (window as unknown as { draws: { n: number } }).draws = seen;
    new MutationObserver((records) => (seen.n += records.length)).observe(timer, { characterData: true, subtree: true, childList: true });
  });
}
const drawsSoFar = () => ui.page.evaluate(() => (window as unknown as { draws: { n: number } }).draws.n);

describe('the status timer while Ready', () => {
  it('shows whole minutes, says since when, and draws nothing for seconds', async () => {
    await ui.show(shell(states.ready()));
    const timer = ui.page.getByTestId('status-timer');
    // Ready for 65 s (views.ts).
    expect(await timer.locator('time').textContent()).toBe('1 min');
    expect(await timer.locator('time').getAttribute('datetime')).toBe('PT1M');
    expect(await timer.getAttribute('title')).toMatch(/^In this status since \d\d:\d\d( [AP]M)?$/u);
    await countDraws('status-timer');
    const layouts = await layoutsOver(2_500);
    expect(await drawsSoFar(), 'no draw within the minute').toBe(0);
    expect(layouts, 'no layout a second').toEqual([]);
  });
});

describe('the call timer', () => {
  it('lays out only itself when a new second is drawn', async () => {
    await ui.show(shell(states.connected()));
    const layouts = await layoutsOver(2_500);
    expect(layouts.length, 'a new second was drawn').toBeGreaterThan(0);
    for (const layout of layouts) {
      // Without containment every second laid out the document (partialLayout false, ~100 objects).
      expect(layout.args?.beginData, 'a layout of the timer box and its text only').toMatchObject({ partialLayout: true });
      expect(layout.args?.beginData?.totalObjects ?? Infinity).toBeLessThanOrEqual(3);
    }
  });

  it('draws nothing while the page is hidden, and the right time at once when it is shown again', async () => {
    await ui.show(shell(states.connected()));
    const startShown = shownSeconds(await ui.page.getByTestId('call-timer').textContent());
    await countDraws('call-timer');
    const setHidden = (hidden: boolean) =>
      ui.page.evaluate((value) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (value ? 'hidden' : 'visible') });
        document.dispatchEvent(new Event('visibilitychange'));
      }, hidden);
    await setHidden(true);
    // A tick armed before the page was hidden may still land once.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const before = await drawsSoFar();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect((await drawsSoFar()) - before, 'no draw while hidden').toBe(0);
    await setHidden(false);
    const shown = shownSeconds(await ui.page.getByTestId('call-timer').textContent());
    expect(shown, 'caught up at once (hidden for ~4 s)').toBeGreaterThanOrEqual(startShown + 3);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await drawsSoFar(), 'ticking again').toBeGreaterThan(before);
  });
});
