import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NOTICES } from '../../src/call/index.ts';
import { shownSeconds, snapshot, useUi, type UiPage } from './support/ui-page.ts';
import type { CallRecordView } from '../../src/view/agent-view.ts';
import { HOSTILE_QUEUE, NO_PREFS, shell, states } from './support/views.ts';

/** The record the screen pop linked to the call, named `name`. */
function recordNamed(name: string): CallRecordView {
  return {
    status: 'linked',
    linked: { id: '003Dt000HccIdlkIIC', objectType: 'Contact', name, reason: { kind: 'search', field: 'Phone', value: '+34600112233', rule: null } },
    candidates: [],
    canSync: false,
  };
}

const hooks = { beforeAll, beforeEach, afterEach, afterAll };
const page = useUi(hooks);
let ui: UiPage;
beforeEach(() => {
  ui = page();
});

/** Saves what the agent sees at utility-panel width, for a human to look at. */
function shot(name: string): Promise<void> {
  return snapshot(ui, name);
}

describe('the agent UI inside the softphone shell', () => {
  it('refuses an incomplete login, naming each missing field next to it, and focuses the first', async () => {
    await ui.show(shell(states.loggedOut()));
    await ui.page.getByTestId('login-submit').click();
    const device = ui.page.getByTestId('login-device');
    await expect.poll(() => device.getAttribute('aria-invalid')).toBe('true');
    expect(await device.evaluate((el) => el.matches(':focus'))).toBe(true);
    const describedBy = (await device.getAttribute('aria-describedby')) ?? '';
    expect(describedBy).toContain('device-error');
    expect(await ui.page.getByText('Device is required.').count()).toBe(1);
    expect(await ui.page.getByTestId('login-password').getAttribute('aria-invalid')).toBe('true');
    expect(await ui.intents()).toEqual([]);
    await shot('login-errors');
  });

  it('logs in with every field typed by keyboard only, in tab order', async () => {
    await ui.show(shell(states.loggedOut()));
    await ui.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const keys = ui.page.keyboard;
    await keys.press('Tab');
    await keys.type('1001');
    expect(await ui.page.getByText('Logs in as SIP/1001').count()).toBe(1);
    await keys.press('Tab');
    await keys.type('sip-secret');
    await keys.press('Tab');
    await keys.type('agent7');
    await keys.press('Tab');
    await keys.type('neo-secret');
    await keys.press('Tab');
    await keys.press('ArrowDown');
    await keys.press('ArrowDown');
    await keys.press('Tab');
    await keys.press('Space');
    await keys.press('Tab');
    await keys.press('Space');
    await keys.press('Tab');
    await keys.press('Enter');
    expect(await ui.intents()).toEqual([
      { kind: 'login', user: 'agent7', device: '1001', password: 'neo-secret', devicePassword: 'sip-secret', campaign: 12, remember: true, rememberDevicePassword: true },
    ]);
  });

  it('pre-fills from the saved preferences and lets the remembered device password stay empty', async () => {
    const prefs = { ...NO_PREFS, user: 'agent9', device: '2002', devicePasswordRemembered: true };
    await ui.show(shell(states.loggedOut(), { prefs }));
    expect(await ui.page.getByTestId('login-user').inputValue()).toBe('agent9');
    expect(await ui.page.getByText('leave it empty to use the saved one', { exact: false }).count()).toBe(1);
    await ui.page.getByTestId('login-password').fill('pw');
    await ui.page.getByTestId('login-submit').click();
    expect(await ui.intents()).toEqual([
      { kind: 'login', user: 'agent9', device: '2002', password: 'pw', devicePassword: '', campaign: null, remember: true, rememberDevicePassword: true },
    ]);
    await shot('logged-out');
  });

  it('offers to remember the device password only when the admin allows it, explains the risk, and never offers the Neotel password', async () => {
    const shown = shell(states.loggedOut());
    if (shown.phase !== 'ready') throw new Error('shell() draws the ready phase');
    const forbidden = shell(states.loggedOut(), { options: { ...shown.view.options, allowRememberDevicePassword: false } });
    await ui.show(forbidden);
    expect(await ui.page.getByTestId('login-remember').count()).toBe(1);
    expect(await ui.page.getByTestId('login-rememberDevicePassword').count()).toBe(0);
    await ui.page.getByTestId('login-device').fill('1001');
    await ui.page.getByTestId('login-devicePassword').fill('sip-secret');
    await ui.page.getByTestId('login-user').fill('agent7');
    await ui.page.getByTestId('login-password').fill('neo-secret');
    await ui.page.getByTestId('login-submit').click();
    expect(await ui.intents()).toEqual([
      { kind: 'login', user: 'agent7', device: '1001', password: 'neo-secret', devicePassword: 'sip-secret', campaign: null, remember: false, rememberDevicePassword: false },
    ]);
    await ui.show(shown);
    const box = ui.page.getByTestId('login-rememberDevicePassword');
    expect(await ui.page.getByLabel('Remember the device password in this browser').count()).toBe(1);
    expect(await box.getAttribute('aria-describedby')).toBe('rememberDevicePassword-help');
    expect(await ui.page.locator('#rememberDevicePassword-help').textContent()).toContain('Your Neotel password is never saved');
    expect(await ui.page.getByText('Log in automatically').count()).toBe(0);
  });

  it('is busy while logging in and says which step it is on', async () => {
    await ui.show(shell(states.loggingIn()));
    expect(await ui.page.getByTestId('login-step').textContent()).toContain('Registering the phone');
    expect(await ui.page.getByTestId('login-submit').isDisabled()).toBe(true);
    expect(await ui.page.getByTestId('status').textContent()).toContain('Logging in');
    await shot('logging-in');
  });

  it('shows the ready status with a running timer and the phone state in words, and pauses with the break chosen in the status menu', async () => {
    await ui.show(shell(states.ready()));
    expect(await ui.page.getByTestId('status').textContent()).toContain('Ready');
    // Ready for 65 s (views.ts): whole minutes.
    expect(await ui.page.getByTestId('status-timer').locator('time').textContent()).toBe('1 min');
    expect(await ui.page.getByTestId('phone-status').textContent()).toContain('Phone ready');
    const button = ui.page.getByTestId('status-menu');
    expect(await button.getAttribute('aria-haspopup')).toBe('menu');
    await button.click();
    await ui.page.locator('[data-testid="pause"][data-break="4"]').click();
    expect(await ui.intents()).toEqual([{ kind: 'pause', subtype: 4 }]);
    // Keyboard only: ↓ opens the menu on the first item that can be chosen (Ready is current), Enter takes it.
    const focused = () => ui.page.evaluate(() => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return `${active?.getAttribute('data-testid') ?? active?.tagName ?? ''}${active?.getAttribute('data-break') ?? ''}`;
    });
    await button.focus();
    await ui.page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('pause1');
    await ui.page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('pause4');
    await ui.page.keyboard.press('Home');
    expect(await focused(), 'Home: the first item, even one that cannot be chosen').toBe('status-ready');
    await ui.page.keyboard.press('ArrowUp');
    expect(await focused(), '↑ wraps to the last item').toBe('join-campaign');
    await ui.page.keyboard.press('Escape');
    expect(await focused(), 'Escape gives the focus back to the status').toBe('status-menu');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await ui.page.keyboard.press('Enter');
    expect(await focused()).toBe('pause1');
    await ui.page.keyboard.press('Enter');
    expect(await ui.intents()).toEqual([{ kind: 'pause', subtype: 1 }]);
    expect(await focused(), 'after a choice the focus is back on the status').toBe('status-menu');
    await shot('ready');
  });

  it('dials the number raw as typed with Enter or the Call button, and shows and clears a refusal', async () => {
    await ui.show(shell(states.ready()));
    const input = ui.page.getByTestId('dial-input');
    await input.fill('+34 600 11 22 33');
    await input.press('Enter');
    await ui.page.getByTestId('dial-button').click();
    expect(await ui.intents()).toEqual([
      { kind: 'dial', number: '+34 600 11 22 33' },
      { kind: 'dial', number: '+34 600 11 22 33' },
    ]);
    await ui.show(shell(states.ready(), { dialError: { number: '12', reason: 'tooShort' } }));
    expect(await ui.page.getByTestId('dial-error').textContent()).toContain('"12" is too short');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await input.press('4');
    expect(await ui.intents()).toEqual([{ kind: 'clearDialError' }]);
  });

  it('keeps the idle keypad folded until asked for; its keys type into the number; Escape folds it back', async () => {
    await ui.show(shell(states.ready()));
    const toggle = ui.page.getByTestId('keypad-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await ui.page.locator('dialtone-dial-pad [data-key]').count(), 'no keys until asked for').toBe(0);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await ui.page.locator('dialtone-dial-pad [data-key]').count()).toBe(12);
    await ui.page.locator('dialtone-dial-pad [data-key="5"]').click();
    await ui.page.locator('dialtone-dial-pad [data-key="0"]').click();
    expect(await ui.page.getByTestId('dial-input').inputValue()).toBe('50');
    await ui.page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.evaluate((el) => el.matches(':focus')), 'Escape gives the focus back to the toggle').toBe(true);
    expect(await ui.page.getByTestId('dial-input').inputValue(), 'folding keeps the number').toBe('50');
  });

  it('shows the break with its timer and goes back to work; pending states disable the control', async () => {
    await ui.show(shell(states.ready({ availability: { kind: 'onBreak', subtype: 4, since: Date.now() - 5_000 } })));
    expect(await ui.page.getByTestId('status').textContent()).toContain('On break: Lunch');
    await ui.page.getByTestId('unpause').click();
    expect(await ui.intents()).toEqual([{ kind: 'unpause' }]);
    await ui.show(shell(states.ready({ availability: { kind: 'unpausing', subtype: 4, since: Date.now() - 5_000 } })));
    expect(await ui.page.getByTestId('unpause').isDisabled()).toBe(true);
  });

  it('announces a ringing call, shows a hostile queue name as text, and answers with Enter', async () => {
    await ui.show(shell(states.ringing()));
    const announcement = ui.page.getByTestId('incoming-announcement');
    expect(await announcement.getAttribute('role')).toBe('alert');
    expect(await announcement.textContent()).toContain('+34600112233');
    expect(await ui.page.getByTestId('incoming-queue').textContent()).toBe(HOSTILE_QUEUE);
    expect(await ui.page.getByTestId('incoming-campaign').textContent()).toBe('Winback <b>Q4</b>');
    expect(await ui.page.getByTestId('auto-answer').count()).toBe(1);
    expect(await ui.page.evaluate(() => document.querySelectorAll('img').length + (document.querySelector('dialtone-softphone')?.shadowRoot?.querySelectorAll('img').length ?? 0))).toBe(0);
    expect(await ui.page.getByTestId('answer').evaluate((el) => el.matches(':focus'))).toBe(true);
    await shot('ringing');
    await ui.page.keyboard.press('Enter');
    await ui.page.getByTestId('decline').click();
    expect(await ui.intents()).toEqual([{ kind: 'answer' }, { kind: 'reject' }]);
    expect(await ui.page.evaluate(() => window.harness.alerts)).toEqual([]);
  });

  it('takes a keyboard user through a call: Enter answers, then hangs up, then makes them available', async () => {
    await ui.show(shell(states.ringing()));
    const focused = (testId: string) => ui.page.getByTestId(testId).evaluate((el) => el.matches(':focus'));
    await ui.page.keyboard.press('Enter');
    await ui.show(shell(states.connected()));
    expect(await focused('hang-up')).toBe(true);
    await ui.page.keyboard.press('Enter');
    await ui.show(shell(states.wrapUp()));
    expect(await focused('available')).toBe(true);
    await ui.page.keyboard.press('Enter');
    await ui.show(shell(states.ready()));
    expect(await focused('dial-input')).toBe(true);
    expect(await ui.intents()).toEqual([{ kind: 'answer' }, { kind: 'hangUp' }, { kind: 'available' }]);
  });

  it('draws a platform leg the phone answers by itself as the call card, not a ringing card, and gives Hang up the focus once answered', async () => {
    const ringing = states.ringing();
    if (ringing.phase !== 'ringing') throw new Error('states.ringing() is not ringing');
    await ui.show(shell({ ...ringing, answering: true }));
    expect(await ui.page.getByTestId('incoming-call').count()).toBe(0);
    expect(await ui.page.getByTestId('call-controls').getAttribute('data-connecting')).toBe('true');
    expect(await ui.page.getByTestId('call-party').textContent()).toContain('+34600112233');
    expect(await ui.page.getByTestId('hang-up').isDisabled()).toBe(true);
    // The same card stays when the answer is through (no flash), and Hang up comes next.
    await ui.show(shell(states.connected()));
    expect(await ui.page.getByTestId('call-controls').getAttribute('data-connecting')).toBeNull();
    expect(await ui.page.getByTestId('hang-up').evaluate((el) => el.matches(':focus'))).toBe(true);
  });

  it('names the caller when the record is known, with the number under it, and shows the number alone without a record', async () => {
    const party = ui.page.getByTestId('call-party');
    await ui.show(shell(states.connected(), { record: recordNamed('María José González') }));
    expect(await party.textContent()).toBe('In call with María José González');
    expect(await ui.page.getByTestId('call-party-number').textContent()).toBe('+34600112233');
    await ui.show(shell(states.ringing(), { record: recordNamed('María José González') }, 'es'));
    expect(await ui.page.getByTestId('incoming-name').textContent()).toBe('María José González');
    expect(await ui.page.getByTestId('incoming-number').textContent()).toBe('+34600112233');
    await ui.show(shell(states.connected(), { record: null }));
    expect((await party.textContent())?.trim()).toBe('In call with +34600112233');
    expect(await ui.page.getByTestId('call-party-number').count()).toBe(0);
    expect(await ui.page.getByTestId('incoming-name').count()).toBe(0);
  });

  it('wraps a long caller name at panel width (nothing cut), keeping the full name for mouse and screen reader', async () => {
    const long = 'María José González de la Santísima Trinidad Fernández-Villaverde y Sotomayor';
    await ui.show(shell(states.connected(), { record: recordNamed(long) }, 'pt'));
    const party = ui.page.getByTestId('call-party');
    const full = `Em chamada com ${long}`;
    expect(await party.textContent()).toBe(full);
    expect(await party.getAttribute('title')).toBe(full);
    const box = await party.evaluate((el) => ({ clipped: el.scrollWidth > el.clientWidth, overflow: getComputedStyle(el).textOverflow }));
    expect(box.clipped, 'the call card wraps the name: nothing cut').toBe(false);
    const card = await ui.page.getByTestId('call-controls').evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(card, 'the call card does not scroll sideways').toBe(true);
    await ui.show(shell(states.ringing(), { record: recordNamed(long) }));
    const name = ui.page.getByTestId('incoming-name');
    expect(await name.getAttribute('title')).toBe(long);
    expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth), 'the incoming card wraps the name: nothing cut').toBe(true);
    expect(await ui.page.getByTestId('incoming-call').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await shot('call-long-name');
  });

  it('controls a connected call: hold, mute, DTMF one tone per key (click or typed), hang up', async () => {
    await ui.show(shell(states.connected()));
    // Counted from the answer (90 s ago), not from the start of the call (95 s ago).
    expect(shownSeconds(await ui.page.getByTestId('call-timer').textContent())).toBeGreaterThanOrEqual(90);
    expect(shownSeconds(await ui.page.getByTestId('call-timer').textContent())).toBeLessThan(95);
    await ui.page.getByTestId('hold').click();
    await ui.page.getByTestId('mute').click();
    await ui.page.getByTestId('keypad-toggle').click();
    await ui.page.locator('[data-key="1"]').click();
    await ui.page.locator('[data-key="#"]').click();
    await ui.page.keyboard.type('9*');
    expect(await ui.page.getByTestId('dtmf-sent').textContent()).toBe('1#9*');
    await shot('connected');
    await ui.page.keyboard.press('Escape');
    expect(await ui.page.getByTestId('keypad-toggle').getAttribute('aria-expanded')).toBe('false');
    expect(await ui.page.getByTestId('keypad-toggle').evaluate((el) => el.matches(':focus'))).toBe(true);
    await ui.page.getByTestId('hang-up').click();
    expect(await ui.intents()).toEqual([
      { kind: 'hold' },
      { kind: 'mute' },
      { kind: 'sendDtmf', digit: '1' },
      { kind: 'sendDtmf', digit: '#' },
      { kind: 'sendDtmf', digit: '9' },
      { kind: 'sendDtmf', digit: '*' },
      { kind: 'hangUp' },
    ]);
    await ui.show(shell(states.connected({ held: true, muted: true, hangUpRequested: true })));
    expect(await ui.page.getByTestId('hold').textContent()).toContain('Resume');
    expect(await ui.page.getByTestId('hang-up').isDisabled()).toBe(true);
  });

  it('wraps up: disposition by category, release, countdown, and Available again', async () => {
    await ui.show(shell(states.wrapUp(), { info: { lastCallId: '4711', contactId: '5512', baseId: '77', crmId: '9', searchKey: '0035g00000AbCdE' } }));
    expect(shownSeconds(await ui.page.getByTestId('release-countdown').textContent())).toBeLessThanOrEqual(45);
    expect(shownSeconds(await ui.page.getByTestId('release-countdown').textContent())).toBeGreaterThan(30);
    expect(await ui.page.getByTestId('info-call-id').textContent()).toBe('4711');
    await ui.page.getByTestId('disposition-select').selectOption('201');
    await ui.page.getByTestId('categorise').click();
    await ui.page.getByTestId('release-contact').click();
    await ui.page.getByTestId('available').click();
    expect(await ui.intents()).toEqual([{ kind: 'categorise', subcategory: 201 }, { kind: 'releaseContact' }, { kind: 'available' }]);
    await shot('wrap-up');
  });

  it('asks before forcing a logout over an open call: confirm forces it, Escape cancels', async () => {
    await ui.show(shell(states.wrapUp()));
    await ui.page.getByTestId('logout').click();
    expect(await ui.intents()).toEqual([{ kind: 'logout', force: false }]);
    await ui.show(shell(states.wrapUp(), { confirmLogout: true }));
    const dialog = ui.page.getByRole('dialog', { name: 'Log out now?' });
    expect(await dialog.isVisible()).toBe(true);
    await shot('confirm-logout');
    await ui.page.getByTestId('logout-confirm').click();
    await ui.page.keyboard.press('Escape');
    expect(await ui.intents()).toEqual([{ kind: 'logout', force: true }, { kind: 'cancelLogout' }]);
    await ui.show(shell(states.wrapUp()));
    expect(await dialog.isVisible()).toBe(false);
  });

  it('translates every notice code, marks errors as alerts and dismisses by id', async () => {
    const notices = NOTICES.map((notice, id) => ({ id, notice, level: id === 0 ? ('error' as const) : ('info' as const), detail: id === 0 ? 'SIP 403 <Forbidden>' : null, at: Date.now() }));
    await ui.show(shell(states.ready(), { notices }, 'es'));
    const texts = await ui.page.getByTestId('notice').allTextContents();
    expect(texts).toHaveLength(NOTICES.length);
    expect(texts[0]).toContain('No se pudo iniciar sesión.');
    expect(texts[0]).toContain('SIP 403 <Forbidden>');
    for (const [i, text] of texts.entries()) expect(text, `notice ${NOTICES[i] ?? i}`).not.toContain(NOTICES[i] ?? '');
    expect(await ui.page.locator('[data-notice=loginFailed] [role=alert]').count()).toBe(1);
    await ui.page.getByTestId('dismiss-notice').nth(2).click();
    expect(await ui.intents()).toEqual([{ kind: 'dismissNotice', id: 2 }]);
  });

  it('speaks the shell language: es, pt and en strings and lang attribute change together', async () => {
    const seen: string[] = [];
    for (const language of ['es', 'pt', 'en'] as const) {
      await ui.show(shell(states.loggedOut(), {}, language));
      seen.push(`${await ui.page.locator('dialtone-softphone').getAttribute('lang')}:${await ui.page.getByTestId('login-submit').textContent()}`);
    }
    expect(seen.map((s) => s.trim())).toEqual(['es:Iniciar sesión', 'pt:Entrar', 'en:Log in']);
    // The longest labels (Spanish, Portuguese) must still fit the narrow panel: looked at by eye.
    await ui.show(shell(states.connected({ muted: true }), {}, 'es'));
    await ui.page.getByTestId('keypad-toggle').click();
    await shot('connected-es');
    await ui.show(shell(states.wrapUp(), {}, 'pt'));
    await shot('wrap-up-pt');
  });

  it('names every button, field and select in every main phase', async () => {
    const unnamed: Record<string, readonly string[]> = {};
    const totals: Record<string, number> = {};
    const phases = { loggedOut: states.loggedOut(), ready: states.ready(), ringing: states.ringing(), connected: states.connected(), wrapUp: states.wrapUp() };
    for (const [name, agent] of Object.entries(phases)) {
      await ui.show(shell(agent, { devices: { microphones: [], speakers: [], canSelectOutput: false, microphonePermission: 'denied' }, prefs: { ...NO_PREFS, devicePasswordRemembered: true } }));
      await ui.page.getByTestId('settings').evaluate((el) => ((el as HTMLDetailsElement).open = true));
      const toggle = ui.page.getByTestId('keypad-toggle');
      if ((await toggle.count()) > 0 && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
      const controls = await ui.controls();
      unnamed[name] = controls.unnamed;
      totals[name] = controls.total;
    }
    expect(unnamed).toEqual({ loggedOut: [], ready: [], ringing: [], connected: [], wrapUp: [] });
    // The check saw the controls at all: login fields, keypads, selects and settings each count.
    for (const total of Object.values(totals)) expect(total).toBeGreaterThan(10);
    console.log(`accessible controls per phase: ${JSON.stringify(totals)}`);
  });
});

