/** Shared fixtures for the config tests: the real definition file and small XML builders. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { settingsFromCallCenterXml } from '../../src/config/call-center-xml.ts';
import type { ConfigIssue } from '../../src/config/config-error.ts';
import type { SettingsMap } from '../../src/config/settings-map.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

export function readRepoFile(path: string): string {
  return readFileSync(`${root}${path}`, 'utf8');
}

export function fixture(name: string): string {
  return readRepoFile(`test/fixtures/callcenter/${name}`);
}

/** The real `callcenter-definition.xml`. */
export const REAL_XML = readRepoFile('callcenter-definition.xml');

/** The settings Salesforce would serve for the real definition. */
export function realSettings(): SettingsMap {
  return settingsFromCallCenterXml(REAL_XML);
}

/** The real settings with some values replaced (`undefined` removes the key). */
export function settingsWith(changes: Readonly<Record<string, string | undefined>>): SettingsMap {
  const settings: Record<string, string> = { ...realSettings() };
  for (const [path, value] of Object.entries(changes)) {
    if (value === undefined) Reflect.deleteProperty(settings, path);
    else settings[path] = value;
  }
  return settings;
}

export interface ItemSpec {
  readonly name: string;
  readonly value?: string;
  readonly label?: string;
  readonly sortOrder?: string;
}

/** A valid `reqGeneralInfo` section, with items overridden or added by name. */
export function generalInfo(overrides: readonly ItemSpec[] = [], sortOrder = '0'): string {
  const base: ItemSpec[] = [
    { name: 'reqInternalName', value: 'DialtoneCTI' },
    { name: 'reqDisplayName', value: 'Dialtone' },
    { name: 'reqAdapterUrl', value: 'https://neotel.example.com/softphone/' },
    { name: 'reqUseApi', value: 'true' },
    { name: 'reqSoftphoneHeight', value: '560' },
    { name: 'reqSoftphoneWidth', value: '340' },
    { name: 'reqSalesforceCompatibilityMode', value: 'Lightning' },
  ];
  const items = base.map((item) => overrides.find((override) => override.name === item.name) ?? item);
  for (const extra of overrides) if (!base.some((item) => item.name === extra.name)) items.push(extra);
  return section('reqGeneralInfo', items, sortOrder, 'General Information');
}

/** A `<section>` whose items get sortOrders 0…n-1 unless they bring their own. */
export function section(name: string, items: readonly ItemSpec[], sortOrder: string, label = name): string {
  const body = items
    .map((item, index) => {
      const labelAttribute = item.label === undefined ? ` label="${item.name}"` : item.label === '' ? '' : ` label="${item.label}"`;
      return `    <item sortOrder="${item.sortOrder ?? String(index)}" name="${item.name}"${labelAttribute}>${item.value ?? ''}</item>`;
    })
    .join('\n');
  return `  <section sortOrder="${sortOrder}" name="${name}" label="${label}">\n${body}\n  </section>`;
}

/** A whole definition from sections. */
export function callCenter(...sections: readonly string[]): string {
  return `<callCenter>\n${sections.join('\n')}\n</callCenter>\n`;
}

/** Short view of issues for assertions. */
export function summary(issues: readonly ConfigIssue[]): { code: string; path: string }[] {
  return issues.map(({ code, path }) => ({ code, path }));
}
