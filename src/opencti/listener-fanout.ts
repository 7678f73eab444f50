import { describeCall, errorFromThrow } from './errors.ts';

/** Stops one subscription. Calling it again does nothing. */
export type Unsubscribe = () => void;

/** Where problems that have no caller to reject go: bad payloads and throwing subscribers. */
export type ListenerProblemSink = (problem: unknown, method: string) => void;

/**
 * One raw Open CTI listener shared by any number of subscribers.
 *
 * The library keeps every listener it is given and has no way to remove one (reference §1.4), so
 * registering per subscriber would leak and double-fire. Instead the raw listener is registered
 * once, lazily on the first subscriber, and each payload is checked by `read` and handed to the
 * current subscribers. A subscriber that throws does not stop the others.
 */
export class ListenerFanout<T> {
  readonly #method: string;
  readonly #register: (raw: (payload: unknown) => void) => void;
  readonly #read: (payload: unknown) => T;
  readonly #report: ListenerProblemSink;
  readonly #subscribers = new Set<{ listener: (payload: T) => void }>();
  #registered = false;

  /**
   * @param method  name used in errors, e.g. `onClickToDial`
   * @param register  calls the raw library method with the shared listener; may throw
   * @param read  validates a raw payload; throws an `OpenCtiError` when it is unusable
   * @param report  receives bad payloads and subscriber exceptions
   */
  constructor(
    method: string,
    register: (raw: (payload: unknown) => void) => void,
    read: (payload: unknown) => T,
    report: ListenerProblemSink,
  ) {
    this.#method = method;
    this.#register = register;
    this.#read = read;
    this.#report = report;
  }

  /** How many subscribers are currently attached. */
  get size(): number {
    return this.#subscribers.size;
  }

  /**
   * Adds a subscriber, registering the raw listener on first use.
   * @throws OpenCtiError (`INVALID_ARGUMENT`/`LIBRARY_THREW`) when the library refuses the
   *   registration; a later call tries again.
   */
  add(listener: (payload: T) => void): Unsubscribe {
    if (!this.#registered) {
      const raw = (payload: unknown): void => {
        this.#dispatch(payload);
      };
      try {
        this.#register(raw);
      } catch (thrown) {
        throw errorFromThrow(this.#method, describeCall(this.#method, { listener: raw }), thrown);
      }
      this.#registered = true;
    }
    // A fresh entry per call, so the same function added twice is two subscriptions.
    const entry = { listener };
    this.#subscribers.add(entry);
    return () => {
      this.#subscribers.delete(entry);
    };
  }

  #dispatch(payload: unknown): void {
    if (this.#subscribers.size === 0) return;
    let value: T;
    try {
      value = this.#read(payload);
    } catch (problem) {
      this.#report(problem, this.#method);
      return;
    }
    // A snapshot: subscribers may unsubscribe (or subscribe) while being called.
    for (const entry of [...this.#subscribers]) {
      try {
        entry.listener(value);
      } catch (problem) {
        this.#report(problem, this.#method);
      }
    }
  }
}
