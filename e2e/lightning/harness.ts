import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { LightningControl } from '../../dev/lightning/control-client.ts';
import { startLightning, type LightningOptions, type LightningServer } from '../../dev/lightning/server.ts';

/** The test adapter's API (dev/lightning/test-adapter/public/test-adapter.js). */
export interface TestAdapterApi {
  state: {
    loaded: boolean;
    initError: unknown;
    events: { method: string; channel?: string; payload: unknown }[];
    callbacks: { tag: string; response: unknown }[];
  };
  ready: Promise<TestAdapterApi['state']>;
  call(path: string, args?: Record<string, unknown>, timeoutMs?: number): Promise<CallResult>;
  callAndRecord(path: string, args: Record<string, unknown>, tag: string): void;
  callRaw(path: string, argList: unknown[]): { thrown?: string };
  listen(path: string, extraArgs?: Record<string, unknown>): void;
  postToParent(data: unknown, targetOrigin?: string): void;
}

/** What `testAdapter.call` resolves with. */
export interface CallResult {
  response?: { success: boolean; returnValue: unknown; errors: { code: string; description: string; details?: unknown }[] | null };
  thrown?: string;
  timedOut?: boolean;
}

declare global {
  interface Window {
    testAdapter: TestAdapterApi;
  }
}

/** Test adapter served cross-origin by the emulator, with the library version in its own query. */
export const TEST_ADAPTER_DIR = 'dev/lightning/test-adapter/public';

/** Starts an emulator that frames the test adapter (own origin, `?v=57`) plus its control client. */
export async function startConsole(options: LightningOptions = {}): Promise<{ server: LightningServer; control: LightningControl }> {
  const server = await startLightning({ serveAdapterDir: TEST_ADAPTER_DIR, adapterUrl: '/?v=57', ...options });
  const control = new LightningControl(server.origin, server.certificate === undefined ? {} : { ca: server.certificate });
  return { server, control };
}

/** A console page with its adapter frame loaded and the library initialised. */
export interface OpenConsole {
  context: BrowserContext;
  page: Page;
  adapter: Frame;
}

/** Opens the console in a fresh browser context and waits for the framed test adapter. */
export async function openConsole(browser: Browser, server: LightningServer, control: LightningControl): Promise<OpenConsole> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('console page error:', error.message));
  await page.goto(server.url);
  await control.waitForTab();
  const adapter = await adapterFrame(page);
  return { context, page, adapter };
}

/** The current adapter frame of a console page, once its library is initialised (or failed). */
export async function adapterFrame(page: Page, frameNumber?: number): Promise<Frame> {
  const selector = frameNumber === undefined ? 'iframe.openctiSoftPhone' : `iframe.openctiSoftPhone[data-frame="${frameNumber}"]`;
  const handle = await page.waitForSelector(selector, { state: 'attached', timeout: 10_000 });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('The softphone iframe has no content frame');
  await frame.waitForFunction(() => typeof window.testAdapter === 'object', undefined, { timeout: 10_000 });
  await frame.evaluate(() => window.testAdapter.ready);
  return frame;
}

/** Calls an Open CTI method in the adapter frame and returns what the callback received. */
export function call(adapter: Frame, path: string, args: Record<string, unknown> = {}, timeoutMs = 3000): Promise<CallResult> {
  return adapter.evaluate(([p, a, t]) => window.testAdapter.call(p, a, t), [path, args, timeoutMs] as const);
}

/** Listener events the adapter received so far. */
export function adapterEvents(adapter: Frame): Promise<TestAdapterApi['state']['events']> {
  return adapter.evaluate(() => window.testAdapter.state.events);
}
