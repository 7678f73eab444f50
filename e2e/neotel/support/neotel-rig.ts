/**
 * One running Neotel simulator (default scenario, real PBX), the sip.js test phone page served
 * next to it, one Chromium, and NeoApi/control clients: what the agent-flow tests share. The
 * scenario's own data (users, devices, campaigns, queues, contacts' tones) is read from the
 * default scenario, so the tests follow it instead of repeating it.
 */
import type { Browser } from 'playwright-core';
import { NeotelControl } from '../../../dev/neotel/control-client.ts';
import { startTestPhoneServer, type TestPhoneServer } from '../../../dev/neotel/pbx/test-phone/serve.ts';
import type { Pbx, SimulatedPbx } from '../../../dev/neotel/pbx/types.ts';
import { loadDefaultScenario } from '../../../dev/neotel/scenario/load.ts';
import type { CampaignSpec, QueueSpec, Scenario, UserSpec } from '../../../dev/neotel/scenario/schema.ts';
import { startNeotel, type NeotelServer } from '../../../dev/neotel/server.ts';
import { launchChromium } from '../../support/browser.ts';
import { AgentPhone } from './agent-phone.ts';
import { NeoApiHttp } from './neoapi-http.ts';

const isSimulatedPbx = (pbx: Pbx): pbx is SimulatedPbx => typeof (pbx as Partial<SimulatedPbx>).attach === 'function';

export interface PlatformUser {
  user: UserSpec;
  device: string;
  sipPassword: string;
}

export class NeotelRig {
  readonly control: NeotelControl;
  readonly neo: NeoApiHttp;

  private constructor(
    readonly neotel: NeotelServer,
    readonly phoneServer: TestPhoneServer,
    readonly browser: Browser,
    readonly scenario: Scenario,
  ) {
    this.control = new NeotelControl(neotel.url);
    this.neo = new NeoApiHttp(neotel.neoApiUrl);
  }

  static async start(): Promise<NeotelRig> {
    const neotel = await startNeotel({ port: 0 });
    const pbx = neotel.pbx;
    if (!isSimulatedPbx(pbx)) {
      await neotel.close();
      throw new Error('startNeotel did not create the real simulated PBX');
    }
    const phoneServer = await startTestPhoneServer(pbx);
    try {
      return new NeotelRig(neotel, phoneServer, await launchChromium(), loadDefaultScenario());
    } catch (error) {
      await phoneServer.close();
      await neotel.close();
      throw error;
    }
  }

  /** The first user of `role` with the device `SIP/<id>` and its SIP password. */
  platformUser(role: UserSpec['role'], index = 0): PlatformUser {
    const user = this.scenario.users.filter((u) => u.role === role)[index];
    const device = this.scenario.devices.find((d) => d.name === `SIP/${user?.id ?? ''}`);
    if (!user || !device) throw new Error(`The default scenario has no ${role} #${index} with a SIP/<id> device`);
    return { user, device: device.name, sipPassword: device.password };
  }

  campaign(predicate: (campaign: CampaignSpec) => boolean, what: string): CampaignSpec {
    const campaign = this.scenario.campaigns.find(predicate);
    if (!campaign) throw new Error(`The default scenario has no ${what} campaign`);
    return campaign;
  }

  queue(predicate: (queue: QueueSpec) => boolean, what: string): QueueSpec {
    const queue = this.scenario.queues.find(predicate);
    if (!queue) throw new Error(`The default scenario has no ${what} queue`);
    return queue;
  }

  /** The tone a contact's phone "speaks" (its own, or the platform's default). */
  toneOfPhone(phone: string): number {
    const contact = this.scenario.bases.flatMap((b) => b.contacts).find((c) => c.phones.includes(phone));
    return contact?.toneHz ?? this.scenario.platform.customerToneHz;
  }

  /** A browser page running the test phone for `who` (not registered yet). */
  openPhone(who: PlatformUser, microphoneHz?: number): Promise<AgentPhone> {
    return AgentPhone.open(this.browser, {
      pageUrl: this.phoneServer.url,
      sipUrl: this.neotel.sipUrl,
      user: who.user.id,
      password: who.sipPassword,
      ...(microphoneHz === undefined ? {} : { microphoneHz }),
    });
  }

  /** Recording URLs: the control API's, and seed 001's download shape. */
  recordingUrls(callId: string, phone: string): { control: string; seed001: string } {
    const id = encodeURIComponent(callId);
    return {
      control: `${this.neotel.url}/control/calls/${id}/recording`,
      seed001: `${this.neotel.url}/control/recording?callid=${id}&telefone=${encodeURIComponent(phone)}&chave=`,
    };
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.phoneServer.close();
    await this.neotel.close();
  }
}
