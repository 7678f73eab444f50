/**
 * The `sip` platform end to end (issue 13): the REAL widget (dist/ in the Lightning console
 * stand-in, `telephonyPlatform=sip`, no NeoApi at all) registered at Kamailio, rtpengine between
 * WebRTC and plain RTP, baresip as the customer (user 5550100, a 700 Hz voice, answers by itself)
 * and a raw UDP user agent playing a PBX that adds pop X-headers. The agent's microphone is 500 Hz.
 * Every claim is checked on the far side too: Kamailio's trace, baresip's recording and log.
 *
 * Needs kamailio, rtpengine-daemon and baresip-core (.ci/run installs them): fails, never skips.
 */
import { writeFileSync } from 'node:fs';
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKamailio, type RunningKamailio } from '../../dev/kamailio/kamailio.ts';
import type { AgentTab } from '../agent/support/agent-console.ts';
import { logIn, takeBreak, untilStatus } from '../agent/support/agent-steps.ts';
import { measureHeardTone } from '../neotel/support/audio-proof.ts';
import type { RunningHttpTelephony } from '../../dev/http-telephony/server.ts';
import { Baresip } from './support/baresip.ts';
import { startBaresipTelephony } from './support/baresip-telephony.ts';
import { readRecording, toneOf } from './support/recording.ts';
import { startRtpengine, type RunningRtpengine } from './support/rtpengine.ts';
import { SipWidgetConsole } from './support/sip-widget-console.ts';
import { UdpUac } from './support/udp-uac.ts';
import { until } from './support/until.ts';

const AGENT = { user: '1001', password: 'unused-on-sip', device: '1001', devicePassword: 'sip-1001' } as const;
const CUSTOMER = { user: '5550100', password: 'customer-secret' } as const;
const AGENT_HZ = 500;
const CUSTOMER_HZ = 700;
const LIFETIME_MS = 10 * 60_000;
/** María José González, a Contact of dev/lightning's seed records. */
const MARIA = '003Dt000HccIdlkIIC';
/** The hooks' `{chave}`: it must never reach the org. */
const HOOK_SECRET = 'widget-hook-secret';
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('the sip platform in the real widget: Kamailio, rtpengine and baresip', () => {
  let rtpengine: RunningRtpengine;
  let kamailio: RunningKamailio;
  let customer: Baresip;
  let console_: SipWidgetConsole;
  let tab: AgentTab;
  let adapter: Frame;
  /** dev/http-telephony in front of baresip: the hooks' API (click2call, gravacao). */
  let api: RunningHttpTelephony;
  const numbers: Record<string, number | string> = {};

  /** Back to Ready whatever the previous test left. */
  const backToReady = async (): Promise<void> => {
    const status = await adapter.getByTestId('status').getAttribute('data-status');
    if (status === 'inCall') await adapter.getByTestId('hang-up').click();
    if ((await untilStatus(adapter, ['wrapUp', 'ready', 'onBreak'], 10_000)) === 'wrapUp') await adapter.getByTestId('available').click();
    if ((await adapter.getByTestId('status').getAttribute('data-status')) === 'onBreak') await adapter.getByTestId('unpause').click();
    await untilStatus(adapter, ['ready'], 10_000);
  };

  /** Waits until baresip closed a call since log line `mark`, so its recording is complete. */
  const closedAtCustomer = async (mark: number): Promise<void> => {
    await until('baresip to close the call', () => (customer.helper.lines().slice(mark).some((line) => line.includes('terminated (duration') || line.includes(': session closed: ')) ? true : undefined), 15_000);
    await sleep(300); // sndfile closes the file once the call's audio stops
  };

  beforeAll(async () => {
    rtpengine = await startRtpengine(37000, LIFETIME_MS);
    kamailio = await startKamailio({ users: { [AGENT.device]: AGENT.devicePassword, [CUSTOMER.user]: CUSTOMER.password }, rtpengineSock: rtpengine.ngSock });
    customer = await Baresip.start({ proxyUdpPort: kamailio.udpPort, domain: kamailio.domain, user: CUSTOMER.user, password: CUSTOMER.password, toneHz: CUSTOMER_HZ, rtpPortMin: 38000, maxLifetimeMs: LIFETIME_MS, answerMode: 'auto' });
    await until('baresip registered', async () => ((await kamailio.registeredAors()).includes(CUSTOMER.user) ? true : undefined), 10_000);
    api = await startBaresipTelephony(customer, HOOK_SECRET);
    console_ = await SipWidgetConsole.start(kamailio, {
      '/sipPlatform/sipPopHeaders': 'crmKey=X-CRM-Id; contactId=X-Contact-Id; callQueue=X-Queue; callCampaing=X-Campaign; recordId=X-Record-Id',
      '/sipPlatform/sipNotReadyReasons': 'Almuerzo; Capacitación',
      '/sipPlatform/sipNotReadyStatus': '486',
      '/sipPlatform/sipHookSecret': HOOK_SECRET,
      '/sipPlatform/sipRecordingHook': JSON.stringify({ method: 'GET', url: `${api.url}/gravacao?callid={callId}&chave={chave}` }),
    });
    tab = await console_.openTab(AGENT_HZ);
    adapter = tab.adapter;
    await logIn(adapter, AGENT);
    await untilStatus(adapter, ['ready'], 20_000);
  });

  afterAll(async () => {
    await (console_ as SipWidgetConsole | undefined)?.close();
    await (api as RunningHttpTelephony | undefined)?.close();
    await (customer as Baresip | undefined)?.stop();
    await (kamailio as RunningKamailio | undefined)?.stop();
    await (rtpengine as RunningRtpengine | undefined)?.stop();
    console.info('sip widget numbers:', JSON.stringify(numbers, undefined, 1));
    if (kamailio as RunningKamailio | undefined) writeFileSync('.tmp/sip-widget-kamailio-trace.log', kamailio.trace().join('\n'));
    if (customer as Baresip | undefined) writeFileSync('.tmp/sip-widget-customer.log', customer.helper.lines().join('\n'));
  });

  it('an INVITE with X-Record-Id pops that record, and the call\'s Task links it (CallObject = the SIP Call-ID)', async () => {
    const pbx = await UdpUac.open(kamailio.udpPort, kamailio.domain);
    try {
      pbx.invite(AGENT.device, 34400, [`X-Record-Id: ${MARIA}`, 'X-CRM-Id: CRM-77', 'X-Contact-Id: 4711', 'X-Queue: 12', 'X-Campaign: <script>alert(1)</script>']);
      await untilStatus(adapter, ['ringing'], 10_000);
      const linked = adapter.getByTestId('record-linked');
      await linked.waitFor({ timeout: 10_000 });
      expect(await linked.getAttribute('data-record-id'), 'the record named by X-Record-Id pops').toBe(MARIA);
      expect(await linked.getAttribute('data-reason')).toBe('recordId');
      await adapter.getByTestId('answer').click();
      const ok = await pbx.finalReply('INVITE', 10_000);
      expect(ok.status).toBe(200);
      pbx.ack(ok);
      await untilStatus(adapter, ['inCall'], 10_000);
      const callId = ok.header('Call-ID')[0] ?? '';
      const bye = pbx.inDialog('BYE');
      expect((await pbx.finalReply('BYE', 5000, bye)).status).toBe(200);
      await untilStatus(adapter, ['wrapUp'], 10_000);
      await adapter.getByTestId('available').click();
      await untilStatus(adapter, ['ready'], 10_000);
      const task = await until('the call\'s Task in the org', async () => (await console_.lightning.tasks()).find((t) => t.fields.CallObject === callId && t.fields.Status === 'Completed'), 20_000).catch(async (error: unknown) => {
        throw new Error(`${String(error)}; tasks: ${JSON.stringify((await console_.lightning.tasks()).map((t) => t.fields))}`);
      });
      expect(task.fields, 'the Task links the popped Contact').toMatchObject({ WhoId: MARIA, CallType: 'Inbound' });
      // The recording link from sipRecordingHook, for this call, without the secret.
      expect(task.fields.Description).toContain(`Recording: ${api.url}/gravacao?callid=${encodeURIComponent(callId)}&chave=`);
      expect(JSON.stringify(await console_.lightning.tasks())).not.toContain(HOOK_SECRET);
    } finally {
      pbx.close();
    }
  });

  it('a manual dial reaches baresip as an INVITE to sip:5550100@domain, with audio both ways', async () => {
    await backToReady();
    const mark = customer.helper.lines().length;
    const files = await customer.recordingCount();
    const traceMark = kamailio.trace().length;
    await adapter.getByTestId('dial-input').fill(CUSTOMER.user);
    await adapter.getByTestId('dial-button').click();
    const invite = await until('the INVITE in Kamailio\'s trace', () => kamailio.trace().slice(traceMark).find((line) => / req INVITE .*ruri=sip:5550100@/.test(line)), 10_000);
    expect(invite).toMatch(/proto=ws/);
    await untilStatus(adapter, ['inCall'], 15_000);
    const heard = await measureHeardTone(adapter, CUSTOMER_HZ, [AGENT_HZ]);
    numbers['manual dial: agent hears 700 Hz SNR dB'] = Math.round(heard.snrDb);
    expect(heard.snrDb, JSON.stringify(heard)).toBeGreaterThan(30);
    await sleep(2000);
    await adapter.getByTestId('hang-up').click();
    await closedAtCustomer(mark);
    const recordings = await customer.decodedSince(files);
    const last = recordings.at(-1);
    if (last === undefined) throw new Error('baresip recorded nothing');
    const tone = toneOf(readRecording(last), AGENT_HZ, [AGENT_HZ, CUSTOMER_HZ]);
    numbers['manual dial: baresip hears agent 500 Hz dBFS'] = Math.round(tone.medianDbfs);
    expect(tone.dominantHz, "baresip's recording holds the agent's 500 Hz").toBe(AGENT_HZ);
    expect(tone.medianDbfs).toBeGreaterThan(-30);
  });

  it('click-to-dial (Open CTI click on a record\'s phone) reaches baresip as an INVITE, with audio both ways', async () => {
    await backToReady();
    const created = await console_.lightning.createRecord('Contact', { LastName: 'Cliente SIP', Phone: CUSTOMER.user });
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    const mark = customer.helper.lines().length;
    const traceMark = kamailio.trace().length;
    await console_.lightning.clickToDial(String(created.record.fields.Id), 'Phone');
    await until('the INVITE in Kamailio\'s trace', () => kamailio.trace().slice(traceMark).find((line) => / req INVITE .*ruri=sip:5550100@/.test(line)), 10_000);
    await untilStatus(adapter, ['inCall'], 15_000);
    const heard = await measureHeardTone(adapter, CUSTOMER_HZ, [AGENT_HZ]);
    numbers['click-to-dial: agent hears 700 Hz SNR dB'] = Math.round(heard.snrDb);
    expect(heard.snrDb).toBeGreaterThan(30);
    await until("baresip to receive the agent's RTP", () => (customer.helper.lines().slice(mark).some((line) => line.includes("incoming rtp for 'audio' established")) ? true : undefined), 10_000);
    await adapter.getByTestId('hang-up').click();
    await closedAtCustomer(mark);
    const tone = toneOf(readRecording(await customer.decodedRecording()), AGENT_HZ, [AGENT_HZ, CUSTOMER_HZ]);
    expect(tone.dominantHz).toBe(AGENT_HZ);
  });

  it('not ready: baresip\'s INVITE to the agent is answered 486 (never 603) and never rings', async () => {
    await backToReady();
    await takeBreak(adapter);
    await untilStatus(adapter, ['onBreak'], 10_000);
    const traceMark = kamailio.trace().length;
    await customer.dial(AGENT.device);
    const refusal = await until('the agent to refuse the INVITE', () => kamailio.trace().slice(traceMark).find((line) => /reply [4-6]\d\d .* INVITE /.test(line)), 10_000);
    numbers['not ready → INVITE answered'] = refusal.split(' ').slice(1, 3).join(' ');
    expect(refusal).toMatch(/reply 486 /);
    expect(kamailio.trace().slice(traceMark).some((line) => line.includes('reply 603 '))).toBe(false);
    expect(await adapter.getByTestId('status').getAttribute('data-status'), 'the refused call never rang').toBe('onBreak');
  });

  it('click-to-call through the HTTP hook: the PBX calls the agent, audio both ways, the Task keeps the hook\'s call id and the panel plays the recording', async () => {
    await backToReady();
    // An admin sets the hook; the agent logs in again so the session reads it.
    await adapter.getByTestId('logout').click();
    await adapter.getByTestId('login-submit').waitFor({ timeout: 10_000 });
    await console_.lightning.setSettings({ '/sipPlatform/sipClickToCallHook': JSON.stringify({ method: 'POST', url: `${api.url}/click2call`, headers: { 'Content-Type': 'application/json' }, body: '{"ramal":"{ramal}","telefone":"{telefone}","chave":"{chave}"}' }) });
    await tab.page.close();
    tab = await console_.openTab(AGENT_HZ);
    adapter = tab.adapter;
    await logIn(adapter, AGENT);
    await untilStatus(adapter, ['ready'], 20_000);
    const mark = customer.helper.lines().length;
    const traceMark = kamailio.trace().length;
    await adapter.getByTestId('dial-input').fill('41988445566');
    await adapter.getByTestId('dial-button').click();
    const [hookCallId, placed] = await until('the stand-in to place the call', () => [...api.calls.entries()].at(-1), 10_000);
    expect(placed, 'the hook POSTed the agent\'s extension and the number dialled').toEqual({ ramal: AGENT.device, telefone: '41988445566' });
    expect(hookCallId, 'an Asterisk-style call id').toMatch(/^\d{10}\.\d+$/);
    await until('the PBX side to INVITE the agent', () => kamailio.trace().slice(traceMark).find((line) => line.includes(' req INVITE ') && line.includes('from=sip:5550100@') && line.includes('ruri=sip:1001@')), 10_000);
    // The softphone answers the call it asked for.
    await untilStatus(adapter, ['inCall'], 15_000);
    const heard = await measureHeardTone(adapter, CUSTOMER_HZ, [AGENT_HZ]);
    numbers['click-to-call hook: agent hears 700 Hz SNR dB'] = Math.round(heard.snrDb);
    expect(heard.snrDb, JSON.stringify(heard)).toBeGreaterThan(30);
    await sleep(2000);
    await adapter.getByTestId('hang-up').click();
    await closedAtCustomer(mark);
    await untilStatus(adapter, ['wrapUp'], 10_000);

    // The call's record is shown: its player loads the stand-in's WAV (a 404 while the call ran: "Try again").
    const player = adapter.getByTestId('recording-player');
    await player.waitFor({ timeout: 10_000 });
    const src = (await adapter.getByTestId('recording-link').getAttribute('href')) ?? '';
    expect(src, 'the player\'s URL is the hook for this call, with the secret').toBe(`${api.url}/gravacao?callid=${encodeURIComponent(hookCallId)}&chave=${HOOK_SECRET}`);
    const loaded = await until('the panel\'s <audio> to load the WAV', async () => {
      if ((await adapter.getByTestId('recording-failed').count()) > 0) await adapter.getByTestId('recording-retry').click();
      const audio = await adapter.getByTestId('recording-audio').evaluate((el) => ({ state: (el as HTMLAudioElement).readyState, duration: (el as HTMLAudioElement).duration })).catch(() => undefined);
      return audio !== undefined && audio.state >= 1 && audio.duration > 0 ? audio : undefined;
    }, 15_000);
    numbers['click-to-call hook: panel plays recording, seconds'] = Math.round(loaded.duration * 10) / 10;
    expect(loaded.duration, 'the call lasted over 2 s').toBeGreaterThan(1.5);
    const wav = await fetch(src);
    const tone = toneOf(readRecording(new Uint8Array(await wav.arrayBuffer())), AGENT_HZ, [AGENT_HZ, CUSTOMER_HZ]);
    numbers['click-to-call hook: recording holds agent 500 Hz dBFS'] = Math.round(tone.medianDbfs);
    expect(tone.dominantHz, 'the WAV the panel plays is that call: the customer heard the agent\'s 500 Hz').toBe(AGENT_HZ);
    expect(tone.medianDbfs).toBeGreaterThan(-30);

    // The org's Task keeps the hook's call id, and the recording link without the secret.
    await adapter.getByTestId('available').click();
    await untilStatus(adapter, ['ready'], 10_000);
    const task = await until('the call\'s Task in the org', async () => (await console_.lightning.tasks()).find((t) => t.fields.CallObject === hookCallId && t.fields.Status === 'Completed'), 20_000).catch(async (error: unknown) => {
      throw new Error(`${String(error)}; tasks: ${JSON.stringify((await console_.lightning.tasks()).map((t) => t.fields))}`);
    });
    expect(String(task.fields.Description).split('\n'), 'the Task\'s link has chave empty').toContain(`Recording: ${api.url}/gravacao?callid=${encodeURIComponent(hookCallId)}&chave=`);
    expect(JSON.stringify(await console_.lightning.tasks()), 'no Task holds the hook secret').not.toContain(HOOK_SECRET);
    expect(api.requests.join('\n'), 'the stand-in saw the secret in every request and logs none').not.toContain(HOOK_SECRET);
  });
});
