import { isPhoneQuery, phoneDigits, phonesMatch } from './phone-match.ts';
import type { RecordStore, SObjectRecord } from './record-store.ts';
import { OBJECTS, type FieldDef, type SObjectName } from './schema.ts';

/**
 * Search over the record store, standing in for the SOSL search behind `searchAndScreenPop`
 * and Lightning's search page:
 *
 *  - a phone-shaped query (see {@link isPhoneQuery}) matches phone fields by
 *    {@link phonesMatch}, and other text fields whose digits equal the query's digits
 *    (a national id typed `31.987.456` is found by `31987456`);
 *  - any other query matches when every word of it starts a word of one text field, ignoring
 *    case and accents (`gonz` finds `González`; `maria gonzalez` finds `María González`);
 *  - queries shorter than {@link MIN_SEARCH_LENGTH} characters find nothing, like Salesforce.
 */

/** Salesforce refuses to search for fewer characters. */
export const MIN_SEARCH_LENGTH = 3;

/** A matching record and the fields that matched. */
export interface SearchHit {
  record: SObjectRecord;
  matchedFields: string[];
}

const SEARCHABLE_TYPES = new Set<FieldDef['type']>(['string', 'textarea', 'phone', 'email', 'url', 'picklist']);

/** Finds records of the given objects (in that order) matching `query`. */
export function searchRecords(store: RecordStore, query: string, objectNames: readonly SObjectName[]): SearchHit[] {
  const trimmed = query.trim();
  if (trimmed.length < MIN_SEARCH_LENGTH) return [];
  const phoneQuery = isPhoneQuery(trimmed);
  const words = normalise(trimmed).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const hits: SearchHit[] = [];
  for (const objectName of objectNames) {
    const fields = OBJECTS[objectName].fields.filter((f) => SEARCHABLE_TYPES.has(f.type));
    for (const record of store.list(objectName)) {
      const matchedFields = fields
        .filter((field) => {
          const value = record.fields[field.apiName];
          if (typeof value !== 'string' || value === '') return false;
          if (phoneQuery) {
            return field.type === 'phone' ? phonesMatch(value, trimmed) : phoneDigits(value) !== '' && phoneDigits(value) === phoneDigits(trimmed);
          }
          return wordsMatch(words, value);
        })
        .map((f) => f.apiName);
      if (matchedFields.length > 0) hits.push({ record, matchedFields });
    }
  }
  return hits;
}

function wordsMatch(queryWords: readonly string[], value: string): boolean {
  if (queryWords.length === 0) return false;
  const valueWords = normalise(value).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return queryWords.every((q) => valueWords.some((w) => w.startsWith(q)));
}

function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
