import { describe, expect, it } from 'vitest';
import { ScreenPop, type ScreenPopApi } from '../../src/app/screen-pop.ts';
import { newCall, type CallFacts } from '../../src/call/call-facts.ts';
import type { CallRecordView } from '../../src/view/agent-view.ts';
import type { LinkedRecord } from '../../src/crm/linked-record.ts';
import { shippedConfig } from '../support/shipped-config.ts';
import type { AppViewInfo, SearchAndScreenPopResult, SoftphoneLayout } from '../../src/opencti/index.ts';

const config = shippedConfig;

const MARIA = { Id: '003Dt000HccIdlkIIC', Name: 'María José González', RecordType: 'Contact' };
const NORTE = { Id: '001Dt000HccIdlkIIC', Name: 'Distribuidora Norte S.A.', RecordType: 'Account' };
/** The layout as dev/lightning ships it: new Contact on no match, the record on one, the search page on several. */
const FULL_RULES = { NoMatch: { screenPopType: 'PopToEntity', screenPopData: 'Contact' }, SingleMatch: { screenPopType: 'PopToEntity' }, MultipleMatches: { screenPopType: 'PopToSearch' } };
const layoutWith = (inbound: Record<string, unknown>): SoftphoneLayout => ({ Inbound: { screenPopSettings: inbound }, Outbound: { screenPopSettings: {} } }) as unknown as SoftphoneLayout;
const LAYOUT = layoutWith(FULL_RULES);

/** A fake Salesforce: phone search by exact text, `findByKey` on a few records, every call recorded. */
class FakeSalesforce implements ScreenPopApi {
  readonly calls: { method: string; args: unknown }[] = [];
  byText: Record<string, SearchAndScreenPopResult> = {};
  byKey: Record<string, { Id: string; Name: string; attributes: { type: string } }[]> = {};
  private navigation: ((page: AppViewInfo) => void) | undefined;

  searchAndScreenPop = (args: Parameters<ScreenPopApi['searchAndScreenPop']>[0]) => {
    this.calls.push({ method: 'searchAndScreenPop', args });
    return Promise.resolve(this.byText[args.searchParams ?? ''] ?? {});
  };
  screenPop = (args: Parameters<ScreenPopApi['screenPop']>[0]) => {
    this.calls.push({ method: 'screenPop', args });
    return Promise.resolve();
  };
  runApex = (args: Parameters<ScreenPopApi['runApex']>[0]) => {
    this.calls.push({ method: 'runApex', args });
    const p = args.methodParams ?? {};
    if (args.methodName === 'findByKey') return Promise.resolve(JSON.stringify((this.byKey[`${p.fieldName}=${p.value}`] ?? []).filter((r) => r.attributes.type === p.objectName)));
    const found = [MARIA, NORTE].find((r) => r.Id === p.Id);
    return Promise.resolve(JSON.stringify(found ? [{ attributes: { type: found.RecordType }, Id: found.Id, Name: found.Name }] : []));
  };
  saveLog = (args: Parameters<ScreenPopApi['saveLog']>[0]) => {
    this.calls.push({ method: 'saveLog', args });
    return Promise.resolve('00TDt0000000001AAA' as never);
  };
  layout = LAYOUT;
  getSoftphoneLayout = () => Promise.resolve(this.layout);
  onNavigationChange = (listener: (page: AppViewInfo) => void) => {
    this.navigation = listener;
    return () => (this.navigation = undefined);
  };
  navigate(page: AppViewInfo): void {
    this.navigation?.(page);
  }
  of(method: string): unknown[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }
}

function rig(overrides: Record<string, string> = {}) {
  const api = new FakeSalesforce();
  const views: (CallRecordView | null)[] = [];
  const warnings: string[] = [];
  const pop = new ScreenPop({ api, config: config(overrides), onView: (v) => views.push(v), warn: (m) => warnings.push(m), now: () => 1_764_000_000_000, random: () => 0.5 });
  return { api, pop, views, warnings, last: () => views.at(-1) ?? null };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
async function settled(): Promise<void> {
  for (let i = 0; i < 10; i++) await settle();
}
const inbound = (over: Partial<CallFacts> = {}) => newCall('inbound', 5000, { legId: 'leg-1' as CallFacts['legId'], number: '1145551234', ...over });

describe('ScreenPop', () => {
  it('pops the priority winner once per call, keeps the others as candidates and tells the link listeners', async () => {
    const { api, pop, last } = rig();
    api.byText['1145551234'] = { [MARIA.Id]: MARIA, [NORTE.Id]: NORTE };
    const links: (LinkedRecord | null)[] = [];
    pop.onLinkChange((_call, link) => links.push(link));
    const call = inbound();
    pop.pop(call);
    pop.pop(call);
    await settled();
    expect(api.of('searchAndScreenPop')).toEqual([{ searchParams: '1145551234', callType: 'inbound', deferred: true }]);
    expect(api.of('screenPop')).toEqual([{ type: 'sobject', params: { recordId: MARIA.Id } }]);
    expect(pop.linkOf({ ...call, callId: '99' as CallFacts['callId'] })?.id, 'found again once the call has its platform id').toBe(MARIA.Id);
    expect(last()).toMatchObject({ status: 'linked', candidates: [{ id: NORTE.Id, objectType: 'Account' }] });
    expect(links.map((l) => l?.id)).toEqual([MARIA.Id]);
  });

  it('re-points the call to a candidate: the link, the listeners and Salesforce follow', async () => {
    const { api, pop, last } = rig();
    api.byText['1145551234'] = { [MARIA.Id]: MARIA, [NORTE.Id]: NORTE };
    const links: string[] = [];
    pop.onLinkChange((_c, link) => links.push(`${link?.id}:${link?.reason.kind}`));
    const call = inbound();
    pop.pop(call);
    await settled();
    await pop.repoint(NORTE.Id);
    expect(pop.linkOf(call)).toMatchObject({ id: NORTE.Id, objectType: 'Account', name: NORTE.Name, reason: { kind: 'agent' } });
    expect(links).toEqual([`${MARIA.Id}:search`, `${NORTE.Id}:agent`]);
    expect(last()?.candidates.map((c) => c.id)).toEqual([MARIA.Id]);
    expect(api.of('screenPop').at(-1)).toEqual({ type: 'sobject', params: { recordId: NORTE.Id } });
  });

  it('pops again when the IVR national id arrives after the pop by number', async () => {
    const { api, pop } = rig({ '/dialtoneCrm/nationalIdField': 'NationalId__c' });
    api.byKey['NationalId__c=31987456'] = [{ Id: MARIA.Id, Name: MARIA.Name, attributes: { type: 'Contact' } }];
    const call = inbound({ number: '1199990000' });
    pop.pop(call);
    await settled();
    expect(pop.linkOf(call)).toBeNull();
    pop.follow({ ...call, ivrData: 'DNI=31987456;' });
    await settled();
    expect(pop.linkOf(call)).toMatchObject({ id: MARIA.Id, reason: { kind: 'search', field: 'NationalId__c', value: '31987456' } });
  });

  it('pops a dialer record id directly and writes externalData onto it', async () => {
    const { api, pop } = rig();
    const contact = { crm: 3, base: 7, contactId: 12345, data: MARIA.Id, keyLabel: 'DATA', phone: '1155550101', clave: null, searchField: 'CLAVE_1', agendaId: null };
    const call = newCall('dialer', 5000, { callId: '42' as CallFacts['callId'], contact, popped: 'contact' });
    pop.pop(call);
    await settled();
    expect(api.of('searchAndScreenPop')).toEqual([]);
    expect(pop.linkOf(call)).toEqual({ id: MARIA.Id, objectType: 'Contact', name: MARIA.Name, reason: { kind: 'recordId', field: 'DATA', value: MARIA.Id, rule: null } });
    expect(api.of('saveLog')).toEqual([{ value: { Id: MARIA.Id, neoContactId__c: '12345', neoBaseId__c: '7', neoCrmId__c: '3' } }]);
  });

  it('opens the prefilled new-record modal on no match, offers the sync, and re-attaches when the saved record opens', async () => {
    const { api, pop, last } = rig();
    const call = inbound({ number: '1160000000' });
    pop.pop(call);
    await settled();
    const syncValue = '1764000000000500';
    expect(api.of('screenPop')).toEqual([{ type: 'newRecord', params: { entityName: 'Contact', defaultFieldValues: { Phone: '1160000000', neoSyncId__c: syncValue } } }]);
    expect(last()).toMatchObject({ status: 'newRecord', canSync: true });
    api.byKey[`neoSyncId__c=${syncValue}`] = [{ Id: '003Dt000Hm000001AAA', Name: 'Quiroga', attributes: { type: 'Contact' } }];
    api.navigate({ url: '/lightning/r/Contact/003Dt000Hm000001AAA/view', recordId: '003Dt000Hm000001AAA', objectType: 'Contact' });
    await settled();
    expect(pop.linkOf(call)).toMatchObject({ id: '003Dt000Hm000001AAA', name: 'Quiroga', reason: { kind: 'created', field: 'neoSyncId__c', value: syncValue } });
    expect(last()).toMatchObject({ status: 'linked', canSync: false });
  });

  it('syncs by hand when the agent closed Salesforce before the page opened', async () => {
    const { api, pop } = rig();
    const call = inbound({ number: '1160000000' });
    pop.pop(call);
    await settled();
    api.byKey['neoSyncId__c=1764000000000500'] = [{ Id: '001Dt000Hm000002AAA', Name: 'Nueva S.A.', attributes: { type: 'Account' } }];
    await pop.sync();
    expect(pop.linkOf(call)).toMatchObject({ id: '001Dt000Hm000002AAA', objectType: 'Account', reason: { kind: 'created' } });
  });

  it('links the clicked record to the outbound call the click starts, and not to a later one', () => {
    const { pop } = rig();
    pop.clickedToDial({ number: '11 5555 0202', recordId: '003Dt000HfplRQxIIM', recordName: 'Lucía Fernández', objectType: 'Contact' });
    const dialled = newCall('outbound', 1_764_000_000_100, { number: '1155550202' });
    pop.follow(dialled);
    expect(pop.linkOf(dialled)).toEqual({ id: '003Dt000HfplRQxIIM', objectType: 'Contact', name: 'Lucía Fernández', reason: { kind: 'clickToDial', field: 'Phone', value: '11 5555 0202', rule: null } });
    pop.follow(null);
    const later = newCall('outbound', 1_764_000_100_000, { number: '1139990000' });
    pop.follow(later);
    expect(pop.linkOf(later)).toBeNull();
  });

  it('does not search for the pop by number of a click-to-dial call, which keeps the clicked record', async () => {
    const { api, pop } = rig();
    api.byText['1145551234'] = { [NORTE.Id]: NORTE };
    pop.clickedToDial({ number: '11 4555 1234', recordId: MARIA.Id, recordName: MARIA.Name, objectType: 'Contact' });
    const dialled = newCall('outbound', 1_764_000_000_100, { number: '1145551234', popped: 'number' });
    pop.pop(dialled);
    pop.follow(dialled);
    await settled();
    expect(pop.linkOf(dialled)).toMatchObject({ id: MARIA.Id, reason: { kind: 'clickToDial' } });
    expect(api.calls, 'no search, no second pop').toEqual([]);
  });

  it('searches a manual dial by the dialled number once and links the match', async () => {
    const { api, pop } = rig();
    api.byText['1145551234'] = { [MARIA.Id]: MARIA };
    const dialled = newCall('outbound', 1_764_000_000_100, { number: '1145551234', popped: 'number' });
    pop.pop(dialled);
    await settled();
    pop.pop({ ...dialled, callId: 'c-9' as CallFacts['callId'], legId: 'leg-9' as CallFacts['legId'] });
    await settled();
    expect(pop.linkOf({ ...dialled, callId: 'c-9' as CallFacts['callId'] })).toMatchObject({ id: MARIA.Id, reason: { kind: 'search', field: 'Phone', value: '1145551234' } });
    expect(api.of('searchAndScreenPop')).toEqual([{ searchParams: '1145551234', callType: 'outbound', deferred: true }]);
  });

  it('leaves several matches without a rule to the layout and lets the agent pick', async () => {
    const { api, pop, last } = rig({ '/neotelConfigOptions/searchTypePriority': '' });
    api.byText['1145551234'] = { [MARIA.Id]: MARIA, [NORTE.Id]: NORTE };
    pop.pop(inbound());
    await settled();
    expect(last()).toMatchObject({ status: 'layout', linked: null });
    expect(last()?.candidates).toHaveLength(2);
    expect(api.of('searchAndScreenPop').at(-1)).toEqual({ searchParams: '1145551234', callType: 'inbound' });
  });

  it('honours the layout\'s "open nothing" for a single match: links the record, navigates nowhere', async () => {
    const { api, pop, last } = rig();
    api.layout = layoutWith({ NoMatch: FULL_RULES.NoMatch, MultipleMatches: FULL_RULES.MultipleMatches });
    api.byText['1145551234'] = { [MARIA.Id]: MARIA };
    pop.pop(inbound());
    await settled();
    expect(last()).toMatchObject({ status: 'linked', linked: { id: MARIA.Id } });
    expect(api.of('screenPop'), 'SingleMatch absent = no screen').toEqual([]);
  });

  it('honours the layout\'s "open nothing" for several matches: no search page, the agent picks in the panel', async () => {
    const { api, pop, last } = rig({ '/neotelConfigOptions/searchTypePriority': '' });
    api.layout = layoutWith({ NoMatch: FULL_RULES.NoMatch, SingleMatch: FULL_RULES.SingleMatch });
    api.byText['1145551234'] = { [MARIA.Id]: MARIA, [NORTE.Id]: NORTE };
    const opened: string[] = [];
    pop.onOpened((page) => opened.push(page));
    pop.pop(inbound());
    await settled();
    expect(last()).toMatchObject({ status: 'layout', linked: null });
    expect(api.of('searchAndScreenPop'), 'only the deferred search').toEqual([{ searchParams: '1145551234', callType: 'inbound', deferred: true }]);
    expect(opened).toEqual([]);
  });

  it('tells the auto-minimise when the search page or the new-record form opened', async () => {
    const { api, pop } = rig({ '/neotelConfigOptions/searchTypePriority': '' });
    const opened: string[] = [];
    pop.onOpened((page) => opened.push(page));
    api.byText['1145551234'] = { [MARIA.Id]: MARIA, [NORTE.Id]: NORTE };
    pop.pop(inbound());
    await settled();
    pop.pop(newCall('inbound', 9000, { legId: 'leg-2' as CallFacts['legId'], number: '1160000000' }));
    await settled();
    expect(opened).toEqual(['search', 'newRecord']);
  });
});
