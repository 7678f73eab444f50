/**
 * The built adapter (dist/) in the Lightning console stand-in on the `sip` platform: no NeoApi
 * (the simulator serves the adapter only), the phone registered at Kamailio. The agent's side of
 * e2e/interop/sip-platform-widget.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import type { RunningKamailio } from '../../../dev/kamailio/kamailio.ts';
import { LightningControl } from '../../../dev/lightning/control-client.ts';
import { startLightning, type LightningServer } from '../../../dev/lightning/server.ts';
import { startNeotel, type NeotelServer } from '../../../dev/neotel/server.ts';
import { openConsoleTab, type AgentTab } from '../../agent/support/agent-console.ts';
import { assertInLoopbackNamespace, CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/browser.ts';

export class SipWidgetConsole {
  readonly lightning: LightningControl;
  private constructor(
    private readonly adapterHost: NeotelServer,
    private readonly lightningServer: LightningServer,
    private readonly context: BrowserContext,
    private readonly profileDir: string,
  ) {
    this.lightning = new LightningControl(lightningServer.origin);
  }

  static async start(kamailio: RunningKamailio, sipSettings: Readonly<Record<string, string>>): Promise<SipWidgetConsole> {
    assertInLoopbackNamespace();
    // Only the adapter's files: NeoApi is off, so any NeoApi request would be a 404.
    const host = await startNeotel({ port: 0, neoApi: false });
    const lightning = await startLightning({
      adapterUrl: `${host.url}/softphone/`,
      settingOverrides: {
        '/neotelConnection/neoApiUrl': host.neoApiUrl,
        '/neotelConnection/sipWebSocketUrl': kamailio.wsUrl,
        '/neotelConnection/sipDomain': kamailio.domain,
        '/neotelConnection/iceServers': '',
        '/sipPlatform/telephonyPlatform': 'sip',
        ...sipSettings,
      },
    });
    host.serveSoftphoneTo([lightning.origin]);
    const profileDir = mkdtempSync(join(tmpdir(), 'dialtone-sip-widget-profile-'));
    mkdirSync(join(profileDir, 'Default'), { recursive: true });
    writeFileSync(join(profileDir, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }));
    const context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
    return new SipWidgetConsole(host, lightning, context, profileDir);
  }

  /** A console tab with the softphone panel open; the microphone is a steady sine of `microphoneHz`. */
  openTab(microphoneHz: number): Promise<AgentTab> {
    return openConsoleTab(this.context, this.lightningServer.url, { microphoneHz });
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    await Promise.allSettled([this.lightningServer.close(), this.adapterHost.close()]);
    rmSync(this.profileDir, { recursive: true, force: true });
  }
}
