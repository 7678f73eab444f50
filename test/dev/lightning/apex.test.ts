import { describe, expect, it } from 'vitest';
import { parseMethodParams, runApex } from '../../../dev/lightning/apex/registry.ts';
import { DEFAULT_FIXTURES } from '../../../dev/lightning/options.ts';
import { loadRecordsFixture, readRecordsFixture } from '../../../dev/lightning/records/fixture.ts';
import { RecordStore } from '../../../dev/lightning/records/record-store.ts';
import { IDS, emulatorWithTab, respond } from './support.ts';

const store = new RecordStore();
loadRecordsFixture(store, readRecordsFixture(DEFAULT_FIXTURES.records));

function json(outcome: ReturnType<typeof runApex>): Record<string, unknown>[] {
  if (!outcome.ok) throw new Error(outcome.description);
  return JSON.parse(outcome.value as string) as Record<string, unknown>[];
}

describe('NeotelDataRetrieval twin', () => {
  it('getContactById returns the contact as Apex JSON.serialize would: attributes, then non-null fields', () => {
    const [contact, ...rest] = json(runApex('NeotelDataRetrieval', 'getContactById', `Id=${IDS.maria}`, store));
    expect(rest).toEqual([]);
    expect(contact).toMatchObject({
      attributes: { type: 'Contact', url: `/services/data/v57.0/sobjects/Contact/${IDS.maria}` },
      Id: IDS.maria,
      NationalId__c: '31987456',
      neoContactId__c: '12345',
    });
    expect(contact).not.toHaveProperty('HomePhone');
  });

  it('returns an empty list for an id of another object or an unknown id, and fails for a malformed one', () => {
    expect(json(runApex('NeotelDataRetrieval', 'getLeadById', `Id=${IDS.maria}`, store))).toEqual([]);
    expect(json(runApex('NeotelDataRetrieval', 'getAccountById', 'Id=001Dt000ZZZZZZZ', store))).toEqual([]);
    expect(runApex('NeotelDataRetrieval', 'getOpportunityById', 'Id=xyz', store)).toEqual({ ok: false, code: 'SERVER_ERROR', description: 'System.QueryException: invalid ID field: xyz' });
  });

  it('findByKey finds records by a whitelisted key field and refuses other fields', () => {
    const found = json(runApex('neoteldataretrieval', 'FINDBYKEY', 'objectName=Contact&fieldName=neoSyncId__c&value=1700000000001', store));
    expect(found.map((r) => r.Id)).toEqual([IDS.gabriel]);
    expect(json(runApex('NeotelDataRetrieval', 'findByKey', 'objectName=Opportunity&fieldName=neoCrmId__c&value=3', store)).map((r) => r.Id)).toEqual([IDS.renovacion]);
    const refused = runApex('NeotelDataRetrieval', 'findByKey', 'objectName=Contact&fieldName=Name&value=x', store);
    expect(refused.ok ? '' : refused.description).toMatch(/^System.IllegalArgumentException: fieldName must be one of/);
  });
});

describe('runApex', () => {
  it('answers Salesforce\'s SERVER_ERROR for an unknown class and for an unknown method', () => {
    const { emulator, tab } = emulatorWithTab();
    expect(respond(emulator, tab, 'runApex', { apexClass: 'Nope', methodName: 'x', methodParams: '' }).errors).toEqual([
      { code: 'SERVER_ERROR', description: 'Could not load Apex class: Nope.' },
    ]);
    expect(respond(emulator, tab, 'runApex', { apexClass: 'NeotelDataRetrieval', methodName: 'dropTables', methodParams: '' }).errors?.[0]?.code).toBe('SERVER_ERROR');
  });

  it('wraps the method result in {runApex}', () => {
    const { emulator, tab } = emulatorWithTab();
    const response = respond(emulator, tab, 'runApex', { apexClass: 'NeotelDataRetrieval', methodName: 'getLeadById', methodParams: `Id=${IDS.sofia}` });
    expect(JSON.parse((response.returnValue as { runApex: string }).runApex)).toHaveLength(1);
  });

  it('decodes methodParams names and values, keeping a stray % as typed', () => {
    expect(parseMethodParams('name=Mar%C3%ADa&phone=%2B54%2011&raw=50%&flag')).toEqual({ name: 'María', phone: '+54 11', raw: '50%', flag: '' });
    expect(parseMethodParams(undefined)).toEqual({});
  });
});
