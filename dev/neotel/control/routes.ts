/**
 * The control API under `/control/`: JSON over HTTP for the person playing the customer in a demo
 * and for tests. It drives the simulation from the outside (a customer calls, presses keys, hangs
 * up; the dialer starts or stops) and shows what happened (positions, calls, NeoApi requests,
 * recordings). Endpoints are listed in docs/dev-neotel.md "Control API".
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { BadRequestError, readJsonBody, sendJson, sendText } from '../../shared/http.ts';
import type { ContactCenter } from '../center/contact-center.ts';
import { NeoFault } from '../center/neo-fault.ts';
import type { NeoApiFaults } from '../neoapi/fault-injection.ts';
import type { NeoApiLog } from '../neoapi/request-log.ts';
import type { Pbx } from '../pbx/types.ts';
import { formatIssuePath } from '../scenario/load.ts';
import { failureRoute, type ResponseEncodingSlot } from './failure-routes.ts';
import { namesRoute, type DeploymentNames } from '../neoapi/deployment-names.ts';
import { controlPage } from './page.ts';

export interface ControlOptions {
  center: () => ContactCenter;
  log: NeoApiLog;
  /** Replaces the contact center (fresh state; a new scenario when given). */
  reset: (scenario?: unknown) => void;
  /** The NeoApi fault slot (`/control/faults/neoapi`). */
  faults: NeoApiFaults;
  /** The PBX whose agent sockets `/control/sip/drop` closes. */
  pbx: Pbx;
  /** The encoding NeoApi answers in (`/control/neoapi/encoding`). */
  encoding: ResponseEncodingSlot;
  /** The method and parameter names NeoApi answers under (`/control/neoapi/names`). */
  names: DeploymentNames;
}

const inboundSchema = z.object({
  number: z.string().min(1),
  queue: z.number().int().positive(),
  dnis: z.string().optional(),
  clave: z.string().optional(),
  data: z.string().optional(),
  toneHz: z.number().positive().optional(),
});
const digitsSchema = z.object({ digits: z.string().regex(/^[0-9*#A-Da-d]+$/, 'expected DTMF digits 0-9 * # A-D') });
const toneSchema = z.object({ hz: z.number().positive(), durationMs: z.number().int().positive().default(1000) });
const dialerSchema = z.object({ running: z.boolean() });
const numberSchema = z.object({ number: z.string().min(1), toneHz: z.number().positive().optional(), answerAfterMs: z.number().int().nonnegative().optional(), neverAnswer: z.boolean().optional() });
const click2CallSchema = z.object({ ramal: z.string().min(1), telefone: z.string().min(1), chave: z.string().optional() });

function parse<T>(schema: z.ZodType<T>, body: unknown, where: string): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${formatIssuePath(i.path)}: ${i.message}`).join('; ');
  throw new BadRequestError(`${where}: ${problems}; received ${JSON.stringify(body).slice(0, 200)}`);
}

/** What a control endpoint answers; sent by one function so every branch just returns a value. */
type Reply = { json: unknown; status?: number } | { text: string; status: number; type?: string } | { wav: Uint8Array; name: string };

function send(res: ServerResponse, reply: Reply): void {
  if ('json' in reply) sendJson(res, reply.status ?? 200, reply.json);
  else if ('text' in reply) sendText(res, reply.status, reply.text, reply.type);
  else {
    const { wav, name } = reply;
    res.writeHead(200, { 'Content-Type': 'audio/wav', 'Content-Length': wav.byteLength, 'Content-Disposition': `inline; filename="${name}.wav"`, 'Cache-Control': 'no-store' });
    res.end(Buffer.from(wav.buffer, wav.byteOffset, wav.byteLength));
  }
}

const notFound = (error: string): Reply => ({ json: { error }, status: 404 });

/**
 * Seed 001's recording download: `GET …?callid=<id>&telefone=<DDD+number>&chave=<key>` answers
 * only the WAV file. `telefone`, when given, must be the call's number (digits compared);
 * `chave` must equal the scenario's `recordingKey` when one is set.
 */
function recordingDownload(center: ContactCenter, url: URL): Reply {
  const callId = url.searchParams.get('callid') ?? '';
  const phone = url.searchParams.get('telefone') ?? '';
  const key = center.world.scenario.platform.recordingKey;
  if (callId === '') return { text: 'Missing parameter callid (the call id: Position IDLLAMADA or the Click2Call answer)', status: 400 };
  if (key !== '' && url.searchParams.get('chave') !== key) return { text: 'Invalid chave', status: 403 };
  const call = center.call(callId);
  const digits = (text: string): string => text.replace(/\D/g, '');
  if (!call || (phone !== '' && digits(call.number) !== digits(phone))) {
    return { text: `No recording for callid ${callId}${phone === '' ? '' : ` and telefone ${phone}`}`, status: 404 };
  }
  const wav = center.recording(callId);
  return wav ? { wav, name: callId } : { text: `No audio was mixed for callid ${callId}`, status: 404 };
}

/**
 * A recording server for the file name Position prints (`GRABACION=<phone>-<IDLLAMADA>-<time>.mp3`):
 * `GET /control/recordings/<file>` answers the call's mix as WAV (the name says .mp3 as on real
 * servers; the body is what the PBX recorded). What a deployment's `recordingUrlTemplate` points at.
 */
function recordingByFile(center: ContactCenter, file: string): Reply {
  const call = center.calls().find((c) => c.recordingFile !== '' && c.recordingFile === file);
  if (!call) return { text: `No recording named ${JSON.stringify(file)}`, status: 404 };
  const wav = center.recording(call.id);
  return wav ? { wav, name: call.id } : { text: `No audio was mixed for ${file}`, status: 404 };
}

/** Creates the handler; it answers `false` outside `/control`. */
export function createControlHandler(options: ControlOptions): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const route = async (req: IncomingMessage, url: URL): Promise<Reply> => {
    const center = options.center();
    // A loop, not `/\/+$/`: that regex retries from every slash of a long run (n² on a hostile path).
    let end = url.pathname.length;
    while (end > 0 && url.pathname.charAt(end - 1) === '/') end--;
    const path = url.pathname.slice(0, end) || '/';
    const method = req.method ?? 'GET';
    const key = `${method} ${path}`;
    switch (key) {
      case 'GET /control':
        return { text: controlPage(), status: 200, type: 'text/html; charset=utf-8' };
      case 'GET /control/state':
        return {
          json: {
            scenario: center.world.scenario.name,
            dialer: { running: center.world.dialerRunning },
            positions: center.positions(),
            calls: center.calls().filter((c) => c.phase !== 'ended'),
            queues: center.world.scenario.queues.map((q) => ({ id: q.id, name: q.name, waiting: center.calls().filter((c) => c.queue === q.id && c.phase === 'queued').map((c) => c.id) })),
            lastRequest: options.log.lastSeq,
          },
        };
      case 'GET /control/positions':
        return { json: center.positions() };
      case 'GET /control/calls':
        return { json: center.calls() };
      case 'GET /control/contacts':
        return { json: { ...center.world.contacts.snapshot(), dispositions: center.world.dispositionLog } };
      case 'GET /control/requests': {
        const since = Number(url.searchParams.get('since') ?? 0);
        return { json: options.log.list(Number.isFinite(since) ? since : 0, url.searchParams.get('method') ?? undefined) };
      }
      case 'DELETE /control/requests':
        options.log.clear();
        return { json: { ok: true } };
      case 'POST /control/inbound': {
        const input = parse(inboundSchema, await readJsonBody(req), key);
        const call = center.placeInbound({
          number: input.number,
          queue: input.queue,
          ...(input.dnis === undefined ? {} : { dnis: input.dnis }),
          ...(input.clave === undefined ? {} : { clave: input.clave }),
          ...(input.data === undefined ? {} : { data: input.data }),
          ...(input.toneHz === undefined ? {} : { toneHz: input.toneHz }),
        });
        return { json: { callId: call.id, call: center.call(call.id) }, status: 201 };
      }
      case 'POST /control/dialer':
        center.setDialerRunning(parse(dialerSchema, await readJsonBody(req), key).running);
        return { json: { running: center.world.dialerRunning } };
      case 'POST /control/numbers': {
        const { number, ...profile } = parse(numberSchema, await readJsonBody(req), key);
        center.world.numberProfiles.set(number, profile);
        return { json: { number, ...profile } };
      }
      case 'POST /control/reset': {
        const body = (await readJsonBody(req)) as { scenario?: unknown };
        options.reset(body.scenario);
        options.log.clear();
        return { json: { ok: true, scenario: options.center().world.scenario.name } };
      }
      case 'POST /control/click2call': {
        const input = parse(click2CallSchema, await readJsonBody(req), key);
        const session = center.world.sessions.get(input.ramal) ?? center.world.sessionOnDevice(input.ramal.includes('/') ? input.ramal : `SIP/${input.ramal}`);
        if (!session) return notFound(`No agent logged on extension ${JSON.stringify(input.ramal)}`);
        if (!center.dial(session.user.id, input.telefone)) return { json: { error: `Agent ${session.user.id} cannot dial now (in a call, unregistered or blocked number)` }, status: 409 };
        return { json: { callid: session.call?.id ?? '' } };
      }
      case 'GET /control/recording':
        return recordingDownload(center, url);
      default:
        if (method === 'GET' && path.startsWith('/control/recordings/')) return recordingByFile(center, decodeURIComponent(path.slice('/control/recordings/'.length)));
        return (await failureRoute(options, req, key)) ?? (await namesRoute(options.names, req, key)) ?? callRoute(center, req, method, path);
    }
  };

  const callRoute = async (center: ContactCenter, req: IncomingMessage, method: string, path: string): Promise<Reply> => {
    const match = /^\/control\/calls\/([^/]+)(?:\/(hangup|digits|tone|recording|customer-heard))?$/.exec(path);
    if (!match) return notFound(`No control endpoint ${method} ${path}; see GET /control/ and docs/dev-neotel.md`);
    const [, callId = '', action] = match;
    if (method === 'GET' && action === undefined) {
      const call = center.call(callId);
      return call ? { json: call } : notFound(`No call ${callId}`);
    }
    if (method === 'GET' && action === 'recording') {
      const wav = center.recording(callId);
      return wav ? { wav, name: callId } : notFound(`No recording for call ${callId}`);
    }
    if (method === 'GET' && action === 'customer-heard') {
      const wav = center.customerHeard(callId);
      return wav ? { wav, name: `${callId}-customer-heard` } : notFound(`No customer leg in call ${callId}`);
    }
    if (method !== 'POST' || action === undefined || action === 'recording' || action === 'customer-heard') return notFound(`No control endpoint ${method} ${path}`);
    if (!center.world.calls.has(callId)) return notFound(`No active call ${callId}; active: ${[...center.world.calls.keys()].join(', ') || 'none'}`);
    if (action === 'hangup') center.customerHangup(callId);
    else if (action === 'digits') center.pressDigits(callId, parse(digitsSchema, await readJsonBody(req), `POST ${path}`).digits);
    else {
      const tone = parse(toneSchema, await readJsonBody(req), `POST ${path}`);
      center.speakTone(callId, tone.hz, tone.durationMs);
    }
    return { json: { ok: true } };
  };

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://neotel.invalid');
    if (url.pathname !== '/control' && !url.pathname.startsWith('/control/')) return false;
    try {
      send(res, await route(req, url));
    } catch (error) {
      const status = error instanceof BadRequestError ? error.status : error instanceof NeoFault ? 409 : 400;
      sendJson(res, status, { error: (error as Error).message });
    }
    return true;
  };
}
