/**
 * SipPhone.call(): the outgoing call through sip.js's real transaction and dialog code, against
 * an in-memory proxy (./fake-proxy.ts) and a fake SDP handler — signalling only; the media of an
 * outgoing call is proven in a browser by e2e/interop/kamailio.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SipPhone, SipPhoneError, type CallEndReason, type CallSnapshot, type SipPhoneErrorCode } from '../../src/sip/index.ts';
import { FakeProxy } from './fake-proxy.ts';

interface Rig {
  readonly proxy: FakeProxy;
  readonly phone: SipPhone;
  readonly established: CallSnapshot[];
  readonly ended: { call: CallSnapshot; reason: CallEndReason; detail: string | undefined }[];
}

const phones: SipPhone[] = [];
afterEach(async () => {
  await Promise.all(phones.splice(0).map((phone) => phone.dispose()));
});

function rig(): Rig {
  const proxy = new FakeProxy();
  const phone = new SipPhone(proxy.options());
  phones.push(phone);
  const result: Rig = { proxy, phone, established: [], ended: [] };
  phone.on('established', (call) => result.established.push(call));
  phone.on('ended', (call, reason, detail) => result.ended.push({ call, reason, detail }));
  return result;
}

async function registered(): Promise<Rig> {
  const r = rig();
  await r.phone.register();
  return r;
}

async function until(what: string, done: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200 && !done(); attempt++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!done()) throw new Error(`Expected ${what} within 1 s`);
}

async function refusal(promise: Promise<unknown>): Promise<SipPhoneError> {
  const error = await promise.then(() => undefined, (thrown: unknown) => thrown);
  if (!(error instanceof SipPhoneError)) throw new Error(`Expected a SipPhoneError, got ${String(error)}`);
  return error;
}

describe('SipPhone.call', () => {
  it('refuses to call before register(), saying the phone is unregistered', async () => {
    const { phone, proxy } = rig();
    const error = await refusal(phone.call('1002'));
    expect(error.code).toBe<SipPhoneErrorCode>('not-registered');
    expect(error.message).toMatch(/the phone is unregistered \(expected registered/);
    expect(proxy.requests).toEqual([]);
  });

  it('refuses a malformed target before anything goes out', async () => {
    const { phone, proxy } = await registered();
    const error = await refusal(phone.call('john smith'));
    expect(error.code).toBe<SipPhoneErrorCode>('invalid-target');
    expect(proxy.requests).toEqual(['REGISTER']);
  });

  it('sends the INVITE to the number on its own domain and reports the call established on 200 OK', async () => {
    const r = await registered();
    await r.phone.call('+54 11 5555-0000');
    expect(r.proxy.lastInviteUri()).toBe('sip:+541155550000@pbx.test');
    await until('established', () => r.established.length === 1);
    expect(r.established[0]).toMatchObject({ direction: 'outgoing', phase: 'established', callerNumber: '+541155550000', finalStatusCode: null });
    expect(r.phone.currentCall?.phase).toBe('established');
    expect(r.proxy.requests).toEqual(['REGISTER', 'INVITE', 'ACK']);
  });

  it('is calling until the far end answers, and refuses a second call meanwhile', async () => {
    const r = await registered();
    r.proxy.invite = 'ring';
    await r.phone.call('customer');
    await until('the far end to ring', () => r.proxy.responses.includes(180));
    expect(r.phone.currentCall).toMatchObject({ direction: 'outgoing', phase: 'calling' });
    const error = await refusal(r.phone.call('1003'));
    expect(error.code).toBe<SipPhoneErrorCode>('call-in-progress');
    expect(error.message).toMatch(/a call is already calling/);
    expect(r.proxy.requests.filter((method) => method === 'INVITE')).toHaveLength(1);
  });

  it('ends a call the far end refuses as refused, with the status code', async () => {
    const r = await registered();
    r.proxy.invite = { refuse: 486 };
    await r.phone.call('1002');
    await until('ended', () => r.ended.length === 1);
    expect(r.ended[0]).toMatchObject({ reason: 'refused', detail: '486 Busy Here', call: { phase: 'ended', finalStatusCode: 486, establishedAt: null } });
    expect(r.phone.currentCall).toBeUndefined();
  });

  it('cancels an unanswered call on hangUp(), as a local hang-up rather than a refusal', async () => {
    const r = await registered();
    r.proxy.invite = 'ring';
    await r.phone.call('customer');
    await until('the far end to ring', () => r.proxy.responses.includes(180));
    await r.phone.hangUp();
    await until('ended', () => r.ended.length === 1);
    expect(r.proxy.requests).toContain('CANCEL');
    expect(r.ended[0]).toMatchObject({ reason: 'local-hangup', call: { finalStatusCode: null } });
  });

  it('hangs up an established outgoing call with BYE, and then allows the next call', async () => {
    const r = await registered();
    await r.phone.call('1002');
    await until('established', () => r.established.length === 1);
    await r.phone.hangUp();
    await until('ended', () => r.ended.length === 1);
    expect(r.ended[0]?.reason).toBe('local-hangup');
    expect(r.proxy.requests).toContain('BYE');
    await r.phone.call('1003');
    await until('the second call established', () => r.established.length === 2);
  });

  it('refuses answer() on an outgoing call: there is nothing to answer', async () => {
    const r = await registered();
    r.proxy.invite = 'ring';
    await r.phone.call('customer');
    await until('the far end to ring', () => r.proxy.responses.includes(180));
    const error = await refusal(r.phone.answer());
    expect(error.code).toBe<SipPhoneErrorCode>('invalid-call-state');
    expect(error.message).toMatch(/it is an outgoing call/);
  });
});
