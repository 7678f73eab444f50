/**
 * Issue 15: the panel's radios in the SLDS look (src/components/shared/radio.styles.ts), in real
 * Chromium: the monitoring modes as an SLDS radio group, the text message channel as a radio
 * button group. Each radio is in a fieldset named by its legend, has SLDS's face (no native
 * chrome), a ring or segment text with enough contrast (3:1 for the ring, 4.5:1 for text), a
 * visible 2 px focus ring when reached by keyboard, and the page stays axe-clean.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SupervisionView } from '../../src/view/agent-view.ts';
import type { DeskActionsView } from '../../src/view/desk-actions-view.ts';
import type { Language } from '../../src/i18n/index.ts';
import { axeViolations } from '../agent/support/panel-states.ts';
import { useUi, type UiPage } from './support/ui-page.ts';
import { shell, states } from './support/views.ts';

const page = useUi({ beforeAll, beforeEach, afterEach, afterAll });
let ui: UiPage;
beforeEach(() => {
  ui = page();
});

const supervision: SupervisionView = {
  agents: [{ id: '1001', name: 'Ana Agente', state: 'InCall', callId: '4711' }],
  status: 'active',
  agent: '1001',
  mode: 'listen',
  requestedMode: null,
  error: null,
};
const desk: DeskActionsView = { actions: [], running: null, outcome: null, message: { channels: ['sms', 'whatsapp'], to: '1145551234', maxSmsSegments: 1, sending: false } };

interface RadioFacts {
  testid: string;
  legend: string;
  kind: 'radio' | 'radio-button';
  appearance: string;
  /** Ring (radio) or segment text (radio button) against what is behind it. */
  contrast: number;
  textContrast: number;
  checked: boolean;
}

/** Every radio on the page, through the shadow roots, with its group, face and contrasts. */
function radios(): Promise<RadioFacts[]> {
  return ui.page.evaluate(() => {
    const rgb = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lum = (c: string): number => {
      const [r = 0, g = 0, b = 0] = rgb(c).map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a: string, b: string): number => {
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    /** The first opaque background at or above `element`. */
    const backdrop = (element: Element | null): string => {
      for (let e = element; e; e = e.parentElement ?? (e.getRootNode() instanceof ShadowRoot ? (e.getRootNode() as ShadowRoot).host : null)) {
        const bg = getComputedStyle(e).backgroundColor;
        if (!/rgba\(.*, 0\)$/.test(bg) && bg !== 'transparent') return bg;
      }
      return 'rgb(255, 255, 255)';
    };
    const found: RadioFacts[] = [];
    const visit = (root: Document | ShadowRoot): void => {
      for (const element of root.querySelectorAll<HTMLElement>('*')) {
        if (element.shadowRoot) visit(element.shadowRoot);
        if (!(element instanceof HTMLInputElement) || element.type !== 'radio') continue;
        const label = element.closest('label');
        const kind = label?.classList.contains('radio-button') ? 'radio-button' : 'radio';
        const style = getComputedStyle(element);
        const labelStyle = label ? getComputedStyle(label) : style;
        const contrast = kind === 'radio' ? ratio(style.borderTopColor, backdrop(label)) : ratio(labelStyle.color, backdrop(label));
        found.push({
          testid: element.dataset.testid ?? '?',
          legend: element.closest('fieldset')?.querySelector(':scope > legend')?.textContent.trim() ?? '',
          kind,
          appearance: style.appearance,
          contrast: Math.round(contrast * 100) / 100,
          textContrast: Math.round(ratio(labelStyle.color, backdrop(label)) * 100) / 100,
          checked: element.checked,
        });
      }
    };
    visit(document);
    return found;
  });
}

/** The focus ring of the focused radio (on the input for a radio, on its segment for a radio button). */
function focusRing(testid: string): Promise<{ style: string; width: number }> {
  return ui.page.getByTestId(testid).evaluate((input) => {
    const owner = input.closest('label')?.classList.contains('radio-button') ? input.closest('label') : input;
    const style = getComputedStyle(owner ?? input);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
}

describe('radios are SLDS radio groups', () => {
  it.each(['es', 'pt', 'en'] as Language[])('in %s: fieldset and legend, SLDS face, contrast, keyboard focus ring, axe-clean', async (language) => {
    await ui.page.setViewportSize({ width: 340, height: 900 });
    await ui.show(shell(states.connected(), { supervision, deskActions: desk }, language));
    const found = await radios();
    expect(found.map((r) => r.testid).sort()).toEqual(['message-channel-sms', 'message-channel-whatsapp', 'monitor-mode-assist', 'monitor-mode-barge', 'monitor-mode-listen']);
    for (const r of found) {
      expect(r.legend, `${r.testid} is in a fieldset named by its legend`).not.toBe('');
      expect(r.appearance, `${r.testid} has SLDS's face, not the native one`).toBe('none');
      expect(r.textContrast, `${r.testid}'s text`).toBeGreaterThanOrEqual(4.5);
      expect(r.contrast, `${r.testid}'s ${r.kind === 'radio' ? 'ring' : 'segment text'}`).toBeGreaterThanOrEqual(r.kind === 'radio' ? 3 : 4.5);
    }
    expect(found.filter((r) => r.testid.startsWith('monitor-mode')).every((r) => r.kind === 'radio')).toBe(true);
    expect(found.filter((r) => r.testid.startsWith('message-channel')).every((r) => r.kind === 'radio-button')).toBe(true);

    // By keyboard: arrow keys move within each group, and the radio reached shows its ring.
    await ui.page.getByTestId('monitor-mode-listen').focus();
    await ui.page.keyboard.press('ArrowRight');
    expect(await focusRing('monitor-mode-assist')).toEqual({ style: 'solid', width: 2 });
    await ui.page.getByTestId('message-channel-sms').focus();
    await ui.page.keyboard.press('ArrowRight');
    expect(await ui.page.getByTestId('message-channel-whatsapp').isChecked()).toBe(true);
    expect(await focusRing('message-channel-whatsapp')).toEqual({ style: 'solid', width: 2 });
    const checked = (await radios()).find((r) => r.testid === 'message-channel-whatsapp');
    expect(checked?.contrast, 'the checked segment: white on brand').toBeGreaterThanOrEqual(4.5);
    await ui.page.screenshot({ path: `.tmp/ui-radios-${language}.png`, fullPage: true });
    await ui.page.evaluate(() => (document.title = 'Dialtone'));
    expect(await axeViolations(ui.page.mainFrame())).toEqual([]);
  });
});
