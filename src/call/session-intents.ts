/**
 * Intents the app hands to the machine as they are (no dial plan, no checks of its own) and the
 * machine handles in session-ops.ts: adding one here reaches the UI's intent type
 * (view/agent-view.ts `SoftphoneIntent`), the app's router (app/intents.ts) and the
 * machine's event list (events.ts) with no edit there.
 */

/** Hold new contacts (`hold: true`) while idle in a campaign, or take them again (`false`). */
export interface HoldContactsIntent { readonly kind: 'holdContacts'; readonly at: number; readonly hold: boolean }

/** A session intent, as the machine takes it. */
export type SessionIntent = HoldContactsIntent;

/** Every session intent kind (events.ts `INTENT_KINDS` includes them). */
export const SESSION_INTENT_KINDS = ['holdContacts'] as const satisfies readonly SessionIntent['kind'][];

/** A session intent as a component sends it (the app stamps the time). */
export type SessionIntentRequest = SessionIntent extends infer I ? (I extends SessionIntent ? Omit<I, 'at'> : never) : never;

/** Whether a UI intent is a session intent, forwarded to the machine unchanged. */
export function isSessionIntentRequest(intent: { readonly kind: string }): intent is SessionIntentRequest {
  return (SESSION_INTENT_KINDS as readonly string[]).includes(intent.kind);
}

/** The machine's event for a session intent a component sent, at `at`. */
export function sessionIntentAt(intent: SessionIntentRequest, at: number): SessionIntent {
  return Object.assign({ at }, intent);
}
