/**
 * A stand-in for the HTTP telephony API of seed 001 (Finaz "Telefonia Genérica") and the end-of-call
 * listener of seed 002 (Senior WConnect), in front of a real PBX the caller provides:
 *
 *   POST /click2call   body {ramal, telefone, chave} as JSON or form → 200 text/plain `1733412345.1`
 *                      (the PBX places the call: the `telefone` party calls the agent's `ramal`)
 *   GET  /gravacao?callid=…&telefone=…&chave=…  → 200 audio/wav, the call's recording
 *   after a call ends: GET <endNotifyUrl>?ramal=…&telefone=…&url_audio=… (seed 002's FinalizaLigacao)
 *
 * Faithful quirks (docs/dev-http-telephony.md): the call id is Asterisk's `uniqueid` shape
 * (epoch seconds, a dot, a counter); a wrong or missing `chave` is 401 with a text body; the
 * recording of an unknown or still-running call is 404; `telefone` must be DDD + number digits
 * (10–13), anything else is 400 saying so. The API allows any origin (CORS), as the softphone
 * calls it from the browser; the preflight of a JSON POST is answered.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, sendText, type ListeningServer } from '../shared/http.ts';

/** The PBX behind the API (the e2e suite plugs in Kamailio + baresip). */
export interface TelephonyPbx {
  /** Places the call: `telefone` rings the agent's extension `ramal`. Resolves once the call is on its way. */
  originate(ramal: string, telefone: string, callId: string): Promise<void>;
  /** The call's recording as a WAV, or undefined while it is unknown or still running. */
  recording(callId: string): Promise<Uint8Array | undefined>;
}

export interface HttpTelephonyOptions {
  pbx: TelephonyPbx;
  /** The `chave` every request must carry; undefined = not checked (seed 001: optional). */
  chave?: string;
  /** Seed 002's end-of-call listener; `notifyCallEnded` GETs it. */
  endNotifyUrl?: string;
  port?: number;
}

export interface RunningHttpTelephony {
  readonly url: string;
  /** Every request as `METHOD path` with the secret replaced by `***` (what a log may keep). */
  readonly requests: string[];
  /** The calls placed: call id → ramal and telefone. */
  readonly calls: ReadonlyMap<string, { ramal: string; telefone: string }>;
  /** Tells the API a call ended: it GETs `endNotifyUrl` with ramal, telefone and url_audio. */
  notifyCallEnded(callId: string): Promise<number | undefined>;
  close(): Promise<void>;
}

const CORS = { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, POST, OPTIONS', 'access-control-allow-headers': 'content-type, authorization' };

async function readBody(req: IncomingMessage): Promise<Record<string, string>> {
  let text = '';
  for await (const chunk of req) {
    text += (chunk as Buffer).toString('utf8');
    if (text.length > 10_000) throw new Error('body larger than 10 000 bytes');
  }
  if ((req.headers['content-type'] ?? '').includes('json')) {
    const parsed: unknown = JSON.parse(text === '' ? '{}' : text);
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, typeof value === 'string' || typeof value === 'number' ? String(value) : '']));
  }
  return Object.fromEntries(new URLSearchParams(text));
}

/** Starts the API on 127.0.0.1. */
export async function startHttpTelephony(options: HttpTelephonyOptions): Promise<RunningHttpTelephony> {
  const requests: string[] = [];
  const calls = new Map<string, { ramal: string; telefone: string }>();
  let counter = 0;
  const hide = (text: string): string => (options.chave === undefined || options.chave === '' ? text : text.split(options.chave).join('***'));
  const answer = (res: ServerResponse, status: number, text: string, type = 'text/plain; charset=utf-8'): void => {
    for (const [name, value] of Object.entries(CORS)) res.setHeader(name, value);
    sendText(res, status, text, type);
  };
  const keyOk = (chave: string | undefined): boolean => options.chave === undefined || chave === options.chave;

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(hide(`${req.method ?? 'GET'} ${url.pathname}${url.search}`));
    if (req.method === 'OPTIONS') {
      for (const [name, value] of Object.entries(CORS)) res.setHeader(name, value);
      res.writeHead(204).end();
      return;
    }
    if (req.method === 'POST' && url.pathname === '/click2call') {
      let body: Record<string, string>;
      try {
        body = await readBody(req);
      } catch (error) {
        answer(res, 400, `Corpo inválido: ${error instanceof Error ? error.message : String(error)} (esperado JSON {"ramal","telefone","chave"}).`);
        return;
      }
      if (!keyOk(body.chave)) {
        answer(res, 401, 'Chave inválida.');
        return;
      }
      const ramal = body.ramal ?? '';
      const telefone = body.telefone ?? '';
      if (!/^[\w.-]{1,32}$/.test(ramal)) {
        answer(res, 400, `ramal ${JSON.stringify(ramal)} inválido (esperado o ramal SIP do operador, ex. 1001).`);
        return;
      }
      if (!/^\d{10,13}$/.test(telefone)) {
        answer(res, 400, `telefone ${JSON.stringify(telefone)} inválido (esperado DDD + número, ex. 41988445566).`);
        return;
      }
      counter++;
      const callId = `${Math.floor(Date.now() / 1000)}.${counter}`;
      calls.set(callId, { ramal, telefone });
      await options.pbx.originate(ramal, telefone, callId);
      answer(res, 200, callId);
      return;
    }
    if (req.method === 'GET' && url.pathname === '/gravacao') {
      if (!keyOk(url.searchParams.get('chave') ?? undefined)) {
        answer(res, 401, 'Chave inválida.');
        return;
      }
      const callId = url.searchParams.get('callid') ?? '';
      if (!calls.has(callId)) {
        answer(res, 404, `Chamada ${JSON.stringify(callId)} desconhecida.`);
        return;
      }
      const wav = await options.pbx.recording(callId);
      if (!wav) {
        answer(res, 404, `A gravação da chamada ${callId} ainda não existe (a chamada terminou?).`);
        return;
      }
      for (const [name, value] of Object.entries(CORS)) res.setHeader(name, value);
      res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': String(wav.byteLength) }).end(Buffer.from(wav));
      return;
    }
    answer(res, 404, `Não encontrado: ${req.method ?? 'GET'} ${url.pathname}`);
  };

  const server: ListeningServer = await listen(handler, { port: options.port ?? 0, bindAddress: '127.0.0.1' });
  const base = `http://127.0.0.1:${server.port}`;
  return {
    url: base,
    requests,
    calls,
    notifyCallEnded: async (callId) => {
      const call = calls.get(callId);
      if (!call || options.endNotifyUrl === undefined) return undefined;
      const target = new URL(options.endNotifyUrl);
      target.searchParams.set('ramal', call.ramal);
      target.searchParams.set('telefone', call.telefone);
      target.searchParams.set('url_audio', `${base}/gravacao?callid=${encodeURIComponent(callId)}&telefone=${call.telefone}`);
      const response = await fetch(target, { signal: AbortSignal.timeout(5000) });
      return response.status;
    },
    close: () => server.close(),
  };
}
