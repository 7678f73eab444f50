/**
 * Issue 15's accessibility and clipping checks (agent-a11y.test.ts) on what callers and records
 * can put in the panel: a record name of 255 characters without a space (Salesforce's longest
 * Account name), markup in a name, a right-to-left name with digits, a 40-digit caller number, and
 * the same number typed to dial. Ringing, in the call, in wrap-up and in the call history, at
 * 340×560 and at 200 % zoom: the text is drawn as text (no element or script from it), nothing is
 * cut, the panel does not scroll sideways, and axe finds nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AgentConsole, AgentTab } from './support/agent-console.ts';
import { logIn, waitForStatus } from './support/agent-steps.ts';
import { axeViolations, clippedTexts, openPanel, sidewaysScroll, zoomPanel } from './support/panel-states.ts';

let rig: AgentConsole | undefined;

afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const LONG_NAME = `${'Bartholomew'.repeat(22)}Xyz`;
/** 75 characters: a Contact's LastName holds 80. */
const MARKUP_NAME = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2"><b>P</b>';
const RTL_NAME = 'محمد بن عبد الله الحسني 2';
const FORTY_DIGITS = '1234567890123456789012345678901234567890';

/** Each caller: the record the screen pop finds (none for the 40-digit number) and the number that calls. */
const CALLERS = [
  { what: 'a 255-character name', record: { object: 'Account', fields: { Name: LONG_NAME, Phone: '0299 555-1212' } }, number: '2995551212' },
  { what: 'markup in a name', record: { object: 'Contact', fields: { LastName: MARKUP_NAME, Phone: '0299 555-3434' } }, number: '2995553434' },
  { what: 'a right-to-left name', record: { object: 'Contact', fields: { LastName: RTL_NAME, Phone: '0299 555-7171' } }, number: '2995557171' },
  { what: 'a 40-digit number', record: null, number: FORTY_DIGITS },
] as const;

/** What the checks found in the panel's current state, one line each (empty when all is well). */
async function problems(tab: AgentTab, where: string): Promise<string[]> {
  const frame = tab.adapter;
  const sideways = await sidewaysScroll(frame);
  const injected = await frame.evaluate(() => {
    const found: string[] = [];
    if ('__xss' in window) found.push(`a name's script ran (window.__xss = ${String((window as unknown as { __xss: unknown }).__xss)})`);
    const visit = (root: Document | ShadowRoot): void => {
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) visit(element.shadowRoot);
        if (element.localName === 'b' || element.localName === 'img' || (element.localName === 'script' && element.textContent.includes('__xss'))) found.push(`a name became a <${element.localName}>`);
      }
    };
    visit(document);
    return found;
  });
  return [...sideways, ...injected, ...(await clippedTexts(frame)), ...(await axeViolations(frame))].map((line) => `${where}: ${line}`);
}

describe('hostile names and numbers in the panel (es, 340×560)', () => {
  it.each([1, 2])('are shown as text, whole, without breaking the layout, at %d× zoom', { timeout: 240_000 }, async (zoom: number) => {
    const opened = await openPanel('es');
    rig = opened.rig;
    const { tab } = opened;
    const frame = tab.adapter;
    for (const caller of CALLERS) {
      if (caller.record === null) continue;
      const created = await rig.lightning.createRecord(caller.record.object, caller.record.fields);
      expect(created.ok, `the ${caller.record.object} for ${caller.what} is created`).toBe(true);
    }
    await logIn(frame, rig.agent());
    await waitForStatus(frame, 'ready', 15_000);
    if (zoom !== 1) await zoomPanel(frame, zoom);
    const found: string[] = [];

    await frame.getByTestId('dial-input').fill(FORTY_DIGITS);
    await frame.getByTestId('dial-button').click();
    await frame.getByTestId('dial-error').waitFor();
    found.push(...(await problems(tab, 'a 40-digit number typed')));
    await frame.getByTestId('dial-input').fill('');

    for (const caller of CALLERS) {
      // Queue 4 has no Neotel CRM: the screen pop searches Salesforce by the caller's number.
      const { callId } = await rig.neotel.placeInbound({ number: caller.number, queue: 4 });
      await waitForStatus(frame, 'ringing', 15_000);
      await frame.getByTestId('incoming-queue').waitFor();
      if (caller.record !== null) await frame.getByTestId('record-name').waitFor();
      found.push(...(await problems(tab, `${caller.what}, ringing`)));
      await frame.getByTestId('answer').click();
      await waitForStatus(frame, 'inCall');
      found.push(...(await problems(tab, `${caller.what}, in the call`)));
      await rig.neotel.hangup(callId);
      await waitForStatus(frame, 'wrapUp');
      found.push(...(await problems(tab, `${caller.what}, wrap-up`)));
      await frame.getByTestId('available').click();
      await waitForStatus(frame, 'ready', 15_000);
    }
    await expect.poll(() => frame.getByTestId('history-who').count()).toBe(CALLERS.length);
    found.push(...(await problems(tab, 'the call history')));
    expect(found).toEqual([]);
  });
});
