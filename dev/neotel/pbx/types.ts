/**
 * The seam between the simulated contact center (dev/neotel/center: NeoApi, Position, dialer,
 * queues) and the simulated PBX (dev/neotel/pbx: SIP over WebSocket for the agents' browsers, and
 * werift WebRTC legs on the PBX side).
 *
 * The center decides *who* talks to *whom*; the PBX makes it happen with real SIP and real audio.
 * The center never sees SIP or RTP; the PBX never sees NeoApi or Position.
 *
 * Audio model: every party is a `Leg` that produces and consumes 8 kHz mono PCM (20 ms frames,
 * 160 samples). Agents' legs are browsers (sip.js over WebRTC, PCMU); customers, external numbers and
 * transfer targets outside the platform are simulated `CustomerLeg`s that play a tone and record
 * what they hear. A `Room` mixes legs with an explicit routing matrix, which covers a two-party
 * call, transfer, conference, supervisor listen and assist alike.
 */

import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';

/** A SIP device name as NeoApi spells it, e.g. `SIP/1001`. The SIP user part is after the slash. */
export type DeviceName = string;

export interface Registration {
  device: DeviceName;
  /** Source address of the WebSocket the device registered over (Position `IP`/`PORT`). */
  ip: string;
  port: number;
  /** Registration expiry, ms since epoch. */
  expiresAt: number;
}

export type LegEndReason =
  | 'local' // ended by the center (hangup(), transfer, kick)
  | 'remote' // the party hung up (agent's BYE/CANCEL, customer hang-up from the control API)
  | 'rejected' // the agent declined (486/603) or the device answered with an error
  | 'timeout' // no answer in time
  | 'unreachable' // device not registered / WebSocket gone
  | 'failed'; // media or signalling failure (message says why)

export interface LegEvents {
  /** The party answered (agent: 200 OK + ACK and media connected; customer: simulated answer). */
  answered: () => void;
  /** The leg is over; fired once. */
  ended: (reason: LegEndReason, detail?: string) => void;
  /** An RFC 4733 digit (agent) or a control-API digit press (customer). */
  dtmf: (digit: string) => void;
  /** Agent put the call on hold (re-INVITE sendonly/inactive) or resumed it. */
  hold: (onHold: boolean) => void;
}

export interface Leg {
  /** Unique id within the PBX. */
  readonly id: string;
  readonly kind: 'agent' | 'customer';
  /** Agent legs: the device; customer legs: the phone number. */
  readonly party: string;
  readonly state: 'ringing' | 'up' | 'ended';
  on<E extends keyof LegEvents>(event: E, listener: LegEvents[E]): () => void;
  /** Ends the leg (CANCEL while ringing, BYE when up). Idempotent. */
  hangup(): void;
}

export interface AgentLegRequest {
  device: DeviceName;
  /** Platform call id (Position `IDLLAMADA`), sent to the browser as `X-Neotel-CallId`. */
  callId: string;
  /** Caller number shown in the INVITE's From (customer's number, or the platform's for a Dial leg). */
  fromNumber: string;
  fromDisplayName?: string;
  /**
   * True for legs the platform originates on the agent's behalf (the first leg of `Dial`, a dialer
   * delivery): marked with `Call-Info: <sip:pbx>;answer-after=0` and `X-Neotel-Leg: platform`, so
   * the softphone may auto-answer them. Inbound queue calls are false (they ring).
   */
  platformOriginated: boolean;
  /** Extra SIP headers (e.g. `X-Neotel-Queue`). */
  headers?: Record<string, string>;
  /** Give up ringing after this many ms (default 30 000). */
  ringTimeoutMs?: number;
}

export interface CustomerLegRequest {
  /** The customer's (or external target's) phone number. */
  number: string;
  /** Frequency of the tone this party "speaks", so tests can tell parties apart by ear. */
  toneHz: number;
  /** Simulated ringing before answer, ms (0 = answers at once). */
  answerAfterMs?: number;
  /** Never answer (for no-answer cases). */
  neverAnswer?: boolean;
}

export interface CustomerLeg extends Leg {
  readonly kind: 'customer';
  /** Starts/stops speaking a tone (replaces the default tone while it plays). */
  speakTone(hz: number, durationMs: number): void;
  /** Simulates the customer pressing keys (emits `dtmf` events; inband tones are not required). */
  pressDigits(digits: string): void;
  /** 8 kHz mono 16-bit PCM of everything this party heard so far. */
  heard(): Int16Array;
}

export interface AgentLeg extends Leg {
  readonly kind: 'agent';
  /** 8 kHz mono 16-bit PCM of everything received from the agent's browser so far. */
  heard(): Int16Array;
}

/**
 * Who hears whom: `routes[listenerLegId]` = ids of the legs it hears. A two-party call is
 * `{a:[b], b:[a]}`; listen is the supervisor hearing both and nobody hearing the supervisor;
 * assist adds the supervisor to the agent's list only.
 */
export type Routing = Record<string, readonly string[]>;

export interface Room {
  readonly id: string;
  /** Adds or replaces legs and routing atomically. Legs not in `routes` hear nothing. */
  setRouting(routes: Routing): void;
  legs(): readonly Leg[];
  /** Stops mixing; does not hang up the legs. */
  close(): void;
}

export interface Recording {
  callId: string;
  /** A valid RIFF/WAVE, 8 kHz, 16-bit, mono: the mix of every leg in the call's room(s). */
  wav(): Uint8Array;
}

export interface Pbx {
  /** Current registration of a device, if any. */
  registration(device: DeviceName): Registration | undefined;
  /** Called on register, unregister, expiry and WebSocket loss. Returns an unsubscribe function. */
  onRegistrationChange(listener: (device: DeviceName, registration: Registration | undefined) => void): () => void;
  /** Sets or replaces the digest password a device authenticates with (from the scenario). */
  setDevicePassword(device: DeviceName, password: string): void;
  /** Rings an agent's browser. Ends with `unreachable` at once when the device is not registered. */
  callAgent(request: AgentLegRequest): AgentLeg;
  /** Creates a simulated outside party. */
  callCustomer(request: CustomerLegRequest): CustomerLeg;
  /** A mixing room for one platform call; recorded under `callId`. */
  createRoom(callId: string): Room;
  /** The recording of a platform call, once any audio was mixed for it. */
  recording(callId: string): Recording | undefined;
  /** Closes every leg, room and socket. */
  close(): Promise<void>;
  /**
   * Failure injection: closes agents' SIP WebSockets abruptly, like a network blip (the browser's
   * sip.js reconnects and re-registers by itself) — the socket `device` registered over, or every
   * one. With `refuseMs` > 0, new upgrades get 503 for that long. Answers how many sockets closed.
   * Registrations over them are removed and their calls' agent legs end `unreachable`.
   * Optional: a PBX without sockets (a test fake) has nothing to drop.
   */
  dropAgentSockets?(device?: DeviceName, refuseMs?: number): number;
}

// ---------------------------------------------------------------------------------------------
// Simulator-only additions (additive: `Pbx` and the leg interfaces above are unchanged).
// ---------------------------------------------------------------------------------------------

/** What the simulator's control page can do to a customer beyond what the center does. */
export interface SimulatedCustomerLeg extends CustomerLeg {
  /** The customer hangs up (the leg ends with `remote`). */
  hangupAsCustomer(): void;
}

/**
 * The PBX as `createPbx` returns it: the `Pbx` seam plus the WebSocket attachment the dev server
 * needs and a few inspection helpers for the control page and tests.
 */
export interface SimulatedPbx extends Pbx {
  /** Completes a WebSocket upgrade for SIP (call from an `http.Server` 'upgrade' handler on `/sip`). */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Handles `server`'s upgrades on `path` (default `/sip`); returns a detach function. */
  attach(server: Server, path?: string): () => void;
  dropAgentSockets(device?: DeviceName, refuseMs?: number): number;
  callCustomer(request: CustomerLegRequest): SimulatedCustomerLeg;
  /** A live (not ended) leg by id. */
  leg(id: string): Leg | undefined;
  /** Every live leg. */
  legs(): readonly Leg[];
  /** Counters for the control page and measurements. */
  stats(): PbxStats;
}

export interface PbxStats {
  connections: number;
  registrations: number;
  liveLegs: number;
  rooms: number;
  /** Media clock: ticks run and skipped, worst lateness, mean/max mixing time per tick (ms). */
  media: { ticks: number; skippedTicks: number; maxLatenessMs: number; meanTickMs: number; maxTickMs: number };
}
