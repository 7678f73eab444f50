/**
 * The shim against the emulator's library (which follows Salesforce's v57 library on these
 * points, see test/dev/lightning/opencti-library-parity.test.ts): replies the library handles
 * awkwardly — a failed subscribe (row 12), a null subscribe reply (row 13), a reply that comes
 * twice (row 14) — end in one clear, typed outcome, never in a wait for the timeout.
 */
import { describe, expect, it } from 'vitest';
import { OpenCti } from '../../src/opencti/shim.ts';
import type { OpenCtiLightning } from '../../src/opencti/types.ts';
import { CONSOLE, loadLibrary } from '../dev/lightning/library-frame.ts';
import type { LibraryFrame, Posted } from '../dev/lightning/library-frame.ts';
import { rejectionOf } from './rejection.ts';

/** Long enough that a test only passes when the outcome does not come from the timeout. */
const NEVER = 3_600_000;

function setup(options: { watch?: boolean; timeoutMs?: number } = {}) {
  const frame = loadLibrary();
  const replies = { window: frame.window, origin: CONSOLE, apiVersion: 57 };
  const cti = new OpenCti(frame.api as unknown as OpenCtiLightning, {
    timeoutMs: options.timeoutMs ?? NEVER,
    ...(options.watch === false ? {} : { replies }),
  });
  return { frame, cti };
}

/** The `n`-th request of `methodName` the library posted, once it has been posted. */
async function posted(frame: LibraryFrame, methodName: string, n = 0): Promise<Posted> {
  for (let turn = 0; turn < 50; turn++) {
    const found = frame.posted.filter((p) => p.message.methodName === methodName)[n];
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  throw new Error(`the library never posted ${methodName} #${n}`);
}


const OK = { success: true, returnValue: null, errors: null };

describe('row 12: a failed subscribe reply', () => {
  it('rejects with Salesforce\'s error code and description, and a later subscribe starts afresh', async () => {
    const { frame, cti } = setup();
    const refusing = cti.subscribe({ channelName: 'Dial__c', listener: () => undefined });
    frame.answer(await posted(frame, 'subscribe'), { success: false, returnValue: null, errors: [{ code: 'INVALID_PARAM', description: 'No channel Dial__c' }] });
    const error = await rejectionOf(refusing);
    expect(error.code).toBe('INVALID_PARAM');
    expect(error.message).toBe('Salesforce refused Open CTI subscribe({"channelName":"Dial__c"}): INVALID_PARAM: No channel Dial__c.');

    const heard: unknown[] = [];
    const again = cti.subscribe({ channelName: 'Dial__c', listener: (m) => heard.push(m) });
    frame.answer(await posted(frame, 'subscribe', 1), OK);
    await again;
    frame.deliver({ methodName: 'subscribe', eventName: 'Dial__c', callId: -1, apiVersion: 57, apiType: 'opencti', response: { n: 1 }, shouldExecuteListener: true });
    expect(heard).toEqual([{ n: 1 }]);
  });

  it('rejects a reply without success (so without a subscription) as MALFORMED_RESPONSE', async () => {
    const { frame, cti } = setup();
    const pending = cti.subscribe({ channelName: 'Dial__c', listener: () => undefined });
    frame.answer(await posted(frame, 'subscribe'), { returnValue: null });
    const error = await rejectionOf(pending);
    expect(error.code).toBe('MALFORMED_RESPONSE');
    expect(error.message).toContain('success = nothing; expected true or false');
  });
});

describe('row 13: a null reply to subscribe', () => {
  it.each([['null', null], ['a missing response', undefined]])(
    'rejects at once with MALFORMED_RESPONSE for %s, although the library throws and never calls back',
    async (_what, response) => {
      const { frame, cti } = setup();
      const pending = cti.subscribe({ channelName: 'Dial__c', listener: () => undefined });
      const thrown = frame.answer(await posted(frame, 'subscribe'), response);
      expect(thrown).toEqual([expect.any(TypeError)]);
      const error = await rejectionOf(pending);
      expect(error.code).toBe('MALFORMED_RESPONSE');
      expect(error.method).toBe('subscribe');
      expect(error.message).toMatch(/^Open CTI subscribe was answered with the response (null|nothing); expected a \{success, returnValue, errors\} object\. The Open CTI library fails on this reply and never calls back/);
      expect(frame.listenerCount()).toBe(1);
    },
  );

  it('keeps the next subscribe working: one raw subscribe at a time, so the bad reply is attributed right', async () => {
    const { frame, cti } = setup();
    const first = cti.subscribe({ channelName: 'One__c', listener: () => undefined });
    const second = cti.subscribe({ channelName: 'Two__c', listener: () => undefined });
    const firstRequest = await posted(frame, 'subscribe');
    expect(frame.posted.filter((p) => p.message.methodName === 'subscribe')).toHaveLength(1);
    frame.answer(firstRequest, null);
    expect((await rejectionOf(first)).code).toBe('MALFORMED_RESPONSE');
    const secondRequest = await posted(frame, 'subscribe', 1);
    expect(secondRequest.message.args).toMatchObject({ eventName: 'Two__c' });
    frame.answer(secondRequest, OK);
    await expect(second).resolves.toBeTypeOf('function');
  });

  it('ignores a null reply the library would ignore too: another origin or API version', async () => {
    const { frame, cti } = setup({ timeoutMs: 200 });
    const pending = cti.subscribe({ channelName: 'Dial__c', listener: () => undefined });
    const request = await posted(frame, 'subscribe');
    const reply = { methodName: 'subscribe', callId: request.message.callId, apiType: 'opencti', response: null, shouldExecuteCallback: true };
    frame.deliver({ ...reply, apiVersion: 57 }, 'https://evil.example.com');
    frame.deliver({ ...reply, apiVersion: 58 });
    expect((await rejectionOf(pending)).code).toBe('TIMEOUT');
    expect(frame.reported).toEqual([]);
  });

  it('without a reply source (no loader), can only end at the timeout', async () => {
    const { frame, cti } = setup({ watch: false, timeoutMs: 200 });
    const pending = cti.subscribe({ channelName: 'Dial__c', listener: () => undefined });
    frame.answer(await posted(frame, 'subscribe'), null);
    expect((await rejectionOf(pending)).code).toBe('TIMEOUT');
  });
});

describe('row 14: a reply that comes twice', () => {
  it('resolves once, and the library drops our callback after the first reply because it never throws', async () => {
    const { frame, cti } = setup();
    const pending = cti.getCallCenterSettings();
    const request = await posted(frame, 'getCallCenterSettings');
    expect(frame.answer(request, { success: true, returnValue: { '/reqGeneralInfo/reqAdapterUrl': 'https://a' }, errors: null })).toEqual([]);
    expect(frame.answer(request, { success: true, returnValue: { '/reqGeneralInfo/reqAdapterUrl': 'https://b' }, errors: null })).toEqual([]);
    await expect(pending).resolves.toEqual({ '/reqGeneralInfo/reqAdapterUrl': 'https://a' });
  });

  it('rejects once for a malformed reply sent twice, without throwing into the library', async () => {
    const { frame, cti } = setup();
    const pending = cti.getAppViewInfo();
    const request = await posted(frame, 'getAppViewInfo');
    expect(frame.answer(request, 'not an object')).toEqual([]);
    expect(frame.answer(request, 'not an object')).toEqual([]);
    expect((await rejectionOf(pending)).code).toBe('MALFORMED_RESPONSE');
  });

  it('subscribes once when the subscribe reply comes twice, and leaves with one unsubscribe', async () => {
    const { frame, cti } = setup();
    const heard: unknown[] = [];
    const pending = cti.subscribe({ channelName: 'Dial__c', listener: (m) => heard.push(m) });
    const request = await posted(frame, 'subscribe');
    expect(frame.answer(request, { ...OK })).toEqual([]);
    expect(frame.answer(request, { ...OK })).toEqual([]);
    const off = await pending;
    const event = { methodName: 'subscribe', eventName: 'Dial__c', callId: -1, apiVersion: 57, apiType: 'opencti', shouldExecuteListener: true };
    frame.deliver({ ...event, response: { n: 1 } });
    expect(heard).toEqual([{ n: 1 }]);
    const leaving = off();
    const unsubscribe = await posted(frame, 'unsubscribe');
    frame.answer(unsubscribe, OK);
    await leaving;
    frame.deliver({ ...event, response: { n: 2 } });
    expect(heard).toEqual([{ n: 1 }]);
    expect(frame.posted.map((p) => p.message.methodName)).toEqual(['subscribe', 'unsubscribe']);
  });
});

describe('publish through the library', () => {
  it('refuses a circular message as INVALID_ARGUMENT with JSON\'s reason', async () => {
    const { cti } = setup();
    const message: Record<string, unknown> = {};
    message.self = message;
    const error = await rejectionOf(cti.publish({ channelName: 'Dial__c', message }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(/circular/i);
  });
});
