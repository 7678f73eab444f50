/**
 * The whole product as `npm start` runs it, for the agent's end-to-end tests: the Neotel simulator
 * (NeoApi, dialer, PBX with real WebRTC audio) serving the built adapter at /softphone/ (same origin
 * as NeoApi, as deployed), and the Lightning console emulator framing it from the real
 * callcenter-definition.xml. Tabs are console pages of one regular browser profile, so they share
 * IndexedDB, BroadcastChannel and Web Locks like a real agent's tabs.
 *
 * `salesforceHost: true` runs it under Salesforce's rules instead of the emulator's dev allowance:
 * the console at https://acme.lightning.force.com (mapped to loopback for Chromium only) with the
 * library's strict origin check, and the adapter, NeoApi and SIP over https/wss, since the library
 * refuses an adapter whose protocol differs from the console's.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { LightningControl } from '../../../dev/lightning/control-client.ts';
import { startLightning, type LightningServer } from '../../../dev/lightning/server.ts';
import { NeotelControl } from '../../../dev/neotel/control-client.ts';
import { loadDefaultScenario } from '../../../dev/neotel/scenario/load.ts';
import type { Scenario } from '../../../dev/neotel/scenario/schema.ts';
import { startNeotel, type NeotelServer } from '../../../dev/neotel/server.ts';
import { installAudioProbe, installOscillatorMicrophone } from '../../support/audio.ts';
import { assertInLoopbackNamespace, CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/browser.ts';

/** The console's host name under Salesforce's rules: a My Domain name, as a real org has. */
export const SALESFORCE_CONSOLE_HOST = 'acme.lightning.force.com';

/** How {@link AgentConsole.start} builds the world. */
export interface AgentConsoleOptions {
  /** Third-party storage in the browser profile (default on, as Chrome ships). */
  readonly thirdPartyStorage?: boolean;
  /**
   * Run under Salesforce's rules: https `*.lightning.force.com` console with the dev origin
   * allowance off, adapter/NeoApi over https and SIP over wss (default off: http://localhost).
   */
  readonly salesforceHost?: boolean;
  /**
   * Launch without `--use-fake-ui-for-media-stream` (the fake devices stay): the microphone is
   * then whatever the profile's permission says, which a test sets with {@link AgentConsole.setMicrophonePermission}.
   */
  readonly realPermissionPrompt?: boolean;
  /** The built adapter the simulator serves at /softphone/ (default dist/): bench/boot-timeline.ts compares two builds. */
  readonly softphoneDir?: string;
  /** The simulator's diagnostics and every SIP frame (`NeotelOptions.log`, `sipTrace`): bench/call-soak.ts explains a stall with them. */
  readonly neotelLog?: (line: string) => void;
  readonly sipTrace?: (direction: 'in' | 'out', connectionId: string, text: string) => void;
}

/** One console tab with the softphone panel open. */
export interface AgentTab {
  readonly page: Page;
  readonly adapter: Frame;
  /** Uncaught errors of the page and its frames. */
  readonly errors: string[];
  /** Console messages of the adapter (warnings help when a test fails). */
  readonly logs: string[];
}

export class AgentConsole {
  readonly neotel: NeotelControl;
  readonly lightning: LightningControl;
  readonly scenario: Scenario = loadDefaultScenario();
  private constructor(
    readonly neotelServer: NeotelServer,
    readonly lightningServer: LightningServer,
    /**
     * A regular (not incognito) browser profile, as agents use: the adapter is a third-party
     * frame (the Neotel host inside the Salesforce page), and an incognito profile blocks
     * third-party storage, which takes IndexedDB, Web Locks and BroadcastChannel with it
     * (docs/tabs.md, "Third-party storage").
     */
    readonly context: BrowserContext,
    private readonly profileDir: string,
  ) {
    this.neotel = new NeotelControl(neotelServer.url);
    this.lightning = new LightningControl(lightningServer.origin, lightningServer.certificate === undefined ? {} : { ca: lightningServer.certificate });
  }

  /** Starts both stand-ins and Chromium. `settingOverrides` are an admin's edits of the call center. */
  static async start(settingOverrides: Readonly<Record<string, string>> = {}, options: AgentConsoleOptions = {}): Promise<AgentConsole> {
    const strict = options.salesforceHost === true;
    const neotel = await startNeotel({
      port: 0,
      https: strict,
      ...(options.softphoneDir === undefined ? {} : { softphoneDir: options.softphoneDir }),
      ...(options.neotelLog === undefined ? {} : { log: options.neotelLog }),
      ...(options.sipTrace === undefined ? {} : { sipTrace: options.sipTrace }),
    });
    // What the browser uses; the tests' own clients keep the plain http port (no certificate to trust).
    const served = strict ? neotel.secure : neotel;
    if (served === undefined) throw new Error('startNeotel({ https: true }) gave no https URLs');
    const lightning = await startLightning({
      adapterUrl: `${served.url}/softphone/`,
      ...(strict ? { https: true, hostName: SALESFORCE_CONSOLE_HOST, allowLocalOrigins: false } : {}),
      settingOverrides: {
        '/neotelConnection/neoApiUrl': served.neoApiUrl,
        '/neotelConnection/sipWebSocketUrl': served.sipUrl,
        '/neotelConnection/sipDomain': new URL(served.url).hostname,
        '/neotelConnection/iceServers': '',
        ...settingOverrides,
      },
    });
    if (strict && (lightning.allowLocalOrigins || !lightning.origin.startsWith(`https://${SALESFORCE_CONSOLE_HOST}:`))) {
      throw new Error(`Salesforce's rules asked for, but the console is ${lightning.origin} with the local-origin allowance ${lightning.allowLocalOrigins ? 'on' : 'off'}`);
    }
    // As a deployer must (docs/admin-setup.md): the adapter trusts, and may be framed by, this console only.
    neotel.serveSoftphoneTo([lightning.origin]);
    assertInLoopbackNamespace();
    const profileDir = mkdtempSync(join(tmpdir(), 'dialtone-agent-profile-'));
    // Chrome's default for a regular profile: third-party cookies (and with them third-party
    // storage) allowed. Debian's Chromium ships with them blocked.
    mkdirSync(join(profileDir, 'Default'), { recursive: true });
    if (options.thirdPartyStorage !== false) writeFileSync(join(profileDir, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }));
    // force.com is HSTS-preloaded: the name must resolve to loopback and the dev certificates pass.
    const strictArgs = strict ? [`--host-resolver-rules=MAP ${SALESFORCE_CONSOLE_HOST} 127.0.0.1`, '--ignore-certificate-errors'] : [];
    const baseArgs = options.realPermissionPrompt === true ? CHROMIUM_ARGS.filter((arg) => arg !== '--use-fake-ui-for-media-stream') : CHROMIUM_ARGS;
    const context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM_PATH, headless: true, args: [...baseArgs, ...strictArgs], ignoreHTTPSErrors: strict });
    return new AgentConsole(neotel, lightning, context, profileDir);
  }

  /** Opens a console tab and its softphone panel (with the e2e audio probe unless told not to); resolves once the adapter frame is attached. */
  openTab(options: ConsoleTabOptions = {}): Promise<AgentTab> {
    return openConsoleTab(this.context, this.lightningServer.url, options);
  }

  /**
   * Sets the microphone permission as the agent would in the site settings (CDP
   * `Browser.setPermission`; granting through Playwright), for the console and the adapter's origin: a framed adapter's
   * permission is delegated by the top-level page. Meant with `realPermissionPrompt`.
   */
  async setMicrophonePermission(setting: 'granted' | 'denied' | 'prompt'): Promise<void> {
    // Granting: CDP `Browser.setPermission` 'granted' over an earlier 'denied' left both origins
    // reading `denied` in this Chromium (docs/health-gate.md); Playwright's grant takes effect.
    if (setting === 'granted') {
      for (const origin of [this.lightningServer.origin, new URL(this.neotelServer.url).origin]) await this.context.grantPermissions(['microphone'], { origin });
      return;
    }
    const browser = this.context.browser();
    if (!browser) throw new Error('the persistent context has no browser to open a CDP session on');
    const cdp = await browser.newBrowserCDPSession();
    try {
      for (const origin of [this.lightningServer.origin, new URL(this.neotelServer.url).origin]) {
        await cdp.send('Browser.setPermission', { permission: { name: 'microphone' }, setting, origin });
      }
    } finally {
      await cdp.detach();
    }
  }

  /** The scenario's first agent: user id, password, device and its SIP password. */
  agent(index = 0): { user: string; password: string; device: string; devicePassword: string } {
    const user = this.scenario.users.filter((u) => u.role === 'agent')[index];
    if (!user) throw new Error(`the scenario has no agent #${index}`);
    const device = this.scenario.devices.find((d) => d.name === `SIP/${user.id}`);
    if (!device) throw new Error(`the scenario has no device SIP/${user.id}`);
    return { user: user.id, password: user.password, device: user.id, devicePassword: device.password };
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    await Promise.allSettled([this.lightningServer.close(), this.neotelServer.close()]);
    rmSync(this.profileDir, { recursive: true, force: true });
  }
}

/** How {@link openConsoleTab} prepares the page before the console loads. */
export interface ConsoleTabOptions {
  /** The e2e audio probe (default on). */
  readonly audioProbe?: boolean;
  /** A steady sine of this frequency as the microphone (the adapter frame included), instead of Chromium's fake device. */
  readonly microphoneHz?: number;
}

/**
 * Opens a console tab in `context` at `consoleUrl` and its softphone panel; resolves once the
 * adapter frame is attached. {@link AgentConsole.openTab} uses the console's own browser; a test
 * with a second browser profile (a supervisor) passes that one.
 */
export async function openConsoleTab(context: BrowserContext, consoleUrl: string, options: ConsoleTabOptions = {}): Promise<AgentTab> {
  const page = await context.newPage();
  // The probe keeps every peer connection and an analyser per call: right for listening to a
  // call, wrong for a soak that measures what the adapter itself keeps.
  if (options.audioProbe !== false) await installAudioProbe(page);
  if (options.microphoneHz !== undefined) await installOscillatorMicrophone(page, options.microphoneHz);
  const errors: string[] = [];
  const logs: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => logs.push(`${message.type()}: ${message.text()}`));
  // The console line of a failed resource has no URL; this one says which request failed, so a
  // test's "page errors" dump can be traced (NeoApi's business errors are HTTP 500).
  page.on('response', (response) => {
    if (response.status() < 500) return;
    const body = (response.request().postData() ?? '').slice(0, 200);
    logs.push(`error: HTTP ${response.status()} ${response.request().method()} ${response.url()} ${body}`);
  });
  await page.goto(consoleUrl);
  await page.getByTestId('utility-item').click();
  const handle = await page.waitForSelector('iframe.openctiSoftPhone', { state: 'attached', timeout: 10_000 });
  const adapter = await handle.contentFrame();
  if (!adapter) throw new Error('The utility panel has no softphone frame');
  return { page, adapter, errors, logs };
}

/** Polls `probe` until `accept` says yes; fails with the last value seen. */
export async function waitFor<T>(what: string, probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < end) {
    last = await probe();
    if (accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${(JSON.stringify(last) as string | undefined ?? 'undefined').slice(0, 800)}`);
}

/**
 * Runs `step`; when it fails, adds what the panel showed (its notices, the desk's outcome line and
 * the last console lines) to the error, so a CI failure can be explained from the log alone.
 */
export async function explained<T>(tab: AgentTab, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const notices = await tab.adapter
      .locator('[data-testid="notice"], [data-testid="desk-outcome"]')
      .allTextContents()
      .catch((reason: unknown) => [`(notices unreadable: ${String(reason)})`]);
    const shown = notices.map((text) => text.replace(/\s+/g, ' ').trim()).join(' | ') || '(none)';
    const detail = `\nnotices and outcomes shown: ${shown}\nlast panel console lines:\n  ${tab.logs.slice(-20).join('\n  ')}`;
    if (error instanceof Error) {
      error.message += detail;
      throw error;
    }
    throw new Error(`${String(error)}${detail}`);
  }
}
