/**
 * What every leg shares: identity, the `ringing → up → ended` state, typed events, and the
 * once-only end. A listener added to `ended` after the leg ended is still told (on a microtask),
 * so a caller that subscribes late — e.g. after `callAgent` ended at once with `unreachable` —
 * never waits forever.
 */

import type { MediaParticipant } from '../media/mixing-engine.ts';
import type { Leg, LegEndReason, LegEvents } from '../types.ts';

export type { MediaParticipant };

type Listeners = { [E in keyof LegEvents]: Set<LegEvents[E]> };

/** Hooks a leg uses to join and leave the mixing engine, and to log. */
export interface LegContext {
  joinMedia(participant: MediaParticipant): void;
  leaveMedia(participant: MediaParticipant): void;
  log(line: string): void;
}

export abstract class LegBase implements Leg {
  abstract readonly kind: 'agent' | 'customer';
  private currentState: Leg['state'] = 'ringing';
  private endReason: { reason: LegEndReason; detail: string | undefined } | undefined;
  private readonly listeners: Listeners = { answered: new Set(), ended: new Set(), dtmf: new Set(), hold: new Set() };

  protected constructor(
    readonly id: string,
    readonly party: string,
    protected readonly context: LegContext,
  ) {}

  get state(): Leg['state'] {
    return this.currentState;
  }

  /** Why the leg ended, once it has. */
  get ended(): { reason: LegEndReason; detail: string | undefined } | undefined {
    return this.endReason;
  }

  on<E extends keyof LegEvents>(event: E, listener: LegEvents[E]): () => void {
    const set = this.listeners[event] as Set<LegEvents[E]>;
    set.add(listener);
    const ended = this.endReason;
    if (event === 'ended' && ended) {
      queueMicrotask(() => {
        if (set.delete(listener)) this.invoke(event, listener, [ended.reason, ended.detail] as unknown as Parameters<LegEvents[E]>);
      });
    }
    return () => set.delete(listener);
  }

  abstract hangup(): void;

  protected emit<E extends keyof LegEvents>(event: E, ...args: Parameters<LegEvents[E]>): void {
    for (const listener of [...(this.listeners[event] as Set<LegEvents[E]>)]) this.invoke(event, listener, args);
  }

  /** Moves to `up` and tells listeners (once). */
  protected markUp(): void {
    if (this.currentState !== 'ringing') return;
    this.currentState = 'up';
    this.emit('answered');
  }

  /** Moves to `ended` and tells listeners; later calls are ignored. Returns whether it ended now. */
  protected markEnded(reason: LegEndReason, detail?: string): boolean {
    if (this.endReason) return false;
    this.currentState = 'ended';
    this.endReason = { reason, detail };
    this.context.log(`${this.id} (${this.party}) ended: ${reason}${detail ? ` — ${detail}` : ''}`);
    this.emit('ended', reason, detail);
    for (const set of Object.values(this.listeners)) set.clear();
    return true;
  }

  private invoke<E extends keyof LegEvents>(event: E, listener: LegEvents[E], args: Parameters<LegEvents[E]>): void {
    try {
      (listener as (...a: Parameters<LegEvents[E]>) => void)(...args);
    } catch (error) {
      // A listener's bug must not break the leg's state machine or the media clock.
      this.context.log(`${this.id}: '${event}' listener threw: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }
}
