/**
 * The format of each call-center setting: how its text is parsed and what an admin should type.
 * `configFromSettings` pairs these with paths and defaults.
 */
import {
  COMPATIBILITY_MODES,
  LANGUAGES,
  NEOAPI_BINDINGS,
  SCHEDULING_METHODS,
  type BreakType,
  type Campaign,
  type Category,
  type CompatibilityMode,
  type ExternalNumber,
  type FieldMapping,
  type IceServer,
  type Language,
  type NeoApiBinding,
  type NeotelUser,
  type Queue,
  type SchedulingMethod,
  type SearchObject,
} from './config-types.ts';
import { AUTOMATIC_RELEASE_RANGE, DEVICE_PLACEHOLDER, NEVER_RELEASE_AUTOMATICALLY } from './defaults.ts';
import { ICE_SERVERS_EXPECTED, parseIceServers } from './ice-servers.ts';
import {
  CATEGORIES_EXPECTED,
  EXTERNAL_NUMBERS_EXPECTED,
  FIELD_MAPPINGS_EXPECTED,
  SEARCH_PRIORITY_EXPECTED,
  USER_ID_LIST_EXPECTED,
  namedListExpected,
  parseCategories,
  parseExternalNumbers,
  parseFieldMappings,
  parseNamedList,
  parseSearchPriority,
  parseUserIdList,
} from './list-parsers.ts';
import { NEOAPI_METHODS_EXPECTED, parseNeoApiMethods, type NeoApiNaming } from './neoapi-methods.ts';
import type { SettingFormat } from './settings-reader.ts';
import {
  BOOLEAN_EXPECTED,
  COUNTRY_EXPECTED,
  DIAL_PREFIX_EXPECTED,
  HOST_EXPECTED,
  accept,
  apiNameExpected,
  choiceExpected,
  hasControlCharacter,
  integerExpected,
  parseApiName,
  parseBoolean,
  parseChoice,
  parseCountryCode,
  parseDialPrefix,
  parseHost,
  parseInteger,
  parseServiceUrl,
  refuse,
  urlExpectation,
  type UrlRule,
} from './value-parsers.ts';

/** `true` / `false`. */
export const BOOLEAN: SettingFormat<boolean> = { parse: parseBoolean, expected: BOOLEAN_EXPECTED };

/** A whole number in a range, e.g. milliseconds or pixels. */
export function integer(min: number, max: number, unit: string): SettingFormat<number> {
  return { parse: (text) => parseInteger(text, min, max, unit), expected: integerExpected(min, max, unit) };
}

/** `reqInternalName`: 1–40 letters and digits, starting with a letter (Salesforce's rule). */
export const INTERNAL_NAME: SettingFormat<string> = {
  parse: (text) => (/^[A-Za-z][A-Za-z0-9]{0,39}$/u.test(text) ? accept(text) : refuse(INTERNAL_NAME.expected)),
  expected: '1 to 40 letters and digits starting with a letter, such as DialtoneCTI',
};

/** `reqDisplayName`: up to 1000 characters. */
export const DISPLAY_NAME: SettingFormat<string> = {
  parse: (text) => (text.length <= 1000 && !hasControlCharacter(text) ? accept(text) : refuse(DISPLAY_NAME.expected)),
  expected: 'a name of at most 1000 characters without control characters',
};

function url(rule: UrlRule, extra?: (url: URL) => string | undefined): SettingFormat<string> {
  return {
    parse: (text) => {
      const parsed = parseServiceUrl(text, rule);
      if (!parsed.ok) return parsed;
      const problem = extra?.(parsed.value);
      return problem === undefined ? accept(parsed.value.href) : refuse(urlExpectation(rule), problem);
    },
    expected: urlExpectation(rule),
  };
}

/** `reqAdapterUrl`: https (http on loopback). */
export const ADAPTER_URL = url({ secure: 'https:', insecure: 'http:', example: 'https://neotel.example.com/softphone/', allowQuery: true });

/** The ASMX endpoint itself: a bare host is the most likely mistake, so the path is checked. */
export const NEOAPI_URL = url(
  { secure: 'https:', insecure: 'http:', example: 'https://neotel.example.com/neoapi/webservice.asmx', allowQuery: false },
  (parsed) => (/\.asmx$/iu.test(parsed.pathname) ? undefined : `the path ${parsed.pathname} does not end in .asmx (the NeoApi web service, usually /neoapi/webservice.asmx)`),
);

/** `sipWebSocketUrl`: wss (ws on loopback). */
export const SIP_WEBSOCKET_URL = url({ secure: 'wss:', insecure: 'ws:', example: 'wss://neotel.example.com:8089/ws', allowQuery: true });

/** `sipDomain`: a host name or IP address. */
export const SIP_DOMAIN: SettingFormat<string> = { parse: parseHost, expected: HOST_EXPECTED };

/** Dialtone runs only in Lightning Experience (Open CTI for Lightning). */
export const COMPATIBILITY_MODE: SettingFormat<CompatibilityMode> = {
  parse: (text) => {
    const mode = parseChoice(text, COMPATIBILITY_MODES, false);
    if (!mode.ok) return refuse(COMPATIBILITY_MODE.expected);
    if (mode.value === 'Classic') return refuse(COMPATIBILITY_MODE.expected, 'Dialtone runs only in Lightning Experience');
    return mode;
  },
  expected: 'Lightning or Classic_and_Lightning',
};

/** Salesforce dialing prefixes. */
export const DIAL_PREFIX: SettingFormat<string> = { parse: parseDialPrefix, expected: DIAL_PREFIX_EXPECTED };

/** `neoApiMethods`: NeoApi methods and parameters this deployment names differently (neoapi-methods.ts). */
export const NEOAPI_METHODS: SettingFormat<NeoApiNaming> = { parse: parseNeoApiMethods, expected: NEOAPI_METHODS_EXPECTED };

/** `neoApiBinding`: GET, POST or SOAP in any case. */
export const NEOAPI_BINDING: SettingFormat<NeoApiBinding> = {
  parse: (text) => parseChoice(text, NEOAPI_BINDINGS, true),
  expected: choiceExpected(NEOAPI_BINDINGS),
};

/** `SIP/{device}`: the agent's device goes where `{device}` is; letters, digits and `/ _ - .` around it. */
export const LOGIN_DEVICE_TEMPLATE: SettingFormat<string> = {
  parse: (text) => {
    const parts = text.split(DEVICE_PLACEHOLDER);
    const ok = parts.length === 2 && parts.every((part) => /^[A-Za-z0-9/_.-]{0,20}$/u.test(part));
    return ok ? accept(text) : refuse(LOGIN_DEVICE_TEMPLATE.expected);
  },
  expected: `a template containing ${DEVICE_PLACEHOLDER} exactly once, such as SIP/${DEVICE_PLACEHOLDER} (letters, digits, / _ - . around it)`,
};

/** `iceServers` (see ice-servers.ts). */
export const ICE_SERVERS: SettingFormat<readonly IceServer[]> = {
  parse: parseIceServers,
  expected: ICE_SERVERS_EXPECTED,
  // TURN passwords must not reach the error panel, logs or a screenshot of either. Up to the
  // entry's last @, as the parser splits there: an unencoded @ in a password stays hidden too.
  // Entry by entry, not one regex over the whole value: that retried `[^|,\s]*` from every
  // `stun:` of a long entry (n²).
  redact: (raw) =>
    raw
      .split(/([|,\s]+)/u)
      .map((entry) => {
        const at = entry.lastIndexOf('@');
        const scheme = at === -1 ? null : /(?:stuns?|turns?):/iu.exec(entry.slice(0, at));
        return scheme ? `${entry.slice(0, scheme.index + scheme[0].length)}***${entry.slice(at)}` : entry;
      })
      .join(''),
};

/** `searchTypePriority` and the Neotel field mappings. */
export const SEARCH_PRIORITY: SettingFormat<readonly SearchObject[]> = { parse: parseSearchPriority, expected: SEARCH_PRIORITY_EXPECTED };
export const FIELD_MAPPINGS: SettingFormat<readonly FieldMapping[]> = { parse: parseFieldMappings, expected: FIELD_MAPPINGS_EXPECTED };

/** `schedulingMethod`: `UpdateContact` or `AddScheduleCall` (any case). */
export const SCHEDULING_METHOD: SettingFormat<SchedulingMethod> = {
  parse: (text) => parseChoice(text, SCHEDULING_METHODS, true),
  expected: choiceExpected(SCHEDULING_METHODS),
};

/** `automaticContactRelease`: `-1` = never, otherwise seconds after hang-up (0 = at once). */
export const RELEASE_SECONDS: SettingFormat<number | null> = {
  parse: (text) => {
    const seconds = parseInteger(text, AUTOMATIC_RELEASE_RANGE.min, AUTOMATIC_RELEASE_RANGE.max, 'seconds');
    if (!seconds.ok) return refuse(RELEASE_SECONDS.expected, seconds.problem);
    return accept(seconds.value === NEVER_RELEASE_AUTOMATICALLY ? null : seconds.value);
  },
  expected: `${NEVER_RELEASE_AUTOMATICALLY} (never) or a whole number of seconds from 0 to ${AUTOMATIC_RELEASE_RANGE.max}`,
};

/** `campaignEntityName`: `false` (the seed's value) turns it off; otherwise an object API name. */
export const CAMPAIGN_ENTITY: SettingFormat<string | null> = {
  parse: (text) => {
    if (text.toLowerCase() === 'false') return accept(null);
    // "true" reads like a switch, but the seed's item wants the object to link to.
    if (text.toLowerCase() === 'true') return refuse(CAMPAIGN_ENTITY.expected, 'true does not say which object to link campaigns to');
    const name = parseApiName(text, 'object');
    return name.ok ? name : refuse(CAMPAIGN_ENTITY.expected);
  },
  expected: `false (off) or ${apiNameExpected('object')}`,
};

/** A Salesforce field API name. */
export const FIELD_NAME: SettingFormat<string> = { parse: (text) => parseApiName(text, 'field'), expected: apiNameExpected('field') };

/** `nationalIdIvrKey`. */
export const IVR_KEY: SettingFormat<string> = {
  parse: (text) => (/^[A-Za-z0-9_]{1,40}$/u.test(text) ? accept(text) : refuse(IVR_KEY.expected)),
  expected: 'the key of the national id in the IVR data, 1 to 40 letters, digits or _, such as DNI, RUT or CPF',
};

/** `language` and `defaultCountry`. */
export const LANGUAGE: SettingFormat<Language> = { parse: (text) => parseChoice(text, LANGUAGES, true), expected: choiceExpected(LANGUAGES) };
export const COUNTRY: SettingFormat<string | null> = { parse: parseCountryCode, expected: COUNTRY_EXPECTED };

const BREAK_EXAMPLE = '1=Descanso|2=Tiempo administrativo|12=Almuerzo';
/** The `id=name` lists: break types, campaigns, queues, users. */
export const BREAK_TYPES: SettingFormat<readonly BreakType[]> = {
  parse: (text) => parseNamedList(text, 'neotel-id', BREAK_EXAMPLE),
  expected: namedListExpected('neotel-id', BREAK_EXAMPLE),
};

const CAMPAIGN_EXAMPLE = '97=SALESFORCE|12=Cobranzas';
export const CAMPAIGNS: SettingFormat<readonly Campaign[]> = {
  parse: (text) => parseNamedList(text, 'neotel-id', CAMPAIGN_EXAMPLE),
  expected: namedListExpected('neotel-id', CAMPAIGN_EXAMPLE),
};

const QUEUE_EXAMPLE = '3=Soporte|5=Ventas';
export const QUEUES: SettingFormat<readonly Queue[]> = {
  parse: (text) => parseNamedList(text, 'neotel-id', QUEUE_EXAMPLE),
  expected: namedListExpected('neotel-id', QUEUE_EXAMPLE),
};

const USER_EXAMPLE = '1148=Juan Pérez|1150=Ana Gómez';
export const USERS: SettingFormat<readonly NeotelUser[]> = {
  parse: (text) => parseNamedList(text, 'user-id', USER_EXAMPLE),
  expected: namedListExpected('user-id', USER_EXAMPLE),
};

/** Supervisors, categories and external numbers. */
export const USER_IDS: SettingFormat<readonly string[]> = { parse: parseUserIdList, expected: USER_ID_LIST_EXPECTED };
export const CATEGORIES: SettingFormat<readonly Category[]> = { parse: parseCategories, expected: CATEGORIES_EXPECTED };
export const EXTERNAL_NUMBERS: SettingFormat<readonly ExternalNumber[]> = { parse: parseExternalNumbers, expected: EXTERNAL_NUMBERS_EXPECTED };
