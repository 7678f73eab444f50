import { CURRENT_USER, OBJECTS, type SObjectName } from './schema.ts';
import { isSalesforceId, makeId, to18 } from './salesforce-id.ts';

/** A stored field value: what Salesforce returns in JSON for these field types. */
export type FieldValue = string | number | boolean | null;

/** One record. `fields` always holds `Id` (18 characters), `Name` and the system dates. */
export interface SObjectRecord {
  readonly objectName: SObjectName;
  readonly fields: Readonly<Record<string, FieldValue>>;
}

/**
 * Salesforce's JSON datetime format (`2024-05-01T12:00:00.000+0000`), which is what Apex
 * `JSON.serialize` and the UI API hand out — not JavaScript's `Z` form.
 */
export function salesforceDateTime(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

/**
 * The org's data: records keyed by their 15-character id (ids compare case-sensitively on
 * their first 15 characters, so 15- and 18-character forms find the same record).
 *
 * The store does no validation: {@link ./dml.ts} checks every write the way Salesforce would and
 * then calls {@link insert} / {@link update}.
 */
/** An org validation rule that refuses every save of one object (tests of refused Task logs). */
export interface ValidationRule {
  readonly objectName: SObjectName;
  /** The rule's error message, as Salesforce answers it. */
  readonly message: string;
}

export class RecordStore {
  private readonly records = new Map<string, SObjectRecord>();
  /**
   * The `DialtoneCallKey__c` rows of the org (apex/…/objects): `Key__c` (unique, case-sensitive:
   * the user and the CallObject, so one row per call and agent) → `TaskId__c` and `Version__c`.
   */
  readonly callKeys = new Map<string, { readonly taskId: string; readonly version: number }>();
  /** Active validation rules (`/__control/validation-rule`). */
  readonly validationRules: ValidationRule[] = [];
  // Large enough that generated ids have the mixed-case look of real ones.
  private counter = 2_000_000_000_000;

  constructor(private readonly clock: () => Date = () => new Date()) {}

  /** The record with that id (15 or 18 characters), if any. */
  get(id: string): SObjectRecord | undefined {
    if (!isSalesforceId(id)) return undefined;
    return this.records.get(id.slice(0, 15));
  }

  /** Records of one object (or all), in insertion order. */
  list(objectName?: SObjectName): SObjectRecord[] {
    const all = [...this.records.values()];
    return objectName ? all.filter((r) => r.objectName === objectName) : all;
  }

  /** Number of records held. */
  get size(): number {
    return this.records.size;
  }

  /**
   * Adds a record. `fields` must already be validated and normalised; an `Id`, `CreatedDate` or
   * `LastModifiedDate` present in it is kept (fixtures), otherwise they are generated.
   */
  insert(objectName: SObjectName, fields: Readonly<Record<string, FieldValue>>): SObjectRecord {
    const now = salesforceDateTime(this.clock());
    const given = fields.Id;
    const id = typeof given === 'string' ? to18(given) : this.nextId(objectName);
    const record: SObjectRecord = {
      objectName,
      fields: withComputedName(objectName, {
        ...defaultsOf(objectName),
        OwnerId: CURRENT_USER.Id,
        CreatedDate: now,
        LastModifiedDate: now,
        ...fields,
        Id: id,
      }),
    };
    this.records.set(id.slice(0, 15), record);
    return record;
  }

  /** Replaces some fields of an existing record (validated by the caller) and bumps `LastModifiedDate`. */
  update(id: string, changes: Readonly<Record<string, FieldValue>>): SObjectRecord {
    const existing = this.get(id);
    if (!existing) throw new Error(`No record with id ${JSON.stringify(id)} to update`);
    const record: SObjectRecord = {
      objectName: existing.objectName,
      fields: withComputedName(existing.objectName, {
        ...existing.fields,
        ...changes,
        Id: existing.fields.Id ?? null,
        LastModifiedDate: salesforceDateTime(this.clock()),
      }),
    };
    this.records.set(id.slice(0, 15), record);
    return record;
  }

  /** Removes every record (the seed is reloaded by the caller). */
  clear(): void {
    this.records.clear();
    this.callKeys.clear();
    this.validationRules.length = 0;
    this.counter = 2_000_000_000_000;
  }

  private nextId(objectName: SObjectName): string {
    for (;;) {
      const id = makeId(objectName, this.counter++);
      if (!this.records.has(id.slice(0, 15))) return id;
    }
  }
}

/** The display name of a record: `Name`, or `Subject` for a Task. */
export function recordName(record: SObjectRecord): string {
  const value = record.fields[OBJECTS[record.objectName].nameField];
  return value === null || value === undefined ? '' : String(value);
}

function defaultsOf(objectName: SObjectName): Record<string, FieldValue> {
  const defaults: Record<string, FieldValue> = {};
  for (const field of OBJECTS[objectName].fields) {
    if (field.defaultValue !== undefined) defaults[field.apiName] = field.defaultValue;
  }
  return defaults;
}

function withComputedName(objectName: SObjectName, fields: Record<string, FieldValue>): Record<string, FieldValue> {
  const compound = OBJECTS[objectName].compoundName;
  if (!compound) return fields;
  const name = compound
    .map((part) => fields[part])
    .filter((part) => part !== null && part !== undefined && part !== '')
    .join(' ');
  return { ...fields, Name: name };
}
