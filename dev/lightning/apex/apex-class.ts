import type { FieldValue, RecordStore, SObjectRecord } from '../records/record-store.ts';

/**
 * TypeScript twins of the org's Apex classes, so `runApex` answers what the deployed classes
 * would. A twin method receives the `methodParams` query string already split into named
 * parameters (missing ones are `undefined`, as an unset `webService` parameter is `null`).
 */
export type ApexMethod = (params: Readonly<Record<string, string | undefined>>, store: RecordStore) => unknown;

/** A `global` class: its `webService static` methods by name. */
export interface ApexClassTwin {
  readonly name: string;
  readonly methods: Readonly<Record<string, ApexMethod>>;
}

/** An exception the Apex method would have thrown (`System.QueryException: …`). */
export class ApexException extends Error {
  constructor(type: string, message: string) {
    super(`${type}: ${message}`);
    this.name = 'ApexException';
  }
}

/**
 * `JSON.serialize` of a list of sObjects: an `attributes` block with type and REST url, then the
 * fields that have a value (Apex leaves null fields out).
 */
export function serializeSObjects(records: readonly SObjectRecord[], apiVersion = '57.0'): string {
  return JSON.stringify(
    records.map((record) => {
      const fields: Record<string, FieldValue> = {};
      for (const [name, value] of Object.entries(record.fields)) {
        if (value !== null) fields[name] = value;
      }
      return {
        attributes: { type: record.objectName, url: `/services/data/v${apiVersion}/sobjects/${record.objectName}/${String(record.fields.Id)}` },
        ...fields,
      };
    }),
  );
}
