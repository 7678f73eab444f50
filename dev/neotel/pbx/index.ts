/**
 * The simulated Neotel PBX: an Asterisk-like registrar and UA for agents' browsers (SIP over
 * WebSocket, digest auth), real WebRTC audio on its side (werift, PCMU), simulated outside
 * parties, and rooms that mix and record them. See docs/dev-neotel-pbx.md.
 *
 * ```ts
 * const pbx = createPbx({ domain: '127.0.0.1' });
 * pbx.attach(httpServer, '/sip');                 // browsers: ws://host:port/sip, subprotocol "sip"
 * pbx.setDevicePassword('SIP/1001', 'secret');
 * const agent = pbx.callAgent({ device: 'SIP/1001', callId: '42', fromNumber: '600111222', platformOriginated: true });
 * const customer = pbx.callCustomer({ number: '600111222', toneHz: 800 });
 * pbx.createRoom('42').setRouting(twoPartyRouting(agent.id, customer.id));
 * ```
 */

import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { AgentLegImpl } from './legs/agent-leg.ts';
import { CustomerLegImpl } from './legs/customer-leg.ts';
import type { LegContext } from './legs/leg-base.ts';
import { MixingEngine } from './media/mixing-engine.ts';
import { DEFAULT_MAX_RECORDED_SECONDS } from './media/pcm-recorder.ts';
import { encodeWav } from './media/wav.ts';
import { RoomImpl } from './room.ts';
import { SipCore } from './sip/sip-core.ts';
import type {
  AgentLeg, AgentLegRequest, CustomerLegRequest, DeviceName, Leg, PbxStats, Recording, Registration, Room,
  SimulatedCustomerLeg, SimulatedPbx,
} from './types.ts';

export type * from './types.ts';
export { conferenceRouting, twoPartyRouting, withListener, withWhisper } from './media/mixer.ts';
export { detectTone, dominantTone, toneLevelDbfs, toneLevelsOverTime } from './media/goertzel.ts';
export { parseWav, type WavInfo } from './media/wav.ts';

export interface PbxOptions {
  /** SIP domain: From/To hosts, Via and Contact (default `127.0.0.1`). */
  domain?: string;
  /** Digest realm (default: the domain). */
  realm?: string;
  /** The only address werift gathers and binds for ICE (default `127.0.0.1`, werift-probe.md). */
  mediaAddress?: string;
  /** Default ring time of `callAgent` before `timeout` (default 30 000 ms). */
  ringTimeoutMs?: number;
  /** ICE + DTLS must complete this soon after the 200 OK (default 10 000 ms). */
  mediaConnectTimeoutMs?: number;
  registration?: {
    nonceTtlMs?: number;
    minExpiresSeconds?: number;
    maxExpiresSeconds?: number;
    defaultExpiresSeconds?: number;
  };
  /** Receive buffer per agent leg: capacity and prefill in 20 ms frames (default 10 and 3). */
  jitterBuffer?: { capacityFrames?: number; prefillFrames?: number };
  /** Cap per recording and per `heard()` buffer (default 600 s). */
  maxRecordedSeconds?: number;
  /** Recordings kept in memory; the oldest call's is dropped past this (default 100). */
  maxRecordings?: number;
  /** Tone heard in place of an agent who holds (Asterisk plays music on hold); default: silence. */
  musicOnHoldHz?: number;
  /**
   * How long an answered agent leg outlives the agent's WebSocket (a reloaded page): the call stays
   * up, silent on the agent's side, until NeoApi Hangup, the customer or this timeout (default
   * 60 000 ms, like an Asterisk `rtp_timeout=60`; 0 = the call ends with the socket).
   */
  orphanedLegMs?: number;
  /** WebSocket ping interval (default 30 000 ms). */
  pingIntervalMs?: number;
  /** Diagnostics (registrations, refusals, leg ends). */
  log?: (line: string) => void;
  /** Every SIP frame in and out. */
  trace?: (direction: 'in' | 'out', connectionId: string, text: string) => void;
}

/** `PbxOptions.orphanedLegMs` by default. */
const DEFAULT_ORPHANED_LEG_MS = 60_000;

/** How long an ended leg stays findable by id (for routings that still name it). */
const ENDED_LEG_RETENTION_MS = 10 * 60_000;

/** Creates a PBX. It opens no port by itself: attach it to an HTTP server. */
export function createPbx(options: PbxOptions = {}): SimulatedPbx {
  const domain = options.domain ?? '127.0.0.1';
  const log = options.log ?? (() => undefined);
  const maxRecordedSeconds = options.maxRecordedSeconds ?? DEFAULT_MAX_RECORDED_SECONDS;
  const core = new SipCore({
    registrar: { realm: options.realm ?? domain, ...options.registration },
    log,
    ...(options.trace ? { trace: options.trace } : {}),
    ...(options.pingIntervalMs ? { pingIntervalMs: options.pingIntervalMs } : {}),
  });
  const engine = new MixingEngine({ maxRecordedSeconds, ...(options.maxRecordings ? { maxRecordings: options.maxRecordings } : {}), clock: { onError: (error) => log(`media tick failed: ${String(error)}`) } });
  const legs = new Map<string, AgentLegImpl | CustomerLegImpl>();
  const rooms = new Set<RoomImpl>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let sequence = 0;
  let closed = false;

  const context: LegContext = {
    joinMedia: (participant) => engine.addParticipant(participant),
    leaveMedia: (participant) => engine.removeParticipant(participant),
    log,
  };

  function track<T extends AgentLegImpl | CustomerLegImpl>(leg: T): T {
    legs.set(leg.id, leg);
    leg.on('ended', () => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        legs.delete(leg.id);
      }, ENDED_LEG_RETENTION_MS);
      timer.unref();
      timers.add(timer);
    });
    return leg;
  }

  function assertOpen(what: string): void {
    if (closed) throw new Error(`PBX is closed: cannot ${what}; create a new one with createPbx()`);
  }

  return {
    registration: (device: DeviceName): Registration | undefined => core.registrar.binding(device)?.registration,
    onRegistrationChange: (listener) => core.registrar.onChange(listener),
    setDevicePassword: (device, password) => core.registrar.setPassword(device, password),

    callAgent(request: AgentLegRequest): AgentLeg {
      assertOpen('call an agent');
      return track(new AgentLegImpl(`agent-${++sequence}`, request, core, {
        domain,
        iceAddress: options.mediaAddress ?? '127.0.0.1',
        defaultRingTimeoutMs: options.ringTimeoutMs ?? 30_000,
        mediaConnectTimeoutMs: options.mediaConnectTimeoutMs ?? 10_000,
        jitterBuffer: options.jitterBuffer ?? {},
        maxRecordedSeconds,
        musicOnHoldHz: options.musicOnHoldHz,
        orphanedLegMs: options.orphanedLegMs ?? DEFAULT_ORPHANED_LEG_MS,
      }, context));
    },

    callCustomer(request: CustomerLegRequest): SimulatedCustomerLeg {
      assertOpen('call a customer');
      return track(new CustomerLegImpl(`customer-${++sequence}`, request, context, maxRecordedSeconds));
    },

    createRoom(callId: string): Room {
      assertOpen('create a room');
      const room = new RoomImpl(`room-${++sequence}`, callId, engine, (id) => legs.get(id), (r) => rooms.delete(r));
      rooms.add(room);
      return room;
    },

    recording(callId: string): Recording | undefined {
      const recorder = engine.recording(callId);
      return recorder && { callId, wav: () => encodeWav(recorder.toInt16Array()) };
    },

    handleUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) => core.handleUpgrade(request, socket, head),
    attach: (server: Server, path?: string) => core.attach(server, path),
    dropAgentSockets: (device?: DeviceName, refuseMs?: number) => core.dropAgentSockets(device, refuseMs),
    leg: (id: string): Leg | undefined => {
      const leg = legs.get(id);
      return leg && leg.state !== 'ended' ? leg : undefined;
    },
    legs: (): readonly Leg[] => [...legs.values()].filter((leg) => leg.state !== 'ended'),

    stats(): PbxStats {
      const media = engine.stats;
      return {
        connections: core.connectionCount,
        registrations: core.registrar.count,
        liveLegs: [...legs.values()].filter((leg) => leg.state !== 'ended').length,
        rooms: rooms.size,
        media: { ticks: media.ticks, skippedTicks: media.skippedTicks, maxLatenessMs: media.maxLatenessMs, meanTickMs: media.meanTickMs, maxTickMs: media.maxTickMs },
      };
    },

    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      for (const leg of legs.values()) leg.hangup();
      for (const room of [...rooms]) room.close();
      for (const timer of timers) clearTimeout(timer);
      engine.close();
      // Let the BYEs/CANCELs leave before the sockets go.
      await new Promise((resolve) => setTimeout(resolve, 20));
      core.close();
    },
  };
}
