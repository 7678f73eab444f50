/**
 * Checks the shim runs before calling the library, for mistakes Salesforce would otherwise report
 * late, vaguely, or not at all (a dropped key, a pop that silently does nothing). Each throws an
 * `INVALID_ARGUMENT` {@link OpenCtiError} naming the argument, the value and what was expected.
 */
import { invalidArgument } from './errors.ts';
import { CALL_TYPE, SCREENPOP_TYPE } from './types.ts';
import type { SaveLogValue, ScreenPopArgs, SearchAndScreenPopArgs } from './types.ts';

/** Salesforce's limits for `setSoftphonePanelHeight`/`Width`, in px (reference §1.6). */
export const PANEL_LIMITS = {
  height: { min: 240, max: 2560 },
  width: { min: 200, max: 1920 },
} as const;

/** Salesforce searches need at least this many characters (reference §2.4). */
export const MIN_SEARCH_LENGTH = 3;

/** Throws unless `px` is a whole number of pixels within `range`. */
export function checkPixels(
  method: string,
  name: string,
  px: unknown,
  range: { readonly min: number; readonly max: number },
): number {
  if (typeof px !== 'number' || !Number.isInteger(px) || px < range.min || px > range.max) {
    throw invalidArgument(method, name, px, `a whole number of pixels from ${range.min} to ${range.max}`);
  }
  return px;
}

/** Throws unless `value` is a string (optionally non-blank). */
export function checkString(method: string, name: string, value: unknown, nonBlank: boolean): string {
  if (typeof value !== 'string' || (nonBlank && value.trim() === '')) {
    throw invalidArgument(method, name, value, nonBlank ? 'a non-empty string' : 'a string');
  }
  return value;
}

const SCREENPOP_TYPES: readonly unknown[] = Object.values(SCREENPOP_TYPE);

/** Required non-blank `params` keys per screen-pop type. */
const REQUIRED_PARAMS: Record<ScreenPopArgs['type'], readonly string[]> = {
  sobject: ['recordId'],
  url: ['url'],
  objecthome: ['scope'],
  list: ['listViewId', 'scope'],
  search: ['searchString'],
  newRecord: ['entityName'],
  flow: ['flowDevName'],
};

/**
 * `screenPop` arguments as the caller may write them — including the top-level
 * `defaultFieldValues` the current docs show for `newRecord`, which the library would drop.
 */
export type ScreenPopRequest =
  | ScreenPopArgs
  | {
      type: 'newRecord';
      params: { entityName: string; defaultFieldValues?: Record<string, unknown> };
      defaultFieldValues?: Record<string, unknown>;
    };

/**
 * Validates a screen pop and returns its wire form `{type, params}`, with a top-level
 * `defaultFieldValues` moved inside `params` (values already in `params` win).
 */
export function toScreenPopWireArgs(request: ScreenPopRequest): ScreenPopArgs {
  const method = 'screenPop';
  const type: unknown = (request as { type?: unknown }).type;
  if (!SCREENPOP_TYPES.includes(type)) {
    throw invalidArgument(method, 'type', type, `one of ${SCREENPOP_TYPES.map((t) => `"${String(t)}"`).join(', ')}`);
  }
  const params: unknown = (request as { params?: unknown }).params;
  if (typeof params !== 'object' || params === null) {
    throw invalidArgument(method, 'params', params, `an object for type "${String(type)}"`);
  }
  const fields = params as Record<string, unknown>;
  for (const key of REQUIRED_PARAMS[type as ScreenPopArgs['type']]) {
    checkString(method, `params.${key}`, fields[key], true);
  }
  if (type === 'search') {
    checkSearchString(method, 'params.searchString', fields.searchString);
  }
  if (type === 'newRecord' && 'defaultFieldValues' in request && request.defaultFieldValues) {
    const merged = { ...request.defaultFieldValues, ...request.params.defaultFieldValues };
    return { type, params: { ...request.params, defaultFieldValues: merged } };
  }
  return { type, params } as ScreenPopArgs;
}

function checkSearchString(method: string, name: string, value: unknown): void {
  if (typeof value !== 'string' || value.trim().length < MIN_SEARCH_LENGTH) {
    throw invalidArgument(method, name, value, `a search string of at least ${MIN_SEARCH_LENGTH} characters`);
  }
}

const CALL_TYPES: readonly unknown[] = Object.values(CALL_TYPE);

/** Validates `searchAndScreenPop` arguments and returns the keys the library forwards. */
export function toSearchWireArgs(args: SearchAndScreenPopArgs): SearchAndScreenPopArgs {
  const method = 'searchAndScreenPop';
  if (!CALL_TYPES.includes(args.callType)) {
    throw invalidArgument(method, 'callType', args.callType, '"inbound", "outbound" or "internal" (CALL_TYPE)');
  }
  if (args.searchParams !== undefined) checkSearchString(method, 'searchParams', args.searchParams);
  const wire: SearchAndScreenPopArgs = { callType: args.callType };
  if (args.searchParams !== undefined) wire.searchParams = args.searchParams;
  if (args.queryParams !== undefined) wire.queryParams = toQueryString(args.queryParams);
  if (args.defaultFieldValues !== undefined) wire.defaultFieldValues = args.defaultFieldValues;
  if (args.deferred !== undefined) wire.deferred = args.deferred;
  if (args.params !== undefined) wire.params = args.params;
  return wire;
}

/**
 * Validates a `saveLog` value: an object (the library lets `null` through) that either names the
 * object to create (`entityApiName`) or the record to update (`Id`, not the docs' lower-case `id`).
 */
export function checkSaveLogValue(value: unknown): SaveLogValue {
  const method = 'saveLog';
  const expected = 'an object with `entityApiName` (create) or `Id` (update)';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidArgument(method, 'value', value, expected);
  }
  const fields = value as Record<string, unknown>;
  const hasName = typeof fields.entityApiName === 'string' && fields.entityApiName !== '';
  const hasId = typeof fields.Id === 'string' && fields.Id !== '';
  if (!hasName && !hasId) {
    const hint = 'id' in fields ? ' (write `Id`, not `id`)' : '';
    throw invalidArgument(method, 'value', value, `${expected}${hint}`);
  }
  return value as SaveLogValue;
}

/**
 * Encodes `runApex` parameters as the query string the library expects (`a=1&b=x%20y`); the
 * library does not encode them itself. No parameters → `""`.
 */
export function encodeMethodParams(params: Readonly<Record<string, string>> | undefined): string {
  if (params === undefined) return '';
  return encodePairs('runApex', 'methodParams', params);
}

/**
 * `searchAndScreenPop` `queryParams` as the string Salesforce documents: a string as given, an
 * object encoded (`a=1&b=x%20y`). The library passes an object through untouched, leaving its
 * fate to the host.
 */
function toQueryString(queryParams: unknown): string {
  if (typeof queryParams === 'string') return queryParams;
  if (typeof queryParams !== 'object' || queryParams === null || Array.isArray(queryParams)) {
    throw invalidArgument('searchAndScreenPop', 'queryParams', queryParams, "a query string such as 'a=1&b=2', or an object of string values");
  }
  return encodePairs('searchAndScreenPop', 'queryParams', queryParams as Record<string, unknown>);
}

function encodePairs(method: string, name: string, pairs: Readonly<Record<string, unknown>>): string {
  return Object.entries(pairs)
    .map(([key, value]) => {
      if (typeof value !== 'string') {
        throw invalidArgument(method, `${name}.${key}`, value, 'a string (encode other values yourself)');
      }
      return `${encodeURIComponent(key)}=${encodeURIComponent(value)}`;
    })
    .join('&');
}
