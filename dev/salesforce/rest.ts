/**
 * The REST and Tooling API of the stand-in (`/services/data/vNN.N/…`): query, sObject
 * create/update/delete/describe, sObject Collections and Composite (allOrNone), tooling query
 * and runTestsSynchronous. Errors are Salesforce's `[{message, errorCode, fields}]` arrays.
 */
import type { ServerResponse } from 'node:http';
import type { Deployer } from './deploy.ts';
import { sendJson } from './http.ts';
import { TABLE_FIELDS, type FieldValue, type Org } from './org.ts';
import { runSoql, SoqlError } from './soql.ts';
import { describeSObject } from './describe.ts';

export interface DmlError { statusCode: string; message: string; fields: string[] }
type DmlResult = { id: string; success: true; errors: [] } | { id: null; success: false; errors: DmlError[] };

/** Which fields an API client may write, per object (everything else is read-only here). */
const WRITABLE: Readonly<Record<string, readonly string[]>> = {
  User: ['CallCenterId'],
  PermissionSetAssignment: ['AssigneeId', 'PermissionSetId'],
};

function fail(statusCode: string, message: string, fields: string[] = []): DmlResult {
  return { id: null, success: false, errors: [{ statusCode, message, fields }] };
}

export class RestApi {
  constructor(private readonly org: Org, private readonly deployer: Deployer) {}

  /** One DML operation as the running user; nothing is saved when it fails. */
  dml(userId: string, op: 'create' | 'update' | 'delete', type: string, id: string | undefined, body: Record<string, unknown>): DmlResult {
    if (TABLE_FIELDS[type] === undefined) return fail('INVALID_TYPE', `sObject type '${type}' is not supported.`);
    const writable = WRITABLE[type] ?? [];
    // Changing who is in a call center or holds a permission set is an admin's job (Manage Users / Manage Call Centers).
    if (!this.org.can(userId, 'ModifyAllData')) return fail('INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id');
    if (op === 'delete') {
      if (type !== 'PermissionSetAssignment') return fail('INSUFFICIENT_ACCESS_OR_READONLY', `Cannot delete ${type} records through the API`);
      return this.org.remove(type, id ?? '') ? { id: id ?? '', success: true, errors: [] } : fail('ENTITY_IS_DELETED', 'entity is deleted');
    }
    const values: Record<string, FieldValue> = {};
    for (const [field, value] of Object.entries(body)) {
      if (field === 'attributes' || field === 'Id') continue;
      if (!this.org.hasField(type, field)) return fail('INVALID_FIELD', `No such column '${field}' on sobject of type ${type}`, [field]);
      if (!writable.includes(field)) return fail('INVALID_FIELD_FOR_INSERT_UPDATE', `Unable to create/update fields: ${field}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`, [field]);
      values[field] = value as FieldValue;
    }
    if (values.CallCenterId && !this.org.find('CallCenter', String(values.CallCenterId))) return fail('INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id: ${String(values.CallCenterId)}`, ['CallCenterId']);
    if (op === 'update') {
      const row = this.org.find(type, id ?? '');
      if (!row) return fail('ENTITY_IS_DELETED', `entity is deleted: ${id ?? ''}`);
      Object.assign(row, values);
      return { id: row.Id, success: true, errors: [] };
    }
    if (type === 'PermissionSetAssignment') {
      if (!this.org.find('User', String(values.AssigneeId)) || !this.org.find('PermissionSet', String(values.PermissionSetId))) return fail('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
      const assignee = this.org.find('User', String(values.AssigneeId));
      const profile = this.org.find('Profile', String(assignee?.ProfileId ?? ''));
      if (profile?.Name === 'Chatter Free User') return fail('FIELD_INTEGRITY_EXCEPTION', 'The user license doesn\'t allow the permission: Apex Class Access', ['PermissionSetId']);
      if (this.org.rows(type).some((r) => r.AssigneeId === values.AssigneeId && r.PermissionSetId === values.PermissionSetId)) return fail('DUPLICATE_VALUE', `Duplicate PermissionSetAssignment. Assignee: ${String(values.AssigneeId)}; Permission Set: ${String(values.PermissionSetId)}`);
    }
    return { id: this.org.insert(type, values).Id, success: true, errors: [] };
  }

  handle(userId: string, method: string, path: string, url: URL, body: unknown, res: ServerResponse): void {
    const error = (status: number, errorCode: string, message: string, fields?: string[]): void => sendJson(res, status, [{ message, errorCode, ...(fields ? { fields } : {}) }]);
    const input = (body ?? {}) as Record<string, unknown>;
    let m: RegExpExecArray | null;
    if (method === 'GET' && (path === 'query' || path === 'tooling/query')) {
      try {
        sendJson(res, 200, runSoql(this.org, url.searchParams.get('q') ?? ''));
        return;
      } catch (e) {
        if (e instanceof SoqlError) {
          error(400, e.errorCode, e.message);
          return;
        }
        throw e;
      }
    }
    if (method === 'POST' && path === 'tooling/runTestsSynchronous') {
      const names = Array.isArray(input.tests) ? (input.tests as { className?: string }[]).map((t) => t.className ?? '') : (typeof input.classNames === 'string' ? input.classNames : '').split(',').filter(Boolean);
      const sources = new Map([...this.org.metadata].filter(([k]) => k.startsWith('ApexClass/')).map(([k, v]) => [k.slice(10), v.text]));
      const outcomes = this.deployer.outcomes(names, sources);
      const failures = outcomes.filter((t) => t.failure !== undefined);
      sendJson(res, 200, {
        numTestsRun: outcomes.length, numFailures: failures.length, totalTime: outcomes.length * 120,
        successes: outcomes.filter((t) => t.failure === undefined).map((t) => ({ id: t.id, name: t.name, methodName: t.methodName, namespace: null, time: 120 })),
        failures: failures.map((t) => ({ id: t.id, name: t.name, methodName: t.methodName, namespace: null, message: t.failure, stackTrace: `Class.${t.name}.${t.methodName}: line ${t.line}, column 1`, type: 'Class', time: 120 })),
        codeCoverage: [], codeCoverageWarnings: [],
      });
      return;
    }
    if ((m = /^sobjects\/(\w+)\/describe$/.exec(path)) && method === 'GET') {
      const described = describeSObject(this.org, m[1]!);
      if (described) sendJson(res, 200, described);
      else error(404, 'NOT_FOUND', 'The requested resource does not exist');
      return;
    }
    if ((m = /^sobjects\/(\w+)(?:\/(\w+))?$/.exec(path))) {
      const op = method === 'POST' && !m[2] ? 'create' : method === 'PATCH' && m[2] ? 'update' : method === 'DELETE' && m[2] ? 'delete' : undefined;
      if (!op) {
        error(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are POST,PATCH,DELETE`);
        return;
      }
      const r = this.dml(userId, op, m[1]!, m[2], input);
      if (!r.success) sendJson(res, 400, r.errors.map((e) => ({ message: e.message, errorCode: e.statusCode, fields: e.fields })));
      else if (op === 'create') sendJson(res, 201, r);
      else sendJson(res, 204, undefined);
      return;
    }
    if (path === 'composite/sobjects') {
      this.collections(userId, method, url, input, res);
      return;
    }
    if (path === 'composite' && method === 'POST') {
      this.composite(userId, input, res);
      return;
    }
    error(404, 'NOT_FOUND', 'The requested resource does not exist');
  }

  /** sObject Collections: create/update a list, or delete `?ids=`; allOrNone rolls every row back on one failure. */
  private collections(userId: string, method: string, url: URL, input: Record<string, unknown>, res: ServerResponse): void {
    const allOrNone = method === 'DELETE' ? url.searchParams.get('allOrNone') === 'true' : input.allOrNone === true;
    const restore = this.org.checkpoint();
    let results: DmlResult[];
    if (method === 'DELETE') {
      results = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean).map((id) => {
        const type = this.org.find('PermissionSetAssignment', id) ? 'PermissionSetAssignment' : 'User';
        return this.dml(userId, 'delete', type, id, {});
      });
    } else {
      const records = (input.records ?? []) as { attributes?: { type?: string }; Id?: string }[];
      results = records.map((r) => this.dml(userId, method === 'PATCH' ? 'update' : 'create', r.attributes?.type ?? '', r.Id, r as Record<string, unknown>));
    }
    if (allOrNone && results.some((r) => !r.success)) {
      restore();
      results = results.map((r) => (r.success ? fail('ALL_OR_NONE_OPERATION_ROLLED_BACK', 'Record rolled back because not all records were valid and the request was using AllOrNone header') : r));
    }
    sendJson(res, 200, results);
  }

  /** Composite: subrequests in order, `@{ref.id}` references, allOrNone rolls back all of them. */
  private composite(userId: string, input: Record<string, unknown>, res: ServerResponse): void {
    const requests = (input.compositeRequest ?? []) as { method: string; url: string; referenceId: string; body?: Record<string, unknown> }[];
    const restore = this.org.checkpoint();
    const ids = new Map<string, string>();
    const out: { body: unknown; httpHeaders: Record<string, string>; httpStatusCode: number; referenceId: string }[] = [];
    let failed = false;
    for (const r of requests) {
      const url = r.url.replace(/@\{(\w+)\.id\}/g, (_, ref: string) => ids.get(ref) ?? '');
      const m = /\/services\/data\/v[\d.]+\/sobjects\/(\w+)(?:\/(\w+))?$/.exec(url);
      const op = r.method === 'POST' ? 'create' : r.method === 'PATCH' ? 'update' : 'delete';
      const result = m ? this.dml(userId, op, m[1]!, m[2], r.body ?? {}) : fail('NOT_FOUND', `The stand-in's composite answers sObject URLs only; received ${url}`);
      if (result.success) {
        ids.set(r.referenceId, result.id);
        out.push({ body: op === 'create' ? result : null, httpHeaders: {}, httpStatusCode: op === 'create' ? 201 : 204, referenceId: r.referenceId });
      } else {
        failed = true;
        out.push({ body: result.errors.map((e) => ({ message: e.message, errorCode: e.statusCode, fields: e.fields })), httpHeaders: {}, httpStatusCode: 400, referenceId: r.referenceId });
      }
    }
    if (failed && input.allOrNone === true) {
      restore();
      for (const o of out) {
        if (o.httpStatusCode < 400) Object.assign(o, { httpStatusCode: 400, body: [{ errorCode: 'PROCESSING_HALTED', message: 'The transaction was rolled back since another operation in the same transaction failed.' }] });
      }
    }
    sendJson(res, 200, { compositeResponse: out });
  }
}
