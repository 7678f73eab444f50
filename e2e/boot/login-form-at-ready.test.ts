import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LightningServer } from '../../dev/lightning/server.ts';
import { launchChromium } from '../support/browser.ts';
import { shellPhase, startConsoleWithAdapter } from './support.ts';

/**
 * Runs in the adapter frame before its scripts. When the app marks `dialtone:ready` it posts a
 * message to itself: the first task after the one that made the shell ready. That task records
 * whether the login form's first field already exists. Animation frames asked for before then are
 * held until it ran, so a form drawn in a frame callback (the shell's batched redraw) is missing,
 * whenever the browser would have drawn the frame; a timer (the hidden panel's 100 ms) cannot
 * run before a message posted earlier in the same task.
 */
const SAME_TASK_PROBE = `(() => {
  if (window === window.top) return;
  const held = [];
  let holding = true;
  const frame = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => (holding ? (held.push(callback), 0) : frame(callback));
  const mark = performance.mark.bind(performance);
  performance.mark = (name, ...rest) => {
    const entry = mark(name, ...rest);
    if (name === 'dialtone:ready') {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const form = document.querySelector('dialtone-softphone')?.shadowRoot?.querySelector('dialtone-login-form');
        window.__formAfterReadyTask = { form: form != null, field: form?.shadowRoot?.querySelector('input') != null };
        channel.port1.close();
        holding = false;
        for (const callback of held.splice(0)) frame(callback);
      };
      channel.port2.postMessage(0);
    }
    return entry;
  };
})();`;

let browser: Browser;
let server: LightningServer;

beforeAll(async () => {
  browser = await launchChromium();
  ({ server } = await startConsoleWithAdapter());
});

afterAll(async () => {
  await browser.close();
  await server.close();
});

it('draws the login form in the task that makes the shell ready: no animation frame or timer after ready (docs/benchmarks.md, "Tenth pass (d)")', async () => {
  const context = await browser.newContext();
  try {
    await context.addInitScript({ content: SAME_TASK_PROBE });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByTestId('utility-item').click();
    const handle = await page.waitForSelector('iframe.openctiSoftPhone', { state: 'attached', timeout: 10_000 });
    const adapter = await handle.contentFrame();
    if (!adapter) throw new Error('The utility panel has no softphone frame');
    await shellPhase(adapter, 'ready');
    const seen = await adapter.waitForFunction(() => (window as unknown as { __formAfterReadyTask?: unknown }).__formAfterReadyTask, undefined, { timeout: 10_000 });
    expect(await seen.jsonValue()).toEqual({ form: true, field: true });
  } finally {
    await context.close();
  }
});
