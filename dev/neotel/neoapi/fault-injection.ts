/**
 * Failure injection for NeoApi: makes web-method calls fail the way real servers and networks do,
 * so the softphone's resilience can be tested end to end (`POST /control/faults/neoapi`).
 *
 *   error500  answered like a real exception (HTTP 500 text/plain, or a SOAP fault), text chosen
 *   hang      the request is accepted and never answered; the socket is closed cleanly (FIN) when
 *             the fault is cleared, or after {@link HANG_LIMIT_MS} so nothing is held forever
 *   reset     the TCP socket is reset (RST) without an answer
 *
 * A faulted request never reaches the contact center, so it changes nothing there (a faulted
 * Login does not log in). Only web-method calls are faulted (HTTP GET/POST `…/<Method>` and SOAP),
 * never the WSDL or the help page.
 */
import type { Socket } from 'node:net';
import { NEO_OPERATIONS } from '../../../src/platforms/neotel/contract.ts';

/** The modes `POST /control/faults/neoapi` accepts (`none` clears). */
export const NEOAPI_FAULT_MODES = ['none', 'error500', 'hang', 'reset'] as const;
export type NeoApiFaultMode = (typeof NEOAPI_FAULT_MODES)[number];

/** What a test asks for. */
export interface NeoApiFaultRequest {
  mode: NeoApiFaultMode;
  /** Wire names, case-insensitive; a canonical name also covers its aliases. Omitted: every method. */
  methods?: readonly string[];
  /** How many matching requests to fault, then the fault clears itself. Omitted: until cleared. */
  count?: number;
  /** error500 only: the exception text (HTTP body before its CRLF; SOAP faultstring). */
  text?: string;
}

/** The active fault, as `GET /control/faults/neoapi` answers it. */
export interface NeoApiFaultState {
  mode: NeoApiFaultMode;
  /** The method names as given; `null` = every method. */
  methods: string[] | null;
  /** Matching requests still to fault; `null` = until cleared. */
  remaining: number | null;
  /** The 500 text (error500), else `null`. */
  text: string | null;
  /** Requests faulted since this fault was set. */
  faulted: number;
  /** Requests held open right now by `hang` (these survive a self-clearing `count`). */
  hanging: number;
}

/** What the NeoApi handler must do with one request. */
export type NeoApiFaultAction = { mode: 'error500'; text: string } | { mode: 'hang' } | { mode: 'reset' };

/** The generic text of `error500`: what ASP.NET prints for an unhandled `System.Exception`. */
export const DEFAULT_FAULT_TEXT = 'Server was unable to process request. ---> System.Exception: Simulated failure';

/** A hung request is closed after this long even if nobody clears the fault. */
export const HANG_LIMIT_MS = 120_000;

/** Lower-cased wire names a fault on `name` covers: the name itself and, for a canonical name, its aliases. */
function coveredNames(name: string): string[] {
  const operation = [...NEO_OPERATIONS.values()].find((op) => op.wireName.toLowerCase() === name.toLowerCase());
  if (!operation) return [name.toLowerCase()];
  const aliases = operation.spec.method === operation.wireName ? operation.spec.aliases : [];
  return [operation.wireName, ...aliases].map((n) => n.toLowerCase());
}

/** Whether `name` is a NeoApi wire name (case-insensitive). */
export function isNeoApiWireName(name: string): boolean {
  return [...NEO_OPERATIONS.keys()].some((wireName) => wireName.toLowerCase() === name.toLowerCase());
}

interface ActiveFault {
  mode: Exclude<NeoApiFaultMode, 'none'>;
  methods: string[] | null;
  covered: Set<string> | null;
  remaining: number | null;
  text: string;
  faulted: number;
}

/** The simulator's one NeoApi fault slot, shared by the NeoApi handler and the control API. */
export class NeoApiFaults {
  private active: ActiveFault | undefined;
  private readonly hung = new Map<Socket, ReturnType<typeof setTimeout>>();

  constructor(private readonly hangLimitMs = HANG_LIMIT_MS) {}

  /** Replaces the active fault (`mode: 'none'` clears it). Requests already hanging stay held. */
  set(request: NeoApiFaultRequest): NeoApiFaultState {
    if (request.mode === 'none') return this.clear();
    const methods = request.methods === undefined ? null : [...request.methods];
    this.active = {
      mode: request.mode,
      methods,
      covered: methods === null ? null : new Set(methods.flatMap(coveredNames)),
      remaining: request.count ?? null,
      text: request.text ?? DEFAULT_FAULT_TEXT,
      faulted: 0,
    };
    return this.state();
  }

  /** Clears the fault and closes every hung request's socket cleanly. */
  clear(): NeoApiFaultState {
    this.active = undefined;
    for (const socket of [...this.hung.keys()]) this.release(socket);
    return this.state();
  }

  state(): NeoApiFaultState {
    const active = this.active;
    return {
      mode: active?.mode ?? 'none',
      methods: active?.methods ?? null,
      remaining: active?.remaining ?? null,
      text: active?.mode === 'error500' ? active.text : null,
      faulted: active?.faulted ?? 0,
      hanging: this.hung.size,
    };
  }

  /**
   * Called once per web-method request with the wire name asked for: the fault to apply, or
   * `undefined` to serve it normally. Counts the request against `count`.
   */
  take(method: string): NeoApiFaultAction | undefined {
    const active = this.active;
    if (!active || (active.covered !== null && !active.covered.has(method.toLowerCase()))) return undefined;
    active.faulted++;
    if (active.remaining !== null && --active.remaining <= 0) this.active = undefined;
    return active.mode === 'error500' ? { mode: 'error500', text: active.text } : { mode: active.mode };
  }

  /** Holds `socket` without answering until {@link clear}, the client leaving, or the hang limit. */
  hold(socket: Socket): void {
    if (this.hung.has(socket)) return;
    const timer = setTimeout(() => this.release(socket), this.hangLimitMs);
    timer.unref();
    this.hung.set(socket, timer);
    socket.once('close', () => {
      clearTimeout(timer);
      this.hung.delete(socket);
    });
  }

  /** Resets the connection (RST): the client sees ECONNRESET, as when a proxy or server dies. */
  reset(socket: Socket): void {
    socket.resetAndDestroy();
  }

  /** Releases everything (the server is closing). */
  close(): void {
    this.clear();
  }

  private release(socket: Socket): void {
    const timer = this.hung.get(socket);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.hung.delete(socket);
    // FIN, then destroy once it is written: a clean close, no answer.
    socket.end(() => socket.destroy());
  }
}
