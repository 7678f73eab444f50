import { describe, expect, it } from 'vitest';
import { insertRecord, updateRecord } from '../../../dev/lightning/records/dml.ts';
import { DEFAULT_FIXTURES } from '../../../dev/lightning/options.ts';
import { loadRecordsFixture, readRecordsFixture } from '../../../dev/lightning/records/fixture.ts';
import { RecordStore } from '../../../dev/lightning/records/record-store.ts';
import { IDS } from './support.ts';

function store(): RecordStore {
  const s = new RecordStore();
  loadRecordsFixture(s, readRecordsFixture(DEFAULT_FIXTURES.records));
  return s;
}

const messages = (result: ReturnType<typeof insertRecord>): string[] => (result.ok ? [] : result.errors.map((e) => e.message));

describe('creating records with Salesforce validation', () => {
  it('accepts a complete call Task, resolving field names case-insensitively and coercing an integer string', () => {
    const s = store();
    const result = insertRecord(s, 'Task', { subject: 'Llamada', TASKSUBTYPE: 'Call', CallType: 'Inbound', whoid: IDS.maria.slice(0, 15), WhatId: IDS.distribuidora, CallDurationInSeconds: '61' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.record.fields).toMatchObject({ Subject: 'Llamada', TaskSubtype: 'Call', WhoId: IDS.maria, CallDurationInSeconds: 61, Status: 'Not Started', Priority: 'Normal' });
  });

  it.each([
    [{ CallType: 'inbound' }, 'Call Type: bad value for restricted picklist field: inbound'],
    [{ TaskSubtype: 'Llamada' }, 'Task Subtype: bad value for restricted picklist field: Llamada'],
    [{ CallDurationInSeconds: 12.5 }, 'Call Duration: value not of required type: 12.5'],
    [{ CallDurationInSeconds: 'long' }, 'Call Duration: value not of required type: long'],
    [{ Subject: 'x'.repeat(256) }, `Subject: data value too large: ${'x'.repeat(60)}… (max length=255)`],
    [{ WhoId: IDS.distribuidora }, `Name ID: id value of incorrect type: ${IDS.distribuidora}`],
    [{ WhoId: 'not-an-id' }, 'Name ID: id value of incorrect type: not-an-id'],
    [{ WhatId: '001Dt000ZZZZZZZ' }, 'invalid cross reference id'],
    [{ WhatId: IDS.maria }, `Related To ID: id value of incorrect type: ${IDS.maria}`],
    [{ ActivityDate: '2026-02-30' }, 'Due Date Only: value not of required type: 2026-02-30'],
    [{ Foo__c: 'x' }, "No such column 'Foo__c' on sobject of type Task"],
    [{ CreatedDate: '2026-01-01T00:00:00Z' }, 'Unable to create/update fields: CreatedDate. Please check the security settings of this field and verify that it is read/write for your profile or permission set.'],
    [{ WhoId: IDS.sofia, WhatId: IDS.distribuidora }, 'Related To ID: a Task whose Name ID is a Lead cannot also be related to another record'],
  ])('refuses a Task with %j: %s', (fields, message) => {
    expect(messages(insertRecord(store(), 'Task', { Subject: 'x', ...fields }))).toEqual([message]);
  });

  it('reports every problem of one write at once, with the fields involved', () => {
    const result = insertRecord(store(), 'Lead', { Email: 'nope', Bogus: 1 });
    expect(result.ok ? [] : result.errors).toEqual([
      { statusCode: 'INVALID_EMAIL_ADDRESS', message: 'Email: invalid email address: nope', fields: ['Email'] },
      { statusCode: 'INVALID_FIELD', message: "No such column 'Bogus' on sobject of type Lead", fields: ['Bogus'] },
      { statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [LastName, Company]', fields: ['LastName', 'Company'] },
    ]);
  });

  it('refuses a second record with the same neoSyncId__c external id', () => {
    expect(messages(insertRecord(store(), 'Contact', { LastName: 'Otro', neoSyncId__c: 1700000000001 }))).toEqual([
      `duplicate value found: neoSyncId__c duplicates value on record with id: ${IDS.gabriel}`,
    ]);
  });
});

describe('updating records', () => {
  it('changes fields, keeps the rest, and recomputes the name', () => {
    const s = store();
    const result = updateRecord(s, IDS.maria, { LastName: 'González Paz', neoContactId__c: '999' });
    expect(result.ok && result.record.fields).toMatchObject({ Name: 'María José González Paz', neoContactId__c: '999', Phone: '011 4555-1234' });
  });

  it('refuses TaskSubtype (create-only), a missing record, a malformed id and clearing a required field', () => {
    const s = store();
    expect(messages(updateRecord(s, IDS.firstTask, { TaskSubtype: 'Task' }))[0]).toMatch(/^Unable to create\/update fields: TaskSubtype\./);
    expect(messages(updateRecord(s, '00TDt000ZZZZZZZ', { Subject: 'x' }))).toEqual(['invalid cross reference id']);
    expect(messages(updateRecord(s, 'abc', { Subject: 'x' }))).toEqual(['Record ID: id value of incorrect type: abc']);
    expect(messages(updateRecord(s, IDS.maria, { LastName: '' }))).toEqual(['Required fields are missing: [LastName]']);
  });
});
