/**
 * The wire between tabs: every message is a plain object with the protocol version `v`, a `type`
 * and the sender's tab id. Receivers validate with zod and drop (and count) what does not fit, so
 * a message from an older or newer Dialtone, or from anything else posting on the channel, can
 * never throw inside a tab.
 *
 *   follower ── hello ──────────────────────────► owner
 *   follower ◄─ state {to} | owner {to} ───────── owner      (answer: latest state, or just "I own it")
 *                                                             (`seq` counts the owner's publishes: a
 *                                                             follower drops one it already has)
 *   followers ◄ state ─────────────────────────── owner      (publish; and on takeover, inherited state)
 *   followers ◄ owner ─────────────────────────── new owner  (takeover with no state yet)
 *   follower ── intent {to: owner, id} ─────────► owner
 *   follower ◄─ ack {to, id} ──────────────────── owner
 */
// zod/mini, not zod: the same checks tree-shaken to a few KB of the adapter's start-up budget.
import * as z from 'zod/mini';

/** Bumped on any incompatible change; tabs on another version ignore each other's messages. */
export const PROTOCOL_VERSION = 1;

const tabIdField = z.string().check(z.minLength(1), z.maxLength(128));
const counter = z.int().check(z.nonnegative());

const envelope = { v: z.literal(PROTOCOL_VERSION), from: tabIdField };

/** Every message a link accepts. `state` and `intent` payloads are checked by the caller's guards. */
export const tabMessageSchema = z.discriminatedUnion('type', [
  z.object({ ...envelope, type: z.literal('hello') }),
  z.object({ ...envelope, type: z.literal('owner'), to: z.optional(tabIdField) }),
  z.object({ ...envelope, type: z.literal('state'), to: z.optional(tabIdField), seq: counter, state: z.unknown() }),
  z.object({ ...envelope, type: z.literal('intent'), to: tabIdField, id: counter, intent: z.unknown() }),
  z.object({ ...envelope, type: z.literal('ack'), to: tabIdField, id: counter }),
]);

/** A validated message (payloads still `unknown`). */
export type TabMessage = z.infer<typeof tabMessageSchema>;

/** The message without its envelope, as a sender builds it. */
export type OutgoingMessage = TabMessage extends infer M ? (M extends TabMessage ? Omit<M, 'v' | 'from'> : never) : never;

/** Parses a received `data`; `undefined` for anything malformed or foreign. Never throws. */
export function parseTabMessage(data: unknown): TabMessage | undefined {
  const result = tabMessageSchema.safeParse(data);
  return result.success ? result.data : undefined;
}
