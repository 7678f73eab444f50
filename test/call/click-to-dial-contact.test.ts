import { describe, expect, it } from 'vitest';
import { CALL, CONTACT, LEG, T0, kinds, loggedIn, onlyRequest, step, succeeded } from './support.ts';

/** allowClickToDialSearch: a dial from a record carrying the Neotel ids carries that contact. */
describe('dial with the clicked record’s contact', () => {
  it('keeps the contact through the call, so the wrap-up categorises it with UpdateContact', () => {
    const dialed = step(loggedIn(), { kind: 'dial', at: T0, number: '1155550101', contact: CONTACT });
    expect(onlyRequest(dialed.effects).request).toEqual({ method: 'Dial', params: { USUARIO: '1001', TELEFONO: '1155550101' } });
    expect(dialed.state).toMatchObject({ phase: 'dialing', call: { direction: 'outbound', contact: CONTACT } });
    expect(kinds(dialed.effects), 'no CRM_ShowingContact: the platform did not deliver it').toEqual(['neoapi:Dial']);

    let state = step(dialed.state, succeeded(onlyRequest(dialed.effects), T0 + 100, true)).state;
    state = step(state, { kind: 'sipIncoming', at: T0 + 200, legId: LEG, callId: CALL, leg: 'platform', answerAfterZero: true, from: '1155550101', queue: null }).state;
    state = step(state, { kind: 'sipAnswered', at: T0 + 300, legId: LEG }).state;
    state = step(state, { kind: 'platformCallStarted', at: T0 + 400, callId: CALL, direction: 'outbound', number: '1155550101', queue: null, campaign: null, callType: 'Manual', clave: null }).state;
    state = step(state, { kind: 'sipEnded', at: T0 + 9_000, legId: LEG, by: 'remote', reason: 'BYE' }).state;
    expect(state).toMatchObject({ phase: 'wrapUp', call: { direction: 'outbound', contact: CONTACT } });

    const categorised = step(state, { kind: 'categorise', at: T0 + 10_000, subcategory: 26 });
    expect(onlyRequest(categorised.effects).request).toMatchObject({
      method: 'UpdateContact',
      params: expect.objectContaining({ BASE: CONTACT.base, IDCONTACTO: CONTACT.contactId, SUBCATEGORIA: 26 }) as unknown,
    });
  });

  it('is a plain manual call without one', () => {
    expect(step(loggedIn(), { kind: 'dial', at: T0, number: '1155550101' }).state).toMatchObject({ call: { contact: null } });
  });
});
