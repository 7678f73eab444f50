import type { OutgoingMessage } from '../views/rendered.ts';

/**
 * The Open CTI postMessage protocol as the host sees it (reference opencti.md §1.4): requests
 * from the library, `{success, returnValue, errors}` responses, and the v57 flags on every reply.
 */

/** A request the library posted to its parent. */
export interface OpenCtiRequest {
  methodName: string;
  callId: number;
  apiVersion: unknown;
  apiType: 'opencti';
  isCallbackRegistered: boolean;
  isListenerRegistered: boolean;
  args: Record<string, unknown>;
}

/** One entry of `errors`. */
export interface OpenCtiErrorEntry {
  code: OpenCtiErrorCode;
  description: string;
  details?: unknown;
}

/** Error codes Salesforce documents for Lightning methods. */
export type OpenCtiErrorCode = 'INVALID_PARAM' | 'GENERIC_ERROR' | 'SERVER_ERROR' | 'SOFTPHONE_CONTAINER_ERROR';

export interface OpenCtiResponse {
  success: boolean;
  returnValue: unknown;
  errors: OpenCtiErrorEntry[] | null;
}

/** A successful response. */
export function success(returnValue: unknown = null): OpenCtiResponse {
  return { success: true, returnValue, errors: null };
}

/** A failed response with one error. */
export function failure(code: OpenCtiErrorCode, description: string, details?: unknown): OpenCtiResponse {
  return { success: false, returnValue: null, errors: [{ code, description, ...(details === undefined ? {} : { details }) }] };
}

/** Salesforce's INVALID_PARAM wording: which parameter, what was expected, what came. */
export function invalidParam(parameter: string, expected: string, received: unknown): OpenCtiResponse {
  return failure('INVALID_PARAM', `Invalid value for parameter '${parameter}'. Expected ${expected}; received ${shown(received)}.`);
}

/**
 * Reads a posted message as a request. The host page already checked source, origin and
 * `apiType`; this checks the rest of the shape so a malformed message is logged, not executed.
 */
export function parseRequest(data: unknown): OpenCtiRequest | { malformed: string } {
  if (typeof data !== 'object' || data === null) return { malformed: `message is ${shown(data)}, expected an object` };
  const d = data as Record<string, unknown>;
  if (d.apiType !== 'opencti') return { malformed: `apiType is ${shown(d.apiType)}, expected "opencti"` };
  if (typeof d.methodName !== 'string' || d.methodName === '') return { malformed: `methodName is ${shown(d.methodName)}, expected a method name` };
  if (typeof d.callId !== 'number') return { malformed: `callId is ${shown(d.callId)}, expected a number` };
  const args = d.args;
  return {
    methodName: d.methodName,
    callId: d.callId,
    apiVersion: d.apiVersion,
    apiType: 'opencti',
    isCallbackRegistered: d.isCallbackRegistered === true,
    isListenerRegistered: d.isListenerRegistered === true,
    args: typeof args === 'object' && args !== null && !Array.isArray(args) ? (args as Record<string, unknown>) : {},
  };
}

/** The reply to a request's callback; echoes the request's `apiVersion`. */
export function replyTo(request: OpenCtiRequest, response: OpenCtiResponse): OutgoingMessage {
  return {
    methodName: request.methodName,
    callId: request.callId,
    apiVersion: request.apiVersion,
    apiType: 'opencti',
    response,
    shouldExecuteCallback: true,
    shouldExecuteListener: false,
  };
}

/**
 * A listener event. `callId` is negative so it can never match a pending callback (old
 * libraries try the callback for every message).
 */
export function listenerEvent(methodName: string, callId: number, apiVersion: unknown, payload: unknown, eventName?: string): OutgoingMessage {
  return {
    methodName,
    callId,
    apiVersion,
    apiType: 'opencti',
    response: payload,
    shouldExecuteCallback: false,
    shouldExecuteListener: true,
    ...(eventName === undefined ? {} : { eventName }),
  };
}

export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  try {
    const json = JSON.stringify(value);
    return json.length > 80 ? `${json.slice(0, 80)}…` : json;
  } catch {
    // Unserialisable values cannot come over postMessage→JSON, but be safe.
    return typeof value;
  }
}
