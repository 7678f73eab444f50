/**
 * Failure injection endpoints of the control API (docs/dev-neotel.md "Failure injection"):
 *
 *   GET|POST|DELETE /control/faults/neoapi   NeoApi answers 500, hangs, or resets the connection
 *   GET|POST        /control/neoapi/encoding NeoApi answers in Latin-1, with or without charset=
 *   POST            /control/sip/drop        agents' SIP WebSockets drop; upgrades may be refused
 */
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { BadRequestError, readJsonBody } from '../../shared/http.ts';
import { isNeoApiWireName, NEOAPI_FAULT_MODES, type NeoApiFaults } from '../neoapi/fault-injection.ts';
import { RESPONSE_ENCODINGS, type ResponseEncoding } from '../neoapi/response-encoding.ts';
import type { Pbx } from '../pbx/types.ts';
import { describeIssue } from '../scenario/load.ts';

/** Longest refusal of SIP upgrades one drop may ask for (10 minutes): nothing stays broken by accident. */
export const MAX_REFUSE_MS = 600_000;

const neoApiFaultSchema = z.strictObject({
  mode: z.enum(NEOAPI_FAULT_MODES),
  methods: z
    .array(z.string().refine(isNeoApiWireName, 'not a NeoApi method; expected a wire name listed at /neoapi/webservice.asmx (case-insensitive), e.g. Login, Position'))
    .min(1, 'expected at least one method name (omit methods to fault every method)')
    .optional(),
  count: z.number().int().positive().optional(),
  text: z.string().min(1).max(10_000).optional(),
});

const sipDropSchema = z.strictObject({
  device: z.string().regex(/^[A-Za-z]+\/\S+$/, 'expected a device name like SIP/1001').optional(),
  refuseMs: z.number().int().nonnegative().max(MAX_REFUSE_MS).optional(),
});

function parseBody<T>(schema: z.ZodType<T>, body: unknown, where: string): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw new BadRequestError(`${where}: ${result.error.issues.map((issue) => describeIssue(body, issue)).join('; ')}`);
}

const encodingSchema = z.strictObject({
  encoding: z.enum(RESPONSE_ENCODINGS),
  charsetInHeader: z.boolean().optional(),
});

/** Where the server keeps its response encoding (a reset puts UTF-8 back). */
export interface ResponseEncodingSlot {
  get(): ResponseEncoding;
  set(encoding: ResponseEncoding): void;
}

export interface FailureRouteOptions {
  faults: NeoApiFaults;
  pbx: Pbx;
  encoding: ResponseEncodingSlot;
}

/** Answers a failure-injection endpoint, or `undefined` when `key` (`METHOD /path`) is not one. */
export async function failureRoute(options: FailureRouteOptions, req: IncomingMessage, key: string): Promise<{ json: unknown; status?: number } | undefined> {
  switch (key) {
    case 'GET /control/faults/neoapi':
      return { json: options.faults.state() };
    case 'POST /control/faults/neoapi': {
      const fault = parseBody(neoApiFaultSchema, await readJsonBody(req), key);
      return { json: options.faults.set(fault) };
    }
    case 'DELETE /control/faults/neoapi':
      return { json: options.faults.clear() };
    case 'GET /control/neoapi/encoding':
      return { json: options.encoding.get() };
    case 'POST /control/neoapi/encoding': {
      const { encoding, charsetInHeader = true } = parseBody(encodingSchema, await readJsonBody(req), key);
      options.encoding.set({ encoding, charsetInHeader });
      return { json: options.encoding.get() };
    }
    case 'POST /control/sip/drop': {
      const { device, refuseMs = 0 } = parseBody(sipDropSchema, await readJsonBody(req), key);
      if (!options.pbx.dropAgentSockets) return { json: { error: 'This PBX has no SIP WebSockets to drop (a test fake?); start the simulator with its real PBX' }, status: 501 };
      const closed = options.pbx.dropAgentSockets(device, refuseMs);
      return { json: { closed, refusingUntil: refuseMs > 0 ? new Date(Date.now() + refuseMs).toISOString() : null } };
    }
    default:
      return undefined;
  }
}
