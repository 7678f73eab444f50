/**
 * Defaults used when an optional setting is empty, and the ranges numbers must fall in. The
 * reasons behind each choice are in docs/configuration.md ("Choices where the sources are silent").
 */
import type { BreakType, Language, NeoApiBinding } from './config-types.ts';

/** Lightning Experience limits for the softphone panel (reference opencti.md §1.6). */
/** Panel sizes in pixels; the defaults are those of our definition file. */
export const SOFTPHONE_HEIGHT_RANGE = { min: 240, max: 2560 } as const;
export const SOFTPHONE_WIDTH_RANGE = { min: 200, max: 1920 } as const;
export const DEFAULT_SOFTPHONE_HEIGHT = 560;
export const DEFAULT_SOFTPHONE_WIDTH = 340;

/**
 * Form-encoded POST: what Neotel's own tools use, and unlike GET it keeps the agent's password
 * (`Login` CLAVE) out of URLs, proxy logs and browser history.
 */
export const DEFAULT_NEOAPI_BINDING: NeoApiBinding = 'POST';
export const NEOAPI_TIMEOUT_RANGE = { min: 1000, max: 60_000 } as const;
export const DEFAULT_NEOAPI_TIMEOUT_MS = 5000;

/** `Login(DEVICE=SIP/<device>)`, the format seen on every Neotel server (reference neoapi.md §2.1). */
export const DEFAULT_LOGIN_DEVICE_TEMPLATE = 'SIP/{device}';
export const DEVICE_PLACEHOLDER = '{device}';

/** Neotel's wiki asks for one `Position` poll per second; the range protects the API licences. */
export const POSITION_POLL_RANGE = { min: 500, max: 5000 } as const;
export const DEFAULT_POSITION_POLL_INTERVAL_MS = 1000;

/** sip.js waits 5 s by default, which stalls every call when a STUN server is unreachable. */
export const ICE_GATHERING_TIMEOUT_RANGE = { min: 100, max: 10_000 } as const;
export const DEFAULT_ICE_GATHERING_TIMEOUT_MS = 1000;
/**
 * RFC 4733 tone length and the silence after it. At 100 ms Chromium sends a digit as three "end"
 * packets and no start, and Kamailio-fronted PBXes (baresip, Asterisk) miss most of them; 160 ms
 * and more arrive (docs/interop-kamailio.md, "DTMF"). Chromium accepts 40–6000 ms tones, gaps ≥ 30 ms.
 */
export const DTMF_DURATION_RANGE = { min: 160, max: 2000 } as const;
export const DEFAULT_DTMF_DURATION_MS = 200;
export const DTMF_GAP_RANGE = { min: 50, max: 2000 } as const;
export const DEFAULT_DTMF_GAP_MS = 100;
export const DEFAULT_AUTO_ANSWER_PLATFORM_LEGS = true;

/** `automaticContactRelease`: `-1` = never (seed), otherwise seconds after hang-up. */
export const NEVER_RELEASE_AUTOMATICALLY = -1;
export const AUTOMATIC_RELEASE_RANGE = { min: -1, max: 3600 } as const;

/** Values of `neotelConfigOptions` when empty: those of Neotel's published definition file. */
export const DEFAULT_CRM_FLAGS = {
  allowCategorization: true,
  allowClickToDialSearch: true,
  useTaskDescriptionField: true,
  allowContactRelease: true,
  saveActivityLog: true,
  allowTextMessage: false,
} as const;

/** Callbacks through `UpdateContact(AGENDA=true)`, as Neotel's wiki describes the integration. */
export const DEFAULT_SCHEDULING_METHOD = 'UpdateContact' as const;

/** The external-id field Neotel's connector requires on every object it creates records of. */
export const DEFAULT_SYNC_ID_FIELD = 'neoSyncId__c';
/** Key of the national id in the IVR data (`CLAVE=DNI=31987456;…`), as in Neotel's example. */
export const DEFAULT_NATIONAL_ID_IVR_KEY = 'DNI';
/** `taskLogDeadLetterAfter`: refusals in a row before a call log is dead-lettered (15–30 s of back-off at 5). */
export const DEFAULT_TASK_LOG_DEAD_LETTER_AFTER = 5;
export const TASK_LOG_DEAD_LETTER_RANGE = { min: 1, max: 50 } as const;

/**
 * Agent defaults: follow the browser's language, remember the user and device; keep no password
 * at rest unless the admin decides the agents' computers are personal (docs/security.md).
 */
export const DEFAULT_LANGUAGE: Language = 'auto';
export const DEFAULT_REMEMBER_USER = true;
export const DEFAULT_REMEMBER_DEVICE_PASSWORD = false;
/** Neotel's two system break types; every platform has them (reference neoapi.md §2.3). */
export const DEFAULT_BREAK_TYPES: readonly BreakType[] = [
  { id: 1, name: 'Descanso' },
  { id: 2, name: 'Tiempo administrativo' },
];
/** Neotel's connector always offers a typed number next to the campaign's transfer list. */
export const DEFAULT_ALLOW_MANUAL_TRANSFER_NUMBER = true;
/** Silent monitoring stays silent unless the admin decides agents must be told. */
export const DEFAULT_SHOW_MONITORING_TO_AGENT = false;

/** Longer values are refused before parsing: no setting needs this much, pasted garbage does. */
export const MAX_SETTING_LENGTH = 10_000;
