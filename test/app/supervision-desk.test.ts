import { CONTRACT_NAMING } from '../../src/config/neoapi-methods.ts';
import { NeotelPlatform, type NeoApiCaller } from '../../src/platforms/neotel/neotel-platform.ts';
import { describe, expect, it } from 'vitest';
import { initialState, parseCallId, parseNeoUser, parseSipLegId, type AgentEvent, type AgentState } from '../../src/call/index.ts';
import type { MonitoringSession } from '../../src/call/monitoring.ts';
import type { Config } from '../../src/config/index.ts';
import type { AgentView } from '../../src/view/agent-view.ts';
import { saveLogMonitoringLog } from '../../src/app/monitoring-log.ts';
import type { PhoneLike } from '../../src/app/phone-bridge.ts';
import type { NeoApiLike } from '../../src/app/agent-runtime.ts';
import { SupervisionDesk, monitorableAgents, parsePlatformUsers } from '../../src/app/supervision-desk.ts';

const USERS = JSON.stringify([
  { Id: '1001', Nombre: 'Ana Agente', Perfil: 'Agente', Estado: 'InCall', Llamada: '4711' },
  { Id: '1002', Nombre: 'Bruno <b>Agente</b>', Perfil: 'Agente', Estado: 'Available', Llamada: '0' },
  { Id: '2001', Nombre: 'Sofía', Perfil: 'Supervisor', Estado: 'Available', Llamada: '0' },
  { Nombre: 'no id' },
]);

describe('the agents a supervisor can pick', () => {
  it('reads GetUsers, skipping entries without an id and treating Llamada 0 as no call', () => {
    expect(parsePlatformUsers(USERS)).toEqual([
      { id: '1001', name: 'Ana Agente', supervisor: false, state: 'InCall', callId: '4711' },
      { id: '1002', name: 'Bruno <b>Agente</b>', supervisor: false, state: 'Available', callId: null },
      { id: '2001', name: 'Sofía', supervisor: true, state: 'Available', callId: null },
    ]);
  });

  it('says what GetUsers answered when it is not a JSON array', () => {
    expect(() => parsePlatformUsers('<html>')).toThrow(/GetUsers answered text that is not JSON.*<html>/);
    expect(() => parsePlatformUsers('{"a":1}')).toThrow(/expected a JSON array/);
    expect(parsePlatformUsers('')).toEqual([]);
  });

  it('lists the configured agents first with their platform state, then other platform agents, never supervisors or oneself', () => {
    const agents = monitorableAgents([{ id: '1003', name: 'Carla' }, { id: '1001', name: 'Ana (config)' }, { id: '2001', name: 'Me' }], parsePlatformUsers(USERS), '2001');
    expect(agents).toEqual([
      { id: '1003', name: 'Carla', state: null, callId: null },
      { id: '1001', name: 'Ana (config)', state: 'InCall', callId: '4711' },
      { id: '1002', name: 'Bruno <b>Agente</b>', state: 'Available', callId: null },
    ]);
    expect(monitorableAgents([{ id: '1001', name: 'Ana' }], null, '2001')).toEqual([{ id: '1001', name: 'Ana', state: null, callId: null }]);
  });
});

function config(supervisors: string[], showMonitoringToAgent = true, users: { id: string; name: string }[] = []): Config {
  return { supervision: { supervisorUserIds: supervisors, monitoredUsers: [], showMonitoringToAgent }, transfers: { users }, connection: { neoApiMethods: { methods: { GetUsers: 'ListarUsuarios' }, params: {} } } } as unknown as Config;
}

function loggedIn(user: string): AgentState {
  return {
    ...initialState(),
    phase: 'ready',
    session: { user: parseNeoUser(user)!, device: `SIP/${user}`, loggedInAt: 0, availability: { kind: 'available' }, campaign: { kind: 'none' } },
  };
}

/** NeoApi answering nothing. */
const IDLE_NEO = { call: () => Promise.resolve(undefined), position: () => Promise.resolve('') };
/** The real Neotel adapter over a fake NeoApi: the desk's monitor commands are checked on the wire. */
const neotelOver = (client: NeoApiCaller): NeotelPlatform => new NeotelPlatform({ client, naming: CONTRACT_NAMING, pollIntervalMs: 1000 });

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('the supervision desk', () => {
  it('answers the monitoring leg itself, keeps it from the call machine, and saves the session Task through saveLog', async () => {
    const requests: [string, Record<string, unknown>][] = [];
    const neo = {
      call: (method: string, params: Record<string, unknown>, options?: { wireName?: string }) => {
        requests.push([options?.wireName === undefined ? method : `${method} as ${options.wireName}`, params]);
        return Promise.resolve(method === 'GetUsers' ? USERS : undefined);
      },
      position: () => Promise.resolve(''),
    };
    const saved: unknown[] = [];
    const log = saveLogMonitoringLog({ saveLog: (args) => (saved.push(args.value), Promise.resolve('00T000000000001AAA' as never)) });
    let now = 1000;
    const phoneCalls: string[] = [];
    const phone = { answer: () => (phoneCalls.push('answer'), Promise.resolve()), hangUp: () => (phoneCalls.push('hangUp'), Promise.resolve()) } as unknown as PhoneLike;
    const desk = new SupervisionDesk({ config: config(['2001']), platform: neotelOver(neo), neo, log, agent: () => loggedIn('2001'), changed: () => undefined, warn: () => undefined, now: () => now });
    await desk.refresh();
    desk.intent({ kind: 'monitorStart', agent: '1001', mode: 'listen' });
    const legId = parseSipLegId('leg-9')!;
    const invite: AgentEvent = { kind: 'sipIncoming', at: now, legId, callId: parseCallId('5001'), leg: 'platform', answerAfterZero: true, from: '1001', queue: null };
    expect(desk.intercept(invite, phone)).toBe(true);
    await flush();
    expect(phoneCalls).toEqual(['answer']);
    now = 2000;
    expect(desk.intercept({ kind: 'sipAnswered', at: now, legId }, phone)).toBe(true);
    desk.intent({ kind: 'monitorSwitch', mode: 'assist' });
    await flush();
    now = 5000;
    desk.intent({ kind: 'monitorStop' });
    await flush();
    expect(desk.intercept({ kind: 'sipEnded', at: now, legId, by: 'remote', reason: null }, phone)).toBe(true);
    await flush();
    expect(requests.map(([m, p]) => `${m} ${JSON.stringify(p)}`)).toEqual([
      'GetUsers as ListarUsuarios {"USUARIO":"2001"}',
      'StartMonitor {"USUARIO":"2001","AGENTE":"1001","MODO":"listen"}',
      'StartMonitor {"USUARIO":"2001","AGENTE":"1001","MODO":"assist"}',
      'StopMonitor {"USUARIO":"2001"}',
    ]);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ entityApiName: 'Task', CallObject: '5001', CallDurationInSeconds: 3, Subject: 'Monitoring of agent 1001 by 2001 (listen → assist)' });
    expect((saved[0] as { Description: string }).Description).toContain('Agent call: 4711');
    // A customer call afterwards is the call machine's again.
    expect(desk.intercept({ ...invite, legId: parseSipLegId('leg-10')! }, phone)).toBe(false);
  });

  it('shows the panel only to configured supervisors, and the indicator only when the call center enables it', () => {
    const view = { agent: loggedIn('1001') } as unknown as AgentView;
    const agentDesk = new SupervisionDesk({ config: config(['2001']), platform: neotelOver(IDLE_NEO), neo: IDLE_NEO, log: { record: (session: MonitoringSession) => Promise.resolve(session).then(() => undefined) }, agent: () => loggedIn('1001'), changed: () => undefined, warn: () => undefined });
    agentDesk.positionSeen({ mode: 'assist', supervisor: '2001' });
    expect(agentDesk.decorate(view)).toMatchObject({ supervision: null, monitoredBy: { mode: 'assist', supervisor: '2001' } });
    const hidden = new SupervisionDesk({ config: config(['2001'], false), platform: neotelOver(IDLE_NEO), neo: IDLE_NEO, log: { record: () => Promise.resolve() }, agent: () => loggedIn('1001'), changed: () => undefined, warn: () => undefined });
    hidden.positionSeen({ mode: 'listen', supervisor: '2001' });
    expect(hidden.decorate(view).monitoredBy).toBeNull();
    const supervisorDesk = new SupervisionDesk({ config: config(['2001']), platform: neotelOver(IDLE_NEO), neo: IDLE_NEO, log: { record: () => Promise.resolve() }, agent: () => loggedIn('2001'), changed: () => undefined, warn: () => undefined });
    expect(supervisorDesk.decorate({ agent: loggedIn('2001') } as unknown as AgentView).supervision).toMatchObject({ status: 'idle', agents: [] });
  });

  it('names the listening supervisor from the configured users, else asks GetUsers once, else keeps the id', async () => {
    const view = { agent: loggedIn('1001') } as unknown as AgentView;
    const desk = (neo: NeoApiLike, users: { id: string; name: string }[] = [], warnings: string[] = []) =>
      new SupervisionDesk({ config: config(['2001'], true, users), platform: neotelOver(IDLE_NEO), neo, log: { record: () => Promise.resolve() }, agent: () => loggedIn('1001'), changed: () => undefined, warn: (message) => warnings.push(message) });
    const asked: string[] = [];
    const listing = { ...IDLE_NEO, call: (method: string, params: Readonly<Record<string, string>>) => (asked.push(`${method} ${params.USUARIO}`), Promise.resolve(USERS)) };

    const configured = desk(listing, [{ id: '2001', name: 'Sofía Ruiz' }]);
    configured.positionSeen({ mode: 'listen', supervisor: '2001' });
    expect(configured.decorate(view).monitoredBy).toEqual({ mode: 'listen', supervisor: '2001', supervisorName: 'Sofía Ruiz' });
    expect(asked).toEqual([]);

    const platform = desk(listing);
    platform.positionSeen({ mode: 'listen', supervisor: '2001' });
    expect(platform.decorate(view).monitoredBy).toMatchObject({ supervisor: '2001', supervisorName: null });
    await flush();
    expect(platform.decorate(view).monitoredBy).toMatchObject({ supervisor: '2001', supervisorName: 'Sofía' });
    platform.positionSeen({ mode: 'assist', supervisor: '2009' });
    await flush();
    expect(platform.decorate(view).monitoredBy).toMatchObject({ supervisor: '2009', supervisorName: null });
    expect(asked).toEqual(['GetUsers 1001']);

    const warnings: string[] = [];
    const failing = desk({ ...IDLE_NEO, call: () => Promise.reject(new Error('GetUsers is not a method')) }, [], warnings);
    failing.positionSeen({ mode: 'listen', supervisor: '2001' });
    await flush();
    expect(failing.decorate(view).monitoredBy).toMatchObject({ supervisor: '2001', supervisorName: null });
    expect(warnings).toEqual(['GetUsers failed; the monitored indicator shows supervisor 2001 by id']);
  });
});
