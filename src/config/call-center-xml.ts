/**
 * `callcenter-definition.xml` → the settings map Salesforce's `getCallCenterSettings` would return
 * after importing it, with the rules Salesforce enforces on import checked first (reference
 * opencti.md §3.1–3.4). Shared by the dev Lightning host (which serves the real file's settings)
 * and the admin CLI. The browser adapter never imports this module, so fast-xml-parser stays out
 * of its bundle.
 */
import { ConfigError, type ConfigIssue } from './config-error.ts';
import { definitionIssue, type DefinitionItem, type DefinitionSection, type IssueTarget } from './definition-issues.ts';
import { checkGeneralInfo } from './general-info-rules.ts';
import type { SettingsMap } from './settings-map.ts';
import { readXml, type XmlElement } from './xml-document.ts';

/** The outcome of {@link validateCallCenterXml}: the settings map, or every problem found. */
export type CallCenterXmlResult =
  | { readonly ok: true; readonly settings: SettingsMap }
  | { readonly ok: false; readonly errors: readonly ConfigIssue[] };

/** Names Salesforce reserves besides the `req` prefix: they would collide with the map's own keys. */
const RESERVED_NAMES = ['label', 'sortOrder', 'internalNameLabel', 'displayNameLabel'];
const NAME_EXPECTED = '1 to 40 letters and digits (no spaces or punctuation)';

/**
 * The `req*` names Salesforce defines, per section. Anything else starting with `req` is refused.
 * A Map, so a section named `constructor` finds nothing rather than Object.prototype's member.
 */
export const SALESFORCE_ITEMS: ReadonlyMap<string, readonly string[]> = new Map([
  [
    'reqGeneralInfo',
    [
    'reqInternalName',
    'reqDisplayName',
    'reqAdapterUrl',
    'reqUseApi',
    'reqSoftphoneHeight',
    'reqSoftphoneWidth',
    'reqSalesforceCompatibilityMode',
    'reqStandbyUrl',
    'reqTimeout',
    'reqCanvasNamespace',
    'reqCanvasApiName',
    // Legacy desktop CTI Toolkit items: still accepted by Salesforce, ignored by Open CTI.
    'reqDescription',
    'reqProgId',
    'reqVersion',
    ],
  ],
  ['reqDialingOptions', ['reqOutsidePrefix', 'reqLongDistPrefix', 'reqInternationalPrefix']],
]);

const ATTRIBUTES = ['sortOrder', 'name', 'label'];

/** Checks attributes and returns name / label / sortOrder; reports what is wrong with them. */
function readAttributes(element: XmlElement, target: (name: string) => IssueTarget, issues: ConfigIssue[]) {
  // Not trimmed: Salesforce takes the attribute as written, and " a" is not a valid name there.
  const name = element.attributes.name ?? '';
  const here = target(name === '' ? `<${element.tag}>` : name);
  const kind = element.tag;
  for (const attribute of Object.keys(element.attributes)) {
    if (!ATTRIBUTES.includes(attribute)) {
      issues.push(definitionIssue('XML_STRUCTURE', here, `has an unknown attribute ${attribute}`, attribute, `only the attributes sortOrder, name and label on <${kind}>`));
    }
  }
  if (name === '') issues.push(definitionIssue('XML_STRUCTURE', here, 'has no name attribute', undefined, `name="…": ${NAME_EXPECTED}`));
  else if (!/^[A-Za-z0-9]{1,40}$/u.test(name)) {
    issues.push(definitionIssue('XML_STRUCTURE', here, 'has an invalid name', name, NAME_EXPECTED));
  } else if (RESERVED_NAMES.includes(name)) {
    issues.push(definitionIssue('XML_STRUCTURE', here, 'uses a name Salesforce reserves', name, `a name other than ${RESERVED_NAMES.join(', ')}`));
  }
  const label = element.attributes.label;
  if (label !== undefined && label.length > 1000) {
    issues.push(definitionIssue('XML_STRUCTURE', here, `has a label of ${label.length} characters`, label, 'a label of at most 1000 characters'));
  }
  const sortOrderText = element.attributes.sortOrder;
  let sortOrder: number | undefined;
  if (sortOrderText === undefined) {
    issues.push(definitionIssue('XML_STRUCTURE', here, 'has no sortOrder attribute', undefined, 'sortOrder="n" with n a non-negative whole number'));
  } else if (!/^\d{1,6}$/u.test(sortOrderText)) {
    issues.push(definitionIssue('XML_STRUCTURE', here, 'has an invalid sortOrder', sortOrderText, 'a non-negative whole number such as 0, 1 or 2'));
  } else {
    sortOrder = Number(sortOrderText);
  }
  return { name, label, sortOrder };
}

/** Reports children other than `expectedTag` and stray text. */
function checkContent(element: XmlElement, expectedTag: string, here: IssueTarget, issues: ConfigIssue[]): XmlElement[] {
  if (element.text.trim() !== '') {
    issues.push(definitionIssue('XML_STRUCTURE', here, `has text directly inside <${element.tag}>`, element.text.trim(), `only <${expectedTag}> elements inside <${element.tag}>`));
  }
  const wanted: XmlElement[] = [];
  for (const child of element.children) {
    if (child.tag === expectedTag) wanted.push(child);
    else {
      const position = { kind: 'file', position: child.position } as const;
      issues.push(definitionIssue('XML_STRUCTURE', position, `has an unexpected <${child.tag}> element inside <${element.tag}>`, `<${child.tag}>`, `only <${expectedTag}> elements inside <${element.tag}>`));
    }
  }
  return wanted;
}

function readItem(element: XmlElement, section: DefinitionSection, issues: ConfigIssue[]): DefinitionItem {
  const itemAt = (name: string): IssueTarget => ({ kind: 'item', section, item: { name, label: element.attributes.label, sortOrder: undefined, value: '', position: element.position } });
  const { name, label, sortOrder } = readAttributes(element, itemAt, issues);
  const first = element.children[0];
  if (first !== undefined) {
    issues.push(definitionIssue('XML_STRUCTURE', itemAt(name), `has a <${first.tag}> element inside it`, `<${first.tag}>`, 'only text inside <item> (escape < as &lt; or use CDATA)'));
  }
  return { name, label, sortOrder, value: element.text.trim(), position: element.position };
}

function readSection(element: XmlElement, issues: ConfigIssue[]): DefinitionSection {
  const empty = (name: string): DefinitionSection => ({ name, label: element.attributes.label, sortOrder: undefined, items: [], position: element.position });
  const { name, label, sortOrder } = readAttributes(element, (shown) => ({ kind: 'section', section: empty(shown) }), issues);
  const shell = { name, label, sortOrder, items: [] as DefinitionItem[], position: element.position };
  for (const child of checkContent(element, 'item', { kind: 'section', section: shell }, issues)) shell.items.push(readItem(child, shell, issues));
  return shell;
}

/** Sort orders must be exactly 0 … n-1: no gaps, no repeats (Salesforce refuses the import otherwise). */
function checkSortOrders<T extends { sortOrder: number | undefined }>(
  entries: readonly T[],
  targetOf: (entry: T) => IssueTarget,
  container: IssueTarget,
  what: string,
  issues: ConfigIssue[],
): void {
  const seen = new Map<number, T>();
  for (const entry of entries) {
    if (entry.sortOrder === undefined) continue;
    if (seen.has(entry.sortOrder)) {
      issues.push(definitionIssue('XML_STRUCTURE', targetOf(entry), `repeats sortOrder ${entry.sortOrder}`, String(entry.sortOrder), `each ${what} with its own sortOrder, from 0 to ${entries.length - 1}`));
    } else seen.set(entry.sortOrder, entry);
  }
  const outside = [...seen.keys()].filter((order) => order >= entries.length).sort((a, b) => a - b);
  const missing = Array.from({ length: entries.length }, (_, order) => order).filter((order) => !seen.has(order));
  if (outside.length > 0 && missing.length > 0) {
    issues.push(
      definitionIssue('XML_STRUCTURE', container, `has ${what} sortOrders with gaps: ${missing.join(', ')} missing`, [...seen.keys()].sort((a, b) => a - b).join(', '), `the ${entries.length} ${what}s numbered 0 to ${entries.length - 1} with no gaps`),
    );
  }
}

function checkNames(section: DefinitionSection, issues: ConfigIssue[]): void {
  const known = SALESFORCE_ITEMS.get(section.name);
  const seen = new Set<string>();
  for (const item of section.items) {
    const here = { kind: 'item', section, item } as const;
    if (item.name === '') continue;
    if (seen.has(item.name)) issues.push(definitionIssue('XML_STRUCTURE', here, 'is defined twice in the section', item.name, 'each item name once per section'));
    seen.add(item.name);
    if (item.name.startsWith('req') && !(known ?? []).includes(item.name)) {
      const expected =
        known === undefined
          ? `a name not starting with "req" in a custom section (Salesforce reserves req names)`
          : `one of Salesforce's items for ${section.name} (${known.join(', ')}), or a name not starting with "req"`;
      issues.push(definitionIssue('XML_STRUCTURE', here, 'uses the reserved prefix "req" for an item Salesforce does not define', item.name, expected));
    }
  }
}

/** Builds the map exactly as `getCallCenterSettings` returns it (reference §3.4). */
function toSettingsMap(sections: readonly DefinitionSection[]): SettingsMap {
  const map: Record<string, string> = {};
  const byOrder = [...sections].sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0));
  for (const section of byOrder) {
    if (section.label !== undefined) map[`/${section.name}/label`] = section.label;
    map[`/${section.name}/sortOrder`] = `${section.sortOrder ?? 0}.0`;
    for (const item of [...section.items].sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0))) {
      const path = `/${section.name}/${item.name}`;
      map[path] = item.value;
      const identity = section.name === 'reqGeneralInfo' && (item.name === 'reqInternalName' || item.name === 'reqDisplayName');
      if (identity) {
        // Salesforce files these two labels under the call center itself, not under the items.
        const labelKey = item.name === 'reqInternalName' ? '/internalNameLabel' : '/displayNameLabel';
        if (item.label !== undefined) map[labelKey] = item.label;
        if (item.name === 'reqDisplayName') map['/label'] = item.value;
        continue;
      }
      if (item.label !== undefined) map[`${path}/label`] = item.label;
      map[`${path}/sortOrder`] = `${item.sortOrder ?? 0}.0`;
    }
  }
  return Object.freeze(map);
}

/** Checks a call-center definition and returns its settings map, or every problem found. */
export function validateCallCenterXml(xml: string): CallCenterXmlResult {
  const read = readXml(xml);
  if (!read.ok) return read;
  const { root } = read;
  const file = { kind: 'file', position: root.position } as const;
  if (root.tag !== 'callCenter') {
    const issue = definitionIssue('XML_STRUCTURE', file, 'has the wrong root element', `<${root.tag}>`, 'the root element <callCenter>');
    return { ok: false, errors: [issue] };
  }
  const issues: ConfigIssue[] = [];
  const sections = checkContent(root, 'section', file, issues).map((element) => readSection(element, issues));
  if (sections.length === 0) issues.push(definitionIssue('XML_STRUCTURE', file, 'has no <section>', undefined, 'at least the reqGeneralInfo section'));

  const seen = new Set<string>();
  for (const section of sections) {
    const here = { kind: 'section', section } as const;
    if (section.name !== '' && seen.has(section.name)) issues.push(definitionIssue('XML_STRUCTURE', here, 'is defined twice', section.name, 'each section name once'));
    seen.add(section.name);
    if (section.name.startsWith('req') && !SALESFORCE_ITEMS.has(section.name)) {
      issues.push(definitionIssue('XML_STRUCTURE', here, 'uses the reserved prefix "req" for a section Salesforce does not define', section.name, `reqGeneralInfo, reqDialingOptions, or a name not starting with "req"`));
    }
    if (section.items.length === 0) issues.push(definitionIssue('XML_STRUCTURE', here, 'has no <item>', undefined, 'at least one <item> in every section'));
    checkNames(section, issues);
    checkSortOrders(section.items, (item) => ({ kind: 'item', section, item }), here, 'item', issues);
  }
  checkSortOrders(sections, (section) => ({ kind: 'section', section }), file, 'section', issues);
  issues.push(...checkGeneralInfo(sections, file));
  if (issues.length === 0) return { ok: true, settings: toSettingsMap(sections) };
  // Report in file order, so an admin can fix them top to bottom (sort is stable for ties).
  const at = (issue: ConfigIssue) => (issue.line ?? 0) * 1_000_000 + (issue.column ?? 0);
  return { ok: false, errors: [...issues].sort((a, b) => at(a) - at(b)) };
}

/**
 * The settings map Salesforce would serve after importing `xml`; throws a {@link ConfigError}
 * (`XML_SYNTAX` or `XML_STRUCTURE`) listing every problem, each with its line and column.
 */
export function settingsFromCallCenterXml(xml: string): SettingsMap {
  const result = validateCallCenterXml(xml);
  if (!result.ok) throw new ConfigError(result.errors);
  return result.settings;
}
