import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { shownSeconds, snapshot, useUi, type UiPage } from './support/ui-page.ts';
import { NO_PREFS, shell, states } from './support/views.ts';

const page = useUi({ beforeAll, beforeEach, afterEach, afterAll });
let ui: UiPage;
beforeEach(() => {
  ui = page();
});

describe('the agent header', () => {
  it('says in words when the phone reconnects, NeoApi is degraded and another tab is in control', async () => {
    const agent = { ...states.ready({ campaign: { kind: 'in', id: 12, since: Date.now() - 3_000 } }), phone: 'reconnecting' as const, neoApi: 'degraded' as const };
    await ui.show(shell(agent, { tab: 'follower' }));
    expect(await ui.page.getByTestId('status').textContent()).toContain('In campaign Winback <b>Q4</b>');
    // In campaign for 3 s: the status timer counts whole minutes.
    expect(await ui.page.getByTestId('status-timer').locator('time').textContent()).toBe('<1 min');
    expect(await ui.page.getByTestId('phone-status').textContent()).toContain('Phone reconnecting');
    expect(await ui.page.getByTestId('neoapi-degraded').textContent()).toContain('Contact center not responding');
    expect(await ui.page.getByTestId('tab-follower').textContent()).toContain('Controlled from another tab');
    await snapshot(ui, 'degraded');
  });

  it('shows the status of each call phase', async () => {
    const seen: string[] = [];
    for (const agent of [states.ringing(), states.connected(), states.connected({ held: true }), states.wrapUp()]) {
      await ui.show(shell(agent));
      seen.push((await ui.page.getByTestId('status').textContent())?.trim() ?? '');
    }
    expect(seen).toEqual(['Ringing', 'In call', 'On hold', 'Wrap-up']);
  });

  it('runs a status timer the header drew before the timer\'s code arrived (it comes with the agent\'s parts, after REGISTER 200)', async () => {
    await ui.show(shell(states.ready()));
    // The same class under a tag not defined yet: the element is drawn and given its time first,
    // then upgraded, as <dialtone-elapsed> is when the agent-parts chunk arrives after the header.
    const drawn = await ui.page.evaluate(async () => {
      const element = document.createElement('dialtone-elapsed-late') as HTMLElement & { since: number | null; label: string };
      element.since = Date.now() - 7_000;
      element.label = 'Time in this status';
      document.body.append(element);
      const Elapsed = customElements.get('dialtone-elapsed');
      if (!Elapsed) throw new Error('<dialtone-elapsed> is not defined in the harness');
      customElements.define('dialtone-elapsed-late', class extends Elapsed {});
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return { time: element.querySelector('time')?.textContent ?? null, spoken: element.querySelector('.visually-hidden')?.textContent ?? null };
    });
    expect(shownSeconds(drawn.time)).toBeGreaterThanOrEqual(7);
    expect(drawn.spoken).toBe('Time in this status: ');
  });
});

describe('the status menu and the campaign picker', () => {
  it('enters the chosen campaign from the status menu, leaves it, and refuses both while either is pending', async () => {
    await ui.show(shell(states.ready()));
    const menu = ui.page.locator('#status-menu-list');
    expect(await menu.isVisible(), 'the menu starts closed').toBe(false);
    await ui.page.getByTestId('status-menu').click();
    expect(await ui.page.getByTestId('status-menu').getAttribute('aria-expanded')).toBe('true');
    const winback = ui.page.locator('[data-testid="join-campaign"][data-campaign="12"]');
    expect(await winback.textContent()).toContain('Winback <b>Q4</b>');
    await winback.click();
    expect(await ui.intents()).toEqual([{ kind: 'enterCampaign', campaign: 12 }]);
    expect(await menu.isVisible(), 'a choice closes the menu').toBe(false);
    expect(await ui.page.getByTestId('status-menu').evaluate((el) => el.matches(':focus')), 'and gives the focus back to the status').toBe(true);
    await ui.show(shell(states.ready({ campaign: { kind: 'joining', id: 12, previous: null } })));
    await ui.page.getByTestId('status-menu').click();
    expect(await ui.page.locator('[data-testid="join-campaign"][data-campaign="10"]').getAttribute('aria-disabled')).toBe('true');
    await ui.page.locator('[data-testid="join-campaign"][data-campaign="10"]').click({ force: true });
    expect(await ui.intents(), 'a pending join: another campaign does nothing').toEqual([]);
    await ui.page.keyboard.press('Escape');
    await ui.show(shell(states.ready({ campaign: { kind: 'in', id: 12, since: Date.now() } })));
    await ui.page.getByTestId('status-menu').click();
    expect(await ui.page.locator('[data-testid="join-campaign"][data-campaign="12"]').getAttribute('aria-checked')).toBe('true');
    await ui.page.getByTestId('leave-campaign').click();
    expect(await ui.intents()).toEqual([{ kind: 'leaveCampaign' }]);
    expect(await ui.page.getByTestId('campaign-input').count(), 'listed campaigns need no number field').toBe(0);
  });

  it('takes a typed campaign number when the call center lists none, and names a wrong one', async () => {
    const view = shell(states.ready());
    if (view.phase !== 'ready') throw new Error('shell() must build a ready shell');
    await ui.show({ ...view, view: { ...view.view, options: { ...view.view.options, campaigns: [] } } });
    const input = ui.page.getByTestId('campaign-input');
    await input.fill('7a');
    await input.press('Enter');
    expect(await ui.page.getByText('The campaign must be a number; received "7a".').count()).toBe(1);
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await input.fill('77');
    await input.press('Enter');
    expect(await ui.intents()).toEqual([{ kind: 'enterCampaign', campaign: 77 }]);
  });
});

describe('the settings panel', () => {
  it('sends panel size, auto-minimise, audio devices, microphone permission and forget-me intents', async () => {
    const devices = { microphones: [{ id: 'mic-2', label: 'USB headset' }], speakers: [{ id: 'spk-2', label: 'USB headset' }], canSelectOutput: true, microphonePermission: 'denied' as const };
    await ui.show(shell(states.ready(), { devices, prefs: { ...NO_PREFS, devicePasswordRemembered: true, panelWidth: 360 } }));
    await ui.page.getByTestId('settings').locator('summary').click();
    expect(await ui.page.getByTestId('panel-width').inputValue()).toBe('360');
    await ui.page.getByTestId('panel-height').fill('560');
    await ui.page.getByTestId('apply-size').click();
    await ui.page.getByTestId('auto-minimise').check();
    await ui.page.getByTestId('microphone-select').selectOption('mic-2');
    await ui.page.getByTestId('ringer-select').selectOption('spk-2');
    await ui.page.getByTestId('speaker-select').selectOption('');
    expect(await ui.page.getByTestId('microphone-permission').textContent()).toContain('The browser blocks the microphone');
    await ui.page.getByTestId('allow-microphone').click();
    expect(await ui.page.getByTestId('forget-me').getAttribute('aria-describedby')).toBe('forget-me-help');
    expect(await ui.page.locator('#forget-me-help').textContent()).toContain('saved device password');
    await ui.page.getByTestId('forget-me').click();
    expect(await ui.intents()).toEqual([
      { kind: 'setPanelSize', width: 360, height: 560 },
      { kind: 'setAutoMinimise', on: true },
      { kind: 'setAudioDevice', role: 'microphone', deviceId: 'mic-2' },
      { kind: 'setAudioDevice', role: 'ringer', deviceId: 'spk-2' },
      { kind: 'setAudioDevice', role: 'speaker', deviceId: null },
      { kind: 'requestMicrophone' },
      { kind: 'forgetMe' },
    ]);
    await ui.page.getByTestId('settings').evaluate((el) => el.scrollIntoView());
    await snapshot(ui, 'settings');
  });
});
