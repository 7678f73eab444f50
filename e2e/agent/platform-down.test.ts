/**
 * Issue 15 item 5, "Platform down, honestly": NeoApi stops answering (TCP resets, the PBX keeps
 * the call up) in the middle of a call, then comes back. What the agent sees, in their language:
 * no running "In call" but "Connection lost" without a timer; one blocking notice, in view and
 * focused, saying the call may still be up and what to do; hang-up still offered; then the same
 * notice turning into "responding again", the pill and timer back, no stale badge; in wrap-up
 * while it is down, "Available again" disabled with "does not answer … keeps trying", never
 * "refused". Screenshots: .tmp/platform-down-<lang>.png.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/i18n/catalogues.ts';
import type { Language } from '../../src/i18n/languages.ts';
import { AgentConsole } from './support/agent-console.ts';
import { focusedId, inViewport } from './support/panel-view.ts';
import { logIn, waitForStatus } from './support/agent-steps.ts';

let rig: AgentConsole | undefined;

afterEach(async () => {
  await rig?.close();
  rig = undefined;
});



describe('platform down during a call', () => {
  it.each(['es', 'pt', 'en'] as const)('%s: lost, shown as lost, then back without a second login', async (language: Language) => {
    rig = await AgentConsole.start({ '/dialtoneAgent/language': language });
    await rig.neotel.setDialer(false);
    const tab = await rig.openTab();
    const frame = tab.adapter;
    const m = messagesFor(language);
    await logIn(frame, rig.agent());
    await waitForStatus(frame, 'ready', 15_000);
    const { callId } = await rig.neotel.placeInbound({ number: '1166667777', queue: rig.scenario.queues[0]!.id, toneHz: 600 });
    await waitForStatus(frame, 'ringing', 15_000);
    await frame.getByTestId('answer').click();
    await waitForStatus(frame, 'inCall', 15_000);

    await rig.neotel.setNeoApiFault({ mode: 'reset' });
    const pill = await waitForStatus(frame, 'platformLost', 20_000);
    expect(pill.trim()).toBe(m.health.statusPlatformLost);
    expect(await frame.getByTestId('status-timer').count(), 'no running timer while nobody knows').toBe(0);
    const notice = frame.locator('[data-testid="notice"][data-notice="neoApiDegraded"]');
    await notice.waitFor({ timeout: 15_000 });
    expect((await notice.getByTestId('notice-text').textContent())?.trim()).toBe(m.noticeCauses.platformLostInCall);
    expect(await inViewport(notice), 'the notice is inside the visible panel').toBe(true);
    const bodyId = await notice.locator('.body').getAttribute('id');
    await expect.poll(() => focusedId(frame), { timeout: 5_000, message: 'the blocking notice has the focus' }).toBe(bodyId);
    expect(await frame.getByTestId('hang-up').isEnabled(), 'the agent can still hang up').toBe(true);
    await tab.page.screenshot({ path: `.tmp/platform-down-${language}.png` });

    await rig.neotel.clearNeoApiFault();
    const recovered = frame.locator('[data-testid="notice"][data-notice="neoApiRecovered"]');
    await recovered.waitFor({ timeout: 20_000 });
    expect(await recovered.locator('.body').getAttribute('id'), 'the same notice, updated in place').toBe(bodyId);
    await waitForStatus(frame, 'inCall', 15_000);
    expect(await frame.getByTestId('status-timer').count()).toBe(1);
    expect(await frame.getByTestId('neoapi-degraded').count(), 'no stale "not responding" badge').toBe(0);

    // Wrap-up while it is down again: "Available again" says unreachable, not refused.
    await rig.neotel.hangup(callId);
    await waitForStatus(frame, 'wrapUp', 15_000);
    await rig.neotel.setNeoApiFault({ mode: 'reset' });
    await frame.getByTestId('neoapi-degraded').waitFor({ timeout: 20_000 });
    const available = frame.getByTestId('available');
    await expect.poll(() => available.isDisabled(), { timeout: 10_000 }).toBe(true);
    const hint = (await frame.getByTestId('gate-hint').textContent())?.trim() ?? '';
    expect(hint).toBe(m.health.blockedHint(m.health.reason.platformUnreachable));
    expect(hint).not.toMatch(/refus|rechaz|recus/i);
    await rig.neotel.clearNeoApiFault();
    await expect.poll(() => available.isEnabled(), { timeout: 20_000 }).toBe(true);
    await available.click();
    await waitForStatus(frame, 'ready', 15_000);
    expect(await frame.getByTestId('login-submit').count(), 'still logged in: no second login').toBe(0);
    expect(tab.errors).toEqual([]);
  });
});
