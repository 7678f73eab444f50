/** Scenarios of a flaky world: the SIP transport and NeoApi going away and back, late results. */
import { describe, expect, it } from 'vitest';
import { transition } from '../../src/call/index.ts';
import { CALL, CONTEXT, LEG, STATES, T0, UNKNOWN_REQUEST, USER, failed, kinds, loggedIn, onlyRequest, step, succeeded } from './support.ts';

describe('SIP transport', () => {
  it('during a call, shows the loss as an error, keeps the call, and recovers through re-registration', () => {
    const lost = step(STATES.connected, { kind: 'sipTransportLost', at: T0 + 10_000 });
    expect(lost.state).toMatchObject({ phase: 'connected', phone: 'reconnecting', call: STATES.connected.call });
    expect(lost.effects).toEqual([{ kind: 'notify', notice: 'transportLost', level: 'error', detail: null }]);

    const back = step(lost.state, { kind: 'sipTransportRecovered', at: T0 + 12_000 });
    expect(back.state).toMatchObject({ phase: 'connected', phone: 'registering' });
    expect(kinds(back.effects)).toEqual(['notify:transportRecovered']);
    const registered = step(back.state, { kind: 'sipRegistered', at: T0 + 12_500 });
    expect(registered.state).toMatchObject({ phase: 'connected', phone: 'registered' });
    expect(registered.effects).toEqual([]);
  });

  it('ends the call by Position when the BYE was lost with the transport, dropping the leg locally', () => {
    const lost = step(STATES.connected, { kind: 'sipTransportLost', at: T0 + 10_000 });
    const ended = step(lost.state, { kind: 'platformCallEnded', at: T0 + 20_000, callId: CALL });
    expect(ended.state).toMatchObject({ phase: 'wrapUp', phone: 'reconnecting', call: { endedBy: 'platform', endedAt: T0 + 20_000 } });
    expect(kinds(ended.effects)).toEqual(['sip:hangup', 'notify:callEndedByPlatform', 'logCall']);
    const lateBye = step(ended.state, { kind: 'sipEnded', at: T0 + 25_000, legId: LEG, by: 'remote', reason: null });
    expect(lateBye.state, 'a BYE after the Position end changes nothing').toBe(ended.state);
  });

  it('outside a call, warns rather than alarms', () => {
    const lost = step(STATES.ready, { kind: 'sipTransportLost', at: T0 });
    expect(lost.effects).toEqual([{ kind: 'notify', notice: 'transportLost', level: 'warning', detail: null }]);
  });

  it('tells the agent once when the phone keeps failing to register', () => {
    const first = step(STATES.ready, { kind: 'sipRegistrationFailed', at: T0, reason: 'timeout' });
    expect(kinds(first.effects)).toEqual(['notify:phoneRegistrationFailed']);
    const retry = step(first.state, { kind: 'sipRegistrationFailed', at: T0 + 5_000, reason: 'timeout' });
    expect(retry.state).toBe(first.state);
    expect(retry.effects).toEqual([]);
  });
});

describe('NeoApi health', () => {
  it('marks NeoApi degraded once and recovered once, in any phase, without touching the call', () => {
    const degraded = step(STATES.connected, { kind: 'platformDegraded', at: T0, reason: 'HTTP 503' });
    expect(degraded.state).toMatchObject({ phase: 'connected', neoApi: 'degraded', call: STATES.connected.call });
    expect(degraded.effects).toEqual([{ kind: 'notify', notice: 'neoApiDegraded', level: 'warning', detail: 'HTTP 503' }]);
    expect(step(degraded.state, { kind: 'platformDegraded', at: T0 + 1_000, reason: 'HTTP 503' }).state).toBe(degraded.state);

    const recovered = step(degraded.state, { kind: 'platformRecovered', at: T0 + 5_000 });
    expect(recovered.state).toMatchObject({ neoApi: 'ok' });
    expect(kinds(recovered.effects)).toEqual(['notify:neoApiRecovered']);
  });

  it('clears "not responding" when the platform answers, even with a logout: no stale badge outlives the session', () => {
    const out = step({ ...STATES.ready, neoApi: 'degraded' }, { kind: 'loggedOutByPlatform', at: T0, message: 'not logged.' });
    expect(out.state).toMatchObject({ phase: 'loggedOut', neoApi: 'ok' });
  });

  it('clears "not responding" when a login succeeds: the platform just answered', () => {
    const again = step({ ...STATES.loggedOut, neoApi: 'degraded' }, { kind: 'login', at: T0, user: USER, device: '1001', password: 'secret', campaign: null });
    const ready = step(again.state, succeeded(onlyRequest(again.effects), T0 + 20));
    expect(ready.state).toMatchObject({ phase: 'ready', neoApi: 'ok' });
  });
});

describe('results of forgotten requests', () => {
  it('ignores a Pause result that arrives after a forced logout and a new login', () => {
    const paused = step(loggedIn(), { kind: 'pause', at: T0 + 1_000, subtype: 1 });
    const pause = onlyRequest(paused.effects);
    const out = step(paused.state, { kind: 'loggedOutByPlatform', at: T0 + 2_000, message: 'not logged.' });
    const again = step(out.state, { kind: 'login', at: T0 + 3_000, user: USER, device: '1001', password: 'secret', campaign: null });
    const login = onlyRequest(again.effects);
    expect(login.requestId, 'ids keep growing across sessions').toBeGreaterThan(pause.requestId);
    const late = step(again.state, succeeded(pause, T0 + 3_100));
    expect(late.state).toBe(again.state);
    expect(late.effects).toEqual([]);
  });

  it('ignores a result delivered twice', () => {
    const paused = step(loggedIn(), { kind: 'pause', at: T0 + 1_000, subtype: 1 });
    const pause = onlyRequest(paused.effects);
    const once = step(paused.state, succeeded(pause, T0 + 1_100));
    const twice = step(once.state, failed(pause, T0 + 1_200));
    expect(twice.state).toBe(once.state);
    expect(twice.effects).toEqual([]);
  });

  it('ignores a Dial failure that arrives after the call already rang', () => {
    const dialed = step(loggedIn(), { kind: 'dial', at: T0, number: '1155550000' });
    const leg = step(dialed.state, { kind: 'sipIncoming', at: T0 + 100, legId: LEG, callId: CALL, leg: 'platform', answerAfterZero: true, from: null, queue: null });
    const late = step(leg.state, failed(onlyRequest(dialed.effects), T0 + 200, 'timeout'));
    expect(late.state).toMatchObject({ phase: 'ringing', answering: true, pending: [] });
    expect(late.effects).toEqual([]);
  });

  it('never refuses a result, even for an operation that makes no sense in the phase', () => {
    const result = transition(STATES.loggedOut, { kind: 'commandSucceeded', at: T0, requestId: UNKNOWN_REQUEST, op: 'categorise', value: null }, CONTEXT);
    expect(result).toEqual({ ok: true, state: STATES.loggedOut, effects: [] });
  });
});
