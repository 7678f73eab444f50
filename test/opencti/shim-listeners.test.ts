import { describe, expect, it } from 'vitest';
import { OpenCtiError } from '../../src/opencti/errors.ts';
import { OpenCti } from '../../src/opencti/shim.ts';
import type { AppViewInfo, ClickToDialPayload, WorkStartPayload } from '../../src/opencti/types.ts';
import { FakeOpenCti, MISSING_LISTENER } from './fake-opencti.ts';
import { rejectionOf } from './rejection.ts';

function setup(fakeOptions: ConstructorParameters<typeof FakeOpenCti>[0] = {}) {
  const fake = new FakeOpenCti(fakeOptions);
  const problems: { problem: unknown; method: string }[] = [];
  const cti = new OpenCti(fake, { onListenerError: (problem, method) => problems.push({ problem, method }) });
  return { fake, cti, problems };
}


const CLICK = { number: '(415) 555-1212', recordId: '003000000000001AAA', recordName: 'Ana', objectType: 'Contact' };

describe('OpenCti click-to-dial and navigation listeners', () => {
  it('registers the raw click-to-dial listener once and fans each click out to every subscriber', () => {
    const { fake, cti } = setup();
    const first: ClickToDialPayload[] = [];
    const second: ClickToDialPayload[] = [];
    cti.onClickToDial((p) => first.push(p));
    cti.onClickToDial((p) => second.push(p));
    expect(fake.listenerCount('onClickToDial')).toBe(1);
    expect(fake.callsOf('onClickToDial')[0]?.isListenerRegistered).toBe(true);
    fake.emit('onClickToDial', CLICK);
    expect(first).toEqual([CLICK]);
    expect(second).toEqual([CLICK]);
  });

  it('stops delivering to an unsubscribed listener, keeps the others, and never re-registers', () => {
    const { fake, cti } = setup();
    const kept: ClickToDialPayload[] = [];
    const dropped: ClickToDialPayload[] = [];
    const off = cti.onClickToDial((p) => dropped.push(p));
    cti.onClickToDial((p) => kept.push(p));
    off();
    off();
    fake.emit('onClickToDial', CLICK);
    const offAgain = cti.onClickToDial(() => undefined);
    offAgain();
    expect(dropped).toEqual([]);
    expect(kept).toHaveLength(1);
    expect(fake.listenerCount('onClickToDial')).toBe(1);
  });

  it('treats the same function subscribed twice as two subscriptions', () => {
    const { fake, cti } = setup();
    const seen: string[] = [];
    const listener = (p: ClickToDialPayload): void => void seen.push(p.number);
    const off = cti.onClickToDial(listener);
    cti.onClickToDial(listener);
    off();
    fake.emit('onClickToDial', CLICK);
    expect(seen).toEqual(['(415) 555-1212']);
  });

  it('reports a payload carrying `error` instead of delivering it', () => {
    const { fake, cti, problems } = setup();
    const seen: unknown[] = [];
    cti.onClickToDial((p) => seen.push(p));
    fake.emit('onClickToDial', { error: 'Click to dial failed' });
    fake.emit('onClickToDial', { recordId: '003000000000001' });
    fake.emit('onClickToDial', 'garbage');
    expect(seen).toEqual([]);
    expect(problems.map((p) => p.method)).toEqual(['onClickToDial', 'onClickToDial', 'onClickToDial']);
    expect(problems[0]?.problem).toBeInstanceOf(OpenCtiError);
    expect((problems[0]?.problem as OpenCtiError).code).toBe('MALFORMED_RESPONSE');
  });

  it('turns a numeric click-to-dial number into a string and drops fields of the wrong type', () => {
    const { fake, cti } = setup();
    const seen: ClickToDialPayload[] = [];
    cti.onClickToDial((p) => seen.push(p));
    fake.emit('onClickToDial', { number: 600123123, recordName: 42, personAccount: 'true', params: 'a,b' });
    expect(seen).toEqual([{ number: '600123123', personAccount: true, params: 'a,b' }]);
  });

  it('keeps delivering to other subscribers when one throws, and reports the throw', () => {
    const { fake, cti, problems } = setup();
    const seen: ClickToDialPayload[] = [];
    const boom = new Error('subscriber bug');
    cti.onClickToDial(() => {
      throw boom;
    });
    cti.onClickToDial((p) => seen.push(p));
    fake.emit('onClickToDial', CLICK);
    expect(seen).toHaveLength(1);
    expect(problems).toEqual([{ problem: boom, method: 'onClickToDial' }]);
  });

  it('throws the library refusal of a listener registration as an OpenCtiError and retries next time', () => {
    const { fake, cti } = setup();
    fake.throwOn('onNavigationChange', new Error(MISSING_LISTENER));
    expect(() => cti.onNavigationChange(() => undefined)).toThrow(OpenCtiError);
    fake.clear('onNavigationChange');
    const seen: AppViewInfo[] = [];
    cti.onNavigationChange((p) => seen.push(p));
    fake.emit('onNavigationChange', { url: '/lightning/o/Account/list', recordId: '' });
    expect(seen).toEqual([{ url: '/lightning/o/Account/list' }]);
    expect(fake.listenerCount('onNavigationChange')).toBe(1);
  });
});

describe('OpenCti Sales Engagement (hvs) and feature detection', () => {
  it('reports the optional features the library has', () => {
    expect(setup().cti.supports).toEqual({ hvs: true, messageService: true });
    expect(setup({ hvs: false, messageService: false }).cti.supports).toEqual({ hvs: false, messageService: false });
  });

  it('fans out onWorkStart from one raw hvs listener', () => {
    const { fake, cti } = setup();
    const seen: WorkStartPayload[] = [];
    cti.onWorkStart((p) => seen.push(p));
    cti.onWorkStart((p) => seen.push(p));
    fake.emit('onWorkStart', { workId: '0Wx000000000001', completeWorkWhen: 'TaskSaved', attributes: { to: '+34600123123' } });
    expect(fake.listenerCount('onWorkStart')).toBe(1);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toEqual({ workId: '0Wx000000000001', completeWorkWhen: 'TaskSaved', attributes: { to: '+34600123123' } });
  });

  it('refuses hvs methods with NOT_SUPPORTED when the library predates API 46', async () => {
    const { cti } = setup({ hvs: false });
    let thrown: unknown;
    try {
      cti.onWorkStart(() => undefined);
    } catch (error) {
      thrown = error;
    }
    expect((thrown as OpenCtiError).code).toBe('NOT_SUPPORTED');
    expect((thrown as OpenCtiError).message).toContain('46.0');
    const error = await rejectionOf(cti.completeWork({ workId: '0Wx000000000001' }));
    expect(error.code).toBe('NOT_SUPPORTED');
    expect(error.message).toContain('hvs.completeWork');
  });

  it('refuses LMS methods with NOT_SUPPORTED when the library predates API 47', async () => {
    const { cti } = setup({ messageService: false });
    expect((await rejectionOf(cti.subscribe({ channelName: 'Dialtone__c', listener: () => undefined }))).code).toBe('NOT_SUPPORTED');
    expect((await rejectionOf(cti.publish({ channelName: 'Dialtone__c', message: {} }))).code).toBe('NOT_SUPPORTED');
  });
});

describe('OpenCti Lightning Message Service', () => {
  it('subscribes once per channel, unwraps the handle, and fans messages out', async () => {
    const { fake, cti } = setup();
    const first: unknown[] = [];
    const second: unknown[] = [];
    const [offFirst] = await Promise.all([
      cti.subscribe({ channelName: 'Dialtone__c', listener: (m) => first.push(m) }),
      cti.subscribe({ channelName: 'Dialtone__c', listener: (m) => second.push(m) }),
    ]);
    expect(fake.callsOf('subscribe')).toHaveLength(1);
    expect(fake.callsOf('subscribe')[0]?.args).toEqual({ eventName: 'Dialtone__c', subscription: {} });
    fake.deliverToChannel('Dialtone__c', { action: 'dial', number: '600123123' });
    expect(first).toEqual([{ action: 'dial', number: '600123123' }]);
    expect(second).toEqual(first);
    await offFirst();
    fake.deliverToChannel('Dialtone__c', { action: 'hangup' });
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(2);
  });

  it('unsubscribes from Salesforce, with the library handle, only when the last subscriber leaves', async () => {
    const { fake, cti } = setup();
    const offA = await cti.subscribe({ channelName: 'Dialtone__c', listener: () => undefined });
    const offB = await cti.subscribe({ channelName: 'Dialtone__c', listener: () => undefined });
    await offA();
    expect(fake.callsOf('unsubscribe')).toHaveLength(0);
    await offB();
    expect(fake.callsOf('unsubscribe')).toEqual([{ methodName: 'unsubscribe', args: { eventName: 'Dialtone__c' }, isCallbackRegistered: true, isListenerRegistered: false }]);
    expect(fake.channelListenerCount('Dialtone__c')).toBe(0);
  });

  it('rejects every waiting subscriber when Salesforce refuses the subscription, and can subscribe afresh', async () => {
    const { fake, cti } = setup();
    fake.fail('subscribe', [{ code: 'INVALID_PARAM', description: 'Unknown channel Dialtone__c' }]);
    const error = await rejectionOf(cti.subscribe({ channelName: 'Dialtone__c', listener: () => undefined }));
    expect(error.code).toBe('INVALID_PARAM');
    expect(error.message).toContain('Unknown channel Dialtone__c');
    fake.reply('subscribe', null);
    const seen: unknown[] = [];
    await cti.subscribe({ channelName: 'Dialtone__c', listener: (m) => seen.push(m) });
    fake.deliverToChannel('Dialtone__c', 'hello');
    expect(seen).toEqual(['hello']);
    expect(fake.callsOf('subscribe')).toHaveLength(2);
  });

  it('publishes a JSON-cloned message on a channel', async () => {
    const { fake, cti } = setup();
    await cti.publish({ channelName: 'Dialtone__c', message: { state: 'ringing', at: new Date(0) } });
    expect(fake.callsOf('publish')[0]?.args).toEqual({ eventName: 'Dialtone__c', message: { state: 'ringing', at: '1970-01-01T00:00:00.000Z' } });
  });

  it('refuses a blank channel name before calling the library', async () => {
    const { fake, cti } = setup();
    const error = await rejectionOf(cti.subscribe({ channelName: ' ', listener: () => undefined }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain('channelName');
    expect(fake.calls).toHaveLength(0);
  });
});
