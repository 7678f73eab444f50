/**
 * Call-center settings map → validated {@link Config}. Runs in the adapter at start-up on what
 * `getCallCenterSettings` returned, and in Node (CLI, dev host) on a map built from the XML file.
 *
 * Connection settings (NeoApi URL, SIP WebSocket URL, SIP domain) and the Salesforce identity of
 * the call center are required; every behaviour setting has a default. Unknown keys are ignored:
 * Salesforce adds its own.
 */
import { ConfigError, type ConfigIssue } from './config-error.ts';
import type { Config } from './config-types.ts';
import {
  DEFAULT_ALLOW_MANUAL_TRANSFER_NUMBER,
  DEFAULT_AUTO_ANSWER_PLATFORM_LEGS,
  DEFAULT_BREAK_TYPES,
  DEFAULT_CRM_FLAGS,
  DEFAULT_ICE_GATHERING_TIMEOUT_MS,
  DEFAULT_DTMF_DURATION_MS,
  DEFAULT_DTMF_GAP_MS,
  DTMF_DURATION_RANGE,
  DTMF_GAP_RANGE,
  DEFAULT_LANGUAGE,
  DEFAULT_LOGIN_DEVICE_TEMPLATE,
  DEFAULT_NATIONAL_ID_IVR_KEY,
  DEFAULT_TASK_LOG_DEAD_LETTER_AFTER,
  TASK_LOG_DEAD_LETTER_RANGE,
  DEFAULT_NEOAPI_BINDING,
  DEFAULT_NEOAPI_TIMEOUT_MS,
  DEFAULT_POSITION_POLL_INTERVAL_MS,
  DEFAULT_REMEMBER_DEVICE_PASSWORD,
  DEFAULT_REMEMBER_USER,
  DEFAULT_SCHEDULING_METHOD,
  DEFAULT_SHOW_MONITORING_TO_AGENT,
  DEFAULT_SOFTPHONE_HEIGHT,
  DEFAULT_SOFTPHONE_WIDTH,
  DEFAULT_SYNC_ID_FIELD,
  ICE_GATHERING_TIMEOUT_RANGE,
  NEOAPI_TIMEOUT_RANGE,
  POSITION_POLL_RANGE,
  SOFTPHONE_HEIGHT_RANGE,
  SOFTPHONE_WIDTH_RANGE,
} from './defaults.ts';
import * as format from './setting-formats.ts';
import * as extra from './crm-extra-formats.ts';
import { SettingsReader } from './settings-reader.ts';
import { readDeskActions } from './desk-actions-settings.ts';
import { CONTRACT_NAMING } from './neoapi-methods.ts';
import { settingPath as path, type SettingsMap } from './settings-map.ts';

/** The outcome of {@link validateConfig}: the config, or every problem found. */
export type ConfigResult =
  | { readonly ok: true; readonly config: Config }
  | { readonly ok: false; readonly errors: readonly ConfigIssue[] };

/**
 * Validates the whole settings map and returns either the config or ALL problems found (for the
 * adapter's error panel). Never throws for bad settings.
 */
export function validateConfig(settings: SettingsMap): ConfigResult {
  const read = new SettingsReader(settings);

  const general = {
    internalName: read.required(path('reqGeneralInfo', 'reqInternalName'), format.INTERNAL_NAME),
    displayName: read.optional(path('reqGeneralInfo', 'reqDisplayName'), format.DISPLAY_NAME, ''),
    adapterUrl: read.required(path('reqGeneralInfo', 'reqAdapterUrl'), format.ADAPTER_URL),
    softphoneHeight: read.optional(
      path('reqGeneralInfo', 'reqSoftphoneHeight'),
      format.integer(SOFTPHONE_HEIGHT_RANGE.min, SOFTPHONE_HEIGHT_RANGE.max, 'pixels'),
      DEFAULT_SOFTPHONE_HEIGHT,
    ),
    softphoneWidth: read.optional(
      path('reqGeneralInfo', 'reqSoftphoneWidth'),
      format.integer(SOFTPHONE_WIDTH_RANGE.min, SOFTPHONE_WIDTH_RANGE.max, 'pixels'),
      DEFAULT_SOFTPHONE_WIDTH,
    ),
    compatibilityMode: read.required(path('reqGeneralInfo', 'reqSalesforceCompatibilityMode'), format.COMPATIBILITY_MODE),
  };

  const dialing = {
    outsidePrefix: read.optional(path('reqDialingOptions', 'reqOutsidePrefix'), format.DIAL_PREFIX, ''),
    longDistancePrefix: read.optional(path('reqDialingOptions', 'reqLongDistPrefix'), format.DIAL_PREFIX, ''),
    internationalPrefix: read.optional(path('reqDialingOptions', 'reqInternationalPrefix'), format.DIAL_PREFIX, ''),
  };

  const connection = {
    neoApiUrl: read.required(path('neotelConnection', 'neoApiUrl'), format.NEOAPI_URL),
    neoApiBinding: read.optional(path('neotelConnection', 'neoApiBinding'), format.NEOAPI_BINDING, DEFAULT_NEOAPI_BINDING),
    neoApiTimeoutMs: read.optional(
      path('neotelConnection', 'neoApiTimeoutMs'),
      format.integer(NEOAPI_TIMEOUT_RANGE.min, NEOAPI_TIMEOUT_RANGE.max, 'ms'),
      DEFAULT_NEOAPI_TIMEOUT_MS,
    ),
    loginDeviceTemplate: read.optional(
      path('neotelConnection', 'loginDeviceTemplate'),
      format.LOGIN_DEVICE_TEMPLATE,
      DEFAULT_LOGIN_DEVICE_TEMPLATE,
    ),
    positionPollIntervalMs: read.optional(
      path('neotelConnection', 'positionPollIntervalMs'),
      format.integer(POSITION_POLL_RANGE.min, POSITION_POLL_RANGE.max, 'ms'),
      DEFAULT_POSITION_POLL_INTERVAL_MS,
    ),
    sipWebSocketUrl: read.required(path('neotelConnection', 'sipWebSocketUrl'), format.SIP_WEBSOCKET_URL),
    sipDomain: read.required(path('neotelConnection', 'sipDomain'), format.SIP_DOMAIN),
    iceServers: read.optional(path('neotelConnection', 'iceServers'), format.ICE_SERVERS, []),
    iceGatheringTimeoutMs: read.optional(
      path('neotelConnection', 'iceGatheringTimeoutMs'),
      format.integer(ICE_GATHERING_TIMEOUT_RANGE.min, ICE_GATHERING_TIMEOUT_RANGE.max, 'ms'),
      DEFAULT_ICE_GATHERING_TIMEOUT_MS,
    ),
    autoAnswerPlatformLegs: read.optional(
      path('neotelConnection', 'autoAnswerPlatformLegs'),
      format.BOOLEAN,
      DEFAULT_AUTO_ANSWER_PLATFORM_LEGS,
    ),
    neoApiMethods: read.optional(path('neotelConnection', 'neoApiMethods'), format.NEOAPI_METHODS, CONTRACT_NAMING),
    dtmfDurationMs: read.optional(path('neotelConnection', 'dtmfDurationMs'), format.integer(DTMF_DURATION_RANGE.min, DTMF_DURATION_RANGE.max, 'ms'), DEFAULT_DTMF_DURATION_MS),
    dtmfGapMs: read.optional(path('neotelConnection', 'dtmfGapMs'), format.integer(DTMF_GAP_RANGE.min, DTMF_GAP_RANGE.max, 'ms'), DEFAULT_DTMF_GAP_MS),
  };

  const option = (item: keyof typeof DEFAULT_CRM_FLAGS): boolean =>
    read.optional(path('neotelConfigOptions', item), format.BOOLEAN, DEFAULT_CRM_FLAGS[item]);
  const crm = {
    searchTypePriority: read.optional(path('neotelConfigOptions', 'searchTypePriority'), format.SEARCH_PRIORITY, []),
    externalData: read.optional(path('neotelConfigOptions', 'externalData'), format.FIELD_MAPPINGS, []),
    defaultNewRowData: read.optional(path('neotelConfigOptions', 'defaultNewRowData'), format.FIELD_MAPPINGS, []),
    allowCategorization: option('allowCategorization'),
    allowClickToDialSearch: option('allowClickToDialSearch'),
    useTaskDescriptionField: option('useTaskDescriptionField'),
    allowContactRelease: option('allowContactRelease'),
    automaticContactReleaseSeconds: read.optional(path('neotelConfigOptions', 'automaticContactRelease'), format.RELEASE_SECONDS, null),
    schedulingMethod: read.optional(path('dialtoneCalls', 'schedulingMethod'), format.SCHEDULING_METHOD, DEFAULT_SCHEDULING_METHOD),
    saveActivityLog: option('saveActivityLog'),
    allowTextMessage: option('allowTextMessage'),
    campaignEntityName: read.optional(path('neotelConfigOptions', 'campaignEntityName'), format.CAMPAIGN_ENTITY, null),
    syncIdField: read.optional(path('dialtoneCrm', 'syncIdField'), format.FIELD_NAME, DEFAULT_SYNC_ID_FIELD),
    nationalIdField: read.optional<string | null>(path('dialtoneCrm', 'nationalIdField'), format.FIELD_NAME, null),
    nationalIdIvrKey: read.optional(path('dialtoneCrm', 'nationalIdIvrKey'), format.IVR_KEY, DEFAULT_NATIONAL_ID_IVR_KEY),
    taskLogDeadLetterAfter: read.optional(
      path('dialtoneCrm', 'taskLogDeadLetterAfter'),
      format.integer(TASK_LOG_DEAD_LETTER_RANGE.min, TASK_LOG_DEAD_LETTER_RANGE.max, 'refusals'),
      DEFAULT_TASK_LOG_DEAD_LETTER_AFTER,
    ),
    recordingUrlTemplate: read.optional<string | null>(path('dialtoneCrm', 'recordingUrlTemplate'), extra.RECORDING_URL_TEMPLATE, null),
    recordingField: read.optional<string | null>(path('dialtoneCrm', 'recordingField'), format.FIELD_NAME, null),
    campaignRecords: read.optional(path('dialtoneCrm', 'campaignRecords'), extra.CAMPAIGN_RECORDS, []),
    campaignField: read.optional(path('dialtoneCrm', 'campaignField'), format.FIELD_NAME, 'neoCampaign__c'),
    customerTimeZoneField: read.optional<string | null>(path('dialtoneCrm', 'customerTimeZoneField'), format.FIELD_NAME, null),
    platformTimeZone: read.optional<string | null>(path('dialtoneCalls', 'platformTimeZone'), extra.TIME_ZONE, null),
  };

  const agent = {
    language: read.optional(path('dialtoneAgent', 'language'), format.LANGUAGE, DEFAULT_LANGUAGE),
    defaultCountry: read.optional(path('dialtoneAgent', 'defaultCountry'), format.COUNTRY, null),
    rememberUser: read.optional(path('dialtoneAgent', 'rememberUser'), format.BOOLEAN, DEFAULT_REMEMBER_USER),
    allowRememberDevicePassword: read.optional(path('dialtoneAgent', 'allowRememberDevicePassword'), format.BOOLEAN, DEFAULT_REMEMBER_DEVICE_PASSWORD),
    breakTypes: read.optional(path('dialtoneAgent', 'breakTypes'), format.BREAK_TYPES, DEFAULT_BREAK_TYPES),
    campaigns: read.optional(path('dialtoneAgent', 'campaigns'), format.CAMPAIGNS, []),
    phoneWindow: read.optional(path('dialtoneAgent', 'phoneWindow'), format.BOOLEAN, false),
  };

  const categories = read.optional(path('dialtoneCalls', 'categories'), format.CATEGORIES, []);
  const transfers = {
    queues: read.optional(path('dialtoneCalls', 'transferQueues'), format.QUEUES, []),
    campaigns: read.optional(path('dialtoneCalls', 'transferCampaigns'), format.CAMPAIGNS, []),
    users: read.optional(path('dialtoneCalls', 'transferUsers'), format.USERS, []),
    numbers: read.optional(path('dialtoneCalls', 'transferNumbers'), format.EXTERNAL_NUMBERS, []),
    allowManualNumber: read.optional(
      path('dialtoneCalls', 'allowManualTransferNumber'),
      format.BOOLEAN,
      DEFAULT_ALLOW_MANUAL_TRANSFER_NUMBER,
    ),
  };

  const monitoredUsers = read.optional(path('dialtoneSupervisor', 'monitoredUsers'), format.USERS, []);
  const supervision = {
    supervisorUserIds: read.optional(path('dialtoneSupervisor', 'supervisorUserIds'), format.USER_IDS, []),
    monitoredUsers: monitoredUsers.length > 0 ? monitoredUsers : transfers.users,
    showMonitoringToAgent: read.optional(
      path('dialtoneSupervisor', 'showMonitoringToAgent'),
      format.BOOLEAN,
      DEFAULT_SHOW_MONITORING_TO_AGENT,
    ),
  };

  const actions = readDeskActions(read);

  // An agent who must categorise, has nothing to choose from and may not release uncategorised
  // would be stuck on the contact forever: refuse that combination up front.
  if (crm.allowCategorization && !crm.allowContactRelease && categories.length === 0) {
    read.report(
      'MISSING_SETTING',
      path('dialtoneCalls', 'categories'),
      `at least one category, because ${path('neotelConfigOptions', 'allowCategorization')} is true and ` +
        `${path('neotelConfigOptions', 'allowContactRelease')} is false (agents could never release a contact)`,
    );
  }

  const { internalName, adapterUrl, compatibilityMode } = general;
  const { neoApiUrl, sipWebSocketUrl, sipDomain } = connection;
  if (
    read.issues.length > 0 ||
    internalName === undefined ||
    adapterUrl === undefined ||
    compatibilityMode === undefined ||
    neoApiUrl === undefined ||
    sipWebSocketUrl === undefined ||
    sipDomain === undefined
  ) {
    return { ok: false, errors: read.issues };
  }
  const config: Config = {
    general: { ...general, internalName, adapterUrl, compatibilityMode, displayName: general.displayName === '' ? internalName : general.displayName },
    dialing,
    crm,
    connection: { ...connection, neoApiUrl, sipWebSocketUrl, sipDomain },
    agent,
    categories,
    transfers,
    supervision,
    actions,
  };
  return { ok: true, config: deepFreeze(config) };
}

/**
 * The settings map as a {@link Config}; throws a {@link ConfigError} listing every problem when
 * any setting is missing or invalid.
 */
export function configFromSettings(settings: SettingsMap): Config {
  const result = validateConfig(settings);
  if (!result.ok) throw new ConfigError(result.errors);
  return result.config;
}

/** Freezes the config all the way down, so no consumer can change what others read. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
