/**
 * The focus when the utility panel opens (docs/agent-softphone.md, "Keyboard"): it goes to the
 * state's next control, and while the softphone is still booting there is none, so it waits on
 * `<main>`. It used to stay there once the login form was drawn: an agent who opened the panel
 * during the first second typed into nothing. Opening is the shell becoming visible (the
 * FocusKeeper's IntersectionObserver), which the harness does by hiding and showing its root.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useUi, type UiPage } from './support/ui-page.ts';
import { shell, states } from './support/views.ts';

const page = useUi({ beforeAll, beforeEach, afterEach, afterAll });
let ui: UiPage;
beforeEach(() => {
  ui = page();
});

/** The focused element inside the shell: its test id, else its tag. */
function focused(): Promise<string> {
  return ui.page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (active === null || active === document.body) return 'body';
    return active.getAttribute('data-testid') ?? active.tagName.toLowerCase();
  });
}

/** Hides the panel, then shows it again, as the utility item's button does. */
async function closeAndOpen(): Promise<void> {
  const frames = (): Promise<void> => ui.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  await ui.page.evaluate(() => document.getElementById('root')?.style.setProperty('display', 'none'));
  await frames();
  await ui.page.evaluate(() => document.getElementById('root')?.style.removeProperty('display'));
  await frames();
}

describe('the focus when the panel opens', () => {
  it('goes to the first login field once it is drawn, when the panel was opened while the softphone booted', async () => {
    await ui.show({ phase: 'booting', language: 'en' });
    await closeAndOpen();
    await expect.poll(focused, { message: 'nothing to focus while booting: the focus waits on <main>' }).toBe('main');
    await ui.show(shell(states.loggedOut()));
    await expect.poll(focused, { message: 'the login form is drawn: the first field has the focus', timeout: 3_000 }).toBe('login-device');
  });

  it('stays on an empty spot of the panel the agent clicked (no control is taken from them later)', async () => {
    await ui.show(shell(states.ready()));
    await ui.page.evaluate(() => {
      const main = document.querySelector('dialtone-softphone')?.shadowRoot?.querySelector('main');
      main?.focus();
    });
    await ui.show(shell(states.ready({ availability: { kind: 'available' } })));
    await ui.page.waitForTimeout(300);
    expect(await focused()).toBe('main');
  });
});
