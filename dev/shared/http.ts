import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/** A request handler for {@link listen}. Throwing is allowed: the caller answers 500. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface ListenOptions {
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Interface to bind. Dev servers bind loopback only (network rule). */
  bindAddress?: string;
  /** PEM key and certificate: serve https instead of http. */
  tls?: { key: string; cert: string };
}

export interface ListeningServer {
  server: Server;
  port: number;
  /** Stops listening and drops open connections (long-lived event streams included). */
  close(): Promise<void>;
}

/**
 * Starts an http(s) server on loopback. A handler that throws gets a 500 with the message, so a
 * bug in a dev server shows up in the browser instead of killing the process.
 */
export async function listen(handler: RequestHandler, options: ListenOptions): Promise<ListeningServer> {
  const wrapped = (req: IncomingMessage, res: ServerResponse): void => {
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (!res.headersSent) sendJson(res, 500, { error: message });
        else res.end();
      });
  };
  const server: Server = options.tls ? createHttpsServer(options.tls, wrapped) : createHttpServer(wrapped);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.bindAddress ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Answers with a JSON body and `Cache-Control: no-store` (dev state changes all the time). */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** Answers with plain text. */
export function sendText(res: ServerResponse, status: number, text: string, contentType = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}

/** Thrown by {@link readJsonBody} for a body that is too large or not JSON; carries the HTTP status. */
export class BadRequestError extends Error {
  readonly status: number;
  constructor(message: string, status = 400) {
    super(message);
    this.status = status;
    this.name = 'BadRequestError';
  }
}

/**
 * Reads a JSON request body of at most `limitBytes`. An empty body reads as `{}` so that
 * POSTs without arguments need no body.
 */
export async function readJsonBody(req: IncomingMessage, limitBytes = 2_000_000): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) throw new BadRequestError(`Request body is larger than ${limitBytes} bytes`, 413);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new BadRequestError(`Request body is not JSON (${(error as Error).message}); received ${JSON.stringify(text.slice(0, 80))}`);
  }
}
