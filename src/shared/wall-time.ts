/**
 * Wall times (`YYYY-MM-DDTHH:mm:ss`, no offset) in named IANA time zones, with the browser's `Intl`
 * and no time-zone database of our own: the customer's callback time, the agent's, and the
 * platform's `FECHA_AGENDA` (docs/wrap-up.md, "Callbacks in the customer's local time").
 */

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** Whether the browser knows `zone` (an IANA name such as `America/Mexico_City`). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    formatterOf(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone this browser runs in (the agent's). */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The wall time of `epochMs` in `zone`, `YYYY-MM-DDTHH:mm:ss`. */
export function wallTimeIn(epochMs: number, zone: string): string {
  const parts: Record<string, string> = {};
  for (const part of formatterOf(zone).formatToParts(new Date(epochMs))) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

function utcOfWall(wall: string): number {
  const m = WALL.exec(wall);
  if (!m) throw new RangeError(`wall time ${JSON.stringify(wall)}: expected YYYY-MM-DDTHH:mm:ss`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

/**
 * The instant at which `zone`'s clocks show `wall`. In a daylight-saving gap (a wall time that does
 * not exist) the instant after the gap; in an overlap, the first of the two. Throws a RangeError for
 * a malformed wall time.
 */
export function instantOfWallTime(wall: string, zone: string): number {
  const target = utcOfWall(wall);
  // Two rounds of "guess, see what the zone shows, correct by the difference" settle every offset.
  let guess = target;
  for (let i = 0; i < 3; i++) {
    const shown = utcOfWall(wallTimeIn(guess, zone));
    if (shown === target) return guess;
    guess += target - shown;
  }
  return guess;
}

/** `wall` read in zone `from`, written in zone `to` (e.g. the agent's callback time in the platform's zone). */
export function convertWallTime(wall: string, from: string, to: string): string {
  return from === to ? wall : wallTimeIn(instantOfWallTime(wall, from), to);
}
