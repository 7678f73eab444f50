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

/** Issue 18: click-to-dial sends the dial first; the record's contact follows when its lookup answers. */
describe('the clicked record’s contact arriving after the dial', () => {
  const found = (at: number, clickedAt: number) => ({ kind: 'clickedContactFound', at, contact: CONTACT, clickedAt }) as const;

  it('joins the outbound call the click started, in dialing and once connected, without any effect', () => {
    const dialed = step(loggedIn(), { kind: 'dial', at: T0 + 5, number: '1155550101' });
    const withContact = step(dialed.state, found(T0 + 100, T0));
    expect(withContact.state).toMatchObject({ phase: 'dialing', call: { direction: 'outbound', contact: CONTACT } });
    expect(withContact.effects).toEqual([]);

    let state = step(dialed.state, succeeded(onlyRequest(dialed.effects), T0 + 100, true)).state;
    state = step(state, { kind: 'sipIncoming', at: T0 + 200, legId: LEG, callId: CALL, leg: 'platform', answerAfterZero: true, from: '1155550101', queue: null }).state;
    state = step(state, { kind: 'sipAnswered', at: T0 + 300, legId: LEG }).state;
    expect(state.phase).toBe('connected');
    expect(step(state, found(T0 + 400, T0)).state).toMatchObject({ phase: 'connected', call: { contact: CONTACT } });
  });

  it('is ignored by a call started before the click, and never replaces a contact', () => {
    const earlier = step(loggedIn(), { kind: 'dial', at: T0, number: '1155550101' }).state;
    expect(step(earlier, found(T0 + 100, T0 + 50)).state).toBe(earlier);
    const delivered = step(loggedIn(), { kind: 'dial', at: T0 + 5, number: '1155550101', contact: { ...CONTACT, contactId: 1 } }).state;
    expect(step(delivered, found(T0 + 100, T0)).state).toBe(delivered);
    const idle = loggedIn();
    expect(step(idle, found(T0 + 100, T0)).state).toBe(idle);
  });
});
