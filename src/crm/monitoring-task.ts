/**
 * The Salesforce Task that records one supervisor monitoring session (docs/monitoring.md): who
 * (supervisor), whom (agent), each mode with the time it began, start, end and the calls it is
 * linked to. Pure: the app hands the fields to a {@link MonitoringSession} log (saveLog today,
 * the Task-log outbox's `enqueue(key, fields)` when it lands).
 */
import type { MonitoringSession } from '../call/monitoring.ts';

/** Task fields as Open CTI `saveLog` takes them (`entityApiName` added by the caller). */
export type MonitoringTaskFields = Readonly<Record<string, string | number>>;

const iso = (at: number): string => new Date(at).toISOString();

/**
 * The idempotency key of a session, also its `CallObject`: the monitoring call's own platform id
 * when known (a platform call id is never reused, and no call Task carries this one), else the
 * supervisor and the start time (one supervisor cannot start two sessions in the same ms).
 */
export function monitoringTaskKey(session: MonitoringSession): string {
  return session.monitorCallId ?? `monitor:${session.supervisor}:${session.startedAt}`;
}

/**
 * The Task fields. `CallObject` carries the monitoring call's platform id (what an admin finds in
 * Neotel's records); the monitored customer call id is in `Description`, line `Agent call:`, since
 * `CallObject` already identifies the agent's own call Task.
 */
export function monitoringTaskFields(session: MonitoringSession): MonitoringTaskFields {
  const modes = session.modes.map((m) => m.mode);
  const seconds = Math.max(0, Math.round((session.endedAt - session.startedAt) / 1000));
  const description = [
    `Supervisor: ${session.supervisor}`,
    `Agent: ${session.agent}`,
    `Agent call: ${session.agentCallId ?? 'none'}`,
    `Monitoring call: ${session.monitorCallId ?? 'unknown'}`,
    `Start: ${iso(session.startedAt)}`,
    `End: ${iso(session.endedAt)}`,
    ...session.modes.map((m) => `Mode: ${m.mode} from ${iso(m.at)}`),
  ].join('\n');
  return {
    Subject: `Monitoring of agent ${session.agent} by ${session.supervisor} (${modes.join(' → ')})`,
    TaskSubtype: 'Call',
    CallType: 'Internal',
    Status: 'Completed',
    ActivityDate: iso(session.startedAt).slice(0, 10),
    CallObject: monitoringTaskKey(session),
    CallDurationInSeconds: seconds,
    Description: description,
  };
}
