/**
 * The sip platform adapter: the machine's commands as the phone's SIP operations and hooks, and
 * an INVITE's pop headers as the machine's facts — run through the real machine, so the record
 * pops by the CRM id once, before the phone rings, with queue and campaign on the call.
 */
import { describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Effect } from '../../../src/call/index.ts';
import { offeredCallFacts } from '../../../src/platforms/sip/call-facts-of.ts';
import { SipPlatform, type SipLine, type SipPlatformSettings } from '../../../src/platforms/sip/sip-platform.ts';
import { parseHookTemplate } from '../../../src/platforms/sip/hook-template.ts';
import { parseSipLegId } from '../../../src/call/ids.ts';
import { STATES, USER, step, T0 } from '../../call/support.ts';

const HEADERS = { crmKey: 'X-CRM-Id', contactId: 'X-Contact-Id', callQueue: 'X-Queue', callCampaing: 'X-Campaign', recordId: 'X-Record-Id' } as const;

function settings(changes: Partial<SipPlatformSettings> = {}): SipPlatformSettings {
  return {
    dialPlan: { outsidePrefix: '0', internalLengths: { min: 3, max: 5 } },
    popHeaders: HEADERS,
    notReadyStatus: 480,
    hooks: { clickToCall: null, callStart: null, callEnd: null, recording: null },
    hookSecret: 's3cret',
    supervision: { listen: null, whisper: null, barge: null },
    ...changes,
  };
}

/** A line that records what the adapter asked of the phone. */
function recordingLine(): SipLine & { readonly sent: string[] } {
  const sent: string[] = [];
  let current: { phase: string } | undefined;
  return {
    sent,
    call: (target, options) => {
      sent.push(`call ${target} customer=${String(options.customerCall)}`);
      current = { phase: 'calling' };
      return Promise.resolve();
    },
    hangUp: () => {
      sent.push('hangUp');
      return Promise.resolve();
    },
    sendDtmf: (digits) => {
      sent.push(`dtmf ${digits}`);
      return Promise.resolve();
    },
    setReady: (ready, refusal) => void sent.push(`ready ${String(ready)}${refusal === undefined ? '' : ` ${refusal}`}`),
    transfer: (target) => {
      sent.push(`transfer ${target}`);
      return Promise.resolve();
    },
    consult: (target) => {
      sent.push(`consult ${target}`);
      return Promise.resolve();
    },
    completeTransfer: () => {
      sent.push('completeTransfer');
      return Promise.resolve();
    },
    cancelTransfer: () => {
      sent.push('cancelTransfer');
      return Promise.resolve();
    },
    conference: () => {
      sent.push('conference');
      return Promise.resolve();
    },
    get currentCall() {
      return current;
    },
    consultCall: undefined,
  };
}

const agent = USER;

describe('SipPlatform commands', () => {
  it('maps availability, dial (dial plan applied), hang-up and transfers onto the phone', async () => {
    const line = recordingLine();
    const platform = new SipPlatform({ settings: settings(), warn: () => undefined });
    platform.attach(line, '1001');
    expect(await platform.run({ command: 'login', agent, device: '1001', password: 'x' })).toEqual({ ok: true, value: true });
    await platform.run({ command: 'pause', agent, reason: 2 });
    await platform.run({ command: 'unpause', agent });
    await platform.run({ command: 'dial', agent, number: '(011) 5555-0000' });
    await platform.run({ command: 'hangUp', agent });
    await platform.run({ command: 'transfer', agent, target: { kind: 'user', user: '1002' }, mode: 'blind' });
    await platform.run({ command: 'transfer', agent, target: { kind: 'number', number: '1003' }, mode: 'attended' });
    await platform.run({ command: 'completeTransfer', agent });
    expect(line.sent).toEqual(['ready true', 'ready false 480', 'ready true', 'call 001155550000 customer=true', 'hangUp', 'transfer 1002', 'consult 1003', 'completeTransfer']);
  });

  it('answers UNSUPPORTED for what a plain SIP PBX cannot do, and hides monitoring without feature codes', async () => {
    const platform = new SipPlatform({ settings: settings(), warn: () => undefined });
    platform.attach(recordingLine(), '1001');
    expect(platform.capabilities).toMatchObject({ campaigns: false, callbacks: false, categorisation: false, queueTransfer: false, monitoring: false, transfer: true, breaks: true });
    const joined = await platform.run({ command: 'joinCampaign', agent, campaign: 3 });
    expect(joined).toMatchObject({ ok: false, failure: { code: 'UNSUPPORTED' } });
    const queue = await platform.run({ command: 'transfer', agent, target: { kind: 'queue', queue: 4 }, mode: 'blind' });
    expect(queue).toMatchObject({ ok: false, failure: { code: 'UNSUPPORTED' } });
    const withCode = new SipPlatform({ settings: settings({ supervision: { listen: '*222{ramal}', whisper: null, barge: null } }), warn: () => undefined });
    expect(withCode.capabilities.monitoring).toBe(true);
    const line = recordingLine();
    withCode.attach(line, '1001');
    await withCode.run({ command: 'monitor', agent, monitored: '1002', mode: 'listen' });
    expect(line.sent).toEqual(['call *2221002 customer=false']);
  });

  it('a bad number is refused with the dial plan\'s reason, and no phone is a device problem', async () => {
    const platform = new SipPlatform({ settings: settings(), warn: () => undefined });
    expect(await platform.run({ command: 'dial', agent, number: '12ab' })).toMatchObject({ ok: false, failure: { code: 'REFUSED', detail: expect.stringContaining('not digits') } });
    expect(await platform.run({ command: 'dial', agent, number: '1001' })).toMatchObject({ ok: false, failure: { code: 'DEVICE_UNAVAILABLE' } });
  });

  it('click-to-call goes through the hook, keeps the call id, and the call-end hook gets the recording link without the secret', async () => {
    const requests: { url: string; body: string }[] = [];
    const server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        requests.push({ url: req.url ?? '', body });
        res.writeHead(200, { 'content-type': 'text/plain' }).end(req.url?.startsWith('/click') === true ? '1733400000.42' : 'ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const template = (text: string) => {
      const parsed = parseHookTemplate(text, { loopbackHttpAllowed: () => true });
      if (!parsed.ok) throw new Error(parsed.problem);
      return parsed.value;
    };
    try {
      const hooks = {
        clickToCall: template(JSON.stringify({ method: 'POST', url: `${base}/click`, headers: { 'Content-Type': 'application/json' }, body: '{"ramal":"{ramal}","telefone":"{telefone}","chave":"{chave}"}' })),
        callStart: template(JSON.stringify({ method: 'GET', url: `${base}/start?ramal={ramal}&telefone={telefone}&callid={callId}` })),
        callEnd: template(JSON.stringify({ method: 'GET', url: `${base}/end?ramal={ramal}&telefone={telefone}&url_audio={url_audio}` })),
        recording: template(JSON.stringify({ method: 'GET', url: `${base}/gravacao?callid={callId}&chave={chave}` })),
      };
      const events: unknown[] = [];
      const platform = new SipPlatform({ settings: settings({ hooks }), warn: () => undefined, now: () => T0 });
      platform.watch(agent, { onEvent: (event) => events.push(event) }).start();
      platform.attach(recordingLine(), '1001');
      await platform.run({ command: 'login', agent, device: '1001', password: 'x' });
      expect(await platform.run({ command: 'dial', agent, number: '1002' })).toEqual({ ok: true, value: '1733400000.42' });
      expect(JSON.parse(requests[0]?.body ?? '')).toEqual({ ramal: '1001', telefone: '1002', chave: 's3cret' });
      expect(events).toEqual([expect.objectContaining({ kind: 'platformCallStarted', callId: '1733400000.42', direction: 'outbound', number: '1002' })]);
      // The PBX's INVITE to the agent is the hook's call: it keeps the hook's id, no second offer.
      platform.offered({ sipCallId: 'pbx-invite-1', callerNumber: '1002' });
      expect(events).toHaveLength(1);
      // Answered: the call-start hook says who and which call (the hook's id), without the secret.
      platform.started({ sipCallId: 'pbx-invite-1', callerNumber: '1002', direction: 'incoming' });
      for (let i = 0; i < 100 && requests.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(requests[1]?.url).toBe('/start?ramal=1001&telefone=1002&callid=1733400000.42');
      platform.ended({ sipCallId: 'pbx-invite-1', callerNumber: '1002', direction: 'incoming' });
      for (let i = 0; i < 100 && requests.length < 3; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      requests.splice(1, 1);
      const end = new URL(requests[1]?.url ?? '', base);
      expect(end.pathname).toBe('/end');
      expect(end.searchParams.get('url_audio')).toBe(`${base}/gravacao?callid=1733400000.42&chave=`);
      expect(requests[1]?.url).not.toContain('s3cret');
    } finally {
      server.close();
    }
  });
});

describe('the click-to-call hook when the PBX is faster than its API', () => {
  it('an INVITE that arrives before the hook answers is the hook\'s call: no inbound offer, the hook\'s id', async () => {
    const parsed = parseHookTemplate(JSON.stringify({ method: 'POST', url: 'http://127.0.0.1:9/click', body: 'ramal={ramal}&telefone={telefone}' }), { loopbackHttpAllowed: () => true });
    if (!parsed.ok) throw new Error(parsed.problem);
    const events: unknown[] = [];
    const early: { platform?: SipPlatform } = {};
    // The PBX originates first: its INVITE reaches the phone while the POST is still open.
    const fetch = (): Promise<Response> => {
      early.platform?.offered({ sipCallId: 'pbx-invite-early', callerNumber: '1002' });
      return Promise.resolve(new Response('1733400000.7', { status: 200 }));
    };
    const platform = new SipPlatform({ settings: settings({ hooks: { clickToCall: parsed.value, callStart: null, callEnd: null, recording: null } }), warn: () => undefined, now: () => T0, fetch });
    early.platform = platform;
    platform.watch(agent, { onEvent: (event) => events.push(event) }).start();
    platform.attach(recordingLine(), '1001');
    expect(await platform.run({ command: 'dial', agent, number: '1002' })).toEqual({ ok: true, value: '1733400000.7' });
    expect(events, 'one call, with the hook\'s id; the SIP Call-ID never becomes the call id').toEqual([expect.objectContaining({ kind: 'platformCallStarted', callId: '1733400000.7', direction: 'outbound' })]);
    // The next INVITE is a new call again.
    platform.offered({ sipCallId: 'someone-else', callerNumber: '1003' });
    expect(events.at(-1)).toMatchObject({ kind: 'platformCallStarted', callId: 'someone-else', direction: 'inbound' });
  });
});

describe('an INVITE with pop headers, through the real machine', () => {
  it('offers the call, delivers the record by its id (one pop), then rings with the leg', () => {
    const invite = {
      sipCallId: 'a84b4c76e66710@pc33',
      callerNumber: '+5491155550000',
      inviteHeaders: { 'X-Record-Id': '003000000000001AAA', 'X-CRM-Id': 'CRM-77', 'X-Contact-Id': '4711', 'X-Queue': '12', 'X-Campaign': '<script>' },
    };
    const { events, dropped } = offeredCallFacts(invite, HEADERS, T0);
    expect(dropped).toEqual(['X-Campaign: not a whole number']);
    let state = STATES.ready as Parameters<typeof step>[0];
    const effects: Effect[] = [];
    for (const event of events) {
      const next = step(state, event);
      state = next.state;
      effects.push(...next.effects);
    }
    const legId = parseSipLegId(invite.sipCallId);
    if (legId === null) throw new Error('leg');
    const rung = step(state, { kind: 'sipIncoming', at: T0 + 5, legId, callId: null, leg: 'unknown', answerAfterZero: false, from: invite.callerNumber, queue: null });
    effects.push(...rung.effects);
    expect(rung.state.phase).toBe('ringing');
    if (rung.state.phase !== 'ringing') return;
    expect(rung.state.call).toMatchObject({ direction: 'inbound', callId: invite.sipCallId, legId, queue: 12, campaign: null, number: invite.callerNumber });
    expect(rung.state.call.contact).toMatchObject({ data: '003000000000001AAA', keyLabel: 'X-Record-Id', contactId: 4711 });
    const pops = effects.filter((effect) => effect.kind === 'screenPop');
    expect(pops).toHaveLength(1);
    expect(effects).toContainEqual({ kind: 'ringer', on: true });
  });
});
