/**
 * The `sip` platform's dial plan (seed 002: "the destination number may get a dial tone or a 0
 * prefix; this applies to every number except internal extensions"). Pure: the number typed or
 * clicked → the user part of `sip:<number>@<domain>`.
 *
 *   1001            internal extension (its length is in the internal range) → 1001, unprefixed
 *   +54 11 5555-0000, (011) 5555-0000 → separators dropped, then `outsidePrefix` + number
 *   *43, 15#        feature codes (start with * or #) → as typed, unprefixed
 */

export interface DialPlan {
  /** Added in front of every external number (e.g. `0`); empty = none. */
  readonly outsidePrefix: string;
  /** Digit counts that are internal extensions (e.g. 3–5 → 101, 1001, 20001), dialled as is. */
  readonly internalLengths: { readonly min: number; readonly max: number };
}

export type DialPlanResult = { readonly ok: true; readonly user: string; readonly internal: boolean } | { readonly ok: false; readonly problem: string };

const SEPARATORS = /[\s().-]/g;
const MAX_DIGITS = 32;

/** Applies the dial plan to what the agent dialled; `problem` says what is wrong with the number. */
export function applyDialPlan(typed: string, plan: DialPlan): DialPlanResult {
  const compact = typed.trim().replace(SEPARATORS, '');
  if (compact === '') return { ok: false, problem: 'the number is empty (type digits, e.g. 1001 or +5491155550000)' };
  if (/^[*#]/.test(compact)) {
    return /^[*#][\d*#]{0,31}$/.test(compact) ? { ok: true, user: compact, internal: true } : { ok: false, problem: `${JSON.stringify(typed)} is not a feature code (expected * or # then digits, * and #)` };
  }
  if (!/^\+?\d+$/.test(compact)) return { ok: false, problem: `${JSON.stringify(typed)} has characters that are not digits (expected digits, an optional leading +, spaces, dots, dashes or parentheses)` };
  const digits = compact.replace(/^\+/, '');
  if (digits.length > MAX_DIGITS) return { ok: false, problem: `the number has ${digits.length} digits, more than ${MAX_DIGITS}` };
  const internal = !compact.startsWith('+') && digits.length >= plan.internalLengths.min && digits.length <= plan.internalLengths.max;
  if (internal) return { ok: true, user: digits, internal: true };
  return { ok: true, user: `${plan.outsidePrefix}${compact}`, internal: false };
}

/** Supervision through the PBX's own feature codes: dial strings with `{ramal}` (the agent watched). */
export interface SupervisionCodes {
  readonly listen: string | null;
  readonly whisper: string | null;
  readonly barge: string | null;
}

/** The dial string of a supervision mode for agent `ramal`, or null when the admin set no code (the action is then hidden). */
export function supervisionDialString(codes: SupervisionCodes, mode: keyof SupervisionCodes, ramal: string): string | null {
  const code = codes[mode];
  if (code === null || !/^\d{1,10}$/.test(ramal)) return null;
  return code.replace('{ramal}', ramal);
}
