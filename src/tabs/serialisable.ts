/**
 * Whether a state or an intent can cross to other tabs (structuredClone accepts it), checked even
 * when it does not have to cross (one tab, a local relay) so that a bug shows up with one tab too.
 */
import { TabsError } from './errors.ts';
import type { SlicePatch } from './slices.ts';
import { messageOf } from '../shared/errors.ts';

/** The error for a `what` that structuredClone refused. */
export function notSerialisable(what: 'state' | 'intent', cause: unknown, where: string): TabsError {
  const detail = messageOf(cause);
  return new TabsError('NOT_SERIALISABLE', where, `the ${what} cannot be sent to other tabs (${detail}); expected plain data that structuredClone accepts.`, { cause });
}

/** Throws `NOT_SERIALISABLE` unless `value` survives structuredClone. */
export function assertCanCross(value: unknown, what: 'state' | 'intent', where: string): void {
  try {
    structuredClone(value);
  } catch (error) {
    throw notSerialisable(what, error, where);
  }
}

/**
 * The same for a state that no other tab hears yet: only the slices that changed since the last
 * one (`patches`) are copied, not the whole state on every publish; `undefined` = check it whole.
 */
export function assertChangesCanCross(state: unknown, patches: readonly SlicePatch[] | undefined, where: string): void {
  if (patches === undefined) {
    assertCanCross(state, 'state', where);
    return;
  }
  for (const patch of patches) if ('value' in patch) assertCanCross(patch.value, 'state', where);
}
