/**
 * A PBX without SIP or audio, for the contact center's tests: devices register on command, agent
 * legs ring until the test answers/declines them, customer legs answer after their delay (or on
 * command), and every routing a room receives is recorded.
 */
import type {
  AgentLeg,
  AgentLegRequest,
  CustomerLeg,
  CustomerLegRequest,
  DeviceName,
  Leg,
  LegEndReason,
  LegEvents,
  Pbx,
  Recording,
  Registration,
  Room,
  Routing,
} from '../../../dev/neotel/pbx/types.ts';

type Listener = (...args: never[]) => void;

abstract class FakeLeg implements Leg {
  abstract readonly kind: 'agent' | 'customer';
  state: Leg['state'] = 'ringing';
  endReason: LegEndReason | undefined;
  private readonly listeners = new Map<keyof LegEvents, Set<Listener>>();

  constructor(
    readonly id: string,
    readonly party: string,
  ) {}

  on<E extends keyof LegEvents>(event: E, listener: LegEvents[E]): () => void {
    const set = this.listeners.get(event) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(event, set);
    return () => set.delete(listener);
  }

  protected emit<E extends keyof LegEvents>(event: E, ...args: Parameters<LegEvents[E]>): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) (listener as (...a: Parameters<LegEvents[E]>) => void)(...args);
  }

  /** The party answers. */
  answer(): void {
    if (this.state !== 'ringing') throw new Error(`FakePbx: leg ${this.id} (${this.party}) cannot answer in state ${this.state}`);
    this.state = 'up';
    this.emit('answered');
  }

  /** Ends the leg with a reason (default `remote`: the party hung up / declined). */
  end(reason: LegEndReason = 'remote'): void {
    if (this.state === 'ended') return;
    this.state = 'ended';
    this.endReason = reason;
    this.emit('ended', reason);
  }

  hangup(): void {
    this.end('local');
  }

  /** A digit from this party. */
  digit(digit: string): void {
    this.emit('dtmf', digit);
  }

  heard(): Int16Array {
    return new Int16Array(0);
  }
}

export class FakeAgentLeg extends FakeLeg implements AgentLeg {
  readonly kind = 'agent' as const;
  constructor(
    id: string,
    readonly request: AgentLegRequest,
  ) {
    super(id, request.device);
  }
  /** The agent declines (486/480). */
  decline(): void {
    this.end('rejected');
  }
}

export class FakeCustomerLeg extends FakeLeg implements CustomerLeg {
  readonly kind = 'customer' as const;
  readonly tones: { hz: number; durationMs: number }[] = [];
  constructor(
    id: string,
    readonly request: CustomerLegRequest,
  ) {
    super(id, request.number);
  }
  speakTone(hz: number, durationMs: number): void {
    this.tones.push({ hz, durationMs });
  }
  pressDigits(digits: string): void {
    for (const d of digits) this.digit(d);
  }
}

export class FakeRoom implements Room {
  readonly routings: Routing[] = [];
  closed = false;
  constructor(
    readonly id: string,
    readonly callId: string,
    private readonly pbx: FakePbx,
  ) {}
  setRouting(routes: Routing): void {
    if (this.closed) throw new Error(`FakePbx: room ${this.id} of call ${this.callId} is closed`);
    for (const id of Object.keys(routes)) if (!this.pbx.legById(id)) throw new Error(`FakePbx: unknown leg ${id} in routing`);
    this.routings.push(routes);
  }
  get routing(): Routing {
    return this.routings.at(-1) ?? {};
  }
  legs(): readonly Leg[] {
    return Object.keys(this.routing).flatMap((id) => this.pbx.legById(id) ?? []);
  }
  close(): void {
    this.closed = true;
  }
}

export interface FakePbxOptions {
  /** Customer legs answer by themselves after `answerAfterMs` (default true). */
  autoAnswerCustomers?: boolean;
}

export class FakePbx implements Pbx {
  readonly passwords = new Map<string, string>();
  readonly agentLegs: FakeAgentLeg[] = [];
  readonly customerLegs: FakeCustomerLeg[] = [];
  readonly rooms: FakeRoom[] = [];
  private readonly registrations = new Map<string, Registration>();
  private readonly listeners = new Set<(device: DeviceName, registration: Registration | undefined) => void>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private sequence = 0;

  constructor(private readonly options: FakePbxOptions = {}) {}

  /** The device registers (like a browser REGISTER). */
  register(device: string, ip = '127.0.0.1', port = 51000): void {
    const registration = { device, ip, port, expiresAt: Date.now() + 600_000 };
    this.registrations.set(device, registration);
    for (const listener of this.listeners) listener(device, registration);
  }

  unregister(device: string): void {
    this.registrations.delete(device);
    for (const listener of this.listeners) listener(device, undefined);
  }

  registration(device: DeviceName): Registration | undefined {
    return this.registrations.get(device);
  }

  onRegistrationChange(listener: (device: DeviceName, registration: Registration | undefined) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setDevicePassword(device: DeviceName, password: string): void {
    this.passwords.set(device, password);
  }

  callAgent(request: AgentLegRequest): AgentLeg {
    const leg = new FakeAgentLeg(`agent-${++this.sequence}`, request);
    this.agentLegs.push(leg);
    if (!this.registrations.has(request.device)) {
      leg.end('unreachable');
    }
    return leg;
  }

  callCustomer(request: CustomerLegRequest): CustomerLeg {
    const leg = new FakeCustomerLeg(`customer-${++this.sequence}`, request);
    this.customerLegs.push(leg);
    if (this.options.autoAnswerCustomers !== false && !request.neverAnswer) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (leg.state === 'ringing') leg.answer();
      }, request.answerAfterMs ?? 0);
      this.timers.add(timer);
    }
    return leg;
  }

  createRoom(callId: string): Room {
    const room = new FakeRoom(`room-${++this.sequence}`, callId, this);
    this.rooms.push(room);
    return room;
  }

  recording(callId: string): Recording | undefined {
    const mixed = this.rooms.some((r) => r.callId === callId && r.routings.some((routes) => Object.keys(routes).length >= 2));
    if (!mixed) return undefined;
    return { callId, wav: () => fakeWav() };
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    for (const leg of [...this.agentLegs, ...this.customerLegs]) leg.hangup();
    await Promise.resolve();
  }

  legById(id: string): FakeAgentLeg | FakeCustomerLeg | undefined {
    return [...this.agentLegs, ...this.customerLegs].find((l) => l.id === id);
  }

  /** The latest agent leg rung on a device. */
  lastAgentLeg(device: string): FakeAgentLeg | undefined {
    return this.agentLegs.filter((l) => l.request.device === device).at(-1);
  }

  /** The latest customer leg for a number. */
  lastCustomerLeg(number: string): FakeCustomerLeg | undefined {
    return this.customerLegs.filter((l) => l.request.number === number).at(-1);
  }

  roomOf(callId: string): FakeRoom | undefined {
    return this.rooms.filter((r) => r.callId === callId).at(-1);
  }
}

/** A valid 44-byte-header WAV with 160 silent samples (8 kHz, 16-bit, mono). */
export function fakeWav(): Uint8Array {
  const samples = 160;
  const buffer = Buffer.alloc(44 + samples * 2);
  buffer.write('RIFF', 0, 'ascii');
  buffer.writeUInt32LE(36 + samples * 2, 4);
  buffer.write('WAVEfmt ', 8, 'ascii');
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(1, 22);
  buffer.writeUInt32LE(8000, 24);
  buffer.writeUInt32LE(16000, 28);
  buffer.writeUInt16LE(2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write('data', 36, 'ascii');
  buffer.writeUInt32LE(samples * 2, 40);
  return new Uint8Array(buffer);
}
