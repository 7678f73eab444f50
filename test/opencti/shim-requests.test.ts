import { describe, expect, it } from 'vitest';
import { OpenCti } from '../../src/opencti/shim.ts';
import { FakeOpenCti } from './fake-opencti.ts';

function setup(): { fake: FakeOpenCti; cti: OpenCti } {
  const fake = new FakeOpenCti();
  return { fake, cti: new OpenCti(fake) };
}

describe('OpenCti requests: what goes on the wire', () => {
  it('always registers a callback, so every call gets an answer', async () => {
    const { fake, cti } = setup();
    await cti.enableClickToDial();
    await cti.disableClickToDial();
    await cti.refreshView();
    await cti.notifyInitializationComplete();
    await cti.getAppViewInfo();
    expect(fake.calls.map((c) => [c.methodName, c.isCallbackRegistered])).toEqual([
      ['enableClickToDial', true],
      ['disableClickToDial', true],
      ['refreshView', true],
      ['notifyInitializationComplete', true],
      ['getAppViewInfo', true],
    ]);
  });

  it('passes {callback} rather than {} to refreshView, which the library would reject', async () => {
    const { fake, cti } = setup();
    await expect(cti.refreshView()).resolves.toBeUndefined();
    expect(fake.callsOf('refreshView')).toHaveLength(1);
  });

  it('sends saveLog the record as `value`, which the library posts as `object`', async () => {
    const { fake, cti } = setup();
    const value = { entityApiName: 'Task', Subject: 'Call 600 123 123', CallObject: 'neo-42' };
    await cti.saveLog({ value });
    expect(fake.callsOf('saveLog')[0]?.args).toEqual({ object: value });
  });

  it('puts newRecord defaultFieldValues inside params, moving a top-level one there', async () => {
    const { fake, cti } = setup();
    await cti.screenPop({
      type: 'newRecord',
      params: { entityName: 'Contact', defaultFieldValues: { LastName: 'Kept' } },
      defaultFieldValues: { Phone: '600123123', LastName: 'Overridden' },
    });
    const call = fake.callsOf('screenPop')[0];
    expect(call?.args).toEqual({
      type: 'newRecord',
      params: { entityName: 'Contact', defaultFieldValues: { Phone: '600123123', LastName: 'Kept' } },
    });
    expect(call?.args).not.toHaveProperty('defaultFieldValues');
  });

  it('sends a record screen pop as {type, params}', async () => {
    const { fake, cti } = setup();
    await cti.screenPop({ type: 'sobject', params: { recordId: '003000000000001' } });
    expect(fake.callsOf('screenPop')[0]?.args).toEqual({ type: 'sobject', params: { recordId: '003000000000001' } });
  });

  it('sends searchAndScreenPop only the keys the library forwards, and returns the matches', async () => {
    const { fake, cti } = setup();
    const record = { Id: '003000000000001AAA', Name: 'Ana', RecordType: 'Contact' };
    fake.reply('searchAndScreenPop', { '003000000000001AAA': record });
    const result = await cti.searchAndScreenPop({
      searchParams: '600123123',
      callType: 'inbound',
      deferred: true,
      defaultFieldValues: { Phone: '600123123' },
    });
    expect(fake.callsOf('searchAndScreenPop')[0]?.args).toEqual({
      searchParams: '600123123',
      callType: 'inbound',
      deferred: true,
      defaultFieldValues: { Phone: '600123123' },
    });
    expect(result).toEqual({ '003000000000001AAA': record });
  });

  it('encodes a queryParams object into the query string Salesforce documents (the library would send the object)', async () => {
    const { fake, cti } = setup();
    await cti.searchAndScreenPop({ searchParams: '600123123', callType: 'inbound', queryParams: { ani: '+34 600', q: 'a&b' } });
    expect(fake.callsOf('searchAndScreenPop')[0]?.args).toMatchObject({ queryParams: 'ani=%2B34%20600&q=a%26b' });
    await cti.searchAndScreenPop({ searchParams: '600123123', callType: 'inbound', queryParams: 'ani=1' });
    expect(fake.callsOf('searchAndScreenPop')[1]?.args).toMatchObject({ queryParams: 'ani=1' });
  });

  it('refuses queryParams that are neither a string nor an object of strings, naming the key', async () => {
    const { cti } = setup();
    const args = { searchParams: '600123123', callType: 'inbound', queryParams: { ani: 600 } } as unknown as Parameters<typeof cti.searchAndScreenPop>[0];
    await expect(cti.searchAndScreenPop(args)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('queryParams.ani was 600') as unknown });
  });

  it('turns a null searchAndScreenPop result (no layout fields) into an empty map', async () => {
    const { fake, cti } = setup();
    fake.reply('searchAndScreenPop', null);
    await expect(cti.searchAndScreenPop({ searchParams: 'acme', callType: 'outbound' })).resolves.toEqual({});
  });

  it('encodes runApex methodParams as a query string with encodeURIComponent', async () => {
    const { fake, cti } = setup();
    await cti.runApex({
      apexClass: 'DialtoneSearch',
      methodName: 'byPhone',
      methodParams: { phone: '+34 600&123', 'name x': 'José=1' },
    });
    expect(fake.callsOf('runApex')[0]?.args).toEqual({
      apexClass: 'DialtoneSearch',
      methodName: 'byPhone',
      methodParams: 'phone=%2B34%20600%26123&name%20x=Jos%C3%A9%3D1',
    });
  });

  it('sends an empty methodParams when runApex has no parameters', async () => {
    const { fake, cti } = setup();
    await cti.runApex({ apexClass: 'A', methodName: 'm' });
    expect(fake.callsOf('runApex')[0]?.args.methodParams).toBe('');
  });

  it('returns runApex results parsed from JSON text', async () => {
    const { fake, cti } = setup();
    fake.reply('runApex', { runApex: '{"matches":[{"Id":"003000000000001"}]}' });
    await expect(cti.runApex({ apexClass: 'A', methodName: 'm' })).resolves.toEqual({ matches: [{ Id: '003000000000001' }] });
  });

  it('returns runApex results raw when they are not JSON, or when told not to parse', async () => {
    const { fake, cti } = setup();
    fake.reply('runApex', { runApex: '001000000000001 not json' });
    await expect(cti.runApex({ apexClass: 'A', methodName: 'm' })).resolves.toBe('001000000000001 not json');
    fake.reply('runApex', { runApex: '123' });
    await expect(cti.runApex({ apexClass: 'A', methodName: 'm', parseJson: false })).resolves.toBe('123');
    fake.reply('runApex', { runApex: { Id: '001000000000001' } });
    await expect(cti.runApex({ apexClass: 'A', methodName: 'm' })).resolves.toEqual({ Id: '001000000000001' });
  });

  it('sends the panel setters their single wire key', async () => {
    const { fake, cti } = setup();
    await cti.setSoftphonePanelVisibility({ visible: true });
    await cti.setSoftphonePanelHeight({ heightPX: 560 });
    await cti.setSoftphonePanelWidth({ widthPX: 340 });
    await cti.setSoftphonePanelLabel({ label: 'En llamada' });
    await cti.setSoftphonePanelIcon({ key: 'call' });
    await cti.setSoftphoneItemLabel({ label: 'Dialtone' });
    await cti.setSoftphoneItemIcon({ key: 'end_call' });
    expect(fake.calls.map((c) => [c.methodName, c.args])).toEqual([
      ['setSoftphonePanelVisibility', { visible: true }],
      ['setSoftphonePanelHeight', { heightPX: 560 }],
      ['setSoftphonePanelWidth', { widthPX: 340 }],
      ['setSoftphonePanelLabel', { label: 'En llamada' }],
      ['setSoftphonePanelIcon', { key: 'call' }],
      ['setSoftphoneItemLabel', { label: 'Dialtone' }],
      ['setSoftphoneItemIcon', { key: 'end_call' }],
    ]);
  });

  it('accepts the panel size limits themselves (240/2560 high, 200/1920 wide)', async () => {
    const { fake, cti } = setup();
    await cti.setSoftphonePanelHeight({ heightPX: 240 });
    await cti.setSoftphonePanelHeight({ heightPX: 2560 });
    await cti.setSoftphonePanelWidth({ widthPX: 200 });
    await cti.setSoftphonePanelWidth({ widthPX: 1920 });
    expect(fake.calls).toHaveLength(4);
  });

  it('resolves the getters with their typed values', async () => {
    const { fake, cti } = setup();
    fake.reply('getCallCenterSettings', { '/reqGeneralInfo/reqSoftphoneHeight': '560', '/x/n': 5, '/x/empty': null });
    fake.reply('isSoftphonePanelVisible', { visible: false });
    fake.reply('getAppViewInfo', { url: '/lightning/r/Contact/003000000000001AAA/view', recordId: '003000000000001AAA', objectType: 'Contact', personAccount: false });
    const layout = { Inbound: { callRelatedFields: ['ANI'], objects: {}, screenPopSettings: {} } };
    fake.reply('getSoftphoneLayout', layout);
    await expect(cti.getCallCenterSettings()).resolves.toEqual({ '/reqGeneralInfo/reqSoftphoneHeight': '560', '/x/n': '5' });
    await expect(cti.isSoftphonePanelVisible()).resolves.toBe(false);
    await expect(cti.getAppViewInfo()).resolves.toEqual({
      url: '/lightning/r/Contact/003000000000001AAA/view',
      recordId: '003000000000001AAA',
      objectType: 'Contact',
      personAccount: false,
    });
    await expect(cti.getSoftphoneLayout()).resolves.toEqual(layout);
  });

  it('normalises saveLog answers {recordId} and bare ids to the same id', async () => {
    const { fake, cti } = setup();
    const value = { entityApiName: 'Task', Subject: 'Call' };
    fake.reply('saveLog', { recordId: '00T5g00000AbCdEFGH' });
    await expect(cti.saveLog({ value })).resolves.toBe('00T5g00000AbCdEFGH');
    fake.reply('saveLog', '00T5g00000AbCdE');
    await expect(cti.saveLog({ value })).resolves.toBe('00T5g00000AbCdE');
  });

  it('updates a record through saveLog with Id', async () => {
    const { fake, cti } = setup();
    const value = { Id: '00T5g00000AbCdEFGH', CallDisposition: 'Venta' };
    await cti.saveLog({ value });
    expect(fake.callsOf('saveLog')[0]?.args).toEqual({ object: value });
  });

  it('sends hvs.completeWork as the bare method name with workId and attributes', async () => {
    const { fake, cti } = setup();
    await cti.completeWork({ workId: '0Wx000000000001', attributes: { disposition: 'Connected', taskId: '00T000000000001' } });
    expect(fake.callsOf('completeWork')[0]?.args).toEqual({
      workId: '0Wx000000000001',
      attributes: { disposition: 'Connected', taskId: '00T000000000001' },
    });
  });
});
