/**
 * `answersAtOnce`: the phone asks the app inside the INVITE's task whether to answer the call by
 * itself; a yes starts the answer before any listener hears of the call (the `incoming` event
 * then says `autoAnswer` and the call is already `answering`), a no rings as before, and the
 * question overrides `autoAnswerPlatformLegs`. Through sip.js's real transaction code against the
 * in-memory proxy.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionDescriptionHandlerFactory } from 'sip.js';
import { SipPhone, type CallSnapshot } from '../../src/sip/index.ts';
import { FakeProxy } from './fake-proxy.ts';

const phones: SipPhone[] = [];
// The in-memory proxy never ACKs a 200 OK, so an answered call's BYE waits on sip.js's timers:
// give each dispose one second rather than the hook's whole timeout.
afterEach(async () => {
  await Promise.all(phones.splice(0).map((phone) => Promise.race([phone.dispose(), new Promise((resolve) => setTimeout(resolve, 1000))])));
});

const PLATFORM_LEG = ['X-Neotel-Leg: platform', 'Call-Info: <sip:pbx.test>;answer-after=0'];

interface Offered {
  asked: CallSnapshot[];
  /** Whether `incoming` had been emitted when the phone asked. */
  askedBeforeIncoming: boolean;
  autoAnswer: boolean;
  /** The call's phase as the `incoming` listener sees it. */
  phaseSeen: string | undefined;
  /** The responses the phone had sent when the `incoming` listener ran. */
  sentBeforeIncoming: string[];
  rang: boolean;
  proxy: FakeProxy;
}

async function offer(answer: boolean, autoAnswerPlatformLegs = false): Promise<Offered> {
  const proxy = new FakeProxy();
  proxy.ackAnswers = true;
  const base = proxy.options();
  const seen = { offered: false, askedBeforeIncoming: false, autoAnswer: false, phase: undefined as string | undefined, rang: false, sent: [] as string[] };
  const asked: CallSnapshot[] = [];
  const phone = new SipPhone({
    ...base,
    connection: { ...base.connection, autoAnswerPlatformLegs },
    silentPlatformLegs: false,
    answersAtOnce: (call) => {
      asked.push(call);
      seen.askedBeforeIncoming = !seen.offered;
      return answer;
    },
  });
  phones.push(phone);
  phone.on('ringing', (on) => {
    if (on) seen.rang = true;
  });
  phone.on('incoming', (_call, autoAnswer) => {
    seen.offered = true;
    seen.autoAnswer = autoAnswer;
    seen.phase = phone.currentCall?.phase;
    seen.sent = [...proxy.sent];
  });
  await phone.register();
  proxy.offerCall(PLATFORM_LEG);
  for (let i = 0; i < 200 && !seen.offered; i++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!seen.offered) throw new Error(`the phone never reported the INVITE; it answered ${JSON.stringify(proxy.sent)}`);
  return { asked, askedBeforeIncoming: seen.askedBeforeIncoming, autoAnswer: seen.autoAnswer, phaseSeen: seen.phase, sentBeforeIncoming: seen.sent, rang: seen.rang, proxy };
}

describe('answersAtOnce', () => {
  it('answers a yes before any listener hears of the call, and sends the 200 OK without ringing', async () => {
    const offered = await offer(true);
    expect(offered.asked).toHaveLength(1);
    expect(offered.asked[0]).toMatchObject({ leg: 'platform', answerAfterSeconds: 0, direction: 'incoming' });
    expect(offered.askedBeforeIncoming).toBe(true);
    expect(offered.autoAnswer).toBe(true);
    expect(offered.sentBeforeIncoming.filter((line) => line.startsWith('SIP/2.0 200')), 'the 200 OK went out before the incoming listeners ran').toHaveLength(1);
    expect(offered.phaseSeen, 'and the ACK came back').toBe('established');
    expect(offered.rang).toBe(false);
    expect(offered.proxy.sent.filter((line) => line.startsWith('SIP/2.0 200'))).toHaveLength(1);
  });

  it('rings on a no, even with the phone’s own autoAnswerPlatformLegs on (the app’s answer wins)', async () => {
    const offered = await offer(false, true);
    expect(offered.asked).toHaveLength(1);
    expect(offered.autoAnswer).toBe(false);
    expect(offered.phaseSeen).toBe('ringing');
    expect(offered.rang).toBe(true);
    expect(offered.proxy.sent.some((line) => line.startsWith('SIP/2.0 200'))).toBe(false);
  });

  it('tells no listener of a call it answers by itself until the far end ACKs the 200 OK, then tells them in order', async () => {
    const { proxy, phone, heard } = await answering();
    await until('the 200 OK', () => proxy.sent.some((line) => line.startsWith('SIP/2.0 200')));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard, 'nothing while the far end has not ACKed the 200 OK').toEqual([]);
    expect(phone.currentCall?.phase).toBe('established');
    proxy.ackLastAnswer();
    await until('the events', () => heard.length >= 2);
    expect(heard).toEqual(['incoming true answering', 'established']);
  });

  it('still tells the listeners when no ACK comes (after a bounded wait)', async () => {
    const { heard } = await answering();
    await until('the events', () => heard.length >= 2);
    expect(heard).toEqual(['incoming true answering', 'established']);
  });

  it('tells the listeners of a failed answer at once, the call first', async () => {
    const failing: SessionDescriptionHandlerFactory = () => ({
      close: () => undefined,
      getDescription: () => Promise.reject(new Error('no microphone')),
      hasDescription: () => true,
      setDescription: () => Promise.resolve(),
      sendDtmf: () => false,
    });
    const { proxy, heard } = await answering(failing);
    await until('the end', () => heard.some((event) => event.startsWith('ended')));
    expect(heard[0]).toBe('incoming true answering');
    expect(heard).toContain('error answer-failed');
    expect(proxy.sent.some((line) => line.startsWith('SIP/2.0 200')), 'never answered').toBe(false);
  });
});

async function until(what: string, done: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 400 && !done(); attempt++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!done()) throw new Error(`Expected ${what} within 2 s`);
}

/** A registered phone that answers every call by itself, offered one platform leg; what its listeners heard, in order. */
async function answering(sessionDescriptionHandlerFactory?: SessionDescriptionHandlerFactory) {
  const proxy = new FakeProxy();
  const base = proxy.options();
  const phone = new SipPhone({ ...base, ...(sessionDescriptionHandlerFactory ? { sessionDescriptionHandlerFactory } : {}), answersAtOnce: () => true });
  phones.push(phone);
  const heard: string[] = [];
  phone.on('incoming', (call, autoAnswer) => heard.push(`incoming ${String(autoAnswer)} ${call.phase}`));
  phone.on('established', () => heard.push('established'));
  phone.on('ended', (_call, reason) => heard.push(`ended ${reason}`));
  phone.on('error', (error) => heard.push(`error ${error.code}`));
  await phone.register();
  proxy.offerCall(PLATFORM_LEG);
  return { proxy, phone, heard };
}
