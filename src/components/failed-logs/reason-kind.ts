/** Which plain-words explanation fits a Salesforce refusal code (the raw code stays behind a disclosure). */
export type ReasonKind = 'validation' | 'required' | 'field' | 'access' | 'apex' | 'other';

const FIELD_CODES = new Set([
  'INVALID_FIELD',
  'INVALID_FIELD_FOR_INSERT_UPDATE',
  'INVALID_TYPE_ON_FIELD_IN_RECORD',
  'STRING_TOO_LONG',
  'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
  'INVALID_VALUE',
  'FIELD_INTEGRITY_EXCEPTION',
  'INVALID_CROSS_REFERENCE_KEY',
  'MALFORMED_ID',
]);
const ACCESS_CODES = new Set(['INSUFFICIENT_ACCESS', 'INSUFFICIENT_ACCESS_OR_READONLY', 'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY', 'NO_ACCESS', 'KEY_TAKEN']);

export function reasonKindOf(code: string): ReasonKind {
  if (code === 'FIELD_CUSTOM_VALIDATION_EXCEPTION') return 'validation';
  if (code === 'REQUIRED_FIELD_MISSING') return 'required';
  if (code === 'APEX_CLASS_MISSING') return 'apex';
  if (FIELD_CODES.has(code)) return 'field';
  if (ACCESS_CODES.has(code)) return 'access';
  return 'other';
}
