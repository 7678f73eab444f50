/**
 * Salesforce record ids as the emulator uses them: 15-character case-sensitive ids whose first
 * three characters are the object's key prefix, and their 18-character case-insensitive form
 * (three checksum characters that encode which of the 15 are upper case).
 */

/** Key prefixes of the objects the emulator stores (the real, org-independent ones). */
export const KEY_PREFIXES = {
  Account: '001',
  Contact: '003',
  User: '005',
  Opportunity: '006',
  Lead: '00Q',
  Task: '00T',
  Campaign: '701',
} as const;

export type KnownObjectName = keyof typeof KEY_PREFIXES;

const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ID_SHAPE = /^[a-zA-Z0-9]{15}(?:[A-Z0-5]{3})?$/;

/** The three checksum characters Salesforce appends to a 15-character id. */
export function idChecksum(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charAt(chunk * 5 + i);
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += CHECKSUM_ALPHABET.charAt(bits);
  }
  return suffix;
}

/**
 * True for a well-formed 15- or 18-character id (the 18-character form must carry the right
 * checksum, compared case-insensitively as Salesforce does).
 */
export function isSalesforceId(value: unknown): value is string {
  if (typeof value !== 'string' || !ID_SHAPE.test(value.length === 18 ? value.slice(0, 15) + value.slice(15).toUpperCase() : value)) {
    return false;
  }
  return value.length === 15 || idChecksum(value.slice(0, 15)) === value.slice(15).toUpperCase();
}

/** The 18-character form of a valid id; throws for anything else. */
export function to18(id: string): string {
  if (!isSalesforceId(id)) throw new Error(`Not a Salesforce id: ${JSON.stringify(id)}; expected 15 or 18 letters and digits`);
  const id15 = id.slice(0, 15);
  return id15 + idChecksum(id15);
}

/** The object an id belongs to, from its key prefix; undefined for unknown prefixes. */
export function objectOfId(id: string): KnownObjectName | undefined {
  const prefix = id.slice(0, 3);
  for (const [name, keyPrefix] of Object.entries(KEY_PREFIXES) as [KnownObjectName, string][]) {
    if (keyPrefix === prefix) return name;
  }
  return undefined;
}

/**
 * Builds the 18-character id number `counter` of an object: key prefix, a fixed pod part (`Dt0`),
 * then the counter in base 62 — the shape of ids a real org hands out.
 */
export function makeId(objectName: KnownObjectName, counter: number): string {
  let digits = '';
  let rest = Math.floor(counter);
  do {
    digits = BASE62.charAt(rest % 62) + digits;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  const id15 = `${KEY_PREFIXES[objectName]}Dt0${digits.padStart(9, '0')}`;
  return id15 + idChecksum(id15);
}
