/**
 * A reload mid-call without the phone window (issue 19 point 3): the page's session is kept in its
 * sessionStorage, the reloaded page resumes it with no Login, the real Position poller (over a
 * scripted NeoApi) confirms or ends the resumed call.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AgentRuntime, type DeviceCredentials, type NeoApiLike } from '../../src/app/agent-runtime.ts';
import { CallResume, markOf, type MarkStorage } from '../../src/app/call-resume.ts';
import type { PhoneLike } from '../../src/app/phone-bridge.ts';
import type { AgentState, CallFacts, Connected, WrapUp } from '../../src/call/index.ts';
import { settingsFromCallCenterXml } from '../../src/config/call-center-xml.ts';
import { validateConfig, type Config } from '../../src/config/index.ts';
import { NeotelPlatform } from '../../src/platforms/neotel/neotel-platform.ts';
import { INBOUND_CALL, NEWER_IDLE } from '../platforms/neotel/position-samples.ts';
import { STATES } from '../call/support.ts';

function config(): Config {
  const result = validateConfig({
    ...settingsFromCallCenterXml(readFileSync('callcenter-definition.xml', 'utf8')),
    '/neotelConnection/neoApiUrl': 'https://neotel.example.com/neoapi/webservice.asmx',
    '/neotelConnection/sipWebSocketUrl': 'wss://neotel.example.com/sip',
    '/neotelConnection/sipDomain': 'neotel.example.com',
  });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.config;
}

/** NeoApi answering Position from a script and recording every other request. */
class ScriptedNeo implements NeoApiLike {
  readonly requests: { method: string; params: Record<string, unknown> }[] = [];
  constructor(public positionText: string) {}
  call(method: string, params: Record<string, unknown>): Promise<string | boolean | undefined> {
    this.requests.push({ method, params });
    return Promise.resolve(undefined);
  }
  positions = 0;
  position(): Promise<string> {
    this.positions++;
    return Promise.resolve(this.positionText);
  }
  methods(): string[] {
    return this.requests.map((r) => r.method);
  }
}

class MapStorage implements MarkStorage {
  readonly map = new Map<string, string>();
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.map.set(key, value);
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
}

/** A phone that registers at once and records what it was asked. */
function fakePhone(calls: string[]): PhoneLike {
  const noop = (what: string) => () => {
    calls.push(what);
    return Promise.resolve();
  };
  return {
    state: 'unregistered', currentCall: undefined, dtmfViaPlatform: false,
    on: () => () => undefined,
    register: noop('register'), unregister: noop('unregister'), answer: noop('answer'), reject: noop('reject'), hangUp: noop('hangUp'),
    hold: noop('hold'), resume: noop('resume'), mute: () => calls.push('mute'), unmute: () => calls.push('unmute'), sendDtmf: noop('dtmf'),
    dispose: noop('dispose'), setMicrophone: noop('microphone'), setSpeaker: noop('speaker'), setRinger: noop('ringer'),
  } as unknown as PhoneLike;
}

const running: AgentRuntime[] = [];
afterEach(async () => {
  for (const runtime of running.splice(0)) await runtime.dispose();
});

/** One page: a runtime on the real Neotel adapter and poller, with its CallResume. */
function page(storage: MarkStorage, neo: ScriptedNeo, devicePassword?: string) {
  const configured = config();
  const platform = new NeotelPlatform({ client: neo, naming: configured.connection.neoApiMethods, pollIntervalMs: 60_000 });
  const phones: DeviceCredentials[] = [];
  const phoneCalls: string[] = [];
  const logs: { call: CallFacts; final: boolean }[] = [];
  const pops: CallFacts[] = [];
  const warnings: string[] = [];
  // eslint-disable-next-line prefer-const -- assigned after the runtime that reads it
  let resume: CallResume;
  const runtime = new AgentRuntime({
    config: configured,
    platform,
    neo,
    crm: { pop: (call) => pops.push(call), log: (call, final) => logs.push({ call, final }) },
    createPhone: (credentials) => {
      phones.push(credentials);
      return fakePhone(phoneCalls);
    },
    onMonitored: () => resume.statusSeen(),
    intercept: (event) => {
      resume.saw(event);
      return false;
    },
    onView: () => undefined,
  });
  running.push(runtime);
  resume = new CallResume({
    callCenter: 'DialtoneCallCenter',
    runtime: () => runtime,
    devicePassword: (device) => (devicePassword !== undefined && device === '1001' ? devicePassword : undefined),
    storage,
    warn: (message) => warnings.push(message),
  });
  return { runtime, resume, phones, phoneCalls, logs, pops, warnings };
}

const CALL_ID = '26396268';
/** The agent on an inbound call the platform numbered 26396268 (INBOUND_CALL's IDLLAMADA). */
const inCall: Connected = { ...STATES.connected, call: { ...STATES.connected.call, callId: CALL_ID as Connected['call']['callId'] } };

/** The page before the reload kept `agent` (with its device password in memory). */
function keptBy(storage: MapStorage, neo: ScriptedNeo, agent: AgentState): void {
  page(storage, neo).resume.save({ agent, credentials: { user: '1001', password: 'sip-secret' } });
}

describe('a reload without the phone window', () => {
  it('keeps the session in sessionStorage without any password, and drops it at logout and when the phone window takes it', () => {
    const storage = new MapStorage();
    const first = page(storage, new ScriptedNeo(NEWER_IDLE));
    first.resume.save({ agent: inCall, credentials: { user: '1001', password: 'sip-secret' } });
    const raw = storage.getItem('dialtone:session:DialtoneCallCenter') ?? '';
    expect(raw).toContain(CALL_ID);
    expect(raw).not.toContain('sip-secret');
    first.resume.save({ agent: STATES.loggedOut, credentials: null });
    expect(storage.map.size).toBe(0);
    first.resume.save({ agent: inCall, credentials: null });
    first.resume.forget();
    expect(storage.map.size, 'handed to the phone window: a reload must not resume it in the panel too').toBe(0);
  });

  it('resumes the live call after a reload with no Login, keeps it while Position shows it, and hangs it up through NeoApi', async () => {
    const storage = new MapStorage();
    const neo = new ScriptedNeo(INBOUND_CALL);
    keptBy(storage, neo, inCall);
    const reloaded = page(storage, neo, 'sip-secret');
    expect(reloaded.resume.resumeFromReload()).toBe(true);
    expect(reloaded.runtime.agent).toMatchObject({ phase: 'connected', call: { callId: CALL_ID, legId: null } });
    expect(reloaded.phones, 'the phone registers again with the kept device password').toEqual([{ user: '1001', password: 'sip-secret' }]);
    expect(reloaded.pops.map((c) => c.callId), 'the record is popped again for the Task link').toEqual([CALL_ID]);
    expect(reloaded.runtime.current.notices.map((n) => n.notice)).toContain('callAudioLost');
    await vi.waitFor(() => expect(neo.positions).toBeGreaterThan(0));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reloaded.runtime.agent.phase, 'Position still shows the call').toBe('connected');
    reloaded.runtime.send({ kind: 'hangUp' });
    expect(neo.requests.find((r) => r.method === 'Hangup')?.params).toEqual({ USUARIO: '1001' });
    expect(neo.methods(), 'no second Login').not.toContain('Login');
    expect(reloaded.phoneCalls).not.toContain('hangUp');
    expect(storage.getItem('dialtone:session:DialtoneCallCenter'), 'read once: the owner writes it again').toBeNull();
  });

  it('ends a resumed call the platform no longer shows: wrap-up, the call logged once under its platform id', async () => {
    const storage = new MapStorage();
    const neo = new ScriptedNeo(NEWER_IDLE);
    keptBy(storage, neo, inCall);
    const reloaded = page(storage, neo);
    reloaded.resume.resumeFromReload();
    await vi.waitFor(() => expect(reloaded.runtime.agent.phase).toBe('wrapUp'));
    expect(reloaded.logs.map((l) => [l.call.callId, l.final])).toEqual([[CALL_ID, false]]);
    expect(reloaded.phones, 'no kept device password: no phone, the session still resumes').toEqual([]);
    expect(reloaded.runtime.current.notices.map((n) => n.notice)).toContain('resumedWithoutPhone');
  });

  it('resumes a wrap-up with its contact, and the disposition goes to UpdateContact', () => {
    const storage = new MapStorage();
    const neo = new ScriptedNeo(NEWER_IDLE);
    const wrapUp: WrapUp = { ...STATES.wrapUp, call: { ...STATES.wrapUp.call, callId: CALL_ID as WrapUp['call']['callId'] } };
    keptBy(storage, neo, wrapUp);
    const reloaded = page(storage, neo, 'sip-secret');
    reloaded.resume.resumeFromReload();
    expect(reloaded.runtime.agent).toMatchObject({ phase: 'wrapUp', step: 'open', call: { contact: wrapUp.call.contact } });
    reloaded.runtime.send({ kind: 'categorise', subcategory: 27 });
    const update = neo.requests.find((r) => r.method === 'UpdateContact');
    expect(update?.params).toMatchObject({ SUBCATEGORIA: 27, IDCONTACTO: wrapUp.call.contact?.contactId });
  });

  it('refuses a mark it did not write, saying what was wrong, and resumes nothing', () => {
    expect(markOf('{')).toMatch(/not JSON/);
    expect(markOf('{"v":2}')).toBe('v is 2; expected 1');
    expect(markOf('{"v":1,"device":null,"agent":{"phase":"loggingIn"}}')).toMatch(/agent.phase is "loggingIn"; expected one of ready/);
    const storage = new MapStorage();
    storage.setItem('dialtone:session:DialtoneCallCenter', '{"v":1,"device":7}');
    const reloaded = page(storage, new ScriptedNeo(NEWER_IDLE));
    expect(reloaded.resume.resumeFromReload()).toBe(false);
    expect(reloaded.warnings.join('\n')).toMatch(/device is 7; expected a string or null/);
  });
});
