/**
 * Which Salesforce record a call pops, and why (docs/screen-pop.md). Pure: the app layer
 * (src/app/screen-pop.ts) runs the plan through Open CTI and feeds the matches back to
 * {@link chooseRecord}.
 *
 * ```
 *  dialer contact ── contact key (or CLAVESF `idContacto-Data`) ── a record id? ─► pop it (recordId)
 *                                       │ empty: the layout decides   └── no ─► search contact key
 *  inbound ── IVR national id (nationalIdField) ─► key search ─┐
 *          └─ caller's number ─────────────────► text search ─┴─► 0: new record (layout NoMatch)
 *                                                                 1: pop it
 *                                                                 n: searchTypePriority, else layout
 * ```
 */
import type { CallFacts, DeliveredContact } from '../call/call-facts.ts';
import type { CrmConfig, FieldMapping, NeotelDataKey } from '../config/config-types.ts';
import type { LinkedRecord, LinkReason } from './linked-record.ts';

/** The label of a delivered contact's key when the platform gives none. */
const CONTACT_KEY_LABEL = 'key';

/** One search the plan asks for, in order of precision. */
export type PopSearch =
  /** Salesforce's own search (SOSL behind `searchAndScreenPop`) of a text: a number or a key. */
  | { readonly by: 'text'; readonly field: string; readonly value: string }
  /** An exact match on one field (the `findByKey` Apex method), e.g. the national id. */
  | { readonly by: 'field'; readonly field: string; readonly value: string };

/** What to do for a call, before anything was searched. */
export type PopPlan =
  /** The key is a record id: pop it straight away. */
  | { readonly kind: 'record'; readonly recordId: string; readonly reason: LinkReason; readonly callType: PopCallType }
  /** Search these in order; the first that matches anything decides. */
  | { readonly kind: 'search'; readonly searches: readonly PopSearch[]; readonly callType: PopCallType }
  /** CLAVESF with empty data (or nothing to search by): the softphone layout's rules decide. */
  | { readonly kind: 'layout'; readonly callType: PopCallType }
  /** Nothing to pop by (an outbound call before it knows its number). */
  | { readonly kind: 'none' };

/** Open CTI call type of the pop. */
export type PopCallType = 'inbound' | 'outbound';

/** A record a search found. */
export interface PopCandidate {
  readonly id: string;
  readonly objectType: string;
  readonly name: string | null;
}

/** What the matches of a search decide. */
export type PopChoice =
  /** One record wins: pop it and link it. */
  | { readonly kind: 'pop'; readonly record: LinkedRecord; readonly others: readonly PopCandidate[] }
  /** Several match and no rule picks one: the layout decides (search page); the agent may pick. */
  | { readonly kind: 'layout'; readonly candidates: readonly PopCandidate[]; readonly search: PopSearch }
  /** Nothing matched: the new-record modal (when the layout pops one). */
  | { readonly kind: 'noMatch' };

/** Salesforce's 18-character id suffix alphabet. */
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * Whether `text` is shaped like a Salesforce record id: 15 case-sensitive alphanumerics, or 18
 * whose last three characters are the checksum of the case of the first fifteen. A national id
 * or a customer number (digits only, wrong length) is not one.
 */
export function isSalesforceId(text: string): boolean {
  if (!/^[a-zA-Z0-9]{15}(?:[A-Z0-5]{3})?$/.test(text)) return false;
  if (!/[a-zA-Z]/.test(text.slice(0, 15))) return false;
  if (text.length === 15) return true;
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = text.charAt(block * 5 + i);
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return suffix === text.slice(15);
}

/**
 * The key a delivered contact pops by: `contact key`, or the data part of the CLAVESF convention
 * (`idContacto-Data`) carried in the IVR data. `''` = the CLAVESF said "no key" (layout decides).
 */
export function contactKeyOf(call: CallFacts): string | null {
  const contact = call.contact;
  if (contact === null) return null;
  const data = contact.data.trim();
  if (data !== '') return data;
  const clave = contact.clave?.trim() ?? '';
  const claveSf = /^(\d+)-(.*)$/s.exec(clave);
  if (claveSf) return (claveSf[2] ?? '').trim();
  return '';
}

/**
 * The national id inside the IVR data (`DNI=31987456;caller number=…;` with `key` = `DNI`), or `null`.
 * The key is matched case-insensitively; the value is trimmed.
 */
export function nationalIdOf(ivrData: string | null, key: string): string | null {
  if (ivrData === null) return null;
  for (const pair of ivrData.split(/[;|&]/)) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    if (pair.slice(0, eq).trim().toLowerCase() !== key.toLowerCase()) continue;
    const value = pair.slice(eq + 1).trim();
    return value === '' ? null : value;
  }
  return null;
}

/** The pop plan of a call (its first pop, or the better key the contact brought). */
export function planPop(call: CallFacts, crm: CrmConfig): PopPlan {
  const callType: PopCallType = call.direction === 'inbound' ? 'inbound' : 'outbound';
  const key = contactKeyOf(call);
  if (key !== null) {
    if (key === '') return { kind: 'layout', callType };
    const field = call.contact?.keyLabel ?? CONTACT_KEY_LABEL;
    if (isSalesforceId(key)) return { kind: 'record', recordId: key, reason: { kind: 'recordId', field, value: key, rule: null }, callType };
    return { kind: 'search', searches: [{ by: 'text', field, value: key }], callType };
  }
  const searches: PopSearch[] = [];
  const nationalId = crm.nationalIdField === null ? null : nationalIdOf(call.ivrData, crm.nationalIdIvrKey);
  if (crm.nationalIdField !== null && nationalId !== null) searches.push({ by: 'field', field: crm.nationalIdField, value: nationalId });
  const number = call.number?.trim() ?? '';
  if (number.replace(/\D/g, '').length >= 3) searches.push({ by: 'text', field: 'Phone', value: number });
  if (searches.length === 0) return call.direction === 'inbound' ? { kind: 'layout', callType } : { kind: 'none' };
  return { kind: 'search', searches, callType };
}

/** How `searchTypePriority` reads in a reason: `searchTypePriority: Contact > Account`. */
export function priorityRule(crm: CrmConfig): string {
  return `searchTypePriority: ${crm.searchTypePriority.join(' > ')}`;
}

/** The rank of an object in `searchTypePriority` (`Company` names Salesforce's Account). */
function rankOf(objectType: string, crm: CrmConfig): number {
  const index = crm.searchTypePriority.findIndex((o) => o === objectType || (o === 'Company' && objectType === 'Account'));
  return index < 0 ? Number.MAX_SAFE_INTEGER : index;
}

/**
 * Picks the record among the matches of `search`: one match wins; several are ranked by
 * `searchTypePriority` and the best object wins when it has exactly one record; otherwise (no
 * priority, or a tie within the best object) the layout decides and the agent may pick.
 */
export function chooseRecord(candidates: readonly PopCandidate[], search: PopSearch, crm: CrmConfig): PopChoice {
  const unique = candidates.filter((c, i) => candidates.findIndex((d) => d.id === c.id) === i);
  const reasonWith = (rule: string | null): LinkReason => ({ kind: 'search', field: search.field, value: search.value, rule });
  const [first] = unique;
  if (first === undefined) return { kind: 'noMatch' };
  if (unique.length === 1) return { kind: 'pop', record: { ...first, reason: reasonWith(null) }, others: [] };
  if (crm.searchTypePriority.length === 0) return { kind: 'layout', candidates: unique, search };
  const [best, ...rest] = [first, ...unique.slice(1)].sort((a, b) => rankOf(a.objectType, crm) - rankOf(b.objectType, crm)) as [PopCandidate, ...PopCandidate[]];
  const ranked = [best, ...rest];
  const bestRank = rankOf(best.objectType, crm);
  const tied = ranked.filter((c) => rankOf(c.objectType, crm) === bestRank);
  if (bestRank === Number.MAX_SAFE_INTEGER || tied.length > 1) return { kind: 'layout', candidates: ranked, search };
  return { kind: 'pop', record: { ...best, reason: reasonWith(priorityRule(crm)) }, others: ranked.slice(1) };
}

/** Facts of the pop that only the app knows, for the `SearchBy`/`SearchData` keys. */
export interface PopFacts {
  readonly search: PopSearch | null;
}

/** The value of one Neotel data key for this call; `null` = unknown (the field is left alone). */
export function neotelValue(key: NeotelDataKey, call: CallFacts, facts: PopFacts): string | null {
  const c = call.contact;
  const str = (v: number | string | null | undefined): string | null => (v === null || v === undefined || v === '' ? null : String(v));
  switch (key) {
    case 'callCampaing':
      return str(call.campaign);
    case 'callId':
      return str(call.callId);
    case 'callQueue':
      return str(call.queue);
    case 'phoneNumber':
      return str(call.number);
    case 'contactBaseId':
      return str(c?.base);
    case 'crmId':
      return str(c?.crm);
    case 'contactId':
      return str(c?.contactId);
    case 'crmKey':
      return str(contactKeyOf(call) ?? facts.search?.value);
    case 'SearchBy':
      return str(facts.search?.field);
    case 'SearchData':
      return str(facts.search?.value);
    // The platform status at the time of the pop (docs/screen-pop.md, "externalData"): the dialer
    // type, why the call was brought, and the agent's outbound campaign with its CRM and base.
    case 'callDialer':
      return str(call.platformData?.dialer);
    case 'callReason':
      return str(call.platformData?.reason);
    case 'campaignCrmId':
      return str(call.platformData?.outboundCrm);
    case 'campaignBaseId':
      return str(call.platformData?.outboundBase);
    case 'userOutCampaign':
      return str(call.platformData?.outboundCampaign);
  }
}

/** The field values of a mapping list (`externalData`, `defaultNewRowData`) for this call. */
export function mappedValues(mappings: readonly FieldMapping[], call: CallFacts, facts: PopFacts): Record<string, string> {
  const values: Record<string, string> = {};
  for (const { field, source } of mappings) {
    const value = neotelValue(source, call, facts);
    if (value !== null) values[field] = value;
  }
  return values;
}

/**
 * The prefill of the new-record modal: `defaultNewRowData` plus the sync id that lets the
 * softphone find the record once the agent saved it (seed: `neoSyncId__c`).
 */
export function newRecordValues(call: CallFacts, crm: CrmConfig, syncValue: string, facts: PopFacts): Record<string, string> {
  return { ...mappedValues(crm.defaultNewRowData, call, facts), [crm.syncIdField]: syncValue };
}

/**
 * A sync id for one call: digits only (the field is Number(18,0)), unique enough across agents
 * (the time in ms and three random digits: 16 digits).
 */
export function syncValueOf(at: number, random: number): string {
  const tail = String(Math.floor(Math.abs(random) * 1000) % 1000).padStart(3, '0');
  return `${Math.floor(at)}${tail}`;
}

/**
 * The Neotel contact a clicked Salesforce record carries (`allowClickToDialSearch`, seed 004: the
 * record must hold the Neotel ids), read from the fields `externalData` maps to `crmId`,
 * `contactBaseId` and `contactId` (`crmKey`'s field, else the record id, is the `contact key` key).
 * `null` when one of the three ids is missing or not a whole number: the call is then a plain
 * manual call.
 */
export function clickedContactOf(recordId: string, fields: Readonly<Record<string, unknown>>, phone: string, crm: CrmConfig): DeliveredContact | null {
  const fieldOf = (source: NeotelDataKey): string | undefined => crm.externalData.find((m) => m.source === source)?.field;
  const read = (source: NeotelDataKey): unknown => {
    const field = fieldOf(source);
    if (field === undefined) return undefined;
    const key = Object.keys(fields).find((k) => k.toLowerCase() === field.toLowerCase());
    return key === undefined ? undefined : fields[key];
  };
  const whole = (value: unknown): number | null => {
    const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
    return /^\d{1,15}$/.test(text) ? Number(text) : null;
  };
  const crmId = whole(read('crmId'));
  const base = whole(read('contactBaseId'));
  const contactId = whole(read('contactId'));
  if (crmId === null || base === null || contactId === null) return null;
  const key = read('crmKey');
  const data = typeof key === 'string' && key.trim() !== '' ? key.trim() : typeof key === 'number' ? String(key) : recordId;
  return { crm: crmId, base, contactId, data, phone, clave: null, searchField: null, agendaId: null };
}
