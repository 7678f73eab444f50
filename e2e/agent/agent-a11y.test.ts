/**
 * Issue 15: the panel at the utility bar's 340×560, in es, pt and en, at 100 % and at 200 % zoom
 * (CSS zoom on the frame's root: support/panel-states.ts says why), in every state of the agent's
 * day (support/panel-states.ts walks them: logged out, a login error, ready, settings, on a break,
 * ringing, in a call, on hold, wrap-up): axe-core finds nothing (any impact; WCAG 2.x A/AA and best
 * practices, page-has-heading-one and color-contrast included), no visible text is cut by its
 * box, and the panel does not scroll sideways (at 200 % Decline and Show keypad were past its edge). Real console (dev/lightning) framing the built adapter, dev/neotel behind it.
 * The same walk makes docs/screenshots/ (`npm run screenshots`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Language } from '../../src/i18n/languages.ts';
import type { AgentConsole } from './support/agent-console.ts';
import { axeViolations, clippedTexts, openPanel, PANEL_SIZE, PANEL_STATES, sidewaysScroll, walkPanelStates, zoomPanel, type PanelState } from './support/panel-states.ts';

let rig: AgentConsole | undefined;

afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const CASES = (['es', 'pt', 'en'] as const).flatMap((language) => [
  { language, zoom: 1 },
  { language, zoom: 2 },
]);

describe('the panel at 340×560 is accessible and nothing is cut, in every state', () => {
  it.each(CASES)('$language at $zoom× zoom', { timeout: 180_000 }, async ({ language, zoom }: { language: Language; zoom: number }) => {
    const opened = await openPanel(language);
    rig = opened.rig;
    const frame = opened.tab.adapter;
    // The panel's frame: 340 wide less the utility panel's border.
    const width = await frame.evaluate(() => window.innerWidth);
    expect(width).toBeGreaterThan(PANEL_SIZE.width - 20);
    expect(width).toBeLessThanOrEqual(PANEL_SIZE.width);
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe(language);
    if (zoom !== 1) {
      await zoomPanel(frame, zoom);
      // The panel's content now lays out in half the CSS pixels, at twice the size.
      expect(await frame.evaluate(() => (document.body as unknown as { currentCSSZoom: number }).currentCSSZoom)).toBe(zoom);
      await opened.tab.page.locator('iframe.openctiSoftPhone').screenshot({ path: `.tmp/panel-zoom-${language}.png` });
    }
    const seen: PanelState[] = [];
    await walkPanelStates(opened.rig, opened.tab, async (state) => {
      seen.push(state);
      expect(await axeViolations(frame), `axe, ${state}, ${language}, ${zoom}×`).toEqual([]);
      expect(await clippedTexts(frame), `clipped text, ${state}, ${language}, ${zoom}×`).toEqual([]);
      expect(await sidewaysScroll(frame), `sideways scrolling, ${state}, ${language}, ${zoom}×`).toEqual([]);
    });
    expect(seen).toEqual([...PANEL_STATES]);
  });
});
