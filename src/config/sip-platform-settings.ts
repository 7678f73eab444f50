/**
 * The `sipPlatform` section of the call-center settings: which platform runs the softphone
 * (`telephonyPlatform`: neotel, the default, or sip) and everything the `sip` platform needs —
 * dial plan, pop headers, availability, DTMF transport, conference, supervision feature codes
 * and HTTP hooks. Read with the config's SettingsReader, so every problem is one ConfigIssue
 * naming the setting, quoting the value (the hook secret redacted) and saying what is expected.
 * docs/sip-platform.md and docs/configuration.md describe each item.
 */
import { DIAL_PREFIX, FIELD_NAME } from './setting-formats.ts';
import { SettingsReader, type SettingFormat } from './settings-reader.ts';
import type { SettingsMap } from './settings-map.ts';
import type { ConfigIssue } from './config-error.ts';
import { accept, choiceExpected, hasControlCharacter, isLoopbackHost, parseChoice, refuse, type Parsed } from './value-parsers.ts';
import { HOOK_TEMPLATE_EXPECTED, parseHookTemplate, type HookTemplate } from '../platforms/sip/hook-template.ts';
import { parsePopHeaders, POP_HEADERS_EXPECTED, type PopHeaderMap } from '../platforms/sip/pop-data.ts';
import { SIP_PLATFORM_DEFAULTS } from './sip-platform-defaults.ts';
import { SIP_PLATFORM_SECTION, TELEPHONY_PLATFORMS, type SipPlatformConfig } from './sip-platform-types.ts';

export { SIP_PLATFORM_SECTION, TELEPHONY_PLATFORMS } from './sip-platform-types.ts';
export type { SipHooks, SipPlatformConfig, SupervisionCodes, TelephonyPlatform } from './sip-platform-types.ts';

export type SipSettingsResult = { readonly ok: true; readonly value: SipPlatformConfig } | { readonly ok: false; readonly issues: readonly ConfigIssue[]; readonly value: SipPlatformConfig };

const path = (item: string): string => `/${SIP_PLATFORM_SECTION}/${item}`;

const choice = <T extends string>(choices: readonly T[]): SettingFormat<T> => ({ parse: (text) => parseChoice(text, choices, true), expected: choiceExpected(choices) });

const EXTENSION_DIGITS: SettingFormat<{ min: number; max: number }> = {
  expected: 'a digit count or range from 1 to 10, e.g. 4 or 3-5',
  parse: (text): Parsed<{ min: number; max: number }> => {
    const match = /^(\d{1,2})(?:\s*-\s*(\d{1,2}))?$/.exec(text);
    const min = Number(match?.[1]);
    const max = match?.[2] === undefined ? min : Number(match[2]);
    if (!match || min < 1 || max > 10 || min > max) return refuse('a digit count or range from 1 to 10, e.g. 4 or 3-5');
    return accept({ min, max });
  },
};

const REASONS: SettingFormat<readonly string[]> = {
  expected: 'reasons separated by ";", each 1 to 40 characters, e.g. Almuerzo; Capacitación',
  parse: (text) => {
    const reasons = text.split(';').map((reason) => reason.trim()).filter((reason) => reason !== '');
    const bad = reasons.find((reason) => reason.length > 40 || hasControlCharacter(reason) || /[<>]/.test(reason));
    if (bad !== undefined) return refuse('reasons separated by ";", each 1 to 40 characters without < > or control characters', `reason ${JSON.stringify(bad)} is not allowed`);
    return accept(reasons);
  },
};

const POP_HEADERS: SettingFormat<PopHeaderMap> = {
  expected: POP_HEADERS_EXPECTED,
  parse: (text) => {
    const parsed = parsePopHeaders(text);
    return parsed.ok ? accept(parsed.value) : refuse(POP_HEADERS_EXPECTED, parsed.problem);
  },
};

const CONFERENCE: SettingFormat<SipPlatformConfig['conference']> = {
  expected: 'browser, or a conference URI such as sip:conf-{callId}@pbx.example.com',
  parse: (text) => {
    if (text.toLowerCase() === 'browser') return accept({ mode: 'browser' });
    if (/^sips?:[^\s<>"]+@[\w.-]+(?::\d{1,5})?(?:;[^\s<>"]*)?$/i.test(text)) return accept({ mode: 'uri', uri: text });
    return refuse('browser, or a conference URI such as sip:conf-{callId}@pbx.example.com');
  },
};

const FEATURE_CODE: SettingFormat<string> = {
  expected: 'a dial string of digits, * and # with {ramal} for the agent, e.g. *222{ramal} (Asterisk ChanSpy) or *33{ramal} (FreeSWITCH eavesdrop)',
  parse: (text) =>
    /^[\d*#]{0,16}\{ramal\}[\d*#]{0,16}$/.test(text) ? accept(text) : refuse('a dial string of digits, * and # with {ramal} for the agent, e.g. *222{ramal} (Asterisk ChanSpy) or *33{ramal} (FreeSWITCH eavesdrop)'),
};

const HOOK: SettingFormat<HookTemplate> = {
  expected: HOOK_TEMPLATE_EXPECTED,
  parse: (text) => {
    const parsed = parseHookTemplate(text, { loopbackHttpAllowed: isLoopbackHost });
    return parsed.ok ? accept(parsed.value) : refuse(HOOK_TEMPLATE_EXPECTED, parsed.problem);
  },
};

const SECRET: SettingFormat<string> = {
  expected: 'the key the telephony API expects (1 to 200 characters, no line breaks)',
  parse: (text) => (text.length <= 200 && !hasControlCharacter(text) ? accept(text) : refuse('the key the telephony API expects (1 to 200 characters, no line breaks)')),
  redact: (raw) => (raw === '' ? raw : `<${raw.length} characters, hidden>`),
};

/**
 * Reads and validates the `sipPlatform` section; defaults ({@link SIP_PLATFORM_DEFAULTS}) apply to
 * what is not set.
 */
export function sipPlatformSettings(settings: SettingsMap): SipSettingsResult {
  const read = new SettingsReader(settings);
  const optional = <T>(format: SettingFormat<T>, item: string): T | null => read.optional<T | null>(path(item), format, null);
  const defaults = SIP_PLATFORM_DEFAULTS;
  const value: SipPlatformConfig = {
    telephonyPlatform: read.optional(path('telephonyPlatform'), choice(TELEPHONY_PLATFORMS), defaults.telephonyPlatform),
    dialPlan: {
      outsidePrefix: read.optional(path('sipOutsidePrefix'), DIAL_PREFIX, defaults.dialPlan.outsidePrefix),
      internalLengths: read.optional(path('sipInternalExtensionDigits'), EXTENSION_DIGITS, defaults.dialPlan.internalLengths),
    },
    popHeaders: read.optional(path('sipPopHeaders'), POP_HEADERS, defaults.popHeaders),
    notReadyStatus: read.optional(path('sipNotReadyStatus'), { parse: (text) => (text === '486' || text === '480' ? accept(Number(text) as 486 | 480) : refuse('486 or 480')), expected: '486 or 480' }, defaults.notReadyStatus),
    notReadyReasons: read.optional(path('sipNotReadyReasons'), REASONS, defaults.notReadyReasons),
    dtmfTransport: read.optional(path('sipDtmfTransport'), choice(['rfc4733', 'info'] as const), defaults.dtmfTransport),
    conference: read.optional(path('sipConference'), CONFERENCE, defaults.conference),
    supervision: { listen: optional(FEATURE_CODE, 'sipListenCode'), whisper: optional(FEATURE_CODE, 'sipWhisperCode'), barge: optional(FEATURE_CODE, 'sipBargeCode') },
    hooks: {
      clickToCall: optional(HOOK, 'sipClickToCallHook'),
      callStart: optional(HOOK, 'sipCallStartHook'),
      callEnd: optional(HOOK, 'sipCallEndHook'),
      recording: optional(HOOK, 'sipRecordingHook'),
    },
    hookSecret: optional(SECRET, 'sipHookSecret'),
    recordingField: optional(FIELD_NAME, 'sipRecordingField'),
  };
  return read.issues.length === 0 ? { ok: true, value } : { ok: false, issues: [...read.issues], value };
}
