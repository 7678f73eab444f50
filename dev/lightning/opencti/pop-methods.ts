import { CALL_TYPES, popForMatches, type ScreenPopArgs } from '../layout/softphone-layout.ts';
import { recordName } from '../records/record-store.ts';
import { findField, isSObjectName, SOBJECT_NAMES, type SObjectName } from '../records/schema.ts';
import { isSalesforceId, to18 } from '../records/salesforce-id.ts';
import { MIN_SEARCH_LENGTH, searchRecords } from '../records/search.ts';
import { viewFromPath, type HostView } from '../views/host-view.ts';
import type { MethodContext, MethodHandler } from './method-context.ts';
import { invalidParam, success, type OpenCtiResponse } from './protocol.ts';

const SCREEN_POP_TYPES = ['url', 'sobject', 'objecthome', 'list', 'search', 'newRecord', 'flow'];

/**
 * The view a `screenPop` asks for, or the INVALID_PARAM response explaining what is wrong.
 * Shared by `screenPop` and the non-deferred `searchAndScreenPop`.
 */
export function viewForScreenPop(type: unknown, params: unknown, current: HostView): HostView | OpenCtiResponse {
  if (typeof type !== 'string' || !SCREEN_POP_TYPES.includes(type)) return invalidParam('type', `one of ${SCREEN_POP_TYPES.join(', ')}`, type);
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return invalidParam('params', `an object with the parameters of a ${type} pop`, params);
  const p = params as Record<string, unknown>;
  const background = current.kind === 'newRecord' ? current.background : current;
  switch (type) {
    case 'sobject':
      return isSalesforceId(p.recordId) ? { kind: 'record', recordId: to18(p.recordId) } : invalidParam('recordId', 'a 15- or 18-character record id', p.recordId);
    case 'url': {
      const url = p.url;
      if (typeof url !== 'string' || url.trim() === '') return invalidParam('url', 'a URL such as /lightning/o/Account/home', url);
      return viewFromPath(url) ?? { kind: 'url', url };
    }
    case 'objecthome':
      return isSObjectName(p.scope) ? { kind: 'objectHome', scope: p.scope } : invalidParam('scope', `an object API name (${SOBJECT_NAMES.join(', ')})`, p.scope);
    case 'list':
      if (!isSObjectName(p.scope)) return invalidParam('scope', `an object API name (${SOBJECT_NAMES.join(', ')})`, p.scope);
      if (typeof p.listViewId !== 'string' || p.listViewId === '') return invalidParam('listViewId', 'a list view id or API name', p.listViewId);
      return { kind: 'list', scope: p.scope, listViewId: p.listViewId };
    case 'search': {
      const term = typeof p.searchString === 'string' ? p.searchString.trim() : '';
      return term.length >= MIN_SEARCH_LENGTH ? { kind: 'search', searchString: term } : invalidParam('searchString', `at least ${MIN_SEARCH_LENGTH} characters`, p.searchString);
    }
    case 'newRecord':
      return newRecordView(p.entityName, p.defaultFieldValues, background);
    default: {
      if (typeof p.flowDevName !== 'string' || p.flowDevName === '') return invalidParam('flowDevName', 'the API name of an active screen flow', p.flowDevName);
      if (p.flowArgs !== undefined && !Array.isArray(p.flowArgs)) return invalidParam('flowArgs', 'an array of {name, type, value}', p.flowArgs);
      return { kind: 'flow', flowDevName: p.flowDevName, flowArgs: p.flowArgs ?? [] };
    }
  }
}

function newRecordView(entityName: unknown, defaults: unknown, background: Exclude<HostView, { kind: 'newRecord' }>): HostView | OpenCtiResponse {
  if (!isSObjectName(entityName)) return invalidParam('entityName', `an object API name (${SOBJECT_NAMES.join(', ')})`, entityName);
  if (defaults !== undefined && (typeof defaults !== 'object' || defaults === null || Array.isArray(defaults))) {
    return invalidParam('defaultFieldValues', 'an object of field API names to values', defaults);
  }
  const values: Record<string, string> = {};
  const ignoredDefaults: Record<string, string> = {};
  for (const [name, value] of Object.entries((defaults ?? {}) as Record<string, unknown>)) {
    const field = findField(entityName, name);
    const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    if (field?.createable) values[field.apiName] = text;
    else ignoredDefaults[name] = text;
  }
  return { kind: 'newRecord', entityName, values, ignoredDefaults, errors: [], background };
}

export const screenPop: MethodHandler = (ctx) => {
  const view = viewForScreenPop(ctx.args.type, ctx.args.params, ctx.tab.view);
  if ('success' in view) return view;
  ctx.navigate(view);
  return success(null);
};

/**
 * Searches the layout's objects for the call type, answers the matches keyed by Id (layout
 * display fields + Id, Name, RecordType = object name, LastModifiedDate) and pops per the layout's
 * rules — or, when `deferred`, returns the pop as `SCREEN_POP_DATA` instead.
 */
export const searchAndScreenPop: MethodHandler = (ctx) => {
  const { args, org } = ctx;
  // Own entries only: a callType of `constructor` is as unknown to Salesforce as any other word.
  const callType = typeof args.callType === 'string' && Object.hasOwn(CALL_TYPES, args.callType) ? CALL_TYPES[args.callType] : undefined;
  if (!callType) return invalidParam('callType', 'inbound, outbound or internal (sforce.opencti.CALL_TYPE)', args.callType);
  const searchParams = args.searchParams ?? '';
  if (typeof searchParams !== 'string') return invalidParam('searchParams', 'a search string', searchParams);
  // Salesforce documents a string; its library passes an object through untouched, and what the
  // real host then does is unknown — so refuse it here rather than let it vanish.
  const queryParams = args.queryParams;
  if (queryParams !== undefined && typeof queryParams !== 'string') {
    return invalidParam('queryParams', "a query string such as 'a=1&b=2' (encode the values yourself)", queryParams);
  }
  const defaults = args.defaultFieldValues;
  if (defaults !== undefined && (typeof defaults !== 'object' || defaults === null || Array.isArray(defaults))) {
    return invalidParam('defaultFieldValues', 'an object of field API names to values', defaults);
  }
  const layout = org.layout()[callType];
  const objects = Object.entries(layout.objects).filter((entry): entry is [SObjectName, { displayName: string; apiName: string }[]] => isSObjectName(entry[0]) && entry[1].length > 0);
  const hits = searchRecords(org.records, searchParams, objects.map(([name]) => name));
  const result: Record<string, unknown> = {};
  for (const hit of hits) {
    const id = String(hit.record.fields.Id);
    const entry: Record<string, unknown> = { Id: id, Name: recordName(hit.record), RecordType: hit.record.objectName, LastModifiedDate: hit.record.fields.LastModifiedDate };
    for (const field of objects.find(([name]) => name === hit.record.objectName)?.[1] ?? []) {
      entry[field.apiName] = hit.record.fields[field.apiName] ?? null;
    }
    result[id] = entry;
  }
  const params = args.params;
  const flowArgs = typeof params === 'object' && params !== null ? (params as { FLOW?: { flowArgs?: unknown } }).FLOW?.flowArgs : undefined;
  const pop = popForMatches(layout, Object.keys(result), {
    searchParams,
    ...(defaults === undefined ? {} : { defaultFieldValues: defaults as Record<string, unknown> }),
    ...(queryParams === undefined ? {} : { queryParams }),
    ...(flowArgs === undefined ? {} : { flowArgs }),
  });
  if (pop && args.deferred === true) result.SCREEN_POP_DATA = pop;
  else if (pop) runPop(ctx, pop);
  return success(result);
};

function runPop(ctx: MethodContext, pop: ScreenPopArgs): void {
  const view = viewForScreenPop(pop.type, pop.params, ctx.tab.view);
  // A layout naming an object the org lacks cannot pop; Salesforce would silently not pop either.
  if (!('success' in view)) ctx.navigate(view);
}
