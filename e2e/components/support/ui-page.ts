/**
 * Opens the agent-UI harness in Chromium at utility-panel size: the harness entry is bundled
 * with esbuild (the repo's tsconfig gives it Lit's legacy decorators) and loaded into a blank
 * page, no server needed. Helpers read intents and accessibility facts back.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, CDPSession, Page } from 'playwright-core';
import type { SoftphoneIntent } from '../../../src/view/agent-view.ts';
import type { ShellState } from '../../../src/view/shell-state.ts';
import { launchChromium } from '../../support/browser.ts';
import { bundleEntry } from '../../support/bundle.ts';

const ENTRY = fileURLToPath(new URL('./harness.ts', import.meta.url));

/** The harness bundle (ES module text). */
export function bundleHarness(): Promise<string> {
  return bundleEntry(ENTRY);
}

/** A page showing the softphone, 320 × 600 px like a narrow utility panel. */
export interface UiPage {
  readonly page: Page;
  readonly errors: string[];
  show(state: ShellState): Promise<void>;
  intents(): Promise<SoftphoneIntent[]>;
  /** Controls (buttons, fields, selects, checkboxes) seen by the accessibility tree, and those without a name. */
  controls(): Promise<{ readonly total: number; readonly unnamed: readonly string[] }>;
  close(): Promise<void>;
}

const CONTROL_ROLES = new Set(['button', 'textbox', 'combobox', 'checkbox', 'spinbutton', 'searchbox', 'radio', 'slider', 'listbox', 'DisclosureTriangle']);

/** Opens the harness in a fresh context of `browser`. */
export async function openUi(browser: Browser, script: string): Promise<UiPage> {
  const context = await browser.newContext({ viewport: { width: 320, height: 600 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.setContent('<!doctype html><html lang="en"><head><meta charset="utf-8"><style>html,body{margin:0;height:100%}#root{height:100%}</style></head><body><div id="root"></div></body></html>');
  await page.addScriptTag({ content: script, type: 'module' });
  await page.waitForFunction(() => 'harness' in window);
  let cdp: CDPSession | undefined;
  return {
    page,
    errors,
    show: async (state) => {
      await page.evaluate((s) => window.harness.setState(s), state);
      // Nested components render in later microtasks; wait until every shadow root settled.
      await page.evaluate(async () => {
        for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
      });
    },
    intents: () => page.evaluate(() => window.harness.takeIntents()),
    controls: async () => {
      cdp ??= await context.newCDPSession(page);
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
        nodes: { ignored: boolean; role?: { value?: string }; name?: { value?: string }; backendDOMNodeId?: number }[];
      };
      const controls = nodes.filter((node) => !node.ignored && CONTROL_ROLES.has(node.role?.value ?? ''));
      const unnamed = controls
        .filter((node) => (node.name?.value ?? '').trim() === '')
        .map((node) => `${node.role?.value ?? '?'}#${String(node.backendDOMNodeId)}`);
      return { total: controls.length, unnamed };
    },
    close: () => context.close(),
  };
}

/**
 * Registers the hooks of a test file: one browser and one bundle per file, a fresh page per test
 * (so no component state leaks between tests), and no page error allowed. Returns a getter.
 */
export function useUi(hooks: UiHooks): () => UiPage {
  let browser: Browser | undefined;
  let script = '';
  let ui: UiPage | undefined;
  hooks.beforeAll(async () => {
    mkdirSync('.tmp', { recursive: true });
    [script, browser] = await Promise.all([bundleHarness(), launchChromium()]);
  });
  hooks.beforeEach(async () => {
    if (!browser) throw new Error('useUi: the browser did not start in beforeAll');
    ui = await openUi(browser, script);
  });
  hooks.afterEach(async () => {
    const errors = ui?.errors ?? [];
    await ui?.close();
    if (errors.length > 0) throw new Error(`The page logged errors: ${errors.join(' | ')}`);
  });
  hooks.afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!ui) throw new Error('useUi: no page is open (called outside a test?)');
    return ui;
  };
}

/** Vitest's hook functions (passed in so this module stays free of test-runner globals). */
export interface UiHooks {
  beforeAll(fn: () => Promise<void>): void;
  beforeEach(fn: () => Promise<void>): void;
  afterEach(fn: () => Promise<void>): void;
  afterAll(fn: () => Promise<void>): void;
}

/**
 * Seconds shown by a timer (`m:ss` or `h:mm:ss`) in `text`. Tests compare it with a window rather
 * than an exact value: a loaded machine takes seconds between building a state and reading it.
 */
export function shownSeconds(text: string | null): number {
  const match = /(?:(\d+):)?(\d+):(\d{2})/u.exec(text ?? '');
  if (!match) throw new Error(`No m:ss timer in ${JSON.stringify(text)}`);
  return Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

/** Saves what the agent sees at utility-panel width to `.tmp/ui-<name>.png`. */
export async function snapshot(ui: UiPage, name: string): Promise<void> {
  await ui.page.screenshot({ path: `.tmp/ui-${name}.png` });
}
