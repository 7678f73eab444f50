import { isSalesforceId, objectOfId } from '../records/salesforce-id.ts';
import type { RecordStore } from '../records/record-store.ts';
import type { SObjectName } from '../records/schema.ts';
import { ApexException, serializeSObjects, type ApexClassTwin, type ApexMethod } from './apex-class.ts';

/**
 * Twin of `NeotelDataRetrieval`, the Apex class Neotel's connector deploys (seed 004, annex
 * "Clases de Apex"): `get<Object>ById(Id)` selects every field of the record with that id and
 * returns the list (0 or 1 element) as a JSON string.
 *
 * `findByKey(objectName, fieldName, value)` is Dialtone's addition for the no-match → new record →
 * re-sync flow (`neoSyncId__c`) and IVR keys (a national id): it returns the records of one object
 * whose key field equals the value, as a JSON string. Only the key fields below may be searched,
 * as the Apex version must whitelist them to keep dynamic SOQL safe.
 */

/** Fields `findByKey` accepts. */
export const SEARCHABLE_KEY_FIELDS = ['neoContactId__c', 'neoBaseId__c', 'neoCrmId__c', 'neoSyncId__c', 'NationalId__c'] as const;
const KEY_OBJECTS: readonly SObjectName[] = ['Contact', 'Account', 'Lead', 'Opportunity'];

function byId(objectName: SObjectName): ApexMethod {
  return (params, store) => {
    const id = params.Id;
    if (id === undefined || id === '') return serializeSObjects([]);
    if (!isSalesforceId(id)) throw new ApexException('System.QueryException', `invalid ID field: ${String(id)}`);
    const record = objectOfId(id) === objectName ? store.get(id) : undefined;
    return serializeSObjects(record ? [record] : []);
  };
}

function findByKey(params: Readonly<Record<string, string | undefined>>, store: RecordStore): string {
  const objectName = KEY_OBJECTS.find((o) => o.toLowerCase() === (params.objectName ?? '').toLowerCase());
  if (!objectName) {
    throw new ApexException('System.IllegalArgumentException', `objectName must be one of ${KEY_OBJECTS.join(', ')}; received ${JSON.stringify(params.objectName ?? null)}`);
  }
  const fieldName = SEARCHABLE_KEY_FIELDS.find((f) => f.toLowerCase() === (params.fieldName ?? '').toLowerCase());
  if (!fieldName) {
    throw new ApexException(
      'System.IllegalArgumentException',
      `fieldName must be one of ${SEARCHABLE_KEY_FIELDS.join(', ')}; received ${JSON.stringify(params.fieldName ?? null)}`,
    );
  }
  const value = params.value ?? '';
  if (value === '') return serializeSObjects([]);
  const matches = store.list(objectName).filter((record) => {
    const stored = record.fields[fieldName];
    return stored !== null && stored !== undefined && String(stored) === value;
  });
  return serializeSObjects(matches);
}

export const NeotelDataRetrieval: ApexClassTwin = {
  name: 'NeotelDataRetrieval',
  methods: {
    getContactById: byId('Contact'),
    getLeadById: byId('Lead'),
    getAccountById: byId('Account'),
    getOpportunityById: byId('Opportunity'),
    findByKey,
  },
};
