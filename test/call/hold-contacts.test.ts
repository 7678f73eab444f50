// Holding new contacts (issue 12's walkthrough operation): machine + Neotel adapter, wire names as sent.
import { describe, expect, it } from 'vitest';
import { transition, type Ready } from '../../src/call/index.ts';
import { CONTEXT, STATES, T0, failed, onlyRequest, step, succeeded } from './support.ts';

const IN_CAMPAIGN: Ready = { ...STATES.ready, session: { ...STATES.ready.session, campaign: { kind: 'in', id: 5, since: T0 } } };

describe('hold new contacts', () => {
  it('holds with CRM_Unavailable(USUARIO) and takes contacts again with CRM_Available', () => {
    const holding = step(IN_CAMPAIGN, { kind: 'holdContacts', at: T0 + 1_000, hold: true });
    expect(onlyRequest(holding.effects).request).toEqual({ method: 'CRM_Unavailable', params: { USUARIO: '1001' } });
    const held = step(holding.state, succeeded(onlyRequest(holding.effects), T0 + 1_100, true));
    expect(held.state).toMatchObject({ phase: 'ready', session: { contactsHeld: true } });

    const resuming = step(held.state, { kind: 'holdContacts', at: T0 + 2_000, hold: false });
    expect(onlyRequest(resuming.effects).request).toEqual({ method: 'CRM_Available', params: { USUARIO: '1001' } });
    const resumed = step(resuming.state, succeeded(onlyRequest(resuming.effects), T0 + 2_100));
    expect(resumed.state).toMatchObject({ session: { contactsHeld: false } });
  });

  it('stays as it was and says what failed when the platform refuses', () => {
    const holding = step(IN_CAMPAIGN, { kind: 'holdContacts', at: T0 + 1_000, hold: true });
    const refused = step(holding.state, failed(onlyRequest(holding.effects), T0 + 1_100));
    expect(refused.state).toMatchObject({ session: { contactsHeld: false } });
    expect(refused.effects).toMatchObject([{ kind: 'notify', notice: 'operationFailed', failure: { op: 'holdContacts', code: 'REFUSED' } }]);
  });

  it('refuses outside a campaign, twice in a row, and while the first is in flight', () => {
    expect(transition(STATES.ready, { kind: 'holdContacts', at: T0, hold: true }, CONTEXT)).toMatchObject({ ok: false, error: { code: 'NOT_IN_CAMPAIGN' } });
    expect(transition(IN_CAMPAIGN, { kind: 'holdContacts', at: T0, hold: false }, CONTEXT)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const holding = step(IN_CAMPAIGN, { kind: 'holdContacts', at: T0 + 1_000, hold: true });
    expect(transition(holding.state, { kind: 'holdContacts', at: T0 + 1_001, hold: true }, CONTEXT)).toMatchObject({ ok: false, error: { code: 'OPERATION_PENDING' } });
  });
});
