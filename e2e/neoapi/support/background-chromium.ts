/**
 * Debian's Chromium as a real browser would treat a background tab. Two things in a normal
 * Playwright launch keep every page "visible" and unthrottled: its default switches
 * (`--disable-background-timer-throttling`, `--disable-renderer-backgrounding`, …) and the focus
 * emulation it turns on for each page (which holds the page visible). So Chromium is started
 * here by hand, headless, with only the house test flags, and Playwright attaches over CDP with
 * `noDefaults` (no focus emulation in the default context). A tab brought to front then hides
 * the others, exactly like clicking another tab.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { assertInLoopbackNamespace, CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/browser.ts';

export interface BackgroundChromium {
  readonly browser: Browser;
  /** The default context: its pages are tabs that hide each other. */
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium's helper processes may still write into the profile for a moment after it exits. */
function removeProfile(profile: string): void {
  try {
    rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
  } catch (error) {
    console.warn(`could not remove the temporary Chromium profile ${profile}: ${String(error)}`);
  }
}

/** Waits for Chromium to print its DevTools endpoint (bounded: 15 s). */
function devToolsEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium printed no DevTools endpoint within 15 s; stderr: ${output.slice(-500)}`)), 15_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited with ${String(code)} before listening; stderr: ${output.slice(-500)}`));
    });
  });
}

/** Starts headless Chromium with background throttling as shipped, plus `extraArgs`. */
export async function launchBackgroundChromium(extraArgs: readonly string[] = []): Promise<BackgroundChromium> {
  assertInLoopbackNamespace();
  const profile = mkdtempSync(join(tmpdir(), 'dialtone-cadence-'));
  const child = spawn(CHROMIUM_PATH, [...CHROMIUM_ARGS, ...extraArgs, '--headless', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  try {
    const browser = await chromium.connectOverCDP(await devToolsEndpoint(child), { noDefaults: true });
    const context = browser.contexts()[0];
    if (context === undefined) throw new Error('Chromium over CDP exposed no default context');
    return {
      browser,
      context,
      close: async () => {
        const exited = new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) resolve();
          else child.once('exit', () => resolve());
        });
        // Browser.close shuts Chromium down cleanly (a connected Playwright only disconnects).
        await browser
          .newBrowserCDPSession()
          .then((cdp) => cdp.send('Browser.close'))
          .catch(() => undefined); // already gone: the kill below covers it
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
        removeProfile(profile);
      },
    };
  } catch (error) {
    child.kill();
    removeProfile(profile);
    throw error;
  }
}
