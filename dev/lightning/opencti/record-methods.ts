import { runApex } from '../apex/registry.ts';
import { insertRecord, updateRecord, type DmlError } from '../records/dml.ts';
import { isSObjectName, SOBJECT_NAMES } from '../records/schema.ts';
import type { MethodHandler } from './method-context.ts';
import { failure, invalidParam, shown, success, type OpenCtiResponse } from './protocol.ts';

/**
 * `saveLog` creates (`entityApiName`) or updates (`Id`) a record with Salesforce's field
 * validation; failures come back as GENERIC_ERROR with one `details` entry per problem:
 * `{message, fields}`. Success answers `{recordId}` (18 characters).
 */
export const saveLog: MethodHandler = ({ org, args }) => {
  const value = args.object;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return invalidParam('value', 'an object of field values', value);
  }
  const fields: Record<string, unknown> = {};
  let id: unknown;
  let entityApiName: unknown;
  for (const [key, fieldValue] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'entityApiName') entityApiName = fieldValue;
    else if (key.toLowerCase() === 'id') id = fieldValue;
    else fields[key] = fieldValue;
  }
  if (id !== undefined) {
    const existing = typeof id === 'string' ? org.records.get(id) : undefined;
    if (existing && entityApiName !== undefined && entityApiName !== existing.objectName) {
      return dmlFailure([
        { statusCode: 'INVALID_TYPE', message: `entityApiName ${shown(entityApiName)} does not match the object of record ${shown(id)} (${existing.objectName})`, fields: ['Id'] },
      ]);
    }
    const result = updateRecord(org.records, id, fields);
    return result.ok ? success({ recordId: result.record.fields.Id }) : dmlFailure(result.errors);
  }
  if (entityApiName === undefined) {
    return dmlFailure([{ statusCode: 'REQUIRED_FIELD_MISSING', message: 'Specify entityApiName to create a record, or Id to update one.', fields: ['entityApiName'] }]);
  }
  if (!isSObjectName(entityApiName)) {
    return dmlFailure([
      {
        statusCode: 'INVALID_TYPE',
        message: `sObject type ${shown(entityApiName)} is not supported (the emulated org has ${SOBJECT_NAMES.join(', ')}).`,
        fields: ['entityApiName'],
      },
    ]);
  }
  const result = insertRecord(org.records, entityApiName, fields);
  return result.ok ? success({ recordId: result.record.fields.Id }) : dmlFailure(result.errors);
};

function dmlFailure(errors: readonly DmlError[]): OpenCtiResponse {
  return failure(
    'GENERIC_ERROR',
    `Failed to save the record: ${errors.map((e) => e.message).join('; ')}`,
    errors.map((e) => ({ message: e.message, fields: e.fields })),
  );
}

/** `runApex` on the TypeScript twins; answers `{runApex: <what the method returned>}`. */
export const runApexMethod: MethodHandler = ({ org, args }) => {
  for (const name of ['apexClass', 'methodName'] as const) {
    if (typeof args[name] !== 'string' || args[name] === '') return invalidParam(name, 'a non-empty string', args[name]);
  }
  const outcome = runApex(args.apexClass, args.methodName, args.methodParams, org.records);
  return outcome.ok ? success({ runApex: outcome.value }) : failure(outcome.code, outcome.description);
};
