/**
 * The Salesforce Open CTI **Lightning** surface (`window.sforce.opencti`), typed by us from the
 * contract in `shared/reference/opencti.md` §2 (no vendored typings). Two layers live here:
 *
 * - the payloads and constants a caller of the shim works with, and
 * - {@link OpenCtiLightning}: the raw, callback-based object the library installs, which only the
 *   shim (and test fakes / the dev emulator) should touch.
 */
import type { Brand } from '../shared/brand.ts';

/**
 * A Salesforce record id (15 or 18 alphanumerics). Structurally identical to any other
 * `Brand<string, 'SalesforceId'>`, so a later shared definition stays compatible.
 */
export type SalesforceId = Brand<string, 'SalesforceId'>;

/** `sforce.opencti.SCREENPOP_TYPE`: the `type` values accepted by `screenPop`. */
export const SCREENPOP_TYPE = {
  URL: 'url',
  SOBJECT: 'sobject',
  OBJECTHOME: 'objecthome',
  LIST: 'list',
  SEARCH: 'search',
  NEW_RECORD_MODAL: 'newRecord',
  FLOW: 'flow',
} as const;
/** A `screenPop` type as sent on the wire. */
export type ScreenPopType = (typeof SCREENPOP_TYPE)[keyof typeof SCREENPOP_TYPE];

/**
 * `sforce.opencti.CALL_TYPE`: lower-case wire values. Note the Task field `CallType` uses
 * capitalised values (`Inbound`) — a different thing.
 */
export const CALL_TYPE = {
  INBOUND: 'inbound',
  OUTBOUND: 'outbound',
  INTERNAL: 'internal',
} as const;
/** A `searchAndScreenPop` call type as sent on the wire. */
export type CallType = (typeof CALL_TYPE)[keyof typeof CALL_TYPE];

/** The error codes Salesforce documents for Lightning methods. */
export const SALESFORCE_ERROR_CODES = [
  'INVALID_PARAM',
  'GENERIC_ERROR',
  'SERVER_ERROR',
  'SOFTPHONE_CONTAINER_ERROR',
] as const;
/** One of {@link SALESFORCE_ERROR_CODES}. */
export type SalesforceErrorCode = (typeof SALESFORCE_ERROR_CODES)[number];

/** One entry of a callback response's `errors`, in its documented object form. */
export interface OpenCtiWireError {
  code: string;
  description: string;
  details?: unknown;
}

/** What the library hands to a callback. Entries of `errors` may also be plain strings. */
export interface OpenCtiResponse<T> {
  success: boolean;
  returnValue: T | null;
  errors: (OpenCtiWireError | string)[] | null;
}

/** A raw Open CTI callback. */
export type OpenCtiCallback<T> = (response: OpenCtiResponse<T>) => void;

/** What `onClickToDial` delivers when the agent clicks a phone number in Salesforce. */
export interface ClickToDialPayload {
  /** The number as rendered on the record (often formatted: `(415) 555-1212`); normalise it. */
  number: string;
  recordId?: string;
  recordName?: string;
  objectType?: string;
  /** Person accounts only. */
  accountId?: string;
  /** Person accounts only. */
  contactId?: string;
  /** Present only when person accounts are enabled in the org. */
  personAccount?: boolean;
  /** The click-to-dial component's `params` attribute: a comma-separated string. */
  params?: string;
}

/** The page the agent is looking at (`getAppViewInfo`, `onNavigationChange`). */
export interface AppViewInfo {
  /** Do not parse: Salesforce may change its structure. */
  url: string;
  recordId?: string;
  recordName?: string;
  objectType?: string;
  accountId?: string;
  contactId?: string;
  personAccount?: boolean;
}
/** What `onNavigationChange` delivers: the same shape as {@link AppViewInfo}. */
export type NavigationChangePayload = AppViewInfo;

/** One input variable of a screen flow. */
export interface FlowArg {
  name: string;
  type: string;
  value: unknown;
}

/** `screenPop` arguments: `params` depends on `type` (reference §2.4). */
export type ScreenPopArgs =
  | { type: 'sobject'; params: { recordId: string } }
  | { type: 'url'; params: { url: string } }
  | { type: 'objecthome'; params: { scope: string } }
  | { type: 'list'; params: { listViewId: string; scope: string } }
  | { type: 'search'; params: { searchString: string } }
  | {
      type: 'newRecord';
      params: { entityName: string; defaultFieldValues?: Record<string, unknown> };
    }
  | { type: 'flow'; params: { flowDevName: string; flowArgs?: FlowArg[] } };

/** One record of a `searchAndScreenPop` result. */
export interface SearchResultRecord {
  Id?: string;
  Name?: string;
  /** The sObject API name (`"Account"`), not a RecordType record. */
  RecordType?: string;
  LastModifiedDate?: string;
  IsPersonAccount?: boolean;
  PersonContactId?: string;
  /** Legacy-shaped entries. */
  object?: string;
  /** Legacy-shaped entries. */
  displayName?: string;
  [field: string]: unknown;
}

/**
 * `searchAndScreenPop`'s result: records keyed by Id, plus `SCREEN_POP_DATA` when `deferred` —
 * pass that unmodified to `screenPop` later.
 */
export type SearchAndScreenPopResult = Record<string, SearchResultRecord> & {
  SCREEN_POP_DATA?: unknown;
};

/** The arguments of `searchAndScreenPop`, without the callback. */
export interface SearchAndScreenPopArgs {
  /** The search string; Salesforce needs at least 3 characters. */
  searchParams?: string;
  /**
   * Appended only when the pop target is a Visualforce page. Salesforce documents a string; the
   * shim encodes an object (`{a: '1 2'}` → `"a=1%202"`) because the library sends it as is.
   */
  queryParams?: string | Record<string, string>;
  /** Prefill for the "pop to new record" no-match case. */
  defaultFieldValues?: Record<string, unknown>;
  callType: CallType;
  /** `true`: search only; the result carries `SCREEN_POP_DATA` for a later `screenPop`. */
  deferred?: boolean;
  params?: { FLOW?: { flowArgs: FlowArg[] } };
}

/** One screen-pop rule of a softphone layout. */
export interface ScreenPopRule {
  screenPopType: 'PopToEntity' | 'PopToVisualforce' | 'PopToSearch' | 'PopToFlow';
  /** Object, Visualforce page or flow name; absent for `PopToSearch`. */
  screenPopData?: string;
}

/** The softphone layout for one call type. */
export interface CallTypeLayout {
  callRelatedFields: ('ANI' | 'DNIS' | 'SEGMENT' | 'QUEUE')[];
  objects: Record<string, { displayName: string; apiName: string }[]>;
  screenPopSettings: {
    screenPopsOpenWithin?: 'ExistingWindow' | 'NewWindow';
    NoMatch?: ScreenPopRule;
    SingleMatch?: ScreenPopRule;
    MultipleMatches?: ScreenPopRule;
  };
}

/** `getSoftphoneLayout`'s result. */
export interface SoftphoneLayout {
  Inbound: CallTypeLayout;
  Outbound: CallTypeLayout;
  Internal: CallTypeLayout;
}

/**
 * The record `saveLog` creates (with `entityApiName`) or updates (with `Id`). Other keys are field
 * API names.
 */
export type SaveLogValue = (
  | { entityApiName: string; Id?: never }
  | { Id: string; entityApiName?: string }
) &
  Record<string, unknown>;

/** Call-center settings: flat `"/section/item"` paths to string values (reference §3.4). */
export type CallCenterSettings = Record<string, string>;

/** The payload of `hvs.onWorkStart` (Sales Engagement, API 46+). */
export interface WorkStartPayload {
  workId: string;
  completeWorkWhen: 'TaskSaved';
  attributes: { to: string };
}

/** The attributes of `hvs.completeWork`. */
export interface CompleteWorkAttributes {
  disposition?: string;
  taskId?: string;
  /** Salesforce defaults it to `true`. */
  wasConnected?: boolean;
}

/** The library's client-side LMS subscription handle (a frozen empty object). */
export interface LmsSubscription {
  readonly __brand?: 'LmsSubscription';
}

/** `subscribe`'s callback response: the library adds the handle next to `returnValue`. */
export type LmsSubscribeResponse = OpenCtiResponse<unknown> & { subscription?: LmsSubscription };

/** The raw `window.sforce.opencti` object of the Lightning library (reference §2.5). */
export interface OpenCtiLightning {
  SCREENPOP_TYPE: typeof SCREENPOP_TYPE;
  CALL_TYPE: typeof CALL_TYPE;

  enableClickToDial(args?: { callback?: OpenCtiCallback<null> }): void;
  disableClickToDial(args?: { callback?: OpenCtiCallback<null> }): void;
  onClickToDial(args: { listener: (payload: ClickToDialPayload) => void }): void;
  getAppViewInfo(args: { callback: OpenCtiCallback<AppViewInfo> }): void;
  onNavigationChange(args: { listener: (payload: NavigationChangePayload) => void }): void;
  getCallCenterSettings(args: { callback: OpenCtiCallback<CallCenterSettings> }): void;
  getSoftphoneLayout(args: { callback: OpenCtiCallback<SoftphoneLayout> }): void;
  isSoftphonePanelVisible(args: { callback: OpenCtiCallback<{ visible: boolean }> }): void;
  setSoftphonePanelVisibility(args: { visible: boolean; callback?: OpenCtiCallback<null> }): void;
  setSoftphonePanelHeight(args: { heightPX: number; callback?: OpenCtiCallback<null> }): void;
  setSoftphonePanelWidth(args: { widthPX: number; callback?: OpenCtiCallback<null> }): void;
  setSoftphonePanelLabel(args: { label: string; callback?: OpenCtiCallback<null> }): void;
  setSoftphonePanelIcon(args: { key: string; callback?: OpenCtiCallback<null> }): void;
  setSoftphoneItemLabel(args: { label: string; callback?: OpenCtiCallback<null> }): void;
  setSoftphoneItemIcon(args: { key: string; callback?: OpenCtiCallback<null> }): void;
  notifyInitializationComplete(args?: { callback?: OpenCtiCallback<null> }): void;
  /** Never pass `{}`: the library throws. */
  refreshView(args?: { callback: OpenCtiCallback<null> }): void;
  runApex(args: {
    apexClass: string;
    methodName: string;
    methodParams: string;
    callback?: OpenCtiCallback<{ runApex: unknown }>;
  }): void;
  /** The library sends `value` as `object` on the wire. */
  saveLog(args: {
    value: SaveLogValue;
    callback?: OpenCtiCallback<{ recordId: string } | string>;
  }): void;
  screenPop(args: ScreenPopArgs & { callback?: OpenCtiCallback<null> }): void;
  searchAndScreenPop(
    args: SearchAndScreenPopArgs & { callback?: OpenCtiCallback<SearchAndScreenPopResult> },
  ): void;
  /** Sales Engagement, API 46+. */
  hvs?: {
    onWorkStart(args: { listener: (payload: WorkStartPayload) => void }): void;
    completeWork(args: {
      workId: string;
      attributes: CompleteWorkAttributes;
      callback?: OpenCtiCallback<unknown>;
    }): void;
  };
  /** Lightning Message Service, API 47+. */
  subscribe?(args: {
    channelName: string;
    listener: (message: unknown) => void;
    callback?: (response: LmsSubscribeResponse) => void;
  }): void;
  /** Lightning Message Service, API 47+. */
  unsubscribe?(args: { subscription: LmsSubscription; callback?: OpenCtiCallback<unknown> }): void;
  /** Lightning Message Service, API 47+. */
  publish?(args: {
    channelName: string;
    message: object | null;
    callback?: OpenCtiCallback<unknown>;
  }): void;
}
