/**
 * How the client reads what comes back: ASMX envelopes, escaped payloads, hostile and broken
 * bodies, every server error text, other statuses, timeouts, aborts and network failures.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NeoApiClient } from '../../../src/platforms/neotel/client.ts';
import { NeoApiError, type NeoApiErrorCode } from '../../../src/platforms/neotel/errors.ts';
import { FakeFetch, booleanBody, ok, serverError, soapEnvelope, soapFault, stringBody, type Reply } from './fake-fetch.ts';

const SERVICE = 'http://neotel.test/neoapi/webservice.asmx';

function client(binding: 'GET' | 'POST' | 'SOAP' = 'GET', extra: Partial<ConstructorParameters<typeof NeoApiClient>[0]> = {}) {
  const fake = new FakeFetch();
  return { fake, neo: new NeoApiClient({ serviceUrl: SERVICE, binding, timeoutMs: 5000, fetch: fake.fetch, ...extra }) };
}

async function failure(promise: Promise<unknown>): Promise<NeoApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof NeoApiError)) throw new Error(`expected a NeoApiError, got ${String(error)}`);
  return error;
}

describe('successful answers', () => {
  it('unwraps <string> and unescapes &amp; &lt; &gt; and character references', async () => {
    const { fake, neo } = client();
    fake.reply(ok(stringBody('CLAVE=RUT=1;&lt;b&gt;&amp;&#233;&#xF1;|')));
    expect(await neo.position('1001')).toBe('CLAVE=RUT=1;<b>&éñ|');
  });

  it('keeps a payload that spells <script> and ]]> once unescaped, as plain text', async () => {
    const { fake, neo } = client();
    fake.reply(ok(stringBody('DATA=&lt;script&gt;alert(1)&lt;/script&gt;]]&gt;|')));
    expect(await neo.position('1001')).toBe('DATA=<script>alert(1)</script>]]>|');
  });

  it('reads an empty <string /> as the empty string and Ñ keys as UTF-8', async () => {
    const { fake, neo } = client();
    fake.reply(ok('<?xml version="1.0" encoding="utf-8"?>\r\n<string xmlns="http://tempuri.org/" />'), ok(stringBody('SAL_CAMPAÑA_DEFAULT=97|CANALES_ASOCIADOS=¦¦SIP/x|')));
    expect(await neo.position('1001')).toBe('');
    expect(await neo.position('1001')).toBe('SAL_CAMPAÑA_DEFAULT=97|CANALES_ASOCIADOS=¦¦SIP/x|');
  });

  it('reads SOAP results, void responses and booleans', async () => {
    const { fake, neo } = client('SOAP');
    fake.reply(
      ok(soapEnvelope('<PositionResponse xmlns="http://tempuri.org/"><PositionResult>A=1&amp;2|</PositionResult></PositionResponse>')),
      ok(soapEnvelope('<HangupResponse xmlns="http://tempuri.org/" />')),
      ok(soapEnvelope('<DialResponse xmlns="http://tempuri.org/"><DialResult>false</DialResult></DialResponse>')),
    );
    expect(await neo.position('1001')).toBe('A=1&2|');
    await expect(neo.send({ method: 'Hangup', params: { USUARIO: '1001' } })).resolves.toBeUndefined();
    expect(await neo.send({ method: 'Dial', params: { USUARIO: '1001', TELEFONO: '1' } })).toBe(false);
  });

  it('ignores the body of a void method over HTTP', async () => {
    const { fake, neo } = client('POST');
    fake.reply(ok(''), ok('<html>whatever</html>', 'text/html'));
    await expect(neo.send({ method: 'Hangup', params: { USUARIO: '1001' } })).resolves.toBeUndefined();
    await expect(neo.send({ method: 'Unpause', params: { USUARIO: '1001' } })).resolves.toBeUndefined();
  });
});

describe('malformed answers', () => {
  it.each([
    ['raw markup inside <string>', ok(stringBody('A=<script>alert(1)</script>|'))],
    ['a truncated envelope', ok('<?xml version="1.0" encoding="utf-8"?>\r\n<string xmlns="http://tempuri.org/">A=1|B=')],
    ['an unknown entity', ok(stringBody('A=&nbsp;|'))],
    ['an unterminated entity', ok(stringBody('A=&amp|'))],
    ['a forbidden character reference', ok(stringBody('A=&#0;|'))],
    ['a bare ]]> in text', ok(stringBody('A=]]>|'))],
    ['an HTML page with 200', ok('<!DOCTYPE html><html><body>Login</body></html>', 'text/html')],
    ['a <boolean> where a string was due', ok(booleanBody('true'))],
    ['an empty body', ok('')],
    ['two elements', ok(`${stringBody('A|')}${stringBody('B|')}`)],
  ])('refuses %s with MALFORMED_RESPONSE', async (_what, reply) => {
    const { fake, neo } = client();
    fake.reply(reply);
    const error = await failure(neo.position('1001'));
    expect(error.code).toBe('MALFORMED_RESPONSE');
    expect(error.message).toMatch(/^NeoApi Position \(GET\) answered 200 with .*; expected <string xmlns="http:\/\/tempuri.org\/">\.$/);
  });

  it('refuses a boolean that is neither true nor false', async () => {
    const { fake, neo } = client();
    fake.reply(ok(booleanBody('maybe')));
    expect((await failure(neo.send({ method: 'Dial', params: { USUARIO: '1', TELEFONO: '2' } }))).message).toContain('holding true or false');
  });

  it('refuses a SOAP answer for another method and one without its Result', async () => {
    const { fake, neo } = client('SOAP');
    fake.reply(ok(soapEnvelope('<HangupResponse xmlns="http://tempuri.org/" />')), ok(soapEnvelope('<PositionResponse xmlns="http://tempuri.org/" />')));
    expect((await failure(neo.position('1'))).message).toContain('expected a SOAP envelope with <PositionResponse>');
    expect((await failure(neo.position('1'))).message).toContain('expected <PositionResult>');
  });

  it('refuses a body larger than the cap without reading it all', async () => {
    const { fake, neo } = client('GET', { maxBodyBytes: 1000 });
    fake.reply(ok(stringBody('A'.repeat(5000))), { status: 200, body: stringBody('B'.repeat(5000)), headers: { 'content-length': '99999999' } });
    expect((await failure(neo.position('1'))).message).toMatch(/answered a body of more than 1000 bytes; expected at most 1000 bytes/);
    expect((await failure(neo.position('1'))).message).toMatch(/answered a body of 99999999 bytes/);
  });
});

describe('server errors (HTTP 500)', () => {
  const cases: [string, Reply, NeoApiErrorCode, string][] = [
    ['not logged', serverError('1003 not logged.'), 'NOT_LOGGED', '1003 not logged.'],
    ['position not found', serverError('Position SIP/9999 not found'), 'POSITION_NOT_FOUND', 'Position SIP/9999 not found'],
    ['position not free', serverError('Position SIP/1001 not free'), 'NOT_FREE', 'Position SIP/1001 not free'],
    ['already logged', serverError('User 1001 already logged on position SIP/1002'), 'ALREADY_LOGGED', 'User 1001 already logged on position SIP/1002'],
    ['no licences', serverError('No more API licenses.'), 'NO_LICENSES', 'No more API licenses.'],
    ['unknown user', serverError('User 7777 not found'), 'BAD_CREDENTIALS', 'User 7777 not found'],
    ['wrong password', serverError('Invalid password for user 1001'), 'BAD_CREDENTIALS', 'Invalid password for user 1001'],
    ['missing parameter', serverError('Missing parameter: DEVICE.'), 'BAD_PARAMETER', 'Missing parameter: DEVICE.'],
    ['conversion', serverError('Cannot convert uno to System.Int32.\r\nParameter name: type ---&gt; Input string was not in a correct format.'), 'BAD_PARAMETER', 'Cannot convert uno to System.Int32.\r\nParameter name: type ---> Input string was not in a correct format.'],
    ['anything else, HTML-decoded', serverError('User &lt;script&gt; has no active call.'), 'SERVER_ERROR', 'User <script> has no active call.'],
    ['a local-mode stack trace', serverError('System.Exception: 1003 not logged.\r\n   at NeoApi.WebService.Position(String USUARIO)'), 'NOT_LOGGED', 'System.Exception: 1003 not logged.\r\n   at NeoApi.WebService.Position(String USUARIO)'],
    ['the ASP.NET HTML error page', { status: 500, contentType: 'text/html', body: '<!DOCTYPE html><html><head><title>Runtime Error</title></head><body><script>x()</script>…</body></html>' }, 'SERVER_ERROR', 'Runtime Error'],
  ];
  it.each(cases)('maps %s to its code and keeps the text', async (_what, reply, code, text) => {
    const { fake, neo } = client();
    fake.reply(reply);
    const error = await failure(neo.position('1003'));
    expect(error).toMatchObject({ code, method: 'Position', status: 500, serverText: text });
    expect(error.message).toBe(`NeoApi Position (GET) was refused by the server (HTTP 500): ${JSON.stringify(text)}.`);
  });

  it('maps SOAP faults by their faultstring without the wrapper prefix', async () => {
    const { fake, neo } = client('SOAP');
    fake.reply(
      soapFault('soap:Server', 'Server was unable to process request. ---&gt; 1003 not logged.'),
      soapFault('soap:Client', 'Server did not recognize the value of HTTP Header SOAPAction: http://tempuri.org/Foo.'),
    );
    expect(await failure(neo.position('1003'))).toMatchObject({ code: 'NOT_LOGGED', serverText: '1003 not logged.' });
    expect(await failure(neo.position('1003'))).toMatchObject({ code: 'SERVER_ERROR', serverText: 'Server did not recognize the value of HTTP Header SOAPAction: http://tempuri.org/Foo.' });
  });

  it('clips a huge error text', async () => {
    const { fake, neo } = client();
    fake.reply(serverError('x'.repeat(100_000)));
    const error = await failure(neo.position('1'));
    expect(error.serverText?.length).toBe(501);
    expect(error.message.length).toBeLessThan(700);
  });
});

describe('transport failures', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('maps other statuses to HTTP_ERROR with the status', async () => {
    const { fake, neo } = client();
    fake.reply({ status: 404, body: '<html><head><title>The resource cannot be found.</title></head></html>', contentType: 'text/html' });
    const error = await failure(neo.position('1'));
    expect(error).toMatchObject({ code: 'HTTP_ERROR', status: 404, serverText: 'The resource cannot be found.' });
    expect(error.message).toContain('answered HTTP 404 "The resource cannot be found."; expected 200 or an ASMX error (500)');
  });

  it('maps a failed fetch to NETWORK with the cause and the URL without parameters', async () => {
    const { fake, neo } = client('GET');
    fake.reply({ fail: new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') }) });
    const error = await failure(neo.send({ method: 'Login', params: { DEVICE: 'SIP/1', USUARIO: '1', CLAVE: 'hunter2' } }));
    expect(error.code).toBe('NETWORK');
    expect(error.message).toBe(`NeoApi Login (GET) could not reach ${SERVICE}/Login: fetch failed (connect ECONNREFUSED 127.0.0.1:9).`);
    expect(error.message).not.toContain('hunter2');
  });

  it('times out after the configured per-request timeout, not before', async () => {
    vi.useFakeTimers();
    const { fake, neo } = client('GET', { timeoutMs: 3000 });
    fake.reply('never');
    const pending = failure(neo.position('1'));
    await vi.advanceTimersByTimeAsync(2999);
    let settled = false;
    void pending.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await pending;
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toBe('NeoApi Position (GET) got no answer within 3000 ms (neoApiTimeoutMs).');
  });

  it('honours a per-call timeout', async () => {
    vi.useFakeTimers();
    const { fake, neo } = client('GET');
    fake.reply('never');
    const pending = failure(neo.position('1', { timeoutMs: 100 }));
    await vi.advanceTimersByTimeAsync(100);
    expect((await pending).code).toBe('TIMEOUT');
  });

  it('aborts an in-flight call when the caller’s signal fires, and leaves no timer behind', async () => {
    vi.useFakeTimers();
    const { fake, neo } = client();
    fake.reply('never');
    const controller = new AbortController();
    const pending = failure(neo.position('1', { signal: controller.signal }));
    controller.abort();
    expect((await pending).code).toBe('ABORTED');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not send a call whose signal is already aborted', async () => {
    const { fake, neo } = client();
    const error = await failure(neo.position('1', { signal: AbortSignal.abort() }));
    expect(error.code).toBe('ABORTED');
    expect(fake.requests).toHaveLength(0);
  });
});
