import { describe, expect, it } from 'vitest';
import { clickPhoneField, recreateFrame, saveNewRecord, switchToStandby } from '../../../dev/lightning/state/console-actions.ts';
import { IDS, emulatorWithTab, respond, send } from './support.ts';

describe('host replies', () => {
  it('answer with {success, returnValue, errors}, echo the apiVersion and set the v57 flags', () => {
    const { emulator, tab } = emulatorWithTab();
    const [reply] = send(emulator, tab, 'isSoftphonePanelVisible', {}, { apiVersion: 45 });
    expect(reply).toEqual({
      methodName: 'isSoftphonePanelVisible',
      callId: expect.any(Number) as unknown,
      apiVersion: 45,
      apiType: 'opencti',
      response: { success: true, returnValue: { visible: false }, errors: null },
      shouldExecuteCallback: true,
      shouldExecuteListener: false,
    });
  });

  it('send nothing back when the adapter registered no callback, but still do the work', () => {
    const { emulator, tab } = emulatorWithTab();
    expect(send(emulator, tab, 'enableClickToDial', {}, { callback: false })).toEqual([]);
    expect(tab.clickToDialEnabled).toBe(true);
    expect(emulator.log.requests.at(-1)?.outcome).toBe('no-callback');
  });

  it('log malformed messages and messages from a replaced frame without running them', () => {
    const { emulator, tab } = emulatorWithTab();
    emulator.handleMessage(tab, tab.frame, { methodName: 'enableClickToDial', apiType: 'opencti', callId: 'zero' });
    recreateFrame(emulator, tab);
    emulator.handleMessage(tab, tab.frame - 1, { methodName: 'enableClickToDial', apiType: 'opencti', callId: 1, args: {} });
    expect(tab.clickToDialEnabled).toBe(false);
    expect(emulator.log.requests.map((r) => [r.outcome, r.problem])).toEqual([
      ['malformed', 'callId is "zero", expected a number'],
      ['malformed', 'sent by frame 1, which was replaced by frame 2'],
    ]);
  });

  it('answer GENERIC_ERROR for a method Lightning does not have', () => {
    const { emulator, tab } = emulatorWithTab();
    expect(respond(emulator, tab, 'sendCTIMessage').errors).toEqual([{ code: 'GENERIC_ERROR', description: 'Unknown Open CTI method "sendCTIMessage".' }]);
  });
});

describe('panel methods', () => {
  it.each([
    ['setSoftphonePanelHeight', { heightPX: 239 }],
    ['setSoftphonePanelHeight', { heightPX: 2561 }],
    ['setSoftphonePanelHeight', { heightPX: '300' }],
    ['setSoftphonePanelWidth', { widthPX: 199 }],
    ['setSoftphonePanelWidth', { widthPX: 1921 }],
    ['setSoftphonePanelVisibility', { visible: 'yes' }],
    ['setSoftphonePanelIcon', { key: 'Call Icon' }],
    ['setSoftphoneItemLabel', {}],
  ])('%s(%j) answers INVALID_PARAM and changes nothing', (method, args) => {
    const { emulator, tab } = emulatorWithTab();
    const before = structuredClone({ panel: tab.panel, item: tab.item });
    expect(respond(emulator, tab, method, args).errors?.[0]?.code).toBe('INVALID_PARAM');
    expect({ panel: tab.panel, item: tab.item }).toEqual(before);
  });

  it('accepts the limits themselves', () => {
    const { emulator, tab } = emulatorWithTab();
    respond(emulator, tab, 'setSoftphonePanelHeight', { heightPX: 240 });
    respond(emulator, tab, 'setSoftphonePanelWidth', { widthPX: 1920 });
    expect(tab.panel).toMatchObject({ heightPX: 240, widthPX: 1920 });
  });
});

describe('listener events', () => {
  it('are sent only to a softphone that registered the listener, with a negative callId and its apiVersion', () => {
    const { emulator, tab } = emulatorWithTab();
    expect(clickPhoneField(emulator, tab, IDS.maria, 'Phone')).toMatchObject({ delivered: false, reason: 'disabled' });
    respond(emulator, tab, 'enableClickToDial');
    expect(clickPhoneField(emulator, tab, IDS.maria, 'Phone')).toMatchObject({ delivered: false, reason: 'no-listener' });
    send(emulator, tab, 'onClickToDial', {}, { listener: true, apiVersion: 62 });
    expect(clickPhoneField(emulator, tab, IDS.maria, 'Phone')).toEqual({
      delivered: true,
      payload: { number: '011 4555-1234', recordId: IDS.maria, recordName: 'María José González', objectType: 'Contact' },
    });
    const [event] = tab.drain();
    expect(event).toMatchObject({ methodName: 'onClickToDial', apiVersion: 62, shouldExecuteCallback: false, shouldExecuteListener: true });
    expect(event?.callId).toBeLessThan(0);
  });

  it('refuses a click on a field that is not a phone', () => {
    const { emulator, tab } = emulatorWithTab();
    expect(clickPhoneField(emulator, tab, IDS.maria, 'Email')).toEqual({ delivered: false, reason: 'not-a-phone' });
  });

  it('deliver an LMS publish to every subscribed softphone, including the publisher', () => {
    const { emulator, tab } = emulatorWithTab();
    const other = emulator.openTab('https://acme.lightning.force.com', { kind: 'home' });
    send(emulator, tab, 'subscribe', { eventName: 'Dial__c', subscription: {} }, { listener: true });
    send(emulator, other, 'subscribe', { eventName: 'Dial__c', subscription: {} }, { listener: true });
    const pushed: string[] = [];
    emulator.pusher = (t) => {
      pushed.push(t.id);
      return Promise.resolve();
    };
    const messages = send(emulator, tab, 'publish', { eventName: 'Dial__c', message: { number: '123' } });
    expect(messages.map((m) => [m.methodName, m.eventName ?? null, m.response])).toEqual([
      ['publish', null, { success: true, returnValue: null, errors: null }],
      ['subscribe', 'Dial__c', { number: '123' }],
    ]);
    expect(pushed).toEqual([other.id]);
  });
});

describe('error injection', () => {
  it('fails the next calls of one method (exact name before "*") and leaves others alone', () => {
    const { emulator, tab } = emulatorWithTab();
    emulator.injections.add({ methodName: '*', kind: 'SERVER_ERROR', remaining: 1 });
    emulator.injections.add({ methodName: 'getSoftphoneLayout', kind: 'SOFTPHONE_CONTAINER_ERROR', remaining: 2 });
    expect(respond(emulator, tab, 'getSoftphoneLayout').errors?.[0]?.code).toBe('SOFTPHONE_CONTAINER_ERROR');
    expect(respond(emulator, tab, 'getSoftphoneLayout').errors?.[0]?.code).toBe('SOFTPHONE_CONTAINER_ERROR');
    expect(respond(emulator, tab, 'getSoftphoneLayout').errors?.[0]?.code).toBe('SERVER_ERROR');
    expect(respond(emulator, tab, 'getSoftphoneLayout').success).toBe(true);
  });

  it('with NO_REPLY sends nothing and does not run the method unless told to', () => {
    const { emulator, tab } = emulatorWithTab();
    emulator.injections.add({ methodName: 'enableClickToDial', kind: 'NO_REPLY', remaining: 1 });
    expect(send(emulator, tab, 'enableClickToDial')).toEqual([]);
    expect(tab.clickToDialEnabled).toBe(false);
    emulator.injections.add({ methodName: 'enableClickToDial', kind: 'NO_REPLY', remaining: 1, execute: true });
    expect(send(emulator, tab, 'enableClickToDial')).toEqual([]);
    expect(tab.clickToDialEnabled).toBe(true);
  });
});

describe('views', () => {
  it('stay stale after a saveLog until refreshView, as in Lightning', () => {
    const { emulator, tab } = emulatorWithTab();
    respond(emulator, tab, 'screenPop', { type: 'sobject', params: { recordId: IDS.lucia } });
    const activities = () => emulator.renderedView(tab).tables.find((t) => t.title === 'Activity History')?.rows.length;
    expect(activities()).toBe(0);
    respond(emulator, tab, 'saveLog', { object: { entityApiName: 'Task', Subject: 'Llamada', WhoId: IDS.lucia } });
    expect(activities()).toBe(0);
    respond(emulator, tab, 'refreshView');
    expect(activities()).toBe(1);
    expect(tab.refreshCount).toBe(1);
  });

  it('save the new-record modal through Salesforce validation, showing its errors', () => {
    const { emulator, tab } = emulatorWithTab();
    respond(emulator, tab, 'screenPop', { type: 'newRecord', params: { entityName: 'Lead', defaultFieldValues: { Phone: '123' } } });
    expect(saveNewRecord(emulator, tab, { Phone: '123', LastName: 'Ortiz' })).toEqual({ saved: false, errors: ['Required fields are missing: [Company]'] });
    expect(emulator.renderedView(tab).modal?.errors).toEqual(['Required fields are missing: [Company]']);
    const saved = saveNewRecord(emulator, tab, { Phone: '123', LastName: 'Ortiz', Company: 'Ortiz SRL' });
    expect(saved.saved).toBe(true);
    expect(tab.view).toEqual({ kind: 'record', recordId: saved.recordId });
  });

  it('report getAppViewInfo with the record on a record page and only the url elsewhere', () => {
    const { emulator, tab } = emulatorWithTab();
    expect(respond(emulator, tab, 'getAppViewInfo').returnValue).toEqual({ url: 'https://acme.lightning.force.com/lightning/page/home' });
    respond(emulator, tab, 'screenPop', { type: 'sobject', params: { recordId: IDS.renovacion } });
    expect(respond(emulator, tab, 'getAppViewInfo').returnValue).toEqual({
      url: `https://acme.lightning.force.com/lightning/r/Opportunity/${IDS.renovacion}/view`,
      recordId: IDS.renovacion,
      recordName: 'Distribuidora Norte - Renovación 2026',
      objectType: 'Opportunity',
    });
  });
});

describe('saveLog through the host', () => {
  it('answers {recordId} for a create and for an update, and GENERIC_ERROR with details otherwise', () => {
    const { emulator, tab } = emulatorWithTab();
    const created = respond(emulator, tab, 'saveLog', { object: { entityApiName: 'Task', Subject: 'a', CallType: 'Inbound' } });
    const recordId = (created.returnValue as { recordId: string }).recordId;
    expect(respond(emulator, tab, 'saveLog', { object: { id: recordId, CallDisposition: 'Venta' } }).returnValue).toEqual({ recordId });
    expect(emulator.records.get(recordId)?.fields.CallDisposition).toBe('Venta');
    expect(respond(emulator, tab, 'saveLog', { object: { Subject: 'no entity' } }).errors?.[0]?.details).toEqual([
      { message: 'Specify entityApiName to create a record, or Id to update one.', fields: ['entityApiName'] },
    ]);
    expect(respond(emulator, tab, 'saveLog', { object: { entityApiName: 'Case', Subject: 'x' } }).errors?.[0]?.code).toBe('GENERIC_ERROR');
    expect(respond(emulator, tab, 'saveLog', { object: { Id: recordId, entityApiName: 'Contact' } }).errors?.[0]?.description).toMatch(/does not match/);
    expect(respond(emulator, tab, 'saveLog', { object: null }).errors?.[0]?.code).toBe('INVALID_PARAM');
  });
});

describe('standby switch', () => {
  const standby = { '/reqGeneralInfo/reqStandbyUrl': 'https://standby.example.com/', '/reqGeneralInfo/reqTimeout': '5000' };

  it('does nothing once the softphone said notifyInitializationComplete, or without both settings', () => {
    const { emulator, tab } = emulatorWithTab(standby);
    respond(emulator, tab, 'notifyInitializationComplete');
    expect(switchToStandby(emulator, tab)).toEqual({});
    const bare = emulatorWithTab({ '/reqGeneralInfo/reqStandbyUrl': 'https://standby.example.com/' });
    expect(switchToStandby(bare.emulator, bare.tab)).toEqual({});
  });

  it('re-creates the frame at the standby URL and keeps it for the session', () => {
    const { emulator, tab } = emulatorWithTab(standby);
    expect(switchToStandby(emulator, tab)).toEqual({ recreateFrame: { frame: 2, adapterUrl: 'https://standby.example.com/', standby: null } });
    expect(emulator.adapterUrl()).toBe('https://standby.example.com/');
    emulator.reset();
    expect(emulator.adapterUrl()).toBe('https://neotel.example.com/softphone/');
  });
});
