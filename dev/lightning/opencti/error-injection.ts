import type { OpenCtiErrorCode } from './protocol.ts';

/**
 * What the host does instead of answering normally. `LATE_REPLY`: the method runs now and its
 * reply is sent `delayMs` later (default 100 ms), as a `runApex` that makes a round trip to a real
 * org (the click-to-dial benchmark).
 */
export type InjectionKind = OpenCtiErrorCode | 'NO_REPLY' | 'LATE_REPLY';

export const INJECTION_KINDS: readonly InjectionKind[] = ['SOFTPHONE_CONTAINER_ERROR', 'SERVER_ERROR', 'INVALID_PARAM', 'GENERIC_ERROR', 'NO_REPLY', 'LATE_REPLY'];

/**
 * A queued failure for the next calls of a method (`*` = any method). `runApex:<method>` (e.g.
 * `runApex:upsertCallTask`) matches only `runApex` calls of that Apex method.
 */
export interface Injection {
  methodName: string;
  kind: InjectionKind;
  /** Calls left to fail. */
  remaining: number;
  /** Error description to send instead of the default one. */
  description?: string;
  /**
   * With NO_REPLY: run the method anyway and only lose the reply (a saveLog that reached
   * Salesforce but whose answer never came back). Default: the method does not run.
   */
  execute?: boolean;
  /**
   * With NO_REPLY + execute: run the method this many ms later instead of now — a request that
   * Salesforce commits after the caller gave up waiting (a late commit). With LATE_REPLY: how
   * late the reply comes.
   */
  delayMs?: number;
}

/** Default descriptions, close to what Salesforce says for each code. */
export const DEFAULT_DESCRIPTIONS: Readonly<Record<Exclude<InjectionKind, 'NO_REPLY' | 'LATE_REPLY'>, string>> = {
  SOFTPHONE_CONTAINER_ERROR: 'The softphone container is not initialized yet. Try again later.',
  SERVER_ERROR: 'An internal server error has occurred.',
  INVALID_PARAM: 'Invalid parameter (injected by the emulator).',
  GENERIC_ERROR: 'An unexpected error occurred (injected by the emulator).',
};

/** Failures queued by tests; each call of a matching method consumes one. */
export class ErrorInjections {
  private queue: Injection[] = [];

  add(injection: Injection): void {
    if (injection.remaining > 0) this.queue.push({ ...injection });
  }

  /**
   * Consumes the first queued failure for `methodName`: `qualified` (`runApex:<apex method>`) first,
   * then the exact name, then `*`.
   */
  take(methodName: string, qualified?: string): Injection | undefined {
    const match =
      (qualified === undefined ? undefined : this.queue.find((i) => i.methodName === qualified)) ??
      this.queue.find((i) => i.methodName === methodName) ??
      this.queue.find((i) => i.methodName === '*');
    if (!match) return undefined;
    match.remaining -= 1;
    if (match.remaining <= 0) this.queue = this.queue.filter((i) => i !== match);
    return { ...match };
  }

  list(): Injection[] {
    return this.queue.map((i) => ({ ...i }));
  }

  clear(): void {
    this.queue = [];
  }
}
