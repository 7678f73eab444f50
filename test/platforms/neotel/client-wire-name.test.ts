/**
 * `neoApiMethods` on the wire: a contract method sent under the deployment's name (URL path,
 * SOAPAction, SOAP element and its response) with the contract's parameters and result kind.
 */
import { describe, expect, it } from 'vitest';
import { NeoApiClient } from '../../../src/platforms/neotel/client.ts';
import { FakeFetch, ok, soapEnvelope, stringBody } from './fake-fetch.ts';

const SERVICE = 'http://neotel.test/neoapi/webservice.asmx';

function client(binding: 'GET' | 'POST' | 'SOAP') {
  const fake = new FakeFetch();
  return { fake, neo: new NeoApiClient({ serviceUrl: SERVICE, binding, timeoutMs: 5000, fetch: fake.fetch }) };
}

describe('a renamed method (CallOptions.wireName)', () => {
  it('POST: goes to <service>/<wire name> with the contract parameters', async () => {
    const { fake, neo } = client('POST');
    await neo.call('BlindTransferQueue', { USUARIO: '1001', COLA: 4 }, { wireName: 'TransferirCola' });
    expect(fake.last.url).toBe(`${SERVICE}/TransferirCola`);
    expect(fake.last.body).toBe('USUARIO=1001&COLA=4');
  });

  it('SOAP: the SOAPAction and the element carry the wire name; the result kind stays the contract one', async () => {
    const { fake, neo } = client('SOAP');
    fake.reply(ok(soapEnvelope('<InvitarResponse xmlns="http://tempuri.org/"><InvitarResult>SIP/1002-0001</InvitarResult></InvitarResponse>')));
    const id = await neo.call('InviteParticipant', { USUARIO: '1001', EXTENSION: '1002' }, { wireName: 'Invitar' });
    expect(id).toBe('SIP/1002-0001');
    expect(fake.last.headers.soapaction).toBe('"http://tempuri.org/Invitar"');
    expect(fake.last.body).toContain('<Invitar xmlns="http://tempuri.org/"><USUARIO>1001</USUARIO><EXTENSION>1002</EXTENSION></Invitar>');
  });

  it('GET: the contract still checks the parameters before anything is sent', async () => {
    const { fake, neo } = client('GET');
    fake.reply(ok(stringBody('[]')));
    await expect(neo.call('KickParticipant', { USUARIO: '1001' }, { wireName: 'Expulsar' })).rejects.toThrow(/PARTICIPANTE/);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('renamed parameters (CallOptions.paramNames)', () => {
  it('POST: Login_Campaign2 goes out as Login_Campaign with CAMPAÑA, checked against the contract first', async () => {
    const { fake, neo } = client('POST');
    await neo.call('Login_Campaign2', { USUARIO: '1001', CAMPANA: 97 }, { wireName: 'Login_Campaign', paramNames: { CAMPANA: 'CAMPAÑA' } });
    expect(fake.last.url).toBe(`${SERVICE}/Login_Campaign`);
    expect(fake.last.body).toBe('USUARIO=1001&CAMPA%C3%91A=97');
    await expect(neo.call('Login_Campaign2', { USUARIO: '1001', CAMPAÑA: 97 }, { paramNames: { CAMPANA: 'CAMPAÑA' } }), 'callers still speak the contract').rejects.toThrow(/CAMPAÑA/);
  });

  it('SOAP: the element names are the deployment parameter names', async () => {
    const { fake, neo } = client('SOAP');
    fake.reply(ok(soapEnvelope('<PauseResponse xmlns="http://tempuri.org/" />')));
    await neo.call('Pause', { USUARIO: '1001', SUBTIPO_DESCANSO: 3 }, { paramNames: { SUBTIPO_DESCANSO: 'SUBTIPO' } });
    expect(fake.last.body).toContain('<Pause xmlns="http://tempuri.org/"><USUARIO>1001</USUARIO><SUBTIPO>3</SUBTIPO></Pause>');
  });
});
