/**
 * Where finished monitoring sessions go (docs/monitoring.md): a port, so the supervisor desk does
 * not care whether a Task is written at once or queued. The app uses {@link outboxMonitoringLog}
 * (the Task-log outbox's `enqueue(key, fields)`: stored in IndexedDB, retried, idempotent by
 * `CallObject`); {@link saveLogMonitoringLog} calls Open CTI `saveLog` directly (tests, or a page
 * without the outbox).
 */
import type { MonitoringSession } from '../call/monitoring.ts';
import { monitoringTaskFields, monitoringTaskKey, type MonitoringTaskFields } from '../crm/monitoring-task.ts';
import type { OpenCti } from '../opencti/index.ts';

/** Records one finished monitoring session in Salesforce. */
export interface MonitoringLog {
  record(session: MonitoringSession): Promise<void>;
}

/** Writes the session's Task with Open CTI `saveLog` (no retry: a failure is reported to the caller). */
export function saveLogMonitoringLog(cti: Pick<OpenCti, 'saveLog'>): MonitoringLog {
  return {
    async record(session) {
      await cti.saveLog({ value: { entityApiName: 'Task', ...monitoringTaskFields(session) } });
    },
  };
}

/** The outbox's seam: saves a non-call Task idempotently under `key`. */
export interface TaskEnqueue {
  enqueue(key: string, fields: MonitoringTaskFields): Promise<unknown>;
}

/** The same log through the Task-log outbox (idempotent, survives reloads) once it exists. */
export function outboxMonitoringLog(outbox: TaskEnqueue): MonitoringLog {
  return {
    async record(session) {
      await outbox.enqueue(monitoringTaskKey(session), monitoringTaskFields(session));
    },
  };
}

/** The session's log: through the outbox in Salesforce; outside it (no outbox) each session is reported as not recorded. */
export function monitoringLogOf(tasks: TaskEnqueue | undefined, warn: (message: string) => void): MonitoringLog {
  if (tasks) return outboxMonitoringLog(tasks);
  return {
    record: (session) => {
      warn(`no Salesforce: monitoring session ${session.supervisor} → ${session.agent} not recorded`);
      return Promise.resolve();
    },
  };
}
