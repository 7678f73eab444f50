/**
 * Parsers for the list-valued settings. Every list uses Neotel's convention: entries separated by
 * `|`, white space around entries ignored, empty entries (such as the seed's trailing `|`) skipped.
 */
import { describeValue } from '../shared/errors.ts';
import {
  NEOTEL_DATA_KEYS,
  SEARCH_OBJECTS,
  type Category,
  type ExternalNumber,
  type FieldMapping,
  type NamedEntry,
  type NeotelDataKey,
  type SearchObject,
  type Subcategory,
} from './config-types.ts';
import { accept, hasControlCharacter, parseApiName, refuse, type Parsed } from './value-parsers.ts';

/** More entries than any contact center configures by hand; guards against pasted garbage. */
export const MAX_LIST_ENTRIES = 200;
/** Longest name shown in a menu (break type, campaign, category…). */
export const MAX_NAME_LENGTH = 80;
/** Neotel ids are XSD `int` in the WSDL. */
const MAX_NEOTEL_ID = 2_147_483_647;

/** The non-empty, trimmed entries of a `|` list. */
export function listEntries(text: string, separator = '|'): string[] {
  return text
    .split(separator)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

function entryProblem(position: number, entry: string, what: string): string {
  return `entry ${position} ${describeValue(entry)} ${what}`;
}

function tooManyEntries(count: number): string {
  return `the list has ${count} entries, more than the ${MAX_LIST_ENTRIES} allowed`;
}

/** A Neotel numeric id (break sub-type, campaign, queue, category, sub-category): 1 … 2147483647. */
export function parseNeotelId(text: string): number | undefined {
  if (!/^\d{1,10}$/u.test(text)) return undefined;
  const id = Number(text);
  return id >= 1 && id <= MAX_NEOTEL_ID ? id : undefined;
}

/** A Neotel user (`USUARIO`): usually digits such as `1148`; letters, `.`, `_`, `-` tolerated. */
export function parseNeotelUserId(text: string): string | undefined {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/u.test(text) ? text : undefined;
}

/** Why `name` cannot be shown as a menu entry, or `undefined` when it can. */
function nameProblem(name: string, forbidden: readonly string[]): string | undefined {
  if (name === '') return 'has an empty name';
  if (name.length > MAX_NAME_LENGTH) return `has a name longer than ${MAX_NAME_LENGTH} characters`;
  if (hasControlCharacter(name)) return 'has control characters in its name';
  const bad = forbidden.find((character) => name.includes(character));
  return bad === undefined ? undefined : `has ${describeValue(bad)} in its name`;
}

/** Neotel's numeric ids, or user numbers (strings). */
export type IdKind = 'neotel-id' | 'user-id';

const ID_EXPECTATION: Record<IdKind, string> = {
  'neotel-id': 'ids being whole numbers from 1 to 2147483647',
  'user-id': 'ids being Neotel user numbers such as 1148',
};

/** What `parseNamedList` accepts, as a sentence. */
export function namedListExpected(kind: IdKind, example: string): string {
  return `a |-separated list of id=name pairs such as ${example}, ${ID_EXPECTATION[kind]}`;
}

/** `id=name|id=name…` with unique ids, e.g. `1=Descanso|2=Tiempo administrativo|12=Almuerzo`. */
export function parseNamedList(text: string, kind: 'neotel-id', example: string): Parsed<readonly NamedEntry<number>[]>;
export function parseNamedList(text: string, kind: 'user-id', example: string): Parsed<readonly NamedEntry<string>[]>;
export function parseNamedList(text: string, kind: IdKind, example: string): Parsed<readonly NamedEntry<number | string>[]> {
  const expected = namedListExpected(kind, example);
  const entries = listEntries(text);
  if (entries.length > MAX_LIST_ENTRIES) return refuse(expected, tooManyEntries(entries.length));
  const result: NamedEntry<number | string>[] = [];
  const seen = new Set<number | string>();
  for (const [index, entry] of entries.entries()) {
    const position = index + 1;
    const equals = entry.indexOf('=');
    if (equals < 0) return refuse(expected, entryProblem(position, entry, 'has no "=" between id and name'));
    const idText = entry.slice(0, equals).trim();
    const name = entry.slice(equals + 1).trim();
    const id = kind === 'neotel-id' ? parseNeotelId(idText) : parseNeotelUserId(idText);
    if (id === undefined) return refuse(expected, entryProblem(position, entry, `has an invalid id ${describeValue(idText)}`));
    const badName = nameProblem(name, []);
    if (badName !== undefined) return refuse(expected, entryProblem(position, entry, badName));
    if (seen.has(id)) return refuse(expected, entryProblem(position, entry, `repeats the id ${id}`));
    seen.add(id);
    result.push({ id, name });
  }
  return accept(result);
}

/** What the list parsers below accept, as sentences for error messages. */
export const USER_ID_LIST_EXPECTED = 'a |-separated list of Neotel user numbers such as 1148|1150';

/** `id|id…` of Neotel users, e.g. `1148|1150`. */
export function parseUserIdList(text: string): Parsed<readonly string[]> {
  const expected = USER_ID_LIST_EXPECTED;
  const entries = listEntries(text);
  if (entries.length > MAX_LIST_ENTRIES) return refuse(expected, tooManyEntries(entries.length));
  const seen = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    if (parseNeotelUserId(entry) === undefined) return refuse(expected, entryProblem(index + 1, entry, 'is not a Neotel user number'));
    if (seen.has(entry)) return refuse(expected, entryProblem(index + 1, entry, 'is listed twice'));
    seen.add(entry);
  }
  return accept([...seen]);
}

export const SEARCH_PRIORITY_EXPECTED = `a |-separated list of ${SEARCH_OBJECTS.join(', ')} (each at most once), or nothing to let the softphone layout decide`;

/** `Contact|Account|Lead…`: the objects' search priority, any letter case, no repeats. */
export function parseSearchPriority(text: string): Parsed<readonly SearchObject[]> {
  const expected = SEARCH_PRIORITY_EXPECTED;
  const result: SearchObject[] = [];
  for (const [index, entry] of listEntries(text).entries()) {
    const object = SEARCH_OBJECTS.find((candidate) => candidate.toLowerCase() === entry.toLowerCase());
    if (object === undefined) return refuse(expected, entryProblem(index + 1, entry, 'is not a searchable object'));
    if (result.includes(object)) return refuse(expected, entryProblem(index + 1, entry, 'is listed twice'));
    result.push(object);
  }
  return accept(result);
}

/** Neotel's `callCampaing` is misspelt in its own connector; the correct spelling is accepted too. */
const NEOTEL_KEY_ALIASES: ReadonlyMap<string, NeotelDataKey> = new Map([['callcampaign', 'callCampaing']]);

function neotelDataKey(text: string): NeotelDataKey | undefined {
  const lower = text.toLowerCase();
  return NEOTEL_DATA_KEYS.find((key) => key.toLowerCase() === lower) ?? NEOTEL_KEY_ALIASES.get(lower);
}

export const FIELD_MAPPINGS_EXPECTED =
  `a |-separated list of SalesforceField-neotelKey pairs such as neoContactId__c-contactId|Phone-phoneNumber, ` +
  `the Neotel key being one of ${NEOTEL_DATA_KEYS.join(', ')}`;

/** `SfField-neotelKey|…` as in the seed: `neoContactId__c-contactId|Phone-phoneNumber|`. */
export function parseFieldMappings(text: string): Parsed<readonly FieldMapping[]> {
  const expected = FIELD_MAPPINGS_EXPECTED;
  const entries = listEntries(text);
  if (entries.length > MAX_LIST_ENTRIES) return refuse(expected, tooManyEntries(entries.length));
  const result: FieldMapping[] = [];
  for (const [index, entry] of entries.entries()) {
    const position = index + 1;
    const parts = entry.split('-').map((part) => part.trim());
    const [fieldText, keyText] = parts;
    if (parts.length !== 2 || fieldText === undefined || keyText === undefined) {
      return refuse(expected, entryProblem(position, entry, 'must be exactly one field name and one Neotel key joined by "-"'));
    }
    const field = parseApiName(fieldText, 'field');
    if (!field.ok) return refuse(expected, entryProblem(position, entry, `has an invalid field name ${describeValue(fieldText)}`));
    const source = neotelDataKey(keyText);
    if (source === undefined) return refuse(expected, entryProblem(position, entry, `has an unknown Neotel key ${describeValue(keyText)}`));
    if (result.some((mapping) => mapping.field === field.value)) {
      return refuse(expected, entryProblem(position, entry, `fills the field ${field.value} a second time`));
    }
    result.push({ field: field.value, source });
  }
  return accept(result);
}

export const CATEGORIES_EXPECTED =
  'a |-separated list of categories, each "[id=]Category name: subId=Sub-category name, subId=…", such as ' +
  '1=Contactado: 26=Venta, 28=Agenda | 2=No contactado: 27=No contesta (ids are whole numbers, sub-category ids unique)';

/**
 * Categories and their sub-categories:
 * `[categoryId=]Category: subId=Sub, subId=Sub | …`, e.g.
 * `1=Contactado: 26=Venta, 28=Agenda | 2=No contactado: 27=No contesta`.
 * Sub-category ids are unique across all categories (`UpdateContact` receives only them).
 */
export function parseCategories(text: string): Parsed<readonly Category[]> {
  const expected = CATEGORIES_EXPECTED;
  const entries = listEntries(text);
  if (entries.length > MAX_LIST_ENTRIES) return refuse(expected, tooManyEntries(entries.length));
  const categories: Category[] = [];
  const subIds = new Set<number>();
  for (const [index, entry] of entries.entries()) {
    const position = index + 1;
    const colon = entry.indexOf(':');
    if (colon < 0) return refuse(expected, entryProblem(position, entry, 'has no ":" between the category and its sub-categories'));
    const head = entry.slice(0, colon).trim();
    const headMatch = /^([^=]*)=(.*)$/su.exec(head);
    const id = headMatch === null ? null : parseNeotelId((headMatch[1] ?? '').trim());
    if (id === undefined) return refuse(expected, entryProblem(position, entry, 'has an invalid category id'));
    const name = headMatch === null ? head : (headMatch[2] ?? '').trim();
    const badName = nameProblem(name, ['=', ',']);
    if (badName !== undefined) return refuse(expected, entryProblem(position, entry, badName.replace('name', 'category name')));
    if (id !== null && categories.some((category) => category.id === id)) {
      return refuse(expected, entryProblem(position, entry, `repeats the category id ${id}`));
    }
    const subcategories: Subcategory[] = [];
    for (const subText of listEntries(entry.slice(colon + 1), ',')) {
      const equals = subText.indexOf('=');
      const subId = equals < 0 ? undefined : parseNeotelId(subText.slice(0, equals).trim());
      if (subId === undefined) {
        return refuse(expected, entryProblem(position, entry, `has a sub-category ${describeValue(subText)} that is not "id=name"`));
      }
      const subName = subText.slice(equals + 1).trim();
      const badSubName = nameProblem(subName, [':']);
      if (badSubName !== undefined) {
        return refuse(expected, entryProblem(position, entry, `has a sub-category ${describeValue(subText)} that ${badSubName}`));
      }
      if (subIds.has(subId)) return refuse(expected, entryProblem(position, entry, `repeats the sub-category id ${subId}`));
      subIds.add(subId);
      subcategories.push({ id: subId, name: subName });
    }
    if (subcategories.length === 0) return refuse(expected, entryProblem(position, entry, 'has no sub-categories'));
    categories.push({ id, name, subcategories });
  }
  return accept(categories);
}

export const EXTERNAL_NUMBERS_EXPECTED =
  'a |-separated list of phone numbers, each optionally followed by =name, such as +5491155550000=Soporte|08005550101 ' +
  '(digits with an optional leading +, and * or #; spaces, dashes, dots and brackets are ignored)';

/** `number[=name]|…`, e.g. `+54 11 5555-0000=Soporte|0800 555 0101`. */
export function parseExternalNumbers(text: string): Parsed<readonly ExternalNumber[]> {
  const expected = EXTERNAL_NUMBERS_EXPECTED;
  const entries = listEntries(text);
  if (entries.length > MAX_LIST_ENTRIES) return refuse(expected, tooManyEntries(entries.length));
  const result: ExternalNumber[] = [];
  for (const [index, entry] of entries.entries()) {
    const position = index + 1;
    const equals = entry.indexOf('=');
    const numberText = (equals < 0 ? entry : entry.slice(0, equals)).trim();
    const number = numberText.replace(/[\s().-]/gu, '');
    if (!/^\+?[0-9*#]{1,20}$/u.test(number)) {
      return refuse(expected, entryProblem(position, entry, `has an invalid number ${describeValue(numberText)}`));
    }
    const name = equals < 0 ? numberText : entry.slice(equals + 1).trim();
    const badName = nameProblem(name, []);
    if (badName !== undefined) return refuse(expected, entryProblem(position, entry, badName));
    if (result.some((existing) => existing.number === number)) {
      return refuse(expected, entryProblem(position, entry, `repeats the number ${number}`));
    }
    result.push({ number, name });
  }
  return accept(result);
}
