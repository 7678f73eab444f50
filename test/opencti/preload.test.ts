/**
 * The inline preload of index.html (src/opencti/preload.ts) runs the Open CTI library and asks for
 * the call-center settings while the bundle loads; the loader and the shim take what it left, once
 * (issue 18: the settings' round trip no longer waits for the bundle to run).
 */
import { describe, expect, it } from 'vitest';
import { loadOpenCti } from '../../src/opencti/loader.ts';
import { preloadOpenCti } from '../../src/opencti/preload.ts';
import { FakeOpenCti } from './fake-opencti.ts';
import { FakePage, installs, networkError, refuses } from './fake-page.ts';
import { LIBRARY_REFUSAL } from '../../src/opencti/preloaded.ts';

const ORIGIN = 'https://acme.lightning.force.com';
const FRAMED_URL = `https://phone.example.com/sf/?mode=Lightning&sfdcIframeOrigin=${encodeURIComponent(ORIGIN)}`;
const SCRIPT_URL = `${ORIGIN}/support/api/62.0/lightning/opencti_min.js`;
const SETTINGS = { '/reqGeneralInfo/reqInternalName': 'Dialtone' };

/** Lets the preload's trust file read, gate and script run settle. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

describe('the inline Open CTI preload', () => {
  it('runs the library once and the first getCallCenterSettings takes the answer it asked for', async () => {
    const fake = new FakeOpenCti().reply('getCallCenterSettings', SETTINGS);
    const page = new FakePage({ url: FRAMED_URL, behaviour: installs(fake) });
    preloadOpenCti(page.window);
    await settle();
    // Asked before the app's bundle (the loader) ever ran.
    expect(fake.callsOf('getCallCenterSettings')).toHaveLength(1);
    const connection = await loadOpenCti({ window: page.window });
    expect(page.scripts.map((s) => s.src)).toEqual([SCRIPT_URL]);
    expect(page.fetched).toHaveLength(1);
    if (connection.mode !== 'salesforce') throw new Error(`expected a salesforce connection, got ${connection.reason}`);
    await expect(connection.api.getCallCenterSettings()).resolves.toEqual(SETTINGS);
    expect(fake.callsOf('getCallCenterSettings')).toHaveLength(1);
    // A retry asks Salesforce again: the early answer is used once.
    await expect(connection.api.getCallCenterSettings()).resolves.toEqual(SETTINGS);
    expect(fake.callsOf('getCallCenterSettings')).toHaveLength(2);
  });

  it('hands a failed answer to the shim, which reports it as any failed call', async () => {
    const fake = new FakeOpenCti();
    fake.fail('getCallCenterSettings', ['no call center']);
    const page = new FakePage({ url: FRAMED_URL, behaviour: installs(fake) });
    preloadOpenCti(page.window);
    const connection = await loadOpenCti({ window: page.window });
    if (connection.mode !== 'salesforce') throw new Error('expected a salesforce connection');
    await expect(connection.api.getCallCenterSettings()).rejects.toThrow(/getCallCenterSettings/);
    expect(fake.callsOf('getCallCenterSettings')).toHaveLength(1);
  });

  it('fetches nothing from an origin the loader refuses', async () => {
    const page = new FakePage({ url: FRAMED_URL, behaviour: installs(new FakeOpenCti()), trustFile: { json: { salesforceHosts: ['other.lightning.force.com'], devOrigins: [] } } });
    preloadOpenCti(page.window);
    const connection = await loadOpenCti({ window: page.window });
    expect(connection).toMatchObject({ mode: 'standalone', reason: 'UNTRUSTED_ORIGIN' });
    expect(page.scripts).toHaveLength(0);
  });

  it('leaves the library refusal to the loader, which reports it as before', async () => {
    const fake = new FakeOpenCti();
    const page = new FakePage({ url: FRAMED_URL, behaviour: refuses(fake, LIBRARY_REFUSAL) });
    preloadOpenCti(page.window);
    const connection = await loadOpenCti({ window: page.window });
    expect(connection).toMatchObject({ mode: 'standalone', reason: 'LIBRARY_REFUSED' });
    expect(page.scripts).toHaveLength(1);
    expect(fake.callsOf('getCallCenterSettings')).toHaveLength(0);
  });

  it('a script that failed to load is loaded afresh by a later loadOpenCti', async () => {
    const page = new FakePage({ url: FRAMED_URL, behaviour: networkError });
    preloadOpenCti(page.window);
    expect(await loadOpenCti({ window: page.window })).toMatchObject({ mode: 'standalone', reason: 'SCRIPT_LOAD_FAILED' });
    page.behaviour = installs(new FakeOpenCti());
    expect(await loadOpenCti({ window: page.window })).toMatchObject({ mode: 'salesforce' });
    expect(page.scripts).toHaveLength(2);
  });

  it('does nothing in a page that is not framed', async () => {
    const page = new FakePage({ url: FRAMED_URL, framed: false, behaviour: installs(new FakeOpenCti()) });
    preloadOpenCti(page.window);
    await settle();
    expect(page.fetched).toEqual([]);
    expect(page.scripts).toHaveLength(0);
  });
});
