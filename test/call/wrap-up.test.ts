/**
 * The wrap-up's scheduling paths (docs/wrap-up.md): `UpdateContact(AGENDA=true)` by default,
 * `AddScheduleCall` then `CRM_Available` with `schedulingMethod=AddScheduleCall`; impossible
 * wall times refused before anything is sent; a manual call (no delivered contact) can be
 * categorised but not scheduled.
 */
import { describe, expect, it } from 'vitest';
import { isWallTime, transition, type AgentState } from '../../src/call/index.ts';
import { expectWellFormedEffects } from './effect-checks.ts';
import { CALL, CONTACT, STATES, T0, contextWith, failed, kinds, onlyRequest, step, succeeded } from './support.ts';

const schedule = { kind: 'scheduleCallback', at: T0 + 95_000, subcategory: 28, when: '2026-12-05T10:30:00', phone: '1145551234', mine: false } as const;
const viaAddScheduleCall = contextWith({ callbackBooking: 'separate', automaticContactReleaseSeconds: 30 });

describe('scheduling a callback', () => {
  it('by default sends UpdateContact with AGENDA=true for any agent, and needs no Play afterwards', () => {
    const scheduling = step(STATES.wrapUp, schedule);
    const update = onlyRequest(scheduling.effects);
    expect(update.request).toEqual({
      method: 'UpdateContact',
      params: { CRM: 7, USUARIO: '1001', BASE: 3, IDCONTACTO: 4567, DATA: CONTACT.data, SUBCATEGORIA: 28, XML_UPDATE: '', AGENDA: true, FECHA_AGENDA: '2026-12-05T10:30:00', USUARIO_AGENDA: '', TEL_AGENDA: '1145551234' },
    });
    expectWellFormedEffects(STATES.wrapUp, scheduling.state, scheduling.effects);
    const done = step(scheduling.state, succeeded(update, T0 + 95_100));
    expect(done.state.phase).toBe('ready');
    expect(done.effects).toContainEqual(expect.objectContaining({ kind: 'logCall', final: true, call: expect.objectContaining({ disposition: { subcategory: 28, callbackAt: '2026-12-05T10:30:00' } }) }));
  });

  it('with schedulingMethod=AddScheduleCall sends AddScheduleCall, then CRM_Available by itself, then is ready with the disposition', () => {
    const scheduling = step(STATES.wrapUp, schedule, viaAddScheduleCall);
    const add = onlyRequest(scheduling.effects);
    expect(add.request).toEqual({
      method: 'AddScheduleCall',
      params: { USUARIO: '1001', BASE: 3, IDCONTACTO: 4567, DATA: CONTACT.data, TELEFONO: '1145551234', FECHA_AGENDA: '2026-12-05T10:30:00' },
    });
    expectWellFormedEffects(STATES.wrapUp, scheduling.state, scheduling.effects);
    expect(scheduling.state).toMatchObject({ phase: 'wrapUp', step: 'scheduling' });
    expect(transition(scheduling.state, { kind: 'available', at: T0 + 95_001 }, viaAddScheduleCall)).toMatchObject({ ok: false, error: { code: 'OPERATION_PENDING' } });

    const booked = step(scheduling.state, succeeded(add, T0 + 95_100, '9001'), viaAddScheduleCall);
    const release = onlyRequest(booked.effects);
    expect(release.request).toEqual({ method: 'CRM_Available', params: { USUARIO: '1001' } });
    expect(booked.state).toMatchObject({ phase: 'wrapUp', step: 'releasing', call: { disposition: { subcategory: 28, callbackAt: '2026-12-05T10:30:00' } } });
    const late = step(booked.state, { kind: 'autoReleaseElapsed', at: T0 + 90_000 + 10_000, callId: CALL }, viaAddScheduleCall);
    expect(late.state, 'the countdown does not release twice').toBe(booked.state);

    const done = step(booked.state, succeeded(release, T0 + 95_200), viaAddScheduleCall);
    expect(done.state.phase).toBe('ready');
    expect(kinds(done.effects)).toEqual(['cancelTimer', 'logCall']);
    expect(done.effects).toContainEqual(expect.objectContaining({ kind: 'logCall', call: expect.objectContaining({ disposition: { subcategory: 28, callbackAt: '2026-12-05T10:30:00' } }) }));
  });

  it('keeps the wrap-up open, without a disposition, when AddScheduleCall fails', () => {
    const scheduling = step(STATES.wrapUp, schedule, viaAddScheduleCall);
    const back = step(scheduling.state, failed(onlyRequest(scheduling.effects), T0 + 95_100, 'Contact not found'), viaAddScheduleCall);
    expect(back.state).toMatchObject({ phase: 'wrapUp', step: 'open', proposed: null, call: { disposition: null } });
    expect(kinds(back.effects)).toEqual(['notify:operationFailed']);
  });

  it.each(['2026-02-30T10:00:00', '2026-13-01T10:00:00', '2026-12-05T24:00:00', '2026-12-05 10:00', '05/12/2026 10:00', ''])('refuses the impossible callback time %j and sends nothing', (when) => {
    const result = transition(STATES.wrapUp, { ...schedule, when }, contextWith());
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    if (!result.ok) expect(result.error.message).toContain(JSON.stringify(when));
  });

  it('refuses a callback for a call without a delivered contact, but categorises it (BASE/IDCONTACTO 0)', () => {
    const manual: AgentState = { ...STATES.wrapUp, call: { ...STATES.wrapUp.call, direction: 'outbound', contact: null } };
    for (const context of [contextWith(), viaAddScheduleCall]) {
      expect(transition(manual, schedule, context)).toMatchObject({ ok: false, error: { code: 'NO_CONTACT' } });
    }
    const categorising = step(manual, { kind: 'categorise', at: T0 + 95_000, subcategory: 27 });
    expect(onlyRequest(categorising.effects).request.params).toMatchObject({ CRM: 0, BASE: 0, IDCONTACTO: 0, DATA: '', SUBCATEGORIA: 27, AGENDA: false });
  });

  it('refuses scheduling when categorisation is off', () => {
    expect(transition(STATES.wrapUp, schedule, contextWith({ allowCategorization: false }))).toMatchObject({ ok: false, error: { code: 'CATEGORISATION_DISABLED' } });
  });
});

describe('isWallTime', () => {
  it('accepts real wall times only', () => {
    expect(isWallTime('2028-02-29T23:59:59')).toBe(true);
    expect(isWallTime('2027-02-29T10:00:00')).toBe(false);
    expect(isWallTime('2026-04-31T10:00:00')).toBe(false);
    expect(isWallTime('2026-12-05T10:60:00')).toBe(false);
    expect(isWallTime('2026-12-05T10:00:00Z')).toBe(false);
  });
});

describe('a contact the platform names only after the hang-up', () => {
  const withoutContact: AgentState = { ...STATES.wrapUp, call: { ...STATES.wrapUp.call, contact: null, popped: 'none' } };
  const late = { kind: 'contactDelivered', at: T0 + 61_000, callId: CALL, direction: 'inbound', contact: CONTACT } as const;

  it('joins the wrap-up, so the contact is categorised and a callback can be booked', () => {
    const taken = step(withoutContact, late);
    expect(taken.state).toMatchObject({ phase: 'wrapUp', call: { contact: CONTACT } });
    expect(kinds(taken.effects)).toContain('screenPop');
    expectWellFormedEffects(withoutContact, taken.state, taken.effects);
    const scheduling = step(taken.state, schedule);
    expect(onlyRequest(scheduling.effects).request).toMatchObject({ method: 'UpdateContact', params: { IDCONTACTO: 4567, AGENDA: true } });
  });

  it('never replaces a contact already on the call', () => {
    const other = { ...late, contact: { ...CONTACT, contactId: 9999 } };
    const kept = transition(STATES.wrapUp, other, contextWith({}));
    expect(kept).toMatchObject({ ok: true, state: { call: { contact: CONTACT } } });
  });
});

describe('a contact the platform names only once its call is over (afterCall)', () => {
  const withoutContact: AgentState = { ...STATES.wrapUp, call: { ...STATES.wrapUp.call, contact: null, popped: 'none' } };
  const late = { kind: 'contactDelivered', at: T0 + 61_000, callId: CALL, direction: 'inbound', contact: CONTACT, afterCall: true } as const;

  it('joins the wrap-up of that call', () => {
    expect(step(withoutContact, late).state).toMatchObject({ phase: 'wrapUp', call: { contact: CONTACT } });
  });

  it('is ignored once Play was pressed (release in flight): no ShowingContact after the Available', () => {
    const released = step(withoutContact, { kind: 'available', at: T0 + 60_500 });
    expect(released.state).toMatchObject({ phase: 'wrapUp', step: 'releasing' });
    expect(transition(released.state, late, contextWith({}))).toMatchObject({ ok: true, state: { phase: 'wrapUp', step: 'releasing', call: { contact: null } }, effects: [] });
  });

  it('never offers a call: ignored when ready, and by the wrap-up of another call (no hand-over)', () => {
    expect(transition(STATES.ready, late, contextWith({}))).toMatchObject({ ok: true, state: { phase: 'ready' }, effects: [] });
    const other = { ...late, callId: '999' as typeof CALL };
    expect(transition(withoutContact, other, contextWith({}))).toMatchObject({ ok: true, state: { phase: 'wrapUp', call: { contact: null } }, effects: [] });
  });

  it('never attaches to a ringing call the platform has not numbered yet', () => {
    const unnumbered: AgentState = { ...STATES.ringing, call: { ...STATES.ringing.call, callId: null, contact: null } };
    expect(transition(unnumbered, late, contextWith({}))).toMatchObject({ ok: true, state: { phase: 'ringing', call: { contact: null } }, effects: [] });
  });
});
