/**
 * The bases and their contacts as the dialer sees them: each record is in one sweep state
 * (neoapi.md §6) — NP (not processed), R (retry), RA (automatic callback due), AGENDA (callback
 * scheduled by an agent), IN_PROGRESS (delivered, not yet categorised) or CLOSED — plus the
 * categorisations and callbacks agents recorded through UpdateContact / AddScheduleCall.
 */
import type { BaseSpec, ContactSpec, Scenario, SubcategorySpec } from '../scenario/schema.ts';

export type ContactState = 'NP' | 'R' | 'RA' | 'AGENDA' | 'IN_PROGRESS' | 'CLOSED';

/** `ORIGEN_LLAMADA` per sweep state. Only `NO PROCESADO` was observed; the others are our spelling. */
export const ORIGIN_BY_STATE = { NP: 'NO PROCESADO', R: 'RELLAMADO', RA: 'AGENDA AUTOMATICA', AGENDA: 'AGENDA' } as const;

export interface Disposition {
  readonly at: number;
  readonly user: string;
  readonly subcategory: number;
  readonly callId: string;
  readonly xmlUpdate: string;
  readonly agendaId: string;
}

export interface Agenda {
  readonly id: string;
  readonly base: number;
  readonly contactId: number;
  /** Empty = any agent of the campaign. */
  readonly user: string;
  readonly phone: string;
  readonly dueAt: number;
  readonly source: 'UpdateContact' | 'AddScheduleCall';
  done: boolean;
}

export interface ContactEntry {
  readonly base: number;
  readonly crm: number;
  readonly spec: ContactSpec;
  state: ContactState;
  /** State to return to if the record is released without a categorisation. */
  stateBeforeDelivery: ContactState;
  attempts: number;
  /** RA: when the automatic callback is due. */
  dueAt: number | undefined;
  readonly dispositions: Disposition[];
}

/** One contact as the control API shows it (`GET /control/contacts`). */
export interface ContactSnapshot {
  readonly id: number;
  readonly name: string;
  readonly phones: readonly string[];
  readonly clave1: string;
  readonly state: ContactState;
  readonly attempts: number;
  readonly dueAt: number | undefined;
  readonly dispositions: readonly Disposition[];
}

/** One base as the control API shows it. */
export interface BaseSnapshot {
  readonly id: number;
  readonly crm: number;
  readonly name: string;
  readonly contacts: readonly ContactSnapshot[];
}

/** The contact book as the control API shows it: bases with their contacts, and the callbacks booked. */
export interface ContactBookSnapshot {
  readonly bases: readonly BaseSnapshot[];
  readonly agendas: readonly Agenda[];
}

/** What the dialer takes next for an agent. */
export interface DialerPick {
  readonly entry: ContactEntry;
  readonly origin: string;
  readonly phone: string;
  readonly agenda: Agenda | undefined;
}

export class ContactBook {
  private readonly bases = new Map<number, { spec: BaseSpec; entries: Map<number, ContactEntry> }>();
  private readonly agendas: Agenda[] = [];
  private nextAgendaId: number;
  private nextContactId: number;

  constructor(scenario: Scenario) {
    this.nextAgendaId = scenario.platform.firstAgendaId;
    let maxId = 0;
    for (const base of scenario.bases) {
      const entries = new Map<number, ContactEntry>();
      for (const spec of base.contacts) {
        entries.set(spec.id, { base: base.id, crm: base.crm, spec, state: 'NP', stateBeforeDelivery: 'NP', attempts: 0, dueAt: undefined, dispositions: [] });
        maxId = Math.max(maxId, spec.id);
      }
      this.bases.set(base.id, { spec: base, entries });
    }
    this.nextContactId = maxId + 1;
  }

  hasBase(base: number): boolean {
    return this.bases.has(base);
  }

  get(base: number, contactId: number): ContactEntry | undefined {
    return this.bases.get(base)?.entries.get(contactId);
  }

  /** The CLAVE_1 lookup of CONTACTO_INSERT_SALESFORCE. */
  findByKey(base: number, key: string): ContactEntry | undefined {
    if (key === '') return undefined;
    for (const entry of this.bases.get(base)?.entries.values() ?? []) if (entry.spec.clave1 === key) return entry;
    return undefined;
  }

  /**
   * Inserts a contact the way CONTACTO_INSERT_SALESFORCE does for an unknown caller: DATA = the
   * key given, or empty (the CLAVESF is then `idContacto-`).
   */
  insert(base: number, phone: string, key: string): ContactEntry {
    const target = this.bases.get(base);
    if (!target) throw new Error(`ContactBook.insert: base ${base} does not exist; the scenario validation should have caught the queue that names it`);
    const spec: ContactSpec = { id: this.nextContactId++, name: '', phones: [phone === '' ? '0' : phone], clave1: key, neverAnswer: false };
    const entry: ContactEntry = { base, crm: target.spec.crm, spec, state: 'IN_PROGRESS', stateBeforeDelivery: 'R', attempts: 1, dueAt: undefined, dispositions: [] };
    target.entries.set(spec.id, entry);
    return entry;
  }

  /**
   * The next record for an agent of a campaign working `base`, in sweep order: callbacks due for
   * this agent, callbacks due for anyone, automatic callbacks due (RA), not processed (NP), retries (R).
   */
  nextForDialer(base: number, user: string, now: number): DialerPick | undefined {
    const entries = this.bases.get(base)?.entries;
    if (!entries) return undefined;
    const due = this.agendas
      .filter((a) => !a.done && a.base === base && a.dueAt <= now && (a.user === user || a.user === ''))
      .sort((a, b) => Number(b.user === user) - Number(a.user === user) || a.dueAt - b.dueAt);
    for (const agenda of due) {
      const entry = entries.get(agenda.contactId);
      if (entry?.state === 'AGENDA') return { entry, origin: ORIGIN_BY_STATE.AGENDA, phone: agenda.phone || this.phoneOf(entry), agenda };
    }
    const all = [...entries.values()];
    const recall = all.find((e) => e.state === 'RA' && (e.dueAt ?? 0) <= now);
    if (recall) return { entry: recall, origin: ORIGIN_BY_STATE.RA, phone: this.phoneOf(recall), agenda: undefined };
    for (const state of ['NP', 'R'] as const) {
      const entry = all.find((e) => e.state === state);
      if (entry) return { entry, origin: ORIGIN_BY_STATE[state], phone: this.phoneOf(entry), agenda: undefined };
    }
    return undefined;
  }

  /** Takes a record out of the pools while it is being called or worked. */
  markInProgress(entry: ContactEntry, agenda: Agenda | undefined): void {
    entry.stateBeforeDelivery = entry.state;
    entry.state = 'IN_PROGRESS';
    entry.attempts += 1;
    if (agenda) agenda.done = true;
  }

  /** The customer did not answer: the record goes to retries (R). */
  markUnanswered(entry: ContactEntry): void {
    if (entry.state === 'IN_PROGRESS') entry.state = 'R';
  }

  /** Released without a categorisation (CRM_Available): back to retries. */
  release(entry: ContactEntry): void {
    // Once attempted, a record is a retry; a closed record taken on screen by hand stays closed.
    if (entry.state === 'IN_PROGRESS') entry.state = entry.stateBeforeDelivery === 'CLOSED' ? 'CLOSED' : 'R';
  }

  /** UpdateContact's categorisation: the sub-category decides the record's next state. */
  categorize(entry: ContactEntry, subcategory: SubcategorySpec, disposition: Disposition, now: number): void {
    entry.dispositions.push(disposition);
    if (disposition.agendaId !== '') return; // the callback decides (state AGENDA already)
    if (subcategory.closes) entry.state = 'CLOSED';
    else if (subcategory.autoRecallMinutes !== undefined) {
      entry.state = 'RA';
      entry.dueAt = now + subcategory.autoRecallMinutes * 60_000;
    } else entry.state = 'R';
  }

  /** Schedules a callback; the record waits in AGENDA until it is due. */
  schedule(entry: ContactEntry, input: { user: string; phone: string; dueAt: number; source: Agenda['source'] }): Agenda {
    const agenda: Agenda = { id: String(this.nextAgendaId++), base: entry.base, contactId: entry.spec.id, user: input.user, phone: input.phone, dueAt: input.dueAt, source: input.source, done: false };
    this.agendas.push(agenda);
    entry.state = 'AGENDA';
    return agenda;
  }

  close(entry: ContactEntry): void {
    entry.state = 'CLOSED';
  }

  /** A JSON-friendly view for the control API. */
  snapshot(): ContactBookSnapshot {
    const bases: BaseSnapshot[] = [...this.bases.values()].map(({ spec, entries }) => ({
      id: spec.id,
      crm: spec.crm,
      name: spec.name,
      contacts: [...entries.values()].map((e) => ({ id: e.spec.id, name: e.spec.name, phones: e.spec.phones, clave1: e.spec.clave1, state: e.state, attempts: e.attempts, dueAt: e.dueAt, dispositions: e.dispositions })),
    }));
    return { bases, agendas: this.agendas };
  }

  private phoneOf(entry: ContactEntry): string {
    const phones = entry.spec.phones;
    return phones[entry.attempts % phones.length] ?? phones[0] ?? '';
  }
}
