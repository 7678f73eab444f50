import { KEY_PREFIXES, isSalesforceId, objectOfId } from '../records/salesforce-id.ts';
import type { RecordStore, SObjectRecord } from '../records/record-store.ts';
import { findField, type FieldType, type SObjectName } from '../records/schema.ts';
import { serializeSObjects, type ApexClassTwin, type ApexMethod } from './apex-class.ts';

/**
 * Twin of `NeotelDataRetrieval` as Dialtone ships it (`apex/force-app/main/default/classes/
 * NeotelDataRetrieval.cls`, see docs/apex.md): the secure replacement of the class Neotel's
 * connector deploys (seed 004, annex "Clases de Apex"), with the same `get<Object>ById(Id)`
 * methods plus `findByKey(objectName, fieldName, value)` and `findTaskByCallObject(callObject)`.
 *
 * Every method returns a JSON string: a list of records serialised as Apex does, or
 * `{"error": {code, parameter, message}}` for bad input. `apex/contract.json` holds the cases the
 * twin and the Apex test class both assert (test/apex/twin-contract.test.ts).
 *
 * What the twin cannot model: sharing and field-level security (the emulator has one user who sees
 * everything), so it never answers `NO_ACCESS`, `FIELD_NOT_SEARCHABLE` or `QUERY_FAILED`.
 */

/** Objects `findByKey` searches, in the order error messages list them. */
export const KEY_OBJECTS: readonly SObjectName[] = ['Contact', 'Account', 'Lead', 'Opportunity'];
/** Fields `findByKey` accepts. */
export const SEARCHABLE_KEY_FIELDS = ['neoContactId__c', 'neoBaseId__c', 'neoCrmId__c', 'neoSyncId__c', 'NationalId__c'] as const;
export const MAX_KEY_RESULTS = 50;
export const MAX_TASK_RESULTS = 10;
export const MAX_VALUE_LENGTH = 255;
/** Fields `findTaskByCallObject` selects. */
export const TASK_FIELDS = ['Id', 'Subject', 'Status', 'CallObject', 'CallType', 'CallDisposition', 'CallDurationInSeconds', 'TaskSubtype', 'WhoId', 'WhatId'] as const;

/** Error codes of the Apex class (the twin answers the first six). */
export type NeotelApexErrorCode =
  | 'MISSING_PARAMETER'
  | 'INVALID_ID'
  | 'INVALID_OBJECT'
  | 'INVALID_FIELD'
  | 'FIELD_NOT_SEARCHABLE'
  | 'INVALID_VALUE'
  | 'NO_ACCESS'
  | 'QUERY_FAILED';

const TEXT_TYPES: readonly FieldType[] = ['string', 'phone', 'email'];
const NUMBER_TYPES: readonly FieldType[] = ['double', 'int'];
const NUMBER_PATTERN = /^-?[0-9]+(\.[0-9]+)?$/;

/** The `{"error": …}` JSON the Apex class answers (its JSONGenerator writes the same key order). */
export function apexError(code: NeotelApexErrorCode, parameter: string, message: string): string {
  return JSON.stringify({ error: { code, parameter, message } });
}

/** A received value as Apex's `JSON.serialize(value.abbreviate(100))` writes it. */
function quoted(value: string | undefined): string {
  if (value === undefined) return 'null';
  return JSON.stringify(value.length > 100 ? `${value.slice(0, 97)}...` : value);
}

function isBlank(value: string | undefined): value is undefined | '' {
  return value === undefined || value.trim() === '';
}

function byId(objectName: SObjectName): ApexMethod {
  const keyPrefix = KEY_PREFIXES[objectName];
  const expected = `a record id of ${objectName} (15 or 18 characters starting with ${keyPrefix})`;
  return (params, store) => {
    const id = params.Id;
    if (isBlank(id)) return apexError('MISSING_PARAMETER', 'Id', `Id is required: ${expected}`);
    if (!isSalesforceId(id) || objectOfId(id) !== objectName) {
      return apexError('INVALID_ID', 'Id', `Id must be ${expected}; received ${quoted(id)}`);
    }
    const record = store.get(id);
    return serializeSObjects(record ? [record] : []);
  };
}

function findByKey(params: Readonly<Record<string, string | undefined>>, store: RecordStore): string {
  const objectName = KEY_OBJECTS.find((o) => o.toLowerCase() === params.objectName?.toLowerCase());
  if (!objectName) {
    return apexError('INVALID_OBJECT', 'objectName', `objectName must be one of ${KEY_OBJECTS.join(', ')}; received ${quoted(params.objectName)}`);
  }
  const fieldName = SEARCHABLE_KEY_FIELDS.find((f) => f.toLowerCase() === params.fieldName?.toLowerCase());
  if (!fieldName) {
    return apexError('INVALID_FIELD', 'fieldName', `fieldName must be one of ${SEARCHABLE_KEY_FIELDS.join(', ')}; received ${quoted(params.fieldName)}`);
  }
  const field = findField(objectName, fieldName);
  const isNumber = field !== undefined && NUMBER_TYPES.includes(field.type);
  if (!field || !(isNumber || TEXT_TYPES.includes(field.type))) {
    return apexError(
      'FIELD_NOT_SEARCHABLE',
      'fieldName',
      `fieldName ${fieldName} is not a readable, filterable text or number field of ${objectName} for this user`,
    );
  }
  const keyPath = `${objectName}.${field.apiName}`;
  const value = params.value;
  if (isBlank(value)) return apexError('MISSING_PARAMETER', 'value', `value is required: the key to search for in ${keyPath}`);
  if (value.length > MAX_VALUE_LENGTH) {
    return apexError('INVALID_VALUE', 'value', `value must be at most ${MAX_VALUE_LENGTH} characters for ${keyPath}; received ${quoted(value)}`);
  }
  if (isNumber && !NUMBER_PATTERN.test(value)) {
    return apexError('INVALID_VALUE', 'value', `value must be a whole or decimal number for ${keyPath}; received ${quoted(value)}`);
  }
  // SOQL `=` compares text ignoring case, and numbers as numbers.
  const matches = (stored: unknown): boolean =>
    isNumber ? typeof stored === 'number' && stored === Number(value) : typeof stored === 'string' && stored.toLowerCase() === value.toLowerCase();
  return serializeSObjects(
    oldestFirst(store.list(objectName).filter((record) => matches(record.fields[field.apiName]))).slice(0, MAX_KEY_RESULTS),
  );
}

function findTaskByCallObject(params: Readonly<Record<string, string | undefined>>, store: RecordStore): string {
  const callObject = params.callObject;
  if (isBlank(callObject)) return apexError('MISSING_PARAMETER', 'callObject', 'callObject is required: the call id stored in Task.CallObject');
  if (callObject.length > MAX_VALUE_LENGTH) {
    return apexError('INVALID_VALUE', 'callObject', `callObject must be at most ${MAX_VALUE_LENGTH} characters; received ${quoted(callObject)}`);
  }
  const wanted = callObject.toLowerCase();
  const tasks = oldestFirst(store.list('Task').filter((task) => typeof task.fields.CallObject === 'string' && task.fields.CallObject.toLowerCase() === wanted))
    .slice(0, MAX_TASK_RESULTS)
    .map((task) => ({ objectName: task.objectName, fields: Object.fromEntries(TASK_FIELDS.map((name) => [name, task.fields[name] ?? null])) }));
  return serializeSObjects(tasks);
}

/** `ORDER BY CreatedDate, Id`. */
function oldestFirst(records: readonly SObjectRecord[]): SObjectRecord[] {
  const key = (record: SObjectRecord): string => `${String(record.fields.CreatedDate ?? '')} ${String(record.fields.Id ?? '')}`;
  return [...records].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export const NeotelDataRetrieval: ApexClassTwin = {
  name: 'NeotelDataRetrieval',
  methods: {
    getContactById: byId('Contact'),
    getLeadById: byId('Lead'),
    getAccountById: byId('Account'),
    getOpportunityById: byId('Opportunity'),
    findByKey,
    findTaskByCallObject,
  },
};
