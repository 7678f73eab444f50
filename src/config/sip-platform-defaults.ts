/**
 * The `sipPlatform` section's defaults, and whether a call center's settings leave the section as
 * shipped: then the session runs with the defaults without fetching the section's parsers at all
 * (sip-platform-settings.ts, with the hook templates and pop headers: ~3 KB gzip that every Neotel
 * call center fetched before the phone registered; docs/benchmarks.md, "Tenth pass (e)").
 */
import { settingValue, type SettingsMap } from './settings-map.ts';
import { SIP_PLATFORM_SECTION, type SipPlatformConfig } from './sip-platform-types.ts';

/** The section when nothing in it is set: Neotel, and the sip platform's defaults (docs/sip-platform.md). */
export const SIP_PLATFORM_DEFAULTS: SipPlatformConfig = {
  telephonyPlatform: 'neotel',
  dialPlan: { outsidePrefix: '', internalLengths: { min: 3, max: 5 } },
  popHeaders: {},
  notReadyStatus: 486,
  notReadyReasons: [],
  dtmfTransport: 'rfc4733',
  conference: { mode: 'browser' },
  supervision: { listen: null, whisper: null, barge: null },
  hooks: { clickToCall: null, callStart: null, callEnd: null, recording: null },
  hookSecret: null,
  recordingField: null,
};

/**
 * The text of each item whose default callcenter-definition.xml writes in (the others ship empty):
 * the section as shipped, which every Neotel call center keeps.
 */
const DEFAULT_TEXTS: Readonly<Record<string, string>> = {
  telephonyPlatform: 'neotel',
  sipInternalExtensionDigits: '3-5',
  sipNotReadyStatus: '486',
  sipDtmfTransport: 'rfc4733',
  sipConference: 'browser',
};

/** `/sipPlatform/<item>`; not the section's own `label` and `sortOrder`, nor an item's (`/<item>/label`). */
const SECTION_ITEM = new RegExp(`^/${SIP_PLATFORM_SECTION}/(?!label$|sortOrder$)([^/]+)$`);

/**
 * Whether the `sipPlatform` section is as shipped — each item in the map blank or its default's
 * text (any case, spaces ignored) —, so that validating it could only give
 * {@link SIP_PLATFORM_DEFAULTS} (test/platforms/sip/settings.test.ts holds the two together). Any
 * other item, known or not, sends the section through `sipPlatformSettings`, which names what is
 * wrong. (The keys are read from the map rather than from `SETTING_ITEMS`, whose whole table would
 * otherwise ship in the start-up bundle.)
 */
export function sipSectionUnset(settings: SettingsMap): boolean {
  const untrusted: unknown = settings;
  if (typeof untrusted !== 'object' || untrusted === null) return false;
  return Object.keys(untrusted).every((key) => {
    const item = SECTION_ITEM.exec(key)?.[1];
    if (item === undefined) return true;
    const value = settingValue(settings, key);
    return value === undefined || value.toLowerCase().replace(/\s+/g, '') === DEFAULT_TEXTS[item];
  });
}

/**
 * `config` with the section's defaults when `settings` leave the section as shipped (Neotel): what
 * validating the section would give, known without its parsers; `undefined` when the section sets
 * anything, and they must read it (src/app/platform-choice.ts `withPlatformSettings`). The app
 * draws the login form before the session's code arrives only on this answer (softphone-app.ts).
 */
export function withShippedPlatform<C extends { readonly sipPlatform?: SipPlatformConfig }>(settings: SettingsMap, config: C): C | undefined {
  return sipSectionUnset(settings) ? { ...config, sipPlatform: SIP_PLATFORM_DEFAULTS } : undefined;
}
