/**
 * Why the phone could not register, in the agent's words, with what THEY can do about it.
 * The SIP adapter's message (English, with the registrar's status and the device's address) is
 * for an administrator: the notice keeps it behind its "Technical details" disclosure and leads
 * with one of these instead. The agent typed the device and its password at login, so the fix
 * is theirs to make first; the call-center settings are the administrator's.
 */

/** A known cause of a phone-side notice (see `src/app/notice-policy.ts`, which recognises them). */
export const NOTICE_CAUSES = ['sipPassword', 'sipDevice', 'sipUnreachable', 'sipRefused', 'platformLostInCall'] as const;
/** One of {@link NOTICE_CAUSES}. */
export type NoticeCause = (typeof NOTICE_CAUSES)[number];

/** The texts of one language: what happened and what to do, one sentence pair each. */
export type NoticeCauseMessages = Readonly<Record<NoticeCause, string>>;
