import { describe, expect, it } from 'vitest';
import { agentOptionsFrom, callInfoOf } from '../../src/app/view-model.ts';
import { ALL_CAPABILITIES, type AgentState } from '../../src/call/index.ts';
import type { CrmConfig } from '../../src/config/index.ts';
import { states } from '../../e2e/components/support/views.ts';
import { shippedConfig } from '../support/shipped-config.ts';

function crm(overrides: Record<string, string> = {}): CrmConfig {
  return shippedConfig(overrides).crm;
}

/** The ringing state of an inbound call whose IVR collected a national id. */
function ringingWithIvr(ivrData: string): AgentState {
  const state = states.ringing();
  if (!('call' in state)) throw new Error('ringing carries a call');
  return { ...state, call: { ...state.call, number: '1199990000', ivrData } };
}

describe('the information panel (seed 004)', () => {
  it('shows the IVR national id as the search key, not the number', () => {
    const info = callInfoOf(ringingWithIvr('DNI=31987456;'), crm({ '/dialtoneCrm/nationalIdField': 'NationalId__c' }));
    expect(info.searchKey).toBe('31987456');
  });

  it('shows the number when no national id is searched', () => {
    expect(callInfoOf(ringingWithIvr('DNI=31987456;'), crm({ '/dialtoneCrm/nationalIdField': '' })).searchKey).toBe('1199990000');
  });

  it('shows the last call id during the call and 0 once it ended, the contact staying', () => {
    expect(callInfoOf(states.connected(), crm()).lastCallId).not.toBe('0');
    const done = callInfoOf(states.wrapUp(), crm());
    expect(done.lastCallId).toBe('0');
    expect(done.contactId).toBe('5512');
    expect(done.searchKey, 'a record id the dialer sent is the key').toBe('0035g00000AbCdE');
  });
});

describe('options by platform capabilities', () => {
  it('offers no campaigns, breaks, queue transfers or dispositions a platform cannot do', () => {
    const config = shippedConfig();
    const full = agentOptionsFrom(config);
    expect(full.campaigns.length).toBeGreaterThan(0);
    expect(full.breakTypes.length).toBeGreaterThan(0);
    const plain = agentOptionsFrom(config, { ...ALL_CAPABILITIES, campaigns: false, breaks: false, queueTransfer: false, categorisation: false });
    expect(plain).toMatchObject({ campaigns: [], breakTypes: [], queues: [], allowCategorization: false });
  });
});
