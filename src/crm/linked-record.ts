/**
 * The Salesforce record a call is about: chosen by the screen pop (or by the record the agent
 * clicked to dial, or re-pointed by the agent), and used by the call's Task (`WhoId`/`WhatId`).
 * The seam between the screen-pop and the Task-log sides of the CRM layer.
 */

/** Why this record was linked to the call, so the agent can be shown (and trust) the choice. */
export interface LinkReason {
  /**
   * - `recordId`: the dialer's key (`contact key`/`CLAVE_1`, or CLAVESF's data part) was the record id;
   * - `search`: a search matched (`field`/`value` say what matched; `rule` names the rule applied);
   * - `created`: the agent saved the new record the no-match pop opened (re-attached by the sync id);
   * - `clickToDial`: the agent dialled from this record;
   * - `agent`: the agent re-pointed the call to this record.
   */
  readonly kind: 'recordId' | 'search' | 'created' | 'clickToDial' | 'agent';
  /** The field (or search) that matched, e.g. `Phone`, `NationalId__c`, `contact key`. */
  readonly field: string | null;
  /** The value that matched (a number, a national id, a key). */
  readonly value: string | null;
  /** The rule that picked this record among several, e.g. `searchTypePriority: Contact > Account`. */
  readonly rule: string | null;
}

/** A Salesforce record linked to a call. */
export interface LinkedRecord {
  /** 15/18-character Salesforce id. */
  readonly id: string;
  /** Object API name: `Contact`, `Account`, `Lead`, `Opportunity`, `Case`, a custom object… */
  readonly objectType: string;
  /** The record's display name (untrusted text: render as text only). */
  readonly name: string | null;
  readonly reason: LinkReason;
}

/** Which Task lookup a record goes into: people (`WhoId`) or things (`WhatId`). */
export function taskLookupOf(objectType: string): 'WhoId' | 'WhatId' {
  return objectType === 'Contact' || objectType === 'Lead' ? 'WhoId' : 'WhatId';
}
