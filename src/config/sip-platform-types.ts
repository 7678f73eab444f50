/**
 * The types of the `sipPlatform` section (parsed by ./sip-platform-settings.ts), apart so that
 * `Config` can name them without pulling the parsers into the start-up bundle.
 */
import type { DialPlan, SupervisionCodes } from '../platforms/sip/dial-plan.ts';
import type { HookTemplate } from '../platforms/sip/hook-template.ts';
import type { PopHeaderMap } from '../platforms/sip/pop-data.ts';

export type { SupervisionCodes };

export const SIP_PLATFORM_SECTION = 'sipPlatform';
export const TELEPHONY_PLATFORMS = ['neotel', 'sip'] as const;
export type TelephonyPlatform = (typeof TELEPHONY_PLATFORMS)[number];


export interface SipHooks {
  readonly clickToCall: HookTemplate | null;
  readonly callStart: HookTemplate | null;
  readonly callEnd: HookTemplate | null;
  readonly recording: HookTemplate | null;
}

/** The validated `sipPlatform` section. */
export interface SipPlatformConfig {
  readonly telephonyPlatform: TelephonyPlatform;
  readonly dialPlan: DialPlan;
  readonly popHeaders: PopHeaderMap;
  readonly notReadyStatus: 486 | 480;
  readonly notReadyReasons: readonly string[];
  readonly dtmfTransport: 'rfc4733' | 'info';
  /** `browser` (Web Audio mix of the two legs) or a conference URI template with `{callId}`. */
  readonly conference: { readonly mode: 'browser' } | { readonly mode: 'uri'; readonly uri: string };
  readonly supervision: SupervisionCodes;
  readonly hooks: SipHooks;
  /** The `{chave}` of the hooks: a secret, never logged (redacted in issues). */
  readonly hookSecret: string | null;
  /** Task field that receives the recording URL (also written in the Description); null = Description only. */
  readonly recordingField: string | null;
}

