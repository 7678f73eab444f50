/**
 * The Neotel adapter behind the port: domain commands go out as the contract's NeoApi requests
 * under the deployment's names, and NeoApi errors come back as domain failure codes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PlatformCommand } from '../../../src/call/index.ts';
import { parseNeoApiMethods } from '../../../src/config/neoapi-methods.ts';
import { NeoApiClient } from '../../../src/platforms/neotel/client.ts';
import { CONTRACT_NAMING } from '../../../src/platforms/neotel/contract-names.ts';
import { NeotelPlatform } from '../../../src/platforms/neotel/neotel-platform.ts';
import { booleanBody, FakeFetch, ok, type Reply } from './fake-fetch.ts';

const SERVICE = 'http://neotel.test/neoapi/webservice.asmx';

function platform(names = '', platformTimeZone: string | null = null) {
  const fake = new FakeFetch();
  const parsed = parseNeoApiMethods(names);
  if (!parsed.ok) throw new Error(parsed.problem);
  const client = new NeoApiClient({ serviceUrl: SERVICE, binding: 'POST', timeoutMs: 2000, fetch: fake.fetch });
  return { fake, neotel: new NeotelPlatform({ client, naming: names === '' ? CONTRACT_NAMING : parsed.value, pollIntervalMs: 1000, platformTimeZone }) };
}

describe('the Neotel platform adapter', () => {
  const NativeFormat = Intl.DateTimeFormat;
  afterEach(() => {
    Intl.DateTimeFormat = NativeFormat;
  });

  it('sends a Dial without reading the time zone, which only a callback date needs', async () => {
    // Reading the browser's zone builds an Intl.DateTimeFormat: ~0.5 ms of the click's task before the Dial left.
    const formats = { built: 0 };
    const built = (target: typeof NativeFormat, args: ConstructorParameters<typeof NativeFormat>): Intl.DateTimeFormat => {
      formats.built += 1;
      return new target(...args);
    };
    // Called with or without `new` (browserTimeZone calls it without).
    Intl.DateTimeFormat = new Proxy(NativeFormat, { apply: (target, _self, args: ConstructorParameters<typeof NativeFormat>) => built(target, args), construct: built });
    const { fake, neotel } = platform('', 'America/Argentina/Buenos_Aires');
    await neotel.run({ command: 'dial', agent: '1001', number: '1155550000' });
    expect(fake.last.url).toBe(`${SERVICE}/Dial`);
    expect(formats.built, 'Intl.DateTimeFormat built for a Dial').toBe(0);
    expect(await neotel.run({ command: 'categorise', agent: '1001', contact: null, disposition: 26, callback: { at: '2026-12-07T18:00:00', mine: true, phone: null } })).toEqual({ ok: true, value: null });
    expect(formats.built, 'Intl.DateTimeFormat built for a callback date').toBeGreaterThan(0);
    expect(fake.last.body).toMatch(/AGENDA=true&FECHA_AGENDA=2026-12-0\d/);
  });

  it('sends joinCampaign as Login_Campaign2/CAMPANA, or under the names a deployment configured', async () => {
    const join: PlatformCommand = { command: 'joinCampaign', agent: '1001', campaign: 97 };
    const plain = platform();
    expect(await plain.neotel.run(join)).toEqual({ ok: true, value: null });
    expect([plain.fake.last.url, plain.fake.last.body]).toEqual([`${SERVICE}/Login_Campaign2`, 'USUARIO=1001&CAMPANA=97']);
    const renamed = platform('Login_Campaign2=Login_Campaign;Login_Campaign2.CAMPANA=CAMPAÑA');
    await renamed.neotel.run(join);
    expect([renamed.fake.last.url, renamed.fake.last.body]).toEqual([`${SERVICE}/Login_Campaign`, 'USUARIO=1001&CAMPA%C3%91A=97']);
  });

  it('categorises a plain call with zeros and the one "no callback" date', async () => {
    const { fake, neotel } = platform();
    await neotel.run({ command: 'categorise', agent: '1001', contact: null, disposition: 26, callback: null });
    expect(fake.last.body).toBe('CRM=0&USUARIO=1001&BASE=0&IDCONTACTO=0&DATA=&SUBCATEGORIA=26&XML_UPDATE=&AGENDA=false&FECHA_AGENDA=2000-01-01T00%3A00%3A00&USUARIO_AGENDA=&TEL_AGENDA=');
  });

  it.each([
    ['a "not logged." 500', 500, 'System.Exception: 1001 not logged.', 'NOT_LOGGED_IN'],
    ['an unknown password', 500, 'System.Exception: Invalid password for user 1001', 'BAD_CREDENTIALS'],
    ['any other server text', 500, 'System.Exception: Agent busy', 'REFUSED'],
    ['a 502 from a proxy', 502, 'Bad Gateway', 'UNREACHABLE'],
    ['a 404 (no such method here)', 404, 'Not Found', 'MISCONFIGURED'],
  ] as const)('turns %s into %s, keeping the text as the detail', async (_what, status, body, code) => {
    const { fake, neotel } = platform();
    const reply: Reply = { status, body: `${body}\r\n`, contentType: 'text/plain; charset=utf-8' };
    fake.reply(reply);
    const outcome = await neotel.run({ command: 'dial', agent: '1001', number: '1155550000' });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.failure.code).toBe(code);
    expect(outcome.failure.detail).toMatch(/\S/);
  });

  it('turns a network failure into UNREACHABLE, and answers a Dial false as a value', async () => {
    const down = platform();
    down.fake.reply({ fail: new TypeError('fetch failed') });
    const failed = await down.neotel.run({ command: 'hangUp', agent: '1001' });
    expect(failed).toMatchObject({ ok: false, failure: { code: 'UNREACHABLE' } });
    const busy = platform();
    busy.fake.reply(ok(booleanBody('false')));
    expect(await busy.neotel.run({ command: 'dial', agent: '1001', number: '1155550000' })).toEqual({ ok: true, value: false });
  });
});
