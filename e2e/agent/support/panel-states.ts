/**
 * The agent's day as a walk through every state the panel draws, shared by the accessibility and
 * clipping test (e2e/agent/agent-a11y.test.ts) and the screenshot script (scripts/screenshots.ts),
 * so the checked-in pictures show exactly what the test checked. Real console (dev/lightning)
 * framing the built adapter, dev/neotel behind it, the utility panel at 340×560.
 *
 *   logged-out ─► error-notice (wrong device password) ─► ready ─► status-menu (open) ─► settings ─► break
 *     ─► ringing ─► in-call ─► held ─► wrap-up
 */
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import type { Language } from '../../../src/i18n/languages.ts';
import { AgentConsole, type AgentTab } from './agent-console.ts';
import { logIn, openStatusMenu, takeBreak, waitForStatus } from './agent-steps.ts';

/** Every state of the walk, in order; also the screenshots' file names (`<state>-<language>.png`). */
export const PANEL_STATES = ['logged-out', 'error-notice', 'ready', 'status-menu', 'settings', 'break', 'ringing', 'in-call', 'held', 'wrap-up'] as const;
export type PanelState = (typeof PANEL_STATES)[number];

/** The utility panel's size in the call center (Lightning's default is 200×400; agents get 340×560). */
export const PANEL_SIZE = { width: 340, height: 560 } as const;

/** The queue whose calls the default scenario links to a Salesforce record (the pop and the record card show). */
const CRM_QUEUE = 3;
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * The console with the panel open at {@link PANEL_SIZE}, in `language`, the dialer off (no contact
 * arrives by itself); `settings` adds call-center settings (agent actions, text messages…).
 */
export async function openPanel(language: Language, settings: Record<string, string> = {}): Promise<{ rig: AgentConsole; tab: AgentTab }> {
  const rig = await AgentConsole.start({
    ...settings,
    '/dialtoneAgent/language': language,
    '/reqGeneralInfo/reqSoftphoneWidth': String(PANEL_SIZE.width),
    '/reqGeneralInfo/reqSoftphoneHeight': String(PANEL_SIZE.height),
  });
  try {
    await rig.neotel.setDialer(false);
    const tab = await rig.openTab({ audioProbe: false });
    await tab.adapter.getByTestId('login-device').waitFor({ timeout: 15_000 });
    return { rig, tab };
  } catch (error) {
    await rig.close();
    throw error;
  }
}

/**
 * 200 % zoom for the panel: CSS `zoom: 2` on the frame's root, so its content lays out in half the
 * CSS pixels (170×280) at twice the size, as text zoom does to the panel. Browser zoom would not
 * do it (the utility panel keeps its CSS size, so the frame's layout would not change), and
 * `deviceScaleFactor` only sharpens the pixels.
 */
export async function zoomPanel(frame: Frame, zoom: number): Promise<void> {
  await frame.evaluate((z) => {
    document.documentElement.style.zoom = String(z);
  }, zoom);
}

/**
 * Walks the panel through {@link PANEL_STATES}, calling `visit` in each once it is drawn. Every
 * step is an agent's click or the platform's doing (a call placed, the customer hanging up).
 */
export async function walkPanelStates(rig: AgentConsole, tab: AgentTab, look: (state: PanelState) => Promise<void>): Promise<void> {
  const frame = tab.adapter;
  const visit = async (state: PanelState): Promise<void> => {
    await settled(frame);
    await look(state);
  };
  await visit('logged-out');
  await logIn(frame, { ...rig.agent(), devicePassword: 'not-the-password' });
  const notice = frame.locator('[data-testid="notice"][data-notice="loginFailed"]');
  await notice.waitFor({ timeout: 15_000 });
  await visit('error-notice');
  await notice.getByTestId('dismiss-notice').click();
  await notice.waitFor({ state: 'detached' });
  await logIn(frame, rig.agent());
  await waitForStatus(frame, 'ready', 15_000);
  await visit('ready');
  await openStatusMenu(frame);
  await visit('status-menu');
  await frame.page().keyboard.press('Escape');
  await frame.locator('#status-menu-list').waitFor({ state: 'hidden' });
  const settings = frame.getByTestId('settings');
  await settings.locator('summary').first().click();
  await frame.getByTestId('language-select').scrollIntoViewIfNeeded();
  await visit('settings');
  await settings.locator('summary').first().click();
  // Back to the top (the settings step scrolled down to the language), where a break is drawn.
  await frame.locator('dialtone-softphone main').evaluate((main) => main.scrollTo(0, 0));
  await takeBreak(frame);
  await waitForStatus(frame, 'onBreak');
  await visit('break');
  await frame.getByTestId('unpause').click();
  await waitForStatus(frame, 'ready');
  const { callId } = await rig.neotel.placeInbound({ number: '1155550101', queue: CRM_QUEUE, data: `panel-states-${Date.now()}` });
  await waitForStatus(frame, 'ringing', 15_000);
  // The card's facts arrive after its first frame (the queue from the platform, the record from
  // the screen pop): picture the card the agent reads, not whichever frame came first.
  await frame.getByTestId('incoming-queue').waitFor();
  await frame.getByTestId('record-name').waitFor();
  await visit('ringing');
  await frame.getByTestId('answer').click();
  await waitForStatus(frame, 'inCall');
  await visit('in-call');
  await frame.getByTestId('hold').click();
  await waitForStatus(frame, 'onHold');
  await visit('held');
  await frame.getByTestId('hold').click();
  await waitForStatus(frame, 'inCall');
  await rig.neotel.hangup(callId);
  await waitForStatus(frame, 'wrapUp');
  // The callback form open: its toggle and fields are part of what wrap-up draws.
  await frame.getByTestId('schedule-toggle').click();
  await visit('wrap-up');
}

/**
 * Waits until the panel is done with the last step: the focus moves to the state's next control
 * when the page is next idle (at most 100 ms, docs/agent-softphone.md "Keyboard"), then one frame
 * is drawn. Without it a picture showed the focus ring in one language and not in another.
 */
async function settled(frame: Frame): Promise<void> {
  await frame.evaluate(
    () =>
      new Promise<void>((resolve) => {
        setTimeout(() => requestIdleCallback(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve())), { timeout: 200 }), 150);
      }),
  );
}

/** The panel alone, as the agent sees it in the utility bar: the adapter frame's box. */
export async function panelScreenshot(page: Page, path: string): Promise<void> {
  await page.locator('iframe.openctiSoftPhone').screenshot({ path, animations: 'disabled', caret: 'hide' });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** axe-core's violations in the adapter frame (any impact, every rule it runs by default), one readable line each. */
export async function axeViolations(frame: Frame): Promise<string[]> {
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.addScriptTag({ path: AXE_PATH });
  const violations = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary ?? '' })) }));
  });
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact ?? '?'}): ${v.help} at ${JSON.stringify(n.target)} — ${n.failureSummary}`));
}

/**
 * The panel's body scrolling sideways: something wider than the panel (a row of buttons that
 * does not wrap, a label column that leaves its value no room) pushed past its right edge, where
 * the agent does not look (WCAG 1.4.10: at 200 % zoom the panel must reflow, not scroll both ways).
 */
export function sidewaysScroll(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const main = document.querySelector('dialtone-softphone')?.shadowRoot?.querySelector('main');
    return main && main.scrollWidth > main.clientWidth + 1 ? [`the panel scrolls sideways (${main.scrollWidth} > ${main.clientWidth} px)`] : [];
  });
}

/**
 * Visible text cut by its box, through every shadow root: an element holding text of its own whose
 * content is wider or taller than it (scrollWidth > clientWidth, scrollHeight > clientHeight; a
 * scroll container is not cut, its text scrolls), and a select whose chosen option is wider than
 * its text area. Fields (input, textarea) scroll their value by design and are left out.
 */
export function clippedTexts(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const found: string[] = [];
    const canvas = document.createElement('canvas').getContext('2d');
    const ownText = (element: Element): boolean => [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
    const visit = (root: Document | ShadowRoot): void => {
      for (const element of root.querySelectorAll<HTMLElement>('*')) {
        if (element.shadowRoot) visit(element.shadowRoot);
        // Not drawn: display none, visibility hidden, or inside a closed <details> (content-visibility).
        if (!element.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true }) || element.clientWidth <= 1 || element.closest('.visually-hidden')) continue;
        const style = getComputedStyle(element);
        if (element instanceof HTMLSelectElement) {
          const text = element.selectedOptions[0]?.textContent.trim() ?? '';
          if (!canvas || text === '') continue;
          canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          // Under CSS zoom the computed font size is zoomed and clientWidth is not: measure in the box's pixels.
          const zoom = (element as unknown as { currentCSSZoom?: number }).currentCSSZoom ?? 1;
          const wide = canvas.measureText(text).width / zoom;
          // The text area: the box minus its padding and the native drop-down arrow (about 20 px;
          // an SLDS-styled select, appearance none, draws its chevron inside its right padding).
          const arrow = style.appearance === 'none' ? 0 : 20;
          const room = element.clientWidth - (parseFloat(style.paddingLeft) + parseFloat(style.paddingRight)) / zoom - arrow;
          if (wide > room + 1) found.push(`select "${text}" (${Math.round(wide)} px in ${Math.round(room)} px)`);
          continue;
        }
        if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || !ownText(element)) continue;
        if (/(auto|scroll)/.test(`${style.overflowX} ${style.overflowY}`)) continue;
        const name = `${element.tagName.toLowerCase()}${element.dataset.testid ? `[${element.dataset.testid}]` : ''} "${element.textContent.trim().slice(0, 60)}"`;
        if (element.scrollWidth > element.clientWidth + 1) found.push(`${name} is cut across (${element.scrollWidth} > ${element.clientWidth} px)`);
        else if (element.scrollHeight > element.clientHeight + 1) found.push(`${name} is cut down (${element.scrollHeight} > ${element.clientHeight} px)`);
      }
    };
    visit(document);
    return found;
  });
}
