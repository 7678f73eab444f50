/**
 * The pre-shift health gate (docs/health-gate.md) and the "platform lost during a call" state, in
 * the agent's words: each check's name, and for each failure what it means and what to do. The
 * texts are in texts-es.ts, texts-pt.ts and texts-en.ts (one language per file, so the browser
 * fetches only the one on screen); `HealthMessages` keeps the three complete: a reason added here
 * does not compile until it is written in every language.
 */

/** The gate's checks, in the order the panel lists them. */
export const HEALTH_CHECKS = ['microphone', 'speaker', 'phone', 'platform', 'salesforce', 'storage'] as const;
/** One of {@link HEALTH_CHECKS}. */
export type HealthCheckName = (typeof HEALTH_CHECKS)[number];
/**
 * A check's outcome: `failed` blocks taking calls, `warning` is shown but does not block, `later`
 * = checked once the agent logs in, `skipped` = this deployment does not use it.
 */
export type HealthStatus = 'ok' | 'failed' | 'warning' | 'checking' | 'later' | 'skipped';
/** Why a check is not `ok`: each has its sentence saying what to do (`reason` below). */
export type HealthReason =
  | 'micDenied' | 'micPrompt' | 'micNoDevice' | 'micSilent' | 'micFailed'
  | 'speakerNoDevice' | 'toneFailed'
  | 'phoneLater' | 'phoneDown' | 'phoneReconnecting'
  | 'platformUnreachable' | 'platformViaPhone'
  | 'salesforceStandalone' | 'salesforceFailed'
  | 'storageUnavailable';

/** The texts of one language. */
export interface HealthMessages {
  /** The section's heading. */
  readonly title: string;
  /** One line when nothing fails. */
  readonly allClear: string;
  /** One line when a blocking check fails (the failing check follows). */
  readonly blocked: string;
  readonly checkAgain: string;
  readonly allowMicrophone: string;
  readonly playTone: string;
  readonly tonePlaying: string;
  readonly tonePlayed: string;
  readonly level: string;
  /** The hint of a button the gate disables: why, and where to look. */
  readonly blockedHint: (reason: string) => string;
  readonly check: Readonly<Record<HealthCheckName, string>>;
  readonly status: Readonly<Record<HealthStatus, string>>;
  readonly reason: Readonly<Record<HealthReason, string>>;
  /** The status pill while a call's platform is unreachable (no running timer: nobody knows). */
  readonly statusPlatformLost: string;
}
