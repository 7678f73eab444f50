/**
 * The call center as the CLI handles it: callcenter-definition.xml plus the admin's values
 * (`--set item=value`, `--settings file.json`) → the settings map the softphone reads → the
 * `CallCenter` Metadata API component deployed to the org, and back (what `doctor` reads).
 */
import { readFileSync } from 'node:fs';
import { validateCallCenterXml } from '../../src/config/call-center-xml.ts';
import { decodeXmlBytes } from '../../src/config/xml-encoding.ts';
import type { SettingsMap } from '../../src/config/settings-map.ts';
import { formatIssue } from '../check-call-center.ts';
import { AdminError } from './errors.ts';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** Reads and checks the definition file; throws listing every problem with its line. */
export function readDefinition(file: string): SettingsMap {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new AdminError('BAD_INPUT', `Cannot read the call-center definition ${file}: ${error instanceof Error ? error.message : String(error)}.`, 'Pass --xml PATH to the definition (default callcenter-definition.xml in the current folder).');
  }
  const decoded = decodeXmlBytes(bytes);
  const result = decoded.ok ? validateCallCenterXml(decoded.text) : decoded;
  if (!result.ok) {
    throw new AdminError('BAD_INPUT', `Salesforce would refuse ${file}:\n${result.errors.map((issue) => `  ${formatIssue(file, issue)}`).join('\n')}`, 'Fix the file and run the command again (npm run admin -- check shows the same list).');
  }
  return result.settings;
}

/**
 * Resolves the admin's values to `/section/item` paths: `/section/item=value` as is, `item=value`
 * by the one section of the definition that has that item.
 */
export function resolveValues(settings: SettingsMap, values: Readonly<Record<string, string>>, where: string): Record<string, string> {
  const out: Record<string, string> = {};
  const items = Object.keys(settings).filter((k) => k.split('/').length === 3 && !k.startsWith('/label'));
  for (const [key, value] of Object.entries(values)) {
    if (key.startsWith('/')) {
      if (key.split('/').length !== 3) throw new AdminError('BAD_INPUT', `${where}: ${JSON.stringify(key)} is not a /section/item path.`, 'Use item=value or /section/item=value, e.g. neoApiUrl=https://neotel.acme.com/neoapi/webservice.asmx.');
      out[key] = value;
      continue;
    }
    const matches = items.filter((k) => k.split('/')[2] === key);
    if (matches.length !== 1) {
      const hint = matches.length === 0 ? 'no item of that name is in the definition' : `it is in several sections (${matches.join(', ')})`;
      throw new AdminError('BAD_INPUT', `${where}: cannot place ${JSON.stringify(key)}: ${hint}.`, 'Use an item name from callcenter-definition.xml (docs/configuration.md lists them), or /section/item=value.');
    }
    out[matches[0]!] = value;
  }
  return out;
}

/** `--settings file.json`: an object of item (or /section/item) → text value. */
export function readSettingsFile(file: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AdminError('BAD_INPUT', `Cannot read --settings ${file}: ${error instanceof Error ? error.message : String(error)}.`, 'Give a JSON object such as {"neoApiUrl": "https://neotel.acme.com/neoapi/webservice.asmx"}.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AdminError('BAD_INPUT', `--settings ${file} must hold a JSON object of item → value; received ${Array.isArray(parsed) ? 'an array' : typeof parsed}.`, 'Give a JSON object such as {"sipDomain": "neotel.acme.com"}.');
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new AdminError('BAD_INPUT', `--settings ${file}: ${key} must be a text, number or boolean; received ${JSON.stringify(value)}.`, 'Call-center values are text; write lists as Neotel does, separated by |.');
    }
    out[key] = String(value);
  }
  return out;
}

interface Item { name: string; label: string; value: string; order: number }
interface Section { name: string; label: string; order: number; items: Item[] }

function sectionsOf(settings: SettingsMap): Section[] {
  const sections = new Map<string, Section>();
  for (const key of Object.keys(settings)) {
    const [, section, item, extra] = key.split('/');
    if (section === undefined || section === '' || item === undefined || extra !== undefined || item === 'label' || item === 'sortOrder') continue;
    const s = sections.get(section) ?? { name: section, label: settings[`/${section}/label`] ?? section, order: Number(settings[`/${section}/sortOrder`] ?? 0), items: [] };
    s.items.push({ name: item, label: settings[`${key}/label`] ?? item, value: settings[key] ?? '', order: Number(settings[`${key}/sortOrder`] ?? 0) });
    sections.set(section, s);
  }
  return [...sections.values()].sort((a, b) => a.order - b.order).map((s) => ({ ...s, items: s.items.sort((a, b) => a.order - b.order) }));
}

/** The `CallCenter` metadata file (callCenters/<internal name>.callCenter) for the settings. */
export function callCenterMetadata(settings: SettingsMap): { fullName: string; xml: string } {
  const fullName = settings['/reqGeneralInfo/reqInternalName'] ?? 'DialtoneCTI';
  const sections = sectionsOf(settings).map((s) => {
    const items = s.items
      .filter((i) => !(s.name === 'reqGeneralInfo' && (i.name === 'reqInternalName' || i.name === 'reqDisplayName')))
      .map((i) => `        <items>\n            <label>${esc(i.label)}</label>\n            <name>${esc(i.name)}</name>\n            <value>${esc(i.value)}</value>\n        </items>\n`).join('');
    return `    <sections>\n${items}        <label>${esc(s.label)}</label>\n        <name>${esc(s.name)}</name>\n    </sections>\n`;
  }).join('');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<CallCenter xmlns="http://soap.sforce.com/2006/04/metadata">
    <adapterUrl>${esc(settings['/reqGeneralInfo/reqAdapterUrl'] ?? '')}</adapterUrl>
    <displayName>${esc(settings['/reqGeneralInfo/reqDisplayName'] ?? fullName)}</displayName>
    <displayNameLabel>${esc(settings['/displayNameLabel'] ?? 'Display Name')}</displayNameLabel>
    <internalNameLabel>${esc(settings['/internalNameLabel'] ?? 'Internal Name')}</internalNameLabel>
${sections}</CallCenter>
`;
  return { fullName, xml };
}

export interface CallCenterRecord {
  fullName?: string;
  adapterUrl?: string | null;
  displayName?: string;
  sections?: { name: string; label: string; items?: { name: string; label: string; value: string }[] }[];
}

/** The settings map Salesforce serves the softphone for a call center read with readMetadata. */
export function settingsFromMetadata(record: CallCenterRecord): Record<string, string> {
  const out: Record<string, string> = {
    '/reqGeneralInfo/reqInternalName': record.fullName ?? '',
    '/reqGeneralInfo/reqDisplayName': record.displayName ?? '',
  };
  for (const section of record.sections ?? []) {
    for (const item of section.items ?? []) out[`/${section.name}/${item.name}`] = item.value;
  }
  if (record.adapterUrl) out['/reqGeneralInfo/reqAdapterUrl'] = record.adapterUrl;
  return out;
}
