/**
 * What a well-formed effect is, checked against the world outside the machine: platform commands,
 * as the Neotel adapter sends them, against the contract table (imported here, in the test only, because src/call
 * may not import a platform adapter), request ids against the state's counter and pending list.
 */
import { expect } from 'vitest';
import { NOTICES, OPERATIONS, type AgentState, type Effect } from '../../src/call/index.ts';
import { neoRequestOf } from '../../src/platforms/neotel/commands.ts';
import { NEO_METHODS, type NeoParamSpec } from '../../src/platforms/neotel/contract.ts';

const WALL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

function valueFits(spec: NeoParamSpec, value: unknown): boolean {
  switch (spec.type) {
    case 'int':
      return Number.isInteger(value) && typeof value === 'number' && Math.abs(value) <= 2 ** 31 - 1;
    case 'boolean':
      return typeof value === 'boolean';
    case 'dateTime':
      return typeof value === 'string' && WALL_TIME.test(value);
    case 'string':
      return typeof value === 'string';
  }
}

/** Fails unless the NeoApi request matches a method of the contract, parameter by parameter. */
export function expectContractRequest(effect: Extract<Effect, { kind: 'platform' }>): void {
  const { method, params } = neoRequestOf(effect.command);
  const spec = NEO_METHODS.find((candidate) => candidate.method === method);
  expect(spec, `NeoApi method ${method} is in the contract table`).toBeDefined();
  if (spec === undefined) return;
  const sent = Object.keys(params).sort();
  const required = spec.params.filter((param) => param.required).map((param) => param.name);
  const known = spec.params.map((param) => param.name);
  for (const name of required) expect(sent, `${method} sends its required parameter ${name}`).toContain(name);
  for (const name of sent) expect(known, `${method} parameter ${name} is declared by the contract`).toContain(name);
  for (const param of spec.params) {
    if (!(param.name in params)) continue;
    const value: unknown = (params as Readonly<Record<string, unknown>>)[param.name];
    expect(valueFits(param, value), `${method}.${param.name} = ${JSON.stringify(value)} fits XSD ${param.type}`).toBe(true);
  }
}

/**
 * Fails unless every effect of `before → after` is well-formed: NeoApi requests take the next ids
 * in order and are pending in `after`; SIP actions name a leg; notices and timers are known.
 */
export function expectWellFormedEffects(before: AgentState, after: AgentState, effects: readonly Effect[]): void {
  let nextId = before.nextRequest;
  for (const effect of effects) {
    switch (effect.kind) {
      case 'platform':
        expect(effect.requestId, `${effect.command.command} takes the next request id`).toBe(nextId);
        nextId += 1;
        expect(OPERATIONS).toContain(effect.op);
        expect(after.pending, `${effect.command.command} is pending after it is issued`).toContainEqual({ id: effect.requestId, op: effect.op });
        expect(before.pending.some((pending) => pending.id === effect.requestId), 'a fresh id is not already pending').toBe(false);
        expectContractRequest(effect);
        break;
      case 'sip':
        if (effect.action !== 'register' && effect.action !== 'unregister') expect(effect.legId, `sip ${effect.action} names a leg`).toMatch(/\S/);
        if (effect.action === 'reject') expect([486, 480]).toContain(effect.status);
        if (effect.action === 'dtmf') expect(effect.digit).toMatch(/^[0-9*#A-D]$/);
        break;
      case 'notify':
        expect(NOTICES).toContain(effect.notice);
        expect(['info', 'warning', 'error']).toContain(effect.level);
        break;
      case 'startTimer':
        expect(Number.isFinite(effect.at), 'a timer fires at a finite time').toBe(true);
        expect(effect.timer).toBe('autoRelease');
        break;
      case 'cancelTimer':
        expect(effect.timer).toBe('autoRelease');
        break;
      case 'logCall':
        expect(effect.call.callId !== null || effect.call.legId !== null, 'a logged call has a platform id or a leg').toBe(true);
        if (effect.final) expect(effect.call.endedAt, 'a final Task has an end time').not.toBeNull();
        break;
      case 'screenPop':
        expect(effect.call.popped, 'a pop records what it popped by').not.toBe('none');
        break;
      case 'ringer':
        expect(typeof effect.on).toBe('boolean');
        break;
    }
  }
  expect(after.nextRequest, 'the request counter advanced by the requests issued').toBe(nextId);
}
