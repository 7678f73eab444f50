/**
 * NeoApi failure injection seen by a plain HTTP client: the exact 500 a real error has, a request
 * that never answers, a connection reset; faulted requests change nothing and are logged as such.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ControlApiError, NeotelControl } from '../../dev/neotel/control-client.ts';
import { startNeotel, type NeotelServer } from '../../dev/neotel/server.ts';
import { eventually, testScenario } from '../../test/dev/neotel/center-harness.ts';
import { FakePbx } from '../../test/dev/neotel/fake-pbx.ts';
import { assertInLoopbackNamespace } from '../support/browser.ts';

let neotel: NeotelServer;
let control: NeotelControl;
const pbx = new FakePbx();

beforeAll(async () => {
  assertInLoopbackNamespace();
  neotel = await startNeotel({ pbx, scenario: testScenario() });
  control = new NeotelControl(neotel.url);
});
afterAll(async () => {
  await neotel.close();
  await pbx.close();
});
beforeEach(async () => {
  await control.reset();
  pbx.register('SIP/1001');
});

/** One GET over a fresh connection, reporting an answer, a socket error, or nothing yet. */
function rawGet(path: string): { outcome: Promise<{ status: number; body: string } | { error: string }>; answered: () => boolean } {
  let answered = false;
  const outcome = new Promise<{ status: number; body: string } | { error: string }>((resolve) => {
    const req = httpRequest(`${neotel.url}${path}`, { agent: false }, (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end();
  });
  return { outcome, answered: () => answered };
}

const LOGIN_1001 = { DEVICE: 'SIP/1001', USUARIO: '1001', CLAVE: '1234' };

describe('NeoApi faults', () => {
  it('answers error500 on the chosen method exactly like a real error while other methods work', async () => {
    const real = await control.neoApi('Position', { USUARIO: '1001' });
    expect(real).toMatchObject({ status: 500, contentType: 'text/plain; charset=utf-8', body: '1001 not logged.\r\n' });
    const set = await control.setNeoApiFault({ mode: 'error500', methods: ['position'] });
    expect(set).toMatchObject({ mode: 'error500', methods: ['position'], remaining: null, text: 'Server was unable to process request. ---> System.Exception: Simulated failure' });

    expect((await control.neoApi('Login', LOGIN_1001)).status).toBe(200);
    const faulted = await control.neoApi('Position', { USUARIO: '1001' });
    expect(faulted).toEqual({ status: 500, contentType: 'text/plain; charset=utf-8', body: 'Server was unable to process request. ---> System.Exception: Simulated failure\r\n' });

    const entries = await control.requests({ method: 'Position' });
    expect(entries[0]?.fault).toBeUndefined();
    expect(entries.at(-1)).toMatchObject({ status: 500, binding: 'GET', params: { USUARIO: '1001' }, fault: 'error500' });
    expect((await control.requests({ method: 'Login' }))[0]?.fault).toBeUndefined();
  });

  it('puts a chosen text in a SOAP fault shaped like the simulator\'s own', async () => {
    await control.setNeoApiFault({ mode: 'error500', methods: ['Position'], text: 'Timeout expired <db>' });
    const response = await fetch(neotel.neoApiUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '"http://tempuri.org/Position"' },
      body: '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><Position xmlns="http://tempuri.org/"><USUARIO>1001</USUARIO></Position></soap:Body></soap:Envelope>',
    });
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(await response.text()).toContain('<soap:Fault><faultcode>soap:Server</faultcode><faultstring>Timeout expired &lt;db&gt;</faultstring><detail /></soap:Fault>');
  });

  it('honours count, then serves the method normally again', async () => {
    await control.setNeoApiFault({ mode: 'error500', methods: ['Validate'], count: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await control.neoApi('Validate', { TELEFONO: '1155550101', CAMPAÑA: 3 })).status);
    expect(statuses).toEqual([500, 500, 200]);
    expect(await control.neoApiFault()).toMatchObject({ mode: 'none', hanging: 0 });
  });

  it('hangs without answering, then closes the connection without an answer when cleared', async () => {
    await control.setNeoApiFault({ mode: 'hang', methods: ['Position'] });
    const hung = rawGet('/neoapi/webservice.asmx/Position?USUARIO=1001');
    const early = await Promise.race([hung.outcome, new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), 1000))]);
    expect(early).toBe('pending');
    expect(await control.neoApiFault()).toMatchObject({ mode: 'hang', hanging: 1, faulted: 1 });
    expect((await control.neoApi('Logout', { USUARIO: '1001' })).status).toBe(500); // another method still answers

    const cleared = Date.now();
    expect(await control.clearNeoApiFault()).toMatchObject({ mode: 'none', hanging: 0 });
    expect(await hung.outcome).toEqual({ error: 'ECONNRESET' }); // Node's name for "socket hang up"
    expect(hung.answered()).toBe(false);
    expect(Date.now() - cleared).toBeLessThan(500);
    expect((await control.requests({ method: 'Position' })).at(-1)).toMatchObject({ status: 0, fault: 'hang' });
  });

  it('resets the TCP connection without an answer', async () => {
    await control.setNeoApiFault({ mode: 'reset' });
    const reset = rawGet('/neoapi/webservice.asmx/Position?USUARIO=1001');
    expect(await reset.outcome).toEqual({ error: 'ECONNRESET' });
    expect(reset.answered()).toBe(false);
    await expect(fetch(`${neotel.neoApiUrl}/Login?DEVICE=SIP%2F1001&USUARIO=1001&CLAVE=1234`)).rejects.toThrow(/fetch failed/);
  });

  it('never lets a faulted Login log the agent in, whatever the fault', async () => {
    for (const mode of ['error500', 'reset', 'hang'] as const) {
      await control.setNeoApiFault({ mode, methods: ['Login'], count: 1 });
      const attempt = rawGet('/neoapi/webservice.asmx/Login?DEVICE=SIP%2F1001&USUARIO=1001&CLAVE=1234');
      if (mode === 'hang') await eventually(async () => expect((await control.neoApiFault()).hanging).toBe(1));
      else await attempt.outcome;
      expect(await control.positions()).toEqual([]);
      expect((await control.neoApi('Position', { USUARIO: '1001' })).body).toBe('1001 not logged.\r\n');
      await control.clearNeoApiFault();
      await attempt.outcome;
    }
    expect((await control.requests({ method: 'Login' })).map((e) => e.fault)).toEqual(['error500', 'reset', 'hang']);
    expect((await control.neoApi('Login', LOGIN_1001)).status).toBe(200);
  });

  it('is cleared by a reset of the simulator', async () => {
    await control.setNeoApiFault({ mode: 'error500' });
    await control.reset();
    expect((await control.neoApiFault()).mode).toBe('none');
    expect((await control.neoApi('Login', LOGIN_1001)).status).toBe(200);
  });

  it('refuses bad fault bodies with 400 naming the field, the value and what was expected', async () => {
    const refusal = async (body: unknown, path = '/control/faults/neoapi'): Promise<string> => {
      const response = await fetch(`${neotel.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      expect(response.status).toBe(400);
      return ((await response.json()) as { error: string }).error;
    };
    expect(await refusal({ mode: 'boom' })).toMatch(/mode: Invalid option: expected one of "none"\|"error500"\|"hang"\|"reset" \(received "boom"\)/);
    expect(await refusal({ mode: 'hang', methods: ['Position', 'Logn'] })).toMatch(/methods\[1\]: not a NeoApi method; expected a wire name .* \(received "Logn"\)/);
    expect(await refusal({ mode: 'hang', count: 0 })).toMatch(/count: Too small: expected number to be >0 \(received 0\)/);
    expect(await refusal({ mode: 'hang', method: 'Position' })).toMatch(/Unrecognized key: "method"/);
    expect(await refusal({ device: 'sip1001' }, '/control/sip/drop')).toMatch(/device: expected a device name like SIP\/1001 \(received "sip1001"\)/);
    expect(await refusal({ refuseMs: -5 }, '/control/sip/drop')).toMatch(/refuseMs: Too small: expected number to be >=0 \(received -5\)/);
    expect((await control.neoApiFault()).mode).toBe('none');
  });

  it('answers 501 to a SIP drop when the PBX is a fake without sockets', async () => {
    const error = await control.dropSip().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ControlApiError);
    expect((error as ControlApiError).status).toBe(501);
  });
});
