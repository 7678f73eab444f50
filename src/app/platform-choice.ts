/**
 * The one decision of which telephony platform runs this softphone (`telephonyPlatform`,
 * docs/sip-platform.md): Neotel (NeoApi + Position) or plain SIP + HTTP hooks. It returns the
 * adapter behind the port, the phone as the machine should see it, and the config the session
 * runs with. agent-session.ts calls it once. The sip half is its own chunk (sip-platform-choice.ts),
 * fetched by `withPlatformSettings` only when the settings choose it (issue 18).
 */
import type { AgentEvent, PlatformPort } from '../call/index.ts';
import type { Config, ConfigIssue, SettingsMap } from '../config/index.ts';
import { withShippedPlatform } from '../config/sip-platform-defaults.ts';
import type { CallSnapshot, SipPhoneOptions } from '../sip/index.ts';
import type { AgentPreferences } from '../view/agent-view.ts';
import { NeoApiClient, neoApiClientOptions } from '../platforms/neotel/client.ts';
import { NeotelPlatform } from '../platforms/neotel/neotel-platform.ts';
import type { DeviceCredentials, NeoApiLike } from './agent-runtime.ts';
import { LazyPhone } from './lazy-phone.ts';
import { phoneConnection, type PhoneLike } from './phone-bridge.ts';
import type * as SipPlatformCode from './sip-platform-choice.ts';

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

/** The sip platform's chunk, once `withPlatformSettings` fetched it. */
let sipCode: typeof SipPlatformCode | undefined;

/**
 * `config` with the platform chosen and, for sip, its section validated (sip-platform-settings.ts):
 * read before the `ready` phase, and its problems go to the same config-error panel as every
 * other setting's. The parsers (with the hook templates and pop headers, ~3 KB gzip) are their
 * own chunk, fetched only when the section sets anything: a call center that leaves it unset
 * (every Neotel one) runs with the defaults, and registers without them (docs/benchmarks.md,
 * "Tenth pass (e)").
 */
export async function withPlatformSettings(settings: SettingsMap, config: Config): Promise<{ readonly ok: true; readonly config: Config } | { readonly ok: false; readonly issues: readonly ConfigIssue[] }> {
  const shipped = withShippedPlatform(settings, config);
  if (shipped !== undefined) return { ok: true, config: shipped };
  // A chunk that fails to load rejects here: the app shows it as the session's code not loading.
  const sip = (await import('../config/sip-platform-settings.ts')).sipPlatformSettings(settings);
  if (!sip.ok) return { ok: false, issues: sip.issues };
  if (sip.value.telephonyPlatform === 'sip') sipCode ??= await import('./sip-platform-choice.ts');
  return { ok: true, config: { ...config, sipPlatform: sip.value } };
}

/** Picks the platform of `config`. */
export function choosePlatform(config: Config, warn: (message: string, cause?: unknown) => void): PlatformChoice {
  const sip = config.sipPlatform;
  if (sip?.telephonyPlatform !== 'sip') {
    const neo = new NeoApiClient(neoApiClientOptions(config.connection));
    const platform = new NeotelPlatform({ client: neo, naming: config.connection.neoApiMethods, pollIntervalMs: config.connection.positionPollIntervalMs, platformTimeZone: config.crm.platformTimeZone });
    return { platform, neo, config, phoneOptions: {}, phone: (lazy) => lazy };
  }
  if (sipCode === undefined) throw new Error('telephonyPlatform is sip, but the sip platform\'s code was not loaded: the settings must go through withPlatformSettings before the session starts');
  return sipCode.chooseSipPlatform(config, sip, warn);
}

/**
 * The chosen platform's phone for the device `credentials`, on the agent's remembered audio
 * devices; sip.js itself loads in the background (lazy-phone.ts). `connection` is the call
 * center's own section (not the sip choice's, which answers its platform legs in the machine).
 */
export function choosePhone(chosen: PlatformChoice, connection: Config['connection'], prefs: AgentPreferences, credentials: DeviceCredentials, answersAtOnce: (call: CallSnapshot) => boolean): PhoneLike {
  return chosen.phone(new LazyPhone({
    ...chosen.phoneOptions,
    connection: phoneConnection(connection),
    credentials: { user: credentials.user, password: credentials.password },
    dtmfTiming: { durationMs: connection.dtmfDurationMs, gapMs: connection.dtmfGapMs },
    // The phone answers what the machine would answer at once (autoAnswerPlatformLegs) inside
    // the INVITE's task; a platform leg it does not answer is declined by the machine: no ring.
    answersAtOnce,
    silentPlatformLegs: connection.autoAnswerPlatformLegs,
    ...(prefs.microphoneId === null ? {} : { microphoneId: prefs.microphoneId }),
    ...(prefs.speakerId === null ? {} : { speakerId: prefs.speakerId }),
    ...(prefs.ringerId === null ? {} : { ringerId: prefs.ringerId }),
  }), credentials.user);
}
