/**
 * The exact requests the client puts on the wire for each binding, and the parameter checks that
 * keep a bad call from ever being sent.
 */
import { describe, expect, it } from 'vitest';
import { neoRequestOf } from '../../../src/platforms/neotel/commands.ts';
import { NeoApiClient, type NeoApiLogEntry } from '../../../src/platforms/neotel/client.ts';
import { NeoApiError } from '../../../src/platforms/neotel/errors.ts';
import { FakeFetch, booleanBody, ok, soapEnvelope, stringBody } from './fake-fetch.ts';

const SERVICE = 'http://neotel.test/neoapi/webservice.asmx';

function client(binding: 'GET' | 'POST' | 'SOAP', fake = new FakeFetch(), extra: Partial<ConstructorParameters<typeof NeoApiClient>[0]> = {}) {
  return { fake, neo: new NeoApiClient({ serviceUrl: SERVICE, binding, timeoutMs: 5000, fetch: fake.fetch, ...extra }) };
}

describe('HTTP GET binding', () => {
  it('puts every parameter in the query string of <service>/<Method>, percent-encoded as UTF-8', async () => {
    const { fake, neo } = client('GET');
    await neo.send({ method: 'Login', params: { DEVICE: 'SIP/1001', USUARIO: '1001', CLAVE: 'p a&s=ñ' } });
    expect(fake.last.method).toBe('GET');
    expect(fake.last.url).toBe(`${SERVICE}/Login?DEVICE=SIP%2F1001&USUARIO=1001&CLAVE=p%20a%26s%3D%C3%B1`);
    expect(fake.last.body).toBeUndefined();
    expect(fake.last.headers['content-type']).toBeUndefined();
  });

  it('percent-encodes a method name with Ñ and its Ñ parameter', async () => {
    const { fake, neo } = client('GET');
    await neo.call('Login_Campaign', { USUARIO: '1001', CAMPAÑA: 97 }, { wireName: 'Login_Campaña' });
    expect(fake.last.url).toBe(`${SERVICE}/Login_Campa%C3%B1a?USUARIO=1001&CAMPA%C3%91A=97`);
  });

  it('tolerates a trailing slash on the service URL', async () => {
    const fake = new FakeFetch();
    const neo = new NeoApiClient({ serviceUrl: `${SERVICE}/`, binding: 'GET', timeoutMs: 5000, fetch: fake.fetch });
    await neo.send({ method: 'Unpause', params: { USUARIO: '1001' } });
    expect(fake.last.url).toBe(`${SERVICE}/Unpause?USUARIO=1001`);
  });
});

describe('HTTP POST binding', () => {
  it('posts a form to <service>/<Method> with every declared parameter, optional ones empty', async () => {
    const { fake, neo } = client('POST');
    await neo.send(neoRequestOf({ command: 'categorise', agent: '1001', contact: { crm: 3, base: 7, contactId: 12345, data: '003Dt000HccIdlkIIC', phone: null, clave: null, searchField: null, agendaId: null }, disposition: 26, callback: null }));
    expect(fake.last).toMatchObject({ url: `${SERVICE}/UpdateContact`, method: 'POST' });
    expect(fake.last.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(fake.last.body).toBe(
      'CRM=3&USUARIO=1001&BASE=7&IDCONTACTO=12345&DATA=003Dt000HccIdlkIIC&SUBCATEGORIA=26&XML_UPDATE=&AGENDA=false&FECHA_AGENDA=2000-01-01T00%3A00%3A00&USUARIO_AGENDA=&TEL_AGENDA=',
    );
  });

  it('sends a callback with AGENDA=true and its date, user and phone', async () => {
    const { fake, neo } = client('POST');
    await neo.send(neoRequestOf({ command: 'categorise', agent: '1001', contact: { crm: 3, base: 7, contactId: 1, data: 'k', phone: null, clave: null, searchField: null, agendaId: null }, disposition: 28, callback: { at: '2026-11-22T10:30:00', mine: true, phone: '1155550101' } }));
    expect(fake.last.body).toContain('AGENDA=true&FECHA_AGENDA=2026-11-22T10%3A30%3A00&USUARIO_AGENDA=1001&TEL_AGENDA=1155550101');
  });

  it('uses Login_Campaign2 with CAMPANA by default, avoiding Ñ on the wire', async () => {
    const { fake, neo } = client('POST');
    await neo.send(neoRequestOf({ command: 'joinCampaign', agent: '1001', campaign: 97 }));
    expect(fake.last.url).toBe(`${SERVICE}/Login_Campaign2`);
    expect(fake.last.body).toBe('USUARIO=1001&CAMPANA=97');
  });

  it('sends the optional CAMPAÑA of Logout_Campaign as 0 when the caller leaves it out', async () => {
    const { fake, neo } = client('POST');
    await neo.call('Logout_Campaign', { USUARIO: '1001' });
    expect(fake.last.body).toBe('USUARIO=1001&CAMPA%C3%91A=0');
    await neo.call('Logout_Campaign', { USUARIO: '1001', CAMPAÑA: 97 });
    expect(fake.last.body).toBe('USUARIO=1001&CAMPA%C3%91A=97');
  });
});

describe('SOAP 1.1 binding', () => {
  it('posts an envelope to the service URL with the quoted SOAPAction and escaped values', async () => {
    const { fake, neo } = client('SOAP');
    fake.reply(ok(soapEnvelope('<DialResponse xmlns="http://tempuri.org/"><DialResult>true</DialResult></DialResponse>')));
    await neo.send({ method: 'Dial', params: { USUARIO: '1001', TELEFONO: '<11> & "55"' } });
    expect(fake.last).toMatchObject({ url: SERVICE, method: 'POST' });
    expect(fake.last.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(fake.last.headers.soapaction).toBe('"http://tempuri.org/Dial"');
    expect(fake.last.body).toContain('<soap:Body><Dial xmlns="http://tempuri.org/"><USUARIO>1001</USUARIO><TELEFONO>&lt;11&gt; &amp; &quot;55&quot;</TELEFONO></Dial></soap:Body>');
    expect(fake.last.body?.startsWith('<?xml version="1.0" encoding="utf-8"?><soap:Envelope ')).toBe(true);
  });

  it('spells a SOAPAction with Ñ as its UTF-8 bytes and names the element with Ñ', async () => {
    const { fake, neo } = client('SOAP');
    fake.reply(ok(soapEnvelope('<Login_CampañaResponse xmlns="http://tempuri.org/" />')));
    await neo.call('Login_Campaña', { USUARIO: '1001', CAMPAÑA: 97 });
    expect(fake.last.headers.soapaction).toBe('"http://tempuri.org/Login_Campa\u00c3\u00b1a"');
    expect(fake.last.body).toContain('<Login_Campaña xmlns="http://tempuri.org/"><USUARIO>1001</USUARIO><CAMPAÑA>97</CAMPAÑA></Login_Campaña>');
  });
});

describe('parameter checks (nothing is sent)', () => {
  it.each([
    ['a missing required parameter', 'Pause', { USUARIO: '1001' }, /Pause: parameter SUBTIPO_DESCANSO is nothing; expected a int \(required\)/],
    ['a parameter the method does not declare', 'Hangup', { USUARIO: '1001', FOO: 'x' }, /Hangup: unknown parameter FOO; expected USUARIO/],
    ['a non-integer int', 'Pause', { USUARIO: '1001', SUBTIPO_DESCANSO: 'uno' }, /SUBTIPO_DESCANSO is "uno"; expected an integer/],
    ['an int beyond Int32', 'CloseContact', { BASE: 2 ** 31, IDCONTACTO: 1 }, /BASE is 2147483648; expected an integer from -2147483648 to 2147483647/],
    ['a boolean given as a string', 'Descanso', { USUARIO: '1001', DESCANSO: 'yes' }, /DESCANSO is "yes"; expected true or false/],
    ['a date in the wrong format', 'AddScheduleCall', { USUARIO: '1', BASE: 7, IDCONTACTO: 1, DATA: 'k', TELEFONO: '1', FECHA_AGENDA: '22/11/2026' }, /FECHA_AGENDA is "22\/11\/2026"; expected a date-time/],
    ['a method that is not in the contract', 'Foo', {}, /method "Foo" is not in the contract/],
    ['a method in the wrong case', 'position', { USUARIO: '1' }, /expected "Position" \(method names are case-sensitive\)/],
  ])('refuses %s with INVALID_ARGUMENT', async (_what, method, params, message) => {
    const { fake, neo } = client('POST');
    const error = await neo.call(method, params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NeoApiError);
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', method });
    expect((error as Error).message).toMatch(message);
    expect(fake.requests).toHaveLength(0);
  });

  it('never shows the password in an INVALID_ARGUMENT message', async () => {
    const { neo } = client('POST');
    const error = (await neo.call('Login', { DEVICE: 'SIP/1', USUARIO: '1', CLAVE: true }).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('CLAVE is a boolean (secret, not shown)');
    expect(error.message).not.toContain('true');
  });

  it('accepts an int given as digits', async () => {
    const { fake, neo } = client('POST');
    await neo.call('Pause', { USUARIO: '1001', SUBTIPO_DESCANSO: ' 12 ' });
    expect(fake.last.body).toBe('USUARIO=1001&SUBTIPO_DESCANSO=12');
  });
});

describe('typed results', () => {
  it('reads Dial true/false, CRM_Unavailable and AddScheduleCall results', async () => {
    const { fake, neo } = client('GET');
    fake.reply(ok(booleanBody('true')), ok(booleanBody('false')), ok(booleanBody('true')), ok(stringBody('4711')));
    expect(await neo.send({ method: 'Dial', params: { USUARIO: '1001', TELEFONO: '1155550101' } })).toBe(true);
    expect(await neo.send({ method: 'Dial', params: { USUARIO: '1001', TELEFONO: '911' } })).toBe(false);
    expect(await neo.send({ method: 'CRM_Unavailable', params: { USUARIO: '1001' } })).toBe(true);
    expect(await neo.send({ method: 'AddScheduleCall', params: { USUARIO: '1001', BASE: 7, IDCONTACTO: 1, DATA: 'k', TELEFONO: '1', FECHA_AGENDA: '2026-11-22T10:30:00' } })).toBe('4711');
  });
});

describe('request log', () => {
  it('reports every call with CLAVE redacted, in every binding', async () => {
    for (const binding of ['GET', 'POST', 'SOAP'] as const) {
      const entries: NeoApiLogEntry[] = [];
      const { fake, neo } = client(binding, undefined, { log: (entry) => entries.push(entry) });
      fake.reply(binding === 'SOAP' ? ok(soapEnvelope('<LoginResponse xmlns="http://tempuri.org/" />')) : { status: 200 });
      await neo.send({ method: 'Login', params: { DEVICE: 'SIP/1001', USUARIO: '1001', CLAVE: 's3cr3t!' } });
      expect(entries).toEqual([expect.objectContaining({ method: 'Login', binding, ok: true, status: 200, params: { DEVICE: 'SIP/1001', USUARIO: '1001', CLAVE: '***' } })]);
      expect(JSON.stringify(entries)).not.toContain('s3cr3t');
    }
  });
});
