/**
 * Issue 15: wrap-up is one compact form that fits the utility panel (340×560) without scrolling,
 * in es, pt and en, with the callback sub-form open (its largest state: countdown, disposition,
 * date and time, number, "call back myself", Save, Release, Available again). Measured in real
 * Chromium on the whole shell (header, notices, main), so a taller header or a longer label in one
 * language fails here. The heights are written to .tmp/wrap-up-fit-<language>.txt, for docs/agent-softphone.md.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Language } from '../../src/i18n/index.ts';
import { PANEL_SIZE } from '../agent/support/panel-states.ts';
import { useUi, type UiPage } from './support/ui-page.ts';
import { shell, states } from './support/views.ts';

const page = useUi({ beforeAll, beforeEach, afterEach, afterAll });
let ui: UiPage;
beforeEach(() => {
  ui = page();
});

/** The wrap-up card's box and the visible part of the panel's scrolling `<main>`, in CSS px. */
async function measure(): Promise<{ card: number; bottom: number; visibleBottom: number; mainScrolls: boolean }> {
  return ui.page.evaluate(() => {
    const find = (root: Document | ShadowRoot, selector: string): Element | null => {
      const hit = root.querySelector(selector);
      if (hit) return hit;
      for (const element of root.querySelectorAll('*')) {
        const inner = element.shadowRoot ? find(element.shadowRoot, selector) : null;
        if (inner) return inner;
      }
      return null;
    };
    const card = find(document, '[data-testid="wrap-up"]');
    const main = find(document, 'main');
    if (!card || !main) throw new Error('no wrap-up card or no <main> drawn');
    const box = card.getBoundingClientRect();
    const mainBox = main.getBoundingClientRect();
    return { card: Math.round(box.height), bottom: Math.round(box.bottom), visibleBottom: Math.round(Math.min(mainBox.bottom, window.innerHeight)), mainScrolls: main.scrollTop > 0 };
  });
}

describe('the wrap-up form fits the 340×560 panel', () => {
  it.each(['es', 'pt', 'en'] as Language[])('in %s, with the callback form open, without scrolling', async (language) => {
    await ui.page.setViewportSize(PANEL_SIZE);
    await ui.show(shell(states.wrapUp(), {}, language));
    const closed = await measure();
    await ui.page.getByTestId('schedule-toggle').click();
    await expect.poll(() => ui.page.getByTestId('callback-date').isVisible()).toBe(true);
    const open = await measure();
    const line = `wrap-up ${language} at 340×560: ${closed.card} px closed, ${open.card} px with the callback form; bottom ${open.bottom} of ${open.visibleBottom} px visible`;
    writeFileSync(`.tmp/wrap-up-fit-${language}.txt`, `${line}\n`);
    await ui.page.screenshot({ path: `.tmp/ui-wrap-up-fit-${language}.png` });
    expect(open.mainScrolls, 'opening the callback form scrolled the panel').toBe(false);
    expect(open.bottom, `the form's last control is below the fold in ${language}`).toBeLessThanOrEqual(open.visibleBottom);
  });
});
