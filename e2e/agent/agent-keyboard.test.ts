/**
 * Issue 15, "Keyboard and screen reader", in the real console (dev/lightning framing the built
 * adapter, dev/neotel behind it), operated from the keyboard: the focus moves into the panel when
 * the utility item opens, lands on the next sensible control after each action instead of falling
 * to <body>, the status menu works as a WAI-ARIA menu button (Enter, Space, arrows, Home/End,
 * Escape; the focus back on the button after a choice), the documented hotkeys (Alt+Shift+A/H/O/M/R)
 * work while the panel has the focus (R takes a break without opening the menu), Escape closes
 * what is open, and the frame's <html lang> is the shell's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { AgentConsole, explained, type AgentTab } from './support/agent-console.ts';
import { logIn, waitForStatus } from './support/agent-steps.ts';

const CRM_QUEUE = 3;

/** The `data-testid` of the focused control, through the shadow roots (`body` when none). */
function focusedTestId(frame: Frame): Promise<string> {
  return frame.evaluate(() => {
    if (!document.hasFocus()) return '(frame not focused)';
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (active === null || active === document.body) return 'body';
    return active.getAttribute('data-testid') ?? `${active.tagName.toLowerCase()}#${active.id}`;
  });
}

async function expectFocusOn(frame: Frame, testId: string, why: string): Promise<void> {
  await expect.poll(() => focusedTestId(frame), { timeout: 10_000, message: why }).toBe(testId);
}

/** Presses the control with the keyboard, as a keyboard user does: focus it, then Enter. */
async function pressWithKeyboard(frame: Frame, testId: string): Promise<void> {
  await frame.getByTestId(testId).focus();
  await frame.page().keyboard.press('Enter');
}

describe('the panel from the keyboard (es)', () => {
  let rig: AgentConsole;
  let tab: AgentTab;
  beforeAll(async () => {
    rig = await AgentConsole.start({ '/dialtoneAgent/language': 'es' });
    await rig.neotel.setDialer(false);
    tab = await rig.openTab({ audioProbe: false });
  });
  afterAll(async () => {
    await rig.close();
  });

  it('speaks the shell language in the frame document (<html lang>)', async () => {
    await tab.adapter.getByTestId('login-device').waitFor({ timeout: 15_000 });
    expect(await tab.adapter.evaluate(() => document.documentElement.lang)).toBe('es');
  });

  it('moves the focus into the panel when the utility item opens it', async () => {
    const item = tab.page.getByTestId('utility-item');
    await item.focus();
    await tab.page.keyboard.press('Enter'); // closes the panel
    await expect.poll(() => tab.page.locator('iframe.openctiSoftPhone').isVisible()).toBe(false);
    await tab.page.keyboard.press('Enter'); // opens it again
    await expectFocusOn(tab.adapter, 'login-device', 'the first login field has the focus');
  });

  it('takes a break and enters and leaves a campaign from the status menu by keyboard, the focus back on the status each time', async () => {
    await logIn(tab.adapter, rig.agent());
    await waitForStatus(tab.adapter, 'ready', 15_000);
    const keyboard = tab.adapter.page().keyboard;
    await tab.adapter.getByTestId('status-menu').focus();
    await keyboard.press('Enter');
    await expectFocusOn(tab.adapter, 'pause', 'Enter opens the menu on the first item that can be chosen (the first break)');
    await keyboard.press('Enter');
    await waitForStatus(tab.adapter, 'onBreak');
    await expectFocusOn(tab.adapter, 'status-menu', 'the focus is back on the status button after Take a break');
    await pressWithKeyboard(tab.adapter, 'unpause');
    await waitForStatus(tab.adapter, 'ready');
    await expectFocusOn(tab.adapter, 'dial-input', 'Back to work is gone: the number to call has the focus');
    await tab.adapter.getByTestId('status-menu').focus();
    await keyboard.press('ArrowUp');
    await expectFocusOn(tab.adapter, 'join-campaign', '↑ opens the menu on its last item (the campaign)');
    await keyboard.press('Enter');
    await waitForStatus(tab.adapter, 'inCampaign');
    await expectFocusOn(tab.adapter, 'status-menu', 'the focus is back on the status button after Enter campaign');
    await keyboard.press('Space');
    await keyboard.press('End');
    await expectFocusOn(tab.adapter, 'leave-campaign', 'End: Leave campaign, the last item');
    await keyboard.press('Enter');
    await waitForStatus(tab.adapter, 'ready');
    await expectFocusOn(tab.adapter, 'status-menu', 'the focus is back on the status button after Leave campaign');
    await keyboard.press('ArrowDown');
    await expectFocusOn(tab.adapter, 'pause', 'the menu is open again');
    await keyboard.press('Escape');
    await expectFocusOn(tab.adapter, 'status-menu', 'Escape closes the menu and gives the focus back');
    expect(await tab.adapter.getByTestId('status-menu').getAttribute('aria-expanded')).toBe('false');
  });

  it('ready / not ready with Alt+Shift+R', async () => {
    await tab.adapter.getByTestId('dial-input').focus();
    await tab.adapter.page().keyboard.press('Alt+Shift+KeyR');
    await waitForStatus(tab.adapter, 'onBreak');
    expect(await tab.adapter.getByTestId('status-menu').getAttribute('aria-expanded'), 'the break is taken without opening the menu').toBe('false');
    await expectFocusOn(tab.adapter, 'dial-input', 'the hotkey leaves the focus where the agent was');
    await tab.adapter.page().keyboard.press('Alt+Shift+KeyR');
    await waitForStatus(tab.adapter, 'ready');
  });

  it('answers, mutes and hangs up with hotkeys; the focus follows to Available again, and stays after Save disposition', async () => {
    await tab.adapter.getByTestId('dial-input').focus();
    const { callId } = await rig.neotel.placeInbound({ number: '1155550101', queue: CRM_QUEUE, data: `kbd-${Date.now()}` });
    await waitForStatus(tab.adapter, 'ringing', 15_000);
    await tab.adapter.page().keyboard.press('Alt+Shift+KeyA');
    await waitForStatus(tab.adapter, 'inCall');
    await expectFocusOn(tab.adapter, 'hang-up', 'Hang up has the focus once answered');
    await tab.adapter.page().keyboard.press('Alt+Shift+KeyM');
    await expect.poll(() => tab.adapter.getByTestId('mute').getAttribute('class')).toContain('on');
    await tab.adapter.page().keyboard.press('Alt+Shift+KeyO');
    await explained(tab, () => expect.poll(() => tab.adapter.getByTestId('hold').getAttribute('class'), { timeout: 20_000 }).toContain('on'));
    await tab.adapter.page().keyboard.press('Alt+Shift+KeyO');
    await explained(tab, () => expect.poll(() => tab.adapter.getByTestId('hold').getAttribute('class'), { timeout: 20_000 }).not.toContain('on'));
    await tab.adapter.page().keyboard.press('Alt+Shift+KeyH');
    await waitForStatus(tab.adapter, 'wrapUp');
    expect((await rig.neotel.call(callId)).endedAt, 'the call ended on the platform').toBeDefined();
    await expectFocusOn(tab.adapter, 'available', 'Available again has the focus in wrap-up');
    await tab.adapter.getByTestId('disposition-select').selectOption({ index: 1 });
    await pressWithKeyboard(tab.adapter, 'categorise');
    await tab.adapter.getByTestId('disposition-saved').waitFor({ timeout: 10_000 });
    await expect.poll(() => focusedTestId(tab.adapter), { message: 'the focus stays in the panel after Save disposition' }).not.toMatch(/body|not focused/);
    await tab.adapter.page().keyboard.press('Alt+Shift+KeyR');
    await waitForStatus(tab.adapter, 'ready');
    await expect.poll(() => focusedTestId(tab.adapter)).not.toMatch(/body|not focused/);
  });

  it('Escape closes the settings and gives the focus back to their summary', async () => {
    const settings = tab.adapter.getByTestId('settings');
    await settings.locator('summary').first().focus();
    await tab.adapter.page().keyboard.press('Enter');
    expect(await settings.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await tab.adapter.page().keyboard.press('Tab');
    await tab.adapter.page().keyboard.press('Escape');
    expect(await settings.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await tab.adapter.evaluate(() => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.tagName;
    })).toBe('SUMMARY');
  });
});
