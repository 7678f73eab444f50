import { describe, expect, it } from 'vitest';
import { failedLogViewOf } from '../../src/app/failed-logs.ts';
import type { OutboxEntry } from '../../src/storage/index.ts';

const entry: OutboxEntry = {
  key: '4711',
  fields: { Subject: 'Call 600111222 (inbound)', CallDisposition: null, CallDurationInSeconds: 30 },
  version: 2,
  sentVersion: 0,
  taskId: null,
  attempts: 5,
  nextAttemptAt: 0,
  lease: null,
  lastError: 'FIELD_CUSTOM_VALIDATION_EXCEPTION: Describe the outcome',
  refusal: { code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Describe the outcome', count: 5 },
  deadAt: Date.UTC(2026, 11, 4, 10, 0, 0),
  createdAt: 0,
  updatedAt: 0,
};

describe('failedLogViewOf', () => {
  it('gives the agent the subject and Salesforce\'s words, and the admin every fact as text', () => {
    const view = failedLogViewOf(entry);
    expect(view).toMatchObject({ key: '4711', subject: 'Call 600111222 (inbound)', code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', reason: 'Describe the outcome', attempts: 5 });
    expect(view.details.split('\n')).toEqual([
      'Dialtone call log refused by Salesforce (docs/task-log.md)',
      'CallObject: 4711',
      'Task Id: none (not created)',
      'Refused: FIELD_CUSTOM_VALIDATION_EXCEPTION: Describe the outcome',
      'Sends refused in a row: 5; stopped at 2026-12-04T10:00:00.000Z',
      'Fields:',
      '  Subject: Call 600111222 (inbound)',
      '  CallDisposition: (empty)',
      '  CallDurationInSeconds: 30',
    ]);
  });

  it('falls back to the key and the last error for entries without them', () => {
    const view = failedLogViewOf({ ...entry, fields: {}, refusal: null });
    expect(view).toMatchObject({ subject: '4711', code: 'UNKNOWN', reason: 'FIELD_CUSTOM_VALIDATION_EXCEPTION: Describe the outcome' });
  });
});
