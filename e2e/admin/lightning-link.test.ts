/**
 * `npm start -- --salesforce-port N`: the call center dialtone-admin deploys to the stand-in
 * becomes the Lightning console's (what getCallCenterSettings answers the softphone).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLightning, type LightningServer } from '../../dev/lightning/server.ts';
import { followCallCenter } from '../../dev/salesforce/lightning-link.ts';
import { loginJwt, startAdminHarness, type AdminHarness } from './harness.ts';

let h: AdminHarness;
let lightning: LightningServer;

beforeAll(async () => {
  h = await startAdminHarness();
  lightning = await startLightning({ port: 0 });
  followCallCenter(h.sf.org, (settings) => lightning.emulator.callCenter.setValues(settings));
});
afterAll(async () => {
  await lightning.close();
  await h.close();
});

it('the console serves the settings the CLI deployed', async () => {
  expect(lightning.emulator.callCenter.settings['/neotelConnection/sipDomain']).toBe('neotel.example.com');
  expect((await loginJwt(h, 'ci')).status).toBe(0);
  const run = await h.cli(['deploy', '--org', 'ci', '--no-apex', ...h.values, '--set', 'searchTypePriority=Lead|Contact']);
  expect(run.status).toBe(0);
  const settings = lightning.emulator.callCenter.settings;
  expect(settings['/neotelConnection/sipDomain']).toBe('neotel.acme.example');
  expect(settings['/neotelConnection/sipWebSocketUrl']).toBe('wss://neotel.acme.example/sip');
  expect(settings['/reqGeneralInfo/reqAdapterUrl']).toBe(h.adapterUrl);
  expect(Object.values(settings)).toContain('Lead|Contact');
});
