import { afterEach, describe, expect, it, vi } from 'vitest';
import { OpenCti } from '../../src/opencti/shim.ts';
import { DialtoneError } from '../../src/shared/errors.ts';
import { FakeOpenCti, MISSING_CALLBACK, ONE_OBJECT } from './fake-opencti.ts';
import { rejectionOf } from './rejection.ts';

function setup(options: ConstructorParameters<typeof OpenCti>[1] = {}): { fake: FakeOpenCti; cti: OpenCti } {
  const fake = new FakeOpenCti();
  return { fake, cti: new OpenCti(fake, options) };
}

/** The rejection of `promise`, which must be an OpenCtiError. */

afterEach(() => {
  vi.useRealTimers();
});

describe('OpenCti when Salesforce answers success: false', () => {
  it('rejects with the first error code, keeping every error and naming method, args and descriptions', async () => {
    const { fake, cti } = setup();
    fake.fail('saveLog', [
      { code: 'GENERIC_ERROR', description: 'Could not save the log.', details: [{ message: 'WhoId: bad id' }] },
      { code: 'SERVER_ERROR', description: 'Second problem' },
    ]);
    const error = await rejectionOf(cti.saveLog({ value: { entityApiName: 'Task', WhoId: '001bad' } }));
    expect(error).toBeInstanceOf(DialtoneError);
    expect(error.code).toBe('GENERIC_ERROR');
    expect(error.method).toBe('saveLog');
    expect(error.errors).toHaveLength(2);
    expect(error.message).toContain('saveLog({"value":{"entityApiName":"Task","WhoId":"001bad"}})');
    expect(error.message).toContain('Could not save the log.');
    expect(error.message).toContain('WhoId: bad id');
    expect(error.message).toContain('Second problem');
  });

  it.each(['INVALID_PARAM', 'SERVER_ERROR', 'SOFTPHONE_CONTAINER_ERROR'] as const)('keeps the Salesforce code %s', async (code) => {
    const { fake, cti } = setup();
    fake.fail('getCallCenterSettings', [{ code, description: 'x' }]);
    expect((await rejectionOf(cti.getCallCenterSettings())).code).toBe(code);
  });

  it('accepts plain-string errors, reporting them as GENERIC_ERROR with their text', async () => {
    const { fake, cti } = setup();
    fake.fail('screenPop', ['Record not found', 'try again']);
    const error = await rejectionOf(cti.screenPop({ type: 'sobject', params: { recordId: '003000000000001' } }));
    expect(error.code).toBe('GENERIC_ERROR');
    expect(error.errors).toEqual(['Record not found', 'try again']);
    expect(error.message).toContain('Record not found; try again');
  });

  it('reports an unknown Salesforce code as GENERIC_ERROR but keeps the original entry', async () => {
    const { fake, cti } = setup();
    fake.fail('refreshView', [{ code: 'SOMETHING_NEW', description: 'new failure' }]);
    const error = await rejectionOf(cti.refreshView());
    expect(error.code).toBe('GENERIC_ERROR');
    expect(error.errors[0]).toEqual({ code: 'SOMETHING_NEW', description: 'new failure' });
    expect(error.message).toContain('SOMETHING_NEW: new failure');
  });

  it('still rejects, saying so, when a failure carries no errors', async () => {
    const { fake, cti } = setup();
    fake.fail('enableClickToDial', null);
    const error = await rejectionOf(cti.enableClickToDial());
    expect(error.code).toBe('GENERIC_ERROR');
    expect(error.message).toContain('no error details');
  });

  it('rejects MALFORMED_RESPONSE when the answer is not a response object', async () => {
    const { fake, cti } = setup();
    fake.respondRaw('getAppViewInfo', () => 'ok');
    expect((await rejectionOf(cti.getAppViewInfo())).code).toBe('MALFORMED_RESPONSE');
    fake.respondRaw('getAppViewInfo', () => ({ success: 'yes', returnValue: {} }));
    expect((await rejectionOf(cti.getAppViewInfo())).code).toBe('MALFORMED_RESPONSE');
  });

  it('rejects MALFORMED_RESPONSE when saveLog succeeds without a usable id', async () => {
    const { fake, cti } = setup();
    fake.reply('saveLog', { recordId: '' });
    const error = await rejectionOf(cti.saveLog({ value: { entityApiName: 'Task' } }));
    expect(error.code).toBe('MALFORMED_RESPONSE');
    expect(error.message).toContain('saveLog');
  });
});

describe('OpenCti when the library throws synchronously', () => {
  it('turns the library validation Error into INVALID_ARGUMENT with the original as cause', async () => {
    const { fake, cti } = setup();
    const thrown = new Error(ONE_OBJECT);
    fake.throwOn('getSoftphoneLayout', thrown);
    const error = await rejectionOf(cti.getSoftphoneLayout());
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.cause).toBe(thrown);
    expect(error.message).toContain(ONE_OBJECT);
    expect(error.message).toContain('getSoftphoneLayout');
  });

  it('reports the missing-callback Error the same way', async () => {
    const { fake, cti } = setup();
    fake.throwOn('getAppViewInfo', new Error(MISSING_CALLBACK));
    const error = await rejectionOf(cti.getAppViewInfo());
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain('Missing the required argument `callback`!');
  });

  it('turns a thrown string into LIBRARY_THREW, quoting it', async () => {
    const { fake, cti } = setup();
    const thrown = 'Failed to initialize Open CTI. Ensure that it is loaded from the right frame with correct URL parameters';
    fake.throwOn('enableClickToDial', thrown);
    const error = await rejectionOf(cti.enableClickToDial());
    expect(error.code).toBe('LIBRARY_THREW');
    expect(error.cause).toBe(thrown);
    expect(error.message).toContain('Failed to initialize Open CTI');
  });

  it('treats a TypeError from inside the library as LIBRARY_THREW, not as our arguments', async () => {
    const { fake, cti } = setup();
    fake.throwOn('refreshView', new TypeError("Cannot read properties of undefined (reading 'postMessage')"));
    expect((await rejectionOf(cti.refreshView())).code).toBe('LIBRARY_THREW');
  });
});

describe('OpenCti timeouts and aborts', () => {
  it('rejects TIMEOUT after the default 10 s, naming the method and the wait', async () => {
    vi.useFakeTimers();
    const { fake, cti } = setup();
    fake.neverReply('getCallCenterSettings');
    const pending = rejectionOf(cti.getCallCenterSettings());
    await vi.advanceTimersByTimeAsync(9_999);
    let settled = false;
    void pending.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await pending;
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toContain('getCallCenterSettings');
    expect(error.message).toContain('10000 ms');
  });

  it('honours a per-call timeout over the shim default', async () => {
    vi.useFakeTimers();
    const { fake, cti } = setup({ timeoutMs: 60_000 });
    fake.neverReply('saveLog');
    const pending = rejectionOf(cti.saveLog({ value: { entityApiName: 'Task' } }, { timeoutMs: 250 }));
    await vi.advanceTimersByTimeAsync(250);
    const error = await pending;
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toContain('250 ms');
  });

  it('ignores a reply that arrives after the timeout', async () => {
    vi.useFakeTimers();
    const { fake, cti } = setup({ timeoutMs: 100 });
    fake.holdReplies();
    const pending = rejectionOf(cti.getAppViewInfo());
    await vi.advanceTimersByTimeAsync(100);
    fake.flush();
    expect((await pending).code).toBe('TIMEOUT');
  });

  it('rejects ABORTED when the signal fires while waiting, with the reason as cause', async () => {
    const { fake, cti } = setup();
    fake.holdReplies();
    const controller = new AbortController();
    const pending = rejectionOf(cti.getSoftphoneLayout({ signal: controller.signal }));
    const reason = new Error('agent logged out');
    controller.abort(reason);
    fake.flush();
    const error = await pending;
    expect(error.code).toBe('ABORTED');
    expect(error.cause).toBe(reason);
    expect(error.message).toContain('getSoftphoneLayout');
  });

  it('does not call the library at all when the signal is already aborted', async () => {
    const { fake, cti } = setup();
    const error = await rejectionOf(cti.refreshView({ signal: AbortSignal.abort() }));
    expect(error.code).toBe('ABORTED');
    expect(fake.calls).toHaveLength(0);
  });

  it('rejects a non-positive timeout as INVALID_ARGUMENT', async () => {
    const { cti } = setup();
    const error = await rejectionOf(cti.refreshView({ timeoutMs: 0 }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain('timeoutMs');
  });
});

describe('OpenCti argument checks before calling Salesforce', () => {
  it.each([
    ['setSoftphonePanelHeight', 239, '240 to 2560'],
    ['setSoftphonePanelHeight', 2561, '240 to 2560'],
    ['setSoftphonePanelHeight', 300.5, '240 to 2560'],
    ['setSoftphonePanelWidth', 199, '200 to 1920'],
    ['setSoftphonePanelWidth', 1921, '200 to 1920'],
  ] as const)('refuses %s(%d), naming the value and the range %s', async (method, px, range) => {
    const { fake, cti } = setup();
    const call = method === 'setSoftphonePanelHeight' ? cti.setSoftphonePanelHeight({ heightPX: px }) : cti.setSoftphonePanelWidth({ widthPX: px });
    const error = await rejectionOf(call);
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain(String(px));
    expect(error.message).toContain(range);
    expect(fake.calls).toHaveLength(0);
  });

  it('refuses searchAndScreenPop search strings shorter than 3 characters', async () => {
    const { fake, cti } = setup();
    const error = await rejectionOf(cti.searchAndScreenPop({ searchParams: '60', callType: 'inbound' }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain('"60"');
    expect(error.message).toContain('at least 3 characters');
    expect(fake.calls).toHaveLength(0);
  });

  it('refuses a searchAndScreenPop call type that is not a CALL_TYPE value', async () => {
    const { cti } = setup();
    const error = await rejectionOf(cti.searchAndScreenPop({ searchParams: '600123123', callType: 'Inbound' as 'inbound' }));
    expect(error.message).toContain('"Inbound"');
  });

  it('refuses a search screen pop shorter than 3 characters and an unknown pop type', async () => {
    const { cti } = setup();
    expect((await rejectionOf(cti.screenPop({ type: 'search', params: { searchString: 'ab' } }))).code).toBe('INVALID_ARGUMENT');
    const unknownType = await rejectionOf(cti.screenPop({ type: 'record', params: {} } as never));
    expect(unknownType.message).toContain('"record"');
  });

  it('refuses a record pop without a recordId', async () => {
    const { cti } = setup();
    const error = await rejectionOf(cti.screenPop({ type: 'sobject', params: { recordId: '' } }));
    expect(error.message).toContain('params.recordId');
  });

  it('refuses a saveLog value that is null, or has neither entityApiName nor Id, hinting at `Id`', async () => {
    const { fake, cti } = setup();
    expect((await rejectionOf(cti.saveLog({ value: null as never }))).code).toBe('INVALID_ARGUMENT');
    const lowerCaseId = await rejectionOf(cti.saveLog({ value: { id: '00T000000000001' } as never }));
    expect(lowerCaseId.message).toContain('write `Id`, not `id`');
    expect(fake.calls).toHaveLength(0);
  });

  it('refuses runApex without a class or method, and non-string parameter values', async () => {
    const { cti } = setup();
    expect((await rejectionOf(cti.runApex({ apexClass: '', methodName: 'm' }))).message).toContain('apexClass');
    const badParam = await rejectionOf(cti.runApex({ apexClass: 'A', methodName: 'm', methodParams: { n: 5 as unknown as string } }));
    expect(badParam.message).toContain('methodParams.n');
  });

  it('refuses a non-boolean visibility', async () => {
    const { cti } = setup();
    expect((await rejectionOf(cti.setSoftphonePanelVisibility({ visible: 'yes' as unknown as boolean }))).code).toBe('INVALID_ARGUMENT');
  });
});
