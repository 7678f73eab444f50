import { describe, expect, it } from 'vitest';
import { monitoringTaskFields, monitoringTaskKey } from '../../src/crm/monitoring-task.ts';
import type { MonitoringSession } from '../../src/call/monitoring.ts';

const session: MonitoringSession = {
  supervisor: '2001',
  agent: '1001',
  agentCallId: '4711',
  monitorCallId: '5001',
  modes: [{ mode: 'listen', at: Date.UTC(2026, 11, 4, 10, 0, 0) }, { mode: 'assist', at: Date.UTC(2026, 11, 4, 10, 0, 30) }],
  startedAt: Date.UTC(2026, 11, 4, 10, 0, 0),
  endedAt: Date.UTC(2026, 11, 4, 10, 1, 5),
};

describe('the monitoring Task', () => {
  it('records who, whom, every mode, start, end and both calls', () => {
    const fields = monitoringTaskFields(session);
    expect(fields).toMatchObject({ TaskSubtype: 'Call', CallType: 'Internal', Status: 'Completed', CallObject: '5001', CallDurationInSeconds: 65, ActivityDate: '2026-12-04' });
    expect(fields.Subject).toBe('Monitoring of agent 1001 by 2001 (listen → assist)');
    expect(String(fields.Description).split('\n')).toEqual([
      'Supervisor: 2001',
      'Agent: 1001',
      'Agent call: 4711',
      'Monitoring call: 5001',
      'Start: 2026-12-04T10:00:00.000Z',
      'End: 2026-12-04T10:01:05.000Z',
      'Mode: listen from 2026-12-04T10:00:00.000Z',
      'Mode: assist from 2026-12-04T10:00:30.000Z',
    ]);
  });

  it('keys the session by its monitoring call, or by supervisor and start when the call id is unknown', () => {
    expect(monitoringTaskKey(session)).toBe('5001');
    const anonymous = { ...session, monitorCallId: null, agentCallId: null };
    expect(monitoringTaskKey(anonymous)).toBe(`monitor:2001:${session.startedAt}`);
    expect(monitoringTaskFields(anonymous)).toMatchObject({ CallObject: `monitor:2001:${session.startedAt}` });
    expect(String(monitoringTaskFields(anonymous).Description)).toContain('Agent call: none');
  });
});
