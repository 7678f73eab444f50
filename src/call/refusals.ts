/**
 * Why an intent was refused. Every code says what the agent (or the UI) should have done instead,
 * in `hint`, so a disabled button and an error toast can share one explanation.
 */

/** Refusal codes, one per reason (like the SCV connector's `CAN_NOT_HOLD_CALL`). */
export const REFUSAL_CODES = [
  'NOT_LOGGED_IN',
  'ALREADY_LOGGED_IN',
  'LOGIN_IN_PROGRESS',
  'LOGOUT_IN_PROGRESS',
  'CALL_IN_PROGRESS',
  'WRAP_UP_IN_PROGRESS',
  'NO_CALL',
  'NOT_RINGING',
  'NOT_CONNECTED',
  'NOT_IN_WRAP_UP',
  'ALREADY_HELD',
  'NOT_HELD',
  'ALREADY_MUTED',
  'NOT_MUTED',
  'NO_CONTACT',
  'ALREADY_ON_BREAK',
  'NOT_ON_BREAK',
  'ALREADY_IN_CAMPAIGN',
  'NOT_IN_CAMPAIGN',
  'OPERATION_PENDING',
  'PHONE_NOT_REGISTERED',
  'CATEGORISATION_DISABLED',
  'CATEGORISATION_REQUIRED',
  'RELEASE_NOT_ALLOWED',
  'INVALID_ARGUMENT',
  'TRANSFER_IN_PROGRESS',
  'NOT_CONSULTING',
  'CONFERENCE_IN_PROGRESS',
  'NOT_IN_CONFERENCE',
] as const;
/** A refusal code. */
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** An intent the machine refused: the state is unchanged and no effect runs. */
export interface Refusal {
  readonly code: RefusalCode;
  /** What was asked and why it cannot be done now (names the phase and the value received). */
  readonly message: string;
  /** What to do instead. */
  readonly hint: string;
}
