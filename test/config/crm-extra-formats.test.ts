import { describe, expect, it } from 'vitest';
import { CAMPAIGN_RECORDS, RECORDING_URL_TEMPLATE, TIME_ZONE } from '../../src/config/crm-extra-formats.ts';

describe('seed 004 deployment settings', () => {
  it('accepts a recording URL template with {file} or {callId} and refuses anything else, saying why', () => {
    expect(RECORDING_URL_TEMPLATE.parse('https://neotel.example.com/recordings/{file}')).toEqual({ ok: true, value: 'https://neotel.example.com/recordings/{file}' });
    expect(RECORDING_URL_TEMPLATE.parse('http://10.0.0.5/rec?id={callId}&tel={phone}').ok).toBe(true);
    expect(RECORDING_URL_TEMPLATE.parse('https://neotel.example.com/recordings/')).toMatchObject({ ok: false, problem: expect.stringContaining('neither {file} nor {callId}') });
    expect(RECORDING_URL_TEMPLATE.parse('https://x/{file}/{agent}')).toMatchObject({ ok: false, problem: expect.stringContaining('{agent}') });
    expect(RECORDING_URL_TEMPLATE.parse('ftp://x/{file}')).toMatchObject({ ok: false, problem: expect.stringContaining('ftp:') });
    expect(RECORDING_URL_TEMPLATE.parse('https://x/ {file}').ok).toBe(false);
  });

  it('reads campaignRecords as campaign id → record id, refusing repeats and bad ids', () => {
    expect(CAMPAIGN_RECORDS.parse('97=701Dt000001AbCdIAK| 110 = 701Dt000001AbCe')).toEqual({ ok: true, value: [{ campaign: 97, recordId: '701Dt000001AbCdIAK' }, { campaign: 110, recordId: '701Dt000001AbCe' }] });
    expect(CAMPAIGN_RECORDS.parse('97=701Dt000001AbCdIAK|97=701Dt000001AbCeIAK')).toMatchObject({ ok: false, problem: 'campaign 97 appears twice' });
    expect(CAMPAIGN_RECORDS.parse('SALESFORCE=701Dt000001AbCdIAK').ok).toBe(false);
    expect(CAMPAIGN_RECORDS.parse('97=abc').ok).toBe(false);
  });

  it('accepts IANA time zones only', () => {
    expect(TIME_ZONE.parse('America/Argentina/Buenos_Aires')).toEqual({ ok: true, value: 'America/Argentina/Buenos_Aires' });
    expect(TIME_ZONE.parse('Mars/Olympus').ok).toBe(false);
  });
});
