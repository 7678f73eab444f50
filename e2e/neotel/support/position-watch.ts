/**
 * Polls NeoApi `Position` for one agent like a client does, parses every answer with the client's
 * own parser (src/platforms/neotel/position.ts) and keeps what it saw, so a test can wait for a state with a
 * clear failure message and check afterwards that the dialer delivered each call exactly once.
 */
import { parsePosition, type ParsedPosition } from '../../../src/platforms/neotel/position.ts';
import type { NeoApiHttp, NeoBinding } from './neoapi-http.ts';

export interface PositionSample {
  /** ms since the watch started */
  at: number;
  position: ParsedPosition;
}

/** The fields a failure message shows, in a line a human can read. */
export function describePosition(position: ParsedPosition): string {
  const get = (key: string): string => position.entries.get(key) ?? '∅';
  return ['ESTADO_CRM', 'IDLLAMADA', 'SUB_ESTADO', 'TIPO_LLAMADA', 'DIRECCION', 'TELEFONO', 'ANI', 'COLA', 'BASE', 'IDCONTACTO', 'DATA', 'IDLLAMADA_ULT', 'STATUS']
    .map((key) => `${key}=${get(key)}`)
    .join(' ');
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class PositionWatch {
  private readonly started = performance.now();
  /** Every distinct (ESTADO_CRM, IDLLAMADA, SUB_ESTADO) the watch saw, in order. */
  readonly transitions: PositionSample[] = [];
  private readonly getContactEdges = new Map<string, number>();
  private previous: ParsedPosition | undefined;
  private requested = 0;
  private recordedSequence = 0;
  private background: Promise<void> | undefined;
  private stopRequested = false;

  constructor(
    private readonly neo: NeoApiHttp,
    readonly user: string,
    private readonly binding: NeoBinding = 'GET',
  ) {}

  /** One `Position(USUARIO)` call, parsed and recorded. */
  async read(): Promise<ParsedPosition> {
    const sequence = ++this.requested;
    const position = parsePosition(await this.neo.call('Position', { USUARIO: this.user }, this.binding));
    if (position.problems.length > 0) throw new Error(`Position of ${this.user} has problems: ${JSON.stringify(position.problems)}`);
    // Background and foreground polls overlap: an answer older than one already recorded would
    // replay a past state and fake a second delivery.
    if (sequence > this.recordedSequence) {
      this.recordedSequence = sequence;
      this.record(position);
    }
    return position;
  }

  /** Polls until `predicate` holds; fails with what was expected and the last Position seen. */
  async until(expectation: string, predicate: (position: ParsedPosition) => boolean, timeoutMs = 5000, intervalMs = 100): Promise<ParsedPosition> {
    const deadline = performance.now() + timeoutMs;
    let last: ParsedPosition | undefined;
    for (let attempt = 0; attempt < 10_000; attempt++) {
      last = await this.read();
      if (predicate(last)) return last;
      if (performance.now() >= deadline) break;
      await sleep(intervalMs);
    }
    throw new Error(`Position of ${this.user}: expected ${expectation} within ${timeoutMs} ms; last seen: ${last ? describePosition(last) : 'nothing'}`);
  }

  /** Polls every `intervalMs` in the background (a client polls every second; we poll faster to miss nothing). */
  startPolling(intervalMs = 150): void {
    if (this.background) return;
    this.stopRequested = false;
    this.background = (async () => {
      // Bounded: at most ~5 minutes of polling, whatever happens to the test.
      for (let i = 0; i < Math.ceil(300_000 / intervalMs) && !this.stopRequested; i++) {
        await this.read().catch(() => undefined); // a poll racing a logout may fail; the next wait reports it
        await sleep(intervalMs);
      }
    })();
  }

  async stopPolling(): Promise<void> {
    this.stopRequested = true;
    await this.background;
    this.background = undefined;
  }

  /** How many times each IDLLAMADA was delivered: ESTADO_CRM became GetContact with that call id. */
  deliveries(): ReadonlyMap<string, number> {
    return this.getContactEdges;
  }

  private record(position: ParsedPosition): void {
    const previous = this.previous;
    this.previous = position;
    const key = (p: ParsedPosition | undefined): string => `${p?.crmState}|${p?.callId}|${p?.subState}`;
    if (key(previous) === key(position)) return;
    this.transitions.push({ at: Math.round(performance.now() - this.started), position });
    if (this.transitions.length > 500) this.transitions.shift();
    const callId = position.callId;
    const delivered = position.crmState === 'GetContact' && callId !== undefined;
    const wasDelivered = previous?.crmState === 'GetContact' && previous.callId === callId;
    if (delivered && !wasDelivered) this.getContactEdges.set(callId, (this.getContactEdges.get(callId) ?? 0) + 1);
  }
}
