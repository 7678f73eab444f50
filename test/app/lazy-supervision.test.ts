/**
 * Supervision's code loads at REGISTER 200 (src/app/lazy-supervision.ts, docs/monitoring.md "When
 * the code loads"): what arrives before it is in is claimed or held, never lost. The real desk and
 * the real Neotel adapter over a fake NeoApi; the chunk's fetch is held back by a gate.
 */
import { describe, expect, it } from 'vitest';
import { LazySupervision, type SupervisionCode } from '../../src/app/lazy-supervision.ts';
import * as monitoringLog from '../../src/app/monitoring-log.ts';
import type { PhoneLike } from '../../src/app/phone-bridge.ts';
import * as supervisionDesk from '../../src/app/supervision-desk.ts';
import { initialState, parseCallId, parseNeoUser, parseSipLegId, type AgentEvent, type AgentState } from '../../src/call/index.ts';
import type { Config } from '../../src/config/index.ts';
import { CONTRACT_NAMING } from '../../src/config/neoapi-methods.ts';
import type { AgentView } from '../../src/controllers/agent-view.ts';
import { NeotelPlatform } from '../../src/platforms/neotel/neotel-platform.ts';

const config = {
  supervision: { supervisorUserIds: ['2001'], monitoredUsers: [], showMonitoringToAgent: true },
  transfers: { users: [] },
  connection: { neoApiMethods: { methods: {}, params: {} } },
} as unknown as Config;

function loggedIn(user: string): AgentState {
  return { ...initialState(), phase: 'ready', session: { user: parseNeoUser(user)!, device: `SIP/${user}`, loggedInAt: 0, availability: { kind: 'available' }, campaign: { kind: 'none' } } };
}

const flush = async (): Promise<void> => {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
};

/** A lazy desk for `user`, its code held until `open()`; NeoApi requests and phone actions are recorded. */
function lazyDesk(user: string) {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const requests: string[] = [];
  const neo = {
    call: (method: string, params: Readonly<Record<string, string>>) => (requests.push(`${method} ${JSON.stringify(params)}`), Promise.resolve(method === 'GetUsers' ? '[]' : undefined)),
    position: () => Promise.resolve(''),
  };
  const phoneCalls: string[] = [];
  const phone = { answer: () => (phoneCalls.push('answer'), Promise.resolve()), hangUp: () => (phoneCalls.push('hangUp'), Promise.resolve()) } as unknown as PhoneLike;
  let loads = 0;
  const desk = new LazySupervision(
    {
      config,
      platform: new NeotelPlatform({ client: neo, naming: CONTRACT_NAMING, pollIntervalMs: 1000 }),
      neo,
      tasks: undefined,
      agent: () => loggedIn(user),
      changed: () => undefined,
      warn: () => undefined,
    },
    async (): Promise<SupervisionCode> => {
      loads += 1;
      await gate;
      return { desk: supervisionDesk, log: monitoringLog };
    },
  );
  return { desk, open, requests, phone, phoneCalls, loads: () => loads };
}

const monitorCall: AgentEvent = { kind: 'platformCallStarted', at: 1000, callId: parseCallId('7001')!, direction: null, number: null, queue: null, campaign: null, callType: 'Monitor', clave: null };

describe('supervision before its code is in', () => {
  it('claims a monitoring call reported right at login (never a customer call), and leaves every other event to the call machine', async () => {
    const { desk, open, loads } = lazyDesk('2001');
    expect(desk.intercept(monitorCall, undefined), 'a Monitor call is the desk’s, loaded or not').toBe(true);
    expect(loads(), 'the claim fetches the code').toBe(1);
    const customer: AgentEvent = { ...monitorCall, callId: parseCallId('7002')!, callType: 'Manual' };
    expect(desk.intercept(customer, undefined)).toBe(false);
    expect(desk.intercept({ kind: 'sipIncoming', at: 1000, legId: parseSipLegId('leg-1')!, callId: parseCallId('7002')!, leg: 'platform', answerAfterZero: true, from: '1001', queue: null }, undefined)).toBe(false);
    open();
    await flush();
    expect(desk.loaded).toBe(true);
    expect(desk.intercept(monitorCall, undefined), 'the loaded desk claims it the same way').toBe(true);
  });

  it('runs a monitoring started before the code is in, then recognises its leg as the monitoring leg', async () => {
    const { desk, open, requests, phone, phoneCalls } = lazyDesk('2001');
    desk.intent({ kind: 'monitorStart', agent: '1001', mode: 'listen' });
    expect(requests, 'nothing sent before the desk runs it').toEqual([]);
    open();
    await flush();
    expect(requests).toContain('StartMonitor {"USUARIO":"2001","AGENTE":"1001","MODO":"listen"}');
    const leg: AgentEvent = { kind: 'sipIncoming', at: 2000, legId: parseSipLegId('leg-9')!, callId: parseCallId('5001')!, leg: 'platform', answerAfterZero: true, from: '1001', queue: null };
    expect(desk.intercept(leg, phone), 'the monitoring leg is not a call').toBe(true);
    await flush();
    expect(phoneCalls).toEqual(['answer']);
  });

  it('shows the monitored indicator Position reported before the code was in', async () => {
    const { desk, open } = lazyDesk('1001');
    const view = { agent: loggedIn('1001') } as unknown as AgentView;
    desk.positionSeen({ mode: 'assist', supervisor: '2001' });
    expect(desk.decorate(view).monitoredBy, 'not yet: the code is loading').toBeUndefined();
    open();
    await flush();
    expect(desk.decorate(view).monitoredBy).toMatchObject({ mode: 'assist', supervisor: '2001' });
  });
});
