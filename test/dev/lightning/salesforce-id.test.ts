import { describe, expect, it } from 'vitest';
import { idChecksum, isSalesforceId, makeId, objectOfId, to18 } from '../../../dev/lightning/records/salesforce-id.ts';

describe('Salesforce ids', () => {
  it('computes the 18-character form Salesforce documents for a known id', () => {
    expect(to18('001D000000IqhSL')).toBe('001D000000IqhSLIAZ');
    expect(idChecksum('001D000000IqhSL')).toBe('IAZ');
  });

  it('accepts 15- and 18-character ids and a lower-case checksum, refuses a wrong checksum or shape', () => {
    expect(isSalesforceId('001D000000IqhSL')).toBe(true);
    expect(isSalesforceId('001D000000IqhSLIAZ')).toBe(true);
    expect(isSalesforceId('001D000000IqhSLiaz')).toBe(true);
    expect(isSalesforceId('001D000000IqhSLAAA')).toBe(false);
    expect(isSalesforceId('001D000000IqhS')).toBe(false);
    expect(isSalesforceId('001D000000Iqh-L')).toBe(false);
    expect(isSalesforceId(42)).toBe(false);
  });

  it('tells the object from the key prefix', () => {
    expect(objectOfId('003Dt000HccIdlkIIC')).toBe('Contact');
    expect(objectOfId('00QDt000HccHf4LMIS')).toBe('Lead');
    expect(objectOfId('00TDt000HccHf4LMIS')).toBe('Task');
    expect(objectOfId('500Dt000HccHf4LMIS')).toBeUndefined();
  });

  it('makes valid, distinct ids with the object key prefix', () => {
    const ids = [makeId('Opportunity', 1), makeId('Opportunity', 2), makeId('Opportunity', 2_000_000_000_000)];
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) {
      expect(id).toMatch(/^006/);
      expect(isSalesforceId(id)).toBe(true);
      expect(id).toHaveLength(18);
    }
  });
});
