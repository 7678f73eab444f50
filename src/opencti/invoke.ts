import { describeValue } from '../shared/errors.ts';
import {
  OpenCtiError,
  describeCall,
  errorFromFailedResponse,
  errorFromThrow,
  invalidArgument,
  malformed,
} from './errors.ts';

/** Per-call options of every promise-returning `OpenCti` method. */
export interface CallOptions {
  /**
   * How long to wait for Salesforce's callback, in ms (default: the shim's, itself 10 s by
   * default). `Infinity` waits forever — only sensible together with `signal`.
   */
  timeoutMs?: number;
  /**
   * Stops waiting when aborted; the promise rejects with `ABORTED`. The request has already been
   * posted to Salesforce by then, so its effect (a pop, a saved log) may still happen.
   */
  signal?: AbortSignal;
}

/** How long a call waits for its callback unless told otherwise. */
export const DEFAULT_CALL_TIMEOUT_MS = 10_000;

/** Beyond this `setTimeout` fires at once (32-bit overflow); treat longer waits as "forever". */
const LONGEST_TIMER_MS = 2_147_483_647;

/** One callback-style call to the library, described for {@link invokeWithCallback}. */
export interface Invocation<R> {
  /** Method name used in errors (`saveLog`, `hvs.completeWork`). */
  method: string;
  /** The arguments as the caller meant them, for error messages (functions are left out). */
  args: object | undefined;
  /** Calls the raw library method with our callback. May throw synchronously, like the library. */
  send: (callback: (response: unknown) => void) => void;
  /**
   * Turns a `success: true` response's `returnValue` into the typed result; throws an
   * {@link OpenCtiError} (`MALFORMED_RESPONSE`) when it breaks the contract.
   */
  decode: (returnValue: unknown, response: Record<string, unknown>) => R;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /**
   * Receives, before anything is sent, a function that ends the wait at once with an error — for
   * a caller that can tell the callback will never run (a reply the library cannot deliver).
   */
  failWhen?: ((fail: (error: OpenCtiError) => void) => void) | undefined;
}

function settle<R>(invocation: Invocation<R>, call: () => string, response: unknown): R {
  if (typeof response !== 'object' || response === null) {
    throw malformed(invocation.method, 'called back with', response, 'a {success, returnValue, errors} object');
  }
  const fields = response as Record<string, unknown>;
  if (fields.success === true) return invocation.decode(fields.returnValue, fields);
  if (fields.success === false) {
    throw errorFromFailedResponse(invocation.method, call(), fields.errors);
  }
  throw malformed(invocation.method, 'called back with success =', fields.success, 'true or false');
}

/**
 * Calls an Open CTI method that answers through a callback and turns the answer into a promise:
 * resolved with the decoded `returnValue`, rejected with an {@link OpenCtiError} on
 * `success: false`, a synchronous throw, a timeout or an abort. Settles exactly once; a reply that
 * arrives after the timeout or abort is ignored.
 */
export function invokeWithCallback<R>(invocation: Invocation<R>): Promise<R> {
  const { method, timeoutMs, signal } = invocation;
  // Described only for an error message: most calls succeed, and this runs on every call.
  const call = (): string => describeCall(method, invocation.args);
  return new Promise<R>((resolve, reject) => {
    if (typeof timeoutMs !== 'number' || Number.isNaN(timeoutMs) || timeoutMs <= 0) {
      reject(invalidArgument(method, 'the timeoutMs option', timeoutMs, 'a positive number of milliseconds (or Infinity)'));
      return;
    }
    if (signal?.aborted === true) {
      reject(abortedError(method, call(), signal.reason, 'before it was sent'));
      return;
    }
    // One object, so closures and the straight-line code below see the same flag.
    const state: { settled: boolean; timer?: ReturnType<typeof setTimeout> } = { settled: false };
    const onAbort = (): void => {
      if (state.settled) return;
      finish();
      reject(abortedError(method, call(), signal?.reason, 'while waiting for Salesforce'));
    };
    const finish = (): void => {
      state.settled = true;
      if (state.timer !== undefined) clearTimeout(state.timer);
      signal?.removeEventListener('abort', onAbort);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    invocation.failWhen?.((error) => {
      if (state.settled) return;
      finish();
      reject(error);
    });

    const callback = (response: unknown): void => {
      // Late replies (after a timeout or abort) have nobody waiting for them.
      if (state.settled) return;
      finish();
      try {
        resolve(settle(invocation, call, response));
      } catch (error) {
        reject(error instanceof OpenCtiError ? error : errorFromThrow(method, call(), error));
      }
    };
    try {
      invocation.send(callback);
    } catch (thrown) {
      // A library that called back and then threw has already settled the promise.
      if (state.settled) return;
      finish();
      reject(errorFromThrow(method, call(), thrown));
      return;
    }
    if (state.settled || timeoutMs > LONGEST_TIMER_MS) return;
    state.timer = setTimeout(() => {
      if (state.settled) return;
      finish();
      reject(
        new OpenCtiError(
          'TIMEOUT',
          method,
          `Open CTI ${call()} got no reply within ${timeoutMs} ms; expected Salesforce to call back. ` +
            'Is the softphone container initialised and sfdcIframeOrigin the Lightning page origin?',
        ),
      );
    }, timeoutMs);
  });
}

function abortedError(method: string, call: string, reason: unknown, when: string): OpenCtiError {
  const why = reason instanceof Error ? reason.message : describeValue(reason);
  return new OpenCtiError('ABORTED', method, `Open CTI ${call} was aborted ${when} (${why}).`, {
    cause: reason,
  });
}
