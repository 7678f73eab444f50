/**
 * The dead-letter list (docs/task-log.md "Refused logs") in real Chromium: the warning line, the
 * reason in the agent's words with Salesforce's raw answer behind a disclosure, Copy through the
 * clipboard or — where the frame may not write it — the text shown and selected, Retry, and
 * Dismiss only after copying; keyboard-operable, every control named, hostile names as text.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FailedLogView } from '../../src/view/agent-view.ts';
import { snapshot, useUi, type UiPage } from './support/ui-page.ts';
import { shell, states } from './support/views.ts';

const page = useUi({ beforeAll, beforeEach, afterEach, afterAll });
let ui: UiPage;
beforeEach(() => {
  ui = page();
});

const hostile = '<img src=x onerror="window.pwned=1">Call 600111222 (inbound)';
const refused: FailedLogView = {
  key: '4711',
  subject: hostile,
  code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
  reason: 'Describe the outcome in the Subject',
  attempts: 5,
  details: 'Dialtone call log refused by Salesforce\nCallObject: 4711\nRefused: FIELD_CUSTOM_VALIDATION_EXCEPTION: Describe the outcome in the Subject',
};

describe('call logs refused by Salesforce', () => {
  it('shows the reason in words, the raw answer behind a disclosure, and copies the details to the clipboard', async () => {
    // The harness page (about:blank) may not write the system clipboard: record what the panel writes.
    await ui.page.evaluate(() => {
      const written: string[] = [];
      Object.defineProperty(window, 'written', { value: written });
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: (text: string) => Promise.resolve(void written.push(text)) } });
    });
    await ui.show(shell(states.ready(), { failedLogs: [refused] }));
    const list = ui.page.getByTestId('failed-logs');
    expect(await list.getAttribute('data-count')).toBe('1');
    expect(await list.locator('summary').first().textContent()).toContain('1 call log refused by Salesforce');
    // Keyboard: the disclosure opens with Enter.
    await list.locator('summary').first().focus();
    await ui.page.keyboard.press('Enter');
    const item = ui.page.getByTestId('failed-log');
    expect(await item.locator('.subject').textContent()).toBe(hostile);
    expect(await ui.page.evaluate(() => 'pwned' in window)).toBe(false);
    expect(await ui.page.getByTestId('failed-log-reason').textContent()).toBe('A validation rule of your Salesforce org refuses this call log.');
    expect(await ui.page.getByTestId('failed-log-raw').isVisible(), 'the raw answer is folded').toBe(false);
    await item.locator('details summary').click();
    expect(await ui.page.getByTestId('failed-log-raw').textContent()).toBe('FIELD_CUSTOM_VALIDATION_EXCEPTION: Describe the outcome in the Subject');

    expect(await ui.page.getByTestId('failed-log-dismiss').isDisabled(), 'no dismissing before copying').toBe(true);
    await ui.page.getByTestId('failed-log-copy').focus();
    await ui.page.keyboard.press('Enter');
    await expect.poll(() => ui.page.getByTestId('failed-log-copy-status').textContent()).toBe('Details copied.');
    expect(await ui.page.evaluate(() => (window as unknown as { written: string[] }).written)).toEqual([refused.details]);
    expect(await ui.page.getByTestId('failed-log-text').count(), 'no fallback text when the clipboard took it').toBe(0);
    expect((await ui.controls()).unnamed).toEqual([]);
    await snapshot(ui, 'failed-logs-en');

    await ui.page.getByTestId('failed-log-retry').click();
    await ui.page.getByTestId('failed-log-dismiss').click();
    expect(await ui.intents()).toEqual([
      { kind: 'retryFailedLog', key: '4711' },
      { kind: 'dismissFailedLog', key: '4711' },
    ]);
    expect(ui.errors).toEqual([]);
  });

  it('where the clipboard is refused, shows the details selected for Ctrl+C, in the agent\'s language', async () => {
    await ui.page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) } });
    });
    await ui.show(shell(states.ready(), { failedLogs: [{ ...refused, code: 'APEX_CLASS_MISSING', reason: 'Could not load Apex class: DialtoneTaskLog.' }] }, 'es'));
    const list = ui.page.getByTestId('failed-logs');
    expect(await list.locator('summary').first().textContent()).toContain('1 registro de llamada rechazado por Salesforce');
    await list.locator('summary').first().click();
    expect(await ui.page.getByTestId('failed-log-reason').textContent()).toContain('DialtoneTaskLog');
    await ui.page.getByTestId('failed-log-copy').click();
    const text = ui.page.getByTestId('failed-log-text');
    await expect.poll(() => text.isVisible()).toBe(true);
    expect(await text.inputValue()).toBe(refused.details);
    const selection = await text.evaluate((el: HTMLTextAreaElement) => ({ focused: el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).activeElement === el, start: el.selectionStart, end: el.selectionEnd }));
    expect(selection).toEqual({ focused: true, start: 0, end: refused.details.length });
    expect(await ui.page.getByTestId('failed-log-copy-status').textContent()).toContain('Ctrl+C');
    expect(await ui.page.getByTestId('failed-log-dismiss').isDisabled(), 'the text is there to copy: dismissing is allowed').toBe(false);
    expect((await ui.controls()).unnamed).toEqual([]);
    await snapshot(ui, 'failed-logs-es');
  });

  it('speaks Portuguese to a Portuguese-speaking agent', async () => {
    await ui.show(shell(states.ready(), { failedLogs: [refused, { ...refused, key: '4712', subject: 'Chamada 600333444' }] }, 'pt'));
    const list = ui.page.getByTestId('failed-logs');
    expect(await list.locator('summary').first().textContent()).toContain('2 registros de chamada recusados pelo Salesforce');
    await list.locator('summary').first().click();
    expect(await ui.page.getByTestId('failed-log').count()).toBe(2);
    expect(await ui.page.getByTestId('failed-log-copy').first().textContent()).not.toMatch(/Copy/);
    expect((await ui.controls()).unnamed).toEqual([]);
    await snapshot(ui, 'failed-logs-pt');
  });

  it('shows nothing when no log was refused', async () => {
    await ui.show(shell(states.ready(), { failedLogs: [] }));
    expect(await ui.page.getByTestId('failed-logs').count()).toBe(0);
  });
});
