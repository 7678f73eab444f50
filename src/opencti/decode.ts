/**
 * Guards for what Salesforce sends back: callback `returnValue`s and listener payloads. They turn
 * loosely typed wire data into the typed shapes of `types.ts`, or throw `MALFORMED_RESPONSE`
 * naming the method and the value — never let a bad payload reach the call machine as if valid.
 */
import { asBrand } from '../shared/brand.ts';
import { SALESFORCE_ID_SHAPE } from '../shared/salesforce-id.ts';
import { malformed } from './errors.ts';
import type {
  AppViewInfo,
  CallCenterSettings,
  ClickToDialPayload,
  SalesforceId,
  SearchAndScreenPopResult,
  SoftphoneLayout,
  WorkStartPayload,
} from './types.ts';

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a 15- or 18-character Salesforce record id; `undefined` when `value` is not one. */
export function parseSalesforceId(value: unknown): SalesforceId | undefined {
  return typeof value === 'string' && SALESFORCE_ID_SHAPE.test(value)
    ? asBrand<SalesforceId>(value)
    : undefined;
}

/** Copies the optional string/boolean fields shared by click-to-dial and app-view payloads. */
function pickRecordContext(fields: Fields): Omit<AppViewInfo, 'url'> {
  const picked: Omit<AppViewInfo, 'url'> = {};
  for (const key of ['recordId', 'recordName', 'objectType', 'accountId', 'contactId'] as const) {
    const value = fields[key];
    if (typeof value === 'string' && value !== '') picked[key] = value;
  }
  const personAccount = fields.personAccount;
  if (typeof personAccount === 'boolean') picked.personAccount = personAccount;
  else if (personAccount === 'true' || personAccount === 'false') {
    picked.personAccount = personAccount === 'true';
  }
  return picked;
}

/** A listener payload must be an object, and not the `{error}` some hosts send instead. */
function expectEventFields(method: string, payload: unknown, expected: string): Fields {
  if (!isFields(payload)) throw malformed(method, 'fired with', payload, expected);
  if ('error' in payload && payload.error !== undefined && payload.error !== null) {
    throw malformed(method, 'fired with an error payload', payload, expected);
  }
  return payload;
}

/** `onClickToDial` payload → {@link ClickToDialPayload}; `number` may arrive as a number. */
export function readClickToDial(payload: unknown): ClickToDialPayload {
  const expected = 'an object with a non-empty `number`';
  const fields = expectEventFields('onClickToDial', payload, expected);
  const raw = fields.number;
  const number = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : raw;
  if (typeof number !== 'string' || number.trim() === '') {
    throw malformed('onClickToDial', 'fired without a usable number:', payload, expected);
  }
  const result: ClickToDialPayload = { number, ...pickRecordContext(fields) };
  if (typeof fields.params === 'string') result.params = fields.params;
  return result;
}

function toAppViewInfo(fields: Fields): AppViewInfo {
  // `url` can be missing off-record in some apps; an empty string keeps the type honest.
  const url = typeof fields.url === 'string' ? fields.url : '';
  return { url, ...pickRecordContext(fields) };
}

/** `onNavigationChange` payload → {@link AppViewInfo}. */
export function readNavigationChange(payload: unknown): AppViewInfo {
  return toAppViewInfo(expectEventFields('onNavigationChange', payload, 'an object like getAppViewInfo'));
}

/** `hvs.onWorkStart` payload → {@link WorkStartPayload}. */
export function readWorkStart(payload: unknown): WorkStartPayload {
  const expected = 'an object with a non-empty `workId` and `attributes.to`';
  const fields = expectEventFields('hvs.onWorkStart', payload, expected);
  const workId = fields.workId;
  if (typeof workId !== 'string' || workId === '') {
    throw malformed('hvs.onWorkStart', 'fired without a workId:', payload, expected);
  }
  const attributes = isFields(fields.attributes) ? fields.attributes : {};
  const to = attributes.to;
  return {
    workId,
    completeWorkWhen: 'TaskSaved',
    attributes: { to: typeof to === 'string' ? to : typeof to === 'number' ? String(to) : '' },
  };
}

/** `getAppViewInfo` returnValue. */
export function decodeAppViewInfo(returnValue: unknown): AppViewInfo {
  if (!isFields(returnValue)) {
    throw malformed('getAppViewInfo', 'returned', returnValue, 'an object with `url`');
  }
  return toAppViewInfo(returnValue);
}

/**
 * `getCallCenterSettings` returnValue: every value a string. Numbers and booleans are turned into
 * strings; `null`/missing values are dropped (Salesforce's representation of empty is unconfirmed,
 * reference §3.4), so readers treat "absent" and `""` alike.
 */
export function decodeCallCenterSettings(returnValue: unknown): CallCenterSettings {
  if (!isFields(returnValue)) {
    throw malformed('getCallCenterSettings', 'returned', returnValue, 'an object of "/section/item" → string');
  }
  const settings: CallCenterSettings = {};
  for (const [key, value] of Object.entries(returnValue)) {
    if (typeof value === 'string') settings[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') settings[key] = String(value);
  }
  return settings;
}

/** `getSoftphoneLayout` returnValue: checked to be an object; its inside is Salesforce's. */
export function decodeSoftphoneLayout(returnValue: unknown): SoftphoneLayout {
  if (!isFields(returnValue)) {
    throw malformed('getSoftphoneLayout', 'returned', returnValue, 'an object with Inbound/Outbound/Internal');
  }
  return returnValue as unknown as SoftphoneLayout;
}

/** `isSoftphonePanelVisible` returnValue `{visible}` → the boolean. */
export function decodeVisibility(returnValue: unknown): boolean {
  const visible = isFields(returnValue) ? returnValue.visible : returnValue;
  if (typeof visible !== 'boolean') {
    throw malformed('isSoftphonePanelVisible', 'returned', returnValue, '{visible: true|false}');
  }
  return visible;
}

/**
 * `saveLog` returnValue → the record id. Real hosts answer `{recordId}`; the docs say "the id", so
 * a bare string (and `{id}`/`{Id}`) is accepted too.
 */
export function decodeSaveLogId(returnValue: unknown): SalesforceId {
  const candidate = isFields(returnValue)
    ? (returnValue.recordId ?? returnValue.Id ?? returnValue.id)
    : returnValue;
  const id = parseSalesforceId(candidate);
  if (id === undefined) {
    throw malformed('saveLog', 'returned', returnValue, '{recordId: <15/18-character Salesforce id>} or the id itself');
  }
  return id;
}

/**
 * `runApex` returnValue → `returnValue.runApex`, JSON-parsed when it is a JSON string and
 * `parseJson` is on (any valid JSON text, so `"true"` becomes `true`); otherwise as received.
 */
export function decodeRunApex(returnValue: unknown, parseJson: boolean): unknown {
  const result = isFields(returnValue) ? returnValue.runApex : undefined;
  if (!parseJson || typeof result !== 'string') return result;
  try {
    return JSON.parse(result) as unknown;
  } catch {
    // Not JSON (e.g. a bare record id): the Apex method returned plain text — hand it over as is.
    return result;
  }
}

/** `searchAndScreenPop` returnValue: `null` (no layout fields, nothing found) becomes `{}`. */
export function decodeSearchResult(returnValue: unknown): SearchAndScreenPopResult {
  if (returnValue === null || returnValue === undefined) return {};
  if (!isFields(returnValue)) {
    throw malformed('searchAndScreenPop', 'returned', returnValue, 'an object of records keyed by Id');
  }
  return returnValue as SearchAndScreenPopResult;
}
