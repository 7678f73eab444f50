/**
 * The one decision of which telephony platform runs this softphone (`telephonyPlatform`,
 * docs/sip-platform.md): Neotel (NeoApi + Position) or plain SIP + HTTP hooks. It returns the
 * adapter behind the port, the phone as the machine should see it, and the config the session
 * runs with. agent-session.ts calls it once.
 */
import type { AgentEvent, PlatformPort } from '../call/index.ts';
import type { Config, ConfigIssue, SettingsMap } from '../config/index.ts';
import { sipPlatformSettings } from '../config/sip-platform-settings.ts';
import type { SipPhoneOptions } from '../sip/index.ts';
import { NeoApiClient, neoApiClientOptions } from '../platforms/neotel/client.ts';
import { NeotelPlatform } from '../platforms/neotel/neotel-platform.ts';
import { SipPlatform } from '../platforms/sip/sip-platform.ts';
import type { NeoApiLike } from './agent-runtime.ts';
import type { LazyPhone } from './lazy-phone.ts';
import type { PhoneLike } from './phone-bridge.ts';
import { SipAgentPhone } from './sip-agent-phone.ts';

/** What the session runs on. */
export interface PlatformChoice {
  readonly platform: PlatformPort<AgentEvent>;
  /** The NeoApi client (Neotel), or a stand-in that lists nothing (sip: targets come from the settings). */
  readonly neo: NeoApiLike;
  /** The config the session runs with (sip: its own not-ready reasons as breaks, its dials answered by the agent). */
  readonly config: Config;
  /** The phone's extra options for this platform (sip: pop headers kept, DTMF transport). */
  readonly phoneOptions: Pick<SipPhoneOptions, 'inviteHeaders' | 'dtmfTransport'>;
  /** The phone as the machine sees it; `user` = the SIP user it registers as. */
  readonly phone: (lazy: LazyPhone, user: string) => PhoneLike;
}

/** NeoApi is not there on the sip platform: listings answer nothing, so the configured targets stay. */
const NO_NEOAPI: NeoApiLike = { call: (method) => Promise.reject(new Error(`${method}: the sip platform has no NeoApi`)) };

/**
 * `config` with the platform chosen and, for sip, its section validated (sip-platform-settings.ts):
 * read with the session's code so its parsers stay out of the start-up bundle, before the
 * `ready` phase, and its problems go to the same config-error panel as every other setting's.
 */
export function withPlatformSettings(settings: SettingsMap, config: Config): { readonly ok: true; readonly config: Config } | { readonly ok: false; readonly issues: readonly ConfigIssue[] } {
  const sip = sipPlatformSettings(settings);
  return sip.ok ? { ok: true, config: { ...config, sipPlatform: sip.value } } : { ok: false, issues: sip.issues };
}

/** Picks the platform of `config`. */
export function choosePlatform(config: Config, warn: (message: string, cause?: unknown) => void): PlatformChoice {
  const sip = config.sipPlatform;
  if (sip?.telephonyPlatform !== 'sip') {
    const neo = new NeoApiClient(neoApiClientOptions(config.connection));
    const platform = new NeotelPlatform({ client: neo, naming: config.connection.neoApiMethods, pollIntervalMs: config.connection.positionPollIntervalMs, platformTimeZone: config.crm.platformTimeZone });
    return { platform, neo, config, phoneOptions: {}, phone: (lazy) => lazy };
  }
  const platform = new SipPlatform({ settings: sip, warn });
  const breakTypes = sip.notReadyReasons.length === 0 ? config.agent.breakTypes : sip.notReadyReasons.map((name, index) => ({ id: index + 1, name }));
  return {
    platform,
    neo: NO_NEOAPI,
    // The browser's own INVITE is the dial's leg, answered by the agent who placed it (sip-agent-phone.ts).
    config: { ...config, agent: { ...config.agent, breakTypes }, connection: { ...config.connection, autoAnswerPlatformLegs: true } },
    phoneOptions: { inviteHeaders: Object.values(sip.popHeaders), dtmfTransport: sip.dtmfTransport },
    phone: (lazy, user) => {
      const phone = new SipAgentPhone(lazy, platform);
      platform.attach(phone, user);
      return phone;
    },
  };
}
