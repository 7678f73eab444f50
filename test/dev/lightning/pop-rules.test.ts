import { describe, expect, it } from 'vitest';
import { popForMatches, readSoftphoneLayout, parseSoftphoneLayout } from '../../../dev/lightning/layout/softphone-layout.ts';
import { DEFAULT_FIXTURES } from '../../../dev/lightning/options.ts';
import { IDS, emulatorWithTab, respond, send } from './support.ts';

const layout = readSoftphoneLayout(DEFAULT_FIXTURES.layout);

describe('softphone layout pop rules', () => {
  const inbound = layout.Inbound;

  it('pops a new record of the NoMatch object with the default values', () => {
    expect(popForMatches(inbound, [], { searchParams: '123', defaultFieldValues: { Phone: '123' } })).toEqual({
      type: 'newRecord',
      params: { entityName: 'Contact', defaultFieldValues: { Phone: '123' } },
    });
  });

  it('pops the record page on a single match and the search page on several', () => {
    expect(popForMatches(inbound, [IDS.maria], { searchParams: 'maria' })).toEqual({ type: 'sobject', params: { recordId: IDS.maria } });
    expect(popForMatches(inbound, [IDS.martin, IDS.ana], { searchParams: ' 1147778888 ' })).toEqual({ type: 'search', params: { searchString: '1147778888' } });
  });

  it('does not pop without a rule (Outbound, Internal) or for a missing rule', () => {
    expect(popForMatches(layout.Outbound, [], { searchParams: 'x' })).toBeUndefined();
    const noSingle = { ...inbound, screenPopSettings: { NoMatch: inbound.screenPopSettings.NoMatch } };
    expect(popForMatches(noSingle, [IDS.maria], { searchParams: 'maria' })).toBeUndefined();
  });

  it('pops Visualforce pages with the query params and flows with their arguments', () => {
    const vf = { ...inbound, screenPopSettings: { NoMatch: { screenPopType: 'PopToVisualforce' as const, screenPopData: 'CallerPage' } } };
    expect(popForMatches(vf, [], { searchParams: '', queryParams: 'ani=123' })).toEqual({ type: 'url', params: { url: '/apex/CallerPage?ani=123' } });
    const flow = { ...inbound, screenPopSettings: { SingleMatch: { screenPopType: 'PopToFlow' as const, screenPopData: 'Survey' } } };
    const flowArgs = [{ name: 'recordId', type: 'String', value: IDS.maria }];
    expect(popForMatches(flow, [IDS.maria], { searchParams: 'x', flowArgs })).toEqual({ type: 'flow', params: { flowDevName: 'Survey', flowArgs } });
  });

  it('refuses a layout with an unknown pop type, naming the path', () => {
    const broken = structuredClone(layout) as unknown as { Inbound: { screenPopSettings: { NoMatch: { screenPopType: string } } } };
    broken.Inbound.screenPopSettings.NoMatch.screenPopType = 'PopToNowhere';
    expect(() => parseSoftphoneLayout(broken, 'test')).toThrow(/Inbound\.screenPopSettings\.NoMatch\.screenPopType/);
  });
});

describe('searchAndScreenPop', () => {
  it('returns matches keyed by Id with RecordType = object name and the layout display fields, and pops the record', () => {
    const { emulator, tab } = emulatorWithTab();
    const response = respond(emulator, tab, 'searchAndScreenPop', { searchParams: '11 5555 0202', callType: 'inbound' });
    expect(response.returnValue).toEqual({
      [IDS.lucia]: {
        Id: IDS.lucia,
        Name: 'Lucía Fernández',
        RecordType: 'Contact',
        LastModifiedDate: '2025-01-02T10:00:00.000+0000',
        AccountId: null,
        Phone: null,
        MobilePhone: '11 5555 0202',
        Email: 'lucia.fernandez@example.com',
      },
    });
    expect(tab.view).toEqual({ kind: 'record', recordId: IDS.lucia });
  });

  it('with deferred returns the pop as SCREEN_POP_DATA and does not navigate', () => {
    const { emulator, tab } = emulatorWithTab();
    const response = respond(emulator, tab, 'searchAndScreenPop', { searchParams: '1145551234', callType: 'inbound', deferred: true });
    expect((response.returnValue as Record<string, unknown>).SCREEN_POP_DATA).toEqual({ type: 'search', params: { searchString: '1145551234' } });
    expect(Object.keys(response.returnValue as object)).toHaveLength(3);
    expect(tab.view).toEqual({ kind: 'home' });
  });

  it('searches only the objects of the call type\'s layout and never pops for outbound calls', () => {
    const { emulator, tab } = emulatorWithTab();
    const response = respond(emulator, tab, 'searchAndScreenPop', { searchParams: 'Renovación', callType: 'outbound' });
    expect(response.returnValue).toEqual({});
    expect(tab.view).toEqual({ kind: 'home' });
  });

  it('treats a search shorter than 3 characters as no match (new-record modal with defaults)', () => {
    const { emulator, tab } = emulatorWithTab();
    respond(emulator, tab, 'searchAndScreenPop', { searchParams: '', callType: 'inbound', defaultFieldValues: { LastName: 'Nuevo', Bogus__c: 1 } });
    expect(tab.view).toMatchObject({ kind: 'newRecord', entityName: 'Contact', values: { LastName: 'Nuevo' }, ignoredDefaults: { Bogus__c: '1' } });
  });

  it('answers INVALID_PARAM for a missing or unknown callType', () => {
    const { emulator, tab } = emulatorWithTab();
    expect(respond(emulator, tab, 'searchAndScreenPop', { searchParams: 'maria' }).errors?.[0]?.code).toBe('INVALID_PARAM');
    expect(respond(emulator, tab, 'searchAndScreenPop', { searchParams: 'maria', callType: 'Inbound' }).errors?.[0]?.description).toMatch(/callType/);
  });

  it('answers INVALID_PARAM for a queryParams object (Salesforce documents a string; its library passes objects through)', () => {
    const { emulator, tab } = emulatorWithTab();
    const response = respond(emulator, tab, 'searchAndScreenPop', { searchParams: 'maria', callType: 'inbound', queryParams: { ani: '123' } });
    expect(response.errors?.[0]).toMatchObject({ code: 'INVALID_PARAM', description: expect.stringMatching(/queryParams.*\{"ani":"123"\}/) as unknown });
    expect(tab.view).toEqual({ kind: 'home' });
  });

  it('accepts all six keys with the unset ones undefined, as the library sends them', () => {
    const { emulator, tab } = emulatorWithTab();
    const unset = { queryParams: undefined, defaultFieldValues: undefined, deferred: undefined, params: undefined };
    expect(respond(emulator, tab, 'searchAndScreenPop', { searchParams: '11 5555 0202', callType: 'inbound', ...unset }).success).toBe(true);
  });

  it('fires onNavigationChange when it pops, once the listener is registered', () => {
    const { emulator, tab } = emulatorWithTab();
    send(emulator, tab, 'onNavigationChange', {}, { listener: true });
    const messages = send(emulator, tab, 'searchAndScreenPop', { searchParams: 'Emily', callType: 'inbound' });
    expect(messages.map((m) => m.methodName)).toEqual(['searchAndScreenPop', 'onNavigationChange']);
    expect(messages[1]?.response).toMatchObject({ objectType: 'Contact', recordName: 'Emily Johnson' });
  });
});

describe('screenPop', () => {
  it.each([
    [{ type: 'sobject', params: { recordId: 'nope' } }, 'recordId'],
    [{ type: 'objecthome', params: { scope: 'Widget__c' } }, 'scope'],
    [{ type: 'list', params: { scope: 'Contact' } }, 'listViewId'],
    [{ type: 'search', params: { searchString: 'ab' } }, 'searchString'],
    [{ type: 'newRecord', params: { entityName: 'Case' } }, 'entityName'],
    [{ type: 'flow', params: {} }, 'flowDevName'],
    [{ type: 'teleport', params: {} }, 'type'],
    [{ type: 'url' }, 'params'],
  ])('answers INVALID_PARAM for %j, naming %s', (args, parameter) => {
    const { emulator, tab } = emulatorWithTab();
    const response = respond(emulator, tab, 'screenPop', args);
    expect(response.errors?.[0]?.code).toBe('INVALID_PARAM');
    expect(response.errors?.[0]?.description).toContain(`'${parameter}'`);
    expect(tab.view).toEqual({ kind: 'home' });
  });

  it.each([
    [{ type: 'url', params: { url: '/lightning/o/Account/home' } }, { kind: 'objectHome', scope: 'Account' }],
    [{ type: 'url', params: { url: '/apex/Survey?x=1' } }, { kind: 'url', url: '/apex/Survey?x=1' }],
    [{ type: 'list', params: { scope: 'Lead', listViewId: 'AllOpenLeads' } }, { kind: 'list', scope: 'Lead', listViewId: 'AllOpenLeads' }],
    [{ type: 'sobject', params: { recordId: IDS.maria.slice(0, 15) } }, { kind: 'record', recordId: IDS.maria }],
  ])('shows %j as %j', (args, view) => {
    const { emulator, tab } = emulatorWithTab();
    expect(respond(emulator, tab, 'screenPop', args).success).toBe(true);
    expect(tab.view).toEqual(view);
  });
});
