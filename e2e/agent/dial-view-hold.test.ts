/**
 * Issue 18, dial → ACK, in the real console: a dial's views wait for its platform leg's ACK
 * (src/app/dial-view-hold.ts), so between the click on Call and the ACK of the leg the phone
 * answers by itself the panel draws nothing; the INVITE, its answer and the ACK have the page's
 * main thread to themselves. The call card appears once the ACK is in, or
 * `DIAL_VIEW_HOLD_MAX_MS` after the click if the ACK is later (a loaded machine): the check
 * compares the card's insertion with the smaller of the two, on the page's clock, so it does not
 * depend on the machine's load. And the Ready parts are hidden, not removed, in that first draw
 * of the call: the focused Call button removed would make Chromium compute style at once. And
 * once the dial plan is in, the Dial's request leaves inside the click's own dispatch, before
 * anything the page queued behind the click (docs/benchmarks.md, "Thirteenth pass (a)").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIAL_VIEW_HOLD_MAX_MS } from '../../src/app/dial-view-hold.ts';
import { WIRE_SCRIPT, wireOf } from '../../bench/wire-probe.ts';
import { AgentConsole, type AgentTab } from './support/agent-console.ts';
import { focusedTestId, openReadyTab, untilStatus } from './support/agent-steps.ts';

const DIALLED = '1139990001';

declare global {
  interface Window {
    __drawn?: { card?: number; padRemoved?: number };
    /** NeoApi `Dial` requests the page has made (DIAL_COUNT). */
    __dials?: number;
  }
}

/** Counts the page's NeoApi `Dial` fetches as they are made. */
const DIAL_COUNT = `(() => {
  window.__dials = 0;
  const nativeFetch = window.fetch;
  window.fetch = function (input, init) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (/\\/Dial(?:\\?|$)/.test(url)) window.__dials += 1;
    return nativeFetch.call(this, input, init);
  };
})();`;

describe('a dial', () => {
  let rig: AgentConsole;
  let tab: AgentTab;
  beforeAll(async () => {
    rig = await AgentConsole.start();
    tab = await openReadyTab(rig, { neverAnswer: DIALLED, initScript: `globalThis.__name ??= (target) => target;\n${WIRE_SCRIPT}\n${DIAL_COUNT}` });
  });
  afterAll(async () => {
    await rig.close();
  });

  it('draws the call once its leg is ACKed (or after the hold), hiding the dial pad in that draw', async () => {
    await tab.adapter.getByTestId('dial-input').fill(DIALLED);
    // When the shell's own tree gains the call card and loses the dial pad, on the page's clock.
    const clickedAt = await tab.adapter.evaluate(() => {
      const shell = document.querySelector('dialtone-softphone');
      if (!shell?.shadowRoot) throw new Error('no dialtone-softphone with a shadow root in the adapter frame');
      const drawn: { card?: number; padRemoved?: number } = {};
      window.__drawn = drawn;
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes) if (node.nodeName === 'DIALTONE-CALL-CONTROLS') drawn.card ??= performance.now();
          for (const node of record.removedNodes) if (node.nodeName === 'DIALTONE-DIAL-PAD') drawn.padRemoved ??= performance.now();
        }
      }).observe(shell.shadowRoot, { childList: true, subtree: true });
      const pad = shell.shadowRoot.querySelector('dialtone-dial-pad');
      const button = pad?.shadowRoot?.querySelector<HTMLButtonElement>('[data-testid="dial-button"]');
      if (!button) throw new Error('no Call button in the dial pad');
      // A keyboard user's dial: the Call button has the focus when the call starts.
      button.focus();
      const at = performance.now();
      button.click();
      return at;
    });
    await untilStatus(tab.adapter, ['inCall'], 20_000);
    await expect.poll(() => focusedTestId(tab.adapter), { timeout: 10_000, message: 'Hang up has the focus once the platform leg is answered' }).toBe('hang-up');

    const wire = await wireOf(tab.adapter);
    const invite = wire.find((e) => e.at >= clickedAt && e.dir === 'in' && e.start === 'INVITE');
    const ack = wire.find((e) => invite !== undefined && e.at >= invite.at && e.dir === 'in' && e.start === 'ACK');
    expect(ack, 'the PBX ACKed the leg the phone answered').toBeDefined();
    const drawn = await tab.adapter.evaluate(() => window.__drawn ?? {});
    expect(drawn.card, 'the call card was drawn').toBeDefined();
    const notBefore = Math.min(ack?.at ?? Infinity, clickedAt + DIAL_VIEW_HOLD_MAX_MS);
    // 1 ms: the clocks are the same page's, the timer's rounding aside.
    expect(drawn.card!, `the call card drawn ${(drawn.card! - clickedAt).toFixed(1)} ms after the click, the ACK in at ${((ack?.at ?? NaN) - clickedAt).toFixed(1)} ms`).toBeGreaterThanOrEqual(notBefore - 1);
    if (drawn.padRemoved !== undefined) expect(drawn.padRemoved, 'the dial pad is removed in a later draw than the call card\'s first').toBeGreaterThan(drawn.card!);

    await tab.adapter.getByTestId('hang-up').click();
  });

  it('sends the Dial inside the click on Call, once the dial plan is in', async () => {
    // After the first dial (above) the dial plan has loaded: a dial no longer waits for it.
    if ((await untilStatus(tab.adapter, ['wrapUp', 'ready'])) === 'wrapUp') {
      await tab.adapter.getByTestId('available').click();
      await untilStatus(tab.adapter, ['ready']);
    }
    await tab.adapter.getByTestId('dial-input').fill(DIALLED);
    const sent = await tab.adapter.evaluate(() => {
      const pad = document.querySelector('dialtone-softphone')?.shadowRoot?.querySelector('dialtone-dial-pad');
      const button = pad?.shadowRoot?.querySelector<HTMLButtonElement>('[data-testid="dial-button"]');
      if (!button) throw new Error('no Call button in the dial pad');
      const before = window.__dials ?? 0;
      button.click();
      // Read before this task's microtasks run: a Dial sent from a promise callback is not counted yet.
      return (window.__dials ?? 0) - before;
    });
    expect(sent, 'Dial requests made by the time the click returned').toBe(1);
    await untilStatus(tab.adapter, ['inCall'], 20_000);
    await tab.adapter.getByTestId('hang-up').click();
  });
});
