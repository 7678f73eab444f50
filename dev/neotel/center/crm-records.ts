/**
 * The CRM side of an agent: `ESTADO_CRM` transitions and the contact methods
 * (CRM_ShowingContact, UpdateContact, AddScheduleCall, CloseContact).
 *
 *   Available ──dialer / CRM queue delivers a record──► GetContact
 *   GetContact ──CRM_ShowingContact──► ShowingContact (scenario `showingContactState`)
 *   any ──UpdateContact(AGENDA=true), when `releaseOnAgenda`──► Available
 *   any ──CRM_Available──► Available (record released, back to the dialer's pools if not categorised)
 *   any ──CRM_Unavailable──► Unavailable (scenario `unavailableState`)
 */
import { wallTimeToInstant } from './clock.ts';
import type { AgentSession, CrmRecord } from './model.ts';
import { faults } from './neo-fault.ts';
import { releaseRecord } from './sessions.ts';
import type { World } from './world.ts';

/** A date parameter as the NeoApi layer hands it over. */
export interface WallDate {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  offsetMinutes?: number;
  text: string;
}

function setCrmState(world: World, session: AgentSession, state: string): void {
  if (session.crmState !== state) session.crmSince = world.now();
  session.crmState = state;
}

/** Puts a delivered record on the agent's position: ESTADO_CRM=GetContact, once per call id. */
export function deliverRecord(world: World, session: AgentSession, record: CrmRecord, callId: string): void {
  if (session.delivered.has(callId)) return;
  session.delivered.add(callId);
  session.record = record;
  setCrmState(world, session, 'GetContact');
}

/** Takes a delivered record back (the agent never answered the call that brought it). */
export function withdrawRecord(world: World, session: AgentSession, record: CrmRecord): void {
  if (session.record !== record) return;
  session.record = undefined;
  setCrmState(world, session, 'Available');
}

/** `CRM_Available(USUARIO)`. */
export function crmAvailable(world: World, user: string): void {
  const session = world.requireSession(user);
  releaseRecord(world, session);
  setCrmState(world, session, 'Available');
  session.idleSince = world.now();
  world.requestDistribution();
}

/** `CRM_Unavailable(USUARIO)` → true. */
export function crmUnavailable(world: World, user: string): boolean {
  const session = world.requireSession(user);
  setCrmState(world, session, world.scenario.platform.unavailableState);
  return true;
}

/**
 * `CRM_ShowingContact(USUARIO, BASE, IDCONTACTO, DATA)`. With the delivered record it only changes
 * ESTADO_CRM; with another contact it takes that record on screen (click-to-dial search); BASE=0
 * (inbound without a record) only changes ESTADO_CRM.
 */
export function crmShowingContact(world: World, user: string, base: number, contactId: number, data: string): void {
  const session = world.requireSession(user);
  if (base !== 0) {
    if (!world.contacts.hasBase(base)) throw faults.baseNotFound(base);
    const entry = world.contacts.get(base, contactId);
    if (!entry) throw faults.contactNotFound(base, contactId);
    const current = session.record;
    if (current?.base !== base || current.contactId !== contactId) {
      releaseRecord(world, session);
      world.contacts.markInProgress(entry, undefined);
      session.record = { crm: entry.crm, base, contactId, data: data || entry.spec.clave1, searchField: '', agendaId: '', clave: '' };
    }
  }
  setCrmState(world, session, world.scenario.platform.showingContactState);
  const call = session.call;
  if (call?.onShowingContact) {
    const dial = call.onShowingContact;
    call.onShowingContact = undefined;
    dial();
  }
}

function instantOf(world: World, date: WallDate): number {
  if (date.year < 1900) throw faults.invalidDate(date.text);
  if (date.offsetMinutes !== undefined) {
    return Date.UTC(date.year, date.month - 1, date.day, date.hour, date.minute, date.second) - date.offsetMinutes * 60_000;
  }
  return wallTimeToInstant(date, world.scenario.platform.timeZone);
}

export interface UpdateContactInput {
  crm: number;
  user: string;
  base: number;
  contactId: number;
  data: string;
  subcategory: number;
  xmlUpdate: string;
  agenda: boolean;
  agendaAt: WallDate;
  agendaUser: string;
  agendaPhone: string;
}

/** `UpdateContact(...)`: categorises and optionally schedules a callback. */
export function updateContact(world: World, input: UpdateContactInput): void {
  const session = world.requireSession(input.user);
  const subcategory = world.subcategories.get(input.subcategory);
  if (!subcategory) throw faults.subcategoryNotFound(input.subcategory);
  const entry = input.base === 0 && input.contactId === 0 ? undefined : world.contacts.get(input.base, input.contactId);
  if (input.base !== 0 || input.contactId !== 0) {
    if (!world.contacts.hasBase(input.base)) throw faults.baseNotFound(input.base);
    if (!entry) throw faults.contactNotFound(input.base, input.contactId);
  }
  const dueAt = input.agenda ? instantOf(world, input.agendaAt) : undefined;
  const now = world.now();
  let agendaId = '';
  if (entry && dueAt !== undefined) {
    // An empty TEL_AGENDA means "the contact's phone".
    const phone = input.agendaPhone !== '' ? input.agendaPhone : (entry.spec.phones[0] ?? '');
    agendaId = world.contacts.schedule(entry, { user: input.agendaUser, phone, dueAt, source: 'UpdateContact' }).id;
  }
  const disposition = { at: now, user: input.user, subcategory: subcategory.id, callId: session.call?.id ?? session.last.callId, xmlUpdate: input.xmlUpdate, agendaId };
  if (entry) world.contacts.categorize(entry, subcategory, disposition, now);
  world.dispositionLog.push({ ...disposition, base: input.base, contactId: input.contactId, crm: input.crm });
  if (input.agenda && world.scenario.platform.releaseOnAgenda) {
    session.record = undefined;
    setCrmState(world, session, 'Available');
    world.requestDistribution();
  }
}

/** `AddScheduleCall(...)` → the new agenda id; the callback is assigned to USUARIO. */
export function addScheduleCall(world: World, user: string, base: number, contactId: number, phone: string, at: WallDate): string {
  world.requireSession(user);
  if (!world.contacts.hasBase(base)) throw faults.baseNotFound(base);
  const entry = world.contacts.get(base, contactId);
  if (!entry) throw faults.contactNotFound(base, contactId);
  const dueAt = instantOf(world, at);
  const target = phone !== '' ? phone : (entry.spec.phones[0] ?? '');
  return world.contacts.schedule(entry, { user, phone: target, dueAt, source: 'AddScheduleCall' }).id;
}

/** `CloseContact(BASE, IDCONTACTO)`. */
export function closeContact(world: World, base: number, contactId: number): void {
  if (!world.contacts.hasBase(base)) throw faults.baseNotFound(base);
  const entry = world.contacts.get(base, contactId);
  if (!entry) throw faults.contactNotFound(base, contactId);
  world.contacts.close(entry);
}
