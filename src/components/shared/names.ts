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

