/**
 * A NeoApi server configured to answer in Latin-1 (ASP.NET `responseEncoding="iso-8859-1"`), with
 * the charset in its Content-Type or only in the XML declaration (a proxy dropped the parameter):
 * the real NeoApi client reads `José Muñoz`, never `Mu�oz`, over every binding.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NeotelControl } from '../../dev/neotel/control-client.ts';
import { startNeotel, type NeotelServer } from '../../dev/neotel/server.ts';
import { NeoApiClient } from '../../src/platforms/neotel/client.ts';
import { testScenario } from '../../test/dev/neotel/center-harness.ts';
import { FakePbx } from '../../test/dev/neotel/fake-pbx.ts';
import { assertInLoopbackNamespace } from '../support/browser.ts';

const NAME = 'José Muñoz';
let neotel: NeotelServer;
let control: NeotelControl;
const pbx = new FakePbx();

beforeAll(async () => {
  assertInLoopbackNamespace();
  neotel = await startNeotel({
    pbx,
    scenario: testScenario((scenario) => {
      const agent = scenario.users.find((user) => user.id === '1001');
      if (agent) agent.name = NAME;
    }),
  });
  control = new NeotelControl(neotel.url);
});
afterAll(async () => {
  await neotel.close();
  await pbx.close();
});
beforeEach(async () => {
  await control.reset();
  pbx.register('SIP/1001');
  expect((await control.neoApi('Login', { DEVICE: 'SIP/1001', USUARIO: '1001', CLAVE: '1234' })).status).toBe(200);
});

/** The name GetUsers gives user 1001, read by the product's own client. */
async function nameSeenByClient(binding: 'GET' | 'POST' | 'SOAP'): Promise<string | undefined> {
  const neo = new NeoApiClient({ serviceUrl: neotel.neoApiUrl, binding, timeoutMs: 10_000 });
  const users = JSON.parse(String(await neo.call('GetUsers', { USUARIO: '1001' }))) as { Id: string; Nombre: string }[];
  return users.find((user) => user.Id === '1001')?.Nombre;
}

async function rawGetUsers(): Promise<{ contentType: string | null; bytes: Uint8Array }> {
  const response = await fetch(`${neotel.neoApiUrl}/GetUsers?USUARIO=1001`);
  return { contentType: response.headers.get('content-type'), bytes: new Uint8Array(await response.arrayBuffer()) };
}

describe('NeoApi answers in Latin-1', () => {
  it('answers in UTF-8 by default, and the client reads the name', async () => {
    const { contentType, bytes } = await rawGetUsers();
    expect(contentType).toBe('text/xml; charset=utf-8');
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toContain(NAME);
    expect(await nameSeenByClient('GET')).toBe(NAME);
  });

  it('writes Latin-1 bytes with charset=iso-8859-1, and the client reads them right on every binding', async () => {
    expect(await control.setNeoApiEncoding({ encoding: 'iso-8859-1', charsetInHeader: true })).toEqual({ encoding: 'iso-8859-1', charsetInHeader: true });
    const { contentType, bytes } = await rawGetUsers();
    expect(contentType).toBe('text/xml; charset=iso-8859-1');
    expect(bytes).toContain(0xf1); // ñ as one Latin-1 byte: the bytes are not UTF-8
    expect(new TextDecoder('utf-8').decode(bytes)).toContain('Mu\uFFFDoz');
    for (const binding of ['GET', 'POST', 'SOAP'] as const) expect(await nameSeenByClient(binding), binding).toBe(NAME);
  });

  it('reads Latin-1 declared only by the XML declaration when the Content-Type has no charset', async () => {
    await control.setNeoApiEncoding({ encoding: 'iso-8859-1', charsetInHeader: false });
    const { contentType, bytes } = await rawGetUsers();
    expect(contentType).toBe('text/xml');
    expect(new TextDecoder('latin1').decode(bytes.subarray(0, 45))).toBe('<?xml version="1.0" encoding="iso-8859-1"?>\r\n');
    for (const binding of ['GET', 'SOAP'] as const) expect(await nameSeenByClient(binding), binding).toBe(NAME);
  });

  it('keeps the error code of a Latin-1 500 and goes back to UTF-8 on reset', async () => {
    await control.setNeoApiEncoding({ encoding: 'iso-8859-1' });
    const neo = new NeoApiClient({ serviceUrl: neotel.neoApiUrl, binding: 'GET', timeoutMs: 10_000 });
    await expect(neo.position('7777')).rejects.toMatchObject({ code: 'NOT_LOGGED' });
    await control.reset();
    // The reset also logged 1001 out: GetUsers is a 500 now, in UTF-8 again.
    expect((await rawGetUsers()).contentType).toBe('text/plain; charset=utf-8');
  });
});
