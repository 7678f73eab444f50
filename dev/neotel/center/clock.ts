/**
 * Time for the simulated platform: a replaceable clock (tests pin it) and Neotel's server-locale
 * date format. Real servers print `DateTime.ToString()` in the server culture; we print the es-AR
 * culture of .NET Framework: `14/07/2014 04:01:50 p.m.` (day first, 12-hour clock, zero-padded
 * hour, `a.m.`/`p.m.`), or the 24-hour variant `12/08/2021 13:59:09` seen on other servers.
 */

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to (unit tests). */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: number | Date) {
    this.current = typeof start === 'number' ? start : start.getTime();
  }
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
  set(at: number | Date): void {
    this.current = typeof at === 'number' ? at : at.getTime();
  }
}

export type NeoClockStyle = '12h' | '24h';

/** The two "never" values real payloads carry (neoapi.md §3.1). */
export const NEO_UNSET_MIN = { '12h': '01/01/0001 12:00:00 a.m.', '24h': '01/01/0001 00:00:00' } as const;
export const NEO_UNSET_2000 = { '12h': '01/01/2000 12:00:00 a.m.', '24h': '01/01/2000 00:00:00' } as const;

/** Formats instants the way the server prints them, in the server's time zone. */
export class NeoDateFormat {
  private readonly parts: Intl.DateTimeFormat;

  constructor(
    readonly timeZone: string,
    readonly style: NeoClockStyle,
  ) {
    this.parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
  }

  /** `dd/MM/yyyy hh:mm:ss a.m.` (or 24-hour); `undefined` prints the given sentinel. */
  format(at: number | undefined, unset: 'min' | '2000' = '2000'): string {
    if (at === undefined) return unset === 'min' ? NEO_UNSET_MIN[this.style] : NEO_UNSET_2000[this.style];
    const { year, month, day, hour, minute, second } = this.fields(at);
    const date = `${day}/${month}/${year}`;
    if (this.style === '24h') return `${date} ${hour}:${minute}:${second}`;
    const h = Number(hour);
    const h12 = String(h % 12 === 0 ? 12 : h % 12).padStart(2, '0');
    return `${date} ${h12}:${minute}:${second} ${h < 12 ? 'a.m.' : 'p.m.'}`;
  }

  /** `yyyyMMddHHmmss` in the server's zone (recording file names). */
  compact(at: number): string {
    const { year, month, day, hour, minute, second } = this.fields(at);
    return `${year}${month}${day}${hour}${minute}${second}`;
  }

  /** `yyyy-MM-ddTHH:mm:ss` in the server's zone (JSON listings, control API). */
  isoLocal(at: number): string {
    const { year, month, day, hour, minute, second } = this.fields(at);
    return `${year}-${month}-${day}T${hour}:${minute}:${second}`;
  }

  private fields(at: number): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
    const out = { year: '', month: '', day: '', hour: '', minute: '', second: '' };
    for (const part of this.parts.formatToParts(new Date(at))) {
      if (part.type in out) out[part.type as keyof typeof out] = part.value;
    }
    return out;
  }
}

/**
 * Reads an xsd:dateTime-ish value the way a .NET server would receive `FECHA_AGENDA`, as wall
 * time in the server's zone, and returns the instant. Offsets (`Z`, `-03:00`) are honoured.
 */
export function wallTimeToInstant(wall: { year: number; month: number; day: number; hour: number; minute: number; second: number }, timeZone: string): number {
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  // The zone's offset at that moment, by formatting the guess back in the zone.
  const format = new NeoDateFormat(timeZone, '24h');
  const printed = format.isoLocal(guess);
  const asUtc = Date.parse(`${printed}Z`);
  return guess - (asUtc - guess);
}
