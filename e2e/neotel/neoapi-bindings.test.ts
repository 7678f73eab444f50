/**
 * NeoApi over the wire, against a running simulator (FakePbx for the telephony): exact bodies of
 * the HTTP GET, HTTP POST and SOAP 1.1 bindings, their errors, the WSDL, escaping, and the rule
 * that a refused request leaves the simulator's state as it was.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NeotelControl } from '../../dev/neotel/control-client.ts';
import { startNeotel, type NeotelServer } from '../../dev/neotel/server.ts';
import { NEO_OPERATIONS } from '../../src/platforms/neotel/contract.ts';
import { parsePosition } from '../../src/platforms/neotel/position.ts';
import { FakePbx } from '../../test/dev/neotel/fake-pbx.ts';
import { testScenario } from '../../test/dev/neotel/center-harness.ts';

let neotel: NeotelServer;
let control: NeotelControl;
const pbx = new FakePbx();
const XML = '<?xml version="1.0" encoding="utf-8"?>\r\n';
const ENVELOPE = '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>';

beforeAll(async () => {
  neotel = await startNeotel({ pbx, scenario: testScenario((s) => (s.platform.licenses = 3)) });
  control = new NeotelControl(neotel.url);
});
afterAll(async () => {
  await neotel.close();
  await pbx.close();
});
beforeEach(async () => {
  await control.reset();
  for (const device of ['SIP/1001', 'SIP/1002', 'SIP/1003', 'SIP/2001']) pbx.register(device);
});

const service = (path = '') => `${neotel.url}/neoapi/webservice.asmx${path}`;
const get = async (method: string, query: string) => {
  const r = await fetch(service(`/${method}?${query}`));
  return { status: r.status, type: r.headers.get('content-type'), body: await r.text() };
};
const post = async (method: string, form: string) => {
  const r = await fetch(service(`/${method}`), { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form });
  return { status: r.status, type: r.headers.get('content-type'), body: await r.text() };
};
const soap = async (method: string, inner: string, action = `"http://tempuri.org/${method}"`) => {
  const body = `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><${method} xmlns="http://tempuri.org/">${inner}</${method}></soap:Body></soap:Envelope>`;
  const r = await fetch(service(), { method: 'POST', headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: Buffer.from(action, 'utf8').toString('latin1') }, body });
  return { status: r.status, type: r.headers.get('content-type'), body: await r.text() };
};
const stateOf = async () => JSON.stringify(await control.state().then((s) => ({ positions: s.positions, calls: s.calls })));

describe('HTTP GET and POST bindings', () => {
  it('answers a void method with an empty 200 and a string method with the XmlSerializer <string> body', async () => {
    const login = await get('Login', 'DEVICE=SIP%2F1001&USUARIO=1001&CLAVE=1234');
    expect(login).toEqual({ status: 200, type: null, body: '' });
    const position = await post('Position', 'USUARIO=1001');
    expect(position.status).toBe(200);
    expect(position.type).toBe('text/xml; charset=utf-8');
    expect(position.body.startsWith(`${XML}<string xmlns="http://tempuri.org/">DEVICE=SIP/1001|IP=127.0.0.1|PORT=51000|STATUS=OK|SERVER=NEO1|USUARIO=1001|`)).toBe(true);
    expect(position.body.endsWith('|CANALES_ASOCIADOS=|</string>')).toBe(true);
  });

  it('accepts the path in any case (IIS) and the Ñ method and parameter names, percent-encoded', async () => {
    await get('Login', 'DEVICE=SIP%2F1001&USUARIO=1001&CLAVE=1234');
    const r = await fetch(`${neotel.url}/NEOAPI/WebService.asmx/Login_Campa%C3%B1a?USUARIO=1001&CAMPA%C3%91A=97`);
    expect(r.status).toBe(200);
    expect((await post('Login_Campaign2', 'USUARIO=1001&CAMPANA=3')).status).toBe(200);
    const position = await get('Posicion', 'usuario=1001');
    expect(parsePosition(position.body.replace(/^[\s\S]*?<string[^>]*>|<\/string>$/g, '')).outboundCampaign).toBe(3);
  });

  it('answers <boolean> for Dial and CRM_Unavailable', async () => {
    await get('Login', 'DEVICE=SIP%2F1001&USUARIO=1001&CLAVE=1234');
    expect(await get('Dial', 'USUARIO=1001&TELEFONO=abc')).toMatchObject({ status: 200, body: `${XML}<boolean xmlns="http://tempuri.org/">false</boolean>` });
    expect(await post('CRM_No_Disponible', 'USUARIO=1001')).toMatchObject({ status: 200, body: `${XML}<boolean xmlns="http://tempuri.org/">true</boolean>` });
  });

  it.each([
    ['a missing parameter', () => get('Login', 'USUARIO=1001&CLAVE=1234'), 'Missing parameter: DEVICE.\r\n'],
    ['an int that is not a number', () => post('Pause', 'USUARIO=1001&SUBTIPO_DESCANSO=uno'), 'Cannot convert uno to System.Int32.\r\nParameter name: type ---> Input string was not in a correct format.\r\n'],
    ['a boolean that is not true/false', () => get('Tiempo_Administrativo', 'USUARIO=1001&TIEMPO_ADM=1'), 'Cannot convert 1 to System.Boolean.\r\nParameter name: type ---> String was not recognized as a valid Boolean.\r\n'],
    ['an unknown method', () => get('Foo', 'USUARIO=1001'), 'Foo Web Service method name is not valid.\r\n'],
    ['a method name in the wrong case', () => get('position', 'USUARIO=1001'), 'position Web Service method name is not valid.\r\n'],
    ['an unknown user', () => get('Login', 'DEVICE=SIP%2F1002&USUARIO=7777&CLAVE=x'), 'User 7777 not found\r\n'],
    ['a wrong password', () => get('Login', 'DEVICE=SIP%2F1002&USUARIO=1002&CLAVE=x'), 'Invalid password for user 1002\r\n'],
    ['a second login on a busy position', () => get('Login', 'DEVICE=SIP%2F1001&USUARIO=1002&CLAVE=1234'), 'Position SIP/1001 not free\r\n'],
    ['a login on an unregistered device', () => get('Login', 'DEVICE=SIP%2F9999&USUARIO=1002&CLAVE=1234'), 'Position SIP/9999 not found\r\n'],
    ['Position of a user who is not logged in', () => get('Position', 'USUARIO=1003'), '1003 not logged.\r\n'],
  ])('refuses %s with HTTP 500 and the exact ASMX text, leaving the state intact', async (_what, call, text) => {
    await get('Login', 'DEVICE=SIP%2F1001&USUARIO=1001&CLAVE=1234');
    const before = await stateOf();
    const r = await call();
    expect(r).toEqual({ status: 500, type: 'text/plain; charset=utf-8', body: text });
    expect(await stateOf()).toBe(before);
  });

  it('answers a JSON POST (no ASMX protocol takes it) with the ASP.NET runtime error page, state intact', async () => {
    await get('Login', 'DEVICE=SIP%2F1001&USUARIO=1001&CLAVE=1234');
    const before = await stateOf();
    const r = await fetch(service('/Position'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"USUARIO":"1001"}' });
    expect(r.status).toBe(500);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await r.text()).toContain("<H1>Server Error in '/' Application.");
    expect(await stateOf()).toBe(before);
    expect((await control.requests({ method: 'Position' })).at(-1)?.response).toBe("(ASP.NET error page) Request format is unrecognized for URL unexpectedly ending in '/Position'.");
  });

  it('refuses the API user beyond the licence limit with "No more API licenses."', async () => {
    for (const user of ['1001', '1002', '1003']) expect((await get('Login', `DEVICE=SIP%2F${user}&USUARIO=${user}&CLAVE=1234`)).status).toBe(200);
    const before = await stateOf();
    expect(await get('Login', 'DEVICE=SIP%2F2001&USUARIO=2001&CLAVE=1234')).toMatchObject({ status: 500, body: 'No more API licenses.\r\n' });
    expect(await stateOf()).toBe(before);
  });

  it('XML-escapes hostile values in results and HTML-encodes them in error texts', async () => {
    await get('Login', 'DEVICE=SIP%2F1001&USUARIO=1001&CLAVE=1234');
    await control.placeInbound({ number: '2615554444', queue: 4, clave: 'X=<script>alert(1)</script>&]]>;' });
    await new Promise((r) => setTimeout(r, 50));
    const position = await get('Position', 'USUARIO=1001');
    expect(position.body).toContain('|CLAVE=X=&lt;script&gt;alert(1)&lt;/script&gt;&amp;]]&gt;;|');
    const task = await get('ExecuteTask01', `idTask=1&param1=${encodeURIComponent('<b>&]]>')}`);
    expect(task.body).toBe(`${XML}<string xmlns="http://tempuri.org/">[{"Status":"true","Message":"Usuario &lt;b&gt;&amp;]]&gt; validado"}]</string>`);
    const error = await get('Position', `USUARIO=${encodeURIComponent('<script>&')}`);
    expect(error.body).toBe('&lt;script&gt;&amp; not logged.\r\n');
  });
});

describe('SOAP 1.1 binding', () => {
  it('answers MethodResponse/MethodResult, and an empty response element for void methods', async () => {
    expect(await soap('Login', '<DEVICE>SIP/1001</DEVICE><USUARIO>1001</USUARIO><CLAVE>1234</CLAVE>')).toEqual({
      status: 200,
      type: 'text/xml; charset=utf-8',
      body: `${ENVELOPE}<LoginResponse xmlns="http://tempuri.org/" /></soap:Body></soap:Envelope>`,
    });
    const position = await soap('Position', '<USUARIO>1001</USUARIO>');
    expect(position.body).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?><soap:Envelope [^>]+><soap:Body><PositionResponse xmlns="http:\/\/tempuri\.org\/"><PositionResult>DEVICE=SIP\/1001\|[^<]*\|<\/PositionResult><\/PositionResponse><\/soap:Body><\/soap:Envelope>$/);
    expect((await soap('Login_Campaña', '<USUARIO>1001</USUARIO><CAMPAÑA>97</CAMPAÑA>')).status).toBe(200);
    expect((await soap('Dial', '<USUARIO>1001</USUARIO><TELEFONO>x</TELEFONO>')).body).toContain('<DialResponse xmlns="http://tempuri.org/"><DialResult>false</DialResult></DialResponse>');
  });

  it('answers a business error as a soap:Server fault "Server was unable to process request. ---> …"', async () => {
    const before = await stateOf();
    expect(await soap('Position', '<USUARIO>1001</USUARIO>')).toEqual({
      status: 500,
      type: 'text/xml; charset=utf-8',
      body: `${ENVELOPE}<soap:Fault><faultcode>soap:Server</faultcode><faultstring>Server was unable to process request. ---&gt; 1001 not logged.</faultstring><detail /></soap:Fault></soap:Body></soap:Envelope>`,
    });
    expect(await stateOf()).toBe(before);
  });

  it('answers an unknown SOAPAction and an unreadable body with soap:Client faults', async () => {
    const unknown = await soap('Nope', '', '"http://tempuri.org/Nope"');
    expect(unknown.status).toBe(500);
    expect(unknown.body).toContain('<faultcode>soap:Client</faultcode><faultstring>Server did not recognize the value of HTTP Header SOAPAction: http://tempuri.org/Nope.</faultstring>');
    const bad = await soap('Pause', '<USUARIO>1001</USUARIO><SUBTIPO_DESCANSO>dos</SUBTIPO_DESCANSO>');
    expect(bad.body).toMatch(/<faultcode>soap:Client<\/faultcode><faultstring>Server was unable to read request\. ---&gt; There is an error in XML document \(1, \d+\)\. ---&gt; Input string was not in a correct format\.<\/faultstring>/);
  });

  it('runs ExecuteTaskNN with the Authentication header some clients send (accepted, not required)', async () => {
    const body =
      '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header><Authentication xmlns="http://tempuri.org/"><Username>u</Username><Password>p</Password></Authentication></soap:Header>' +
      '<soap:Body><ExecuteTask01 xmlns="http://tempuri.org/"><idTask>1</idTask><param1>ana</param1></ExecuteTask01></soap:Body></soap:Envelope>';
    const r = await fetch(service(), { method: 'POST', headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '"http://tempuri.org/ExecuteTask01"' }, body });
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('<ExecuteTask01Result>[{"Status":"true","Message":"Usuario ana validado"}]</ExecuteTask01Result>');
  });

  it('escapes hostile values inside PositionResult', async () => {
    await soap('Login', '<DEVICE>SIP/1001</DEVICE><USUARIO>1001</USUARIO><CLAVE>1234</CLAVE>');
    await control.placeInbound({ number: '2615554444', queue: 4, clave: '<script>&]]>' });
    await new Promise((r) => setTimeout(r, 50));
    expect((await soap('Position', '<USUARIO>1001</USUARIO>')).body).toContain('|CLAVE=&lt;script&gt;&amp;]]&gt;|');
  });
});

describe('service description', () => {
  it('serves a WSDL for ?wsdl (any case) that declares every contract operation', async () => {
    for (const query of ['?wsdl', '?WSDL']) {
      const r = await fetch(service(query));
      expect(r.headers.get('content-type')).toBe('text/xml; charset=utf-8');
      const wsdl = await r.text();
      expect(wsdl).toContain('targetNamespace="http://tempuri.org/"');
      const missing = [...NEO_OPERATIONS.keys()].filter((name) => !wsdl.includes(`<wsdl:operation name="${name}">`));
      expect(missing).toEqual([]);
      expect(wsdl).toContain(`<soap:address location="${neotel.url}/neoapi/webservice.asmx" />`);
    }
  });

  it('serves the help page listing the operations', async () => {
    const html = await fetch(service()).then((r) => r.text());
    expect(html).toContain('The following operations are supported.');
    expect(html).toContain('>Login_Campaña</a>');
  });

  it('logs every request with its binding, parameters, status and response', async () => {
    await post('Login', 'DEVICE=SIP%2F1001&USUARIO=1001&CLAVE=1234');
    await get('Position', 'USUARIO=1099');
    const log = await control.requests();
    expect(log.map((e) => [e.binding, e.method, e.params, e.status])).toEqual([
      ['POST', 'Login', { DEVICE: 'SIP/1001', USUARIO: '1001', CLAVE: '1234' }, 200],
      ['GET', 'Position', { USUARIO: '1099' }, 500],
    ]);
    expect(log[1]?.response).toBe('1099 not logged.\r\n');
  });
});
