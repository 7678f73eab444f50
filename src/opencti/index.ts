/**
 * The Open CTI adapter: a typed promise shim over Salesforce's `sforce.opencti` (Lightning) and
 * the loader that connects an adapter page to it. See `docs/opencti-shim.md`.
 */
export { OpenCti } from './shim.ts';
export type { OpenCtiOptions, RunApexArgs } from './shim.ts';
export { loadOpenCti, openCtiScriptUrl, DEFAULT_OPENCTI_API_VERSION, DEFAULT_LOAD_TIMEOUT_MS, LIBRARY_REFUSAL, STANDALONE_REASON } from './loader.ts';
export type { LoadOpenCtiOptions, OpenCtiConnection, StandaloneReason } from './loader.ts';
export type { WindowLike, DocumentLike, ScriptElementLike, ErrorEventLike } from './script-injection.ts';
export type { ReplySource, MessageEventLike, MessageTargetLike } from './subscribe-line.ts';
export { readLaunchParameters } from './launch-parameters.ts';
export type { LaunchParameters, LaunchParametersResult, LaunchProblemReason } from './launch-parameters.ts';
export { OpenCtiError } from './errors.ts';
export type { OpenCtiErrorCode } from './errors.ts';
export { DEFAULT_CALL_TIMEOUT_MS } from './invoke.ts';
export type { CallOptions } from './invoke.ts';
export type { Unsubscribe, ListenerProblemSink } from './listener-fanout.ts';
export type { MessageUnsubscribe } from './message-channels.ts';
export { PANEL_LIMITS, MIN_SEARCH_LENGTH } from './argument-checks.ts';
export type { ScreenPopRequest } from './argument-checks.ts';
export { parseSalesforceId } from './decode.ts';
export { CALL_TYPE, SCREENPOP_TYPE, SALESFORCE_ERROR_CODES } from './types.ts';
export type * from './types.ts';
