import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { AgentRuntime, type DeviceCredentials, type NeoApiLike } from '../../src/app/agent-runtime.ts';
import type { PhoneLike } from '../../src/app/phone-bridge.ts';
import { shareableState } from '../../src/app/tab-sync.ts';
import type { AgentEvent, AgentState } from '../../src/call/index.ts';
import { settingsFromCallCenterXml } from '../../src/config/call-center-xml.ts';
import { validateConfig, type Config } from '../../src/config/index.ts';
import type { AgentView } from '../../src/view/agent-view.ts';
import { NeoApiError } from '../../src/platforms/neotel/errors.ts';
import { NeotelPlatform } from '../../src/platforms/neotel/neotel-platform.ts';
import type { CallSnapshot, RegistrationState, SipPhoneEvents } from '../../src/sip/index.ts';

function config(overrides: Record<string, string> = {}): Config {
  const settings = {
    ...settingsFromCallCenterXml(readFileSync('callcenter-definition.xml', 'utf8')),
    '/neotelConnection/neoApiUrl': 'https://neotel.example.com/neoapi/webservice.asmx',
    '/neotelConnection/sipWebSocketUrl': 'wss://neotel.example.com/sip',
    '/neotelConnection/sipDomain': 'neotel.example.com',
    ...overrides,
  };
  const result = validateConfig(settings);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.config;
}

/** A phone that records what it was asked and emits what the test says. */
class FakePhone implements PhoneLike {
  readonly calls: string[] = [];
  state: RegistrationState = 'unregistered';
  currentCall: CallSnapshot | undefined;
  private readonly listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  registerResult: 'ok' | 'fail' = 'ok';
  dtmfViaPlatform = false;

  on<N extends keyof SipPhoneEvents>(name: N, listener: SipPhoneEvents[N]): () => void {
    const list = this.listeners.get(name) ?? [];
    list.push(listener as unknown as (...args: unknown[]) => void);
    this.listeners.set(name, list);
    return () => this.listeners.set(name, (this.listeners.get(name) ?? []).filter((l) => l !== (listener as unknown)));
  }
  emit<N extends keyof SipPhoneEvents>(name: N, ...args: Parameters<SipPhoneEvents[N]>): void {
    for (const listener of this.listeners.get(name) ?? []) listener(...args);
  }
  register(): Promise<void> {
    this.calls.push('register');
    this.state = this.registerResult === 'ok' ? 'registered' : 'failed';
    this.emit('registration', this.state);
    return this.registerResult === 'ok' ? Promise.resolve() : Promise.reject(new Error('401'));
  }
  unregister(): Promise<void> {
    this.calls.push('unregister');
    return Promise.resolve();
  }
  answer(): Promise<void> {
    this.calls.push('answer');
    return Promise.resolve();
  }
  reject(status?: 486 | 480): Promise<void> {
    this.calls.push(`reject ${status ?? ''}`);
    return Promise.resolve();
  }
  hangUp(): Promise<void> {
    this.calls.push('hangUp');
    return Promise.resolve();
  }
  hold(): Promise<void> {
    this.calls.push('hold');
    return Promise.resolve();
  }
  resume(): Promise<void> {
    this.calls.push('resume');
    return Promise.resolve();
  }
  mute(): void {
    this.calls.push('mute');
  }
  unmute(): void {
    this.calls.push('unmute');
  }
  sendDtmf(digits: string): Promise<void> {
    this.calls.push(`dtmf ${digits}`);
    return Promise.resolve();
  }
  dispose(): Promise<void> {
    this.calls.push('dispose');
    return Promise.resolve();
  }
  setMicrophone(deviceId: string | undefined): Promise<void> {
    this.calls.push(`microphone ${deviceId ?? 'default'}`);
    return Promise.resolve();
  }
  setSpeaker(deviceId: string): Promise<void> {
    this.calls.push(`speaker ${deviceId}`);
    return Promise.resolve();
  }
  setRinger(deviceId: string): Promise<void> {
    this.calls.push(`ringer ${deviceId}`);
    return Promise.resolve();
  }
}

/** A NeoApi that records requests and answers from a script (default: succeed with undefined). */
class FakeNeo implements NeoApiLike {
  readonly requests: { method: string; params: Record<string, unknown> }[] = [];
  readonly failures = new Map<string, Error>();
  call(method: string, params: Record<string, unknown>): Promise<string | boolean | undefined> {
    this.requests.push({ method, params });
    const failure = this.failures.get(method);
    if (failure) return Promise.reject(failure);
    return Promise.resolve(method === 'Dial' ? true : undefined);
  }
  methods(): string[] {
    return this.requests.map((r) => r.method);
  }
  position(): Promise<string> {
    return Promise.reject(new Error('these tests feed platform events themselves'));
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function rig(overrides: Record<string, string> = {}) {
  const neo = new FakeNeo();
  const phones: { phone: FakePhone; credentials: DeviceCredentials; answersAtOnce: (call: CallSnapshot) => boolean }[] = [];
  const pollers: { user: string; started: boolean; onEvent: (e: AgentEvent) => void }[] = [];
  const views: AgentView[] = [];
  let clock = 1_000_000;
  const configured = config(overrides);
  // The real Neotel adapter over the recording NeoApi, so the assertions stay on the wire; the
  // watch is a fake the tests drive with platform events.
  const neotel = new NeotelPlatform({ client: neo, naming: configured.connection.neoApiMethods, pollIntervalMs: 1000 });
  const runtime = new AgentRuntime({
    config: configured,
    neo,
    createPhone: (credentials, answersAtOnce) => {
      const phone = new FakePhone();
      phones.push({ phone, credentials, answersAtOnce });
      return phone;
    },
    platform: {
      capabilities: neotel.capabilities,
      run: (command) => neotel.run(command),
      watch: (user, { onEvent }) => {
        const poller = { user, started: false, onEvent };
        pollers.push(poller);
        return { start: () => (poller.started = true), stop: () => (poller.started = false) };
      },
    },
    now: () => (clock += 10),
    onView: (view) => views.push(view),
  });
  return { neo, phones, pollers, views, runtime, view: () => runtime.current };
}

const login = { kind: 'login', user: '1001', device: '1001', password: 'secret', devicePassword: 'sip-1001', campaign: null, remember: false, rememberDevicePassword: false } as const;

describe('AgentRuntime', () => {
  it('registers the device with its SIP password, then sends Login with the templated device, then polls Position for the user', async () => {
    const r = rig();
    r.runtime.send(login);
    await flush();
    expect(r.phones).toHaveLength(1);
    expect(r.phones[0]?.credentials).toEqual({ user: '1001', password: 'sip-1001' });
    expect(r.phones[0]?.phone.calls).toEqual(['register']);
    expect(r.neo.requests[0]).toEqual({ method: 'Login', params: { DEVICE: 'SIP/1001', USUARIO: '1001', CLAVE: 'secret' } });
    await flush();
    expect(r.view().agent.phase).toBe('ready');
    expect(r.pollers).toMatchObject([{ user: '1001', started: true }]);
  });

  it('never keeps the NeoApi password in the state once Login is sent', async () => {
    const r = rig();
    r.runtime.send(login);
    await flush();
    await flush();
    expect(JSON.stringify(r.views.at(-1))).not.toContain('secret');
  });

  it('never shares the NeoApi password with other tabs, even while the phone registers and the state still holds it', () => {
    const r = rig();
    r.runtime.send(login);
    const sent = r.view().agent;
    if (sent.phase !== 'loggingIn') throw new Error(`expected loggingIn, got ${sent.phase}`);
    // The fake phone registers at once; a real one takes a round trip, during which the state holds the password.
    const registering: AgentState = { ...sent, step: 'registering', password: 'secret' };
    const state = { view: { ...r.view(), agent: registering }, kit: { ...r.runtime.takeoverKit(), agent: registering } };
    const shared = JSON.stringify(shareableState(state));
    expect(shared).not.toContain('"secret"');
    expect(shareableState(state).view.agent).toMatchObject({ phase: 'loggingIn', user: '1001', password: null });
  });

  it('shows a login failure and unregisters the phone when NeoApi refuses the credentials', async () => {
    const r = rig();
    r.neo.failures.set('Login', new NeoApiError('BAD_CREDENTIALS', 'Login', 'NeoApi Login: Invalid user or password.'));
    r.runtime.send(login);
    await flush();
    await flush();
    expect(r.view().agent.phase).toBe('loggedOut');
    expect(r.view().notices.map((n) => n.notice)).toContain('loginFailed');
    expect(r.phones[0]?.phone.calls).toContain('unregister');
  });

  it('refuses an undialable number before NeoApi sees it, and says why', async () => {
    const r = rig();
    r.runtime.send(login);
    await flush();
    await flush();
    r.runtime.send({ kind: 'dial', number: 'call mom' });
    expect(r.view().dialError).toEqual({ number: 'call mom', reason: 'invalidCharacters' });
    expect(r.neo.methods()).not.toContain('Dial');
    r.runtime.send({ kind: 'dial', number: '(011) 5555-0000' });
    await flush();
    expect(r.view().dialError).toBeNull();
    expect(r.neo.requests.find((q) => q.method === 'Dial')?.params).toEqual({ USUARIO: '1001', TELEFONO: '01155550000' });
  });

  it('tells the phone to answer a platform leg by itself (the machine’s rule), and takes the leg it answered without answering again', async () => {
    const r = rig();
    r.runtime.send(login);
    await flush();
    await flush();
    const { phone, answersAtOnce } = r.phones[0]!;
    const leg = { sipCallId: 'leg@pbx', platformCallId: '4720', leg: 'platform', answerAfterSeconds: 0, callerNumber: '1155550000', callerName: null, direction: 'incoming', phase: 'ringing', onHold: false, muted: false, atRisk: false, receivedAt: 0, establishedAt: null, finalStatusCode: null } as const;
    expect(answersAtOnce(leg)).toBe(true);
    expect(answersAtOnce({ ...leg, leg: 'queue', answerAfterSeconds: null }), 'a queue call rings for the agent').toBe(false);
    const views = r.views.length;
    phone.emit('incoming', leg, true);
    expect(r.view().agent).toMatchObject({ phase: 'ringing', autoAnswer: true, answering: true });
    expect(r.views.length).toBe(views + 1);
    await flush();
    expect(phone.calls, 'the phone answered it already').not.toContain('answer');
    expect(answersAtOnce({ ...leg, sipCallId: 'other@pbx' }), 'a second leg during the call is not answered').toBe(false);
    phone.emit('established', { ...leg, phase: 'established' });
    expect(r.view().agent.phase).toBe('connected');
  });

  it('rings an inbound call, answers it on the phone, and stops the poll at logout', async () => {
    const r = rig();
    r.runtime.send(login);
    await flush();
    await flush();
    const phone = r.phones[0]!.phone;
    const call = { sipCallId: 'abc@pbx', platformCallId: '4711', leg: 'queue', answerAfterSeconds: null, callerNumber: '1166667777', callerName: null, direction: 'incoming', phase: 'ringing', onHold: false, muted: false, atRisk: false, receivedAt: 0, establishedAt: null, finalStatusCode: null } as const;
    phone.emit('incoming', call, false);
    expect(r.view().agent.phase).toBe('ringing');
    r.runtime.send({ kind: 'answer' });
    await flush();
    expect(phone.calls).toContain('answer');
    phone.emit('established', { ...call, phase: 'established' });
    expect(r.view().agent.phase).toBe('connected');
    expect(r.view().info.lastCallId).toBe('4711');
    r.runtime.send({ kind: 'logout', force: false });
    expect(r.view().confirmLogout).toBe(true);
    r.runtime.send({ kind: 'cancelLogout' });
    expect(r.view().confirmLogout).toBe(false);
    phone.emit('ended', { ...call, phase: 'ended' }, 'remote-hangup');
    expect(r.view().agent.phase).toBe('wrapUp');
    r.runtime.send({ kind: 'available' });
    await flush();
    expect(r.view().agent.phase).toBe('ready');
    r.runtime.send({ kind: 'logout', force: false });
    await flush();
    await flush();
    expect(r.neo.methods()).toContain('Logout');
    expect(r.view().agent.phase).toBe('loggedOut');
    expect(r.pollers[0]?.started).toBe(false);
    expect(r.view().info.lastCallId).toBe('0');
  });

  it('turns a refused intent into a notice with the hint, leaving the state as it was', () => {
    const r = rig();
    const before = r.view().agent;
    r.runtime.send({ kind: 'hangUp' });
    expect(r.view().agent).toBe(before);
    expect(r.view().notices).toMatchObject([{ notice: 'operationFailed', level: 'warning' }]);
    r.runtime.send({ kind: 'dismissNotice', id: r.view().notices[0]!.id });
    expect(r.view().notices).toEqual([]);
  });

  it('reports a dropped SIP WebSocket and its recovery on the agent status', async () => {
    const r = rig();
    r.runtime.send(login);
    await flush();
    await flush();
    const phone = r.phones[0]!.phone;
    phone.emit('registration', 'reconnecting');
    expect(r.view().agent.phone).toBe('reconnecting');
    expect(r.view().notices.map((n) => n.notice)).toContain('transportLost');
    phone.emit('registration', 'registered');
    expect(r.view().agent.phone).toBe('registered');
    expect(r.view().notices.map((n) => n.notice)).toContain('transportRecovered');
  });

  it('moves the live phone to the audio devices the agent picks, and says so when the browser refuses', async () => {
    const r = rig();
    r.runtime.send(login);
    await flush();
    const phone = r.phones[0]!.phone;
    await r.runtime.useAudioDevice('microphone', 'mic-2');
    await r.runtime.useAudioDevice('speaker', 'headset');
    await r.runtime.useAudioDevice('ringer', 'laptop');
    expect(phone.calls.slice(-3)).toEqual(['microphone mic-2', 'speaker headset', 'ringer laptop']);
    phone.setSpeaker = () => Promise.reject(new Error('output-device-failed: setSinkId refused'));
    await r.runtime.useAudioDevice('speaker', 'gone');
    expect(r.view().notices.at(-1)).toMatchObject({ notice: 'sipActionFailed', detail: 'output-device-failed: setSinkId refused' });
  });

  it('sends DTMF over RFC 4733, and through NeoApi SendDTMF when the call cannot carry it', async () => {
    const r = rig();
    r.runtime.send(login);
    await flush();
    await flush();
    const phone = r.phones[0]!.phone;
    const call = { sipCallId: 'dtmf@pbx', platformCallId: '4712', leg: 'queue', answerAfterSeconds: null, callerNumber: '1166667777', callerName: null, phase: 'ringing', onHold: false, muted: false, atRisk: false, receivedAt: 0, establishedAt: null, direction: 'incoming', finalStatusCode: null } as const;
    phone.emit('incoming', call, false);
    r.runtime.send({ kind: 'answer' });
    phone.emit('established', { ...call, phase: 'established' });
    r.runtime.send({ kind: 'sendDtmf', digit: '5' });
    await flush();
    expect(phone.calls).toContain('dtmf 5');
    expect(r.neo.methods()).not.toContain('SendDTMF');
    phone.dtmfViaPlatform = true;
    r.runtime.send({ kind: 'sendDtmf', digit: '#' });
    await flush();
    expect(phone.calls).not.toContain('dtmf #');
    expect(r.neo.requests.find((q) => q.method === 'SendDTMF')?.params).toEqual({ USUARIO: '1001', DIGITOS: '#' });
  });

  it('resumes another tab\'s session without a second Login, re-registers, and re-arms the auto-release countdown', async () => {
    const release = { '/neotelConfigOptions/automaticContactRelease': '1' };
    const first = rig(release);
    first.runtime.send(login);
    await flush();
    await flush();
    const phone = first.phones[0]!.phone;
    const call = { sipCallId: 'kit@pbx', platformCallId: '4713', leg: 'queue', answerAfterSeconds: null, callerNumber: '1166667777', callerName: null, phase: 'ringing', onHold: false, muted: false, atRisk: false, receivedAt: 0, establishedAt: null, direction: 'incoming', finalStatusCode: null } as const;
    phone.emit('incoming', call, false);
    first.runtime.send({ kind: 'answer' });
    phone.emit('established', { ...call, phase: 'established' });
    phone.emit('ended', { ...call, phase: 'ended' }, 'remote-hangup');
    expect(first.view().agent).toMatchObject({ phase: 'wrapUp' });
    const kit = first.runtime.takeoverKit();
    await first.runtime.dispose();

    const second = rig(release);
    second.runtime.resume(kit);
    await flush();
    expect(second.phones.map((p) => p.credentials)).toEqual([{ user: '1001', password: 'sip-1001' }]);
    expect(second.phones[0]?.phone.calls).toEqual(['register']);
    expect(second.pollers).toMatchObject([{ user: '1001', started: true }]);
    expect(second.neo.methods(), 'no second Login').toEqual([]);
    expect(second.view().agent.phase).toBe('wrapUp');
    // Waits for the 1 s countdown to end rather than for a fixed 1.3 s a loaded machine may not keep.
    await vi.waitFor(() => expect(second.neo.methods(), 'the countdown went on in the new tab').toContain('CRM_Available'), { timeout: 10_000, interval: 50 });
  });
});
