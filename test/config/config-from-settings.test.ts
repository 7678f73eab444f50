import { describe, expect, it } from 'vitest';
import { configFromSettings, validateConfig } from '../../src/config/config-from-settings.ts';
import { ConfigError, type ConfigIssue } from '../../src/config/config-error.ts';
import type { Config } from '../../src/config/config-types.ts';
import {
  DEFAULT_BREAK_TYPES,
  DEFAULT_ICE_GATHERING_TIMEOUT_MS,
  DEFAULT_LOGIN_DEVICE_TEMPLATE,
  DEFAULT_NEOAPI_BINDING,
  DEFAULT_NEOAPI_TIMEOUT_MS,
  DEFAULT_POSITION_POLL_INTERVAL_MS,
  DEFAULT_SYNC_ID_FIELD,
} from '../../src/config/defaults.ts';
import { settingPath, type SettingsMap } from '../../src/config/settings-map.ts';
import { realSettings, settingsWith, summary } from './support.ts';

function issuesOf(settings: SettingsMap): readonly ConfigIssue[] {
  const result = validateConfig(settings);
  if (result.ok) throw new Error('expected the settings to be refused');
  return result.errors;
}

/** The single issue raised when `path` holds `value` in otherwise valid settings. */
function issueFor(path: string, value: string | undefined): ConfigIssue {
  const issues = issuesOf(settingsWith({ [path]: value }));
  expect(summary(issues)).toEqual([{ code: issues[0]!.code, path }]);
  return issues[0]!;
}

/** The config when `path` holds `value` in otherwise valid settings. */
function configWith(changes: Readonly<Record<string, string | undefined>>): Config {
  return configFromSettings(settingsWith(changes));
}

const NEOAPI_URL = settingPath('neotelConnection', 'neoApiUrl');
const SIP_WS_URL = settingPath('neotelConnection', 'sipWebSocketUrl');
const SIP_DOMAIN = settingPath('neotelConnection', 'sipDomain');

/** Only what Salesforce always sends plus the three connection settings. */
const MINIMAL: SettingsMap = {
  '/reqGeneralInfo/reqInternalName': 'DialtoneCTI',
  '/reqGeneralInfo/reqAdapterUrl': 'https://neotel.example.com/softphone/',
  '/reqGeneralInfo/reqSalesforceCompatibilityMode': 'Lightning',
  [NEOAPI_URL]: 'https://neotel.example.com/neoapi/webservice.asmx',
  [SIP_WS_URL]: 'wss://neotel.example.com:8089/ws',
  [SIP_DOMAIN]: 'neotel.example.com',
};

describe('the real definition', () => {
  it('validates into the Config the file describes', () => {
    const config = configFromSettings(realSettings());
    expect(config.general).toEqual({
      internalName: 'DialtoneCTI',
      displayName: 'Dialtone',
      adapterUrl: 'https://neotel.example.com/softphone/',
      softphoneHeight: 560,
      softphoneWidth: 340,
      compatibilityMode: 'Lightning',
    });
    expect(config.connection).toEqual({
      neoApiUrl: 'https://neotel.example.com/neoapi/webservice.asmx',
      neoApiBinding: 'POST',
      neoApiMethods: { methods: {}, params: {} },
      neoApiTimeoutMs: 5000,
      loginDeviceTemplate: 'SIP/{device}',
      positionPollIntervalMs: 1000,
      sipWebSocketUrl: 'wss://neotel.example.com:8089/ws',
      sipDomain: 'neotel.example.com',
      iceServers: [],
      iceGatheringTimeoutMs: 1000,
      autoAnswerPlatformLegs: true,
      dtmfDurationMs: 200,
      dtmfGapMs: 100,
    });
    expect(config.crm.searchTypePriority).toEqual(['Contact', 'Account', 'Lead', 'Opportunity']);
    expect(config.crm.defaultNewRowData).toEqual([
      { field: 'neoContactId__c', source: 'contactId' },
      { field: 'neoBaseId__c', source: 'contactBaseId' },
      { field: 'neoCrmId__c', source: 'crmId' },
      { field: 'Phone', source: 'phoneNumber' },
    ]);
    expect(config.crm.automaticContactReleaseSeconds).toBeNull();
    expect(config.crm.campaignEntityName).toBeNull();
    expect(config.agent.breakTypes).toEqual([
      { id: 1, name: 'Descanso' },
      { id: 2, name: 'Tiempo administrativo' },
      { id: 12, name: 'Almuerzo' },
    ]);
    expect(config.categories).toEqual([
      { id: 1, name: 'Contactado', subcategories: [{ id: 26, name: 'Venta' }, { id: 28, name: 'Agenda' }] },
      { id: 2, name: 'No contactado', subcategories: [{ id: 27, name: 'No contesta' }] },
    ]);
    expect(config.dialing).toEqual({ outsidePrefix: '', longDistancePrefix: '', internationalPrefix: '' });
  });

  it('returns a config frozen all the way down', () => {
    const config = configFromSettings(realSettings());
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.agent.breakTypes[0])).toBe(true);
    expect(() => {
      (config.connection as { sipDomain: string }).sipDomain = 'evil.example.com';
    }).toThrow(TypeError);
  });

  it('ignores keys it does not know, such as those Salesforce adds', () => {
    const config = configFromSettings({ ...realSettings(), '/reqGeneralInfo/reqVersion': '4', '/someVendor/thing': '<script>' });
    expect(config.general.internalName).toBe('DialtoneCTI');
  });
});

describe('defaults', () => {
  it('fills every optional setting when only the required ones are present', () => {
    const config = configFromSettings(MINIMAL);
    expect(config.general).toMatchObject({ displayName: 'DialtoneCTI', softphoneHeight: 560, softphoneWidth: 340 });
    expect(config.connection).toMatchObject({
      neoApiBinding: DEFAULT_NEOAPI_BINDING,
      neoApiTimeoutMs: DEFAULT_NEOAPI_TIMEOUT_MS,
      loginDeviceTemplate: DEFAULT_LOGIN_DEVICE_TEMPLATE,
      positionPollIntervalMs: DEFAULT_POSITION_POLL_INTERVAL_MS,
      iceServers: [],
      iceGatheringTimeoutMs: DEFAULT_ICE_GATHERING_TIMEOUT_MS,
      autoAnswerPlatformLegs: true,
    });
    expect(config.crm).toEqual({
      searchTypePriority: [],
      externalData: [],
      defaultNewRowData: [],
      allowCategorization: true,
      allowClickToDialSearch: true,
      useTaskDescriptionField: true,
      allowContactRelease: true,
      automaticContactReleaseSeconds: null,
      schedulingMethod: 'UpdateContact',
      saveActivityLog: true,
      allowTextMessage: false,
      campaignEntityName: null,
      syncIdField: DEFAULT_SYNC_ID_FIELD,
      nationalIdField: null,
      nationalIdIvrKey: 'DNI',
      taskLogDeadLetterAfter: 5,
      recordingUrlTemplate: null,
      recordingField: null,
      campaignRecords: [],
      campaignField: 'neoCampaign__c',
      customerTimeZoneField: null,
      platformTimeZone: null,
    });
    expect(config.agent).toEqual({ language: 'auto', defaultCountry: null, rememberUser: true, allowRememberDevicePassword: false, breakTypes: DEFAULT_BREAK_TYPES, campaigns: [], phoneWindow: false });
    expect(config.categories).toEqual([]);
    expect(config.transfers).toEqual({ queues: [], campaigns: [], users: [], numbers: [], allowManualNumber: true });
    expect(config.supervision).toEqual({ supervisorUserIds: [], monitoredUsers: [], showMonitoringToAgent: false });
  });

  it('treats a missing key, an empty string and white space alike', () => {
    const path = settingPath('neotelConnection', 'neoApiTimeoutMs');
    for (const value of [undefined, '', '   \n\t']) {
      expect(configWith({ [path]: value }).connection.neoApiTimeoutMs).toBe(DEFAULT_NEOAPI_TIMEOUT_MS);
    }
  });

  it('offers the transfer users for monitoring when no monitored users are listed', () => {
    const config = configWith({ [settingPath('dialtoneCalls', 'transferUsers')]: '1148=Juan|1150=Ana' });
    expect(config.supervision.monitoredUsers).toEqual([
      { id: '1148', name: 'Juan' },
      { id: '1150', name: 'Ana' },
    ]);
    const own = configWith({ [settingPath('dialtoneCalls', 'transferUsers')]: '1148=Juan', [settingPath('dialtoneSupervisor', 'monitoredUsers')]: '2000=Eva' });
    expect(own.supervision.monitoredUsers).toEqual([{ id: '2000', name: 'Eva' }]);
  });
});

describe('connection settings', () => {
  it.each([NEOAPI_URL, SIP_WS_URL, SIP_DOMAIN])('reports %s as missing when absent, empty or blank', (path) => {
    for (const value of [undefined, '', '  ']) {
      const issue = issueFor(path, value);
      expect(issue).toMatchObject({ code: 'MISSING_SETTING', path });
      expect(issue.label).toBe(realSettings()[`${path}/label`]);
      expect(issue.message).toContain(`Setting ${path} (`);
      expect(issue.message).toContain('is missing or empty');
    }
  });

  it.each([
    ['http on a real host', 'http://neotel.example.com/neoapi/webservice.asmx', 'only allowed for loopback hosts'],
    ['javascript:', 'javascript:alert(1)//.asmx', 'the scheme javascript: is not allowed'],
    ['a relative path', '/neoapi/webservice.asmx', 'not an absolute URL'],
    ['a bare host', 'https://neotel.example.com/', 'does not end in .asmx'],
    ['a method path', 'https://neotel.example.com/neoapi/webservice.asmx/Login', 'does not end in .asmx'],
    ['ftp', 'ftp://neotel.example.com/neoapi/webservice.asmx', 'the scheme ftp: is not allowed'],
    ['credentials', 'https://admin:secret@neotel.example.com/neoapi/webservice.asmx', 'user name or password'],
    ['a query', 'https://neotel.example.com/neoapi/webservice.asmx?wsdl', '?query'],
    ['a line break', 'https://neotel.example.com/neo\napi/webservice.asmx', 'white space'],
  ])('refuses a NeoApi URL with %s', (_, value, problem) => {
    const issue = issueFor(NEOAPI_URL, value);
    expect(issue).toMatchObject({ code: 'INVALID_SETTING', received: value });
    expect(issue.message).toContain(problem);
    expect(issue.expected).toContain('https://');
  });

  it.each(['http://localhost:8080/neoapi/webservice.asmx', 'http://127.0.0.1/neoapi/webservice.asmx', 'http://[::1]:3000/NEOAPI/WebService.asmx', 'http://dev.localhost/neoapi/webservice.asmx'])(
    'accepts http for the loopback NeoApi %s used in development',
    (value) => {
      expect(configWith({ [NEOAPI_URL]: value }).connection.neoApiUrl).toBe(new URL(value).href);
    },
  );

  it.each([
    ['ws on a real host', 'ws://pbx.example.com:8088/ws'],
    ['https instead of wss', 'https://pbx.example.com/ws'],
    ['a fragment', 'wss://pbx.example.com/ws#x'],
    ['no scheme', 'pbx.example.com:8089/ws'],
  ])('refuses a SIP WebSocket URL with %s', (_, value) => {
    expect(issueFor(SIP_WS_URL, value)).toMatchObject({ code: 'INVALID_SETTING', received: value });
  });

  it('accepts ws:// on loopback for the SIP WebSocket', () => {
    expect(configWith({ [SIP_WS_URL]: 'ws://127.0.0.1:5066/' }).connection.sipWebSocketUrl).toBe('ws://127.0.0.1:5066/');
  });

  it.each(['sip:neotel.example.com', 'neotel.example.com:5060', 'neotel example.com', '<script>alert(1)</script>', '-bad.example.com', 'a..b', '999.1.1.1'])(
    'refuses the SIP domain %j',
    (value) => {
      expect(issueFor(SIP_DOMAIN, value)).toMatchObject({ code: 'INVALID_SETTING', received: value });
    },
  );

  it.each([
    ['Neotel.Example.COM', 'neotel.example.com'],
    ['10.0.0.5', '10.0.0.5'],
    ['[::1]', '[::1]'],
  ])('accepts the SIP domain %s', (value, expected) => {
    expect(configWith({ [SIP_DOMAIN]: value }).connection.sipDomain).toBe(expected);
  });

  it('reads the binding in any case and refuses others', () => {
    expect(configWith({ [settingPath('neotelConnection', 'neoApiBinding')]: 'soap' }).connection.neoApiBinding).toBe('SOAP');
    expect(issueFor(settingPath('neotelConnection', 'neoApiBinding'), 'REST').expected).toBe('one of GET, POST, SOAP');
  });

  it.each(['SIP/{device}', 'PJSIP/{device}', '{device}', 'SIP/{device}-webrtc'])('accepts the device template %s', (value) => {
    expect(configWith({ [settingPath('neotelConnection', 'loginDeviceTemplate')]: value }).connection.loginDeviceTemplate).toBe(value);
  });

  it.each(['SIP/', 'SIP/{device}{device}', 'SIP/{device}?x=1', 'SIP/{Device}'])('refuses the device template %s', (value) => {
    expect(issueFor(settingPath('neotelConnection', 'loginDeviceTemplate'), value).code).toBe('INVALID_SETTING');
  });
});

describe('numbers', () => {
  it.each([
    ['neotelConnection', 'neoApiTimeoutMs', '999'],
    ['neotelConnection', 'neoApiTimeoutMs', '60001'],
    ['neotelConnection', 'positionPollIntervalMs', '100'],
    ['neotelConnection', 'positionPollIntervalMs', '5001'],
    ['neotelConnection', 'iceGatheringTimeoutMs', '99'],
    ['neotelConnection', 'iceGatheringTimeoutMs', '10001'],
    ['neotelConfigOptions', 'automaticContactRelease', '-2'],
    ['neotelConfigOptions', 'automaticContactRelease', '3601'],
    ['reqGeneralInfo', 'reqSoftphoneHeight', '239'],
    ['reqGeneralInfo', 'reqSoftphoneWidth', '1921'],
  ] as const)('refuses %s/%s = %s as out of range', (sectionName, item, value) => {
    const issue = issueFor(`/${sectionName}/${item}`, value);
    expect(issue).toMatchObject({ code: 'INVALID_SETTING', received: value });
    expect(issue.message).toContain('out of range');
  });

  it.each(['5s', '1e3', '0x10', '1.5', '1,000', '5 000', 'Infinity', 'NaN', '99999999999999999999'])('refuses %j where a whole number is expected', (value) => {
    const issue = issueFor(settingPath('neotelConnection', 'neoApiTimeoutMs'), value);
    expect(issue.expected).toBe('a whole number from 1000 to 60000 ms');
  });

  it('reads automaticContactRelease as null for -1 (never) and as seconds otherwise', () => {
    const path = settingPath('neotelConfigOptions', 'automaticContactRelease');
    expect(configWith({ [path]: '-1' }).crm.automaticContactReleaseSeconds).toBeNull();
    expect(configWith({ [path]: '0' }).crm.automaticContactReleaseSeconds).toBe(0);
    expect(configWith({ [path]: '30' }).crm.automaticContactReleaseSeconds).toBe(30);
  });
});

describe('booleans', () => {
  const path = settingPath('neotelConfigOptions', 'saveActivityLog');

  it.each([
    ['TRUE', true],
    [' False ', false],
    ['true', true],
  ])('reads %j as %s', (value, expected) => {
    expect(configWith({ [path]: value }).crm.saveActivityLog).toBe(expected);
  });

  it.each(['yes', 'no', '1', '0', 'sí', 'on', 'truee'])('refuses %j', (value) => {
    const issue = issueFor(path, value);
    expect(issue).toMatchObject({ code: 'INVALID_SETTING', received: value, expected: 'true or false' });
  });
});

describe('remembering the device password (allowRememberDevicePassword)', () => {
  const path = settingPath('dialtoneAgent', 'allowRememberDevicePassword');

  it('is off in the shipped file and when the admin leaves it empty, so no password is kept by default', () => {
    expect(configFromSettings(realSettings()).agent.allowRememberDevicePassword).toBe(false);
    expect(configWith({ [path]: undefined }).agent.allowRememberDevicePassword).toBe(false);
    expect(configWith({ [path]: '  ' }).agent.allowRememberDevicePassword).toBe(false);
  });

  it('is on only when the admin writes true', () => {
    expect(configWith({ [path]: 'TRUE' }).agent.allowRememberDevicePassword).toBe(true);
  });

  it('refuses anything but true or false, naming the setting, its label and the value received', () => {
    const issue = issueFor(path, 'si');
    expect(issue).toMatchObject({ code: 'INVALID_SETTING', path, received: 'si', expected: 'true or false' });
    expect(issue.label).toMatch(/device \(SIP\) password/u);
    expect(issue.message).toContain('/dialtoneAgent/allowRememberDevicePassword');
    expect(issue.message).toContain('"si"');
  });
});

describe('other single values', () => {
  it('reads the language in any case and refuses unknown ones', () => {
    expect(configWith({ [settingPath('dialtoneAgent', 'language')]: 'ES' }).agent.language).toBe('es');
    expect(issueFor(settingPath('dialtoneAgent', 'language'), 'fr').expected).toBe('one of auto, es, pt, en');
  });

  it('reads the default country in any case and refuses codes without a numbering plan', () => {
    const path = settingPath('dialtoneAgent', 'defaultCountry');
    expect(configWith({ [path]: 'ar' }).agent.defaultCountry).toBe('AR');
    for (const value of ['ARG', 'XX', 'Argentina', 'A1']) expect(issueFor(path, value).code).toBe('INVALID_SETTING');
  });

  it('reads campaignEntityName false (any case) as off and an object API name as itself', () => {
    const path = settingPath('neotelConfigOptions', 'campaignEntityName');
    expect(configWith({ [path]: 'FALSE' }).crm.campaignEntityName).toBeNull();
    expect(configWith({ [path]: 'Campaign' }).crm.campaignEntityName).toBe('Campaign');
    expect(configWith({ [path]: 'ns__Campaign__c' }).crm.campaignEntityName).toBe('ns__Campaign__c');
    for (const value of ['true', 'Bad Name', 'Campaign___c', '_Campaign']) expect(issueFor(path, value).code).toBe('INVALID_SETTING');
  });

  it('checks field API names of the CRM settings', () => {
    expect(configWith({ [settingPath('dialtoneCrm', 'nationalIdField')]: 'NationalId__c' }).crm.nationalIdField).toBe('NationalId__c');
    for (const value of ['National Id', 'NationalId__c;DROP', '1Field', 'Field_']) {
      expect(issueFor(settingPath('dialtoneCrm', 'nationalIdField'), value).code).toBe('INVALID_SETTING');
    }
    expect(issueFor(settingPath('dialtoneCrm', 'taskLogDeadLetterAfter'), '0').code).toBe('INVALID_SETTING');
    expect(issueFor(settingPath('dialtoneCrm', 'nationalIdIvrKey'), 'DNI=').code).toBe('INVALID_SETTING');
  });

  it('accepts Salesforce dialing prefixes of digits, * and # only', () => {
    expect(configWith({ [settingPath('reqDialingOptions', 'reqInternationalPrefix')]: '00' }).dialing.internationalPrefix).toBe('00');
    for (const value of ['+', '9,', '12345678901', 'abc']) {
      expect(issueFor(settingPath('reqDialingOptions', 'reqOutsidePrefix'), value).code).toBe('INVALID_SETTING');
    }
  });

  it('refuses a Classic-only call center, since Dialtone needs Lightning', () => {
    const issue = issueFor('/reqGeneralInfo/reqSalesforceCompatibilityMode', 'Classic');
    expect(issue.message).toContain('Dialtone runs only in Lightning Experience');
    expect(configWith({ '/reqGeneralInfo/reqSalesforceCompatibilityMode': 'Classic_and_Lightning' }).general.compatibilityMode).toBe('Classic_and_Lightning');
  });

  it('refuses a display name with control characters and an internal name with punctuation', () => {
    expect(issueFor('/reqGeneralInfo/reqDisplayName', 'Dial\u0007tone').code).toBe('INVALID_SETTING');
    expect(issueFor('/reqGeneralInfo/reqInternalName', 'Dialtone-CTI').code).toBe('INVALID_SETTING');
  });
});

describe('hostile values', () => {
  it('keeps <script> in a display name as plain text', () => {
    expect(configWith({ '/reqGeneralInfo/reqDisplayName': '<script>alert(1)</script>' }).general.displayName).toBe('<script>alert(1)</script>');
  });

  it('refuses a value longer than 10000 characters before parsing it, quoting only its start', () => {
    const value = '1=Descanso|'.repeat(910).slice(0, 10_001);
    const issue = issueFor(settingPath('dialtoneAgent', 'breakTypes'), value);
    expect(issue.message).toContain('10001 characters');
    expect(issue.message.length).toBeLessThan(1000);
    expect(issue.received).toBe(value);
  });

  it('quotes a long label shortened in the message but whole in the issue', () => {
    const label = 'L'.repeat(900);
    const issue = issuesOf(settingsWith({ [`${SIP_DOMAIN}/label`]: label, [SIP_DOMAIN]: 'bad domain' }))[0]!;
    expect(issue.label).toBe(label);
    expect(issue.message).not.toContain(label);
  });

  it('finds the labels of reqInternalName and reqDisplayName where Salesforce files them', () => {
    expect(issueFor('/reqGeneralInfo/reqInternalName', 'Dialtone-CTI').label).toBe('Internal Name');
    expect(issueFor('/reqGeneralInfo/reqDisplayName', 'Dial\u0007tone').label).toBe('Display Name');
  });

  it('leaves the label out when the map has none', () => {
    expect(issuesOf(settingsWith({ [`${SIP_DOMAIN}/label`]: undefined, [SIP_DOMAIN]: 'bad domain' }))[0]!.label).toBeUndefined();
  });

  it('never leaks a TURN password that holds an unencoded @', () => {
    const issue = issueFor(settingPath('neotelConnection', 'iceServers'), 'turn:agent:p@ss@bad_host');
    expect(issue.received).toBe('turn:***@bad_host');
    expect(JSON.stringify(issue)).not.toContain('ss@');
  });

  it('reads numbers or booleans that slipped into the map as their text, and other junk as missing', () => {
    const settings = { ...realSettings(), '/reqGeneralInfo/reqSoftphoneHeight': 600, [settingPath('neotelConfigOptions', 'saveActivityLog')]: false } as unknown as SettingsMap;
    const config = configFromSettings(settings);
    expect(config.general.softphoneHeight).toBe(600);
    expect(config.crm.saveActivityLog).toBe(false);
    const junk = { ...realSettings(), [SIP_DOMAIN]: { host: 'x' } } as unknown as SettingsMap;
    expect(summary(issuesOf(junk))).toEqual([{ code: 'MISSING_SETTING', path: SIP_DOMAIN }]);
  });

  it('reports the required settings as missing, without crashing, when the map is not an object', () => {
    for (const notAMap of [null, undefined, 'settings', 42]) {
      const issues = issuesOf(notAMap as unknown as SettingsMap);
      expect(issues.every((issue) => issue.code === 'MISSING_SETTING')).toBe(true);
      expect(issues.map((issue) => issue.path)).toContain(SIP_DOMAIN);
    }
  });

  it('never puts TURN passwords in the issue or its message', () => {
    const value = 'turn:agent:s3cr3t@turn.example.com:3478|turn:other:hunter2@-bad-';
    const issue = issueFor(settingPath('neotelConnection', 'iceServers'), value);
    expect(issue.received).toBe('turn:***@turn.example.com:3478|turn:***@-bad-');
    expect(JSON.stringify(issue)).not.toMatch(/s3cr3t|hunter2/u);
  });
});

describe('rules across settings', () => {
  it('refuses compulsory categorisation without categories when contacts cannot be released uncategorised', () => {
    const issues = issuesOf(
      settingsWith({
        [settingPath('dialtoneCalls', 'categories')]: '',
        [settingPath('neotelConfigOptions', 'allowContactRelease')]: 'false',
      }),
    );
    expect(summary(issues)).toEqual([{ code: 'MISSING_SETTING', path: '/dialtoneCalls/categories' }]);
    expect(issues[0]!.expected).toContain('allowContactRelease is false');
    expect(configWith({ [settingPath('dialtoneCalls', 'categories')]: '' }).categories).toEqual([]);
  });
});

describe('reporting', () => {
  it('collects every problem of the map at once, in the order of the settings', () => {
    const settings = settingsWith({
      [NEOAPI_URL]: undefined,
      [SIP_WS_URL]: 'ws://pbx.example.com/ws',
      [settingPath('neotelConnection', 'positionPollIntervalMs')]: '10',
      [settingPath('neotelConfigOptions', 'allowCategorization')]: 'yes',
      [settingPath('dialtoneAgent', 'breakTypes')]: 'Descanso',
      [settingPath('dialtoneSupervisor', 'supervisorUserIds')]: '1148|1148',
    });
    expect(summary(issuesOf(settings))).toEqual([
      { code: 'MISSING_SETTING', path: '/neotelConnection/neoApiUrl' },
      { code: 'INVALID_SETTING', path: '/neotelConnection/positionPollIntervalMs' },
      { code: 'INVALID_SETTING', path: '/neotelConnection/sipWebSocketUrl' },
      { code: 'INVALID_SETTING', path: '/neotelConfigOptions/allowCategorization' },
      { code: 'INVALID_SETTING', path: '/dialtoneAgent/breakTypes' },
      { code: 'INVALID_SETTING', path: '/dialtoneSupervisor/supervisorUserIds' },
    ]);
  });

  it('gives each issue its path, label, raw value, expectation and a full message', () => {
    const issue = issueFor(SIP_WS_URL, ' ws://pbx.example.com/ws ');
    expect(issue).toEqual({
      code: 'INVALID_SETTING',
      path: '/neotelConnection/sipWebSocketUrl',
      label: realSettings()['/neotelConnection/sipWebSocketUrl/label'],
      received: ' ws://pbx.example.com/ws ',
      expected: 'an absolute wss:// URL such as wss://neotel.example.com:8089/ws (ws:// only for localhost or 127.0.0.1 during development)',
      message: expect.stringMatching(
        /^Setting \/neotelConnection\/sipWebSocketUrl \("SIP WebSocket URL \(required\).*…"\) is invalid: ws:\/\/ is only allowed for loopback hosts, not pbx\.example\.com\. Received " ws:\/\/pbx\.example\.com\/ws "; expected an absolute wss:\/\/ URL/u,
      ) as unknown,
    });
  });

  it('throws a ConfigError carrying all issues from configFromSettings', () => {
    let caught: unknown;
    try {
      configFromSettings(settingsWith({ [NEOAPI_URL]: '', [SIP_DOMAIN]: 'sip:x' }));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.name).toBe('ConfigError');
    expect(error.code).toBe('MISSING_SETTING');
    expect(summary(error.issues)).toEqual([
      { code: 'MISSING_SETTING', path: NEOAPI_URL },
      { code: 'INVALID_SETTING', path: SIP_DOMAIN },
    ]);
    expect(error.message.split('\n')).toHaveLength(3);
  });

  it('uses the lone issue message as the error message when there is one problem', () => {
    expect(() => configFromSettings(settingsWith({ [SIP_DOMAIN]: undefined }))).toThrow(/^Setting \/neotelConnection\/sipDomain .* is missing or empty\./u);
  });
});
