/**
 * The shape of a Salesforce record id: 15 case-sensitive alphanumerics, or 18 (with the case
 * checksum suffix). Shape only — `src/crm/screen-pop-policy.ts` `isSalesforceId` also checks the
 * suffix where telling an id from a customer key matters.
 */
export const SALESFORCE_ID_SHAPE = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
