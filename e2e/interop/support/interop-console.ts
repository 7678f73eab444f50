/**
 * The built adapter (dist/, what Salesforce loads) in the Lightning console stand-in, logging in
 * through the Neotel stand-in's NeoApi, with its phone registered at Kamailio instead of the
 * simulated PBX: the agent's side of the interop suite. The scenario drops the platform's
 * "device must be registered on my PBX" rule (the device registers at Kamailio here).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import type { RunningKamailio } from '../../../dev/kamailio/kamailio.ts';
import { startLightning, type LightningServer } from '../../../dev/lightning/server.ts';
import { NeotelControl } from '../../../dev/neotel/control-client.ts';
import { loadDefaultScenario } from '../../../dev/neotel/scenario/load.ts';
import { startNeotel, type NeotelServer } from '../../../dev/neotel/server.ts';
import { openConsoleTab, type AgentTab } from '../../agent/support/agent-console.ts';
import { assertInLoopbackNamespace, CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/browser.ts';

/** The scenario's first agent: NeoApi user 1001 on device SIP/1001, SIP user 1001 / sip-1001. */
export const AGENT = { user: '1001', password: '1234', device: '1001', devicePassword: 'sip-1001' } as const;

export class InteropConsole {
  readonly neotel: NeotelControl;
  private constructor(
    private readonly neotelServer: NeotelServer,
    private readonly lightning: LightningServer,
    private readonly context: BrowserContext,
    private readonly profileDir: string,
  ) {
    this.neotel = new NeotelControl(neotelServer.url);
  }

  static async start(kamailio: RunningKamailio, settingOverrides: Readonly<Record<string, string>> = {}): Promise<InteropConsole> {
    assertInLoopbackNamespace();
    const scenario = loadDefaultScenario();
    const neotel = await startNeotel({ port: 0, scenario: { ...scenario, platform: { ...scenario.platform, requireRegistration: false } } });
    const lightning = await startLightning({
      adapterUrl: `${neotel.url}/softphone/`,
      settingOverrides: {
        '/neotelConnection/neoApiUrl': neotel.neoApiUrl,
        '/neotelConnection/sipWebSocketUrl': kamailio.wsUrl,
        '/neotelConnection/sipDomain': kamailio.domain,
        '/neotelConnection/iceServers': '',
        ...settingOverrides,
      },
    });
    // Host the adapter as a deployer must: trusted-origins.json and frame-ancestors name this console.
    neotel.serveSoftphoneTo([lightning.origin]);
    const profileDir = mkdtempSync(join(tmpdir(), 'dialtone-interop-profile-'));
    mkdirSync(join(profileDir, 'Default'), { recursive: true });
    writeFileSync(join(profileDir, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }));
    const context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
    return new InteropConsole(neotel, lightning, context, profileDir);
  }

  /** A console tab with the softphone panel open; the microphone is a steady sine of `microphoneHz`. */
  openTab(microphoneHz: number): Promise<AgentTab> {
    return openConsoleTab(this.context, this.lightning.url, { microphoneHz });
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    await Promise.allSettled([this.lightning.close(), this.neotelServer.close()]);
    rmSync(this.profileDir, { recursive: true, force: true });
  }
}
