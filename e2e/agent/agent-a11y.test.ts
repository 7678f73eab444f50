/**
 * Issue 15: the panel at the utility bar's 340×560, in es, pt and en, in the states an agent
 * spends their day in (logged out, ready, on a break, in a call, wrap-up): axe-core finds nothing
 * (any impact; WCAG 2.x A/AA and best practices, page-has-heading-one and color-contrast
 * included), and no label, button, heading or select cuts its text. Real console
 * (dev/lightning) framing the built adapter, dev/neotel behind it.
 * Screenshots: .tmp/panel-<state>-<language>.png.
 */
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { Language } from '../../src/i18n/languages.ts';
import { AgentConsole } from './support/agent-console.ts';
import { logIn, waitForStatus } from './support/agent-steps.ts';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const CRM_QUEUE = 3;

let rig: AgentConsole | undefined;

afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** axe-core's violations in the adapter frame, one readable line each. */
async function axeViolations(frame: Frame): Promise<string[]> {
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.addScriptTag({ path: AXE_PATH });
  const violations = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary ?? '' })) }));
  });
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact ?? '?'}): ${v.help} at ${JSON.stringify(n.target)} — ${n.failureSummary}`));
}

/**
 * Texts cut by their box: a label, button, heading, status or summary whose content is wider than
 * it (scrollWidth > clientWidth), and a select whose chosen option is wider than its text area.
 */
function clippedTexts(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const found: string[] = [];
    const canvas = document.createElement('canvas').getContext('2d');
    const visit = (root: Document | ShadowRoot): void => {
      for (const element of root.querySelectorAll<HTMLElement>('*')) {
        if (element.shadowRoot) visit(element.shadowRoot);
        if (element.getClientRects().length === 0 || element.clientWidth <= 1) continue;
        const style = getComputedStyle(element);
        if (element instanceof HTMLSelectElement) {
          const text = element.selectedOptions[0]?.textContent.trim() ?? '';
          if (!canvas || text === '') continue;
          canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          // The text area: the box minus its padding and the drop-down arrow (about 20 px).
          const room = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
          if (canvas.measureText(text).width > room + 1) found.push(`select "${text}" (${Math.round(canvas.measureText(text).width)} px in ${Math.round(room)} px)`);
          continue;
        }
        if (!element.matches('label, button, summary, h1, h2, h3, legend, dt, [role="status"], .pill, .badge')) continue;
        if (element.scrollWidth > element.clientWidth + 1) found.push(`${element.tagName.toLowerCase()} "${element.textContent.trim().slice(0, 60)}" (${element.scrollWidth} > ${element.clientWidth})`);
      }
    };
    visit(document);
    return found;
  });
}

async function expectClean(page: Page, frame: Frame, state: string, language: Language): Promise<void> {
  await page.screenshot({ path: `.tmp/panel-${state}-${language}.png` });
  expect(await axeViolations(frame), `axe, ${state}, ${language}`).toEqual([]);
  expect(await clippedTexts(frame), `clipped text, ${state}, ${language}`).toEqual([]);
}

describe('the panel at 340×560 is accessible and nothing is cut', () => {
  it.each(['es', 'pt', 'en'] as const)('%s: logged out, ready, on a break, in a call, wrap-up', async (language) => {
    rig = await AgentConsole.start({ '/dialtoneAgent/language': language, '/reqGeneralInfo/reqSoftphoneWidth': '340', '/reqGeneralInfo/reqSoftphoneHeight': '560' });
    await rig.neotel.setDialer(false);
    const tab = await rig.openTab({ audioProbe: false });
    const frame = tab.adapter;
    await frame.getByTestId('login-device').waitFor({ timeout: 15_000 });
    // The panel's frame: 340 wide less the utility panel's border.
    const width = await frame.evaluate(() => window.innerWidth);
    expect(width).toBeGreaterThan(320);
    expect(width).toBeLessThanOrEqual(340);
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe(language);
    await expectClean(tab.page, frame, 'logged-out', language);
    await logIn(frame, rig.agent());
    await waitForStatus(frame, 'ready', 15_000);
    await expectClean(tab.page, frame, 'ready', language);
    await frame.getByTestId('pause').click();
    await waitForStatus(frame, 'onBreak');
    await expectClean(tab.page, frame, 'break', language);
    await frame.getByTestId('unpause').click();
    await waitForStatus(frame, 'ready');
    const { callId } = await rig.neotel.placeInbound({ number: '1155550101', queue: CRM_QUEUE, data: `a11y-${language}-${Date.now()}` });
    await waitForStatus(frame, 'ringing', 15_000);
    await expectClean(tab.page, frame, 'ringing', language);
    await frame.getByTestId('answer').click();
    await waitForStatus(frame, 'inCall');
    await expectClean(tab.page, frame, 'call', language);
    await rig.neotel.hangup(callId);
    await waitForStatus(frame, 'wrapUp');
    await frame.getByTestId('schedule-toggle').click();
    await expectClean(tab.page, frame, 'wrap-up', language);
  });
});
