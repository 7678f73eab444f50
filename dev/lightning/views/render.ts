import type { FieldValue, RecordStore, SObjectRecord } from '../records/record-store.ts';
import { recordName } from '../records/record-store.ts';
import { OBJECTS, SOBJECT_NAMES, findField, type FieldDef, type SObjectName } from '../records/schema.ts';
import { searchRecords } from '../records/search.ts';
import { viewPath, type HostView, type PageView } from './host-view.ts';
import type { RenderedField, RenderedTable, RenderedValue, RenderedView } from './rendered.ts';

/** Fields never shown on a record page (ids and audit fields Lightning puts elsewhere). */
const HIDDEN_FIELDS = new Set(['Id', 'OwnerId', 'CreatedDate', 'LastModifiedDate']);

/** Fields the new-record modal offers, per object. */
const NEW_RECORD_FIELDS: Readonly<Record<SObjectName, readonly string[]>> = {
  Contact: ['FirstName', 'LastName', 'AccountId', 'Phone', 'MobilePhone', 'Email', 'NationalId__c', 'neoSyncId__c'],
  Account: ['Name', 'Phone', 'Industry', 'BillingCity', 'NationalId__c', 'neoSyncId__c'],
  Lead: ['FirstName', 'LastName', 'Company', 'Phone', 'MobilePhone', 'Email', 'NationalId__c', 'neoSyncId__c'],
  Opportunity: ['Name', 'AccountId', 'StageName', 'CloseDate', 'Amount', 'neoSyncId__c'],
  Task: ['Subject', 'WhoId', 'WhatId', 'Status', 'CallType', 'Description'],
  Campaign: ['Name', 'IsActive', 'neoCampaignId__c'],
};

/** Columns of record tables (besides the name), per object. */
const TABLE_FIELDS: Readonly<Record<SObjectName, readonly string[]>> = {
  Contact: ['Phone', 'MobilePhone', 'HomePhone', 'Email'],
  Account: ['Phone', 'BillingCity'],
  Lead: ['Company', 'Phone', 'MobilePhone', 'Status'],
  Opportunity: ['StageName', 'CloseDate', 'Amount'],
  Task: ['CallType', 'CallDurationInSeconds', 'Status', 'ActivityDate'],
  Campaign: ['IsActive', 'neoCampaignId__c'],
};

/** Turns a view into the data the host page draws. */
export function renderView(view: HostView, store: RecordStore): RenderedView {
  if (view.kind === 'newRecord') {
    const page = renderPage(view.background, store);
    const object = OBJECTS[view.entityName];
    const names = [...NEW_RECORD_FIELDS[view.entityName]];
    for (const name of Object.keys(view.values)) {
      const field = findField(view.entityName, name);
      if (field && !names.includes(field.apiName)) names.push(field.apiName);
    }
    return {
      ...page,
      path: viewPath(view),
      modal: {
        entityName: view.entityName,
        title: `New ${object.label}`,
        fields: names.map((name) => {
          const field = findField(view.entityName, name);
          return { apiName: name, label: field?.label ?? name, value: valueFor(view.values, name), required: field?.required === true };
        }),
        ignoredDefaults: Object.entries(view.ignoredDefaults).map(([name, value]) => ({ name, value })),
        errors: view.errors,
      },
    };
  }
  return renderPage(view, store);
}

function renderPage(view: PageView, store: RecordStore): RenderedView {
  const base = { kind: view.kind, path: viewPath(view), fields: [], tables: [] };
  switch (view.kind) {
    case 'home':
      return {
        ...base,
        title: 'Home',
        subtitle: 'Recent records',
        tables: SOBJECT_NAMES.filter((o) => o !== 'Task').map((o) => recordTable(OBJECTS[o].labelPlural, o, store.list(o), store)),
      };
    case 'record': {
      const record = store.get(view.recordId);
      if (!record) {
        return { ...base, title: 'Record unavailable', subtitle: '', recordId: view.recordId, notice: `The record ${view.recordId} was not found. It may have been deleted, or you may not have access to it.` };
      }
      return {
        ...base,
        title: recordName(record),
        subtitle: OBJECTS[record.objectName].label,
        recordId: String(record.fields.Id),
        objectName: record.objectName,
        fields: recordFields(record, store),
        tables: relatedLists(record, store),
      };
    }
    case 'search': {
      const hits = searchRecords(store, view.searchString, SOBJECT_NAMES);
      const tables = SOBJECT_NAMES.map((o) => recordTable(OBJECTS[o].labelPlural, o, hits.filter((h) => h.record.objectName === o).map((h) => h.record), store)).filter(
        (t) => t.rows.length > 0,
      );
      return {
        ...base,
        title: 'Search results',
        subtitle: `Top results for "${view.searchString}"`,
        tables,
        ...(tables.length === 0 ? { notice: `No results for "${view.searchString}".` } : {}),
      };
    }
    case 'list':
      return {
        ...base,
        title: OBJECTS[view.scope].labelPlural,
        subtitle: `List view ${view.listViewId}`,
        objectName: view.scope,
        tables: [recordTable(OBJECTS[view.scope].labelPlural, view.scope, store.list(view.scope), store)],
      };
    case 'objectHome':
      return {
        ...base,
        title: OBJECTS[view.scope].labelPlural,
        subtitle: 'Recently Viewed',
        objectName: view.scope,
        tables: [recordTable(OBJECTS[view.scope].labelPlural, view.scope, store.list(view.scope), store)],
      };
    case 'url':
      return { ...base, title: 'Navigated to a URL', subtitle: view.url, notice: `The page at ${view.url} would be shown here.` };
    case 'flow':
      return {
        ...base,
        title: `Flow: ${view.flowDevName}`,
        subtitle: 'Screen flow (not run by the emulator)',
        notice: `Flow arguments: ${JSON.stringify(view.flowArgs ?? [])}`,
      };
  }
}

function recordFields(record: SObjectRecord, store: RecordStore): RenderedField[] {
  return OBJECTS[record.objectName].fields
    .filter((f) => !HIDDEN_FIELDS.has(f.apiName))
    .map((f) => ({ apiName: f.apiName, label: f.label, value: renderValue(record, f, store) }));
}

function relatedLists(record: SObjectRecord, store: RecordStore): RenderedTable[] {
  const id = record.fields.Id;
  const tables: RenderedTable[] = [];
  if (record.objectName === 'Account') {
    tables.push(recordTable('Contacts', 'Contact', store.list('Contact').filter((c) => c.fields.AccountId === id), store));
    tables.push(recordTable('Opportunities', 'Opportunity', store.list('Opportunity').filter((o) => o.fields.AccountId === id), store));
  }
  if (record.objectName !== 'Task') {
    const activities = store.list('Task').filter((t) => t.fields.WhoId === id || t.fields.WhatId === id);
    tables.push(recordTable('Activity History', 'Task', activities, store));
  }
  return tables;
}

function recordTable(title: string, objectName: SObjectName, records: readonly SObjectRecord[], store: RecordStore): RenderedTable {
  const fields = TABLE_FIELDS[objectName].map((name) => findField(objectName, name)).filter((f): f is FieldDef => f !== undefined);
  return {
    title,
    objectName,
    columns: [OBJECTS[objectName].nameField === 'Subject' ? 'Subject' : 'Name', ...fields.map((f) => f.label)],
    rows: records.map((record) => ({
      recordId: String(record.fields.Id),
      cells: [
        { text: recordName(record) || '(no name)', kind: 'recordLink', recordId: String(record.fields.Id) },
        ...fields.map((f) => renderValue(record, f, store)),
      ],
    })),
  };
}

function renderValue(record: SObjectRecord, field: FieldDef, store: RecordStore): RenderedValue {
  const value = record.fields[field.apiName];
  const text = display(value);
  if (text === '') return { text, kind: 'text' };
  if (field.type === 'phone') return { text, kind: 'phone', recordId: String(record.fields.Id), field: field.apiName };
  if (field.type === 'email') return { text, kind: 'email' };
  if (field.type === 'reference' && typeof value === 'string') {
    const target = store.get(value);
    return target ? { text: recordName(target), kind: 'recordLink', recordId: value } : { text, kind: 'text' };
  }
  return { text, kind: 'text' };
}

function display(value: FieldValue | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

function valueFor(values: Readonly<Record<string, string>>, name: string): string {
  const key = Object.keys(values).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? '' : (values[key] ?? '');
}
