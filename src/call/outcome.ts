/**
 * Building blocks for transitions: the result type and the few helpers every phase file uses to
 * accept, ignore or refuse an event and to issue platform commands with fresh ids.
 */
import type { Effect, Notice, NoticeLevel } from './effects.ts';
import type { CommandFailed } from './events.ts';
import type { PlatformCommand } from './platform.ts';
import { requestIdOf } from './ids.ts';
import type { Refusal, RefusalCode } from './refusals.ts';
import type { AgentState, Operation, Phase } from './state.ts';

/** What `transition` returns: the next state and its effects, or a refusal of an intent. */
export type TransitionResult =
  | { readonly ok: true; readonly state: AgentState; readonly effects: readonly Effect[] }
  | { readonly ok: false; readonly error: Refusal };

/** Accepts the event: `state` is the next state, `effects` run in order. */
export function accept(state: AgentState, effects: readonly Effect[] = []): TransitionResult {
  return { ok: true, state, effects };
}

/** Ignores a stale or duplicate fact: same state object, no effects (cheap to detect). */
export function ignore(state: AgentState): TransitionResult {
  return { ok: true, state, effects: [] };
}

/** Refuses an intent. */
export function refuse(code: RefusalCode, message: string, hint: string): TransitionResult {
  return { ok: false, error: { code, message, hint } };
}

/** Refuses an intent the phase does not offer, naming the phase. */
export function notNow(code: RefusalCode, what: string, phase: Phase, hint: string): TransitionResult {
  return refuse(code, `Cannot ${what} while ${phase}.`, hint);
}

/**
 * Issues a platform command: allocates its id, records it as pending and returns the effect.
 * Generic over the phase so callers keep their precise state type.
 */
export function issue<S extends AgentState>(state: S, op: Operation, command: PlatformCommand): { state: S; effect: Effect } {
  const requestId = requestIdOf(state.nextRequest);
  return {
    state: { ...state, nextRequest: state.nextRequest + 1, pending: [...state.pending, { id: requestId, op }] },
    effect: { kind: 'platform', requestId, op, command },
  };
}

/** Whether an operation of this kind is in flight. */
export function isPending(state: AgentState, op: Operation): boolean {
  return state.pending.some((request) => request.op === op);
}

/** A notice effect. */
export function notify(notice: Notice, level: NoticeLevel, detail: string | null = null): Effect {
  return { kind: 'notify', notice, level, detail };
}

/** The notice of a failed command: what failed (`op`), why (`code`), the platform's text as detail. */
export function failureNotice(notice: Notice, level: NoticeLevel, event: CommandFailed): Effect {
  return { kind: 'notify', notice, level, detail: event.failure.detail, failure: { op: event.op, code: event.failure.code } };
}
