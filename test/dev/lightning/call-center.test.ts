import { describe, expect, it } from 'vitest';
import { settingsFromCallCenterXml } from '../../../src/config/call-center-xml.ts';
import { CallCenter } from '../../../dev/lightning/settings/call-center.ts';
import { panelSize } from '../../../dev/lightning/state/emulator.ts';
import { REAL_XML, emulatorWithTab, respond } from './support.ts';

describe('the call center', () => {
  it('serves the repository\'s callcenter-definition.xml flattened as getCallCenterSettings returns it', () => {
    const { emulator, tab } = emulatorWithTab();
    const settings = respond(emulator, tab, 'getCallCenterSettings').returnValue as Record<string, string>;
    expect(settings).toEqual(settingsFromCallCenterXml(REAL_XML));
    expect(settings['/reqGeneralInfo/reqInternalName']).toBe('DialtoneCTI');
    expect(settings['/reqGeneralInfo/sortOrder']).toBe('0.0');
  });

  it('applies overrides on top of the import, like an admin editing values, and keeps them across re-imports', () => {
    const callCenter = new CallCenter(settingsFromCallCenterXml, { '/neotelConnection/neoApiUrl': 'http://localhost:8080/neoapi/webservice.asmx' });
    callCenter.importXml(REAL_XML, 'a.xml');
    expect(callCenter.settings['/neotelConnection/neoApiUrl']).toBe('http://localhost:8080/neoapi/webservice.asmx');
    callCenter.importXml(REAL_XML, 'b.xml');
    expect(callCenter.snapshot()).toMatchObject({ source: 'b.xml', importError: undefined, overrides: { '/neotelConnection/neoApiUrl': 'http://localhost:8080/neoapi/webservice.asmx' } });
  });

  it('refuses a broken file like Salesforce\'s import: the previous settings stay and the reason is kept', () => {
    const callCenter = new CallCenter(settingsFromCallCenterXml);
    callCenter.importXml(REAL_XML, 'good.xml');
    const before = callCenter.settings;
    expect(callCenter.importXml('<callCenter><section name="x">', 'broken.xml')).toBe(false);
    expect(callCenter.settings).toEqual(before);
    expect(callCenter.snapshot().importError).toMatch(/^Import of broken\.xml refused: /);
  });

  it('answers an empty map, without crashing, when no import ever succeeded', () => {
    const callCenter = new CallCenter(settingsFromCallCenterXml);
    expect(callCenter.importFile('/nonexistent/callcenter.xml')).toBe(false);
    expect(callCenter.settings).toEqual({});
    expect(callCenter.snapshot().importError).toMatch(/does not exist/);
  });

  it('hands the adapter bad values exactly as an admin typed them', () => {
    const { emulator, tab } = emulatorWithTab();
    emulator.callCenter.setValues({ '/neotelConnection/neoApiUrl': 'ftp://nope', '/neotelConnection/sipDomain': null });
    const settings = respond(emulator, tab, 'getCallCenterSettings').returnValue as Record<string, string>;
    expect(settings['/neotelConnection/neoApiUrl']).toBe('ftp://nope');
    expect(settings).not.toHaveProperty('/neotelConnection/sipDomain');
  });

  it('sizes the panel from reqSoftphoneHeight/Width, clamping to Lightning\'s limits and ignoring garbage', () => {
    expect(panelSize({ '/reqGeneralInfo/reqSoftphoneHeight': '560', '/reqGeneralInfo/reqSoftphoneWidth': '340' })).toEqual({ heightPX: 560, widthPX: 340 });
    expect(panelSize({ '/reqGeneralInfo/reqSoftphoneHeight': '9000', '/reqGeneralInfo/reqSoftphoneWidth': '10' })).toEqual({ heightPX: 2560, widthPX: 200 });
    expect(panelSize({ '/reqGeneralInfo/reqSoftphoneHeight': 'tall' })).toEqual({ heightPX: 400, widthPX: 300 });
  });
});
