/**
 * Getting in and out: `loggedOut`, `loggingIn` (register the phone, then `login`), `loggingOut`,
 * and the forced logout when the platform answers `not logged.`.
 */
import { NO_CONTROL } from '../call-control-types.ts';
import { endCall } from '../call-facts.ts';
import { logCall, stopRinging } from '../call-end.ts';
import type { MachineContext } from '../context.ts';
import type { Effect } from '../effects.ts';
import type { AgentEvent, CommandFailed, CommandSucceeded } from '../events.ts';
import { accept, failureNotice, ignore, issue, notify, refuse, type TransitionResult } from '../outcome.ts';
import type { AgentState, Connected, LoggedOut, LoggingIn, LoggingOut, Ready, Ringing, SessionState, WrapUp } from '../state.ts';
import { unhandled } from '../unhandled.ts';

/** A logged-out state keeping the phone and NeoApi status; every pending result becomes stale. */
function loggedOutFrom(from: AgentState): LoggedOut {
  return { phase: 'loggedOut', phone: from.phone, neoApi: from.neoApi, nextRequest: from.nextRequest, pending: [] };
}

/** `{device}` of the login template replaced by the agent's device. */
function deviceFor(template: string, device: string): string {
  return template.includes('{device}') ? template.replaceAll('{device}', device) : device;
}

/** Sends `login` (the phone is registered); the password leaves the state here. */
function sendLogin(state: LoggingIn, password: string): TransitionResult {
  const sent = issue({ ...state, step: 'authenticating' as const, password: null }, 'login', { command: 'login', agent: state.user, device: state.device, password });
  return accept(sent.state, [sent.effect]);
}

/** Handles an event in `loggedOut`. */
export function loggedOut(state: LoggedOut, event: AgentEvent, context: MachineContext): TransitionResult {
  switch (event.kind) {
    case 'login': {
      if (event.device.trim() === '' || event.password === '') {
        return refuse('INVALID_ARGUMENT', `Cannot log in with ${event.device.trim() === '' ? 'an empty device' : 'an empty password'}.`, 'Fill in device, user and password.');
      }
      const device = deviceFor(context.config.loginDeviceTemplate, event.device.trim());
      const loggingIn: LoggingIn = { ...state, phase: 'loggingIn', step: 'registering', user: event.user, device, password: event.password, campaign: event.campaign };
      // Neotel answers `platform status … not found` to a login for an unregistered device: register first.
      if (state.phone === 'registered') return sendLogin(loggingIn, event.password);
      return accept({ ...loggingIn, phone: 'registering' }, [{ kind: 'sip', action: 'register' }]);
    }
    case 'sipIncoming':
      return accept(state, [{ kind: 'sip', action: 'reject', legId: event.legId, status: 480 }]);
    default:
      return unhandled(state, event);
  }
}

/** Handles an event in `loggingIn`. */
export function loggingIn(state: LoggingIn, event: AgentEvent): TransitionResult {
  switch (event.kind) {
    case 'sipRegistered':
      if (state.step !== 'registering' || state.password === null) return state.phone === 'registered' ? ignore(state) : accept({ ...state, phone: 'registered' });
      return sendLogin({ ...state, phone: 'registered' }, state.password);
    case 'sipRegistrationFailed':
    case 'sipUnregistered':
      if (state.step !== 'registering') return state.phone === 'down' ? ignore(state) : accept({ ...state, phone: 'down' });
      // Unregister whatever failed: a REGISTER that timed out or was retried may still have left a
      // binding, and a bound phone without a session would take calls nobody answers.
      return accept({ ...loggedOutFrom(state), phone: 'down' }, [
        { kind: 'sip', action: 'unregister' },
        notify('loginFailed', 'error', event.kind === 'sipRegistrationFailed' ? event.reason : 'phone unregistered'),
      ]);
    case 'sipIncoming':
      return accept(state, [{ kind: 'sip', action: 'reject', legId: event.legId, status: 480 }]);
    default:
      return unhandled(state, event);
  }
}

/** `login` answered. Success opens the session and enters the campaign chosen at login. */
export function loginResult(state: AgentState, event: CommandSucceeded | CommandFailed): TransitionResult {
  if (state.phase !== 'loggingIn') return ignore(state);
  if (event.kind === 'commandFailed') {
    return accept(loggedOutFrom(state), [{ kind: 'sip', action: 'unregister' }, failureNotice('loginFailed', 'error', event)]);
  }
  const ready: Ready = {
    phase: 'ready',
    phone: state.phone,
    // The platform just answered `login`: a "not responding" left from before is stale.
    neoApi: 'ok',
    nextRequest: state.nextRequest,
    pending: state.pending,
    session: { user: state.user, device: state.device, loggedInAt: event.at, availability: { kind: 'available' }, campaign: { kind: 'none' } },
  };
  if (state.campaign === null) return accept(ready);
  const joining: Ready = { ...ready, session: { ...ready.session, campaign: { kind: 'joining', id: state.campaign, previous: null } } };
  const sent = issue(joining, 'enterCampaign', { command: 'joinCampaign', agent: state.user, campaign: state.campaign });
  return accept(sent.state, [sent.effect]);
}

/** Sends `logout` (which also ends any call and leaves the campaign on the platform). */
export function startLogout(state: SessionState, before: readonly Effect[]): TransitionResult {
  const user = state.session.user;
  const loggingOut: LoggingOut = { phase: 'loggingOut', phone: state.phone, neoApi: state.neoApi, nextRequest: state.nextRequest, pending: state.pending, session: state.session };
  // Leave the outbound campaign first, as the seed's connector does, so the dialer stops
  // delivering to this position even if `logout` is slow; its result is not waited for.
  const inCampaign = state.session.campaign.kind === 'in' || state.session.campaign.kind === 'joining';
  const left = inCampaign ? issue(loggingOut, 'leaveCampaign', { command: 'leaveCampaign', agent: user }) : undefined;
  const sent = issue(left?.state ?? loggingOut, 'logout', { command: 'logout', agent: user });
  return accept(sent.state, [...before, ...(left ? [left.effect] : []), sent.effect]);
}

/** Handles an event in `loggingOut`. */
export function loggingOut(state: LoggingOut, event: AgentEvent): TransitionResult {
  switch (event.kind) {
    case 'loggedOutByPlatform':
      return accept(loggedOutFrom(state), [{ kind: 'sip', action: 'unregister' }]);
    case 'sipIncoming':
      return accept(state, [{ kind: 'sip', action: 'reject', legId: event.legId, status: 486 }]);
    default:
      return unhandled(state, event);
  }
}

/** `logout` answered. `not logged.` means we are out already, which is what was asked. */
export function logoutResult(state: AgentState, event: CommandSucceeded | CommandFailed): TransitionResult {
  if (state.phase !== 'loggingOut') return ignore(state);
  if (event.kind === 'commandFailed' && event.failure.code !== 'NOT_LOGGED_IN') {
    const back: Ready = { phase: 'ready', phone: state.phone, neoApi: state.neoApi, nextRequest: state.nextRequest, pending: state.pending, session: state.session };
    return accept(back, [failureNotice('operationFailed', 'error', event)]);
  }
  return accept(loggedOutFrom(state), [{ kind: 'sip', action: 'unregister' }]);
}

/**
 * The platform logged the agent out (`not logged.` from platform status or any request). Nothing the
 * session was doing can continue: silence the ringer, drop the leg, log the call, unregister.
 */
export function forcedLogout(state: AgentState, message: string, at: number): TransitionResult {
  if (state.phase === 'loggedOut' || state.phase === 'loggingIn') return ignore(state);
  if (state.phase === 'loggingOut') return accept(loggedOutFrom(state), [{ kind: 'sip', action: 'unregister' }]);
  const effects: Effect[] = [...stopRinging(state)];
  if ('call' in state) {
    const call = endCall(state.call, 'forcedLogout', at);
    if (state.phase !== 'wrapUp' && call.legId !== null) effects.push({ kind: 'sip', action: 'hangup', legId: call.legId });
    if (state.phase === 'wrapUp' && state.releaseDeadline !== null) effects.push({ kind: 'cancelTimer', timer: 'autoRelease', callId: call.callId });
    effects.push(...logCall(call, true));
  }
  effects.push({ kind: 'sip', action: 'unregister' }, notify('forcedLogout', 'error', message));
  // The platform said so (`not logged.`): it answers, so no "not responding" may outlive the session.
  return accept({ ...loggedOutFrom(state), neoApi: 'ok' }, effects);
}

/** How {@link resumedSession} treats a call that was live when the previous page went. */
export interface ResumeOptions {
  /**
   * The platform keeps a call whose agent media died and can end it by its own command
   * (`PlatformCapabilities.callsWithoutMedia`): a ringing or connected call with a platform id
   * resumes as that phase without a leg, so the agent sees it, hangs it up and categorises it.
   */
  readonly liveCalls?: boolean;
}

/**
 * The state a tab resumes from another tab's session, or a reloaded page from its own
 * (docs/tabs.md, docs/reload.md): same login, the phone to register again, nothing in flight.
 * The call's media died with the other page. With `liveCalls`, a ringing or connected call the
 * platform numbered resumes without a leg (the app ends it if the platform's first status no
 * longer shows it, src/app/call-resume.ts) and its record is popped again; otherwise a call phase
 * resumes as `ready` (platform status reports the call again if the platform still has it). A
 * wrap-up resumes as it was, its step back to `open`, its record popped again. `null` when there
 * is no session to carry on.
 * Effects to run: register the phone, pop the record again (the link to it lived in the other
 * page, and the Task needs it), tell the agent the audio is gone, re-arm a wrap-up's countdown.
 */
export function resumedSession(previous: AgentState, options: ResumeOptions = {}): { state: Ready | Ringing | Connected | WrapUp; effects: Effect[] } | null {
  if (!('session' in previous) || previous.phase === 'loggingOut') return null;
  const base = { phone: 'down', neoApi: previous.neoApi, nextRequest: previous.nextRequest, pending: [] } as const;
  const effects: Effect[] = [{ kind: 'sip', action: 'register' }];
  const live = options.liveCalls === true && 'call' in previous && previous.call.callId !== null;
  if (live && previous.phase === 'ringing') {
    const call = { ...previous.call, legId: null, platformLeg: false };
    return { state: { ...previous, ...base, call, autoAnswer: false, answering: false }, effects: [...effects, { kind: 'screenPop', call }] };
  }
  if (live && previous.phase === 'connected') {
    const call = { ...previous.call, legId: null };
    const state: Connected = { ...previous, ...base, call, held: false, muted: false, hangUpRequested: false, control: NO_CONTROL };
    return { state, effects: [...effects, { kind: 'screenPop', call }, notify('callAudioLost', 'warning')] };
  }
  if (previous.phase !== 'wrapUp') return { state: { ...base, phase: 'ready', session: previous.session }, effects };
  effects.push({ kind: 'screenPop', call: previous.call });
  if (previous.releaseDeadline !== null) effects.push({ kind: 'startTimer', timer: 'autoRelease', callId: previous.call.callId, at: previous.releaseDeadline });
  return { state: { ...previous, ...base, step: 'open' }, effects };
}
