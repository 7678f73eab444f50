/** What the Task-logger tests share: the fake clock's start, a config, a call, and a way to let time pass. */
import { vi } from 'vitest';
import type { TaskLoggerOptions } from '../../src/app/task-logger.ts';
import { newCall, type CallFacts } from '../../src/call/call-facts.ts';
import { parseCallId } from '../../src/call/ids.ts';

export const T0 = Date.UTC(2026, 11, 4, 10, 0, 0);

export const config = {
  categories: [{ id: 1, name: 'Ventas', subcategories: [{ id: 101, name: 'Venta realizada' }] }],
  crm: { useTaskDescriptionField: false, saveActivityLog: true },
} as unknown as TaskLoggerOptions['config'];

/** An inbound call of platform id `id`, answered, 30 s, ended by the customer. */
export function call(id: string, facts: Partial<CallFacts> = {}): CallFacts {
  return newCall('inbound', T0, { callId: parseCallId(id), number: '600111222', answeredAt: T0 + 1000, endedAt: T0 + 31_000, endedBy: 'remote', ...facts });
}

/** Lets fake-indexeddb (real setImmediate) and the logger's promises run, moving the fake clock by `ms`. */
export async function run(ms = 0): Promise<void> {
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
  };
  await settle();
  // In 1 s steps, so a retry the IndexedDB work schedules mid-way is still due within `ms`.
  for (let left = ms; left > 0; left -= 1000) {
    await vi.advanceTimersByTimeAsync(Math.min(1000, left));
    await settle();
  }
}
