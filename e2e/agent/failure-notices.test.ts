/**
 * Issue 12: a NeoApi failure reaches the agent as an actionable sentence in their language, not as
 * the server's English exception. dev/neotel answers `Dial` with an HTTP 500 carrying a .NET
 * exception (and, once, resets the connection instead); in es, pt and en the notice's main line
 * says what failed and what to do, the exception is only behind the "technical details"
 * disclosure (keyboard-operable), and "refused" reads differently from "unreachable".
 * Screenshots: .tmp/failure-notice-<language>.png.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/i18n/catalogues.ts';
import type { Language } from '../../src/i18n/languages.ts';
import { AgentConsole, type AgentTab } from './support/agent-console.ts';
import { logIn, waitForStatus } from './support/agent-steps.ts';

const EXCEPTION = 'System.InvalidOperationException: Agent cannot dial now: position busy.';
/** English words of a .NET exception that must never lead the notice. */
const EXCEPTION_WORDS = /Exception|System\.|cannot dial now|position busy|InvalidOperation/;

let rig: AgentConsole | undefined;

afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

async function dialFailing(language: Language, mode: 'error500' | 'reset'): Promise<AgentTab> {
  rig = await AgentConsole.start({ '/dialtoneAgent/language': language });
  await rig.neotel.setDialer(false);
  const tab = await rig.openTab();
  await logIn(tab.adapter, rig.agent());
  await waitForStatus(tab.adapter, 'ready', 15_000);
  await rig.neotel.setNeoApiFault(mode === 'error500' ? { mode, methods: ['Dial'], text: EXCEPTION } : { mode, methods: ['Dial'] });
  await tab.adapter.getByTestId('dial-input').fill('1139990000');
  await tab.adapter.getByTestId('dial-button').click();
  await tab.adapter.locator('[data-testid="notice"][data-notice="dialFailed"]').waitFor({ timeout: 15_000 });
  return tab;
}

describe('a failed NeoApi command, in the agent\'s language', () => {
  it.each(['es', 'pt', 'en'] as const)('%s: says what failed and what to do; the exception only behind the disclosure', async (language) => {
    const tab = await dialFailing(language, 'error500');
    const m = messagesFor(language);
    const notice = tab.adapter.locator('[data-testid="notice"][data-notice="dialFailed"]');
    const main = (await notice.getByTestId('notice-text').textContent())?.trim() ?? '';
    expect(main).toBe(`${m.failures.op.dial} ${m.failures.cause.REFUSED}`);
    expect(main, 'no English exception text on the main line').not.toMatch(EXCEPTION_WORDS);
    const details = notice.getByTestId('notice-details');
    expect(await details.evaluate((element) => (element as HTMLDetailsElement).open), 'the detail starts closed').toBe(false);
    // Keyboard: focus the summary and open it with Enter.
    await details.locator('summary').focus();
    await tab.adapter.page().keyboard.press('Enter');
    expect(await details.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(true);
    expect(await details.locator('summary').textContent()).toBe(m.failures.details);
    expect(await details.textContent()).toContain('cannot dial now');
    await waitForStatus(tab.adapter, 'ready');
    await tab.page.screenshot({ path: `.tmp/failure-notice-${language}.png` });
  });

  it('says "did not answer" when the connection drops, not "refused"', async () => {
    const tab = await dialFailing('en', 'reset');
    const m = messagesFor('en');
    const main = (await tab.adapter.locator('[data-testid="notice"][data-notice="dialFailed"]').getByTestId('notice-text').textContent())?.trim();
    expect(main).toBe(`${m.failures.op.dial} ${m.failures.cause.UNREACHABLE}`);
    expect(m.failures.cause.UNREACHABLE).not.toBe(m.failures.cause.REFUSED);
  });
});
