/** Scenarios of the agent's session: login, logout, forced logout, breaks and campaigns. */
import { describe, expect, it } from 'vitest';
import { initialState, PHASES, resumedSession, transition, type AgentState, type Ready, type RequestId } from '../../src/call/index.ts';
import { CONTEXT, SESSION, STATES, T0, UNKNOWN_REQUEST, USER, deepFreeze, eventOf, failed, kinds, neoapiEffects, loggedIn, onlyRequest, step, succeeded } from './support.ts';

describe('login', () => {
  it('registers the phone first, then sends Login with the templated device, and opens the session', () => {
    const asked = step(initialState(), { kind: 'login', at: T0, user: USER, device: ' 1001 ', password: 'secret', campaign: null });
    expect(asked.state).toMatchObject({ phase: 'loggingIn', step: 'registering', phone: 'registering', password: 'secret' });
    expect(asked.effects).toEqual([{ kind: 'sip', action: 'register' }]);

    const registered = step(asked.state, { kind: 'sipRegistered', at: T0 + 200 });
    const login = onlyRequest(registered.effects);
    expect(login.request).toEqual({ method: 'Login', params: { DEVICE: 'SIP/1001', USUARIO: '1001', CLAVE: 'secret' } });
    expect(registered.state).toMatchObject({ phase: 'loggingIn', step: 'authenticating', password: null });

    const done = step(registered.state, succeeded(login, T0 + 400));
    expect(done.state).toEqual({
      phase: 'ready',
      phone: 'registered',
      neoApi: 'ok',
      nextRequest: 2,
      pending: [],
      session: { user: USER, device: 'SIP/1001', loggedInAt: T0 + 400, availability: { kind: 'available' }, campaign: { kind: 'none' } },
    });
    expect(done.effects).toEqual([]);
  });

  it('sends Login at once when the phone is already registered', () => {
    const asked = step({ ...initialState(), phone: 'registered' }, eventOf('login', T0));
    expect(onlyRequest(asked.effects).request.method).toBe('Login');
    expect(asked.state).toMatchObject({ phase: 'loggingIn', step: 'authenticating', password: null });
  });

  it('enters the campaign chosen on the login form right after Login', () => {
    const ready = loggedIn(5);
    expect(ready.session.campaign).toEqual({ kind: 'joining', id: 5, previous: null });
    expect(ready.pending).toEqual([{ id: 2, op: 'enterCampaign' }]);
  });

  it('goes back to logged out and says why when the phone cannot register', () => {
    const asked = step(initialState(), eventOf('login', T0));
    const refused = step(asked.state, { kind: 'sipRegistrationFailed', at: T0 + 300, reason: '403 Forbidden' });
    expect(refused.state).toEqual({ ...initialState(), phone: 'down' });
    // Unregister whatever failed: a timed-out or retried REGISTER may have left a binding.
    expect(refused.effects).toEqual([{ kind: 'sip', action: 'unregister' }, { kind: 'notify', notice: 'loginFailed', level: 'error', detail: '403 Forbidden' }]);
  });

  it('unregisters and reports the platform message when Login is refused', () => {
    const asked = step(initialState(), eventOf('login', T0));
    const registered = step(asked.state, { kind: 'sipRegistered', at: T0 + 200 });
    const refused = step(registered.state, failed(onlyRequest(registered.effects), T0 + 400, 'Invalid password'));
    expect(refused.state).toMatchObject({ phase: 'loggedOut', pending: [] });
    expect(refused.state).not.toHaveProperty('password');
    expect(refused.effects).toEqual([{ kind: 'sip', action: 'unregister' }, { kind: 'notify', notice: 'loginFailed', level: 'error', detail: 'Invalid password', failure: { op: 'login', code: 'REFUSED' } }]);
  });

  it('refuses a login with an empty device or password and names which', () => {
    const result = transition(initialState(), { ...eventOf('login', T0), kind: 'login', user: USER, device: '  ', password: 'x', campaign: null }, CONTEXT);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: 'Cannot log in with an empty device.' } });
  });
});

describe('logout', () => {
  it('sends Logout, then unregisters the phone when it is answered', () => {
    const out = step(loggedIn(), { kind: 'logout', at: T0 + 1_000, force: false });
    const logout = onlyRequest(out.effects);
    expect(logout.request).toEqual({ method: 'Logout', params: { USUARIO: '1001' } });
    const done = step(out.state, succeeded(logout, T0 + 1_100));
    expect(done.state).toMatchObject({ phase: 'loggedOut', pending: [] });
    expect(done.effects).toEqual([{ kind: 'sip', action: 'unregister' }]);
  });

  it('leaves the outbound campaign before Logout when the agent is in one, and ignores that late answer', () => {
    const ready = loggedIn();
    const joined = step(ready, { kind: 'enterCampaign', at: T0 + 500, campaign: 97 });
    const inCampaign = step(joined.state, succeeded(onlyRequest(joined.effects), T0 + 600)).state;
    expect(inCampaign).toMatchObject({ session: { campaign: { kind: 'in', id: 97 } } });
    const out = step(inCampaign, { kind: 'logout', at: T0 + 1_000, force: false });
    const requests = neoapiEffects(out.effects);
    expect(requests.map((e) => e.request)).toEqual([
      { method: 'Logout_Campaign', params: { USUARIO: '1001' } },
      { method: 'Logout', params: { USUARIO: '1001' } },
    ]);
    const [leave, logout] = requests;
    const done = step(out.state, succeeded(logout!, T0 + 1_100));
    expect(done.state.phase).toBe('loggedOut');
    const late = step(done.state, succeeded(leave!, T0 + 1_200));
    expect(late.state, 'the campaign answer after the logout changes nothing').toBe(done.state);
  });

  it('stays logged in and says why when Logout fails', () => {
    const ready = loggedIn();
    const out = step(ready, { kind: 'logout', at: T0 + 1_000, force: false });
    const back = step(out.state, failed(onlyRequest(out.effects), T0 + 1_100, 'timeout'));
    expect(back.state).toMatchObject({ phase: 'ready', session: ready.session, pending: [] });
    expect(kinds(back.effects)).toEqual(['notify:operationFailed']);
  });

  it('takes `not logged.` in answer to Logout as logged out', () => {
    const out = step(loggedIn(), { kind: 'logout', at: T0 + 1_000, force: false });
    const done = step(out.state, failed(onlyRequest(out.effects), T0 + 1_100, 'not logged.', true));
    expect(done.state.phase).toBe('loggedOut');
  });

  it.each(['dialing', 'ringing', 'connected'] as const)('refuses a logout during a %s call unless forced, then hangs up and logs the call', (phase) => {
    const state = STATES[phase];
    const refused = transition(state, { kind: 'logout', at: T0 + 9_000, force: false }, CONTEXT);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CALL_IN_PROGRESS' } });
    const forced = step(state, { kind: 'logout', at: T0 + 9_000, force: true });
    expect(forced.state.phase).toBe('loggingOut');
    if (state.call.legId !== null) expect(forced.effects).toContainEqual({ kind: 'sip', action: 'hangup', legId: state.call.legId });
    expect(kinds(forced.effects).at(-1)).toBe('neoapi:Logout');
  });

  it('refuses a logout with an uncategorised contact on screen unless forced', () => {
    expect(transition(STATES.wrapUp, { kind: 'logout', at: T0, force: false }, CONTEXT)).toMatchObject({ ok: false, error: { code: 'WRAP_UP_IN_PROGRESS' } });
    const forced = step(STATES.wrapUp, { kind: 'logout', at: T0, force: true });
    expect(kinds(forced.effects)).toEqual(['cancelTimer', 'logCall', 'neoapi:Logout']);
  });
});

describe('forced logout (`not logged.`)', () => {
  it.each(PHASES.filter((phase) => phase !== 'loggedOut' && phase !== 'loggingIn'))('from %s ends the session, unregisters and forgets every pending request', (phase) => {
    const state: AgentState = { ...STATES[phase], pending: [{ id: UNKNOWN_REQUEST, op: 'pause' }] };
    const out = step(deepFreeze(state), { kind: 'loggedOutByPlatform', at: T0 + 50_000, message: 'Position: 1001 not logged.' });
    expect(out.state).toEqual({ phase: 'loggedOut', phone: state.phone, neoApi: 'ok', nextRequest: state.nextRequest, pending: [] });
    expect(out.effects).toContainEqual({ kind: 'sip', action: 'unregister' });
  });

  it('during a connected call drops the leg and logs the call as ended by the forced logout', () => {
    const out = step(STATES.connected, eventOf('loggedOutByPlatform', T0 + 50_000));
    expect(kinds(out.effects)).toEqual(['sip:hangup', 'logCall', 'sip:unregister', 'notify:forcedLogout']);
    expect(out.effects[1]).toMatchObject({ kind: 'logCall', final: true, call: { endedBy: 'forcedLogout', endedAt: T0 + 50_000 } });
  });

  it('follows `not logged.` in answer to any request, not only Position', () => {
    const paused = step(loggedIn(), { kind: 'pause', at: T0 + 1_000, subtype: 1 });
    const out = step(paused.state, failed(onlyRequest(paused.effects), T0 + 1_100, 'USUARIO 1001 not logged.', true));
    expect(out.state.phase).toBe('loggedOut');
    expect(kinds(out.effects)).toEqual(['sip:unregister', 'notify:forcedLogout']);
  });
});

describe('breaks', () => {
  it('pauses with the break sub-type, then unpauses back to available', () => {
    const paused = step(loggedIn(), { kind: 'pause', at: T0 + 1_000, subtype: 2 });
    const pause = onlyRequest(paused.effects);
    expect(pause.request).toEqual({ method: 'Pause', params: { USUARIO: '1001', SUBTIPO_DESCANSO: 2 } });
    const onBreak = step(paused.state, succeeded(pause, T0 + 1_100));
    expect(onBreak.state).toMatchObject({ phase: 'ready', session: { availability: { kind: 'onBreak', subtype: 2, since: T0 + 1_100 } } });

    const unpausing = step(onBreak.state, { kind: 'unpause', at: T0 + 60_000 });
    expect(onlyRequest(unpausing.effects).request).toEqual({ method: 'Unpause', params: { USUARIO: '1001' } });
    const back = step(unpausing.state, succeeded(onlyRequest(unpausing.effects), T0 + 60_100));
    expect(back.state).toMatchObject({ session: { availability: { kind: 'available' } } });
  });

  it('rolls a failed pause back to the break before it and says why', () => {
    const onBreak: Ready = { ...STATES.ready, session: { ...SESSION, availability: { kind: 'onBreak', subtype: 1, since: T0 } } };
    const switching = step(onBreak, { kind: 'pause', at: T0 + 1_000, subtype: 2 });
    const back = step(switching.state, failed(onlyRequest(switching.effects), T0 + 1_100, 'bad break'));
    expect(back.state).toMatchObject({ session: { availability: { kind: 'onBreak', subtype: 1, since: T0 } }, pending: [] });
    expect(back.effects).toEqual([{ kind: 'notify', notice: 'operationFailed', level: 'error', detail: 'bad break', failure: { op: 'pause', code: 'REFUSED' } }]);
  });

  it('rolls a failed unpause back to the break', () => {
    const onBreak: Ready = { ...STATES.ready, session: { ...SESSION, availability: { kind: 'onBreak', subtype: 1, since: T0 } } };
    const unpausing = step(onBreak, { kind: 'unpause', at: T0 + 1_000 });
    const back = step(unpausing.state, failed(onlyRequest(unpausing.effects), T0 + 1_100));
    expect(back.state).toMatchObject({ session: { availability: { kind: 'onBreak', subtype: 1, since: T0 } } });
  });

  it('refuses a second break change while one is in flight, and ignores Position meanwhile', () => {
    const paused = step(loggedIn(), { kind: 'pause', at: T0 + 1_000, subtype: 2 });
    expect(transition(paused.state, { kind: 'unpause', at: T0 + 1_001 }, CONTEXT)).toMatchObject({ ok: false, error: { code: 'OPERATION_PENDING' } });
    const poll = transition(paused.state, { kind: 'breakChanged', at: T0 + 1_050, subtype: null }, CONTEXT);
    expect(poll).toEqual({ ok: true, state: paused.state, effects: [] });
  });

  it('follows a break a supervisor set on the platform', () => {
    const out = step(STATES.ready, { kind: 'breakChanged', at: T0 + 5_000, subtype: 12 });
    expect(out.state).toMatchObject({ session: { availability: { kind: 'onBreak', subtype: 12, since: T0 + 5_000 } } });
  });

  it('refuses a break id that is not a positive integer', () => {
    expect(transition(STATES.ready, { kind: 'pause', at: T0, subtype: 0 }, CONTEXT)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});

describe('campaigns', () => {
  it('enters with Login_Campaign2 and leaves with Logout_Campaign', () => {
    const joining = step(STATES.ready, { kind: 'enterCampaign', at: T0 + 1_000, campaign: 5 });
    expect(onlyRequest(joining.effects).request).toEqual({ method: 'Login_Campaign2', params: { USUARIO: '1001', CAMPANA: 5 } });
    const joined = step(joining.state, succeeded(onlyRequest(joining.effects), T0 + 1_100));
    expect(joined.state).toMatchObject({ session: { campaign: { kind: 'in', id: 5, since: T0 + 1_100 } } });

    const leaving = step(joined.state, { kind: 'leaveCampaign', at: T0 + 2_000 });
    expect(onlyRequest(leaving.effects).request).toEqual({ method: 'Logout_Campaign', params: { USUARIO: '1001' } });
    const left = step(leaving.state, succeeded(onlyRequest(leaving.effects), T0 + 2_100));
    expect(left.state).toMatchObject({ session: { campaign: { kind: 'none' } } });
  });

  it('rolls a failed campaign switch back to the campaign before it', () => {
    const inFive: Ready = { ...STATES.ready, session: { ...SESSION, campaign: { kind: 'in', id: 5, since: T0 } } };
    const joining = step(inFive, { kind: 'enterCampaign', at: T0 + 1_000, campaign: 6 });
    const back = step(joining.state, failed(onlyRequest(joining.effects), T0 + 1_100));
    expect(back.state).toMatchObject({ session: { campaign: { kind: 'in', id: 5, since: T0 } } });
  });

  it('refuses entering the campaign the agent is already in', () => {
    const inFive: Ready = { ...STATES.ready, session: { ...SESSION, campaign: { kind: 'in', id: 5, since: T0 } } };
    expect(transition(inFive, { kind: 'enterCampaign', at: T0, campaign: 5 }, CONTEXT)).toMatchObject({ ok: false, error: { code: 'ALREADY_IN_CAMPAIGN' } });
  });

});

describe('resuming another tab\'s session or the page before a reload', () => {
  it('resumes a call phase as ready with the phone to register, and a wrap-up as it was with its countdown re-armed', () => {
    const fromCall = resumedSession(STATES.connected);
    expect(fromCall?.state).toMatchObject({ phase: 'ready', phone: 'down', pending: [], session: STATES.connected.session });
    expect(fromCall?.effects).toEqual([{ kind: 'sip', action: 'register' }]);
    const wrapUp = { ...STATES.wrapUp, step: 'categorising' as const, releaseDeadline: T0 + 5_000 };
    const fromWrapUp = resumedSession(wrapUp);
    expect(fromWrapUp?.state).toMatchObject({ phase: 'wrapUp', step: 'open', phone: 'down', pending: [], call: wrapUp.call });
    expect(kinds(fromWrapUp?.effects ?? []), 'the record is popped again: the link to it lived in the page that went').toEqual(['sip:register', 'screenPop', 'startTimer']);
  });

  it('resumes a connected call the platform keeps without its leg, tells the agent the audio is gone, and hangs it up through the platform only', () => {
    const held = { ...STATES.connected, held: true, muted: true, pending: [{ id: 7 as RequestId, op: 'transfer' as const }] };
    const resumed = resumedSession(held, { liveCalls: true });
    expect(resumed?.state).toMatchObject({ phase: 'connected', phone: 'down', pending: [], held: false, muted: false, hangUpRequested: false, control: { kind: 'none' } });
    expect(resumed?.state.phase === 'connected' && resumed.state.call).toMatchObject({ callId: held.call.callId, legId: null, answeredAt: held.call.answeredAt });
    expect(kinds(resumed?.effects ?? [])).toEqual(['sip:register', 'screenPop', 'notify:callAudioLost']);
    const hangUp = step(resumed!.state, { kind: 'hangUp', at: T0 });
    expect(kinds(hangUp.effects), 'no BYE: there is no leg; NeoApi ends the call').toEqual(['neoapi:Hangup']);
    expect(transition(resumed!.state, { kind: 'mute', at: T0 }, CONTEXT), 'no leg to mute').toMatchObject({ ok: false, error: { code: 'NO_CALL' } });
    expect(transition(hangUp.state, { kind: 'mute', at: T0 }, CONTEXT), 'the call is being ended').toMatchObject({ ok: false, error: { code: 'OPERATION_PENDING' } });
  });

  it('resumes a ringing call the platform keeps without its leg and never auto-answers it; an unnumbered call or a dial resumes as ready', () => {
    const ringing = { ...STATES.ringing, autoAnswer: true, answering: true };
    const resumed = resumedSession(ringing, { liveCalls: true });
    expect(resumed?.state).toMatchObject({ phase: 'ringing', autoAnswer: false, answering: false, call: { callId: ringing.call.callId, legId: null } });
    expect(kinds(resumed?.effects ?? [])).toEqual(['sip:register', 'screenPop']);
    expect(resumedSession({ ...STATES.connected, call: { ...STATES.connected.call, callId: null } }, { liveCalls: true })?.state.phase).toBe('ready');
    expect(resumedSession(STATES.dialing, { liveCalls: true })?.state.phase).toBe('ready');
  });

  it('has nothing to resume without a session, or while it was logging out', () => {
    expect(resumedSession(initialState())).toBeNull();
    expect(resumedSession(STATES.loggingIn)).toBeNull();
    expect(resumedSession(STATES.loggingOut)).toBeNull();
  });
});


describe('a lost registration', () => {
  it('says so (error), keeps the session, and says when callers reach the agent again', () => {
    const lost = step(STATES.ready, { kind: 'sipTransportLost', at: T0, cause: 'registration' });
    expect(lost.state).toMatchObject({ phase: 'ready', phone: 'reconnecting' });
    expect(lost.effects).toMatchObject([{ kind: 'notify', notice: 'registrationLost', level: 'error' }]);
    const back = step(lost.state, { kind: 'sipRegistered', at: T0 + 2000 });
    expect(back.state).toMatchObject({ phase: 'ready', phone: 'registered' });
    expect(back.effects).toMatchObject([{ kind: 'notify', notice: 'registrationRecovered', level: 'info' }]);
  });

  it('a dropped WebSocket is still the transport notice', () => {
    expect(step(STATES.ready, { kind: 'sipTransportLost', at: T0 }).effects).toMatchObject([{ kind: 'notify', notice: 'transportLost', level: 'warning' }]);
  });
});
