/**
 * The one monitoring fact an idle supervision claims: the platform reports a call of type
 * `Monitor` (a supervisor's listening leg), which is never a customer call. Its own file so the
 * app can ask it before the supervision's code has loaded (src/app/lazy-supervision.ts).
 */
import type { AgentEvent } from './events.ts';

/** Whether `event` is the platform's report of a monitoring call (`call type=Monitor`). */
export function isMonitorCall(event: AgentEvent): boolean {
  return event.kind === 'platformCallStarted' && event.callType?.trim().toLowerCase() === 'monitor';
}
