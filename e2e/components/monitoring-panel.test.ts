/**
 * The supervisor's monitoring panel and the agent's monitored indicator (docs/monitoring.md), in
 * real Chromium against the harness: keyboard-only start, switch and end with the intents they
 * send, hostile agent names as text, labels and live regions, Spanish text.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SupervisionView } from '../../src/view/agent-view.ts';
import { useUi, type UiPage } from './support/ui-page.ts';
import { shell, states } from './support/views.ts';

const hooks = { beforeAll, beforeEach, afterEach, afterAll };
const page = useUi(hooks);
let ui: UiPage;
beforeEach(() => {
  ui = page();
});

const HOSTILE = '<script>alert(1)</script><b>x</b>';

const idle: SupervisionView = {
  agents: [
    { id: '1001', name: 'Ana Agente', state: 'InCall', callId: '4711' },
    { id: '1002', name: HOSTILE, state: 'SomethingNew', callId: null },
  ],
  status: 'idle',
  agent: null,
  mode: null,
  requestedMode: null,
  error: null,
};

describe('the monitoring panel', () => {
  it('starts an Assist on the second agent by keyboard only, with hostile names shown as text', async () => {
    await ui.show(shell(states.ready(), { supervision: idle }));
    const select = ui.page.getByTestId('monitor-agent');
    expect(await select.textContent()).toContain('Ana Agente (user 1001) — in a call');
    expect(await select.textContent(), 'a hostile name is text; an unknown state is shown as sent').toContain(`${HOSTILE} (user 1002) — SomethingNew`);
    expect(await ui.page.locator('dialtone-monitoring-panel script, dialtone-monitoring-panel b').count()).toBe(0);
    expect(await ui.page.getByLabel('Agent', { exact: true }).getAttribute('data-testid')).toBe('monitor-agent');
    expect(await ui.page.getByRole('radio', { name: 'Listen' }).isChecked()).toBe(true);
    expect(await ui.page.getByRole('group', { name: 'Monitoring mode' }).count()).toBe(1);
    const hints = await ui.page.locator('dialtone-monitoring-panel .hint').allTextContents();
    expect(hints.map((h) => h.replace(/\s+/g, ' ').trim()), 'each sentence says which mode it explains').toEqual([
      'Listen: You hear the agent and the customer; nobody hears you.',
      'Assist: The agent hears you; the customer does not.',
      'Join call: The agent and the customer both hear you: you join the call.',
    ]);
    await select.focus();
    await ui.page.keyboard.press('ArrowDown');
    await ui.page.keyboard.press('Tab');
    await ui.page.keyboard.press('ArrowRight');
    expect(await ui.page.getByRole('radio', { name: 'Assist' }).isChecked()).toBe(true);
    await ui.page.keyboard.press('Tab');
    await ui.page.keyboard.press('Enter');
    expect(await ui.intents()).toEqual([{ kind: 'monitorStart', agent: '1002', mode: 'assist' }]);
  });

  it('while active says who and how, switches mode and ends by keyboard, and shows a failure as an alert', async () => {
    await ui.show(shell(states.ready(), { supervision: { ...idle, status: 'active', agent: '1001', mode: 'listen', error: 'StartMonitor: 1001 not logged.' } }));
    expect(await ui.page.getByTestId('monitor-status').textContent(), 'the agent by name, as listed').toContain('Listening to agent Ana Agente (user 1001)');
    expect(await ui.page.getByRole('alert').textContent()).toContain('Monitoring failed: StartMonitor: 1001 not logged.');
    await ui.page.getByRole('radio', { name: 'Listen' }).focus();
    await ui.page.keyboard.press('ArrowRight');
    await ui.page.getByTestId('monitor-stop').focus();
    await ui.page.keyboard.press('Enter');
    expect(await ui.intents()).toEqual([{ kind: 'monitorSwitch', mode: 'assist' }, { kind: 'monitorStop' }]);
  });

  it('disables the modes while a switch waits for the platform, and speaks Spanish', async () => {
    await ui.show(shell(states.ready(), { supervision: { ...idle, status: 'active', agent: '1001', mode: 'listen', requestedMode: 'assist' } }, 'es'));
    expect(await ui.page.getByTestId('monitor-status').textContent()).toContain('Escuchando al agente Ana Agente (usuario 1001)');
    expect(await ui.page.getByRole('radio', { name: 'Asistir' }).isDisabled()).toBe(true);
    expect(await ui.page.getByText('Cambiando de modo…').count()).toBe(1);
  });

  it('is not drawn for an agent, who sees the monitored indicator in a polite live region instead', async () => {
    await ui.show(shell(states.ready(), { supervision: null, monitoredBy: { mode: 'assist', supervisor: '2001' } }));
    expect(await ui.page.getByTestId('monitoring-panel').count()).toBe(0);
    const indicator = ui.page.getByTestId('monitored-indicator');
    expect(await indicator.textContent()).toContain('Supervisor 2001 is assisting: you hear them, the customer does not.');
    expect(await ui.page.locator('dialtone-monitored-indicator [role="status"][aria-live="polite"]').count()).toBe(1);
    await ui.show(shell(states.ready(), { supervision: null, monitoredBy: null }));
    expect(await ui.page.getByTestId('monitored-indicator').count()).toBe(0);
  });

  it('names the supervisor when the platform or the configuration knows them, in the agent language', async () => {
    await ui.show(shell(states.ready(), { supervision: null, monitoredBy: { mode: 'listen', supervisor: '2001', supervisorName: 'Sofía Ruiz' } }, 'es'));
    const indicator = ui.page.getByTestId('monitored-indicator');
    expect(await indicator.textContent()).toContain('El supervisor Sofía Ruiz está escuchando su llamada.');
    expect(await indicator.textContent()).not.toContain('2001');
    await ui.show(shell(states.ready(), { supervision: null, monitoredBy: { mode: 'listen', supervisor: '2001', supervisorName: null } }));
    expect(await indicator.textContent()).toContain('Supervisor 2001 is listening to your call.');
  });
});
