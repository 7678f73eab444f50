import { spawn, type ChildProcess } from 'node:child_process';
import type { Browser, Frame, Page } from 'playwright-core';
import { LightningControl } from '../../dev/lightning/control-client.ts';
import { startLightning, type LightningOptions, type LightningServer } from '../../dev/lightning/server.ts';

/** Connection settings an admin fills in after importing the XML (the XML ships placeholders). */
export const LOCAL_CONNECTION: Readonly<Record<string, string>> = {
  '/neotelConnection/neoApiUrl': 'http://127.0.0.1:8090/neoapi/webservice.asmx',
  '/neotelConnection/sipWebSocketUrl': 'ws://127.0.0.1:8090/sip',
  '/neotelConnection/sipDomain': '127.0.0.1',
};

/** The Lightning console framing the real built adapter (dist/) from its own origin. */
export async function startConsoleWithAdapter(options: LightningOptions = {}): Promise<{ server: LightningServer; control: LightningControl }> {
  const server = await startLightning({
    serveAdapterDir: 'dist',
    ...options,
    settingOverrides: { ...LOCAL_CONNECTION, ...options.settingOverrides },
  });
  const control = new LightningControl(server.origin, server.certificate === undefined ? {} : { ca: server.certificate });
  return { server, control };
}

export interface OpenedConsole {
  page: Page;
  adapter: Frame;
  /** Uncaught errors in the console page or the adapter frame. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** Opens the console in a new context, opens the softphone panel and returns the adapter frame. */
export async function openConsole(browser: Browser, server: LightningServer, options: { ignoreHttpsErrors?: boolean } = {}): Promise<OpenedConsole> {
  const context = await browser.newContext({ ignoreHTTPSErrors: options.ignoreHttpsErrors ?? false });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.url);
  await page.getByTestId('utility-item').click();
  const handle = await page.waitForSelector('iframe.openctiSoftPhone', { state: 'attached', timeout: 10_000 });
  const adapter = await handle.contentFrame();
  if (!adapter) throw new Error('The utility panel has no softphone frame');
  return { page, adapter, pageErrors, close: () => context.close() };
}

/**
 * Waits until the shell shows `phase` and returns the text of its body. Fails with what the shell
 * showed instead.
 */
export async function shellPhase(frame: Frame, phase: string, timeoutMs = 10_000): Promise<string> {
  try {
    await frame.waitForFunction(
      (p) => {
        const shell = document.querySelector('dialtone-softphone');
        const root = shell?.shadowRoot;
        if (!root) return false;
        if (p === 'config-error') return root.querySelector('dialtone-config-error-panel')?.shadowRoot?.querySelector('[role=alert]') != null;
        return root.querySelector(`[data-phase="${p}"]`) != null;
      },
      phase,
      { timeout: timeoutMs },
    );
  } catch (error) {
    throw new Error(`The softphone did not show "${phase}" within ${timeoutMs} ms; it showed: ${await shellText(frame)}`, { cause: error });
  }
  return shellText(frame);
}

/**
 * Whether the console heard the adapter's `notifyInitializationComplete`, waiting for it: the
 * message crosses two frames and the console's control API, so it may land a moment after the
 * shell is drawn. `false` when it never arrived within `timeoutMs`.
 */
export async function initializationCompleted(control: LightningControl, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await control.state()).tab?.initializationComplete === true) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** All text the shell shows, including nested shadow roots. */
export function shellText(frame: Frame): Promise<string> {
  // An explicit stack, not a named inner function: tsx (esbuild keepNames) would wrap one in a
  // `__name` helper that does not exist inside the page.
  return frame.evaluate(() => {
    const shell = document.querySelector('dialtone-softphone');
    if (!shell?.shadowRoot) return '(no shell rendered)';
    const parts: string[] = [];
    const stack: Node[] = [shell.shadowRoot];
    while (stack.length > 0) {
      const node = stack.pop();
      if (!node) break;
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
      const root = node instanceof Element && node.shadowRoot ? node.shadowRoot : node;
      const children = Array.from(root.childNodes);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
    return parts.join(' ').replace(/\s+/g, ' ').trim();
  });
}

/** The config-error panel's rows: path, received and expected, as the agent reads them. */
export function configIssuesShown(frame: Frame): Promise<{ path: string; text: string }[]> {
  return frame.evaluate(() => {
    const panel = document.querySelector('dialtone-softphone')?.shadowRoot?.querySelector('dialtone-config-error-panel')?.shadowRoot;
    return Array.from(panel?.querySelectorAll('li[data-path]') ?? []).map((li) => ({
      path: li.getAttribute('data-path') ?? '',
      text: li.textContent.replace(/\s+/g, ' ').trim(),
    }));
  });
}

/** `npm start` (dev/start.ts) as a child process, with what it printed so far. */
export interface NpmStart {
  readonly child: ChildProcess;
  output(): string;
  /** Resolves with the console URL of its `ready <url>` line; fails with its output when it exits or stays silent. */
  ready(timeoutMs: number): Promise<string>;
}

/** Starts `npm start` with `args` (the same launcher, without the npm wrapper). */
export function spawnNpmStart(args: readonly string[]): NpmStart {
  const child = spawn(process.execPath, ['--import', 'tsx', 'dev/start.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    child,
    output: () => output,
    ready: (timeoutMs) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`npm start ${args.join(' ')} printed no "ready" line within ${timeoutMs} ms:\n${output}`)), timeoutMs);
        const check = (): void => {
          const ready = /^ready (\S+)$/m.exec(output);
          if (!ready) return;
          clearTimeout(timer);
          resolve(ready[1]!);
        };
        check();
        child.stdout.on('data', check);
        child.on('exit', (code) => reject(new Error(`npm start exited with ${code ?? 'a signal'}:\n${output}`)));
      }),
  };
}
