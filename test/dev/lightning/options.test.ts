import { describe, expect, it } from 'vitest';
import { adapterFrameUrl } from '../../../dev/lightning/host/frame-url.ts';
import { allApiVersions, libraryVersionFor } from '../../../dev/lightning/library-route.ts';
import { apiVersionList, defaultAllowLocalOrigins, parseLightningArgs } from '../../../dev/lightning/options.ts';
import { viewFromPath, viewPath } from '../../../dev/lightning/views/host-view.ts';

describe('the adapter frame URL', () => {
  const origin = 'https://acme.lightning.force.com:8443';
  const encoded = 'https%3A%2F%2Facme.lightning.force.com%3A8443';

  it('appends mode and sfdcIframeOrigin with ? to a URL without a query', () => {
    expect(adapterFrameUrl('https://neotel.example.com/softphone/', origin, 'https://x/')).toBe(`https://neotel.example.com/softphone/?mode=Lightning&sfdcIframeOrigin=${encoded}`);
  });

  it('appends with & after an existing query and keeps a fragment last', () => {
    expect(adapterFrameUrl('https://n.example.com/sp/index.html?tenant=7#top', origin, 'https://x/')).toBe(`https://n.example.com/sp/index.html?tenant=7&mode=Lightning&sfdcIframeOrigin=${encoded}#top`);
  });

  it('resolves a relative (Visualforce-style) adapter URL against the console', () => {
    expect(adapterFrameUrl('/apex/Softphone', origin, `${origin}/lightning/page/home`)).toBe(`${origin}/apex/Softphone?mode=Lightning&sfdcIframeOrigin=${encoded}`);
  });
});

describe('the library route', () => {
  it('serves versions 38 to 67 and explains any other', () => {
    const served = allApiVersions();
    expect(served).toHaveLength(30);
    expect(libraryVersionFor('/support/api/57.0/lightning/opencti_min.js', served)).toBe(57);
    expect(libraryVersionFor('/support/api/38.0/lightning/opencti.js', served)).toBe(38);
    expect(libraryVersionFor('/support/api/37.0/lightning/opencti_min.js', served)).toMatchObject({ error: expect.stringContaining('37.0') as unknown });
    expect(libraryVersionFor('/support/api/62.0/lightning/opencti_min.js', [57])).toMatchObject({ error: expect.stringContaining('57.0') as unknown });
    expect(libraryVersionFor('/support/api/57.0/interaction.js', served)).toBeUndefined();
  });
});

describe('command-line options', () => {
  it('parses every flag', () => {
    expect(
      parseLightningArgs([
        '--port', '8443', '--host', 'acme.lightning.force.com', '--https', '--xml', 'cc.xml',
        '--set', '/neotelConnection/neoApiUrl=https://n.example.com/neoapi/webservice.asmx?x=1',
        '--set', '/reqGeneralInfo/reqSoftphoneHeight=600',
        '--adapter-url', '/?v=62', '--serve-adapter', 'dist', '--adapter-port', '0', '--adapter-host', 'softphone.example.test',
        '--layout', 'l.json', '--records', 'r.json', '--api-versions', '57,60-62', '--strict-origins',
      ]),
    ).toEqual({
      port: 8443,
      hostName: 'acme.lightning.force.com',
      https: true,
      callCenterXmlPath: 'cc.xml',
      settingOverrides: { '/neotelConnection/neoApiUrl': 'https://n.example.com/neoapi/webservice.asmx?x=1', '/reqGeneralInfo/reqSoftphoneHeight': '600' },
      adapterUrl: '/?v=62',
      serveAdapterDir: 'dist',
      adapterPort: 0,
      adapterHostName: 'softphone.example.test',
      layoutPath: 'l.json',
      recordsPath: 'r.json',
      apiVersions: [57, 60, 61, 62],
      allowLocalOrigins: false,
    });
  });

  it.each([
    [['--port', 'eighty'], /--port expects a port number 0-65535; received "eighty"/],
    [['--set', 'neoApiUrl'], /--set expects \/section\/item=value/],
    [['--xml'], /--xml needs a value/],
    [['--api-versions', '30-40'], /outside 38-67/],
    [['--colour'], /unknown option "--colour"/],
  ])('refuses %j with a message naming the argument', (argv, message) => {
    expect(() => parseLightningArgs(argv)).toThrow(message);
  });

  it('turns the dev origin allowance on by default only for local host names', () => {
    expect(defaultAllowLocalOrigins('localhost')).toBe(true);
    expect(defaultAllowLocalOrigins('127.0.0.1')).toBe(true);
    expect(defaultAllowLocalOrigins('acme.lightning.force.com')).toBe(false);
    expect(apiVersionList('38-40, 57')).toEqual([38, 39, 40, 57]);
  });
});

describe('console paths', () => {
  it.each([
    [{ kind: 'home' }, '/lightning/page/home'],
    [{ kind: 'record', recordId: '003Dt000HccIdlkIIC' }, '/lightning/r/Contact/003Dt000HccIdlkIIC/view'],
    [{ kind: 'objectHome', scope: 'Lead' }, '/lightning/o/Lead/home'],
    [{ kind: 'list', scope: 'Account', listViewId: 'Mine' }, '/lightning/o/Account/list?filterName=Mine'],
    [{ kind: 'search', searchString: 'maría g' }, '/lightning/search?searchInput=mar%C3%ADa%20g'],
  ] as const)('%j lives at %s and back', (view, path) => {
    expect(viewPath(view)).toBe(path);
    expect(viewFromPath(path)).toEqual(view);
  });

  it('does not recognise paths it does not render', () => {
    expect(viewFromPath('/apex/Survey')).toBeUndefined();
    expect(viewFromPath('/lightning/r/Contact/not-an-id/view')).toBeUndefined();
    expect(viewFromPath('/lightning/o/Widget__c/home')).toBeUndefined();
  });
});
