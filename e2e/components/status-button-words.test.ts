/**
 * The header's status button (docs/agent-softphone.md, "Layout") in es, pt and en at the utility
 * panel's 340 px: the status is read whole, no word of it split over two lines. The button shares
 * its line with Log out ("Cerrar sesión" is wide), and the status text was allowed to break
 * anywhere, so at 340 px the wrap-up read "Tipificació / n" and a break "En / descanso: /
 * Descanso" while a line break between the status and its timer would have kept every word whole.
 * The timer and the chevron then go to the next line together (the chevron alone there looked broken).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AgentState } from '../../src/call/index.ts';
import { LANGUAGES, type Language } from '../../src/i18n/languages.ts';
import { useUi, type UiPage } from './support/ui-page.ts';
import { shell, states } from './support/views.ts';

const page = useUi({ beforeAll, beforeEach, afterEach, afterAll });
let ui: UiPage;
beforeEach(async () => {
  ui = page();
  await ui.page.setViewportSize({ width: 340, height: 560 });
});

/** A platform's break names as agents meet them: one short, one of two words. */
const BREAKS = [
  { id: 1, name: 'Descanso' },
  { id: 4, name: 'Tiempo administrativo' },
];

const STATUSES: readonly (readonly [string, () => AgentState])[] = [
  ['ready', () => states.ready()],
  ['on a short break', () => states.ready({ availability: { kind: 'onBreak', subtype: 1, since: Date.now() - 5_000 } })],
  ['on a two-word break', () => states.ready({ availability: { kind: 'onBreak', subtype: 4, since: Date.now() - 5_000 } })],
  ['ringing', () => states.ringing()],
  ['in a call', () => states.connected()],
  ['on hold', () => states.connected({ held: true })],
  ['in wrap-up', () => states.wrapUp()],
];

/**
 * The words of the status pill that are drawn over more than one line (a word's range has one
 * box per line it covers), and whether the pill's text is cut by its box.
 */
function brokenWords(ui: UiPage): Promise<{ text: string; broken: string[]; cut: boolean; chevronApart: boolean }> {
  return ui.page.evaluate(() => {
    const find = (root: Document | ShadowRoot): HTMLElement | null => {
      for (const element of root.querySelectorAll<HTMLElement>('*')) {
        if (element.dataset.testid === 'status') return element;
        const inner = element.shadowRoot ? find(element.shadowRoot) : null;
        if (inner) return inner;
      }
      return null;
    };
    const pill = find(document);
    if (!pill) throw new Error('no [data-testid=status] in the page');
    const broken: string[] = [];
    const walker = document.createTreeWalker(pill, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/\S+/gu)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
    // The chevron ends the timer's line, never alone on a line of its own.
    const button = pill.closest('button');
    const middle = (element: Element | null | undefined): number | null => {
      const box = element?.getBoundingClientRect();
      return box ? box.top + box.height / 2 : null;
    };
    const timer = middle(button?.querySelector('.timer'));
    const chevron = middle(button?.querySelector('.chevron'));
    const chevronApart = timer !== null && chevron !== null && Math.abs(timer - chevron) > 4;
    return { text: pill.textContent.trim(), broken, cut: pill.scrollWidth > pill.clientWidth + 1, chevronApart };
  });
}

describe.each(LANGUAGES)('the status button in %s at 340 px', (language: Language) => {
  it.each(STATUSES)('keeps every word of the status whole %s', async (_name, agent) => {
    const state = shell(agent(), {}, language);
    if (state.phase !== 'ready') throw new Error(`shell() gave a ${state.phase} state`);
    await ui.show({ ...state, view: { ...state.view, options: { ...state.view.options, breakTypes: BREAKS } } });
    const found = await brokenWords(ui);
    expect(found.text).not.toBe('');
    expect(found.broken, `"${found.text}" has words split over two lines`).toEqual([]);
    expect(found.cut, `"${found.text}" is cut`).toBe(false);
    expect(found.chevronApart, `"${found.text}": the chevron is on another line than the timer`).toBe(false);
  });
});
