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


/** An object API name in the agent's language (custom objects as Salesforce names them). */
export function objectLabel(m: Messages, objectType: string): string {
  return ownValue(m.recordObjects as Readonly<Record<string, string>>, objectType) ?? objectType;
}
