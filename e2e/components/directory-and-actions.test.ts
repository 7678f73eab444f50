/**
 * The directory, agent actions and the text message form (docs/directory.md,
 * docs/agent-actions.md, docs/text-messages.md) in real Chromium against the component harness:
 * keyboard-only use with the intents it sends, debounced typing, hostile record names as text,
 * the live regions and alerts, and Spanish text.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DeskActionsView } from '../../src/view/desk-actions-view.ts';
import type { DirectoryEntry, DirectoryView } from '../../src/view/directory-view.ts';
import { useUi, type UiPage } from './support/ui-page.ts';
import { shell, states } from './support/views.ts';

const hooks = { beforeAll, beforeEach, afterEach, afterAll };
const page = useUi(hooks);
let ui: UiPage;
beforeEach(() => {
  ui = page();
});

const HOSTILE = '<img src=x onerror="window.__xss=1"><b>Pérez</b>';
const entry = (over: Partial<DirectoryEntry>): DirectoryEntry => ({ key: 'user:1002', source: 'colleague', kind: 'user', id: '1002', name: 'Bruno Agente', number: '1002', objectType: null, favourite: false, ...over });
const directory: DirectoryView = {
  query: 'pe',
  answered: 0,
  status: 'done',
  results: [
    entry({ key: 'user:1002', source: 'favourite', favourite: true }),
    entry({ key: 'record:001Dt000HccIdlkIIC', source: 'salesforce', kind: 'record', id: '001Dt000HccIdlkIIC', name: HOSTILE, number: '0351 423-9876', objectType: 'Account' }),
    entry({ key: 'queue:4', source: 'queue', kind: 'queue', id: '4', name: 'Ventas', number: null }),
  ],
  salesforceError: null,
};
const desk: DeskActionsView = {
  actions: [{ id: 'balance', labels: { en: 'Account balance', es: 'Saldo de cuenta' } }],
  running: null,
  outcome: null,
  message: { channels: ['sms', 'whatsapp'], to: '1145551234', maxSmsSegments: 1, sending: false },
};

describe('the directory', () => {
  it('lists each source with its icon, hostile names as text, and dials the chosen entry by keyboard', async () => {
    await ui.show(shell(states.ready(), { directory }));
    const input = ui.page.getByRole('combobox', { name: 'Search colleagues, queues, Salesforce and favourites' });
    expect(await ui.page.locator('dialtone-directory [role="option"]').count()).toBe(3);
    expect(await ui.page.locator('dialtone-directory [role="img"]').evaluateAll((icons) => icons.map((i) => i.getAttribute('aria-label')))).toEqual(['Favourite', 'Salesforce', 'Queue']);
    expect(await ui.page.locator('dialtone-directory img, dialtone-directory b').count(), 'a hostile name is text').toBe(0);
    expect(await ui.page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    await input.focus();
    await ui.page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe('directory-option-1');
    expect(await ui.page.locator('dialtone-directory [role="option"][aria-selected="true"]').getAttribute('data-key')).toBe('record:001Dt000HccIdlkIIC');
    await ui.page.keyboard.press('Enter');
    await ui.page.keyboard.press('ArrowDown');
    await ui.page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant'), 'the arrows wrap around').toBe('directory-option-0');
    expect(await ui.intents()).toEqual([{ kind: 'dial', number: '0351 423-9876' }]);
  });

  it('transfers during a call (a queue by its id), and searches once per pause in typing', async () => {
    await ui.show(shell(states.connected(), { directory }));
    const input = ui.page.getByTestId('directory-input');
    await input.focus();
    await ui.page.keyboard.press('End');
    expect(await ui.page.getByTestId('directory-transfer').textContent()).toContain('Transfer to Ventas');
    await ui.page.keyboard.press('Enter');
    await input.pressSequentially('gonz', { delay: 20 });
    await ui.page.waitForTimeout(600);
    expect(await ui.intents()).toEqual([
      { kind: 'transfer', target: { kind: 'queue', queue: 4 }, mode: 'blind' },
      { kind: 'directorySearch', query: 'gonz', id: 4 },
    ]);
  });

  it('says in Spanish that nothing was found, and that Salesforce failed, in a status and an alert', async () => {
    await ui.show(shell(states.ready(), { directory: { query: '', answered: 0, status: 'idle', results: [], salesforceError: null } }, 'es'));
    await ui.page.getByTestId('directory-input').fill('zzz');
    await ui.page.waitForTimeout(400);
    expect(await ui.intents()).toEqual([{ kind: 'directorySearch', query: 'zzz', id: 1 }]);
    expect(await ui.page.getByTestId('directory-status').textContent(), 'until its answer is in').toContain('Buscando…');
    await ui.show(shell(states.ready(), { directory: { query: 'zzz', answered: 1, status: 'done', results: [], salesforceError: 'timeout' } }, 'es'));
    expect(await ui.page.getByRole('alert').textContent()).toContain('No se pudo buscar en Salesforce (timeout)');
    expect(await ui.page.getByTestId('directory-status').textContent()).toContain('No se encontró nada para «zzz»');
  });
});

describe('the directory shown again after a ringing call', () => {
  it('takes over the desk\'s last query and answer: settled, with its status, and the next search numbered after it', async () => {
    // A fresh element (the panel is not shown while a call rings) over a desk that answered search 7.
    await ui.show(shell(states.ready(), { directory: { ...directory, query: 'ventas', answered: 7 } }));
    const panel = ui.page.getByTestId('directory');
    expect(await panel.getAttribute('data-settled'), 'not busy with an answer it took for stale').toBe('true');
    expect(await ui.page.getByTestId('directory-list').getAttribute('aria-busy')).toBe('false');
    expect(await ui.page.getByTestId('directory-input').inputValue()).toBe('ventas');
    expect(await ui.page.getByTestId('directory-status').textContent()).toContain('3');
    await ui.page.getByTestId('directory-input').fill('bru');
    await ui.page.waitForTimeout(400);
    expect(await ui.intents()).toEqual([{ kind: 'directorySearch', query: 'bru', id: 8 }]);
  });
});

describe('agent actions and text messages', () => {
  it('runs an action by keyboard and refuses a too-long SMS before sending, in Spanish', async () => {
    await ui.show(shell(states.connected(), { deskActions: desk }, 'es'));
    const action = ui.page.getByRole('button', { name: 'Saldo de cuenta' });
    await action.focus();
    await ui.page.keyboard.press('Enter');
    await ui.page.getByLabel('Mensaje', { exact: true }).fill('x'.repeat(161));
    expect(await ui.page.getByRole('alert').textContent()).toContain('como máximo 160 caracteres');
    expect(await ui.page.getByLabel('Mensaje', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await ui.page.getByRole('button', { name: 'Enviar mensaje' }).click();
    await ui.page.getByLabel('Mensaje', { exact: true }).fill('Hola');
    await ui.page.getByRole('radio', { name: 'WhatsApp' }).check();
    await ui.page.getByRole('button', { name: 'Enviar mensaje' }).click();
    expect(await ui.intents()).toEqual([
      { kind: 'runAgentAction', id: 'balance' },
      { kind: 'sendTextMessage', channel: 'whatsapp', to: '1145551234', text: 'Hola' },
    ]);
  });

  it('shows an action outcome in a polite live region, with its reason', async () => {
    await ui.show(shell(states.connected(), { deskActions: { ...desk, outcome: { what: 'action', id: 'balance', ok: false, reason: 'missing', text: 'contactId' } } }));
    const region = ui.page.locator('dialtone-desk-actions [role="status"][aria-live="polite"]');
    expect(await region.textContent()).toContain('“Account balance” was not run: this call has no contactId');
  });
});
