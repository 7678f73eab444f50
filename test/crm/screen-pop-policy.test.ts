import { describe, expect, it } from 'vitest';
import { newCall, type CallFacts, type DeliveredContact } from '../../src/call/call-facts.ts';
import type { CrmConfig } from '../../src/config/index.ts';
import {
  chooseRecord,
  clickedContactOf,
  contactKeyOf,
  isSalesforceId,
  mappedValues,
  nationalIdOf,
  newRecordValues,
  planPop,
  syncValueOf,
  type PopCandidate,
  type PopSearch,
} from '../../src/crm/screen-pop-policy.ts';
import { shippedConfig } from '../support/shipped-config.ts';

function crm(overrides: Record<string, string> = {}): CrmConfig {
  return shippedConfig(overrides).crm;
}

const contact = (over: Partial<DeliveredContact> = {}): DeliveredContact => ({
  crm: 3,
  base: 7,
  contactId: 12345,
  data: '003Dt000HccIdlkIIC',
  keyLabel: 'DATA',
  phone: '1155550101',
  clave: null,
  searchField: 'CLAVE_1',
  agendaId: null,
  ...over,
});
const dialerCall = (c: DeliveredContact): CallFacts => newCall('dialer', 1000, { callId: '77' as CallFacts['callId'], contact: c, number: c.phone });
const inbound = (number: string | null, ivrData: string | null = null): CallFacts => newCall('inbound', 1000, { number, ivrData, queue: 4 });

describe('isSalesforceId', () => {
  it('accepts real 15- and 18-character ids and checks the 18-character suffix', () => {
    for (const id of ['003Dt000HccIdlkIIC', '001Dt000HfplRQxIIM', '00QDt000HccHf4LMIS', '003Dt000HccIdlk']) expect(isSalesforceId(id), id).toBe(true);
    expect(isSalesforceId('003Dt000HccIdlkIIA'), 'a wrong checksum').toBe(false);
  });
  it('refuses keys that are not ids: digits, national ids, wrong lengths, symbols', () => {
    for (const key of ['28456123', '99000001', '123456789012345', '003Dt000HccIdl', '003Dt000HccIdlkII', '003Dt000-ccIdlkIIC', '']) expect(isSalesforceId(key), key).toBe(false);
  });
});

describe('the key of a delivered contact', () => {
  it('is DATA, else the data part of CLAVESF (idContacto-Data), and empty when CLAVESF carries no data', () => {
    expect(contactKeyOf(dialerCall(contact()))).toBe('003Dt000HccIdlkIIC');
    expect(contactKeyOf(dialerCall(contact({ data: '', clave: '30001-003Dt000HccIdlkIIC' })))).toBe('003Dt000HccIdlkIIC');
    expect(contactKeyOf(dialerCall(contact({ data: '', clave: '30002-' })))).toBe('');
    expect(contactKeyOf(inbound('1145551234'))).toBeNull();
  });
});

describe('planPop', () => {
  const config = crm({ '/dialtoneCrm/nationalIdField': 'NationalId__c' });

  it('pops a dialer contact whose DATA is a record id directly, saying so', () => {
    expect(planPop(dialerCall(contact()), config)).toEqual({
      kind: 'record',
      recordId: '003Dt000HccIdlkIIC',
      reason: { kind: 'recordId', field: 'DATA', value: '003Dt000HccIdlkIIC', rule: null },
      callType: 'outbound',
    });
  });

  it('searches a dialer key that is not an id, and leaves an empty CLAVESF to the layout', () => {
    expect(planPop(dialerCall(contact({ data: '28456123' })), config)).toEqual({ kind: 'search', searches: [{ by: 'text', field: 'DATA', value: '28456123' }], callType: 'outbound' });
    expect(planPop({ ...dialerCall(contact({ data: '', clave: '30002-' })), direction: 'inbound' }, config)).toEqual({ kind: 'layout', callType: 'inbound' });
  });

  it('searches an inbound call by the IVR national id first, then by the number', () => {
    expect(planPop(inbound('1199998888', 'DNI=31987456;ANI=1199998888;'), config)).toEqual({
      kind: 'search',
      searches: [
        { by: 'field', field: 'NationalId__c', value: '31987456' },
        { by: 'text', field: 'Phone', value: '1199998888' },
      ],
      callType: 'inbound',
    });
  });

  it('ignores the IVR national id when no nationalIdField is configured', () => {
    expect(planPop(inbound('1145551234', 'DNI=31987456;'), crm())).toEqual({ kind: 'search', searches: [{ by: 'text', field: 'Phone', value: '1145551234' }], callType: 'inbound' });
  });

  it('has nothing to pop for an outbound call without a number, and lets the layout decide an anonymous inbound call', () => {
    expect(planPop(newCall('outbound', 1), config)).toEqual({ kind: 'none' });
    expect(planPop(inbound(null), config)).toEqual({ kind: 'layout', callType: 'inbound' });
  });

  it('reads the national id by its configured key, case-insensitively', () => {
    expect(nationalIdOf('ANI=11;rut=12.345.678-5;', 'RUT')).toBe('12.345.678-5');
    expect(nationalIdOf('ANI=11;', 'DNI')).toBeNull();
    expect(nationalIdOf('DNI=;', 'DNI')).toBeNull();
  });
});

describe('chooseRecord', () => {
  const byPhone: PopSearch = { by: 'text', field: 'Phone', value: '1145551234' };
  const contactAna: PopCandidate = { id: '003Dt000HccIdlkIIC', objectType: 'Contact', name: 'María José González' };
  const account: PopCandidate = { id: '001Dt000HccIdlkIIC', objectType: 'Account', name: 'Distribuidora Norte S.A.' };
  const otherContact: PopCandidate = { id: '003Dt000HfplRQxIIM', objectType: 'Contact', name: 'Lucía Fernández' };

  it('pops the Contact over the Account by searchTypePriority, naming the rule and keeping the Account as a candidate', () => {
    const choice = chooseRecord([account, contactAna], byPhone, crm({ '/neotelConfigOptions/searchTypePriority': 'Contact|Account' }));
    expect(choice).toEqual({
      kind: 'pop',
      record: { ...contactAna, reason: { kind: 'search', field: 'Phone', value: '1145551234', rule: 'searchTypePriority: Contact > Account' } },
      others: [account],
    });
  });

  it('follows the configured order: Account first when configured so', () => {
    const choice = chooseRecord([contactAna, account], byPhone, crm({ '/neotelConfigOptions/searchTypePriority': 'Account|Contact' }));
    expect(choice.kind === 'pop' && choice.record.id).toBe(account.id);
  });

  it('pops a single match without a rule', () => {
    expect(chooseRecord([otherContact], byPhone, crm())).toEqual({ kind: 'pop', record: { ...otherContact, reason: { kind: 'search', field: 'Phone', value: '1145551234', rule: null } }, others: [] });
  });

  it('leaves several matches to the layout when searchTypePriority is empty, or when the best object has a tie', () => {
    expect(chooseRecord([contactAna, account], byPhone, crm({ '/neotelConfigOptions/searchTypePriority': '' }))).toMatchObject({ kind: 'layout' });
    expect(chooseRecord([contactAna, otherContact, account], byPhone, crm())).toMatchObject({ kind: 'layout', candidates: [contactAna, otherContact, account] });
  });

  it('reports no match', () => {
    expect(chooseRecord([], byPhone, crm())).toEqual({ kind: 'noMatch' });
  });
});

describe('Neotel values', () => {
  it('fills externalData from the delivered contact and skips what the call does not know', () => {
    const config = crm();
    expect(mappedValues(config.externalData, dialerCall(contact()), { search: null })).toEqual({ neoContactId__c: '12345', neoBaseId__c: '7', neoCrmId__c: '3' });
    expect(mappedValues(config.externalData, inbound('1145551234'), { search: null })).toEqual({});
  });

  it('prefills the new record with defaultNewRowData and the sync id', () => {
    const values = newRecordValues(inbound('+54 11 6000-0000'), crm(), '1700000000000123', { search: null });
    expect(values).toEqual({ Phone: '+54 11 6000-0000', neoSyncId__c: '1700000000000123' });
  });

  it('makes numeric sync ids that fit Number(18,0)', () => {
    expect(syncValueOf(1_764_000_000_000, 0.0421)).toBe('1764000000000042');
    expect(syncValueOf(1_764_000_000_000, 0.9999)).toMatch(/^\d{16}$/);
  });
});

describe('clickedContactOf (allowClickToDialSearch)', () => {
  it('reads the Neotel ids from the fields externalData maps, with the record id as DATA', () => {
    const fields = { Id: '003Dt000HccIdlkIIC', neoContactId__c: '12345', neobaseid__c: 7, neoCrmId__c: '3' };
    expect(clickedContactOf('003Dt000HccIdlkIIC', fields, '+54 9 11 5555-0101', crm())).toEqual({
      crm: 3,
      base: 7,
      contactId: 12345,
      data: '003Dt000HccIdlkIIC',
      phone: '+54 9 11 5555-0101',
      clave: null,
      searchField: null,
      agendaId: null,
    });
  });

  it('uses the crmKey field as DATA when externalData maps one', () => {
    const config = crm({ '/neotelConfigOptions/externalData': 'neoContactId__c-contactId|neoBaseId__c-contactBaseId|neoCrmId__c-crmId|NationalId__c-crmKey' });
    const fields = { neoContactId__c: '12346', neoBaseId__c: '7', neoCrmId__c: '3', NationalId__c: '28456123' };
    expect(clickedContactOf('003Dt000HfplRQxIIM', fields, '11', config)?.data).toBe('28456123');
  });

  it('is null when an id is missing or not a whole number: the call stays a plain manual call', () => {
    expect(clickedContactOf('003Dt000HdgmuK9III', { neoContactId__c: null, neoBaseId__c: '7', neoCrmId__c: '3' }, '11', crm())).toBeNull();
    expect(clickedContactOf('003Dt000HdgmuK9III', { neoContactId__c: '12a', neoBaseId__c: '7', neoCrmId__c: '3' }, '11', crm())).toBeNull();
    expect(clickedContactOf('003Dt000HdgmuK9III', { neoContactId__c: '1', neoBaseId__c: '7', neoCrmId__c: '3' }, '11', crm({ '/neotelConfigOptions/externalData': '' }))).toBeNull();
  });
});
