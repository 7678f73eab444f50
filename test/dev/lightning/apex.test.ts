import { describe, expect, it } from 'vitest';
import { parseMethodParams, runApex } from '../../../dev/lightning/apex/registry.ts';
import { DEFAULT_FIXTURES } from '../../../dev/lightning/options.ts';
import { loadRecordsFixture, readRecordsFixture } from '../../../dev/lightning/records/fixture.ts';
import { RecordStore } from '../../../dev/lightning/records/record-store.ts';
import { IDS, emulatorWithTab, respond } from './support.ts';

const store = new RecordStore();
loadRecordsFixture(store, readRecordsFixture(DEFAULT_FIXTURES.records));

/** The JSON a twin method answered: a list of records, or `{error}` (typed loosely for both). */
function json(outcome: ReturnType<typeof runApex>): Record<string, unknown>[] & Record<string, unknown> {
  if (!outcome.ok) throw new Error(outcome.description);
  return JSON.parse(outcome.value as string) as Record<string, unknown>[] & Record<string, unknown>;
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

  it('returns an empty list for an unknown id, and error JSON for a malformed id or an id of another object', () => {
    expect(json(runApex('NeotelDataRetrieval', 'getAccountById', 'Id=001Dt000ZZZZZZZ', store))).toEqual([]);
    expect(json(runApex('NeotelDataRetrieval', 'getLeadById', `Id=${IDS.maria}`, store))).toEqual({
      error: { code: 'INVALID_ID', parameter: 'Id', message: `Id must be a record id of Lead (15 or 18 characters starting with 00Q); received "${IDS.maria}"` },
    });
    expect(json(runApex('NeotelDataRetrieval', 'getOpportunityById', 'Id=xyz', store))).toMatchObject({ error: { code: 'INVALID_ID' } });
  });

  it('findByKey finds records by a whitelisted key field (text ignoring case, numbers as numbers) and refuses other fields', () => {
    const found = json(runApex('neoteldataretrieval', 'FINDBYKEY', 'objectName=Contact&fieldName=neoSyncId__c&value=1700000000001', store));
    expect(found.map((r) => r.Id)).toEqual([IDS.gabriel]);
    expect(json(runApex('NeotelDataRetrieval', 'findByKey', 'objectName=Contact&fieldName=neoSyncId__c&value=1700000000001.0', store)).map((r) => r.Id)).toEqual([IDS.gabriel]);
    expect(json(runApex('NeotelDataRetrieval', 'findByKey', 'objectName=Opportunity&fieldName=neoCrmId__c&value=3', store)).map((r) => r.Id)).toEqual([IDS.renovacion]);
    expect(json(runApex('NeotelDataRetrieval', 'findByKey', 'objectName=contact&fieldName=nationalid__c&value=31987456', store)).map((r) => r.Id)).toEqual([IDS.maria]);
    expect(json(runApex('NeotelDataRetrieval', 'findByKey', 'objectName=Lead&fieldName=NationalId__c&value=31987456', store))).toEqual([]);
    expect(json(runApex('NeotelDataRetrieval', 'findByKey', 'objectName=Contact&fieldName=Name&value=x', store))).toMatchObject({ error: { code: 'INVALID_FIELD', parameter: 'fieldName' } });
  });

  it('findByKey matches text ignoring case and returns at most 50 records, oldest first', () => {
    const local = new RecordStore();
    for (let i = 0; i < 51; i++) local.insert('Contact', { LastName: `Base ${i}`, neoBaseId__c: 'AB-7', CreatedDate: `2024-05-01T12:00:${String(59 - i).padStart(2, '0')}.000+0000` });
    const found = json(runApex('NeotelDataRetrieval', 'findByKey', 'objectName=Contact&fieldName=neoBaseId__c&value=ab-7', local));
    expect(found).toHaveLength(50);
    expect(found[0]?.LastName).toBe('Base 50');
  });

  it('findTaskByCallObject returns the call\'s Tasks with the outbox\'s fields, ignoring case, and [] for another call', () => {
    const local = new RecordStore();
    const task = local.insert('Task', { Subject: 'Llamada', CallObject: 'neo-call-42', TaskSubtype: 'Call', CallType: 'Inbound', WhoId: IDS.maria, Description: 'not selected' });
    local.insert('Task', { Subject: 'Otra', CallObject: 'neo-call-43' });
    const [found, ...rest] = json(runApex('NeotelDataRetrieval', 'findTaskByCallObject', 'callObject=NEO-CALL-42', local));
    expect(rest).toEqual([]);
    expect(found).toEqual({
      attributes: { type: 'Task', url: `/services/data/v57.0/sobjects/Task/${String(task.fields.Id)}` },
      Id: task.fields.Id,
      Subject: 'Llamada',
      Status: 'Not Started',
      CallObject: 'neo-call-42',
      CallType: 'Inbound',
      TaskSubtype: 'Call',
      WhoId: IDS.maria,
    });
    expect(json(runApex('NeotelDataRetrieval', 'findTaskByCallObject', 'callObject=neo-call-44', local))).toEqual([]);
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
