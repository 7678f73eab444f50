/**
 * What the owner sends its followers after the first full state: only the slices that changed.
 * The shared state is immutable data whose updates copy what changed and keep the rest (the view:
 * `{ ...view, agent }`), so a slice that kept its identity did not change. A slice is a top-level
 * key, or a key one level down when both sides are plain objects (`view.agent`, `kit.agent`):
 * the app's state is `{ view, kit }`, and both change on every publish.
 */

/** One changed slice: `path` (one or two keys) set to `value`, or removed. */
export type SlicePatch =
  | { readonly path: readonly string[]; readonly value: unknown }
  | { readonly path: readonly string[]; readonly removed: true };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

function diffLevel(before: Record<string, unknown>, after: Record<string, unknown>, prefix: readonly string[], depth: number, into: SlicePatch[]): void {
  for (const key of Object.keys(after)) {
    const was = before[key];
    const now = after[key];
    if (Object.is(was, now) && key in before) continue;
    if (depth > 1 && isRecord(was) && isRecord(now)) diffLevel(was, now, [...prefix, key], depth - 1, into);
    else into.push({ path: [...prefix, key], value: now });
  }
  for (const key of Object.keys(before)) if (!(key in after)) into.push({ path: [...prefix, key], removed: true });
}

/**
 * The patches that turn `before` into `after` (both plain objects), two levels deep; `undefined`
 * when a state is not a plain object (the caller then sends it whole).
 */
export function diffSlices(before: unknown, after: unknown): SlicePatch[] | undefined {
  if (!isRecord(before) || !isRecord(after)) return undefined;
  const patches: SlicePatch[] = [];
  diffLevel(before, after, [], 2, patches);
  return patches;
}

/** `base` with `patches` applied (copies along each path; `base` is not changed); `undefined` if a patch does not fit. */
export function applySlices(base: unknown, patches: readonly SlicePatch[]): unknown {
  if (!isRecord(base)) return undefined;
  const next: Record<string, unknown> = { ...base };
  const copied = new Set<string>();
  for (const patch of patches) {
    const [first, second] = patch.path;
    if (first === undefined) return undefined;
    let target = next;
    let key = first;
    if (second !== undefined) {
      const inner = next[first];
      if (!isRecord(inner)) return undefined;
      if (!copied.has(first)) {
        next[first] = { ...inner };
        copied.add(first);
      }
      target = next[first] as Record<string, unknown>;
      key = second;
    }
    if ('removed' in patch) Reflect.deleteProperty(target, key);
    else target[key] = patch.value;
  }
  return next;
}

/** Keys a received patch may not name: they would reach an object's prototype, not its data. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether `value` is a list of well-formed patches (as received from another tab). */
export function isSlicePatches(value: unknown): value is SlicePatch[] {
  return (
    Array.isArray(value) &&
    value.every((patch: unknown) => {
      if (typeof patch !== 'object' || patch === null) return false;
      const { path, removed } = patch as { path?: unknown; removed?: unknown };
      const pathOk = Array.isArray(path) && path.length >= 1 && path.length <= 2 && path.every((key) => typeof key === 'string' && !UNSAFE_KEYS.has(key));
      return pathOk && (removed === undefined || removed === true) && (removed === true || 'value' in patch);
    })
  );
}
