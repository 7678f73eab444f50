/**
 * The page's raw `subscribe` calls, one at a time, with a watch on Salesforce's replies for the
 * one the library cannot deliver.
 *
 * Salesforce's library (v57) reads `response.success` in its own subscribe callback before it
 * calls ours. A reply whose `response` is `null` or missing makes that throw inside the library's
 * message handler: our callback never runs and the caller would wait for its timeout. Every
 * window `message` listener sees the same reply, so we can — but the reply names only the
 * library's private `callId`, not the channel. With one raw subscribe in flight at a time, such a
 * reply can only answer that one.
 */
import { malformed } from './errors.ts';
import type { OpenCtiError } from './errors.ts';

/** The slice of a `MessageEvent` the watch reads. */
export interface MessageEventLike {
  readonly origin: string;
  readonly data: unknown;
}

/** The slice of `window` the watch uses; a real `Window` fits. */
export interface MessageTargetLike {
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
}

/** Where Salesforce's replies arrive: the adapter page's window, from the Lightning origin. */
export interface ReplySource {
  readonly window: MessageTargetLike;
  /** `sfdcIframeOrigin`: the only sender the library listens to. */
  readonly origin: string;
  /** The loaded library's API version: it ignores replies carrying any other. */
  readonly apiVersion: number;
}

/** Starts one raw subscribe; `failWhen` is {@link Invocation.failWhen}. */
export type StartSubscribe<R> = (failWhen: (fail: (error: OpenCtiError) => void) => void) => Promise<R>;

/** Serialises raw subscribes and fails the one in flight when its reply cannot be delivered. */
export class SubscribeLine {
  readonly #source: ReplySource | undefined;
  #tail: Promise<void> = Promise.resolve();

  /** Without a `source` there is nothing to watch, and calls start at once. */
  constructor(source: ReplySource | undefined) {
    this.#source = source;
  }

  /** Runs `start` once every earlier raw subscribe has settled. */
  run<R>(start: StartSubscribe<R>): Promise<R> {
    const source = this.#source;
    if (source === undefined) return start(() => undefined);
    const result = this.#tail.then(() => watched(source, start));
    this.#tail = result.then(settledAnyway, settledAnyway);
    return result;
  }
}

function settledAnyway(): void {
  // The next subscribe waits for this one to settle, however it settled.
}

function watched<R>(source: ReplySource, start: StartSubscribe<R>): Promise<R> {
  let fail: ((error: OpenCtiError) => void) | undefined;
  const onMessage = (event: MessageEventLike): void => {
    const response = undeliverableResponse(event, source);
    if (response === NOT_DOOMED) return;
    fail?.(
      malformed(
        'subscribe',
        'was answered with the response',
        response,
        'a {success, returnValue, errors} object. The Open CTI library fails on this reply and never calls back, so the subscription is not usable',
      ),
    );
  };
  source.window.addEventListener('message', onMessage);
  let pending: Promise<R>;
  try {
    pending = start((f) => {
      fail = f;
    });
  } catch (error) {
    source.window.removeEventListener('message', onMessage);
    throw error;
  }
  return pending.finally(() => {
    source.window.removeEventListener('message', onMessage);
  });
}

const NOT_DOOMED = Symbol('not doomed');

/** The `response` of a subscribe reply the library will choke on, or {@link NOT_DOOMED}. */
function undeliverableResponse(event: MessageEventLike, source: ReplySource): unknown {
  if (event.origin !== source.origin || typeof event.data !== 'object' || event.data === null) return NOT_DOOMED;
  const data = event.data as Record<string, unknown>;
  // The library's own acceptance test, then its test for running a callback.
  const accepted = data.apiVersion === source.apiVersion && data.apiType === 'opencti';
  if (!accepted || data.methodName !== 'subscribe' || data.shouldExecuteCallback !== true) return NOT_DOOMED;
  return data.response === null || data.response === undefined ? data.response : NOT_DOOMED;
}
