/**
 * The call's Salesforce record in the panel (docs/screen-pop.md), in real Chromium against the
 * harness: what it says and why, hostile names as text, keyboard-only re-pointing and sync, the
 * accessible names of its controls, and its Spanish text.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallRecordView } from '../../src/view/agent-view.ts';
import { useUi, type UiPage } from './support/ui-page.ts';
import { shell, states } from './support/views.ts';

const hooks = { beforeAll, beforeEach, afterEach, afterAll };
const page = useUi(hooks);
let ui: UiPage;
beforeEach(() => {
  ui = page();
});

const HOSTILE = '<script>alert(1)</script><b>x</b>';

const linked: CallRecordView = {
  status: 'linked',
  linked: {
    id: '003Dt000HccIdlkIIC',
    objectType: 'Contact',
    name: 'Ana Pérez',
    reason: { kind: 'search', field: 'Phone', value: '+34 600 000 000', rule: 'searchTypePriority: Contact > Account' },
  },
  candidates: [{ id: '001Dt000HccIdlkIIC', objectType: 'Account', name: HOSTILE }],
  canSync: false,
};

/** The panel's text as read (whitespace collapsed). */
async function shownText(): Promise<string> {
  return ((await ui.page.getByTestId('call-record').textContent()) ?? '').replace(/\s+/g, ' ');
}

describe('the call record panel', () => {
  it('says which record and why, shows a hostile candidate name as text, and re-points by keyboard', async () => {
    await ui.show(shell(states.connected(), { record: linked }));
    const panel = ui.page.locator('dialtone-call-record');
    const text = await shownText();
    expect(text).toContain('Contact · Ana Pérez');
    expect(text).toContain('matched Phone = +34 600 000 000');
    expect(text).toContain('rule searchTypePriority: Contact > Account');
    expect(await ui.page.getByTestId('record-candidate').textContent()).toContain(HOSTILE);
    expect(await panel.locator('b, script').count(), 'no markup from record names').toBe(0);

    const use = ui.page.getByTestId('record-use');
    expect(await use.getAttribute('aria-label')).toBe(`Use this record: Account ${HOSTILE}`);
    await use.focus();
    await ui.page.keyboard.press('Enter');
    expect(await ui.intents()).toEqual([{ kind: 'repointCall', recordId: '001Dt000HccIdlkIIC' }]);
    expect((await ui.controls()).unnamed).toEqual([]);
  });

  it('marks the found record with the Salesforce icon and opens it with Show in CRM, by keyboard', async () => {
    await ui.show(shell(states.connected(), { record: linked }));
    expect(await ui.page.getByTestId('call-record').getByTestId('crm-source-icon').getAttribute('aria-label')).toBe('Found in Salesforce');
    const show = ui.page.getByTestId('record-show-in-crm');
    expect(await show.getAttribute('aria-label')).toBe('Show in CRM: Contact Ana Pérez');
    await show.focus();
    await ui.page.keyboard.press('Enter');
    expect(await ui.intents()).toEqual([{ kind: 'showInCrm', recordId: '003Dt000HccIdlkIIC' }]);
  });

  it('offers the sync after a no-match pop, operable by keyboard', async () => {
    await ui.show(shell(states.connected(), { record: { status: 'newRecord', linked: null, candidates: [], canSync: true } }));
    expect(await ui.page.getByTestId('record-status').textContent()).toContain('No record matched');
    await ui.page.getByTestId('record-sync').focus();
    await ui.page.keyboard.press('Space');
    expect(await ui.intents()).toEqual([{ kind: 'syncRecord' }]);
  });

  it('speaks Spanish, names the object in Spanish, and is absent without a call record', async () => {
    await ui.show(shell(states.connected(), { record: { ...linked, linked: { ...linked.linked!, reason: { kind: 'clickToDial', field: 'Phone', value: '11 5555 0202', rule: null } } } }, 'es'));
    const text = await shownText();
    expect(text).toContain('Registro de Salesforce');
    expect(text).toContain('Contacto · Ana Pérez');
    expect(text).toContain('llamó desde él');
    await ui.show(shell(states.ready(), { record: null }));
    expect(await ui.page.locator('dialtone-call-record').count()).toBe(0);
  });
});
