import type { Messages } from '../../i18n/index.ts';
import { ownValue } from '../../shared/own-value.ts';

/** An entry of the call-center configuration with an id and a display name. */
interface Named {
  readonly id: number;
  readonly name: string;
}

/**
 * The configured name of `id`, or a generic "Queue 12" when the configuration does not list it
 * (the platform can deliver queues and campaigns the admin never named).
 */
export function nameOf(entries: readonly Named[], id: number, fallback: (id: number) => string): string {
  return entries.find((entry) => entry.id === id)?.name ?? fallback(id);
}

/**
 * The queue of a ringing call: the call center's name for it, else the name its INVITE gave (a
 * queue leg's From display name), else "Queue 12"; the INVITE's name alone when the platform has
 * not said which queue yet.
 */
export function queueNameOf(queues: readonly Named[], call: { readonly queue: number | null; readonly queueName?: string | null }, fallback: (id: number) => string): string {
  const configured = call.queue === null ? undefined : queues.find((entry) => entry.id === call.queue)?.name;
  const given = call.queueName === '' ? null : call.queueName;
  return configured ?? given ?? (call.queue === null ? '' : fallback(call.queue));
}

/** An object API name in the agent's language (custom objects as Salesforce names them). */
export function objectLabel(m: Messages, objectType: string): string {
  return ownValue(m.recordObjects as Readonly<Record<string, string>>, objectType) ?? objectType;
}
