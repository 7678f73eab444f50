import { describe, expect, it } from 'vitest';
import { newCall, type CallFacts } from '../../src/call/call-facts.ts';
import { campaignValues, multipleMatchesAction, opensNewRecord, opensSearchPage, singleMatchAction } from '../../src/crm/pop-rules.ts';

const ENTITY = { NoMatch: { screenPopType: 'PopToEntity', screenPopData: 'Contact' } };

describe('softphone layout rules', () => {
  it('a call type with rules follows them: a missing rule opens nothing', () => {
    expect(singleMatchAction({ ...ENTITY, SingleMatch: { screenPopType: 'PopToEntity' } })).toBe('open');
    expect(singleMatchAction(ENTITY)).toBe('nothing');
    expect(multipleMatchesAction({ ...ENTITY, MultipleMatches: { screenPopType: 'PopToSearch' } })).toBe('open');
    expect(multipleMatchesAction(ENTITY)).toBe('nothing');
  });

  it('a call type without any rule (Outbound in Salesforce\'s editor) keeps the default', () => {
    expect(singleMatchAction({})).toBe('open');
    expect(multipleMatchesAction(undefined)).toBe('open');
  });

  it('tells which pops open the search page or the new-record form', () => {
    expect(opensSearchPage({ MultipleMatches: { screenPopType: 'PopToSearch' } })).toBe(true);
    expect(opensSearchPage({ MultipleMatches: { screenPopType: 'PopToVisualforce', screenPopData: 'P' } })).toBe(false);
    expect(opensNewRecord(ENTITY)).toBe(true);
    expect(opensNewRecord({ NoMatch: { screenPopType: 'PopToEntity' } })).toBe(false);
  });
});

describe('campaignEntityName', () => {
  const crm = { campaignEntityName: 'Campaign', campaignRecords: [{ campaign: 97, recordId: '701Dt000001AbCdIAK' }], campaignField: 'neoCampaign__c' };
  const data = { dialer: null, reason: null, outboundCrm: null, outboundBase: null, recordingFile: null };
  it('sets the campaign field to the record of the call\'s campaign, else of the agent\'s outbound campaign', () => {
    expect(campaignValues(newCall('dialer', 1, { campaign: 97 }), crm)).toEqual({ neoCampaign__c: '701Dt000001AbCdIAK' });
    const inbound: CallFacts = newCall('inbound', 1, { campaign: null, platformData: { ...data, outboundCampaign: 97 } });
    expect(campaignValues(inbound, crm)).toEqual({ neoCampaign__c: '701Dt000001AbCdIAK' });
  });
  it('writes nothing when off or the campaign is not in the table', () => {
    expect(campaignValues(newCall('dialer', 1, { campaign: 97 }), { ...crm, campaignEntityName: null })).toEqual({});
    expect(campaignValues(newCall('dialer', 1, { campaign: 110 }), crm)).toEqual({});
  });
});
