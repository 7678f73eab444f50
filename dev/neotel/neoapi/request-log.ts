/**
 * What NeoApi received and answered, for the control API and tests ("the client called Dial with
 * TELEFONO=…"). Bounded: the oldest entries are dropped.
 */

export type NeoApiBinding = 'GET' | 'POST' | 'SOAP' | 'WSDL' | 'HELP';

/** How an injected fault answered a request (see fault-injection.ts). */
export type NeoApiLoggedFault = 'error500' | 'hang' | 'reset';

export interface NeoApiLogEntry {
  readonly seq: number;
  /** ISO instant. */
  readonly at: string;
  /** The wire name called (an alias stays an alias), or what was asked for. */
  readonly method: string;
  readonly binding: NeoApiBinding;
  /** Parameters as sent (raw text). */
  readonly params: Readonly<Record<string, string>>;
  readonly status: number;
  /** The response body (shortened past 4000 characters). */
  readonly response: string;
  /** Present when an injected fault answered instead of the simulator (status 0 = no answer). */
  readonly fault?: NeoApiLoggedFault;
}

const MAX_ENTRIES = 2000;
const MAX_RESPONSE = 4000;

export class NeoApiLog {
  private readonly entries: NeoApiLogEntry[] = [];
  private nextSeq = 1;

  add(entry: Omit<NeoApiLogEntry, 'seq' | 'at'>): NeoApiLogEntry {
    const response = entry.response.length > MAX_RESPONSE ? `${entry.response.slice(0, MAX_RESPONSE)}…` : entry.response;
    const full: NeoApiLogEntry = { ...entry, response, seq: this.nextSeq++, at: new Date().toISOString() };
    this.entries.push(full);
    if (this.entries.length > MAX_ENTRIES) this.entries.shift();
    return full;
  }

  /** Entries with `seq` greater than `since`, optionally of one method (wire name). */
  list(since = 0, method?: string): NeoApiLogEntry[] {
    return this.entries.filter((e) => e.seq > since && (method === undefined || e.method === method));
  }

  /** The sequence number of the latest entry (0 when empty). */
  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  clear(): void {
    this.entries.length = 0;
  }
}
