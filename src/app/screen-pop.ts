/**
 * The screen pop on Open CTI (docs/screen-pop.md): runs the pure plan of
 * src/crm/screen-pop-policy.ts — searches (`searchAndScreenPop` deferred, `runApex`
 * `NeotelDataRetrieval.findByKey`), pops the winner (`screenPop`), writes `externalData` onto it
 * (`saveLog`), opens the prefilled new-record modal on no match and re-attaches once it is saved
 * (by the sync id) — and keeps the {@link LinkedRecord} of each call for the Task log.
 *
 * Only the tab that owns the phone runs the runtime, whose `screenPop` effect calls {@link pop}:
 * a call pops once, in one tab (again only when the contact brings a better key, or the IVR's
 * national id arrives after the pop by number).
 */
import type { CallFacts, DeliveredContact } from '../call/index.ts';
import type { Config } from '../config/index.ts';
import type { CallRecordView, RecordCandidate } from '../view/agent-view.ts';
import type { LinkedRecord } from '../crm/linked-record.ts';
import { campaignValues, multipleMatchesAction, opensNewRecord, opensSearchPage, singleMatchAction, type PopRules } from '../crm/pop-rules.ts';
import { recordingUrlOf } from '../crm/recording-link.ts';
import type { CustomerZone } from '../crm/customer-zone.ts';
import { loadCustomerZone, loadedCustomerZone } from '../crm/lazy-customer-zone.ts';
import { isKnownTimeZone } from '../shared/wall-time.ts';
import {
  chooseRecord,
  clickedContactOf,
  mappedValues,
  nationalIdOf,
  newRecordValues,
  planPop,
  syncValueOf,
  type PopCallType,
  type PopCandidate,
  type PopPlan,
  type PopSearch,
} from '../crm/screen-pop-policy.ts';
import type { AppViewInfo, ClickToDialPayload, OpenCti, SearchAndScreenPopResult } from '../opencti/index.ts';
import { messageOf } from '../shared/errors.ts';

/** The part of the Open CTI shim the screen pop uses. */
export type ScreenPopApi = Pick<OpenCti, 'searchAndScreenPop' | 'screenPop' | 'runApex' | 'saveLog' | 'getSoftphoneLayout' | 'onNavigationChange'>;

/** The Apex class (seed 004, with Dialtone's `findByKey`) the key searches run. */
export const DATA_RETRIEVAL_CLASS = 'NeotelDataRetrieval';
/** Objects `findByKey` searches, in this order. */
const KEY_OBJECTS = ['Contact', 'Account', 'Lead', 'Opportunity'] as const;
/** Key prefixes of the standard objects a record id tells. */
const PREFIXES: Readonly<Record<string, string>> = { '003': 'Contact', '001': 'Account', '00Q': 'Lead', '006': 'Opportunity' };

/** How to build a {@link ScreenPop}. */
export interface ScreenPopOptions {
  readonly api: ScreenPopApi;
  readonly config: Config;
  /** The record slice of the view changed. */
  readonly onView: (record: CallRecordView | null) => void;
  readonly warn: (message: string, cause?: unknown) => void;
  readonly now?: () => number;
  readonly random?: () => number;
}

/** One call's pop. */
interface Entry {
  callId: string | null;
  legId: string | null;
  readonly startedAt: number;
  /** What the last pop used: a better key pops again. */
  level: 'number' | 'nationalId' | 'contact';
  /** Bumped by every pop: results of an older one are dropped. */
  generation: number;
  call: CallFacts;
  link: LinkedRecord | null;
  candidates: readonly RecordCandidate[];
  status: CallRecordView['status'];
  /** The sync id written into the new-record modal, while the softphone waits for the record. */
  syncValue: string | null;
  syncEntity: string | null;
  /** What the agent is told after reopening a softphone the pop minimised (seed 004). */
  reopened: CallRecordView['reopened'];
  /** The linked record's `customerTimeZoneField` value; the zone shown (kept for reference equality). */
  recordZone: unknown;
  zone: CustomerZone | null;
}

/** A Salesforce page the pop opened that the seed minimises the softphone for. */
export type OpenedPage = 'newRecord' | 'search';

/** A click-to-dial record links only the outbound call that starts this soon after the click. */
const CLICK_TO_DIAL_WINDOW_MS = 30_000;

/** How many finished calls keep their link (the Task log reads it when the call ends). */
const KEPT_CALLS = 20;

/** The screen pop and the record linked to each call. */
export class ScreenPop {
  private readonly entries: Entry[] = [];
  private current: Entry | null = null;
  private readonly listeners = new Set<(call: CallFacts, link: LinkedRecord | null) => void>();
  private readonly openedListeners = new Set<(page: OpenedPage) => void>();
  private pendingClick: { readonly record: LinkedRecord; readonly at: number } | null = null;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly offNavigation: () => void;
  private shown: CallRecordView | null = null;

  constructor(private readonly options: ScreenPopOptions) {
    this.now = options.now ?? (() => Date.now());
    this.random = options.random ?? Math.random;
    this.offNavigation = options.api.onNavigationChange((page) => void this.navigated(page));
  }

  /** The record linked to `call` (the Task's `WhoId`/`WhatId`), or `null`. */
  linkOf(call: CallFacts): LinkedRecord | null {
    return this.entryOf(call)?.link ?? null;
  }

  /** Calls `listener` whenever a call's linked record changes; returns the unsubscribe. */
  onLinkChange(listener: (call: CallFacts, link: LinkedRecord | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls `listener` when a pop opened the new-record form or the search page (auto-minimise); returns the unsubscribe. */
  onOpened(listener: (page: OpenedPage) => void): () => void {
    this.openedListeners.add(listener);
    return () => this.openedListeners.delete(listener);
  }

  /**
   * The agent reopened the softphone a pop minimised (src/app/pop-minimise.ts): after the
   * new-record form, the record saved meanwhile is synced (seed: "se sincronizará, de haberlo, el
   * nuevo registro"), and the record panel says what happened and what to do next.
   */
  async reopened(page: OpenedPage): Promise<void> {
    const entry = this.current;
    if (!entry) return;
    if (page === 'newRecord' && entry.link === null) await this.sync();
    entry.reopened = page === 'search' ? 'search' : entry.link?.reason.kind === 'created' ? 'synced' : 'notSynced';
    this.publish();
  }

  /** The runtime's `screenPop` effect: pop (or pop again with a better key). */
  pop(call: CallFacts): void {
    const level = call.contact !== null ? 'contact' : this.nationalIdOf(call) !== null ? 'nationalId' : 'number';
    // A click-to-dial call already knows its record: the dial's pop by number must not search.
    const existing = this.entryOf(call) ?? this.clickedEntryOf(call);
    if (existing && rank(level) <= rank(existing.level)) {
      existing.call = call;
      return;
    }
    const entry = existing ?? this.newEntry(call);
    entry.call = call;
    entry.level = level;
    this.current = entry;
    void this.run(entry, planPop(call, this.options.config.crm));
  }

  /**
   * Follows the machine's current call (every view): adopts ids learnt later, pops again when the
   * IVR's national id arrives after the pop by number, links a click-to-dial record to the
   * outbound call it started, and clears the slice once the agent is done with the call.
   * Returns whether the record slice changed (it was published).
   */
  follow(call: CallFacts | null): boolean {
    const before = this.shown;
    this.followCall(call);
    return this.shown !== before;
  }

  private followCall(call: CallFacts | null): void {
    if (call === null) {
      this.current = null;
      this.publish();
      return;
    }
    const entry = this.entryOf(call);
    if (entry) {
      entry.callId ??= call.callId;
      entry.legId ??= call.legId;
      entry.call = call;
      this.current = entry;
      if (entry.level === 'number' && this.nationalIdOf(call) !== null) this.pop(call);
      this.publish();
      return;
    }
    this.clickedEntryOf(call);
  }

  /** The entry of the outbound call a pending click-to-dial started (linked to the clicked record), or `undefined`. */
  private clickedEntryOf(call: CallFacts): Entry | undefined {
    const click = this.pendingClick;
    if (!click || call.direction !== 'outbound' || call.startedAt < click.at - 1000 || call.startedAt - click.at > CLICK_TO_DIAL_WINDOW_MS) return undefined;
    this.pendingClick = null;
    const created = this.newEntry(call);
    created.level = 'contact';
    this.current = created;
    this.setLink(created, click.record, []);
    return created;
  }

  /**
   * The agent clicked a phone field in Salesforce: its record becomes the link of the outbound
   * call the click starts (reason `clickToDial`).
   */
  clickedToDial(payload: ClickToDialPayload): void {
    const id = payload.recordId ?? payload.contactId ?? payload.accountId;
    if (id === undefined || id === '') return;
    const objectType = payload.objectType ?? objectTypeOfId(id) ?? 'Contact';
    this.pendingClick = {
      record: { id, objectType, name: payload.recordName ?? null, reason: { kind: 'clickToDial', field: 'Phone', value: payload.number, rule: null } },
      at: this.now(),
    };
  }

  /**
   * The Neotel contact the clicked record carries (`allowClickToDialSearch`): its fields read
   * with `NeotelDataRetrieval.get<Object>ById`; `null` when it carries none (or cannot be read).
   */
  async neotelContactOf(recordId: string, objectType: string | null, number: string): Promise<DeliveredContact | null> {
    const type = objectType ?? objectTypeOfId(recordId);
    if (type === null || !isKeyObject(type)) return null;
    const result = await this.safely('runApex', () => this.options.api.runApex({ apexClass: DATA_RETRIEVAL_CLASS, methodName: `get${type}ById`, methodParams: { Id: recordId } }));
    const list: unknown = typeof result === 'string' ? safeJson(result) : result;
    const [fields] = Array.isArray(list) ? (list as unknown[]) : [];
    if (typeof fields !== 'object' || fields === null) return null;
    return clickedContactOf(recordId, fields as Record<string, unknown>, number, this.options.config.crm);
  }

  /** The agent re-points the current call to another record (a candidate, or any record id). */
  async repoint(recordId: string): Promise<void> {
    const entry = this.current;
    if (!entry) return;
    const known = entry.candidates.find((c) => c.id === recordId) ?? (entry.link?.id === recordId ? entry.link : undefined);
    const objectType = known?.objectType ?? objectTypeOfId(recordId);
    if (objectType === null) {
      this.options.warn(`cannot re-point the call to ${JSON.stringify(recordId)}: expected a Contact, Account, Lead or Opportunity id`);
      return;
    }
    const name = known?.name ?? (await this.nameOf(recordId, objectType));
    const previous = entry.link;
    const others = [...entry.candidates.filter((c) => c.id !== recordId), ...(previous && previous.id !== recordId ? [candidateOf(previous)] : [])];
    entry.generation++;
    this.setLink(entry, { id: recordId, objectType, name, reason: { kind: 'agent', field: null, value: null, rule: null } }, others);
    await this.safely('screenPop', () => this.options.api.screenPop({ type: 'sobject', params: { recordId } }));
  }

  /**
   * The agent's "sync" (seed): finds the record saved from the new-record modal by the call's
   * sync id and links it.
   */
  async sync(): Promise<void> {
    const entry = this.current;
    if (!entry?.syncValue) return;
    const objects = entry.syncEntity !== null && isKeyObject(entry.syncEntity) ? [entry.syncEntity, ...KEY_OBJECTS.filter((o) => o !== entry.syncEntity)] : [...KEY_OBJECTS];
    for (const objectName of objects) {
      const found = await this.findByKey(objectName, this.options.config.crm.syncIdField, entry.syncValue);
      const [record] = found;
      if (record) {
        this.attachCreated(entry, record);
        return;
      }
    }
    this.publish();
  }

  /** Stops listening to Salesforce. */
  dispose(): void {
    this.offNavigation();
    this.listeners.clear();
  }

  private nationalIdOf(call: CallFacts): string | null {
    const crm = this.options.config.crm;
    return crm.nationalIdField === null ? null : nationalIdOf(call.ivrData, crm.nationalIdIvrKey);
  }

  private newEntry(call: CallFacts): Entry {
    const entry: Entry = {
      callId: call.callId,
      legId: call.legId,
      startedAt: call.startedAt,
      level: 'number',
      generation: 0,
      call,
      link: null,
      candidates: [],
      status: 'searching',
      syncValue: null,
      syncEntity: null,
      reopened: null,
      recordZone: null,
      zone: null,
    };
    this.entries.push(entry);
    if (this.entries.length > KEPT_CALLS) this.entries.shift();
    return entry;
  }

  private entryOf(call: CallFacts): Entry | undefined {
    return this.entries.find(
      (e) => (e.callId !== null && e.callId === call.callId) || (e.legId !== null && e.legId === call.legId) || (e.startedAt === call.startedAt && e.call.direction === call.direction),
    );
  }

  private async run(entry: Entry, plan: PopPlan): Promise<void> {
    const generation = ++entry.generation;
    const stale = () => entry.generation !== generation;
    entry.status = 'searching';
    this.publish();
    switch (plan.kind) {
      case 'none':
        entry.status = 'none';
        this.publish();
        return;
      case 'record': {
        const objectType = objectTypeOfId(plan.recordId) ?? 'Contact';
        if (singleMatchAction(await this.rulesOf(plan.callType)) === 'open') {
          await this.safely('screenPop', () => this.options.api.screenPop({ type: 'sobject', params: { recordId: plan.recordId } }));
        }
        const name = await this.nameOf(plan.recordId, objectType);
        if (stale()) return;
        this.setLink(entry, { id: plan.recordId, objectType, name, reason: plan.reason }, []);
        // SearchBy/SearchData: the record was found by the key that carried its id (DATA).
        await this.writeExternalData(entry, { by: 'field', field: plan.reason.field ?? 'DATA', value: plan.recordId });
        return;
      }
      case 'layout':
        await this.layoutPop(entry, plan.callType, null);
        return;
      case 'search':
        await this.searchAndPop(entry, plan.searches, plan.callType, stale);
        return;
    }
  }

  private async searchAndPop(entry: Entry, searches: readonly PopSearch[], callType: PopCallType, stale: () => boolean): Promise<void> {
    const crm = this.options.config.crm;
    for (const search of searches) {
      const candidates = await this.candidatesOf(search, callType);
      if (stale()) return;
      const choice = chooseRecord(candidates, search, crm);
      if (choice.kind === 'noMatch') continue;
      if (choice.kind === 'pop') {
        this.setLink(entry, choice.record, choice.others);
        // "No abrir ninguna pantalla": the record is still linked (Task, panel), nothing opens.
        if (singleMatchAction(await this.rulesOf(callType)) === 'open') {
          await this.safely('screenPop', () => this.options.api.screenPop({ type: 'sobject', params: { recordId: choice.record.id } }));
        }
        await this.writeExternalData(entry, search);
        return;
      }
      entry.link = null;
      entry.candidates = choice.candidates;
      entry.status = 'layout';
      this.publish();
      const rules = await this.rulesOf(callType);
      if (multipleMatchesAction(rules) === 'nothing') return;
      if (search.by === 'text') await this.safely('searchAndScreenPop', () => this.options.api.searchAndScreenPop({ searchParams: search.value, callType }));
      else await this.safely('screenPop', () => this.options.api.screenPop({ type: 'search', params: { searchString: search.value } }));
      if (opensSearchPage(rules)) this.opened('search');
      return;
    }
    await this.noMatch(entry, callType, searches.at(-1) ?? null);
  }

  /** No record matched: the new-record modal of the layout's NoMatch object, prefilled. */
  private async noMatch(entry: Entry, callType: PopCallType, search: PopSearch | null): Promise<void> {
    const layout = await this.safely('getSoftphoneLayout', () => this.options.api.getSoftphoneLayout());
    const rule = layout?.[callType === 'inbound' ? 'Inbound' : 'Outbound'].screenPopSettings.NoMatch;
    if (rule?.screenPopType === 'PopToEntity' && rule.screenPopData) {
      const syncValue = syncValueOf(this.now(), this.random());
      entry.syncValue = syncValue;
      entry.syncEntity = rule.screenPopData;
      entry.status = 'newRecord';
      this.publish();
      const defaultFieldValues = newRecordValues(entry.call, this.options.config.crm, syncValue, { search });
      await this.safely('screenPop', () => this.options.api.screenPop({ type: 'newRecord', params: { entityName: rule.screenPopData ?? 'Contact', defaultFieldValues } }));
      this.opened('newRecord');
      return;
    }
    if (rule) {
      await this.layoutPop(entry, callType, search);
      return;
    }
    entry.status = 'none';
    this.publish();
  }

  /** The softphone layout decides (CLAVESF without data, or a rule that is not a new record). */
  private async layoutPop(entry: Entry, callType: PopCallType, search: PopSearch | null): Promise<void> {
    const syncValue = syncValueOf(this.now(), this.random());
    entry.syncValue = syncValue;
    entry.status = 'newRecord';
    this.publish();
    const defaultFieldValues = newRecordValues(entry.call, this.options.config.crm, syncValue, { search });
    await this.safely('searchAndScreenPop', () => this.options.api.searchAndScreenPop({ callType, defaultFieldValues }));
    if (opensNewRecord(await this.rulesOf(callType))) this.opened('newRecord');
  }

  /** The screen-pop rules of the layout for `callType` (`undefined` when it cannot be read). */
  private async rulesOf(callType: PopCallType): Promise<PopRules | undefined> {
    const layout = await this.safely('getSoftphoneLayout', () => this.options.api.getSoftphoneLayout());
    return layout?.[callType === 'inbound' ? 'Inbound' : 'Outbound'].screenPopSettings;
  }

  private opened(page: OpenedPage): void {
    for (const listener of this.openedListeners) {
      try {
        listener(page);
      } catch (error) {
        this.options.warn('an opened-page listener failed', error);
      }
    }
  }

  private async candidatesOf(search: PopSearch, callType: PopCallType): Promise<PopCandidate[]> {
    if (search.by === 'field') {
      const found: PopCandidate[] = [];
      for (const objectName of KEY_OBJECTS) found.push(...(await this.findByKey(objectName, search.field, search.value)));
      return found;
    }
    const result = await this.safely('searchAndScreenPop', () => this.options.api.searchAndScreenPop({ searchParams: search.value, callType, deferred: true }));
    return result ? candidatesOfSearch(result) : [];
  }

  private async findByKey(objectName: string, fieldName: string, value: string): Promise<PopCandidate[]> {
    const result = await this.safely('runApex', () =>
      this.options.api.runApex({ apexClass: DATA_RETRIEVAL_CLASS, methodName: 'findByKey', methodParams: { objectName, fieldName, value } }),
    );
    const failure = apexFailure(result);
    if (failure !== null) this.options.warn(`screen pop: ${DATA_RETRIEVAL_CLASS}.findByKey(${objectName}, ${fieldName}) refused: ${failure}`);
    return apexRecords(result).map((r) => ({ id: r.id, objectType: r.objectType ?? objectName, name: r.name }));
  }

  private async nameOf(recordId: string, objectType: string): Promise<string | null> {
    if (!isKeyObject(objectType)) return null;
    const result = await this.safely('runApex', () => this.options.api.runApex({ apexClass: DATA_RETRIEVAL_CLASS, methodName: `get${objectType}ById`, methodParams: { Id: recordId } }));
    return apexRecords(result)[0]?.name ?? null;
  }

  /** `externalData`: Neotel's values written onto the record the call popped. */
  private async writeExternalData(entry: Entry, search: PopSearch | null): Promise<void> {
    const link = entry.link;
    if (!link) return;
    const crm = this.options.config.crm;
    // campaignEntityName: the record's campaign field points at the campaign's Salesforce record.
    const values = { ...mappedValues(crm.externalData, entry.call, { search }), ...campaignValues(entry.call, crm) };
    if (Object.keys(values).length === 0) return;
    await this.safely('saveLog', () => this.options.api.saveLog({ value: { Id: link.id, ...values } }));
  }

  /** A page opened in Salesforce: the record saved from the new-record modal re-attaches. */
  private async navigated(page: AppViewInfo): Promise<void> {
    const entry = this.current;
    if (!entry?.syncValue || entry.link !== null || !page.recordId || !page.objectType || !isKeyObject(page.objectType)) return;
    const found = await this.findByKey(page.objectType, this.options.config.crm.syncIdField, entry.syncValue);
    const record = found.find((r) => r.id.slice(0, 15) === page.recordId?.slice(0, 15));
    if (record) this.attachCreated(entry, record);
  }

  private attachCreated(entry: Entry, record: PopCandidate): void {
    const field = this.options.config.crm.syncIdField;
    entry.generation++;
    this.setLink(entry, { ...record, reason: { kind: 'created', field, value: entry.syncValue, rule: null } }, []);
    entry.syncValue = null;
  }

  private setLink(entry: Entry, link: LinkedRecord, others: readonly RecordCandidate[]): void {
    entry.link = link;
    entry.recordZone = null;
    void this.readRecordZone(entry, link);
    entry.candidates = others;
    entry.status = 'linked';
    this.publish();
    for (const listener of this.listeners) {
      try {
        listener(entry.call, link);
      } catch (error) {
        this.options.warn('a linked-record listener failed', error);
      }
    }
  }

  private publish(): void {
    const entry = this.current;
    const view: CallRecordView | null =
      entry === null
        ? null
        : { status: entry.status, linked: entry.link, candidates: entry.candidates, canSync: entry.syncValue !== null && entry.link === null, recordingUrl: this.recordingUrlOf(entry.call), reopened: entry.reopened, customerZone: this.zoneOf(entry) };
    if (sameView(view, this.shown)) return;
    this.shown = view;
    this.options.onView(view);
  }

  /** The customer's zone for the callback form: the record's field (read when linked), else the number's. */
  private zoneOf(entry: Entry): CustomerZone | null {
    // Zone-aware callbacks only once the admin said where the platform is (docs/wrap-up.md).
    if (this.options.config.crm.platformTimeZone === null) return null;
    const code = loadedCustomerZone();
    if (code === undefined) {
      // libphonenumber-js is its own chunk (lazy-customer-zone.ts): the zone is drawn once it is in.
      loadCustomerZone().then(
        () => this.publish(),
        (error: unknown) => this.options.warn('screen pop: the customer zone code did not load; callbacks stay in the agent’s time', error),
      );
      return null;
    }
    const zone = code.customerZoneOf(entry.recordZone, entry.call.contact?.phone ?? entry.call.number, this.options.config.agent.defaultCountry, isKnownTimeZone);
    const previous = entry.zone;
    // One object per value, so the view compares by reference.
    entry.zone = previous !== null && zone !== null && previous.zone === zone.zone && previous.source === zone.source ? previous : zone;
    return entry.zone;
  }

  /** `customerTimeZoneField`: the linked record's zone, read once per link. */
  private async readRecordZone(entry: Entry, link: LinkedRecord): Promise<void> {
    const field = this.options.config.crm.customerTimeZoneField;
    if (field === null || !isKeyObject(link.objectType)) return;
    const result = await this.safely('runApex', () => this.options.api.runApex({ apexClass: DATA_RETRIEVAL_CLASS, methodName: `get${link.objectType}ById`, methodParams: { Id: link.id } }));
    const list: unknown = typeof result === 'string' ? safeJson(result) : result;
    const [fields] = Array.isArray(list) ? (list as unknown[]) : [];
    if (entry.link !== link || typeof fields !== 'object' || fields === null) return;
    entry.recordZone = (fields as Record<string, unknown>)[field] ?? null;
    this.publish();
  }

  /** The call's recording link for the player (the platform's template or hook, with its secret), or `null`. */
  private recordingUrlOf(call: CallFacts): string | null {
    try {
      return recordingUrlOf(call, this.options.config, 'player');
    } catch (error) {
      this.options.warn('screen pop: the recording link could not be built', error);
      return null;
    }
  }

  /** Runs one Open CTI call; a failure is reported and the pop goes on without it. */
  private async safely<T>(method: string, run: () => Promise<T>): Promise<T | null> {
    try {
      return await run();
    } catch (error) {
      this.options.warn(`screen pop: ${method} failed: ${messageOf(error)}`, error);
      return null;
    }
  }
}

function rank(level: Entry['level']): number {
  return level === 'number' ? 0 : level === 'nationalId' ? 1 : 2;
}

function isKeyObject(objectType: string): objectType is (typeof KEY_OBJECTS)[number] {
  return (KEY_OBJECTS as readonly string[]).includes(objectType);
}

/** The standard object of a record id by its key prefix, or `null`. */
export function objectTypeOfId(id: string): string | null {
  return PREFIXES[id.slice(0, 3)] ?? null;
}

function candidateOf(record: LinkedRecord): RecordCandidate {
  return { id: record.id, objectType: record.objectType, name: record.name };
}

/** The records of a `searchAndScreenPop` result (not its `SCREEN_POP_DATA`). */
export function candidatesOfSearch(result: SearchAndScreenPopResult): PopCandidate[] {
  const out: PopCandidate[] = [];
  for (const [key, value] of Object.entries(result)) {
    if (key === 'SCREEN_POP_DATA' || typeof value !== 'object' || value === null) continue;
    const record = value as Record<string, unknown>;
    const id = typeof record.Id === 'string' ? record.Id : key;
    const objectType = typeof record.RecordType === 'string' ? record.RecordType : typeof record.object === 'string' ? record.object : objectTypeOfId(id);
    if (objectType === null) continue;
    const name = typeof record.Name === 'string' ? record.Name : typeof record.displayName === 'string' ? record.displayName : null;
    out.push({ id, objectType, name });
  }
  return out;
}

/** Records of a `NeotelDataRetrieval` answer (a JSON list of serialised sObjects). */
function apexRecords(result: unknown): { id: string; objectType: string | null; name: string | null }[] {
  const list: unknown = typeof result === 'string' ? safeJson(result) : result;
  if (!Array.isArray(list)) return [];
  const out: { id: string; objectType: string | null; name: string | null }[] = [];
  for (const item of list as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const record = item as { Id?: unknown; Name?: unknown; attributes?: { type?: unknown } };
    if (typeof record.Id !== 'string') continue;
    out.push({ id: record.Id, objectType: typeof record.attributes?.type === 'string' ? record.attributes.type : null, name: typeof record.Name === 'string' ? record.Name : null });
  }
  return out;
}

/** The message of a `NeotelDataRetrieval` `{"error": {code, message}}` answer, or `null`. */
function apexFailure(result: unknown): string | null {
  const body: unknown = typeof result === 'string' ? safeJson(result) : result;
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('error' in body)) return null;
  const error = (body as { error?: { code?: unknown; message?: unknown } }).error;
  return `${String(error?.code)}: ${String(error?.message)}`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function sameView(a: CallRecordView | null, b: CallRecordView | null): boolean {
  if (a === null || b === null) return a === b;
  return a.status === b.status && a.linked === b.linked && a.candidates === b.candidates && a.canSync === b.canSync && a.recordingUrl === b.recordingUrl && a.reopened === b.reopened && a.customerZone === b.customerZone;
}
