/** The stand-in's SOQL answers as the REST API does: records with attributes, relationships nested, Salesforce's INVALID_FIELD text. */
import { describe, expect, it } from 'vitest';
import { emptyOrg } from '../../../dev/salesforce/org.ts';
import { runSoql, SoqlError } from '../../../dev/salesforce/soql.ts';

describe('stand-in SOQL', () => {
  it('filters with =, IN and a relationship, and nests the related record', () => {
    const org = emptyOrg();
    const r = runSoql(org, "SELECT Id, Username, Profile.Name FROM User WHERE Profile.Name = 'standard user' AND Username IN ('agent1@acme.example', 'x@y') ORDER BY Username");
    expect(r.totalSize).toBe(1);
    expect(r.records[0]).toMatchObject({ attributes: { type: 'User' }, Username: 'agent1@acme.example', Profile: { attributes: { type: 'Profile' }, Name: 'Standard User' } });
  });

  it('answers INVALID_FIELD for a column the org lacks, naming the column and entity', () => {
    const org = emptyOrg();
    org.hiddenFields.add('User.CallCenterId');
    let error: unknown;
    try {
      runSoql(org, 'SELECT Id, CallCenterId FROM User');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SoqlError);
    expect((error as SoqlError).errorCode).toBe('INVALID_FIELD');
    expect((error as SoqlError).message).toContain("ERROR at Row:1:Column:12\nNo such column 'CallCenterId' on entity 'User'.");
  });
});
