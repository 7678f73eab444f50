/**
 * The automatic answer of a platform leg is on the wire before the app draws it: with the real
 * SipPhone (sip.js's transactions, against the in-memory proxy) under the real runtime, the 200 OK
 * and the far end's ACK come before the machine's state or any view shows the call, so the
 * machine, the view and the tab publish are never on the answer's path (docs/benchmarks.md,
 * "Tenth pass (a)"). Then the view follows in the machine's order: answering, connected. A
 * manual dial's screen pop (an Open CTI round trip and a record to draw) starts once its platform
 * leg is answered, not while the Dial and the answer are on the wire.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { AgentRuntime, type CrmHooks, type NeoApiLike } from '../../src/app/agent-runtime.ts';
import type { CallFacts } from '../../src/call/index.ts';
import { settingsFromCallCenterXml } from '../../src/config/call-center-xml.ts';
import { validateConfig, type Config } from '../../src/config/index.ts';
import { NeotelPlatform } from '../../src/platforms/neotel/neotel-platform.ts';
import { SipPhone } from '../../src/sip/index.ts';
import type { AgentView } from '../../src/view/agent-view.ts';
import { FakeProxy } from '../sip/fake-proxy.ts';

function config(): Config {
  const result = validateConfig({
    ...settingsFromCallCenterXml(readFileSync('callcenter-definition.xml', 'utf8')),
    '/neotelConnection/neoApiUrl': 'https://neotel.example.com/neoapi/webservice.asmx',
    '/neotelConnection/sipWebSocketUrl': 'wss://neotel.example.com/sip',
    '/neotelConnection/sipDomain': 'pbx.test',
    '/neotelConnection/autoAnswerPlatformLegs': 'true',
  });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.config;
}

/** NeoApi that accepts every request (Login, Dial…). */
const neo: NeoApiLike & { position(): Promise<string> } = {
  call: (method) => Promise.resolve(method === 'Dial' ? true : undefined),
  position: () => Promise.reject(new Error('no Position poll in this test')),
};

const runtimes: AgentRuntime[] = [];
// The call's BYE at dispose is answered by the proxy; give each one second at most anyway.
afterEach(async () => {
  await Promise.all(runtimes.splice(0).map((runtime) => Promise.race([runtime.dispose(), new Promise((resolve) => setTimeout(resolve, 1000))])));
});

async function until(what: string, done: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 400 && !done(); attempt++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!done()) throw new Error(`Expected ${what} within 2 s`);
}

const PLATFORM_LEG = ['X-Neotel-Leg: platform', 'X-Neotel-CallId: 4711', 'Call-Info: <sip:pbx.test>;answer-after=0'];

/** A logged-in agent: the real runtime over the real SipPhone on the in-memory proxy; what it popped and drew. */
async function agent() {
  const proxy = new FakeProxy();
  const configured = config();
  const platform = new NeotelPlatform({ client: neo, naming: configured.connection.neoApiMethods, pollIntervalMs: 1000 });
  const views: AgentView[] = [];
  const pops: { call: CallFacts; answered: boolean }[] = [];
  const crm: CrmHooks = { pop: (call) => pops.push({ call, answered: proxy.sent.some((line) => line.startsWith('SIP/2.0 200')) }), log: () => undefined };
  const runtime = new AgentRuntime({
    config: configured,
    neo,
    createPhone: (credentials, answersAtOnce) => new SipPhone({ ...proxy.options(), credentials, answersAtOnce, silentPlatformLegs: true }),
    platform: { capabilities: platform.capabilities, run: (command) => platform.run(command), watch: () => ({ start: () => undefined, stop: () => undefined }) },
    crm,
    onView: (view) => views.push(view),
  });
  runtimes.push(runtime);
  // The device is the proxy's SIP user (it offers its calls to sip:agent@pbx.test).
  runtime.send({ kind: 'login', user: '1001', device: 'agent', password: 'secret', devicePassword: 'sip-agent', campaign: null, remember: false, rememberDevicePassword: false });
  await until('ready', () => runtime.current.agent.phase === 'ready');
  return { proxy, runtime, views, pops };
}

describe('the automatic answer before the view', () => {
  it('sends the 200 OK and gets the ACK before the machine or any view shows the call, then shows answering and connected in order', async () => {
    const { proxy, runtime, views } = await agent();
    const before = views.length;
    // Each phase once, in order (a phase may be published again with another slice changed).
    const phases = () => views.slice(before).map((view) => view.agent.phase).filter((phase, i, all) => phase !== all[i - 1]);

    proxy.offerCall(PLATFORM_LEG);
    await until('the 200 OK', () => proxy.sent.some((line) => line.startsWith('SIP/2.0 200')));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runtime.agent.phase, 'the machine has not heard of the call yet').toBe('ready');
    expect(phases(), 'no view was published while the answer was on the wire').toEqual([]);

    proxy.ackLastAnswer();
    await until('the connected view', () => runtime.current.agent.phase === 'connected');
    expect(phases()).toEqual(['ringing', 'connected']);
    expect(views.at(before)?.agent).toMatchObject({ phase: 'ringing', autoAnswer: true, answering: true });
    expect(proxy.sent.filter((line) => line.startsWith('SIP/2.0 200')), 'answered once').toHaveLength(1);
  });

  it('starts a manual dial’s screen pop once its platform leg is answered, with the leg’s ids', async () => {
    const { proxy, runtime, pops } = await agent();
    runtime.send({ kind: 'dial', number: '1155550000' });
    await until('dialing', () => runtime.agent.phase === 'dialing');
    proxy.offerCall(PLATFORM_LEG);
    await until('the 200 OK', () => proxy.sent.some((line) => line.startsWith('SIP/2.0 200')));
    expect(pops, 'no pop while the dial and its answer are on the wire').toEqual([]);
    proxy.ackLastAnswer();
    await until('the pop', () => pops.length > 0);
    expect(pops).toHaveLength(1);
    expect(pops[0]?.answered).toBe(true);
    expect(pops[0]?.call).toMatchObject({ direction: 'outbound', number: '1155550000', callId: '4711' });
  });

  it('still pops a dial that stays dialing (no platform leg yet), after a bounded wait', async () => {
    const { runtime, pops } = await agent();
    runtime.send({ kind: 'dial', number: '1155550000' });
    await until('the pop', () => pops.length > 0);
    expect(runtime.agent.phase).toBe('dialing');
    expect(pops[0]?.call).toMatchObject({ direction: 'outbound', number: '1155550000' });
  });
});
