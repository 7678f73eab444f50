/**
 * Neotel behind the platform port (src/call/platform.ts): commands go out as NeoApi requests
 * (commands.ts, under this deployment's names), failures come back as domain codes
 * (failures.ts), and the Position poller turns snapshots into the machine's platform events.
 */
import type { AgentEvent } from '../../call/events.ts';
import type { CommandOutcome, DeskCommand, PlatformCapabilities, PlatformCommand, PlatformListener, PlatformPort, PlatformWatch } from '../../call/platform.ts';
import { NEOTEL_CAPABILITIES } from './capabilities.ts';
import type { CallOptions } from './transport.ts';
import type { NeoParams } from './request-params.ts';
import type { NeoResultValue } from './wire-response.ts';
import { neoRequestOf, taskRequest } from './commands.ts';
import { browserTimeZone, convertWallTime } from '../../shared/wall-time.ts';
import { failureOf } from './failures.ts';
import { wireNamesOf, type NeoApiNaming } from './naming.ts';
import { monitoredByOf } from './position-monitoring.ts';
import { PositionPoller, type PositionSource } from './position-poller.ts';
import { createTicker } from './ticker-worker.ts';
import { watchedPosition, type WatchedClient } from './position-watch.ts';

/** What the adapter needs of the NeoApi client (`NeoApiClient`; tests pass a recording fake). */
export interface NeoApiCaller extends PositionSource {
  call(method: string, params: NeoParams, options?: CallOptions): Promise<NeoResultValue>;
}

/** How to build a {@link NeotelPlatform}. */
export interface NeotelPlatformOptions {
  readonly client: NeoApiCaller;
  /** The deployment's own method and parameter names (`neoApiMethods`). */
  readonly naming: NeoApiNaming;
  /** Time between two Position polls (`positionPollIntervalMs`). */
  readonly pollIntervalMs: number;
  /**
   * The Neotel server's zone (`platformTimeZone`): `FECHA_AGENDA`, which the machine holds as the
   * agent's wall time, is written in it. Absent/null = sent as the agent's wall time.
   */
  readonly platformTimeZone?: string | null;
}

/** The Neotel adapter. */
export class NeotelPlatform implements PlatformPort<AgentEvent> {
  readonly capabilities: PlatformCapabilities = NEOTEL_CAPABILITIES;

  constructor(private readonly options: NeotelPlatformOptions) {}

  async run(command: PlatformCommand | DeskCommand): Promise<CommandOutcome> {
    try {
      const request = command.command === 'runTask' ? taskRequest(command.task, command.params) : neoRequestOf(command, platformTimeOf(this.options.platformTimeZone ?? null));
      const value = await this.options.client.call(request.method, request.params, wireNamesOf(this.options.naming, request.method));
      return { ok: true, value: value ?? null };
    } catch (error) {
      return { ok: false, failure: failureOf(error) };
    }
  }

  /** The health gate's round-trip: one `Position`, which changes nothing (an agent not logged in is an answer too). */
  async probe(user: string): Promise<CommandOutcome> {
    try {
      const value = await this.options.client.call('Position', { USUARIO: user }, wireNamesOf(this.options.naming, 'Position'));
      return { ok: true, value: value ?? null };
    } catch (error) {
      return { ok: false, failure: failureOf(error) };
    }
  }

  watch(agent: string, listener: PlatformListener<AgentEvent>): PlatformWatch {
    const onMonitored = listener.onMonitored;
    return new PositionPoller({
      client: isWatchable(this.options.client) ? watchedPosition(this.options.client, { intervalMs: this.options.pollIntervalMs }) : this.options.client,
      user: agent,
      intervalMs: this.options.pollIntervalMs,
      onEvent: listener.onEvent,
      ...(onMonitored === undefined ? {} : { onSnapshot: (position) => onMonitored(monitoredByOf(position)) }),
      ticker: createTicker(),
    });
  }
}

/** A client that can hand its Position request to a worker (`NeoApiClient`; recording fakes cannot). */
function isWatchable(client: NeoApiCaller): client is NeoApiCaller & WatchedClient {
  return 'positionRequest' in client && 'positionOf' in client;
}

/**
 * The agent's wall time (the machine's callback time) as the platform's `zone` shows it; identity
 * without a zone. The browser's own zone (`agentZone` by default) is read only when a time is
 * converted: `run` builds this for every command, and reading the zone builds an
 * `Intl.DateTimeFormat` (~0.5 ms on a first dial), which then ran in the click's task before the
 * Dial went out (docs/benchmarks.md, "Thirteenth pass (a)").
 */
export function platformTimeOf(zone: string | null, agentZone?: string): (wall: string) => string {
  return zone === null ? (wall) => wall : (wall) => convertWallTime(wall, agentZone ?? browserTimeZone(), zone);
}
