import { describe, expect, it } from 'vitest';
import type { AgentEvent } from '../../src/call/index.ts';
import { parseCallId, parseSipLegId } from '../../src/call/index.ts';
import {
  IDLE_SUPERVISION,
  claimsMonitoringEvent,
  monitoringEventOf,
  parseMonitorMode,
  supervise,
  type Supervision,
  type SupervisionEffect,
  type SupervisionEvent,
} from '../../src/call/monitoring.ts';
import { neoRequestOf } from '../../src/platforms/neotel/commands.ts';
import { NEO_METHODS } from '../../src/platforms/neotel/contract.ts';

/** A platform effect as the NeoApi request the Neotel adapter sends for it (the wire stays asserted). */
type WireEffect = Exclude<SupervisionEffect, { kind: 'platform' }> | ({ readonly kind: 'neoapi' } & ReturnType<typeof neoRequestOf>);
const onWire = (effect: SupervisionEffect): WireEffect => (effect.kind === 'platform' ? { kind: 'neoapi', ...neoRequestOf(effect.command) } : effect);

const SUP = '2001';
const leg = parseSipLegId('leg-m')!;
const monitorCall = parseCallId('5001')!;

function run(events: readonly SupervisionEvent[], from: Supervision = IDLE_SUPERVISION): { state: Supervision; effects: WireEffect[] } {
  let state = from;
  const effects: WireEffect[] = [];
  for (const event of events) {
    const result = supervise(state, event, SUP);
    if (!result.ok) throw new Error(result.message);
    state = result.state;
    effects.push(...result.effects.map(onWire));
  }
  return { state, effects };
}

const started: SupervisionEvent[] = [
  { kind: 'monitorStart', at: 1000, agent: '1001', mode: 'listen', agentCallId: '4711' },
  { kind: 'monitorLegOffered', at: 1010, legId: leg, callId: monitorCall },
  { kind: 'monitorRequestDone', at: 1020, command: 'monitor', ok: true, message: null },
  { kind: 'monitorLegUp', at: 1100, legId: leg },
];

describe('the supervision machine', () => {
  it('sends StartMonitor with the contract wire names and answers the platform leg at once', () => {
    const { state, effects } = run(started);
    expect(effects).toEqual([
      { kind: 'neoapi', method: 'StartMonitor', params: { USUARIO: SUP, AGENTE: '1001', MODO: 'listen' } },
      { kind: 'answerLeg', legId: leg },
    ]);
    expect(state).toMatchObject({ status: 'active', agent: '1001', mode: 'listen', monitorCallId: '5001', startedAt: 1100, modes: [{ mode: 'listen', at: 1100 }] });
    const spec = NEO_METHODS.find((m) => m.method === 'StartMonitor');
    expect(spec?.params.map((p) => p.name)).toEqual(['USUARIO', 'AGENTE', 'MODO']);
    expect(NEO_METHODS.find((m) => m.method === 'StopMonitor')?.params.map((p) => p.name)).toEqual(['USUARIO']);
  });

  it('switches mode with StartMonitor again and records the change only once the platform confirms it', () => {
    const active = run(started).state;
    const asked = run([{ kind: 'monitorSwitch', at: 2000, mode: 'assist' }], active);
    expect(asked.effects).toEqual([{ kind: 'neoapi', method: 'StartMonitor', params: { USUARIO: SUP, AGENTE: '1001', MODO: 'assist' } }]);
    expect(asked.state.mode).toBe('listen');
    const done = run([{ kind: 'monitorRequestDone', at: 2050, command: 'monitor', ok: true, message: null }], asked.state);
    expect(done.state.mode).toBe('assist');
    expect(done.state.modes).toEqual([{ mode: 'listen', at: 1100 }, { mode: 'assist', at: 2050 }]);
  });

  it('keeps the old mode and shows the error when the switch is refused', () => {
    const active = run(started).state;
    const { state } = run([{ kind: 'monitorSwitch', at: 2000, mode: 'assist' }, { kind: 'monitorRequestDone', at: 2001, command: 'monitor', ok: false, message: 'StartMonitor: boom' }], active);
    expect(state).toMatchObject({ mode: 'listen', requestedMode: null, error: 'StartMonitor: boom', modes: [{ mode: 'listen', at: 1100 }] });
  });

  it('ends with StopMonitor and records the session when the leg is gone', () => {
    const active = run([...started, { kind: 'monitorSwitch', at: 2000, mode: 'assist' }, { kind: 'monitorRequestDone', at: 2050, command: 'monitor', ok: true, message: null }]).state;
    const { state, effects } = run([{ kind: 'monitorStop', at: 3000 }, { kind: 'monitorRequestDone', at: 3010, command: 'stopMonitor', ok: true, message: null }, { kind: 'monitorLegEnded', at: 3020, legId: leg }], active);
    expect(state).toEqual(IDLE_SUPERVISION);
    expect(effects).toEqual([
      { kind: 'neoapi', method: 'StopMonitor', params: { USUARIO: SUP } },
      {
        kind: 'recordSession',
        session: { supervisor: SUP, agent: '1001', agentCallId: '4711', monitorCallId: '5001', modes: [{ mode: 'listen', at: 1100 }, { mode: 'assist', at: 2050 }], startedAt: 1100, endedAt: 3020 },
      },
    ]);
  });

  it('hangs up its own leg when StopMonitor fails, and still records the session', () => {
    const active = run(started).state;
    const failed = run([{ kind: 'monitorStop', at: 3000 }, { kind: 'monitorRequestDone', at: 3010, command: 'stopMonitor', ok: false, message: 'StopMonitor: 2001 is not monitoring.' }], active);
    expect(failed.effects.at(-1)).toEqual({ kind: 'hangUpLeg', legId: leg });
    const ended = run([{ kind: 'monitorLegEnded', at: 3020, legId: leg }], failed.state);
    expect(ended.effects.map((e) => e.kind)).toEqual(['recordSession']);
  });

  it('returns to idle without a record when StartMonitor is refused, hanging up a leg that came anyway', () => {
    const { state, effects } = run([
      { kind: 'monitorStart', at: 1, agent: '1001', mode: 'assist', agentCallId: null },
      { kind: 'monitorLegOffered', at: 2, legId: leg, callId: null },
      { kind: 'monitorRequestDone', at: 3, command: 'monitor', ok: false, message: 'StartMonitor: User 2001 is not a supervisor' },
    ]);
    expect(state).toEqual({ ...IDLE_SUPERVISION, error: 'StartMonitor: User 2001 is not a supervisor' });
    expect(effects.map((e) => e.kind)).toEqual(['neoapi', 'answerLeg', 'hangUpLeg']);
  });

  it('refuses a second start, a switch while idle, an empty agent and monitoring oneself', () => {
    const active = run(started).state;
    expect(supervise(active, { kind: 'monitorStart', at: 1, agent: '1002', mode: 'listen', agentCallId: null }, SUP)).toMatchObject({ ok: false });
    expect(supervise(IDLE_SUPERVISION, { kind: 'monitorSwitch', at: 1, mode: 'assist' }, SUP)).toMatchObject({ ok: false });
    expect(supervise(IDLE_SUPERVISION, { kind: 'monitorStop', at: 1 }, SUP)).toMatchObject({ ok: false });
    expect(supervise(IDLE_SUPERVISION, { kind: 'monitorStart', at: 1, agent: ' ', mode: 'listen', agentCallId: null }, SUP)).toMatchObject({ ok: false });
    expect(supervise(IDLE_SUPERVISION, { kind: 'monitorStart', at: 1, agent: SUP, mode: 'listen', agentCallId: null }, SUP)).toMatchObject({ ok: false });
  });

  it('reads modes strictly', () => {
    expect(parseMonitorMode(' Assist ')).toBe('assist');
    expect(parseMonitorMode('listen')).toBe('listen');
    expect(parseMonitorMode('whisper')).toBeNull();
  });
});

describe('which call-machine events the monitoring leg owns', () => {
  const incoming = (kind: 'platform' | 'queue'): AgentEvent => ({ kind: 'sipIncoming', at: 1, legId: leg, callId: monitorCall, leg: kind, answerAfterZero: true, from: '1001', queue: null });
  const starting = run([started[0]!]).state;
  const active = run(started).state;

  it('claims the INVITE that follows StartMonitor, never a queued customer call nor one while idle', () => {
    expect(claimsMonitoringEvent(starting, incoming('platform'))).toBe(true);
    expect(claimsMonitoringEvent(starting, incoming('queue'))).toBe(false);
    expect(claimsMonitoringEvent(IDLE_SUPERVISION, incoming('platform'))).toBe(false);
    expect(monitoringEventOf(incoming('platform'))).toEqual({ kind: 'monitorLegOffered', at: 1, legId: leg, callId: monitorCall });
  });

  it("claims the monitoring leg's SIP facts and the supervisor's Monitor call in Position, nothing else", () => {
    expect(claimsMonitoringEvent(active, { kind: 'sipEnded', at: 1, legId: leg, by: 'remote', reason: null })).toBe(true);
    expect(claimsMonitoringEvent(active, { kind: 'sipEnded', at: 1, legId: parseSipLegId('other')!, by: 'remote', reason: null })).toBe(false);
    const position = (callType: string, id = '5001'): AgentEvent => ({ kind: 'platformCallStarted', at: 1, callId: parseCallId(id)!, direction: null, number: '1001', queue: null, campaign: null, callType, clave: null });
    expect(claimsMonitoringEvent(IDLE_SUPERVISION, position('Monitor', '6000'))).toBe(true);
    expect(claimsMonitoringEvent(IDLE_SUPERVISION, position('Manual', '6000'))).toBe(false);
    expect(claimsMonitoringEvent(active, { kind: 'platformCallEnded', at: 1, callId: monitorCall })).toBe(true);
    expect(claimsMonitoringEvent(active, { kind: 'dial', at: 1, number: '1' })).toBe(false);
  });
});
