import type { RecordStore } from '../records/record-store.ts';
import { recordName } from '../records/record-store.ts';
import { isSObjectName, type SObjectName } from '../records/schema.ts';
import { isSalesforceId, objectOfId, to18 } from '../records/salesforce-id.ts';

/**
 * What the console's main area shows, and the Lightning URL of each view. Every navigation —
 * a screen pop, a click on a record link, the new-record modal — becomes one of these.
 */
export type PageView =
  | { kind: 'home' }
  | { kind: 'record'; recordId: string }
  | { kind: 'search'; searchString: string }
  | { kind: 'list'; scope: SObjectName; listViewId: string }
  | { kind: 'objectHome'; scope: SObjectName }
  | { kind: 'url'; url: string }
  | { kind: 'flow'; flowDevName: string; flowArgs: unknown };

/** The new-record modal opens over the page that was showing. */
export interface NewRecordView {
  kind: 'newRecord';
  entityName: SObjectName;
  /** Values the form holds: the pop's defaults, then what the person typed. */
  values: Record<string, string>;
  /** Default values naming fields the object does not have (Lightning drops them). */
  ignoredDefaults: Record<string, string>;
  /** Errors of the last save attempt. */
  errors: string[];
  background: PageView;
}

export type HostView = PageView | NewRecordView;

/** `getAppViewInfo` / `onNavigationChange` payload. */
export interface AppViewInfo {
  url: string;
  recordId?: string;
  recordName?: string;
  objectType?: string;
}

/** The Lightning path of a view (`/lightning/r/Contact/003…/view`). */
export function viewPath(view: HostView): string {
  switch (view.kind) {
    case 'home':
      return '/lightning/page/home';
    case 'record': {
      const objectName = objectOfId(view.recordId) ?? 'sObject';
      return `/lightning/r/${objectName}/${view.recordId}/view`;
    }
    case 'search':
      return `/lightning/search?searchInput=${encodeURIComponent(view.searchString)}`;
    case 'list':
      return `/lightning/o/${view.scope}/list?filterName=${encodeURIComponent(view.listViewId)}`;
    case 'objectHome':
      return `/lightning/o/${view.scope}/home`;
    case 'url':
      return view.url.startsWith('/') ? view.url : `/lightning/page/home?url=${encodeURIComponent(view.url)}`;
    case 'flow':
      return `/flow/${encodeURIComponent(view.flowDevName)}`;
    case 'newRecord':
      return `/lightning/o/${view.entityName}/new?count=1`;
  }
}

/**
 * The view a Lightning path shows, for the paths the emulator renders; undefined otherwise.
 * Used when the host page is (re)loaded on a deep link and for `screenPop` of type `url`.
 */
export function viewFromPath(path: string): PageView | undefined {
  let url: URL;
  try {
    url = new URL(path, 'https://host.invalid');
  } catch {
    // Not a URL at all: the caller shows it as an opaque URL view.
    return undefined;
  }
  const parts = url.pathname.split('/').filter(Boolean).map(decodePart);
  if (parts[0] !== 'lightning') return undefined;
  if (parts.length === 1 || (parts[1] === 'page' && parts[2] === 'home')) return { kind: 'home' };
  if (parts[1] === 'r' && parts.length >= 4) {
    const id = parts[3] ?? '';
    return isSalesforceId(id) ? { kind: 'record', recordId: to18(id) } : undefined;
  }
  if (parts[1] === 'o' && isSObjectName(parts[2])) {
    if (parts[3] === 'home') return { kind: 'objectHome', scope: parts[2] };
    if (parts[3] === 'list') return { kind: 'list', scope: parts[2], listViewId: url.searchParams.get('filterName') ?? 'Recent' };
  }
  if (parts[1] === 'search') {
    const term = url.searchParams.get('searchInput') ?? '';
    return term.length >= 3 ? { kind: 'search', searchString: term } : undefined;
  }
  return undefined;
}

/**
 * What `getAppViewInfo` reports for a view: url, plus id, name and object on a record page; only
 * the url elsewhere (Salesforce's documented behaviour for non-record pages).
 */
export function appViewInfo(view: HostView, origin: string, store: RecordStore): AppViewInfo {
  const url = origin + viewPath(view);
  if (view.kind !== 'record') return { url };
  const record = store.get(view.recordId);
  if (!record) return { url, recordId: view.recordId };
  return { url, recordId: String(record.fields.Id), recordName: recordName(record), objectType: record.objectName };
}

function decodePart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    // A malformed escape cannot name a record or object; keep it as typed so nothing matches.
    return part;
  }
}
