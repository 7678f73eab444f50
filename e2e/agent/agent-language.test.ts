/**
 * Issue 15: the panel's language is the agent's choice in the settings (es, pt, en, or the same
 * as Salesforce: the call center's `language`, else the browser's). The choice applies at once —
 * texts and the frame's `<html lang>` — and is still there after a reload (IndexedDB prefs).
 * Real console (dev/lightning) framing the built adapter, dev/neotel behind it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { messagesFor } from '../../src/i18n/catalogues.ts';
import { AgentConsole } from './support/agent-console.ts';
import { logIn, waitForStatus } from './support/agent-steps.ts';

let rig: AgentConsole | undefined;

afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

/** Unfolds the settings (a click on an open <details> would fold them). */
async function openSettings(frame: Frame): Promise<void> {
  const settings = frame.getByTestId('settings');
  if (!(await settings.evaluate((details) => (details as HTMLDetailsElement).open))) await settings.locator('summary').first().click();
}

/** The settings' summary, the login button and the frame's language, as the agent's browser has them. */
async function shown(frame: Frame): Promise<{ settings: string; login: string; lang: string }> {
  return {
    settings: ((await frame.getByTestId('settings').locator('summary').first().textContent()) ?? '').trim(),
    login: ((await frame.getByTestId('login-submit').textContent()) ?? '').trim(),
    lang: await frame.evaluate(() => document.documentElement.lang),
  };
}

function expected(language: 'es' | 'pt' | 'en'): { settings: string; login: string; lang: string } {
  const m = messagesFor(language);
  return { settings: m.settingsTitle, login: m.loginSubmit, lang: language };
}

/** Reloads the console tab and opens the panel again; resolves with the new adapter frame. */
async function reload(page: Page): Promise<Frame> {
  await page.reload();
  await page.getByTestId('utility-item').click();
  const handle = await page.waitForSelector('iframe.openctiSoftPhone', { state: 'attached', timeout: 10_000 });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('The utility panel has no softphone frame after the reload');
  await frame.getByTestId('login-device').waitFor({ timeout: 15_000 });
  return frame;
}

describe('the language chosen in the settings', () => {
  it('switches the panel at once, survives a reload, and "Same as Salesforce" goes back to the call center\'s', async () => {
    rig = await AgentConsole.start({ '/dialtoneAgent/language': 'es' });
    const tab = await rig.openTab({ audioProbe: false });
    let frame = tab.adapter;
    await frame.getByTestId('login-device').waitFor({ timeout: 15_000 });
    await expect.poll(() => shown(frame)).toEqual(expected('es'));
    await openSettings(frame);
    const select = frame.getByTestId('language-select');
    expect(await select.locator('option').first().textContent()).toBe(messagesFor('es').languageFollowSalesforce('Español'));

    await select.selectOption('en');
    await expect.poll(() => shown(frame), { message: 'English at once, without a reload' }).toEqual(expected('en'));
    expect(await select.locator('option').first().textContent(), 'the choices are drawn in the new language too').toBe(messagesFor('en').languageFollowSalesforce('Español'));
    // The nested sections (health gate, notices, failures…) are a file per language
    // (src/i18n/texts-<language>.ts, issue 18): they switch with the rest.
    await expect.poll(() => frame.getByTestId('health-gate').locator('summary').allTextContents(), { message: 'the health gate in English' }).toEqual([messagesFor('en').health.title]);

    frame = await reload(tab.page);
    await expect.poll(() => shown(frame), { message: 'still English after a reload' }).toEqual(expected('en'));
    await openSettings(frame);
    expect(await frame.getByTestId('language-select').inputValue()).toBe('en');

    // Logged in, the choice holds: the status says "Ready" in English.
    await logIn(frame, rig.agent());
    expect((await waitForStatus(frame, 'ready', 15_000)).trim()).toContain(messagesFor('en').statusReady);
    await openSettings(frame);
    await frame.getByTestId('language-select').selectOption('pt');
    await expect.poll(() => frame.getByTestId('status').first().textContent()).toContain(messagesFor('pt').statusReady);
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('pt');
    // The panel was not redrawn from scratch while Portuguese was fetched: the settings are still open.
    expect(await frame.getByTestId('settings').evaluate((details) => (details as HTMLDetailsElement).open), 'the settings stay open across the switch').toBe(true);

    await frame.getByTestId('language-select').selectOption('');
    await expect.poll(() => frame.evaluate(() => document.documentElement.lang), { message: '"Same as Salesforce" is the call center\'s es again' }).toBe('es');
    await expect.poll(() => frame.getByTestId('status').first().textContent()).toContain(messagesFor('es').statusReady);
  });
});
