/**
 * The shell's `lang` (issue 18, "no forced layouts on the call path"): the panel and its document
 * carry the language drawn, set when it changes and not on every view. Blink restyles the whole
 * tree under an element whose `lang` is set, even to the value it had: set on each update, it made
 * every frame of a call (dialing, the answer, the call) recompute the style of the whole panel
 * (docs/benchmarks.md, "Eleventh pass (a)").
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useUi, type UiPage } from './support/ui-page.ts';
import { shell, states } from './support/views.ts';

const page = useUi({ beforeAll, beforeEach, afterEach, afterAll });
let ui: UiPage;
beforeEach(() => {
  ui = page();
});

/** Starts counting writes of `lang` on the document element and the shell (a write of the same value counts). */
const countLangWrites = () =>
  ui.page.evaluate(() => {
    const shellElement = document.querySelector('dialtone-softphone');
    if (!shellElement) throw new Error('no <dialtone-softphone> in the harness page');
    const seen: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) seen.push(`${(record.target as Element).tagName} ${record.oldValue ?? ''}`);
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], attributeOldValue: true });
    observer.observe(shellElement, { attributes: true, attributeFilter: ['lang'], attributeOldValue: true });
    (window as unknown as { langWrites: () => string[] }).langWrites = () => [...seen, ...observer.takeRecords().map((r) => (r.target as Element).tagName)];
  });
const langWrites = () => ui.page.evaluate(() => (window as unknown as { langWrites: () => string[] }).langWrites());

describe('the shell language', () => {
  it('is set on the panel and its document once, not again at each view of a call', async () => {
    await ui.show(shell(states.ready()));
    expect(await ui.page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await ui.page.locator('dialtone-softphone').getAttribute('lang')).toBe('en');
    await countLangWrites();

    await ui.show(shell(states.dialing()));
    await ui.show(shell(states.connected()));
    await ui.show(shell(states.ready()));

    expect(await langWrites(), 'writes of lang while the language stayed the same').toEqual([]);
    expect(await ui.page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('follows a change of language', async () => {
    await ui.show(shell(states.ready()));
    await countLangWrites();
    await ui.show(shell(states.ready(), {}, 'es'));
    await expect.poll(() => ui.page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await ui.page.locator('dialtone-softphone').getAttribute('lang')).toBe('es');
    expect((await langWrites()).length).toBeGreaterThan(0);
  });
});
