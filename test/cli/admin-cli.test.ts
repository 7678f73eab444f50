/** The pure parts of dialtone-admin: arguments, the call-center metadata, the deploy zip's line map, redaction. */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseArgs, setPairs } from '../../cli/admin/args.ts';
import { callCenterMetadata, readDefinition, resolveValues, settingsFromMetadata } from '../../cli/admin/call-center.ts';
import { AdminError, explain } from '../../cli/admin/errors.ts';
import { Output } from '../../cli/admin/output.ts';
import { addApexPackage, emptyPackage, sourceOf, zipPackage } from '../../cli/admin/package-zip.ts';
import { XMLParser } from 'fast-xml-parser';

describe('arguments', () => {
  it('collects repeatable flags and refuses unknown ones with the command named', () => {
    const p = parseArgs(['deploy', '--set', 'sipDomain=a', '--set=neoApiUrl=https://x/y.asmx', '--dry-run', '--json']);
    expect(setPairs(p)).toEqual({ sipDomain: 'a', neoApiUrl: 'https://x/y.asmx' });
    expect(p.json).toBe(true);
    expect(() => parseArgs(['users', '--dry-run'])).toThrow(/Unknown option --dry-run for users/);
    expect(() => setPairs(parseArgs(['deploy', '--set', 'novalue']))).toThrow(/--set expects item=value .*"novalue"/);
  });
});

describe('call center', () => {
  const settings = readDefinition('callcenter-definition.xml');

  it('places item=value in its section and refuses unknown items', () => {
    expect(resolveValues(settings, { sipDomain: 'pbx.acme.com' }, 'x.xml')).toEqual({ '/neotelConnection/sipDomain': 'pbx.acme.com' });
    expect(() => resolveValues(settings, { nope: '1' }, 'x.xml')).toThrow(/cannot place "nope": no item of that name/);
  });

  it('becomes CallCenter metadata that reads back as the same settings', () => {
    const values = { ...settings, '/neotelConnection/sipDomain': 'pbx.acme.com & co' };
    const { fullName, xml } = callCenterMetadata(values);
    expect(fullName).toBe('DialtoneCTI');
    const parsed = new XMLParser({ isArray: (n) => n === 'sections' || n === 'items', parseTagValue: false }).parse(xml) as { CallCenter: Parameters<typeof settingsFromMetadata>[0] };
    const back = settingsFromMetadata({ ...parsed.CallCenter, fullName });
    for (const [key, value] of Object.entries(values)) {
      if (key.split('/').length === 3 && !key.endsWith('/label') && !key.endsWith('/sortOrder') && key !== '/label' ) expect(back[key] ?? '', key).toBe(value);
    }
  });
});

describe('deploy zip', () => {
  it('merges each object\'s fields into one .object and maps its lines back to the source files', () => {
    const pkg = emptyPackage();
    addApexPackage(pkg, 'apex', process.cwd());
    const files = unzipSync(zipPackage(pkg));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['package.xml', 'classes/NeotelDataRetrieval.cls', 'objects/Contact.object', 'permissionsets/Dialtone_Softphone.permissionset']));
    expect(strFromU8(files['package.xml']!)).toContain('<members>Contact.neoSyncId__c</members>');
    const contact = strFromU8(files['objects/Contact.object']!).split('\n');
    const line = contact.findIndex((l) => l.includes('<fullName>neoSyncId__c</fullName>')) + 1;
    expect(sourceOf(pkg, 'objects/Contact.object', line)).toBe('apex/force-app/main/default/objects/Contact/fields/neoSyncId__c.field-meta.xml:3');
    expect(pkg.testClasses.sort()).toEqual(['DialtoneTaskLogTest', 'NeotelDataRetrievalTest']);
  });
});

describe('output', () => {
  it('blanks every registered secret from every line, and from --json documents', () => {
    const out: string[] = [];
    const o = new Output(true, (t) => out.push(t), (t) => out.push(t), false);
    o.secret('00D000000000001!AQsecretsecret');
    o.info('token 00D000000000001!AQsecretsecret leaked?');
    o.result({ error: 'x 00D000000000001!AQsecretsecret' });
    expect(out.join('')).not.toContain('AQsecretsecret');
    expect(out.join('')).toContain('[redacted]');
  });

  it('maps Salesforce fault codes to what happened and the fix', () => {
    const e = explain({ errorCode: 'sf:INVALID_SESSION_ID', message: 'INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session' }, 'Deploying to acme');
    expect(e).toBeInstanceOf(AdminError);
    expect(e.code).toBe('INVALID_SESSION_ID');
    expect(e.message).toMatch(/^Deploying to acme: Salesforce refused the session/);
    expect(e.fix).toMatch(/auth web/);
    expect(e.exitCode).toBe(1);
  });
});
