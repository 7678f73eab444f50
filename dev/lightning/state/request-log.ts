import type { OpenCtiResponse } from '../opencti/protocol.ts';
import type { InjectionKind } from '../opencti/error-injection.ts';

/** How the host dealt with a request. */
export type RequestOutcome =
  /** Handled; the response went back to the callback. */
  | 'replied'
  /** Handled; the adapter registered no callback, so nothing was sent. */
  | 'no-callback'
  /** An injected failure was sent instead of running the method. */
  | 'injected'
  /** Injected NO_REPLY: nothing was sent (the method ran only if the injection said so). */
  | 'no-reply'
  /** Not an Open CTI request the host could read. */
  | 'malformed';

/** One request received from an adapter frame. */
export interface RequestLogEntry {
  seq: number;
  at: string;
  tabId: string;
  frame: number;
  methodName: string;
  callId: unknown;
  apiVersion: unknown;
  isCallbackRegistered: boolean;
  isListenerRegistered: boolean;
  args: unknown;
  outcome: RequestOutcome;
  /** What the host answered (or would have, for `no-callback`). */
  response?: OpenCtiResponse;
  injected?: InjectionKind;
  /** Why a malformed message was not executed. */
  problem?: string;
}

/** One listener event delivered to an adapter. */
export interface EventLogEntry {
  seq: number;
  at: string;
  tabId: string;
  frame: number;
  methodName: string;
  eventName?: string;
  payload: unknown;
}

/** Bounded in-memory logs, newest last: tests read them through the control API. */
export class RequestLog {
  readonly requests: RequestLogEntry[] = [];
  readonly events: EventLogEntry[] = [];
  private seq = 0;

  constructor(private readonly limit = 5000) {}

  addRequest(entry: Omit<RequestLogEntry, 'seq' | 'at'>): RequestLogEntry {
    const full = { seq: ++this.seq, at: new Date().toISOString(), ...entry };
    this.requests.push(full);
    if (this.requests.length > this.limit) this.requests.shift();
    return full;
  }

  addEvent(entry: Omit<EventLogEntry, 'seq' | 'at'>): void {
    this.events.push({ seq: ++this.seq, at: new Date().toISOString(), ...entry });
    if (this.events.length > this.limit) this.events.shift();
  }

  clear(): void {
    this.requests.length = 0;
    this.events.length = 0;
  }
}
