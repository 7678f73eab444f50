import { describe, expect, it } from 'vitest';
import { settingsFromCallCenterXml } from '../../src/config/call-center-xml.ts';
import { validateConfig } from '../../src/config/config-from-settings.ts';
import { SECTION_NAMES, SETTING_ITEMS, settingPath } from '../../src/config/settings-map.ts';
import { fixture, readRepoFile, realSettings } from './support.ts';

/** Section and item names of a settings map, each list in sortOrder. */
function layout(settings: Readonly<Record<string, string>>): Record<string, string[]> {
  const order = (key: string) => Number(settings[key]);
  const sections = Object.keys(settings)
    .map((key) => /^\/([^/]+)\/sortOrder$/u.exec(key)?.[1])
    .filter((name): name is string => name !== undefined)
    .sort((a, b) => order(`/${a}/sortOrder`) - order(`/${b}/sortOrder`));
  const result: Record<string, string[]> = {};
  for (const section of sections) {
    const items = Object.keys(settings)
      .map((key) => new RegExp(`^/${section}/([^/]+)$`, 'u').exec(key)?.[1])
      .filter((name): name is string => name !== undefined && name !== 'label' && name !== 'sortOrder');
    const position = (item: string) => (settings[`/${section}/${item}/sortOrder`] === undefined ? ['reqInternalName', 'reqDisplayName'].indexOf(item) : order(`/${section}/${item}/sortOrder`));
    result[section] = items.sort((a, b) => position(a) - position(b));
  }
  return result;
}

describe('callcenter-definition.xml, SETTING_ITEMS and the documentation', () => {
  const settings = realSettings();

  it('define the same sections and items in the same order', () => {
    expect(layout(settings)).toEqual(SETTING_ITEMS);
  });

  it('give every section and item a label that explains it', () => {
    for (const section of SECTION_NAMES) {
      expect(settings[`/${section}/label`], section).toBeTruthy();
      for (const item of SETTING_ITEMS[section]) {
        if (item === 'reqInternalName' || item === 'reqDisplayName') continue;
        const label = settings[`${settingPath(section, item)}/label`] ?? '';
        expect(label.length, `${section}/${item}`).toBeGreaterThan(10);
        expect(label.length, `${section}/${item}`).toBeLessThanOrEqual(1000);
      }
    }
  });

  it('state the default in the label of every Dialtone item', () => {
    for (const section of SECTION_NAMES.filter((name) => !name.startsWith('req'))) {
      for (const item of SETTING_ITEMS[section]) {
        const label = settings[`${settingPath(section, item)}/label`] ?? '';
        expect(label, `${section}/${item}`).toMatch(/default|required|Default|Empty =/u);
      }
    }
  });

  it('are all documented in docs/configuration.md', () => {
    const documentation = readRepoFile('docs/configuration.md');
    for (const section of SECTION_NAMES) {
      expect(documentation, section).toContain(`### \`${section}\``);
      for (const item of SETTING_ITEMS[section]) expect(documentation, item).toContain(`| \`${item}\` |`);
    }
  });
});

describe("Neotel's connector options", () => {
  const seed = settingsFromCallCenterXml(fixture('neotel-seed.xml'));
  const ours = realSettings();

  it('are all present in our neotelConfigOptions, with the same names in the same order', () => {
    expect(layout(ours).neotelConfigOptions).toEqual(layout(seed).neotelConfigOptions);
  });

  it("keep their meaning: Neotel's own values validate into the same options as ours", () => {
    const connection = {
      [settingPath('neotelConnection', 'neoApiUrl')]: 'https://neotel.example.com/neoapi/webservice.asmx',
      [settingPath('neotelConnection', 'sipWebSocketUrl')]: 'wss://neotel.example.com:8089/ws',
      [settingPath('neotelConnection', 'sipDomain')]: 'neotel.example.com',
    };
    const result = validateConfig({ ...seed, ...connection });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { crm } = result.config;
    expect(crm.searchTypePriority).toEqual([]);
    expect(crm.externalData.map(({ field, source }) => `${field}-${source}`)).toEqual(['neoContactId__c-contactId', 'neoBaseId__c-contactBaseId', 'neoCrmId__c-crmId']);
    expect(crm.defaultNewRowData).toHaveLength(4);
    expect(crm).toMatchObject({
      allowCategorization: true,
      allowClickToDialSearch: true,
      useTaskDescriptionField: true,
      allowContactRelease: true,
      automaticContactReleaseSeconds: null,
      saveActivityLog: true,
      allowTextMessage: false,
      campaignEntityName: null,
    });
  });

  it('report only the missing Neotel connection when imported as Neotel ships them', () => {
    const result = validateConfig(seed);
    expect(result.ok ? [] : result.errors.map((issue) => `${issue.code} ${issue.path}`)).toEqual([
      'MISSING_SETTING /neotelConnection/neoApiUrl',
      'MISSING_SETTING /neotelConnection/sipWebSocketUrl',
      'MISSING_SETTING /neotelConnection/sipDomain',
    ]);
  });
});
