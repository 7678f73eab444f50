// A command the platform's capabilities lack fails with UNSUPPORTED before anything is sent.
import { describe, expect, it } from 'vitest';
import { ALL_CAPABILITIES, unsupportedBy } from '../../src/call/index.ts';

const NO_CAMPAIGNS = { ...ALL_CAPABILITIES, campaigns: false, queueTransfer: false };

describe('commands a platform cannot run', () => {
  it('fails holding contacts and joining a campaign on a platform without campaigns, with UNSUPPORTED and what is missing', () => {
    expect(unsupportedBy({ command: 'setUnavailable', agent: '1001' }, NO_CAMPAIGNS)).toEqual({ code: 'UNSUPPORTED', detail: 'setUnavailable needs campaigns, which this platform does not offer.' });
    expect(unsupportedBy({ command: 'joinCampaign', agent: '1001', campaign: 5 }, NO_CAMPAIGNS)?.code).toBe('UNSUPPORTED');
    expect(unsupportedBy({ command: 'transfer', agent: '1001', target: { kind: 'queue', queue: 3 }, mode: 'blind' }, NO_CAMPAIGNS)?.detail).toContain('queueTransfer');
  });

  it('lets through what the platform can do, and what every platform does', () => {
    expect(unsupportedBy({ command: 'setUnavailable', agent: '1001' }, ALL_CAPABILITIES)).toBeNull();
    expect(unsupportedBy({ command: 'transfer', agent: '1001', target: { kind: 'number', number: '600' }, mode: 'blind' }, NO_CAMPAIGNS)).toBeNull();
    expect(unsupportedBy({ command: 'dial', agent: '1001', number: '600' }, { ...NO_CAMPAIGNS, breaks: false, transfer: false })).toBeNull();
  });
});
