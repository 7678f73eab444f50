/**
 * The callback time an agent picks in the wrap-up (native date and time inputs), checked and
 * turned into `callback time` (`YYYY-MM-DDTHH:mm:ss`).
 *
 * Time zone: the value is the agent's own wall time, sent without an offset. NeoApi documents no
 * zone for `callback time` and reads it as the platform's wall time, so this is right when agents
 * and the Neotel server share a zone — the usual regional deployment (docs/wrap-up.md). The agent
 * sees exactly the time they typed on the Task and in the callback list.
 *
 * Pure: the clock comes in as `now`, the zone is that of the `Date` given (the browser's).
 */

/** Why a picked time cannot be sent. */
export type CallbackTimeProblem = 'missingDate' | 'missingTime' | 'malformed' | 'past';

/** A checked callback time, or why it was refused. */
export type CallbackTimeCheck =
  | { readonly ok: true; readonly when: string }
  | { readonly ok: false; readonly problem: CallbackTimeProblem };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

const two = (n: number): string => String(n).padStart(2, '0');

/** `instant` as local wall time `YYYY-MM-DDTHH:mm:ss`. */
export function localWallTime(instant: Date): string {
  return `${String(instant.getFullYear()).padStart(4, '0')}-${two(instant.getMonth() + 1)}-${two(instant.getDate())}T${two(instant.getHours())}:${two(instant.getMinutes())}:${two(instant.getSeconds())}`;
}

/** The `min` of the date input and, for today, of the time input: the current minute. */
export function earliestCallbackInput(now: Date): { readonly date: string; readonly time: string } {
  const wall = localWallTime(now);
  return { date: wall.slice(0, 10), time: wall.slice(11, 16) };
}

/**
 * Checks the date (`YYYY-MM-DD`) and time (`HH:mm`, optionally `:ss`) the agent picked: both
 * present, a real calendar date and clock time, and later than `now`.
 */
export function checkCallbackTime(date: string, time: string, now: Date): CallbackTimeCheck {
  const d = date.trim();
  const t = time.trim();
  if (d === '') return { ok: false, problem: 'missingDate' };
  if (t === '') return { ok: false, problem: 'missingTime' };
  const dm = DATE.exec(d);
  const tm = TIME.exec(t);
  if (!dm || !tm) return { ok: false, problem: 'malformed' };
  const [year, month, day] = [Number(dm[1]), Number(dm[2]), Number(dm[3])];
  const [hour, minute, second] = [Number(tm[1]), Number(tm[2]), Number(tm[3] ?? '0')];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) {
    return { ok: false, problem: 'malformed' };
  }
  const when = `${d}T${two(hour)}:${two(minute)}:${two(second)}`;
  // Same zone on both sides, so the wall times compare as text.
  if (when <= localWallTime(now)) return { ok: false, problem: 'past' };
  return { ok: true, when };
}

/** Whether a full wall time `YYYY-MM-DDTHH:mm:ss` is a real time later than `now` (the app's last check). */
export function isFutureWallTime(when: string, now: Date): boolean {
  return when.length === 19 && when[10] === 'T' && checkCallbackTime(when.slice(0, 10), when.slice(11), now).ok;
}
