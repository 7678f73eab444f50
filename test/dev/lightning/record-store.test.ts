import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DEFAULT_FIXTURES } from '../../../dev/lightning/options.ts';
import { loadRecordsFixture, readRecordsFixture } from '../../../dev/lightning/records/fixture.ts';
import { RecordStore, recordName } from '../../../dev/lightning/records/record-store.ts';
import { KEY_PREFIXES, isSalesforceId } from '../../../dev/lightning/records/salesforce-id.ts';
import { OBJECTS, SOBJECT_NAMES, type SObjectName } from '../../../dev/lightning/records/schema.ts';
import { searchRecords } from '../../../dev/lightning/records/search.ts';
import { IDS } from './support.ts';

function seededStore(): RecordStore {
  const store = new RecordStore();
  loadRecordsFixture(store, readRecordsFixture(DEFAULT_FIXTURES.records));
  return store;
}

describe('the records fixture', () => {
  const store = seededStore();

  it('loads every object with real key prefixes and valid 18-character ids', () => {
    for (const objectName of SOBJECT_NAMES) {
      const records = store.list(objectName);
      expect(records.length, objectName).toBeGreaterThan(1);
      for (const record of records) {
        const id = String(record.fields.Id);
        expect(isSalesforceId(id) && id.length === 18, id).toBe(true);
        expect(id.startsWith(KEY_PREFIXES[objectName]), id).toBe(true);
      }
    }
  });

  it('stores phones the way users type them, not normalised', () => {
    const phones = store.list().flatMap((r) => OBJECTS[r.objectName].fields.filter((f) => f.type === 'phone').map((f) => r.fields[f.apiName])).filter((p): p is string => typeof p === 'string');
    expect(phones).toContain('(011) 4555-1234');
    expect(phones).toContain('+54 9 11 5555-0101');
    expect(phones).toContain('11 5555 0202');
    expect(phones.every((p) => /[\s()+-]/.test(p))).toBe(true);
  });

  it('holds a record whose name carries a script tag and an img onerror, to prove rendering is text', () => {
    const hostile = store.get(IDS.hostileContact)!;
    expect(recordName(hostile)).toContain('<script>alert(1)</script>');
    expect(recordName(hostile)).toContain('<img src=x onerror=');
    expect(recordName(store.get(IDS.hostileAccount)!)).toContain('<script>');
  });

  it('refuses a fixture Salesforce would refuse, naming the record and the problem', () => {
    const broken = JSON.parse(readFileSync(DEFAULT_FIXTURES.records, 'utf8')) as Record<string, Record<string, unknown>[]>;
    broken.Task = [{ Subject: 'x', CallType: 'inbound' }];
    expect(() => loadRecordsFixture(new RecordStore(), broken, 'broken.json')).toThrow(/broken\.json[\s\S]*Task\[0\]: Call Type: bad value for restricted picklist field: inbound/);
  });
});

describe('the record store', () => {
  it('finds a record by its 15- or 18-character id and computes compound names', () => {
    const store = seededStore();
    expect(recordName(store.get(IDS.maria)!)).toBe('María José González');
    expect(store.get(IDS.maria.slice(0, 15))?.fields.Id).toBe(IDS.maria);
    expect(store.get(IDS.maria.slice(0, 15).toLowerCase())).toBeUndefined();
  });

  it('generates ids, owner and dates on insert and bumps LastModifiedDate on update', () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const store = new RecordStore(() => now);
    const record = store.insert('Lead', { LastName: 'Paz', Company: 'X' });
    expect(record.fields.Status).toBe('Open - Not Contacted');
    expect(record.fields.CreatedDate).toBe('2026-01-01T00:00:00.000+0000');
    now = new Date('2026-01-02T00:00:00Z');
    const updated = store.update(String(record.fields.Id), { FirstName: 'Juan' });
    expect(updated.fields.Name).toBe('Juan Paz');
    expect(updated.fields.LastModifiedDate).toBe('2026-01-02T00:00:00.000+0000');
    expect(updated.fields.CreatedDate).toBe('2026-01-01T00:00:00.000+0000');
  });
});

describe('search', () => {
  const store = seededStore();
  const ids = (query: string, objects: readonly SObjectName[] = SOBJECT_NAMES) => searchRecords(store, query, objects).map((h) => String(h.record.fields.Id));

  it('finds formatted phones from digits, across objects, in the order of the objects asked', () => {
    expect(ids('1145551234')).toEqual([IDS.maria, IDS.distribuidora]);
    expect(ids('1145551234', ['Account', 'Contact'])).toEqual([IDS.distribuidora, IDS.maria]);
    expect(ids('+54 9 11 5555-0202')).toEqual([IDS.lucia]);
    expect(ids('(011) 4777-8888')).toEqual([IDS.martin, IDS.ana]);
  });

  it('finds names by word prefix ignoring case and accents', () => {
    expect(ids('maria gonzalez')).toEqual([IDS.maria]);
    expect(ids('fernand', ['Contact'])).toEqual([IDS.lucia, IDS.martin, IDS.ana]);
    expect(ids('SOFÍA')).toEqual([IDS.sofia]);
  });

  it('finds a national id typed with dots by its digits, but not by a suffix', () => {
    expect(ids('28456123')).toEqual([IDS.lucia]);
    expect(ids('31.987.456')).toEqual([IDS.maria]);
    expect(ids('987456')).toEqual([]);
  });

  it('finds nothing for fewer than 3 characters or for unknown numbers', () => {
    expect(ids('ma')).toEqual([]);
    expect(ids('+54 11 6000-0000')).toEqual([]);
  });
});
