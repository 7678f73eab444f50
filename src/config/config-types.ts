/**
 * The validated configuration Dialtone runs on, built from the call-center settings by
 * `configFromSettings`. Grouped by concern (not by XML section); every field is read-only and has
 * already been checked, so consumers never re-parse strings.
 */
import type { NeoApiNaming } from './neoapi-methods.ts';
import type { SipPlatformConfig } from './sip-platform-types.ts';
import type { DeskActionsConfig } from './desk-actions-types.ts';

/** One row of `campaignRecords`: a Neotel campaign id and the Salesforce record it stands for. */
export interface CampaignRecord {
  readonly campaign: number;
  readonly recordId: string;
}

/** Placeholders a recording URL template (`recordingUrlTemplate`) may use. */
export const RECORDING_PLACEHOLDERS = ['file', 'callId', 'phone'] as const;

/** `reqSalesforceCompatibilityMode` values Salesforce accepts. */
export const COMPATIBILITY_MODES = ['Classic', 'Lightning', 'Classic_and_Lightning'] as const;
/** A `reqSalesforceCompatibilityMode` value. */
export type CompatibilityMode = (typeof COMPATIBILITY_MODES)[number];

/** Objects the Neotel connector's `searchTypePriority` may name, in the seed's spelling. */
export const SEARCH_OBJECTS = ['Contact', 'Account', 'Lead', 'Opportunity', 'Company'] as const;
/** An object of `searchTypePriority`. */
export type SearchObject = (typeof SEARCH_OBJECTS)[number];

/**
 * The Neotel data an `externalData` / `defaultNewRowData` pair may copy into a Salesforce field,
 * spelled exactly as Neotel's connector documents them (`callCampaing` included).
 */
export const NEOTEL_DATA_KEYS = [
  'callCampaing',
  'callDialer',
  'callId',
  'callQueue',
  'callReason',
  'phoneNumber',
  'contactBaseId',
  'campaignCrmId',
  'campaignBaseId',
  'userOutCampaign',
  'crmId',
  'contactId',
  'crmKey',
  'SearchBy',
  'SearchData',
] as const;
/** A Neotel data key of `externalData` / `defaultNewRowData`. */
export type NeotelDataKey = (typeof NEOTEL_DATA_KEYS)[number];

/** How Dialtone talks to NeoApi's ASMX service (reference neoapi.md §1.2). */
export const NEOAPI_BINDINGS = ['GET', 'POST', 'SOAP'] as const;
/** A NeoApi binding. */
export type NeoApiBinding = (typeof NEOAPI_BINDINGS)[number];

/** UI languages; `auto` follows the agent's browser. */
export const LANGUAGES = ['auto', 'es', 'pt', 'en'] as const;
/** A UI language setting. */
export type Language = (typeof LANGUAGES)[number];

/**
 * How a callback is scheduled (docs/wrap-up.md): `UpdateContact` with `AGENDA=true` (the wiki's
 * flow; it also frees the agent), or `AddScheduleCall` then `CRM_Available` (a production client's
 * flow; the callback is always the agent's own and the sub-category stays in Salesforce).
 */
export const SCHEDULING_METHODS = ['UpdateContact', 'AddScheduleCall'] as const;
/** A scheduling method. */
export type SchedulingMethod = (typeof SCHEDULING_METHODS)[number];

/** A Salesforce field filled from a piece of Neotel data (`SfField-neotelKey`). */
export interface FieldMapping {
  /** Field API name, e.g. `neoContactId__c`. */
  readonly field: string;
  readonly source: NeotelDataKey;
}

/** An entry of an admin-typed `id=name` list (break types, campaigns, queues, users). */
export interface NamedEntry<Id> {
  readonly id: Id;
  readonly name: string;
}

/** A Neotel break sub-type (`SUBTIPO_DESCANSO`, ≥ 1; 0 means "not on a break"). */
export type BreakType = NamedEntry<number>;
/** A Neotel campaign (`CAMPANA`). */
export type Campaign = NamedEntry<number>;
/** A Neotel queue (`COLA`). */
export type Queue = NamedEntry<number>;
/** A Neotel user (`USUARIO`); ids are strings because NeoApi types them so. */
export type NeotelUser = NamedEntry<string>;

/** A Neotel sub-category: the disposition sent as `UpdateContact.SUBCATEGORIA`. */
export type Subcategory = NamedEntry<number>;

/** A Neotel category: it only groups sub-categories (its id is optional, NeoApi never needs it). */
export interface Category {
  readonly id: number | null;
  readonly name: string;
  readonly subcategories: readonly Subcategory[];
}

/** An external number offered as a transfer or conference target. */
export interface ExternalNumber {
  /** Digits as NeoApi receives them (`+`, `*`, `#` kept; spaces, dashes, dots, brackets removed). */
  readonly number: string;
  readonly name: string;
}

/** One ICE server, shaped like the browser's `RTCIceServer`. */
export interface IceServer {
  readonly urls: string;
  readonly username?: string;
  readonly credential?: string;
}

/** Salesforce's `reqGeneralInfo`: who the call center is and how its panel is sized. */
export interface GeneralConfig {
  readonly internalName: string;
  readonly displayName: string;
  readonly adapterUrl: string;
  readonly softphoneHeight: number;
  readonly softphoneWidth: number;
  readonly compatibilityMode: CompatibilityMode;
}

/** Salesforce's dialing prefixes (`reqDialingOptions`); empty string = none. */
export interface DialingConfig {
  readonly outsidePrefix: string;
  readonly longDistancePrefix: string;
  readonly internationalPrefix: string;
}

/** The Neotel connector's options (`neotelConfigOptions`) plus Dialtone's CRM field names. */
export interface CrmConfig {
  /** Empty = the softphone layout decides between several matches. */
  readonly searchTypePriority: readonly SearchObject[];
  readonly externalData: readonly FieldMapping[];
  readonly defaultNewRowData: readonly FieldMapping[];
  readonly allowCategorization: boolean;
  readonly allowClickToDialSearch: boolean;
  readonly useTaskDescriptionField: boolean;
  readonly allowContactRelease: boolean;
  /** Seconds after hang-up before the contact is released; `null` = never automatically (seed `-1`). */
  readonly automaticContactReleaseSeconds: number | null;
  /** NeoApi method that schedules a callback (`/dialtoneCalls/schedulingMethod`). */
  readonly schedulingMethod: SchedulingMethod;
  readonly saveActivityLog: boolean;
  readonly allowTextMessage: boolean;
  /** Object API name a Neotel campaign id is linked to; `null` = off (seed `false`). */
  readonly campaignEntityName: string | null;
  /** External-id field that ties a record created from a no-match pop to the call (seed `neoSyncId__c`). */
  readonly syncIdField: string;
  /** Field holding the national id searched when the IVR collected one; `null` = no such search. */
  readonly nationalIdField: string | null;
  /** Key of the national id inside the IVR data (`CLAVE=DNI=…;`). */
  readonly nationalIdIvrKey: string;
  /** Sends in a row Salesforce refuses the same way before a call log goes to the dead-letter list (docs/task-log.md). */
  readonly taskLogDeadLetterAfter: number;
  /** Neotel recording URL with `{file}`/`{callId}`/`{phone}` (docs/recording-link.md); `null` = no link. */
  readonly recordingUrlTemplate: string | null;
  /** Task field that receives the recording URL (it also goes in the Description); `null` = Description only. */
  readonly recordingField: string | null;
  /** `campaignEntityName`: which record of that object each Neotel campaign id is (docs/screen-pop.md). */
  readonly campaignRecords: readonly CampaignRecord[];
  /** Field of the popped record that receives the campaign record's id. */
  readonly campaignField: string;
  /** Record field holding the customer's IANA time zone; `null` = from the number (docs/wrap-up.md). */
  readonly customerTimeZoneField: string | null;
  /** Zone `FECHA_AGENDA` is written in; `null` = the agent's browser zone (as before). */
  readonly platformTimeZone: string | null;
}

/** How to reach Neotel: NeoApi over HTTP, the agent's phone over SIP/WebSocket, media over ICE. */
export interface ConnectionConfig {
  readonly neoApiUrl: string;
  readonly neoApiBinding: NeoApiBinding;
  readonly neoApiTimeoutMs: number;
  /** `Login(DEVICE=…)` for the agent's device: `{device}` is replaced, e.g. `SIP/{device}`. */
  readonly loginDeviceTemplate: string;
  readonly positionPollIntervalMs: number;
  readonly sipWebSocketUrl: string;
  readonly sipDomain: string;
  readonly iceServers: readonly IceServer[];
  readonly iceGatheringTimeoutMs: number;
  readonly autoAnswerPlatformLegs: boolean;
  /** RFC 4733 tone length of each DTMF digit, ms (`dtmfDurationMs`). */
  readonly dtmfDurationMs: number;
  /** Silence between two DTMF digits, ms (`dtmfGapMs`). */
  readonly dtmfGapMs: number;
  /**
   * NeoApi methods and parameters this deployment spells differently: contract name → its name
   * here (`neoApiMethods`, src/config/neoapi-methods.ts). Empty = the contract's names.
   */
  readonly neoApiMethods: NeoApiNaming;
}

/** What the agent sees and chooses: language, numbers, login, breaks, campaigns. */
export interface AgentConfig {
  readonly language: Language;
  /** ISO 3166-1 alpha-2 for national numbers (libphonenumber-js); `null` = dial numbers as typed. */
  readonly defaultCountry: string | null;
  /** Offer "remember me": the user and device (never a password) kept in this browser. */
  readonly rememberUser: boolean;
  /**
   * Offer to keep the device (SIP) password in this browser, sealed in the vault (docs/security.md).
   * `false` (default) also wipes a device password kept earlier, at the agent's next page load.
   */
  readonly allowRememberDevicePassword: boolean;
  /** The agent's "Use a phone window" until they change it (docs/phone-window.md). */
  readonly phoneWindow: boolean;
  readonly breakTypes: readonly BreakType[];
  /** Outbound campaigns offered at login; empty = the agent types a campaign id. */
  readonly campaigns: readonly Campaign[];
}

/** Targets offered for transfers and conferences (NeoApi cannot list them). */
export interface TransferConfig {
  readonly queues: readonly Queue[];
  readonly campaigns: readonly Campaign[];
  readonly users: readonly NeotelUser[];
  readonly numbers: readonly ExternalNumber[];
  readonly allowManualNumber: boolean;
}

/** Who may listen to / assist agents, whom, and whether agents are told. */
export interface SupervisionConfig {
  /** Neotel users allowed to listen to / assist agents; empty = nobody. */
  readonly supervisorUserIds: readonly string[];
  /** Agents a supervisor can pick; defaults to the transfer users when empty. */
  readonly monitoredUsers: readonly NeotelUser[];
  readonly showMonitoringToAgent: boolean;
}

/** Everything Dialtone reads from the call center, validated. */
export interface Config {
  readonly general: GeneralConfig;
  readonly dialing: DialingConfig;
  readonly crm: CrmConfig;
  readonly connection: ConnectionConfig;
  readonly agent: AgentConfig;
  readonly categories: readonly Category[];
  readonly transfers: TransferConfig;
  readonly supervision: SupervisionConfig;
  /**
   * The telephony platform (`telephonyPlatform`) and the sip platform's section, read with the
   * session's code (src/app/platform-choice.ts `withPlatformSettings`, so its parsers stay out of
   * the start-up bundle); absent = Neotel.
   */
  readonly sipPlatform?: SipPlatformConfig;
  /** Agent actions and text messages (`dialtoneActions`; docs/agent-actions.md, docs/text-messages.md). */
  readonly actions: DeskActionsConfig;
}
