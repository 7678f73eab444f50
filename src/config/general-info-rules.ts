/**
 * Rules Salesforce applies to the `reqGeneralInfo` section on import (reference opencti.md §3.1–3.2),
 * plus the Lightning Experience limits that apply when the compatibility mode includes Lightning.
 *
 * Salesforce lets every value except `reqInternalName` be filled in Setup after import, so an
 * empty value passes here; a value that is present must be right.
 */
import type { ConfigIssue } from './config-error.ts';
import { definitionIssue, type DefinitionItem, type DefinitionSection, type IssueTarget } from './definition-issues.ts';
import { SOFTPHONE_HEIGHT_RANGE, SOFTPHONE_WIDTH_RANGE } from './defaults.ts';
import { COMPATIBILITY_MODES } from './config-types.ts';

const GENERAL = 'reqGeneralInfo';
const REQUIRED_ITEMS = ['reqInternalName', 'reqDisplayName', 'reqAdapterUrl', 'reqUseApi', 'reqSoftphoneHeight', 'reqSoftphoneWidth'];
/** Items whose sortOrder Salesforce fixes ("only the label attribute can be altered"). */
const FIXED_ORDER: Readonly<Record<string, number>> = { reqInternalName: 0, reqDisplayName: 1 };

type Check = (item: DefinitionItem, here: IssueTarget) => ConfigIssue | undefined;

function isAbsoluteUrl(value: string, protocols: readonly string[]): boolean {
  if (/\s/u.test(value)) return false;
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    // Not absolute: the caller decides whether a relative path is acceptable.
    return false;
  }
}

function adapterUrlCheck(lightning: boolean, allowed: string): Check {
  return (item, here) => {
    const relativeVisualforce = /^\/apex\/[A-Za-z0-9_]+(?:[?#]\S*)?$/u.test(item.value);
    const ok = relativeVisualforce || isAbsoluteUrl(item.value, lightning ? ['https:'] : ['https:', 'http:']);
    if (ok) return undefined;
    const expected = lightning
      ? 'an absolute https:// URL (Lightning Experience refuses http) or a Visualforce path such as /apex/Softphone'
      : 'an absolute http(s):// URL or a Visualforce path such as /apex/Softphone';
    return definitionIssue('XML_STRUCTURE', here, `is not a valid ${allowed}`, item.value, expected);
  };
}

function pixelsCheck(lightning: boolean, range: { readonly min: number; readonly max: number }): Check {
  return (item, here) => {
    const expected = lightning ? `a whole number of pixels from ${range.min} to ${range.max} (Lightning Experience limits)` : 'a positive whole number of pixels';
    if (!/^\d{1,5}$/u.test(item.value)) return definitionIssue('XML_STRUCTURE', here, 'is not a whole number', item.value, expected);
    const pixels = Number(item.value);
    const inRange = lightning ? pixels >= range.min && pixels <= range.max : pixels > 0;
    return inRange ? undefined : definitionIssue('XML_STRUCTURE', here, 'is out of range', item.value, expected);
  };
}

/** Checks `reqGeneralInfo` of a definition; `file` locates problems about the file as a whole. */
export function checkGeneralInfo(sections: readonly DefinitionSection[], file: IssueTarget): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const general = sections.find((section) => section.name === GENERAL);
  if (general === undefined) {
    issues.push(definitionIssue('XML_STRUCTURE', file, `has no ${GENERAL} section`, undefined, `<section sortOrder="0" name="${GENERAL}"> with ${REQUIRED_ITEMS.join(', ')}`));
    return issues;
  }
  const sectionHere = { kind: 'section', section: general } as const;
  if (general.sortOrder !== undefined && general.sortOrder !== 0) {
    issues.push(definitionIssue('XML_STRUCTURE', sectionHere, 'must come first', String(general.sortOrder), 'sortOrder="0" (Salesforce fixes it)'));
  }
  const items = new Map(general.items.map((item) => [item.name, item]));
  for (const name of REQUIRED_ITEMS) {
    if (!items.has(name)) issues.push(definitionIssue('XML_STRUCTURE', sectionHere, `has no ${name} item`, undefined, `an <item name="${name}">: Salesforce requires ${REQUIRED_ITEMS.join(', ')}`));
  }
  for (const [name, order] of Object.entries(FIXED_ORDER)) {
    const item = items.get(name);
    if (item?.sortOrder !== undefined && item.sortOrder !== order) {
      issues.push(definitionIssue('XML_STRUCTURE', { kind: 'item', section: general, item }, 'has a sortOrder Salesforce fixes', String(item.sortOrder), `sortOrder="${order}"`));
    }
  }

  const internalName = items.get('reqInternalName');
  if (internalName !== undefined && !/^[A-Za-z][A-Za-z0-9]{0,39}$/u.test(internalName.value)) {
    const problem = internalName.value === '' ? 'is empty (it cannot be set after import)' : 'is not a valid internal name';
    issues.push(definitionIssue('XML_STRUCTURE', { kind: 'item', section: general, item: internalName }, problem, internalName.value, '1 to 40 letters and digits starting with a letter, unique in the org'));
  }

  const modeItem = items.get('reqSalesforceCompatibilityMode');
  const mode = modeItem?.value ?? '';
  const lightning = mode === 'Lightning' || mode === 'Classic_and_Lightning';
  const standby = items.get('reqStandbyUrl')?.value ?? '';
  const timeout = items.get('reqTimeout')?.value ?? '';
  // A Map, so an item named `constructor` or `toString` finds no check rather than Object.prototype's.
  const checks: ReadonlyMap<string, Check> = new Map(Object.entries({
    reqDisplayName: (item, here) => (item.value.length <= 1000 ? undefined : definitionIssue('XML_STRUCTURE', here, `is ${item.value.length} characters long`, item.value, 'a display name of at most 1000 characters')),
    reqAdapterUrl: adapterUrlCheck(lightning, 'adapter URL'),
    reqStandbyUrl: adapterUrlCheck(lightning, 'standby URL'),
    reqUseApi: (item, here) => {
      const value = item.value.toLowerCase();
      if (value === 'true' || (value === 'false' && !lightning)) return undefined;
      const expected = lightning ? 'true (Lightning Experience works only through Open CTI)' : 'true or false';
      return definitionIssue('XML_STRUCTURE', here, 'has an invalid value', item.value, expected);
    },
    reqSoftphoneHeight: pixelsCheck(lightning, SOFTPHONE_HEIGHT_RANGE),
    reqSoftphoneWidth: pixelsCheck(lightning, SOFTPHONE_WIDTH_RANGE),
    reqSalesforceCompatibilityMode: (item, here) =>
      (COMPATIBILITY_MODES as readonly string[]).includes(item.value) ? undefined : definitionIssue('XML_STRUCTURE', here, 'is not a compatibility mode Salesforce knows', item.value, `one of ${COMPATIBILITY_MODES.join(', ')} (exact spelling)`),
    reqTimeout: (item, here) => (/^[1-9]\d{0,6}$/u.test(item.value) ? undefined : definitionIssue('XML_STRUCTURE', here, 'is not a positive whole number of milliseconds', item.value, 'a timeout in milliseconds such as 10000')),
  } satisfies Record<string, Check>));
  for (const item of general.items) {
    const check = checks.get(item.name);
    if (check !== undefined && item.value !== '') {
      const issue = check(item, { kind: 'item', section: general, item });
      if (issue !== undefined) issues.push(issue);
    }
  }
  // Salesforce switches to the standby URL only after the timeout: one without the other is meaningless.
  if ((standby === '') !== (timeout === '')) {
    const present = items.get(standby === '' ? 'reqTimeout' : 'reqStandbyUrl');
    if (present !== undefined) {
      const missing = standby === '' ? 'reqStandbyUrl' : 'reqTimeout';
      issues.push(definitionIssue('XML_STRUCTURE', { kind: 'item', section: general, item: present }, `is set without ${missing}`, present.value, `${missing} set as well, or both left empty`));
    }
  }
  return issues;
}
