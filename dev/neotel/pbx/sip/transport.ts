/**
 * SIP over WebSocket (RFC 7118), server side: accepts upgrades that offer the `sip` subprotocol,
 * reads one SIP message per text frame, answers CRLF keep-alives (RFC 5626 §4.4.1 as sip.js
 * sends them) and pings idle sockets so a vanished browser is noticed. Garbage never reaches the
 * PBX core: it gets a 400 when the sender can be addressed, and is logged and dropped otherwise.
 */

import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { createResponse, type SipMessage } from './message.ts';
import { parseSipMessage } from './parser.ts';

/** One browser's WebSocket. */
export interface SipConnection {
  readonly id: string;
  readonly remoteAddress: string;
  readonly remotePort: number;
  readonly open: boolean;
  send(message: SipMessage): void;
  close(): void;
}

export interface TransportEvents {
  message(connection: SipConnection, message: SipMessage): void;
  closed(connection: SipConnection): void;
}

export interface SipTransportOptions {
  /** Ping interval; a socket that misses one pong is dropped (default 30 s). */
  pingIntervalMs?: number;
  /** Every frame in and out, for debugging. */
  trace?: (direction: 'in' | 'out', connectionId: string, text: string) => void;
  log?: (line: string) => void;
}

class WebSocketConnection implements SipConnection {
  alive = true;

  constructor(
    readonly id: string,
    readonly socket: WebSocket,
    readonly remoteAddress: string,
    readonly remotePort: number,
    private readonly trace: SipTransportOptions['trace'],
  ) {}

  get open(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  send(message: SipMessage): void {
    const text = message.serialize();
    this.trace?.('out', this.id, text);
    if (this.open) this.socket.send(text);
  }

  close(): void {
    this.socket.close(1000, 'PBX closing');
  }
}

/** Accepts SIP WebSocket connections and turns frames into messages. */
export class SipWebSocketTransport {
  private readonly server = new WebSocketServer({
    noServer: true,
    maxPayload: 256 * 1024,
    handleProtocols: (protocols) => (protocols.has('sip') ? 'sip' : false),
  });
  private readonly connections = new Map<string, WebSocketConnection>();
  private readonly pingTimer: ReturnType<typeof setInterval>;
  private sequence = 0;
  /** Upgrades are refused until this instant (ms since epoch); see {@link refuseUpgrades}. */
  private refuseUntil = 0;

  constructor(
    private readonly events: TransportEvents,
    private readonly options: SipTransportOptions = {},
  ) {
    this.pingTimer = setInterval(() => this.pingAll(), options.pingIntervalMs ?? 30_000);
    this.pingTimer.unref();
  }

  /** Completes an HTTP upgrade (call from an http.Server 'upgrade' handler for the SIP path). */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const refusingMs = this.refuseUntil - Date.now();
    if (refusingMs > 0) {
      // What a proxy in front of a restarting PBX answers; the browser sees a failed WebSocket.
      socket.end(`HTTP/1.1 503 Service Unavailable\r\nRetry-After: ${Math.ceil(refusingMs / 1000)}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\nSIP WebSocket upgrades are refused for another ${refusingMs} ms (injected fault)\r\n`);
      return;
    }
    const offered = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim().toLowerCase());
    if (!offered.includes('sip')) {
      // RFC 7118 §4: the handshake must negotiate "sip"; say so instead of a bare close.
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\nSIP over WebSocket needs Sec-WebSocket-Protocol: sip\r\n');
      return;
    }
    this.server.handleUpgrade(request, socket, head, (ws) => this.accept(ws, request));
  }

  /** Routes `server`'s upgrades on `path` here; returns a function that detaches again. */
  attach(server: Server, path = '/sip'): () => void {
    const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
      const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (pathname === path) this.handleUpgrade(request, socket, head);
    };
    server.on('upgrade', onUpgrade);
    return () => server.off('upgrade', onUpgrade);
  }

  /** Refuses every new upgrade with 503 for `ms` from now (0 stops refusing). No timer is kept. */
  refuseUpgrades(ms: number): void {
    this.refuseUntil = ms > 0 ? Date.now() + ms : 0;
  }

  /**
   * Drops connections abruptly, without a WebSocket close frame, as a network blip does: the peer
   * sees close code 1006. `ids` limits it to those connections. Answers how many were dropped.
   */
  drop(ids?: ReadonlySet<string>): number {
    let dropped = 0;
    for (const connection of this.connections.values()) {
      if (ids !== undefined && !ids.has(connection.id)) continue;
      connection.socket.terminate();
      dropped++;
    }
    return dropped;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  close(): void {
    clearInterval(this.pingTimer);
    for (const connection of this.connections.values()) connection.socket.terminate();
    this.server.close();
  }

  private accept(socket: WebSocket, request: IncomingMessage): void {
    const id = `ws${++this.sequence}`;
    const connection = new WebSocketConnection(
      id, socket, request.socket.remoteAddress ?? '', request.socket.remotePort ?? 0, this.options.trace,
    );
    this.connections.set(id, connection);
    socket.on('pong', () => { connection.alive = true; });
    socket.on('message', (data, isBinary) => this.receive(connection, data, isBinary));
    socket.on('error', (error) => this.options.log?.(`${id}: socket error ${error.message}`));
    socket.on('close', () => {
      if (!this.connections.delete(id)) return;
      this.events.closed(connection);
    });
  }

  private receive(connection: WebSocketConnection, data: RawData, isBinary: boolean): void {
    const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
    this.options.trace?.('in', connection.id, text);
    if (/^(\r\n)+$/.test(text)) {
      if (!isBinary) connection.socket.send('\r\n');
      return;
    }
    const parsed = parseSipMessage(text);
    if (!parsed.ok) {
      this.options.log?.(`${connection.id}: unparseable frame (${parsed.error})`);
      if (parsed.replyable && parsed.replyable.method !== 'ACK') {
        connection.send(createResponse(parsed.replyable, 400, { reason: `Bad Request (${parsed.error})`.slice(0, 120).replace(/[\r\n]/g, ' ') }));
      }
      return;
    }
    try {
      this.events.message(connection, parsed.message);
    } catch (error) {
      // A bug in a handler must not take the server down with it; answer 500 where possible.
      this.options.log?.(`${connection.id}: handler failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      if (parsed.message.kind === 'request' && parsed.message.method !== 'ACK') {
        connection.send(createResponse(parsed.message, 500));
      }
    }
  }

  private pingAll(): void {
    for (const connection of this.connections.values()) {
      if (!connection.alive) {
        connection.socket.terminate();
        continue;
      }
      connection.alive = false;
      connection.socket.ping();
    }
  }
}
