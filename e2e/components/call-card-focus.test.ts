/**
 * The call card across a dial (issue 18, "no forced layouts on the call path"; issue 15, the focus
 * stays on a sensible control): from dialing through the automatic answer of the platform's own
 * leg to the conversation, `dialtone-call-controls` keeps its card and its Hang up button as the
 * same elements, only updated. Rebuilding them took the focus away from Hang up at each step, and
 * removing a focused control makes Chromium compute style at once, in the middle of the call.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useUi, type UiPage } from './support/ui-page.ts';
import { call, shell, states } from './support/views.ts';
import type { AgentState } from '../../src/call/index.ts';

const page = useUi({ beforeAll, beforeEach, afterEach, afterAll });
let ui: UiPage;
beforeEach(() => {
  ui = page();
});

/** The platform's leg of that dial, which the phone answers by itself. */
const autoAnswering = (): AgentState => {
  const ringing = states.ringing();
  if (ringing.phase !== 'ringing') throw new Error('states.ringing() is not ringing');
  return { ...ringing, call: call('outbound', 1_000), autoAnswer: true, answering: true };
};

/** Tags the hang-up button now on screen, so a later step can tell whether it is the same element. */
const tagHangUp = (tag: string) => ui.page.getByTestId('hang-up').evaluate((el, t) => el.setAttribute('data-seen', t), tag);
const hangUpTag = () => ui.page.getByTestId('hang-up').getAttribute('data-seen');
const hangUpFocused = () => ui.page.getByTestId('hang-up').evaluate((el) => el.matches(':focus'));

describe('the call card from dialing to the call', () => {
  it('keeps its Hang up button, and the focus on it, from dialing through the automatic answer to the call', async () => {
    await ui.show(shell(states.dialing()));
    expect(await ui.page.getByTestId('call-controls').getAttribute('data-connecting')).toBeNull();
    await ui.page.getByTestId('hang-up').focus();
    await tagHangUp('dialing');

    await ui.show(shell(autoAnswering()));
    expect(await ui.page.getByTestId('call-controls').getAttribute('data-connecting')).toBe('true');
    expect(await ui.page.getByTestId('hang-up').isDisabled()).toBe(true);
    expect(await hangUpTag()).toBe('dialing');

    await ui.show(shell(states.connected()));
    expect(await ui.page.getByTestId('call-controls').getAttribute('data-connecting')).toBeNull();
    expect(await ui.page.getByTestId('hold').count()).toBe(1);
    expect(await hangUpTag()).toBe('dialing');
    await expect.poll(hangUpFocused, { message: 'the focus is back on Hang up once the answer is through' }).toBe(true);
  });

  it('says who is being called while it answers the platform leg, and who the call is with after', async () => {
    await ui.show(shell(autoAnswering()));
    expect(await ui.page.getByTestId('call-party').textContent()).toBe('Calling +34600112233…');
    await ui.show(shell(states.connected()));
    expect(await ui.page.getByTestId('call-party').textContent()).toBe('In call with +34600112233');
  });
});
