import { describe, expect, it } from 'vitest';
import { settingsFromCallCenterXml, validateCallCenterXml } from '../../src/config/call-center-xml.ts';
import { ConfigError, type ConfigIssue } from '../../src/config/config-error.ts';
import { SETTING_ITEMS } from '../../src/config/settings-map.ts';
import { MAX_XML_LENGTH } from '../../src/config/xml-document.ts';
import { REAL_XML, callCenter, fixture, generalInfo, section, summary } from './support.ts';

function errorsOf(xml: string): readonly ConfigIssue[] {
  const result = validateCallCenterXml(xml);
  if (result.ok) throw new Error('expected the definition to be refused');
  return result.errors;
}

function onlyError(xml: string): ConfigIssue {
  const errors = errorsOf(xml);
  expect(errors).toHaveLength(1);
  return errors[0]!;
}

describe('the real callcenter-definition.xml', () => {
  const settings = settingsFromCallCenterXml(REAL_XML);

  it('files reqInternalName and reqDisplayName under their value key only, with their labels on the call center', () => {
    expect(settings['/reqGeneralInfo/reqInternalName']).toBe('DialtoneCTI');
    expect(settings['/reqGeneralInfo/reqDisplayName']).toBe('Dialtone');
    expect(settings['/label']).toBe('Dialtone');
    expect(settings['/internalNameLabel']).toBe('Internal Name');
    expect(settings['/displayNameLabel']).toBe('Display Name');
    for (const key of ['/reqGeneralInfo/reqInternalName/label', '/reqGeneralInfo/reqInternalName/sortOrder', '/reqGeneralInfo/reqDisplayName/sortOrder']) {
      expect(settings).not.toHaveProperty([key]);
    }
  });

  it('gives sections and items their label and a decimal sortOrder such as "2.0"', () => {
    expect(settings['/reqGeneralInfo/sortOrder']).toBe('0.0');
    expect(settings['/reqGeneralInfo/label']).toBe('General Information');
    expect(settings['/neotelConnection/sortOrder']).toBe('2.0');
    expect(settings['/neotelConfigOptions/label']).toBe('Opciones (Neotel connector options)');
    expect(settings['/reqGeneralInfo/reqAdapterUrl/sortOrder']).toBe('2.0');
    expect(settings['/neotelConfigOptions/campaignEntityName/sortOrder']).toBe('10.0');
    expect(settings['/reqGeneralInfo/reqSoftphoneHeight/label']).toMatch(/^Softphone Height in pixels, 240 to 2560/u);
  });

  it('carries every value as the exact string typed, empty items as ""', () => {
    expect(settings['/reqGeneralInfo/reqSalesforceCompatibilityMode']).toBe('Lightning');
    expect(settings['/reqGeneralInfo/reqSoftphoneHeight']).toBe('560');
    expect(settings['/neotelConnection/neoApiUrl']).toBe('https://neotel.example.com/neoapi/webservice.asmx');
    expect(settings['/neotelConfigOptions/defaultNewRowData']).toBe('neoContactId__c-contactId|neoBaseId__c-contactBaseId|neoCrmId__c-crmId|Phone-phoneNumber|');
    expect(settings['/reqDialingOptions/reqOutsidePrefix']).toBe('');
    expect(settings['/neotelConnection/iceServers']).toBe('');
  });

  it('has exactly the keys Salesforce would send: three for the call center, two per section, three per item', () => {
    const sections = Object.values(SETTING_ITEMS);
    const expected = 3 + sections.reduce((sum, items) => sum + 2 + 3 * items.length, 0) - 4;
    expect(Object.keys(settings)).toHaveLength(expected);
    expect(Object.values(settings).every((value) => typeof value === 'string')).toBe(true);
    expect(Object.isFrozen(settings)).toBe(true);
  });
});

describe('the flattened map', () => {
  it('matches the getCallCenterSettings sample in Salesforce documentation for the same definition', () => {
    const xml = callCenter(
      section(
        'reqGeneralInfo',
        [
          { name: 'reqInternalName', value: 'OpenCTI', label: 'InternalName' },
          { name: 'reqDisplayName', value: 'Demo Call Center Adapter', label: 'Display Name' },
          { name: 'reqAdapterUrl', value: '/apex/ContactCenter', label: 'CTI Adapter URL' },
          { name: 'reqStandbyUrl', value: '/apex/ContactCenter', label: 'CTI Adapter URL2' },
          { name: 'reqTimeout', value: '10000', label: 'Timeout' },
          { name: 'reqUseApi', value: 'true', label: 'Use CTI API' },
          { name: 'reqSoftphoneHeight', value: '550', label: 'Softphone Height' },
          { name: 'reqSoftphoneWidth', value: '400', label: 'Softphone Width' },
          { name: 'reqSalesforceCompatibilityMode', value: 'Classic_and_Lightning', label: 'Salesforce Compatibility Mode' },
        ],
        '0',
        'General Information',
      ),
      section(
        'reqDialingOptions',
        [
          { name: 'reqOutsidePrefix', value: '9', label: 'Outside Prefix' },
          { name: 'reqLongDistPrefix', value: '1', label: 'Long Distance Prefix' },
          { name: 'reqInternationalPrefix', value: '01', label: 'International Prefix' },
        ],
        '1',
        'Dialing Options',
      ),
    );
    expect(settingsFromCallCenterXml(xml)).toEqual({
      '/displayNameLabel': 'Display Name',
      '/internalNameLabel': 'InternalName',
      '/label': 'Demo Call Center Adapter',
      '/reqDialingOptions/label': 'Dialing Options',
      '/reqDialingOptions/reqInternationalPrefix': '01',
      '/reqDialingOptions/reqInternationalPrefix/label': 'International Prefix',
      '/reqDialingOptions/reqInternationalPrefix/sortOrder': '2.0',
      '/reqDialingOptions/reqLongDistPrefix': '1',
      '/reqDialingOptions/reqLongDistPrefix/label': 'Long Distance Prefix',
      '/reqDialingOptions/reqLongDistPrefix/sortOrder': '1.0',
      '/reqDialingOptions/reqOutsidePrefix': '9',
      '/reqDialingOptions/reqOutsidePrefix/label': 'Outside Prefix',
      '/reqDialingOptions/reqOutsidePrefix/sortOrder': '0.0',
      '/reqDialingOptions/sortOrder': '1.0',
      '/reqGeneralInfo/label': 'General Information',
      '/reqGeneralInfo/reqAdapterUrl': '/apex/ContactCenter',
      '/reqGeneralInfo/reqAdapterUrl/label': 'CTI Adapter URL',
      '/reqGeneralInfo/reqAdapterUrl/sortOrder': '2.0',
      '/reqGeneralInfo/reqDisplayName': 'Demo Call Center Adapter',
      '/reqGeneralInfo/reqInternalName': 'OpenCTI',
      '/reqGeneralInfo/reqSalesforceCompatibilityMode': 'Classic_and_Lightning',
      '/reqGeneralInfo/reqSalesforceCompatibilityMode/label': 'Salesforce Compatibility Mode',
      '/reqGeneralInfo/reqSalesforceCompatibilityMode/sortOrder': '8.0',
      '/reqGeneralInfo/reqSoftphoneHeight': '550',
      '/reqGeneralInfo/reqSoftphoneHeight/label': 'Softphone Height',
      '/reqGeneralInfo/reqSoftphoneHeight/sortOrder': '6.0',
      '/reqGeneralInfo/reqSoftphoneWidth': '400',
      '/reqGeneralInfo/reqSoftphoneWidth/label': 'Softphone Width',
      '/reqGeneralInfo/reqSoftphoneWidth/sortOrder': '7.0',
      '/reqGeneralInfo/reqStandbyUrl': '/apex/ContactCenter',
      '/reqGeneralInfo/reqStandbyUrl/label': 'CTI Adapter URL2',
      '/reqGeneralInfo/reqStandbyUrl/sortOrder': '3.0',
      '/reqGeneralInfo/reqTimeout': '10000',
      '/reqGeneralInfo/reqTimeout/label': 'Timeout',
      '/reqGeneralInfo/reqTimeout/sortOrder': '4.0',
      '/reqGeneralInfo/reqUseApi': 'true',
      '/reqGeneralInfo/reqUseApi/label': 'Use CTI API',
      '/reqGeneralInfo/reqUseApi/sortOrder': '5.0',
      '/reqGeneralInfo/sortOrder': '0.0',
    });
  });

  it('omits the label keys of sections and items that have no label attribute', () => {
    const settings = settingsFromCallCenterXml(callCenter(generalInfo(), section('extras', [{ name: 'plain', value: 'x', label: '' }], '1', '')));
    expect(settings['/extras/plain']).toBe('x');
    expect(settings['/extras/plain/sortOrder']).toBe('0.0');
    expect(settings).not.toHaveProperty(['/extras/plain/label']);
  });

  it('trims the white space around item values but keeps the text inside', () => {
    const settings = settingsFromCallCenterXml(callCenter(generalInfo(), section('extras', [{ name: 'spaced', value: '\n   a  b \t\n' }], '1')));
    expect(settings['/extras/spaced']).toBe('a  b');
  });

  it('keeps <script> in labels and values as inert text, from entities, character references and CDATA alike', () => {
    const settings = settingsFromCallCenterXml(fixture('hostile-values.xml'));
    expect(settings['/reqGeneralInfo/label']).toBe("<script>alert('section')</script>");
    expect(settings['/reqGeneralInfo/reqDisplayName']).toBe('<script>alert("name")</script>');
    expect(settings['/displayNameLabel']).toBe('<img src=x onerror=alert(1)>');
    expect(settings['/neotelConnection/nationalIdIvrKey/label']).toBe('<b>IVR key</b>');
    expect(settings['/neotelConnection/nationalIdIvrKey']).toBe("<script>alert('cdata')</script>");
  });

  it("reads Neotel's own published definition, which must stay importable", () => {
    const settings = settingsFromCallCenterXml(fixture('neotel-seed.xml'));
    expect(settings['/neotelConfigOptions/automaticContactRelease']).toBe('-1');
    expect(settings['/neotelConfigOptions/searchTypePriority']).toBe('');
    expect(settings['/internalNameLabel']).toBe('InternalName');
  });
});

describe('XML syntax errors', () => {
  it('report the line and column of an unclosed element', () => {
    const issue = onlyError(fixture('unclosed-item.xml'));
    expect(issue).toMatchObject({ code: 'XML_SYNTAX', path: '/', line: 5, column: 3, received: '</section>' });
    expect(issue.message).toContain('line 5, column 3');
    expect(issue.message).toContain("Expected closing tag 'item'");
  });

  it('report an undefined entity or a bare "&" where it stands', () => {
    const entity = onlyError(callCenter(generalInfo([{ name: 'reqDisplayName', value: 'Dial&nbsp;tone' }])));
    expect(entity).toMatchObject({ code: 'XML_SYNTAX', line: 4 });
    expect(entity.message).toContain('"&nbsp;"');
    const bare = onlyError(callCenter(generalInfo([{ name: 'reqDisplayName', value: 'Salt & Pepper' }])));
    expect(bare).toMatchObject({ code: 'XML_SYNTAX', line: 4, column: 75 });
  });

  it('does not let &constructor; resolve to a JavaScript object member', () => {
    expect(onlyError(callCenter(generalInfo([{ name: 'reqDisplayName', value: '&constructor;' }]))).code).toBe('XML_SYNTAX');
  });

  it('refuses a character reference to a character XML forbids', () => {
    expect(onlyError(callCenter(generalInfo([{ name: 'reqDisplayName', value: 'a&#0;b' }]))).code).toBe('XML_SYNTAX');
  });

  it('refuses a second root element, pointing at it', () => {
    expect(onlyError(`${callCenter(generalInfo())}<callCenter/>`)).toMatchObject({ code: 'XML_SYNTAX', line: 12, column: 1, received: '<callCenter>' });
  });

  it('refuses empty input, text outside the root and plain text', () => {
    expect(onlyError('').code).toBe('XML_SYNTAX');
    expect(onlyError('   \n').code).toBe('XML_SYNTAX');
    expect(onlyError(`${callCenter(generalInfo())}trailing words`)).toMatchObject({ code: 'XML_SYNTAX', received: 'trailing words' });
    expect(onlyError('DialtoneCTI').code).toBe('XML_SYNTAX');
  });

  it('refuses a DOCTYPE so entity expansion ("billion laughs") can never run', () => {
    const xml = '<!DOCTYPE callCenter [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>\n<callCenter>&b;</callCenter>';
    const errors = errorsOf(xml);
    expect(errors[0]).toMatchObject({ code: 'XML_STRUCTURE', line: 1, column: 1 });
    expect(errors.some((issue) => issue.message.includes('"&b;"'))).toBe(true);
  });

  it('refuses input over the size limit without parsing it', () => {
    const huge = callCenter(generalInfo([{ name: 'reqDisplayName', value: 'x'.repeat(MAX_XML_LENGTH) }]));
    const started = performance.now();
    expect(onlyError(huge).message).toContain('more than the 1000000 allowed');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses deeply nested elements without overflowing the stack', () => {
    const deep = `<callCenter>${'<x>'.repeat(5000)}${'</x>'.repeat(5000)}</callCenter>`;
    expect(onlyError(deep).code).toBe('XML_STRUCTURE');
  });

  it('counts lines of a CRLF file with a byte-order mark the way an editor does', () => {
    expect(onlyError(fixture('crlf-bom-width-out-of-range.xml'))).toMatchObject({ path: '/reqGeneralInfo/reqSoftphoneWidth', line: 8, column: 5, received: '9999' });
  });
});

describe('the definition rules Salesforce enforces on import', () => {
  it('refuses a root other than <callCenter>, such as a Metadata API CallCenter file', () => {
    const issue = onlyError(fixture('wrong-root.xml'));
    expect(issue).toMatchObject({ code: 'XML_STRUCTURE', path: '/', received: '<CallCenter>', line: 2, column: 1 });
    expect(issue.expected).toBe('the root element <callCenter>');
  });

  it('refuses section sortOrders with gaps, naming the missing numbers', () => {
    const issue = onlyError(callCenter(generalInfo(), section('extras', [{ name: 'a' }], '2')));
    expect(issue).toMatchObject({ code: 'XML_STRUCTURE', path: '/', received: '0, 2' });
    expect(issue.message).toContain('1 missing');
  });

  it('refuses item sortOrders with gaps or repeats inside a section', () => {
    const gap = onlyError(callCenter(generalInfo(), section('extras', [{ name: 'a' }, { name: 'b', sortOrder: '5' }], '1')));
    expect(gap).toMatchObject({ path: '/extras', received: '0, 5' });
    const repeat = errorsOf(callCenter(generalInfo(), section('extras', [{ name: 'a' }, { name: 'b', sortOrder: '0' }], '1')));
    expect(summary(repeat)).toContainEqual({ code: 'XML_STRUCTURE', path: '/extras/b' });
    expect(repeat[0]!.message).toContain('repeats sortOrder 0');
  });

  it.each(['one', '-1', '1.5', ' 1', ''])('refuses the sortOrder %j', (sortOrder) => {
    const issue = errorsOf(callCenter(generalInfo(), section('extras', [{ name: 'a', sortOrder }], '1')))[0]!;
    expect(issue).toMatchObject({ code: 'XML_STRUCTURE', path: '/extras/a', received: sortOrder });
  });

  it('refuses a section or item without sortOrder or name', () => {
    const errors = errorsOf(callCenter(generalInfo(), '  <section name="extras"><item sortOrder="0">x</item></section>'));
    expect(errors.map((issue) => issue.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('has no sortOrder attribute'), expect.stringContaining('has no name attribute')]),
    );
  });

  it.each([
    ['a name longer than 40 characters', 'a'.repeat(41)],
    ['a dash', 'sip-domain'],
    ['a space', 'sip domain'],
    ['an underscore', 'sip_domain'],
    ['an accented letter', 'dominioSIPé'],
    ['markup', '&lt;b&gt;'],
    ['a leading space', ' sipDomain'],
  ])('refuses an item name with %s', (_, name) => {
    const issue = onlyError(callCenter(generalInfo(), section('extras', [{ name }], '1')));
    expect(issue.code).toBe('XML_STRUCTURE');
    expect(issue.expected).toBe('1 to 40 letters and digits (no spaces or punctuation)');
  });

  it('accepts a name of exactly 40 letters and digits', () => {
    expect(validateCallCenterXml(callCenter(generalInfo(), section('extras', [{ name: 'a1'.repeat(20) }], '1'))).ok).toBe(true);
  });

  it.each(['label', 'sortOrder', 'internalNameLabel', 'displayNameLabel'])('refuses the reserved name %s', (name) => {
    expect(onlyError(callCenter(generalInfo(), section('extras', [{ name }], '1'))).message).toContain('reserves');
  });

  it('refuses a custom section whose name starts with req, as the demo adapter\'s reqPhoneDemoSettings', () => {
    const issue = onlyError(callCenter(generalInfo(), section('reqPhoneDemoSettings', [{ name: 'provider', value: 'x' }], '1')));
    expect(issue).toMatchObject({ code: 'XML_STRUCTURE', path: '/reqPhoneDemoSettings', received: 'reqPhoneDemoSettings' });
  });

  it('refuses req items Salesforce does not define, or defines for another section', () => {
    const errors = errorsOf(callCenter(generalInfo([{ name: 'reqOutsidePrefix', value: '9' }]), section('extras', [{ name: 'requestTimeout' }], '1')));
    expect(summary(errors)).toEqual([
      { code: 'XML_STRUCTURE', path: '/reqGeneralInfo/reqOutsidePrefix' },
      { code: 'XML_STRUCTURE', path: '/extras/requestTimeout' },
    ]);
  });

  it('accepts custom items inside reqGeneralInfo and the optional Salesforce items', () => {
    const xml = callCenter(
      generalInfo([
        { name: 'vendorNote', value: 'x' },
        { name: 'reqStandbyUrl', value: 'https://backup.example.com/softphone/' },
        { name: 'reqTimeout', value: '10000' },
      ]),
    );
    expect(validateCallCenterXml(xml).ok).toBe(true);
  });

  it('refuses duplicate section names and duplicate item names in a section, not across sections', () => {
    const errors = errorsOf(
      callCenter(generalInfo(), section('extras', [{ name: 'a' }, { name: 'a' }], '1'), section('extras', [{ name: 'b' }], '2'), section('more', [{ name: 'a' }], '3')),
    );
    expect(summary(errors)).toEqual([
      { code: 'XML_STRUCTURE', path: '/extras/a' },
      { code: 'XML_STRUCTURE', path: '/extras' },
    ]);
  });

  it('refuses unknown attributes such as a mis-cased sortorder', () => {
    const errors = errorsOf(callCenter(generalInfo(), '  <section sortOrder="1" name="extras"><item sortorder="0" name="a">x</item></section>'));
    expect(errors.map((issue) => issue.received)).toEqual(['sortorder', undefined]);
  });

  it('accepts labels up to 1000 characters and refuses longer ones', () => {
    expect(validateCallCenterXml(callCenter(generalInfo(), section('extras', [{ name: 'a', label: 'é'.repeat(1000) }], '1'))).ok).toBe(true);
    const issue = onlyError(callCenter(generalInfo(), section('extras', [{ name: 'a', label: 'é'.repeat(1001) }], '1')));
    expect(issue.message).toContain('1001 characters');
  });

  it('refuses elements other than section and item, markup inside an item and stray text', () => {
    const errors = errorsOf(
      callCenter(generalInfo(), '  <item sortOrder="0" name="lost">x</item>', '  <section sortOrder="1" name="extras">loose text<item sortOrder="0" name="a"><b>bold</b></item></section>'),
    );
    expect(errors.map((issue) => issue.received)).toEqual(['<item>', 'loose text', '<b>']);
  });

  it('refuses an empty call center and a section without items', () => {
    expect(errorsOf('<callCenter></callCenter>').map((issue) => issue.message)).toEqual([
      expect.stringContaining('has no <section>'),
      expect.stringContaining('has no reqGeneralInfo section'),
    ]);
    expect(onlyError(callCenter(generalInfo(), '  <section sortOrder="1" name="extras"></section>')).message).toContain('has no <item>');
  });

  it('does not crash on names that are Object.prototype members', () => {
    const errors = errorsOf(callCenter(generalInfo([{ name: 'constructor', value: 'x' }]), section('toString', [{ name: 'reqValueOf' }], '1')));
    expect(summary(errors)).toEqual([{ code: 'XML_STRUCTURE', path: '/toString/reqValueOf' }]);
  });
});

describe('the reqGeneralInfo rules', () => {
  it('requires reqGeneralInfo, first', () => {
    expect(onlyError(callCenter(section('extras', [{ name: 'a' }], '0'))).message).toContain('has no reqGeneralInfo section');
    const errors = errorsOf(callCenter(section('extras', [{ name: 'a' }], '0'), generalInfo([], '1')));
    expect(errors[0]).toMatchObject({ path: '/reqGeneralInfo', received: '1' });
  });

  it('requires each item Salesforce requires, naming the missing one', () => {
    const xml = callCenter(generalInfo()).replace(/\s*<item[^>]*name="reqUseApi"[^>]*>true<\/item>/u, '').replace(/sortOrder="(\d)" name="reqSoftphone(Height|Width)"/gu, (_, n: string, which: string) => `sortOrder="${Number(n) - 1}" name="reqSoftphone${which}"`).replace('sortOrder="6" name="reqSalesforce', 'sortOrder="5" name="reqSalesforce');
    expect(onlyError(xml)).toMatchObject({ path: '/reqGeneralInfo', expected: expect.stringContaining('<item name="reqUseApi">') });
  });

  it.each([
    ['is empty', ''],
    ['starts with a digit', '1Dialtone'],
    ['has an underscore', 'Dialtone_CTI'],
    ['is 41 characters long', `D${'x'.repeat(40)}`],
  ])('refuses a reqInternalName that %s', (_, value) => {
    expect(onlyError(callCenter(generalInfo([{ name: 'reqInternalName', value }])))).toMatchObject({ path: '/reqGeneralInfo/reqInternalName', received: value });
  });

  it('refuses moving reqInternalName or reqDisplayName from their fixed sortOrder', () => {
    const xml = callCenter(generalInfo([{ name: 'reqInternalName', value: 'DialtoneCTI', sortOrder: '1' }, { name: 'reqDisplayName', value: 'Dialtone', sortOrder: '0' }]));
    expect(summary(errorsOf(xml))).toEqual([
      { code: 'XML_STRUCTURE', path: '/reqGeneralInfo/reqInternalName' },
      { code: 'XML_STRUCTURE', path: '/reqGeneralInfo/reqDisplayName' },
    ]);
  });

  it.each([
    ['http:// (Lightning needs https)', 'http://neotel.example.com/softphone/'],
    ['javascript:', 'javascript:alert(1)'],
    ['a relative path that is not Visualforce', 'softphone/index.html'],
    ['an URL with spaces', 'https://neotel.example.com/soft phone/'],
  ])('refuses a Lightning adapter URL that is %s', (_, value) => {
    expect(onlyError(callCenter(generalInfo([{ name: 'reqAdapterUrl', value }])))).toMatchObject({ path: '/reqGeneralInfo/reqAdapterUrl', received: value });
  });

  it('accepts a Visualforce path and an empty adapter URL (filled in Setup after import)', () => {
    expect(validateCallCenterXml(callCenter(generalInfo([{ name: 'reqAdapterUrl', value: '/apex/Softphone' }]))).ok).toBe(true);
    expect(validateCallCenterXml(callCenter(generalInfo([{ name: 'reqAdapterUrl', value: '' }]))).ok).toBe(true);
  });

  it('accepts http:// and any size for a Classic-only call center, as Salesforce does', () => {
    const xml = callCenter(
      generalInfo([
        { name: 'reqSalesforceCompatibilityMode', value: 'Classic' },
        { name: 'reqAdapterUrl', value: 'http://localhost:11000' },
        { name: 'reqSoftphoneWidth', value: '100' },
        { name: 'reqUseApi', value: 'false' },
      ]),
    );
    expect(validateCallCenterXml(xml).ok).toBe(true);
  });

  it.each([
    ['reqSoftphoneHeight', '239'],
    ['reqSoftphoneHeight', '2561'],
    ['reqSoftphoneWidth', '199'],
    ['reqSoftphoneWidth', '1921'],
    ['reqSoftphoneWidth', '340px'],
  ])('refuses %s %s outside the Lightning range', (name, value) => {
    expect(onlyError(callCenter(generalInfo([{ name, value }])))).toMatchObject({ path: `/reqGeneralInfo/${name}`, received: value });
  });

  it('refuses a misspelt compatibility mode and reqUseApi false in Lightning', () => {
    expect(onlyError(callCenter(generalInfo([{ name: 'reqSalesforceCompatibilityMode', value: 'lightning' }]))).expected).toContain('Classic_and_Lightning');
    expect(onlyError(callCenter(generalInfo([{ name: 'reqUseApi', value: 'false' }]))).path).toBe('/reqGeneralInfo/reqUseApi');
  });

  it('refuses reqStandbyUrl without reqTimeout, and a reqTimeout that is not milliseconds', () => {
    expect(onlyError(callCenter(generalInfo([{ name: 'reqStandbyUrl', value: 'https://backup.example.com/' }]))).message).toContain('without reqTimeout');
    expect(
      errorsOf(callCenter(generalInfo([{ name: 'reqStandbyUrl', value: 'https://backup.example.com/' }, { name: 'reqTimeout', value: '10s' }])))[0],
    ).toMatchObject({ path: '/reqGeneralInfo/reqTimeout', received: '10s' });
  });
});

describe('reporting', () => {
  it('collects every problem of a file at once, each with path, label, value, expectation and position', () => {
    const xml = callCenter(
      generalInfo([{ name: 'reqSoftphoneHeight', value: '99', label: 'Height' }]),
      section('reqPhoneDemo', [{ name: 'a' }], '1'),
      section('extras', [{ name: 'sip-domain' }], '3'),
    );
    const errors = errorsOf(xml);
    expect(summary(errors)).toEqual([
      { code: 'XML_STRUCTURE', path: '/' },
      { code: 'XML_STRUCTURE', path: '/reqGeneralInfo/reqSoftphoneHeight' },
      { code: 'XML_STRUCTURE', path: '/reqPhoneDemo' },
      { code: 'XML_STRUCTURE', path: '/extras/sip-domain' },
    ]);
    expect(errors[0]!.message).toContain('2 missing');
    expect(errors[1]).toEqual({
      code: 'XML_STRUCTURE',
      path: '/reqGeneralInfo/reqSoftphoneHeight',
      label: 'Height',
      received: '99',
      expected: 'a whole number of pixels from 240 to 2560 (Lightning Experience limits)',
      line: 7,
      column: 5,
      message:
        'Item "reqSoftphoneHeight" of section "reqGeneralInfo" (/reqGeneralInfo/reqSoftphoneHeight, line 7, column 5) is out of range. ' +
        'Received "99"; expected a whole number of pixels from 240 to 2560 (Lightning Experience limits).',
    });
  });

  it('throws a ConfigError listing every problem from settingsFromCallCenterXml', () => {
    const xml = callCenter(generalInfo([{ name: 'reqSoftphoneHeight', value: '99' }, { name: 'reqSoftphoneWidth', value: '9' }]));
    let caught: unknown;
    try {
      settingsFromCallCenterXml(xml);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.code).toBe('XML_STRUCTURE');
    expect(error.issues).toHaveLength(2);
    expect(error.message).toMatch(/^2 problems in the call-center settings:\n- Item "reqSoftphoneHeight".*\n- Item "reqSoftphoneWidth"/u);
  });
});
