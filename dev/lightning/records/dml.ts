import { describeValue } from '../../../src/shared/errors.ts';
import type { FieldValue, RecordStore, SObjectRecord } from './record-store.ts';
import { CURRENT_USER, OBJECTS, findField, type FieldDef, type SObjectName } from './schema.ts';
import { isSalesforceId, objectOfId, to18 } from './salesforce-id.ts';

/**
 * Create and update with Salesforce's validation: field names resolved case-insensitively,
 * unknown fields refused, types coerced the way the API does, lengths, restricted picklists,
 * create-only fields, required fields, reference targets, unique external ids — each failure with
 * Salesforce's status code and message wording.
 */

/** One failure, shaped like a Salesforce `Database.Error`. */
export interface DmlError {
  statusCode: string;
  message: string;
  fields: string[];
}

export type DmlResult = { ok: true; record: SObjectRecord } | { ok: false; errors: DmlError[] };

/** Fixture loading may set the fields Salesforce itself manages. */
export interface InsertOptions {
  allowSystemFields?: boolean;
}

const SYSTEM_SETTABLE = new Set(['Id', 'CreatedDate', 'LastModifiedDate']);

/** Validates `input` as a new record of `objectName` and stores it. */
export function insertRecord(
  store: RecordStore,
  objectName: SObjectName,
  input: Readonly<Record<string, unknown>>,
  options: InsertOptions = {},
): DmlResult {
  const errors: DmlError[] = [];
  const values: Record<string, FieldValue> = {};
  for (const [name, raw] of Object.entries(input)) {
    const field = findField(objectName, name);
    if (!field) {
      errors.push(noSuchColumn(name, objectName));
      continue;
    }
    const systemOverride = options.allowSystemFields === true && SYSTEM_SETTABLE.has(field.apiName);
    if (!field.createable && !systemOverride) {
      errors.push(notWritable(field));
      continue;
    }
    const coerced = systemOverride ? coerceSystemField(field, raw) : coerce(store, field, raw);
    if ('error' in coerced) errors.push(coerced.error);
    else values[field.apiName] = coerced.value;
  }
  const missing = OBJECTS[objectName].fields
    .filter((f) => f.required === true && (values[f.apiName] === undefined || values[f.apiName] === null))
    .map((f) => f.apiName)
    .filter((name) => !errors.some((e) => e.fields.includes(name)));
  if (missing.length > 0) {
    errors.push({ statusCode: 'REQUIRED_FIELD_MISSING', message: `Required fields are missing: [${missing.join(', ')}]`, fields: missing });
  }
  errors.push(...crossFieldErrors(objectName, values), ...uniqueErrors(store, objectName, values, undefined));
  if (errors.length === 0) errors.push(...ruleErrors(store, objectName));
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, record: store.insert(objectName, values) };
}

/** Validates `input` as changes to the existing record `id` and stores them. */
export function updateRecord(store: RecordStore, id: unknown, input: Readonly<Record<string, unknown>>): DmlResult {
  const existing = typeof id === 'string' ? store.get(id) : undefined;
  if (!existing) {
    const message = isSalesforceId(id)
      ? 'invalid cross reference id'
      : `Record ID: id value of incorrect type: ${typeof id === 'string' ? id : describeValue(id)}`;
    const statusCode = isSalesforceId(id) ? 'INVALID_CROSS_REFERENCE_KEY' : 'MALFORMED_ID';
    return { ok: false, errors: [{ statusCode, message, fields: ['Id'] }] };
  }
  const objectName = existing.objectName;
  const errors: DmlError[] = [];
  const values: Record<string, FieldValue> = {};
  for (const [name, raw] of Object.entries(input)) {
    const field = findField(objectName, name);
    if (!field) {
      errors.push(noSuchColumn(name, objectName));
      continue;
    }
    if (!field.updateable) {
      errors.push(notWritable(field));
      continue;
    }
    const coerced = coerce(store, field, raw);
    if ('error' in coerced) errors.push(coerced.error);
    else values[field.apiName] = coerced.value;
  }
  const cleared = Object.entries(values)
    .filter(([name, value]) => value === null && findField(objectName, name)?.required === true)
    .map(([name]) => name);
  if (cleared.length > 0) {
    errors.push({ statusCode: 'REQUIRED_FIELD_MISSING', message: `Required fields are missing: [${cleared.join(', ')}]`, fields: cleared });
  }
  errors.push(
    ...crossFieldErrors(objectName, { ...existing.fields, ...values }),
    ...uniqueErrors(store, objectName, values, existing.fields.Id as string),
  );
  if (errors.length === 0) errors.push(...ruleErrors(store, objectName));
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, record: store.update(existing.fields.Id as string, values) };
}

type Coerced = { value: FieldValue } | { error: DmlError };

function coerce(store: RecordStore, field: FieldDef, raw: unknown): Coerced {
  if (raw === null || raw === undefined || raw === '') return { value: null };
  const bad = (): Coerced => ({
    error: { statusCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD', message: `${field.label}: value not of required type: ${shown(raw)}`, fields: [field.apiName] },
  });
  switch (field.type) {
    case 'string':
    case 'textarea':
    case 'phone':
    case 'email':
    case 'url':
    case 'picklist': {
      if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') return bad();
      const value = String(raw);
      if (field.maxLength !== undefined && value.length > field.maxLength) {
        return {
          error: {
            statusCode: 'STRING_TOO_LONG',
            message: `${field.label}: data value too large: ${value.slice(0, 60)}${value.length > 60 ? '…' : ''} (max length=${field.maxLength})`,
            fields: [field.apiName],
          },
        };
      }
      if (field.type === 'email' && !isEmailShaped(value)) {
        return { error: { statusCode: 'INVALID_EMAIL_ADDRESS', message: `${field.label}: invalid email address: ${value}`, fields: [field.apiName] } };
      }
      if (field.restricted === true && !(field.values ?? []).includes(value)) {
        return {
          error: {
            statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
            message: `${field.label}: bad value for restricted picklist field: ${value}`,
            fields: [field.apiName],
          },
        };
      }
      return { value };
    }
    case 'int': {
      const n = typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
      if (typeof n !== 'number' || !Number.isInteger(n)) return bad();
      if (Math.abs(n) > 2_147_483_647) {
        return { error: { statusCode: 'NUMBER_OUTSIDE_VALID_RANGE', message: `${field.label}: value outside of valid range on numeric field: ${n}`, fields: [field.apiName] } };
      }
      return { value: n };
    }
    case 'double': {
      const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      if (typeof n !== 'number' || !Number.isFinite(n)) return bad();
      if (Math.abs(n) >= 1e18) {
        return { error: { statusCode: 'NUMBER_OUTSIDE_VALID_RANGE', message: `${field.label}: value outside of valid range on numeric field: ${n}`, fields: [field.apiName] } };
      }
      return { value: n };
    }
    case 'boolean':
      if (typeof raw === 'boolean') return { value: raw };
      if (raw === 'true' || raw === 'false') return { value: raw === 'true' };
      return bad();
    case 'date':
      return typeof raw === 'string' && isIsoDate(raw) ? { value: raw } : bad();
    case 'datetime':
      return typeof raw === 'string' && !Number.isNaN(Date.parse(raw)) ? { value: raw } : bad();
    case 'reference':
      return coerceReference(store, field, raw);
    case 'id':
      return bad();
  }
}

function coerceReference(store: RecordStore, field: FieldDef, raw: unknown): Coerced {
  const incorrectType = (): Coerced => ({
    error: {
      statusCode: 'FIELD_INTEGRITY_EXCEPTION',
      message: `${field.label}: id value of incorrect type: ${typeof raw === 'string' ? raw : shown(raw)}`,
      fields: [field.apiName],
    },
  });
  if (!isSalesforceId(raw)) return incorrectType();
  const target = objectOfId(raw);
  if (target === undefined || !(field.referenceTo ?? []).includes(target)) return incorrectType();
  const exists = target === 'User' ? raw.slice(0, 15) === CURRENT_USER.Id.slice(0, 15) : store.get(raw) !== undefined;
  if (!exists) {
    return { error: { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: `invalid cross reference id`, fields: [field.apiName] } };
  }
  return { value: to18(raw) };
}

function coerceSystemField(field: FieldDef, raw: unknown): Coerced {
  if (field.apiName === 'Id') {
    return isSalesforceId(raw) ? { value: to18(raw) } : { error: { statusCode: 'MALFORMED_ID', message: `Record ID: malformed id ${shown(raw)}`, fields: ['Id'] } };
  }
  return typeof raw === 'string' && !Number.isNaN(Date.parse(raw))
    ? { value: raw }
    : { error: { statusCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD', message: `${field.label}: value not of required type: ${shown(raw)}`, fields: [field.apiName] } };
}

/** Rules that involve two fields. */
function crossFieldErrors(objectName: SObjectName, values: Readonly<Record<string, FieldValue>>): DmlError[] {
  const errors: DmlError[] = [];
  if (objectName === 'Task') {
    const who = values.WhoId;
    const what = values.WhatId;
    // Task reference: "If the WhoId refers to a lead, then the WhatId field must be empty."
    if (typeof who === 'string' && objectOfId(who) === 'Lead' && typeof what === 'string') {
      errors.push({
        statusCode: 'FIELD_INTEGRITY_EXCEPTION',
        message: 'Related To ID: a Task whose Name ID is a Lead cannot also be related to another record',
        fields: ['WhatId'],
      });
    }
  }
  return errors;
}

function uniqueErrors(
  store: RecordStore,
  objectName: SObjectName,
  values: Readonly<Record<string, FieldValue>>,
  selfId: string | undefined,
): DmlError[] {
  const errors: DmlError[] = [];
  for (const field of OBJECTS[objectName].fields) {
    const value = values[field.apiName];
    if (field.unique !== true || value === null || value === undefined) continue;
    const clash = store
      .list(objectName)
      .find((r) => r.fields[field.apiName] === value && r.fields.Id !== selfId);
    if (clash) {
      errors.push({
        statusCode: 'DUPLICATE_VALUE',
        message: `duplicate value found: ${field.apiName} duplicates value on record with id: ${String(clash.fields.Id)}`,
        fields: [field.apiName],
      });
    }
  }
  return errors;
}

function noSuchColumn(name: string, objectName: SObjectName): DmlError {
  return { statusCode: 'INVALID_FIELD', message: `No such column '${name}' on sobject of type ${objectName}`, fields: [name] };
}

function notWritable(field: FieldDef): DmlError {
  return {
    statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
    message:
      `Unable to create/update fields: ${field.apiName}. Please check the security settings of this field ` +
      'and verify that it is read/write for your profile or permission set.',
    fields: [field.apiName],
  };
}

/**
 * `local@domain` with a dot inside the domain (`^[^\s@]+@[^\s@]+\.[^\s@]+$`), checked without
 * that regex: its backtracking over the domain's dots is n² on `a@……@`.
 */
function isEmailShaped(value: string): boolean {
  const at = value.indexOf('@');
  const domain = value.slice(at + 1);
  return /^[^\s@]+@[^\s@]+$/.test(value) && domain.slice(1, -1).includes('.');
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function shown(value: unknown): string {
  return typeof value === 'string' ? value : describeValue(value);
}

/** Validation rules run after the field checks pass, as in Salesforce's save order. */
function ruleErrors(store: RecordStore, objectName: SObjectName): DmlError[] {
  return store.validationRules.filter((r) => r.objectName === objectName).map((r) => ({ statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: r.message, fields: [] }));
}
