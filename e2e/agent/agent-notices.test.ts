/**
 * Issue 15, "Notices an agent can act on": what the agent meets when the login fails or the
 * contact center stops answering, in es, pt and en, on the real stand-ins (dev/lightning,
 * dev/neotel) in Chromium. Each case asserts what a person would check: the sentence in their
 * language saying what to do, that it is inside the visible panel (not above the scrolled
 * form), that it has the focus, that no raw code or English adapter text is the main line, and
 * that the technical text is still there behind "Technical details".
 * Screenshots: .tmp/notice-<case>-<language>.png.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Frame, Locator } from 'playwright-core';
import { messagesFor } from '../../src/i18n/catalogues.ts';
import type { Language } from '../../src/i18n/languages.ts';
import { AgentConsole } from './support/agent-console.ts';
import { focusedId, inViewport } from './support/panel-view.ts';
import { logIn, waitForStatus } from './support/agent-steps.ts';

/** What must never lead a notice: SIP/adapter codes and English adapter sentences. */
const RAW = /auth-failed|device-not-found|locks-refused|REGISTER|sip:|WebSocket|expected|\(code/;

let rig: AgentConsole | undefined;

afterEach(async () => {
  await rig?.close();
  rig = undefined;
});



async function expectActionable(frame: Frame, notice: Locator, expected: string): Promise<void> {
  const main = (await notice.getByTestId('notice-text').textContent())?.trim() ?? '';
  expect(main).toBe(expected);
  expect(main, 'no raw code or adapter text on the main line').not.toMatch(RAW);
  expect(await inViewport(notice), 'the notice is inside the visible panel').toBe(true);
  const bodyId = await notice.locator('.body').getAttribute('id');
  await expect.poll(() => focusedId(frame), { timeout: 5_000, message: 'the blocking notice has the focus' }).toBe(bodyId);
}

describe('notices an agent can act on', () => {
  it.each(['es', 'pt', 'en'] as const)('%s: a wrong device password says to check what THEY typed, in view and focused', async (language: Language) => {
    rig = await AgentConsole.start({ '/dialtoneAgent/language': language });
    const tab = await rig.openTab();
    await logIn(tab.adapter, { ...rig.agent(), devicePassword: 'not-the-password' });
    const notice = tab.adapter.locator('[data-testid="notice"][data-notice="loginFailed"]');
    await notice.waitFor({ timeout: 15_000 });
    const m = messagesFor(language);
    await expectActionable(tab.adapter, notice, m.noticeCauses.sipPassword);
    expect(m.noticeCauses.sipPassword, 'the agent is not sent to the call-center settings').not.toMatch(/settings|configuración|configuração/i);
    // The adapter's own text (status, address) is still there for an administrator.
    const details = notice.getByTestId('notice-details');
    expect(await details.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
    expect(await details.locator('summary').textContent()).toBe(m.failures.details);
    expect(await details.textContent()).toContain('auth-failed');
    await tab.page.screenshot({ path: `.tmp/notice-login-${language}.png` });
  });

  it.each(['es', 'pt', 'en'] as const)('%s: the contact center stopping is one blocking notice that turns into "responding again" and then goes', async (language: Language) => {
    rig = await AgentConsole.start({ '/dialtoneAgent/language': language });
    await rig.neotel.setDialer(false);
    const tab = await rig.openTab();
    await logIn(tab.adapter, rig.agent());
    await waitForStatus(tab.adapter, 'ready', 15_000);
    await rig.neotel.setNeoApiFault({ mode: 'reset' });
    const m = messagesFor(language);
    const degraded = tab.adapter.locator('[data-testid="notice"][data-notice="neoApiDegraded"]');
    await degraded.waitFor({ timeout: 15_000 });
    await expectActionable(tab.adapter, degraded, m.notices.neoApiDegraded);
    await tab.page.screenshot({ path: `.tmp/notice-platform-${language}.png` });
    const id = await degraded.locator('.body').getAttribute('id');
    await rig.neotel.clearNeoApiFault();
    const recovered = tab.adapter.locator('[data-testid="notice"][data-notice="neoApiRecovered"]');
    await recovered.waitFor({ timeout: 15_000 });
    expect(await recovered.locator('.body').getAttribute('id'), 'the same notice, updated in place').toBe(id);
    expect(await tab.adapter.locator('[data-testid="notice"][data-notice="neoApiDegraded"]').count(), 'not stacked').toBe(0);
    expect((await recovered.getByTestId('notice-text').textContent())?.trim()).toBe(m.notices.neoApiRecovered);
    // Info goes by itself (INFO_NOTICE_MS = 6 s), nobody has to dismiss it.
    await recovered.waitFor({ state: 'detached', timeout: 20_000 });
  });

  it('a browser that blocks third-party storage: the translated sentence leads, the reason code is only a detail', async () => {
    rig = await AgentConsole.start({ '/dialtoneAgent/language': 'pt' }, { thirdPartyStorage: false });
    const tab = await rig.openTab();
    const notice = tab.adapter.locator('[data-testid="notice"][data-notice="tabsNotShared"]');
    await notice.waitFor({ timeout: 15_000 });
    const main = (await notice.getByTestId('notice-text').textContent())?.trim() ?? '';
    expect(main).toBe(messagesFor('pt').notices.tabsNotShared);
    expect(main).not.toMatch(RAW);
    expect(await notice.getByTestId('notice-details').textContent()).toMatch(/locks-refused|no-web-locks|no-broadcast-channel/);
  });
});
