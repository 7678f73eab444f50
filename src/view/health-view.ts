/**
 * The pre-shift health gate as the agent UI draws it (docs/health-gate.md): one line per check,
 * and which failing check, if any, keeps the agent from being offered calls. Built by
 * src/app/health-gate.ts; drawn by src/components/health-gate; read by the buttons that make the
 * agent available (login, back to work, available again, take contacts) for their hint.
 */
import type { HealthCheckName, HealthReason, HealthStatus } from '../i18n/health-messages.ts';

export type { HealthCheckName, HealthReason, HealthStatus } from '../i18n/health-messages.ts';

/** One check as shown. */
export interface HealthCheckView {
  readonly check: HealthCheckName;
  readonly status: HealthStatus;
  /** What is wrong (or what will happen) and what to do; `null` when `ok` or `checking`. */
  readonly reason: HealthReason | null;
  /** Technical text (the browser's or the server's), behind a disclosure; never the main line. */
  readonly detail: string | null;
}

/** The gate. */
export interface HealthView {
  readonly checks: readonly HealthCheckView[];
  /** The first failing check that blocks availability; `null` = the agent may take calls. */
  readonly blockedBy: HealthCheckView | null;
  /** The microphone's input level in dBFS from the last measurement; `null` = not measured. */
  readonly inputLevelDb: number | null;
  /** The speaker test tone: `idle` until asked, then `playing` and `played` or `failed`. */
  readonly tone: 'idle' | 'playing' | 'played' | 'failed';
  /** "Allow the microphone" is offered: the permission is not granted (asking a blocked site again is harmless). */
  readonly canAskMicrophone: boolean;
}
