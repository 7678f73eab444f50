import { describe, expect, it } from 'vitest';
import { CONSOLE, FRAMED, INIT_FAILURE, loadLibrary as load, replyTo as reply } from './library-frame.ts';
import type { Fn } from './library-frame.ts';

describe('library initialisation', () => {
  it.each([
    ['no parameters', ''],
    ['no mode', `?sfdcIframeOrigin=${encodeURIComponent(CONSOLE)}`],
    ['mode without a value', `?mode&sfdcIframeOrigin=${encodeURIComponent(CONSOLE)}`],
    ['no sfdcIframeOrigin', '?mode=Lightning'],
    ['a foreign origin', `?mode=Lightning&sfdcIframeOrigin=${encodeURIComponent('https://evil.example.com')}`],
    ['a look-alike host', `?mode=Lightning&sfdcIframeOrigin=${encodeURIComponent('https://evilforce.com')}`],
    ['an origin with a path', `?mode=Lightning&sfdcIframeOrigin=${encodeURIComponent(`${CONSOLE}/x`)}`],
    ['two sfdcIframeOrigin values', `${FRAMED}&sfdcIframeOrigin=x`],
    ['localhost without the dev allowance', `?mode=Lightning&sfdcIframeOrigin=${encodeURIComponent('https://localhost:8443')}`],
  ])('throws the plain string for %s, after setting sforce.opencti', (_what, search) => {
    const { thrown, api } = load({ search });
    expect(thrown).toBe(INIT_FAILURE);
    expect(typeof api.getCallCenterSettings).toBe('function');
  });

  it('throws when the console is https and the adapter page http (protocol prefix check)', () => {
    expect(load({ protocol: 'http:' }).thrown).toBe(INIT_FAILURE);
  });

  it.each([
    'https://acme.lightning.force.com',
    'https://acme--c.vf.force.com:8443',
    'https://acme.my.salesforce.com',
    'https://acme.my-salesforce.com',
    'https://acme--c.visualforce.com',
    'https://acme.my-visualforce.com',
    'https://acme.my-lightning.com',
    'https://acme.lightning.crmforce.mil',
    'https://acme.my.salesforce.ms',
  ])('accepts the Salesforce origin %s', (origin) => {
    expect(load({ search: `?mode=Lightning&sfdcIframeOrigin=${encodeURIComponent(origin)}` }).thrown).toBeUndefined();
  });

  it('accepts localhost and 127.0.0.1 consoles only in dev mode', () => {
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:80']) {
      const search = `?mode=Lightning&sfdcIframeOrigin=${encodeURIComponent(origin)}`;
      expect(load({ search, protocol: 'http:', allowLocalOrigins: true }).thrown).toBeUndefined();
      expect(load({ search, protocol: 'http:' }).thrown).toBe(INIT_FAILURE);
    }
  });
});

describe('requests', () => {
  it('posts to the parent with the console origin as target, a shared callId counter from 0 and the flags', () => {
    const { api, posted } = load({ apiVersion: 62 });
    api.getCallCenterSettings({ callback: () => undefined });
    api.onClickToDial({ listener: () => undefined });
    api.enableClickToDial();
    expect(posted).toEqual([
      { targetOrigin: CONSOLE, message: { methodName: 'getCallCenterSettings', callId: 0, apiVersion: 62, apiType: 'opencti', isCallbackRegistered: true, isListenerRegistered: false, args: {} } },
      { targetOrigin: CONSOLE, message: { methodName: 'onClickToDial', callId: 1, apiVersion: 62, apiType: 'opencti', isCallbackRegistered: false, isListenerRegistered: true, args: {} } },
      { targetOrigin: CONSOLE, message: { methodName: 'enableClickToDial', callId: 2, apiVersion: 62, apiType: 'opencti', isCallbackRegistered: false, isListenerRegistered: false, args: {} } },
    ]);
  });

  it('sends only the wire arguments: saveLog value as object, screenPop type and params, runApex and panel keys', () => {
    const { api, posted } = load();
    api.saveLog({ value: { entityApiName: 'Task' }, extra: 1 });
    api.screenPop({ type: 'newRecord', params: { entityName: 'Contact' }, defaultFieldValues: { LastName: 'x' } });
    api.runApex({ apexClass: 'A', methodName: 'm', methodParams: 'x=1', other: true });
    api.setSoftphonePanelHeight({ heightPX: 300, widthPX: 1 });
    expect(posted.map((p) => p.message.args)).toStrictEqual([
      { object: { entityApiName: 'Task' } },
      { type: 'newRecord', params: { entityName: 'Contact' } },
      { apexClass: 'A', methodName: 'm', methodParams: 'x=1' },
      { heightPX: 300 },
    ]);
  });

  it.each([
    ['getCallCenterSettings', [], 'Must pass in only one object which holds arguments to this API method call.'],
    ['getCallCenterSettings', [{}], 'Must pass in only one object which holds arguments to this API method call.'],
    ['getCallCenterSettings', [{ a: 1 }, { b: 2 }], 'Must pass in only one object which holds arguments to this API method call.'],
    ['getCallCenterSettings', ['callback'], 'Must pass in only one object which holds arguments to this API method call.'],
    ['refreshView', [{}], 'Must pass in only one object which holds arguments to this API method call.'],
    ['getAppViewInfo', [{ cb: 1 }], 'Missing the required argument `callback`!'],
    ['isSoftphonePanelVisible', [{ callback: 'not a function' }], 'Missing the required argument `callback`!'],
    ['onNavigationChange', [{ callback: () => undefined }], 'Missing the required argument `listener`!'],
    ['saveLog', [{ value: 'Task' }], 'Missing the required argument `value object`!'],
  ])('%s(%j) throws "%s"', (method, args, message) => {
    const { api, posted } = load();
    expect(() => (api[method] as Fn)(...args)).toThrow(message);
    expect(posted).toEqual([]);
  });

  it('accepts zero arguments only for enable/disableClickToDial and refreshView, and anything for notifyInitializationComplete', () => {
    const { api, posted } = load();
    api.enableClickToDial();
    api.disableClickToDial();
    api.refreshView();
    api.notifyInitializationComplete();
    api.saveLog({ value: null });
    expect(posted.map((p) => p.message.methodName)).toEqual(['enableClickToDial', 'disableClickToDial', 'refreshView', 'notifyInitializationComplete', 'saveLog']);
  });
});

describe('responses and events', () => {
  it('runs a callback once, only for a reply from the console origin with the exact apiVersion and apiType', () => {
    const { api, posted, deliver } = load();
    const received: unknown[] = [];
    api.getAppViewInfo({ callback: (r: unknown) => received.push(r) });
    const good = reply(posted[0], { success: true, returnValue: { url: 'u' }, errors: null });
    deliver(good, 'https://evil.example.com');
    deliver({ ...good, apiVersion: '57' });
    deliver({ ...good, apiVersion: 58 });
    deliver({ ...good, apiType: 'interaction' });
    deliver({ ...good, shouldExecuteCallback: false });
    deliver({ ...good, callId: 99 });
    expect(received).toEqual([]);
    deliver(good);
    deliver(good);
    expect(received).toEqual([good.response]);
  });

  it('runs every listener of a method for each event, and keeps channels apart', () => {
    const { api, deliver } = load();
    const seen: string[] = [];
    api.onNavigationChange({ listener: (p: { url: string }) => seen.push(`a:${p.url}`) });
    api.onNavigationChange({ listener: (p: { url: string }) => seen.push(`b:${p.url}`) });
    api.subscribe!({ channelName: 'One__c', listener: (m: { n: number }) => seen.push(`one:${m.n}`) });
    const event = { callId: -1, apiVersion: 57, apiType: 'opencti', shouldExecuteCallback: false, shouldExecuteListener: true };
    deliver({ ...event, methodName: 'onNavigationChange', response: { url: '/x' } });
    deliver({ ...event, methodName: 'subscribe', eventName: 'Two__c', response: { n: 2 } });
    deliver({ ...event, methodName: 'subscribe', eventName: 'One__c', response: { n: 1 } });
    deliver({ ...event, methodName: 'onNavigationChange', response: { url: '/y' }, shouldExecuteListener: false });
    expect(seen).toEqual(['a:/x', 'b:/x', 'one:1']);
  });
});

describe('API version gating and Lightning Message Service', () => {
  it('has hvs from 46 and subscribe/unsubscribe/publish from 47', () => {
    const v45 = load({ apiVersion: 45 }).api;
    const v46 = load({ apiVersion: 46 }).api;
    const v47 = load({ apiVersion: 47 }).api;
    expect([v45.hvs, v45.subscribe, v45.publish]).toEqual([undefined, undefined, undefined]);
    expect([typeof v46.hvs?.onWorkStart, v46.subscribe]).toEqual(['function', undefined]);
    expect([typeof v47.subscribe, typeof v47.unsubscribe, typeof v47.publish]).toEqual(['function', 'function', 'function']);
  });

  it('adds the subscription handle to the callback, and tells the host only when a channel\'s last listener goes', () => {
    const { api, posted, deliver } = load();
    const handles: unknown[] = [];
    api.subscribe!({ channelName: 'Dial__c', listener: () => undefined, callback: (r: { subscription: unknown }) => handles.push(r.subscription) });
    api.subscribe!({ channelName: 'Dial__c', listener: () => undefined, callback: (r: { subscription: unknown }) => handles.push(r.subscription) });
    expect(posted[0]?.message).toMatchObject({ methodName: 'subscribe', isCallbackRegistered: true, isListenerRegistered: true, args: { eventName: 'Dial__c', subscription: {} } });
    deliver(reply(posted[0], { success: true, returnValue: null, errors: null }));
    deliver(reply(posted[1], { success: true, returnValue: null, errors: null }));
    expect(handles).toHaveLength(2);
    api.unsubscribe!({ subscription: handles[0] });
    expect(posted).toHaveLength(2);
    api.unsubscribe!({ subscription: handles[1] });
    expect(posted[2]?.message).toMatchObject({ methodName: 'unsubscribe', args: { eventName: 'Dial__c' } });
  });

  it('publishes a JSON copy of the message (functions dropped)', () => {
    const { api, posted } = load();
    api.publish!({ channelName: 'Dial__c', message: { number: '123', fn: () => 1 } });
    expect(posted[0]?.message.args).toEqual({ eventName: 'Dial__c', message: { number: '123' } });
  });
});
