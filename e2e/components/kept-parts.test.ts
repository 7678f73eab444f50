/**
 * The Ready parts when a call starts (src/components/softphone-shell/kept-parts.ts): hidden by the
 * shell's stylesheet, not removed, while the call starts; and a part that holds the focus is hidden
 * rather than removed in any draw, then removed on the next one (which the shell asks for when
 * idle). A dial whose views were held until its leg's ACK (src/app/dial-view-hold.ts) goes from
 * Ready straight to the connected call, with the focus on the Call button: removing it in that draw
 * would make Chromium compute style and layout at once.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useUi, type UiPage } from './support/ui-page.ts';
import { shell, states } from './support/views.ts';

const page = useUi({ beforeAll, beforeEach, afterEach, afterAll });
let ui: UiPage;
beforeEach(() => {
  ui = page();
});

declare global {
  interface Window {
    /** What each batch of changes to the shell's tree did to the call card and the Ready dial pad. */
    __batches?: string[][];
  }
}

/** The shell's own dial pad (not the call card's keypad): absent, hidden or shown. */
const readyPad = () =>
  ui.page.evaluate(() => {
    const pad = document.querySelector('dialtone-softphone')?.shadowRoot?.querySelector('.ready > dialtone-dial-pad');
    if (!pad) return 'absent';
    return pad.hasAttribute('data-hidden') ? 'hidden' : 'shown';
  });

/** Starts recording, per batch of mutations (one draw), whether the card came and the pad was hidden or went. */
const recordBatches = () =>
  ui.page.evaluate(() => {
    const root = document.querySelector('dialtone-softphone')?.shadowRoot;
    if (!root) throw new Error('no dialtone-softphone with a shadow root in the harness page');
    const batches: string[][] = [];
    window.__batches = batches;
    new MutationObserver((records) => {
      const seen = new Set<string>();
      for (const record of records) {
        for (const node of record.addedNodes) if (node.nodeName === 'DIALTONE-CALL-CONTROLS') seen.add('card drawn');
        for (const node of record.removedNodes) if (node.nodeName === 'DIALTONE-DIAL-PAD') seen.add('pad removed');
        if (record.type === 'attributes' && (record.target as Element).localName === 'dialtone-dial-pad') seen.add('pad hidden');
      }
      if (seen.size > 0) batches.push([...seen].sort());
    }).observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-hidden'] });
  });
const batches = () => ui.page.evaluate(() => window.__batches ?? []);

describe('the Ready parts when a call starts', () => {
  it('hides the focused dial pad in a draw that goes from Ready to the call, and removes it on the next', async () => {
    await ui.show(shell(states.ready()));
    expect(await readyPad()).toBe('shown');
    await ui.page.getByTestId('dial-input').focus();
    await recordBatches();

    await ui.show(shell(states.connected()));
    expect(await ui.page.getByTestId('hang-up').count(), 'the call card is drawn').toBe(1);
    // The next draw comes by itself, when idle.
    await expect.poll(readyPad, { message: 'the dial pad goes once the focus has left it' }).toBe('absent');
    expect(await batches(), 'the call card drawn with the dial pad hidden, the pad removed in a later draw').toEqual([['card drawn', 'pad hidden'], ['pad removed']]);
  });

  it('removes an unfocused dial pad in the draw that goes from Ready to the call', async () => {
    await ui.show(shell(states.ready()));
    // The pad puts the focus on its number when first drawn: the agent moved on, to the status menu.
    await ui.page.getByTestId('status-menu').focus();
    await recordBatches();
    await ui.show(shell(states.connected()));
    expect(await readyPad()).toBe('absent');
    expect(await batches()).toEqual([['card drawn', 'pad removed']]);
  });

  it('keeps it hidden while the call starts, and removes it once connected', async () => {
    await ui.show(shell(states.ready()));
    await ui.show(shell(states.dialing()));
    expect(await readyPad()).toBe('hidden');
    await ui.show(shell(states.connected()));
    expect(await readyPad()).toBe('absent');
  });
});
