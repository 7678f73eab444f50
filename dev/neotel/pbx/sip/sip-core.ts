/**
 * The PBX's SIP core: takes parsed messages from the WebSocket transport and routes them —
 * responses to the client transaction that sent the request (by Via branch), in-dialog requests
 * to their dialog (by Call-ID + our tag), REGISTER to the registrar — and answers the rest the way
 * an Asterisk endpoint would: OPTIONS 200, browser-originated INVITE 403 (calls are placed through
 * NeoApi `Dial`, never by the phone), unknown dialogs 481, other methods 405.
 */

import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { createResponse, type SipMessage, type SipRequest, type SipResponse } from './message.ts';
import { Registrar, type RegistrarOptions } from './registrar.ts';
import { tagOf, topVia } from './syntax.ts';
import { SipWebSocketTransport, type SipConnection, type SipTransportOptions } from './transport.ts';

/** Receives the requests of one dialog. */
export interface DialogHandler {
  onRequest(request: SipRequest): void;
  /** The WebSocket the dialog runs over closed: no more signalling is possible. */
  onConnectionLost(): void;
}

export interface SipCoreOptions extends SipTransportOptions {
  registrar: RegistrarOptions;
}

const ALLOW = 'INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, REGISTER';

export class SipCore {
  readonly registrar: Registrar;
  private readonly transport: SipWebSocketTransport;
  private readonly transactions = new Map<string, (response: SipResponse) => void>();
  private readonly dialogs = new Map<string, { connection: SipConnection; handler: DialogHandler }>();

  constructor(private readonly options: SipCoreOptions) {
    this.registrar = new Registrar({ ...options.registrar, ...(options.log ? { log: options.log } : {}) });
    this.transport = new SipWebSocketTransport(
      { message: (connection, message) => this.dispatch(connection, message), closed: (connection) => this.connectionClosed(connection) },
      options,
    );
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.transport.handleUpgrade(request, socket, head);
  }

  attach(server: Server, path?: string): () => void {
    return this.transport.attach(server, path);
  }

  /**
   * Closes agents' WebSockets abruptly (the one `device` is registered over, or every one); with
   * `refuseMs` > 0 new upgrades are refused that long first, so reconnects meet a PBX that is down.
   * The close runs the usual socket-loss path: bindings removed, dialogs told the connection is lost.
   */
  dropAgentSockets(device?: string, refuseMs = 0): number {
    if (refuseMs > 0) this.transport.refuseUpgrades(refuseMs);
    if (device === undefined) return this.transport.drop();
    const connection = this.registrar.binding(device)?.connection;
    return connection ? this.transport.drop(new Set([connection.id])) : 0;
  }

  get connectionCount(): number {
    return this.transport.connectionCount;
  }

  /** Routes responses whose top Via carries `branch` to `handler` until the returned function is called. */
  onResponses(branch: string, handler: (response: SipResponse) => void): () => void {
    this.transactions.set(branch, handler);
    return () => {
      if (this.transactions.get(branch) === handler) this.transactions.delete(branch);
    };
  }

  /** Routes requests of dialog (callId, our tag) to `handler` until the returned function is called. */
  onDialog(callId: string, localTag: string, connection: SipConnection, handler: DialogHandler): () => void {
    const key = `${callId}\n${localTag}`;
    this.dialogs.set(key, { connection, handler });
    return () => {
      if (this.dialogs.get(key)?.handler === handler) this.dialogs.delete(key);
    };
  }

  close(): void {
    this.transport.close();
    this.registrar.close();
    this.transactions.clear();
    this.dialogs.clear();
  }

  private dispatch(connection: SipConnection, message: SipMessage): void {
    if (message.kind === 'response') {
      const branch = topVia(message.getAll('via'))?.params.branch;
      const handler = branch === undefined ? undefined : this.transactions.get(branch);
      if (handler) handler(message);
      else this.options.log?.(`${connection.id}: stray response ${message.status} (branch ${branch ?? 'none'})`);
      return;
    }
    const toTag = tagOf(message.get('to'));
    if (toTag !== undefined) {
      const dialog = this.dialogs.get(`${message.get('call-id') ?? ''}\n${toTag}`);
      if (dialog) dialog.handler.onRequest(message);
      else if (message.method !== 'ACK') connection.send(createResponse(message, 481));
      return;
    }
    switch (message.method) {
      case 'REGISTER':
        connection.send(this.registrar.handleRegister(message, connection));
        return;
      case 'OPTIONS':
        connection.send(createResponse(message, 200, { toTag: 'pbx', headers: { Allow: ALLOW, Accept: 'application/sdp', Supported: 'outbound' } }));
        return;
      case 'INVITE':
        // Neotel agents never dial from the phone: NeoApi Dial makes the platform ring them first.
        connection.send(createResponse(message, 403, { toTag: 'pbx', reason: 'Forbidden (place calls through NeoApi Dial)' }));
        return;
      case 'ACK':
        return;
      case 'CANCEL':
      case 'BYE':
      case 'INFO':
        connection.send(createResponse(message, 481));
        return;
      default:
        connection.send(createResponse(message, 405, { toTag: 'pbx', headers: { Allow: ALLOW } }));
    }
  }

  private connectionClosed(connection: SipConnection): void {
    this.registrar.dropConnection(connection);
    for (const [key, dialog] of [...this.dialogs]) {
      if (dialog.connection !== connection) continue;
      this.dialogs.delete(key);
      dialog.handler.onConnectionLost();
    }
  }
}
