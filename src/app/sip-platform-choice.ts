/**
 * The `sip` telephony platform's half of platform-choice.ts (docs/sip-platform.md): its own chunk,
 * fetched only when the call center says `telephonyPlatform=sip`, so a Neotel softphone does not
 * fetch the SIP platform's hooks, dial plan and agent phone before it registers (issue 18,
 * docs/architecture.md). Moved unchanged from `choosePlatform`.
 */
import type { Config } from '../config/index.ts';
import type { SipPlatformConfig } from '../config/sip-platform-types.ts';
import { SipPlatform } from '../platforms/sip/sip-platform.ts';
import type { NeoApiLike } from './agent-runtime.ts';
import type { LazyPhone } from './lazy-phone.ts';
import { SipAgentPhone } from './sip-agent-phone.ts';

/** NeoApi is not there on the sip platform: listings answer nothing, so the configured targets stay. */
const NO_NEOAPI: NeoApiLike = { call: (method) => Promise.reject(new Error(`${method}: the sip platform has no NeoApi`)) };

/** The sip platform of `config` (`sip` is its validated `sipPlatform` section); platform-choice.ts checks it is a `PlatformChoice`. */
export function chooseSipPlatform(config: Config, sip: SipPlatformConfig, warn: (message: string, cause?: unknown) => void) {
  const platform = new SipPlatform({ settings: sip, warn });
  const breakTypes = sip.notReadyReasons.length === 0 ? config.agent.breakTypes : sip.notReadyReasons.map((name, index) => ({ id: index + 1, name }));
  return {
    platform,
    neo: NO_NEOAPI,
    // The browser's own INVITE is the dial's leg, answered by the agent who placed it (sip-agent-phone.ts).
    config: { ...config, agent: { ...config.agent, breakTypes }, connection: { ...config.connection, autoAnswerPlatformLegs: true } },
    phoneOptions: { inviteHeaders: Object.values(sip.popHeaders), dtmfTransport: sip.dtmfTransport },
    phone: (lazy: LazyPhone, user: string) => {
      const phone = new SipAgentPhone(lazy, platform);
      platform.attach(phone, user);
      return phone;
    },
  };
}
