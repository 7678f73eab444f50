/**
 * The Ready parts when a call starts (src/components/softphone-shell/kept-parts.ts): hidden by the
 * shell's stylesheet, not removed, in the draw that starts the call, including a draw that goes
 * from Ready straight to the connected call, which is what a dial whose views were held until its
 * leg's ACK draws (src/app/dial-view-hold.ts). Removing the focused Call button in that draw would
 * make Chromium compute style and layout at once; the part goes on the connected call's next draw.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useUi, type UiPage } from './support/ui-page.ts';
import { shell, states } from './support/views.ts';

const page = useUi({ beforeAll, beforeEach, afterEach, afterAll });
let ui: UiPage;
beforeEach(() => {
  ui = page();
});

/** The shell's own dial pad (not the call card's keypad): absent, hidden or shown. */
const readyPad = () =>
  ui.page.evaluate(() => {
    const pad = document.querySelector('dialtone-softphone')?.shadowRoot?.querySelector('.ready > dialtone-dial-pad');
    if (!pad) return 'absent';
    return pad.hasAttribute('data-hidden') ? 'hidden' : 'shown';
  });

describe('the Ready parts when a call starts', () => {
  it('hides the dial pad in a draw that goes from Ready to the call, and removes it on the next', async () => {
    await ui.show(shell(states.ready()));
    expect(await readyPad()).toBe('shown');
    await ui.page.getByTestId('dial-input').focus();

    await ui.show(shell(states.connected()));
    expect(await ui.page.getByTestId('hang-up').count(), 'the call card is drawn').toBe(1);
    expect(await readyPad(), 'the first draw of the call').toBe('hidden');

    await ui.show(shell(states.connected({ muted: true })));
    expect(await readyPad(), 'the next draw of the call').toBe('absent');
  });

  it('keeps it hidden while the call starts, and removes it on the second draw once connected', async () => {
    await ui.show(shell(states.ready()));
    await ui.show(shell(states.dialing()));
    expect(await readyPad()).toBe('hidden');
    await ui.show(shell(states.connected()));
    expect(await readyPad()).toBe('hidden');
    await ui.show(shell(states.connected({ muted: true })));
    expect(await readyPad()).toBe('absent');
  });
});
