/**
 * The NeoApi adapter's public surface, for src/app: the typed client and its errors, the
 * tolerant Position parser, and the Position poller with its edge rules and tickers. The
 * individual modules stay importable by path too.
 */
export { NeoApiClient, neoApiClientOptions } from './client.ts';
export type { CallOptions, FetchLike, NeoApiClientOptions, NeoApiLogEntry } from './client.ts';
export { NeotelPlatform } from './neotel-platform.ts';
export type { NeoApiCaller, NeotelPlatformOptions } from './neotel-platform.ts';
export { NEO_ERROR_PATTERNS, NEO_METHODS, NEO_OPERATIONS, NEO_SERVICE_PATH } from './contract.ts';
export type { NeoMethodName, NeoMethodSpec, NeoOperation, NeoRequest } from './contract.ts';
export { NeoApiError, NEO_SERVER_ERROR_CODES, codeForServerText, isNeoApiError } from './errors.ts';
export type { NeoApiErrorCode } from './errors.ts';
export type { NeoParams, NeoParamValue } from './request-params.ts';
export type { NeoResultValue } from './wire-response.ts';
export {
  isUnsetSentinel,
  normalizePositionKey,
  parsePosition,
  parsePositionEntries,
  readBrokenBarList,
  readClaveSf,
  readKeyData,
  readNeoDateTime,
} from './position.ts';
export type { NeoDateTime, ParsedPosition, PositionEntry, PositionProblem, PositionSnapshot, RawPosition } from './position.ts';
export { POSITION_REQUIRED_KEYS, positionEvents, unusablePositionReason } from './position-events.ts';
export type { PositionPollerEvent, PositionSnapshotEvent } from './position-events.ts';
export { PositionPoller } from './position-poller.ts';
export type { PositionBackoff, PositionPollerOptions, PositionPollerStats, PositionSource } from './position-poller.ts';
export { timeoutTicker } from './ticker.ts';
export type { Ticker } from './ticker.ts';
export { TICKER_WORKER_SOURCE, createTicker, spawnBlobWorker, workerTicker } from './ticker-worker.ts';
export type { SpawnTickerWorker, TickerRequest, TickerWorkerPort, WorkerTickerOptions } from './ticker-worker.ts';
