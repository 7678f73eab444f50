/**
 * The emulator's twin of DialtoneTaskLog.upsertCallTask answers what the Apex class's tests
 * (DialtoneTaskLogTest.cls) assert: one Task per call and user, updates without TaskSubtype,
 * refusals that save nothing (not even the key), case-sensitive keys, clear errors.
 */
import { describe, expect, it } from 'vitest';
import { runApex } from '../../dev/lightning/apex/registry.ts';
import { RecordStore } from '../../dev/lightning/records/record-store.ts';

function upsert(store: RecordStore, callObject: string, fields: unknown, version = 1): Record<string, unknown> {
  const params = `callObject=${encodeURIComponent(callObject)}&version=${version}&fields=${encodeURIComponent(typeof fields === 'string' ? fields : JSON.stringify(fields))}`;
  const outcome = runApex('DialtoneTaskLog', 'upsertCallTask', params, store);
  if (!outcome.ok) throw new Error(outcome.description);
  return JSON.parse(String(outcome.value)) as Record<string, unknown>;
}

const tasksOf = (store: RecordStore, callObject: string) => store.list('Task').filter((t) => t.fields.CallObject === callObject);

describe('DialtoneTaskLog twin', () => {
  it('writes one Task per call and updates it on every retry, keeping TaskSubtype', () => {
    const store = new RecordStore();
    const first = upsert(store, '4711', { Subject: 'Call 600111222 (inbound)', Status: 'Completed', TaskSubtype: 'Call', CallDurationInSeconds: 30, ActivityDate: '2026-12-04' });
    expect(first).toMatchObject({ created: true, taskId: expect.stringMatching(/^00T/) });
    const again = upsert(store, '4711', { Subject: 'Call 600111222 (inbound)', TaskSubtype: 'Call', CallDisposition: 'Venta realizada' }, 2);
    expect(again).toEqual({ taskId: first.taskId, created: false });
    expect(tasksOf(store, '4711')).toEqual([expect.objectContaining({ fields: expect.objectContaining({ CallDisposition: 'Venta realizada', TaskSubtype: 'Call', CallDurationInSeconds: 30 }) })]);
  });

  it('a late request with older facts than the Task has (a late commit) changes nothing', () => {
    const store = new RecordStore();
    upsert(store, '4715', { Subject: 'a', Description: 'Transfer: blind to number 1' }, 2);
    expect(upsert(store, '4715', { Subject: 'a', Description: '' }, 1)).toMatchObject({ created: false });
    expect(upsert(store, '4715', { Subject: 'a', Description: '' }, 2)).toMatchObject({ created: false });
    expect(tasksOf(store, '4715')[0]?.fields.Description).toBe('Transfer: blind to number 1');
    expect(upsert(store, '4715', {}, 0)).toMatchObject({ error: { code: 'INVALID_VALUE', parameter: 'version' } });
  });

  it('keys are case-sensitive like CallObjects; a deleted Task is written again', () => {
    const store = new RecordStore();
    upsert(store, 'dialtone-leg:AbC', { Subject: 'a' });
    upsert(store, 'dialtone-leg:abc', { Subject: 'b' });
    expect(store.callKeys.size).toBe(2);
    store.clear();
    expect(upsert(store, 'dialtone-leg:AbC', { Subject: 'a' })).toMatchObject({ created: true });
  });

  it('a validation rule refuses it with Salesforce\'s code and message, and nothing is saved', () => {
    const store = new RecordStore();
    store.validationRules.push({ objectName: 'Task', message: 'Subject must name the product' });
    expect(upsert(store, '4713', { Subject: 'a' })).toEqual({ error: { code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', parameter: 'fields', message: 'Subject must name the product' } });
    expect(tasksOf(store, '4713')).toEqual([]);
    expect(store.callKeys.size).toBe(0);
    expect((upsert(store, '4713', { NoSuchField__c: 'x' }).error as Record<string, unknown>).code).toBe('INVALID_FIELD');
  });

  it('answers bad input with what was expected', () => {
    const store = new RecordStore();
    expect(upsert(store, ' ', {})).toMatchObject({ error: { code: 'MISSING_PARAMETER', parameter: 'callObject' } });
    expect(upsert(store, 'x'.repeat(256), {})).toMatchObject({ error: { code: 'INVALID_VALUE', parameter: 'callObject' } });
    expect(upsert(store, '4714', [1])).toMatchObject({ error: { code: 'INVALID_VALUE', parameter: 'fields', message: expect.stringContaining('received [1]') } });
    expect(upsert(store, '4714', 'not json')).toMatchObject({ error: { code: 'INVALID_VALUE', message: expect.stringContaining('not JSON') } });
    expect(upsert(store, '4714', { Id: '00T' })).toMatchObject({ error: { code: 'INVALID_FIELD', message: 'fields.Id is not a Task field this method may set' } });
  });
});
