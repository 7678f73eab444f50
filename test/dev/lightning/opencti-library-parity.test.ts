/**
 * The points where the emulator's library used to differ from Salesforce's published v57
 * `opencti_min.js` (issue 20), one test per row of the contract table in docs/dev-lightning.md
 * ("The library's contract"), named after the case. The expected values are Salesforce's.
 */
import { describe, expect, it } from 'vitest';
import { CONSOLE, INIT_FAILURE, loadLibrary, replyTo } from './library-frame.ts';

const noop = (): void => undefined;
const originParam = `sfdcIframeOrigin=${encodeURIComponent(CONSOLE)}`;

/** Every wire arg of the posted requests, `undefined` keys included. */
function argsPosted(frame: ReturnType<typeof loadLibrary>): unknown[] {
  return frame.posted.map((p) => p.message.args);
}

describe('row 1: searchAndScreenPop sends all six keys', () => {
  it('sends searchParams, callType, queryParams, defaultFieldValues, deferred and params, unset ones as undefined', () => {
    const frame = loadLibrary();
    frame.api.searchAndScreenPop({ searchParams: '600123123', callType: 'inbound', bogus: 1 });
    expect(argsPosted(frame)).toStrictEqual([
      { searchParams: '600123123', callType: 'inbound', queryParams: undefined, defaultFieldValues: undefined, deferred: undefined, params: undefined },
    ]);
    expect(Object.keys(frame.posted[0]!.message.args as object)).toEqual(['searchParams', 'callType', 'queryParams', 'defaultFieldValues', 'deferred', 'params']);
  });
});

describe('row 2: searchAndScreenPop queryParams object', () => {
  it('passes a queryParams object through as the object, not as a query string', () => {
    const frame = loadLibrary();
    const queryParams = { a: '1 2', b: '&' };
    frame.api.searchAndScreenPop({ searchParams: '600123123', callType: 'inbound', queryParams });
    expect((frame.posted[0]!.message.args as { queryParams: unknown }).queryParams).toBe(queryParams);
  });
});

describe('row 3: runApex, hvs.completeWork and setSoftphonePanel* without an optional key', () => {
  it.each([
    ['runApex', { apexClass: 'A', callback: noop }, { apexClass: 'A', methodName: undefined, methodParams: undefined }],
    ['setSoftphonePanelVisibility', { callback: noop }, { visible: undefined }],
    ['setSoftphonePanelHeight', { callback: noop }, { heightPX: undefined }],
    ['setSoftphonePanelWidth', { callback: noop }, { widthPX: undefined }],
    ['setSoftphonePanelLabel', { callback: noop }, { label: undefined }],
    ['setSoftphonePanelIcon', { callback: noop }, { key: undefined }],
    ['setSoftphoneItemLabel', { callback: noop }, { label: undefined }],
    ['setSoftphoneItemIcon', { callback: noop }, { key: undefined }],
  ])('%s sends the missing key as undefined', (method, args, wire) => {
    const frame = loadLibrary();
    (frame.api[method] as (a: unknown) => void)(args);
    expect(argsPosted(frame)).toStrictEqual([wire]);
  });

  it('hvs.completeWork sends a missing attributes key as undefined', () => {
    const frame = loadLibrary();
    frame.api.hvs!.completeWork!({ workId: '0Zr1' });
    expect(argsPosted(frame)).toStrictEqual([{ workId: '0Zr1', attributes: undefined }]);
  });
});

describe('row 4: getCallCenterSettings(null)', () => {
  it('throws the TypeError of Object.keys(null), not the one-object message', () => {
    const frame = loadLibrary();
    expect(() => frame.api.getCallCenterSettings(null)).toThrow(new TypeError('Cannot convert undefined or null to object'));
    expect(() => frame.api.refreshView(null)).toThrow(TypeError);
    expect(frame.posted).toEqual([]);
  });
});

describe('row 5: subscribe validation order and message', () => {
  it('checks the listener before the channel name', () => {
    const frame = loadLibrary();
    expect(() => frame.api.subscribe!({ channelName: '' })).toThrow(new Error('Missing the required argument `listener`!'));
  });

  it.each([[''], [undefined], [42]])('refuses the channel name %j with Salesforce\'s wording', (channelName) => {
    const frame = loadLibrary();
    expect(() => frame.api.subscribe!({ channelName, listener: noop })).toThrow(new Error('The argument `channelName` must be a non-empty string!'));
    expect(frame.posted).toEqual([]);
  });
});

describe('row 6: unsubscribe with an unknown handle', () => {
  it('is silent: nothing sent, the callback never called', () => {
    const frame = loadLibrary();
    const called: unknown[] = [];
    expect(() => frame.api.unsubscribe!({ subscription: {}, callback: (r: unknown) => called.push(r) })).not.toThrow();
    expect(frame.posted).toEqual([]);
    expect(called).toEqual([]);
  });
});

describe('row 7: unsubscribe with a non-object', () => {
  it.each([['a string', 'handle'], ['a number', 7], ['a function', noop]])('refuses %s as the subscription', (_what, subscription) => {
    const frame = loadLibrary();
    expect(() => frame.api.unsubscribe!({ subscription })).toThrow(new Error('The argument `subscription` must be an object!'));
  });
});

describe('row 8: publish with message undefined, 0 or no message key', () => {
  it.each([
    ['undefined', { channelName: 'Dial__c', message: undefined }],
    ['0', { channelName: 'Dial__c', message: 0 }],
    ['no message key', { channelName: 'Dial__c' }],
  ])('sends message: undefined for %s', (_what, args) => {
    const frame = loadLibrary();
    frame.api.publish!(args);
    expect(argsPosted(frame)).toStrictEqual([{ eventName: 'Dial__c', message: undefined }]);
  });
});

describe('row 9: publish with "str"', () => {
  it('refuses a message that serialises to a string with Salesforce\'s wording', () => {
    const frame = loadLibrary();
    expect(() => frame.api.publish!({ channelName: 'Dial__c', message: 'str' })).toThrow(
      new Error('The argument `message` must be a serializable object or null!'),
    );
    expect(frame.posted).toEqual([]);
  });
});

describe('row 10: publish with null', () => {
  it('sends message: undefined, not null', () => {
    const frame = loadLibrary();
    frame.api.publish!({ channelName: 'Dial__c', message: null });
    expect(argsPosted(frame)).toStrictEqual([{ eventName: 'Dial__c', message: undefined }]);
  });
});

describe('row 11: publish with a circular message', () => {
  it('throws a plain Error carrying JSON\'s message, not its TypeError', () => {
    const frame = loadLibrary();
    const message: Record<string, unknown> = {};
    message.self = message;
    let thrown: unknown;
    try {
      frame.api.publish!({ channelName: 'Dial__c', message });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).name).toBe('Error');
    expect((thrown as Error).message).toMatch(/circular/i);
  });
});

describe('row 12: failed subscribe reply', () => {
  it('calls back without a subscription and drops the listener and the handle', () => {
    const frame = loadLibrary();
    const replies: Record<string, unknown>[] = [];
    const heard: unknown[] = [];
    frame.api.subscribe!({ channelName: 'Dial__c', listener: (m: unknown) => heard.push(m), callback: (r: Record<string, unknown>) => replies.push(r) });
    const refusal = { success: false, returnValue: null, errors: [{ code: 'INVALID_PARAM', description: 'no such channel' }] };
    expect(frame.answer(frame.posted[0], refusal)).toEqual([]);
    expect(replies).toEqual([refusal]);
    expect('subscription' in replies[0]!).toBe(false);
    frame.deliver({ methodName: 'subscribe', eventName: 'Dial__c', callId: -1, apiVersion: 57, apiType: 'opencti', response: { n: 1 }, shouldExecuteListener: true });
    expect(heard).toEqual([]);
  });
});

describe('row 13: a null reply to subscribe', () => {
  it('throws in the library\'s message handler and never runs the callback', () => {
    const frame = loadLibrary();
    const replies: unknown[] = [];
    frame.api.subscribe!({ channelName: 'Dial__c', listener: noop, callback: (r: unknown) => replies.push(r) });
    const thrown = frame.answer(frame.posted[0], null);
    expect(thrown).toHaveLength(1);
    expect(thrown[0]).toBeInstanceOf(TypeError);
    expect(replies).toEqual([]);
  });
});

describe('row 14: a callback that throws, answered twice', () => {
  it('is called twice: deleted only after it returned', () => {
    const frame = loadLibrary();
    let calls = 0;
    frame.api.getAppViewInfo({
      callback: () => {
        calls += 1;
        if (calls === 1) throw new Error('callback bug');
      },
    });
    const response = { success: true, returnValue: { url: '/x' }, errors: null };
    expect(frame.answer(frame.posted[0], response)).toHaveLength(1);
    expect(frame.answer(frame.posted[0], response)).toEqual([]);
    expect(frame.answer(frame.posted[0], response)).toEqual([]);
    expect(calls).toBe(2);
  });
});

describe('URL parsing', () => {
  it.each([
    ['an empty sfdcIframeOrigin followed by a valid one', `?sfdcIframeOrigin=&${originParam}&mode=Lightning`],
    ['a bare sfdcIframeOrigin followed by a valid one', `?sfdcIframeOrigin&${originParam}&mode=Lightning`],
    ['mode without a value followed by mode=Lightning', `?mode&mode=Lightning&${originParam}`],
    ['an empty mode followed by mode=Lightning', `?mode=&mode=Lightning&${originParam}`],
    ['mode repeated with two values', `?mode=Lightning&mode=Classic&${originParam}`],
    ['mode=Lightning followed by an empty mode', `?mode=Lightning&mode=&${originParam}`],
    ['pairs with an empty key', `?=x&&=&mode=Lightning&${originParam}`],
    ['text after a second "=" (dropped)', `?mode=Lightning=x&${originParam}=junk`],
    ['keys named like Object.prototype members', `?constructor=1&toString&mode=Lightning&${originParam}`],
  ])('accepts %s', (_what, search) => {
    expect(loadLibrary({ search }).thrown).toBeUndefined();
  });

  it.each([
    ['a valid sfdcIframeOrigin followed by an empty one', `?${originParam}&sfdcIframeOrigin=&mode=Lightning`],
    ['a valid sfdcIframeOrigin twice', `?${originParam}&${originParam}&mode=Lightning`],
    ['an empty value between two "="', `?sfdcIframeOrigin==${encodeURIComponent(CONSOLE)}&mode=Lightning`],
    ['only empty modes', `?mode&mode=&${originParam}`],
    ['a differently cased key', `?Mode=Lightning&${originParam}`],
  ])('refuses %s with the plain string', (_what, search) => {
    expect(loadLibrary({ search }).thrown).toBe(INIT_FAILURE);
  });

  it('crashes with a URIError on a malformed escape in any value', () => {
    expect(loadLibrary({ search: `?mode=Lightning&${originParam}&nonce=%E0%A4%A` }).thrown).toBeInstanceOf(URIError);
  });

  it('crashes with a TypeError on a __proto__ key', () => {
    expect(loadLibrary({ search: `?mode=Lightning&${originParam}&__proto__=x` }).thrown).toBeInstanceOf(TypeError);
  });

  it('posts to the origin it accepted after an empty first value', () => {
    const frame = loadLibrary({ search: `?sfdcIframeOrigin=&${originParam}&mode=Lightning` });
    frame.api.getAppViewInfo({ callback: noop });
    expect(frame.posted[0]?.targetOrigin).toBe(CONSOLE);
    expect(replyTo(frame.posted[0], null).callId).toBe(0);
  });
});
