import { afterEach, describe, expect, it } from 'vitest';
import { NeoFault } from '../../../dev/neotel/center/neo-fault.ts';
import { makeHarness, testScenario, type Harness } from './center-harness.ts';

let h: Harness;
afterEach(() => h.center.shutdown());

/** The observable state of the whole center, to prove a refused request changed nothing. */
function snapshot(harness: Harness): string {
  return JSON.stringify({ positions: harness.center.positions(), calls: harness.center.calls(), contacts: harness.center.world.contacts.snapshot() });
}

function expectFault(run: () => unknown, message: string): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(NeoFault);
  expect((thrown as Error).message).toBe(message);
}

describe('Login', () => {
  it('logs an agent in on a registered device: STATUS=OK, login time, ESTADO_CRM=Available, no call', () => {
    h = makeHarness();
    h.pbx.register('SIP/1001', '10.1.2.3', 51234);
    h.center.login('SIP/1001', '1001', '1234');
    const p = h.position('1001');
    expect(p).toMatchObject({ device: 'SIP/1001', ip: '10.1.2.3', port: 51234, statusOk: true, server: 'NEO1', user: '1001', crmState: 'Available', callId: undefined, outboundCampaign: undefined, outboundDialer: 'NotSet' });
    expect(p.loginAt?.iso).toBe('2024-07-14T16:01:50');
    expect(h.raw('1001')).toContain('|INICIO_LOGIN=14/07/2024 04:01:50 p.m.|');
  });

  it.each([
    ['an unknown user', () => h.center.login('SIP/1001', '1099', '1234'), 'User 1099 not found'],
    ['a wrong password', () => h.center.login('SIP/1001', '1001', 'nope'), 'Invalid password for user 1001'],
    ['an unregistered device', () => h.center.login('SIP/1003', '1003', '1234'), 'Position SIP/1003 not found'],
    ['an unknown device', () => h.center.login('SIP/9999', '1003', '1234'), 'Position SIP/9999 not found'],
    ['a position held by another user', () => h.center.login('SIP/1001', '1002', '1234'), 'Position SIP/1001 not free'],
    ['a user already logged elsewhere', () => h.center.login('SIP/1002', '1001', '1234'), 'User 1001 already logged on position SIP/1001'],
  ])('refuses %s with the real error and leaves the state intact', (_what, run, message) => {
    h = makeHarness();
    h.loginAgent('1001', 97);
    h.pbx.register('SIP/1002');
    const before = snapshot(h);
    expectFault(run, message);
    expect(snapshot(h)).toBe(before);
  });

  it('accepts a second Login of the same user on the same position (page reload) without resetting it', () => {
    h = makeHarness();
    h.loginAgent('1001', 97);
    h.clock.advance(60_000);
    h.center.login('SIP/1001', '1001', '1234');
    expect(h.position('1001')).toMatchObject({ outboundCampaign: 97 });
    expect(h.position('1001').loginAt?.iso).toBe('2024-07-14T16:01:50');
  });

  it('refuses the user beyond the licence limit with "No more API licenses." and frees a licence on Logout', () => {
    h = makeHarness({ scenario: testScenario((s) => (s.platform.licenses = 1)) });
    h.loginAgent('1001');
    h.pbx.register('SIP/1002');
    expectFault(() => h.center.login('SIP/1002', '1002', '1234'), 'No more API licenses.');
    expect(h.center.positions().map((p) => p.user)).toEqual(['1001']);
    h.center.logout('1001');
    h.center.login('SIP/1002', '1002', '1234');
    expect(h.center.positions().map((p) => p.user)).toEqual(['1002']);
  });

  it('answers "<USUARIO> not logged." for Position and agent methods after Logout', () => {
    h = makeHarness();
    h.loginAgent('1001');
    h.center.logout('1001');
    expectFault(() => h.center.position('1001'), '1001 not logged.');
    expectFault(() => h.center.pause('1001', 1), '1001 not logged.');
    expectFault(() => h.center.logout('1001'), '1001 not logged.');
  });

  it('shows STATUS empty and IP 0.0.0.0 while the logged device is unregistered', () => {
    h = makeHarness();
    h.loginAgent('1001');
    h.pbx.unregister('SIP/1001');
    expect(h.position('1001')).toMatchObject({ statusOk: false, ip: '0.0.0.0', port: undefined });
    expect(h.raw('1001')).toContain('|IP=0.0.0.0|PORT=0|STATUS=|');
  });
});

describe('campaigns and breaks', () => {
  it('enters and leaves an outbound campaign: SAL_CAMPAÑA_DEFAULT, its login time, dialer type, CRM and base', () => {
    h = makeHarness();
    h.loginAgent('1001');
    h.clock.advance(5000);
    h.center.loginCampaign('1001', 97);
    expect(h.position('1001')).toMatchObject({ outboundCampaign: 97, outboundDialer: 'Predictive', outboundCrm: 3, outboundBase: 7 });
    expect(h.position('1001').campaignLoginAt?.iso).toBe('2024-07-14T16:01:55');
    expect(h.raw('1001')).toContain('|SAL_CAMPAÑA_DEFAULT=97|INICIO_LOGIN_CAMPAÑA=14/07/2024 04:01:55 p.m.|');
    h.center.logoutCampaign('1001', undefined);
    expect(h.raw('1001')).toContain('|SAL_CAMPAÑA_DEFAULT=0|INICIO_LOGIN_CAMPAÑA=01/01/2000 12:00:00 a.m.|');
    expect(h.position('1001').outboundDialer).toBe('NotSet');
  });

  it('refuses unknown, inbound-only and mismatched campaigns without changing the position', () => {
    h = makeHarness();
    h.loginAgent('1001', 3);
    const before = h.raw('1001');
    expectFault(() => h.center.loginCampaign('1001', 555), 'Campaign 555 not found');
    expectFault(() => h.center.loginCampaign('1001', 110), 'Campaign 110 is not an outbound campaign');
    expectFault(() => h.center.logoutCampaign('1001', 97), 'User 1001 not logged in campaign 97');
    expect(h.raw('1001')).toBe(before);
  });

  it('pauses with a break sub-type and unpauses, keeping the start and end of the break', () => {
    h = makeHarness();
    h.loginAgent('1001');
    h.clock.advance(60_000);
    h.center.pause('1001', 12);
    expect(h.position('1001')).toMatchObject({ breakSubtype: 12 });
    expect(h.position('1001').breakStartedAt?.iso).toBe('2024-07-14T16:02:50');
    h.clock.advance(60_000);
    h.center.unpause('1001');
    const p = h.position('1001');
    expect(p.breakSubtype).toBeUndefined();
    expect(p.breakEndedAt?.iso).toBe('2024-07-14T16:03:50');
    expectFault(() => h.center.pause('1001', 99), 'Break sub-type 99 not found');
  });

  it('maps Tiempo_Administrativo and Descanso to the administrative and default break sub-types', () => {
    h = makeHarness();
    h.loginAgent('1001');
    h.center.administrativeTime('1001', true);
    expect(h.position('1001').breakSubtype).toBe(2);
    h.center.administrativeTime('1001', false);
    expect(h.position('1001').breakSubtype).toBeUndefined();
    h.center.descanso('1001', true);
    expect(h.position('1001').breakSubtype).toBe(1);
    h.center.administrativeTime('1001', false); // not on administrative time: the break stays
    expect(h.position('1001').breakSubtype).toBe(1);
  });

  it('marks the agent unavailable with CRM_Unavailable (answers true) and available again with CRM_Available', () => {
    h = makeHarness();
    h.loginAgent('1001');
    expect(h.center.crmUnavailable('1001')).toBe(true);
    expect(h.position('1001').crmState).toBe('Unavailable');
    h.center.crmAvailable('1001');
    expect(h.position('1001').crmState).toBe('Available');
  });
});

describe('Logout', () => {
  it('drops a predictive call whose customer is still ringing for the agent who logs out', async () => {
    h = makeHarness({ scenario: testScenario((s) => (s.dialer.customerAnswerAfterMs = 10_000)) });
    h.loginAgent('1001', 97);
    h.center.distributeNow();
    const customer = h.pbx.customerLegs[0]!;
    expect(customer.state).toBe('ringing');
    h.center.logout('1001');
    expect(customer.state).toBe('ended');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(h.pbx.agentLegs).toHaveLength(0);
  });

  it('takes only the consulted agent out of a colleague’s call when they log out', async () => {
    h = makeHarness();
    h.loginAgent('1001', 3);
    h.loginAgent('1002');
    h.center.dial('1001', '1155550202');
    h.pbx.lastAgentLeg('SIP/1001')!.answer();
    await new Promise((resolve) => setTimeout(resolve, 20));
    h.center.attendedTransfer('1001', '1002');
    h.pbx.lastAgentLeg('SIP/1002')!.answer();
    h.center.logout('1002');
    expect(h.pbx.lastAgentLeg('SIP/1002')!.state).toBe('ended');
    expect(h.pbx.lastCustomerLeg('1155550202')!.state).toBe('up');
    expect(h.position('1001').forwardPhone).toBeUndefined();
  });
});
