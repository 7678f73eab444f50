import { hasControlCharacter } from '../../shared/text-checks.ts';

/**
 * Pop data from the INVITE (seed 001's "dialer answered → open the customer by CRM id", without a
 * server): the admin maps SIP header names onto the keys the Neotel pop already uses, so
 * searchTypePriority, externalData and the Task work unchanged.
 *
 *   sipPopHeaders = crmKey=X-CRM-Id; contactId=X-Contact-Id; callQueue=X-Queue; callCampaing=X-Campaign; recordId=X-Record-Id
 *
 * Header values come from whoever can send an INVITE: they are checked here, not trusted. A value
 * with control characters, or longer than {@link MAX_POP_VALUE_LENGTH}, is dropped (and reported),
 * never cut: a truncated CRM id would pop the wrong record. Markup is kept as text — the UI renders
 * text, never HTML — so `<script>` in a header is a harmless string, not an injection.
 */

/** The pop keys a header may feed (the names the Neotel pop uses, typo of `callCampaing` included). */
export const POP_KEYS = ['crmKey', 'contactId', 'callQueue', 'callCampaing', 'recordId'] as const;
export type PopKey = (typeof POP_KEYS)[number];

/** Pop key → SIP header name. */
export type PopHeaderMap = Readonly<Partial<Record<PopKey, string>>>;

export const MAX_POP_VALUE_LENGTH = 256;
const HEADER_NAME = /^[A-Za-z][A-Za-z0-9-]{0,63}$/;

export const POP_HEADERS_EXPECTED = `pairs key=Header-Name separated by ";", keys among ${POP_KEYS.join(', ')} (each once), header names of letters, digits and -, e.g. crmKey=X-CRM-Id; contactId=X-Contact-Id`;

export type PopHeadersParse = { readonly ok: true; readonly value: PopHeaderMap } | { readonly ok: false; readonly problem: string };

/** Parses the `sipPopHeaders` setting. */
export function parsePopHeaders(text: string): PopHeadersParse {
  const map: Partial<Record<PopKey, string>> = {};
  const names = new Set<string>();
  for (const [index, entry] of text.split(';').entries()) {
    const trimmed = entry.trim();
    if (trimmed === '') continue;
    const [key = '', header = '', ...rest] = trimmed.split('=').map((part) => part.trim());
    const where = `entry ${index + 1} (${JSON.stringify(trimmed)})`;
    if (rest.length > 0 || header === '') return { ok: false, problem: `${where} is not key=Header-Name` };
    if (!(POP_KEYS as readonly string[]).includes(key)) return { ok: false, problem: `${where}: unknown key ${JSON.stringify(key)}` };
    if (map[key as PopKey] !== undefined) return { ok: false, problem: `${where}: key ${key} is mapped twice` };
    if (!HEADER_NAME.test(header)) return { ok: false, problem: `${where}: ${JSON.stringify(header)} is not a SIP header name` };
    if (names.has(header.toLowerCase())) return { ok: false, problem: `${where}: header ${header} feeds two keys` };
    names.add(header.toLowerCase());
    map[key as PopKey] = header;
  }
  return { ok: true, value: map };
}

/** The header names the phone must keep from each INVITE (`SipPhoneOptions.inviteHeaders`). */
export function popHeaderNames(map: PopHeaderMap): string[] {
  return Object.values(map);
}

export interface PopData {
  /** The values kept, by pop key. */
  readonly values: Readonly<Partial<Record<PopKey, string>>>;
  /** Why a present header was dropped (for the log; never the value itself, it may be long or hostile). */
  readonly dropped: readonly string[];
}

/** Maps the INVITE's header values (as `CallSnapshot.inviteHeaders` holds them) onto pop keys. */
export function popDataFromHeaders(map: PopHeaderMap, headers: Readonly<Record<string, string>> | undefined): PopData {
  const values: Partial<Record<PopKey, string>> = {};
  const dropped: string[] = [];
  const lookup = new Map(Object.entries(headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  for (const key of POP_KEYS) {
    const header = map[key];
    if (header === undefined) continue;
    const raw = lookup.get(header.toLowerCase());
    if (raw === undefined) continue;
    const value = raw.trim();
    if (value === '') continue;
    if (hasControlCharacter(value)) dropped.push(`${header}: has control characters or line breaks`);
    else if (value.length > MAX_POP_VALUE_LENGTH) dropped.push(`${header}: ${value.length} characters, more than ${MAX_POP_VALUE_LENGTH}`);
    else values[key] = value;
  }
  return { values, dropped };
}
