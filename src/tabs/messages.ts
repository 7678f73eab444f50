/**
 * The wire between tabs: every message is a plain object with the protocol version `v`, a `type`
 * and the sender's tab id. Receivers check every field by hand and drop (and count) what does not
 * fit, so a message from an older or newer Dialtone, or from anything else posting on the channel,
 * can never throw inside a tab.
 *
 *   follower ── hello ──────────────────────────► owner
 *   follower ◄─ state {to} | owner {to} ───────── owner      (answer: latest state, or just "I own it")
 *                                                             (`seq` counts the owner's publishes: a
 *                                                             follower drops one it already has)
 *   followers ◄ state ─────────────────────────── owner      (on takeover: the inherited state, whole)
 *   followers ◄ delta {seq, patches} ──────────── owner      (publish: the slices that changed since
 *                                                             `seq - 1`; a follower missing `seq - 1`
 *                                                             says hello again for the whole state)
 *   followers ◄ owner ─────────────────────────── new owner  (takeover with no state yet)
 *   follower ── intent {to: owner, id} ─────────► owner
 *   follower ◄─ ack {to, id} ──────────────────── owner
 */
import { isSlicePatches, type SlicePatch } from './slices.ts';

// Checked by hand, not with zod: five small shapes did not justify zod/mini's ~6.5 KB gzip in the
// adapter's start-up bundle (docs/benchmarks.md, "Size").

/**
 * Bumped on any incompatible change; tabs on another version ignore each other's messages.
 * 2: publishes are `delta`s (a version-1 follower would never see one).
 */
export const PROTOCOL_VERSION = 2;

interface Envelope {
  readonly v: typeof PROTOCOL_VERSION;
  readonly from: string;
}

/** Every message a link accepts. `state` and `intent` payloads are checked by the caller's guards. */
export type TabMessage =
  | (Envelope & { readonly type: 'hello' })
  | (Envelope & { readonly type: 'owner'; readonly to?: string | undefined })
  | (Envelope & { readonly type: 'state'; readonly to?: string | undefined; readonly seq: number; readonly state: unknown })
  | (Envelope & { readonly type: 'delta'; readonly seq: number; readonly patches: readonly SlicePatch[] })
  | (Envelope & { readonly type: 'intent'; readonly to: string; readonly id: number; readonly intent: unknown })
  | (Envelope & { readonly type: 'ack'; readonly to: string; readonly id: number });

/** The message without its envelope, as a sender builds it. */
export type OutgoingMessage = TabMessage extends infer M ? (M extends TabMessage ? Omit<M, 'v' | 'from'> : never) : never;

const isTabId = (value: unknown): value is string => typeof value === 'string' && value.length >= 1 && value.length <= 128;
const isCounter = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isOptionalTabId = (value: unknown): boolean => value === undefined || isTabId(value);

/** Parses a received `data`; `undefined` for anything malformed or foreign. Never throws. */
export function parseTabMessage(data: unknown): TabMessage | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const m = data as Record<string, unknown>;
  if (m.v !== PROTOCOL_VERSION || !isTabId(m.from)) return undefined;
  const from = m.from;
  switch (m.type) {
    case 'hello':
      return { v: PROTOCOL_VERSION, from, type: 'hello' };
    case 'owner':
      return isOptionalTabId(m.to) ? { v: PROTOCOL_VERSION, from, type: 'owner', to: m.to as string | undefined } : undefined;
    case 'state':
      return isOptionalTabId(m.to) && isCounter(m.seq) ? { v: PROTOCOL_VERSION, from, type: 'state', to: m.to as string | undefined, seq: m.seq, state: m.state } : undefined;
    case 'delta':
      return isCounter(m.seq) && m.seq >= 1 && isSlicePatches(m.patches) ? { v: PROTOCOL_VERSION, from, type: 'delta', seq: m.seq, patches: m.patches } : undefined;
    case 'intent':
      return isTabId(m.to) && isCounter(m.id) ? { v: PROTOCOL_VERSION, from, type: 'intent', to: m.to, id: m.id, intent: m.intent } : undefined;
    case 'ack':
      return isTabId(m.to) && isCounter(m.id) ? { v: PROTOCOL_VERSION, from, type: 'ack', to: m.to, id: m.id } : undefined;
    default:
      return undefined;
  }
}
