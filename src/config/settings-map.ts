/**
 * The call-center settings as Open CTI's `getCallCenterSettings` returns them: a flat map of
 * string paths to string values (reference opencti.md §3.4):
 *
 * ```
 * /label, /displayNameLabel, /internalNameLabel      call center display name, setup-page labels
 * /<section>/label, /<section>/sortOrder ("1.0")
 * /<section>/<item>                                   the value
 * /<section>/<item>/label, /<section>/<item>/sortOrder ("2.0")
 * ```
 *
 * Salesforce adds keys of its own; readers ignore what they do not know.
 */
export type SettingsMap = Readonly<Record<string, string>>;

/**
 * Every section and item Dialtone defines in `callcenter-definition.xml`, in their sortOrder. This is
 * the single list the XML file, the validation and the documentation are checked against, so a
 * renamed item cannot silently fall back to its default.
 */
export const SETTING_ITEMS = {
  reqGeneralInfo: [
    'reqInternalName',
    'reqDisplayName',
    'reqAdapterUrl',
    'reqUseApi',
    'reqSoftphoneHeight',
    'reqSoftphoneWidth',
    'reqSalesforceCompatibilityMode',
  ],
  reqDialingOptions: ['reqOutsidePrefix', 'reqLongDistPrefix', 'reqInternationalPrefix'],
  neotelConnection: [
    'neoApiUrl',
    'neoApiBinding',
    'neoApiTimeoutMs',
    'loginDeviceTemplate',
    'positionPollIntervalMs',
    'sipWebSocketUrl',
    'sipDomain',
    'iceServers',
    'iceGatheringTimeoutMs',
    'autoAnswerPlatformLegs',
    'neoApiMethods',
    'dtmfDurationMs',
    'dtmfGapMs',
  ],
  neotelConfigOptions: [
    'searchTypePriority',
    'externalData',
    'defaultNewRowData',
    'allowCategorization',
    'allowClickToDialSearch',
    'useTaskDescriptionField',
    'allowContactRelease',
    'automaticContactRelease',
    'saveActivityLog',
    'allowTextMessage',
    'campaignEntityName',
  ],
  dialtoneAgent: ['language', 'defaultCountry', 'rememberUser', 'allowRememberDevicePassword', 'breakTypes', 'campaigns', 'phoneWindow'],
  dialtoneCalls: [
    'categories',
    'transferQueues',
    'transferCampaigns',
    'transferUsers',
    'transferNumbers',
    'allowManualTransferNumber',
    'schedulingMethod',
    'platformTimeZone',
  ],
  dialtoneCrm: [
    'syncIdField',
    'nationalIdField',
    'nationalIdIvrKey',
    'taskLogDeadLetterAfter',
    'recordingUrlTemplate',
    'recordingField',
    'campaignRecords',
    'campaignField',
    'customerTimeZoneField',
  ],
  dialtoneSupervisor: ['supervisorUserIds', 'monitoredUsers', 'showMonitoringToAgent'],
  // Read by src/config/sip-platform-settings.ts (the sip platform), not by configFromSettings.
  sipPlatform: [
    'telephonyPlatform',
    'sipOutsidePrefix',
    'sipInternalExtensionDigits',
    'sipPopHeaders',
    'sipNotReadyStatus',
    'sipNotReadyReasons',
    'sipDtmfTransport',
    'sipConference',
    'sipListenCode',
    'sipWhisperCode',
    'sipBargeCode',
    'sipClickToCallHook',
    'sipCallStartHook',
    'sipCallEndHook',
    'sipRecordingHook',
    'sipHookSecret',
    'sipRecordingField',
  ],
  // Read by src/config/desk-actions-settings.ts (docs/agent-actions.md, docs/text-messages.md).
  dialtoneActions: ['agentActions', 'textMessageChannels', 'smsMaxSegments'],
} as const;

/** A section Dialtone defines. */
export type SectionName = keyof typeof SETTING_ITEMS;
/** An item of section `S`. */
export type ItemName<S extends SectionName> = (typeof SETTING_ITEMS)[S][number];
/** A settings path such as `/neotelConnection/sipDomain`. */
export type SettingPath = `/${string}/${string}`;

/** The sections in their sortOrder. */
export const SECTION_NAMES = Object.keys(SETTING_ITEMS) as readonly SectionName[];

/**
 * The path of an item in the settings map. Use this instead of writing paths by hand: the
 * compiler then rejects a section or item Dialtone does not define.
 */
export function settingPath<S extends SectionName>(section: S, item: ItemName<S>): SettingPath {
  return `/${section}/${item}`;
}

/**
 * The value at `path`, trimmed; `undefined` when the key is missing or holds only white space.
 * Salesforce may send an empty item either way (reference §3.4 [UNCONF]); both mean "not set".
 */
export function settingValue(settings: SettingsMap, path: string): string | undefined {
  const trimmed = rawSettingValue(settings, path)?.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * The raw value at `path` exactly as received (for error messages), `undefined` when missing.
 * The map crosses a postMessage boundary, so a number or boolean that slipped in is read as its
 * text rather than ignored; anything else counts as missing.
 */
export function rawSettingValue(settings: SettingsMap, path: string): string | undefined {
  // Typed as a map, but it arrived by postMessage: check it is one before reading.
  const untrusted: unknown = settings;
  if (typeof untrusted !== 'object' || untrusted === null || !Object.hasOwn(untrusted, path)) return undefined;
  const raw: unknown = Reflect.get(untrusted, path);
  if (typeof raw === 'string') return raw;
  return typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : undefined;
}

/** Salesforce files the labels of these two items under the call center, not under the items. */
const IDENTITY_LABEL_KEYS: ReadonlyMap<string, string> = new Map([
  ['/reqGeneralInfo/reqInternalName', '/internalNameLabel'],
  ['/reqGeneralInfo/reqDisplayName', '/displayNameLabel'],
]);

/** The admin-facing label of the item or section at `path`, when the map carries one. */
export function settingLabel(settings: SettingsMap, path: string): string | undefined {
  const label = rawSettingValue(settings, IDENTITY_LABEL_KEYS.get(path) ?? `${path}/label`);
  return label === undefined || label.trim() === '' ? undefined : label;
}
