/**
 * The transfer and conference panel in real Chromium (docs/transfers-conference.md): labelled,
 * keyboard-operable controls, intents with the right targets, the consultation and conference
 * states, hostile names as text, and the Spanish catalogue.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallControl } from '../../src/call/index.ts';
import type { TransferTargets } from '../../src/view/agent-view.ts';
import { useUi, type UiPage } from './support/ui-page.ts';
import { shell, states } from './support/views.ts';

const page = useUi({ beforeAll, beforeEach, afterEach, afterAll });
let ui: UiPage;
beforeEach(() => {
  ui = page();
});

const HOSTILE = '<img src=x onerror="window.pwned=1">Eve';

const TARGETS: TransferTargets = {
  users: [{ id: '1002', name: 'Bruno Agente' }, { id: '1003', name: HOSTILE }],
  queues: [{ id: 4, name: 'Ventas' }],
  campaigns: [{ id: 110, name: 'Atención clientes' }],
  numbers: [{ number: '1148765432', name: 'Mesa de ayuda' }],
  campaignNumbers: {},
  allowManualNumber: true,
  source: 'platform',
};

function connected(control?: CallControl) {
  return shell(states.connected(control === undefined ? {} : { control }), { transferTargets: TARGETS });
}

describe('the transfer panel', () => {
  it('labels every control, transfers to a listed user blind and to a typed number attended, by keyboard too', async () => {
    await ui.show(connected());
    expect((await ui.controls()).unnamed).toEqual([]);
    expect(await ui.page.getByLabel('Target type').count()).toBe(1);

    await ui.page.getByTestId('transfer-kind').selectOption('user');
    await ui.page.getByTestId('transfer-target').selectOption('1002');
    await ui.page.getByTestId('transfer-blind').focus();
    await ui.page.keyboard.press('Enter');
    expect(await ui.intents()).toEqual([{ kind: 'transfer', target: { kind: 'user', user: '1002' }, mode: 'blind' }]);

    await ui.page.getByTestId('transfer-kind').selectOption('number');
    await ui.page.getByTestId('transfer-number').fill('(11) 4000-1234');
    await ui.page.getByTestId('transfer-attended').click();
    expect(await ui.intents()).toEqual([{ kind: 'transfer', target: { kind: 'number', number: '(11) 4000-1234' }, mode: 'attended' }]);

    await ui.page.getByTestId('transfer-kind').selectOption('queue');
    await ui.page.getByTestId('transfer-blind').click();
    expect(await ui.intents()).toEqual([{ kind: 'transfer', target: { kind: 'queue', queue: 4 }, mode: 'blind' }]);
  });

  it('renders a hostile name as text', async () => {
    await ui.show(connected());
    await ui.page.getByTestId('transfer-kind').selectOption('user');
    const options = await ui.page.getByTestId('transfer-target').locator('option').allTextContents();
    expect(options).toContain(`${HOSTILE} (1003)`);
    expect(await ui.page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  });

  it('during a consultation offers Complete and End transfer', async () => {
    await ui.show(connected({ kind: 'consulting', target: { kind: 'user', user: '1002' }, step: 'talking' }));
    expect(await ui.page.getByTestId('transfer-status').textContent()).toContain('Bruno Agente');
    await ui.page.getByTestId('transfer-end').click();
    await ui.page.getByTestId('transfer-complete').click();
    expect(await ui.intents()).toEqual([{ kind: 'endTransfer' }, { kind: 'completeTransfer' }]);
    // A plain hang-up is off while the customer waits, and says why (to screen readers too).
    const hangUp = ui.page.getByTestId('hang-up');
    expect(await hangUp.isDisabled()).toBe(true);
    await expect.poll(() => hangUp.evaluate((b) => b.getAttribute('aria-describedby'))).toBe('call-why-TRANSFER_IN_PROGRESS');
    const hint = ui.page.locator('[data-testid=refusal-hint][data-code=TRANSFER_IN_PROGRESS]');
    expect(await hint.getAttribute('id')).toBe('call-why-TRANSFER_IN_PROGRESS');
    expect(await hint.textContent()).toContain('End transfer');
    await ui.show(connected({ kind: 'consulting', target: { kind: 'user', user: '1002' }, step: 'starting' }));
    expect(await ui.page.getByTestId('transfer-complete').isDisabled()).toBe(true);
  });

  it('lists conference participants with their state, removes one by its id, removes everyone', async () => {
    await ui.show(
      connected({
        kind: 'conference',
        step: 'on',
        participants: [
          { target: { kind: 'user', user: '1003' }, id: 'SIP/1003-0001', state: 'in', request: null },
          { target: { kind: 'number', number: '1148765432' }, id: 'SIP/NEOTRUNK-0002', state: 'ringing', request: null },
        ],
      }),
    );
    const rows = ui.page.getByTestId('participant');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain(HOSTILE);
    expect(await rows.nth(0).getAttribute('data-state')).toBe('in');
    expect(await ui.page.getByLabel(`Remove ${HOSTILE} from the conference`).count()).toBe(1);
    await ui.page.getByTestId('invite-kind').selectOption('user');
    await ui.page.getByTestId('invite-target').selectOption('1002');
    await ui.page.getByTestId('conference-invite').click();
    await ui.page.getByTestId('participant-kick').nth(1).click();
    await ui.page.getByTestId('conference-kick-all').click();
    expect(await ui.intents()).toEqual([
      { kind: 'inviteParticipant', target: { kind: 'user', user: '1002' } },
      { kind: 'kickParticipant', participant: 'SIP/NEOTRUNK-0002' },
      { kind: 'kickAll' },
    ]);
    expect((await ui.controls()).unnamed).toEqual([]);
  });

  it('speaks Spanish', async () => {
    await ui.show(shell(states.connected({ control: { kind: 'consulting', target: { kind: 'queue', queue: 4 }, step: 'talking' } }), { transferTargets: TARGETS }, 'es'));
    expect(await ui.page.getByTestId('transfer-end').textContent()).toContain('Fin de transferencia');
    expect(await ui.page.getByTestId('transfer-status').textContent()).toContain('Consultando con Ventas');
  });
});
