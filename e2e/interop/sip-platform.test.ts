/**
 * The `sip` platform's building blocks (issue 13) against a SIP world nobody here wrote:
 * Dialtone's own SipPhone (src/sip, bundled into ./support/sip-platform-page.ts) registered at
 * Debian's Kamailio over WebSocket, rtpengine turning its WebRTC into plain RTP, and two baresip
 * user agents over UDP — the customer (700 Hz) and a colleague (1100 Hz) — both registered and
 * answering by themselves. The agent's microphone is a 500 Hz sine.
 *
 * Every claim is proven from the far side: baresip's recordings (what it decoded, Goertzel per
 * 100 ms), its `ctrl_tcp` DTMF events, and Kamailio's trace of every SIP message.
 *
 * Needs kamailio, rtpengine-daemon and baresip-core (.ci/run installs them): fails, never skips.
 */
import type { RunningHttpTelephony } from '../../dev/http-telephony/server.ts';
import { listen, type ListeningServer } from '../../dev/shared/http.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBaresipTelephony } from './support/baresip-telephony.ts';
import { readRecording, toneOf } from './support/recording.ts';
import { type AgentPage, dbNumber, levelBetween } from './support/sip-platform-agent.ts';
import { AGENT_HZ, agentHears, closed, CUSTOMER_HZ, sleep, startSipWorld, type SipWorld } from './support/sip-platform-world.ts';
import { UdpUac } from './support/udp-uac.ts';
import { until } from './support/until.ts';

describe('the sip platform: SipPhone against Kamailio, rtpengine and two baresip user agents', () => {
  let world: SipWorld;
  let agent: AgentPage;
  const numbers: Record<string, number | string> = {};

  beforeAll(async () => {
    world = await startSipWorld(35000);
    agent = await world.openAgent('agent', 'rfc4733');
  });

  beforeEach(async () => {
    // Each test starts with no call, whatever the previous one left behind.
    const state = await agent.state();
    if (state.main && state.main.phase !== 'ended') await agent.run('hangUp');
  });

  afterAll(async () => {
    await (world as SipWorld | undefined)?.stop('sip-platform');
    console.info('sip platform numbers:', JSON.stringify(numbers, undefined, 1));
  });

  it('calls a number (INVITE to sip:<number>@domain), hears the customer, sends 15# by RFC 4733, holds and resumes', async () => {
    const { customer, kamailio } = world;
    const mark = customer.helper.lines().length;
    const files0 = await customer.recordingCount();
    const traceMark = kamailio.trace().length;
    const started = performance.now();
    await agent.must('call', 'customer');
    const invite = await until('the INVITE to sip:customer@domain in Kamailio\'s trace', () => kamailio.trace().slice(traceMark).find((line) => / req INVITE .*ruri=sip:customer@/.test(line)), 5000);
    numbers['call() → INVITE in Kamailio trace ms'] = Math.round(performance.now() - started);
    expect(invite).toMatch(/proto=ws/);
    await agent.until('the call established', (s) => s.main?.phase === 'established');
    numbers['call() → established ms'] = Math.round(performance.now() - started);
    const heard = await until('the agent to hear the customer', async () => ((await agentHears(agent, CUSTOMER_HZ)) > 30 ? agentHears(agent, CUSTOMER_HZ) : undefined), 5000);
    numbers['agent hears customer 700 Hz SNR dB'] = Math.round(heard);

    // The first digit must not go out before baresip receives the agent's RTP at all (rtpengine
    // forwards once ICE/DTLS with the browser is up), or it is lost with the first packets.
    await until("baresip to receive the agent's RTP", () => (customer.helper.lines().slice(mark).some((line) => line.includes("incoming rtp for 'audio' established")) ? true : undefined), 10_000);
    await agent.must('sendDtmf', '15#');
    const digits = await until('baresip to receive 3 digits', () => (customer.receivedDigits(Number.MAX_SAFE_INTEGER, mark).length >= 3 ? customer.receivedDigits(Number.MAX_SAFE_INTEGER, mark) : undefined), 10_000).catch((error: unknown) => {
      throw new Error(`${String(error)}; baresip got ${JSON.stringify(customer.receivedDigits(Number.MAX_SAFE_INTEGER, mark))}`);
    });
    numbers['RFC 4733 digits at baresip'] = digits;
    expect(digits).toBe('15#');

    await sleep(1500);
    await agent.must('hold');
    expect((await agent.state()).main?.onHold).toBe(true);
    await sleep(2000);
    await agent.must('resume');
    await sleep(2000);
    await agent.must('hangUp');
    await closed(customer, mark);
    // baresip opens a new recording when the hold's re-INVITE restarts its audio
    // (./support/baresip.ts): the first is the call before the hold, the last runs from the hold
    // (the agent's microphone off: nothing of the agent) through the resume to the hang-up.
    const files = (await customer.decodedSince(files0)).map((bytes) => readRecording(bytes));
    const [first, sinceHold] = [files[0], files.at(-1)];
    if (!first || !sinceHold || files.length < 2) throw new Error(`expected a recording before and one since the hold, got ${files.length}`);
    const levels = {
      'customer hears agent before hold dBFS': levelBetween(first, AGENT_HZ, 0.3, -0.3),
      'customer hears agent on hold dBFS': levelBetween(sinceHold, AGENT_HZ, 0.2, 1.5),
      'customer hears agent after resume dBFS': levelBetween(sinceHold, AGENT_HZ, -1.5, -0.3),
    };
    for (const [what, value] of Object.entries(levels)) numbers[what] = dbNumber(value);
    expect(levels['customer hears agent before hold dBFS'], 'before the hold the customer heard the agent').toBeGreaterThan(-30);
    expect(levels['customer hears agent on hold dBFS'], 'on hold (sendonly, microphone off) nothing of the agent reaches the customer').toBeLessThan(-50);
    expect(levels['customer hears agent after resume dBFS'], 'after resume the customer hears the agent again').toBeGreaterThan(-30);
  });

  it('sends 15# as SIP INFO application/dtmf-relay when the deployment says so, and baresip gets 15#', async () => {
    const { customer, kamailio } = world;
    const infoAgent = await world.openAgent('agentinfo', 'info');
    try {
      const mark = customer.helper.lines().length;
      const traceMark = kamailio.trace().length;
      await infoAgent.must('call', 'customer');
      await infoAgent.until('the call established', (s) => s.main?.phase === 'established');
      await until("baresip to receive the agent's RTP", () => (customer.helper.lines().slice(mark).some((line) => line.includes("incoming rtp for 'audio' established")) ? true : undefined), 10_000);
      await infoAgent.must('sendDtmf', '15#');
      const digits = await until('baresip to receive 3 digits', () => (customer.receivedDigits(Number.MAX_SAFE_INTEGER, mark).length >= 3 ? customer.receivedDigits(Number.MAX_SAFE_INTEGER, mark) : undefined), 10_000);
      numbers['SIP INFO digits at baresip'] = digits;
      expect(digits).toBe('15#');
      const infos = kamailio.trace().slice(traceMark).filter((line) => line.includes(' req INFO '));
      expect(infos, 'three INFO requests passed Kamailio').toHaveLength(3);
      await infoAgent.must('hangUp');
      await closed(customer, mark);
    } finally {
      await infoAgent.page.close();
    }
  });

  it('while not ready refuses an INVITE with 486 or 480 (never 603); when ready reads the pop X-headers', async () => {
    const { kamailio } = world;
    for (const status of [486, 480] as const) {
      const pbx = await UdpUac.open(kamailio.udpPort, kamailio.domain); // a new Call-ID each time
      try {
        await agent.page.evaluate((refusal) => window.sipPlatformPhone.setReady(false, refusal), status);
        pbx.invite('agent', 34100);
        const reply = await pbx.finalReply('INVITE', 5000);
        numbers[`not ready (${status}) → INVITE answered`] = reply.status;
        expect(reply.status).toBe(status);
      } finally {
        pbx.close();
      }
    }
    expect(kamailio.trace().some((line) => line.includes('reply 603 '))).toBe(false);
    const popPbx = await UdpUac.open(kamailio.udpPort, kamailio.domain);
    try {
      await agent.page.evaluate(() => window.sipPlatformPhone.setReady(true, 486));
      popPbx.invite('agent', 34200, ['X-CRM-Id: 001A000001abcDE', 'X-Contact-Id: 003B000000xyz', 'X-Queue: ventas', 'X-Campaign: <script>alert(1)</script>']);
      const ringing = await agent.until('the call ringing', (s) => s.main?.phase === 'ringing');
      expect(ringing.main?.inviteHeaders).toEqual({ 'X-CRM-Id': '001A000001abcDE', 'X-Contact-Id': '003B000000xyz', 'X-Queue': 'ventas', 'X-Campaign': '<script>alert(1)</script>' });
      await agent.must('hangUp');
      expect((await popPbx.finalReply('INVITE', 5000)).status, 'declined while ringing: 486').toBe(486);
    } finally {
      popPbx.close();
    }
  });

  it('click-to-call through the HTTP hook: the stand-in API has the PBX place the call, the call id comes back, the recording plays', async () => {
    const { customer, kamailio } = world;
    const CHAVE = 'finaz-key-123';
    const notified: string[] = [];
    const listener: ListeningServer = await listen((req, res) => {
      notified.push(req.url ?? '');
      res.writeHead(200).end('ok');
    }, { port: 0, bindAddress: '127.0.0.1' });
    // The PBX behind the stand-in: the customer baresip calls the agent's extension; its
    // decoded audio of that call (the agent) is the recording.
    const api: RunningHttpTelephony = await startBaresipTelephony(customer, CHAVE, `http://127.0.0.1:${listener.port}/wconnect/WConnect_WSDL_FinalizaLigacao.php`);
    try {
      const clickHook = JSON.stringify({ method: 'POST', url: `${api.url}/click2call`, headers: { 'Content-Type': 'application/json' }, body: '{"ramal":"{ramal}","telefone":"{telefone}","chave":"{chave}"}' });
      const recordingHook = JSON.stringify({ url: `${api.url}/gravacao?callid={callId}&telefone={telefone}&chave={chave}` });
      const traceMark = kamailio.trace().length;
      const started = performance.now();
      const answer = await agent.page.evaluate(([hook, chave]) => window.sipPlatformPhone.clickToCall(hook, { ramal: 'agent', telefone: '41988445566', chave }), [clickHook, CHAVE] as const);
      expect(answer.ok, answer.message).toBe(true);
      const callId = answer.callId ?? '';
      expect(callId, 'an Asterisk-style call id as text').toMatch(/^\d{10}\.\d+$/);
      expect(api.requests.at(-1)).toBe('POST /click2call');
      const ringing = await agent.until('the PBX leg to ring the agent', (s) => s.main?.phase === 'ringing');
      numbers['click-to-call POST → agent rings ms'] = Math.round(performance.now() - started);
      expect(ringing.main?.callerNumber).toBe('customer');
      expect(kamailio.trace().slice(traceMark).some((line) => line.includes(' req INVITE ') && line.includes('from=sip:customer@') && line.includes('ruri=sip:agent@')), 'the INVITE came from the PBX side (UDP) through Kamailio').toBe(true);
      await agent.must('answer');
      const snr = await until('the agent to hear the called party', async () => {
        const level = await agentHears(agent, CUSTOMER_HZ);
        return level > 30 ? level : undefined;
      }, 5000);
      numbers['click-to-call: agent hears 700 Hz SNR dB'] = Math.round(snr);
      const lineMark = customer.helper.lines().length;
      await sleep(2000);
      await agent.must('hangUp');
      await closed(customer, lineMark);

      // The recording URL from the hook template: the softphone's <audio> plays it, and it holds the agent's tone.
      const played = await agent.page.evaluate(([hook, id, chave]) => window.sipPlatformPhone.playRecording(hook, { callId: id, telefone: '41988445566', chave }), [recordingHook, callId, CHAVE] as const);
      expect(played.ok, played.message).toBe(true);
      numbers['recording plays in <audio>, seconds'] = Math.round((played.seconds ?? 0) * 10) / 10;
      expect(played.seconds).toBeGreaterThan(1.5);
      const wav = await fetch(`${api.url}/gravacao?callid=${callId}&telefone=41988445566&chave=${CHAVE}`);
      const tone = toneOf(readRecording(new Uint8Array(await wav.arrayBuffer())), AGENT_HZ, [AGENT_HZ, CUSTOMER_HZ]);
      numbers['recording: agent 500 Hz median dBFS'] = Math.round(tone.medianDbfs);
      expect(tone.dominantHz, 'the recording is of that call: the agent\'s 500 Hz').toBe(AGENT_HZ);
      const refused = await fetch(`${api.url}/gravacao?callid=${callId}&telefone=41988445566&chave=wrong`);
      expect(refused.status, 'a wrong chave is refused').toBe(401);
      expect(api.requests.join('\n'), 'the stand-in never logs the chave').not.toContain(CHAVE);

      // Seed 002's end-of-call listener gets ramal, telefone and url_audio.
      expect(await api.notifyCallEnded(callId)).toBe(200);
      const notice = new URL(notified.at(-1) ?? '', 'http://x');
      expect(notice.pathname).toBe('/wconnect/WConnect_WSDL_FinalizaLigacao.php');
      expect(notice.searchParams.get('telefone')).toBe('41988445566');
      expect(notice.searchParams.get('url_audio')).toContain(`callid=${callId}`);
    } finally {
      await api.close();
      await listener.close();
    }
  });
});
