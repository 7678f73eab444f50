import { describe, expect, it } from 'vitest';
import { describeHookForLog, parseHookTemplate, renderHook, type HookTemplate } from '../../../src/platforms/sip/hook-template.ts';
import { callIdFromResponse, clickToCall, HookError, recordingUrl, sendHook, type Fetch } from '../../../src/platforms/sip/http-hooks.ts';

const loopback = { loopbackHttpAllowed: (host: string) => host === '127.0.0.1' || host === 'localhost' };

function template(json: object): HookTemplate {
  const parsed = parseHookTemplate(JSON.stringify(json), loopback);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.value;
}

const CLICK2CALL = {
  method: 'POST',
  url: 'https://pbx.example/click2call?ramal={ramal}',
  headers: { 'Content-Type': 'application/json' },
  body: '{"ramal":"{ramal}","telefone":"{telefone}","chave":"{chave}"}',
};

describe('hook templates', () => {
  it('encodes each value for where it lands: URL-encoded in the URL, JSON-escaped in a JSON body', () => {
    const rendered = renderHook(template(CLICK2CALL), { ramal: '10"01', telefone: '+54 11&x=1', chave: 's3cr\\et' });
    expect(rendered.url).toBe('https://pbx.example/click2call?ramal=10%2201');
    expect(JSON.parse(rendered.body ?? '')).toEqual({ ramal: '10"01', telefone: '+54 11&x=1', chave: 's3cr\\et' });
  });

  it('form-encodes the body when the Content-Type is x-www-form-urlencoded', () => {
    const rendered = renderHook(template({ method: 'POST', url: 'https://pbx.example/c', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'telefone={telefone}&ramal={ramal}' }), { telefone: '+1 2&3', ramal: '1001' });
    expect(rendered.body).toBe('telefone=%2B1%202%263&ramal=1001');
  });

  it('refuses a value with CR/LF in a header (no header injection)', () => {
    const hook = template({ url: 'https://pbx.example/r', headers: { 'X-Agent': '{ramal}' } });
    expect(() => renderHook(hook, { ramal: '1001\r\nX-Evil: 1' })).toThrow(/line break/);
  });

  it.each([
    ['not JSON', '{method:POST}', /not JSON/],
    ['an unknown placeholder', JSON.stringify({ url: 'https://pbx.example/?x={password}' }), /unknown placeholder \{password\}/],
    ['plain http to a remote host', JSON.stringify({ url: 'http://pbx.example/c' }), /must be https/],
    ['a placeholder in the host', JSON.stringify({ url: 'https://{ramal}.pbx.example/c' }), /scheme or host/],
    ['a GET with a body', JSON.stringify({ url: 'https://pbx.example/c', body: 'x' }), /GET request cannot have a "body"/],
    ['a header with a line break', JSON.stringify({ url: 'https://pbx.example/c', headers: { A: 'b\r\nC: d' } }), /line breaks/],
    ['an unknown key', JSON.stringify({ url: 'https://pbx.example/c', retries: 3 }), /unknown key "retries"/],
    ['a silly timeout', JSON.stringify({ url: 'https://pbx.example/c', timeoutMs: 10 }), /timeoutMs/],
    ['a DELETE', JSON.stringify({ method: 'DELETE', url: 'https://pbx.example/c' }), /method/],
  ])('refuses a template with %s, saying what is wrong', (_what, text, problem) => {
    const parsed = parseHookTemplate(text, loopback);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(problem);
  });

  it('hides the secret in every encoding when the request is described for a log', () => {
    const rendered = renderHook(template({ url: 'https://pbx.example/g?chave={chave}&t={telefone}' }), { chave: 'a b/c', telefone: '1' });
    const shown = describeHookForLog(rendered, 'a b/c');
    expect(shown).not.toContain('a%20b%2Fc');
    expect(shown).toContain('chave=***');
  });

  it('leaves the secret out of the recording link stored on the Task, and keeps it for the player', () => {
    const hook = template({ url: 'https://pbx.example/gravacao?callid={callId}&telefone={telefone}&chave={chave}' });
    expect(recordingUrl(hook, { callId: '1537276453.47', telefone: '41988445566', chave: 'k' }, { forStorage: true })).toBe('https://pbx.example/gravacao?callid=1537276453.47&telefone=41988445566&chave=');
    expect(recordingUrl(hook, { callId: '1', telefone: '2', chave: 'k' }, { forStorage: false })).toMatch(/chave=k$/);
  });
});

describe('click-to-call answers', () => {
  it.each([
    ['plain text', '1537276453.47245539\n', 'text/plain', '1537276453.47245539'],
    ['a JSON string', '"1537276453.4"', 'application/json', '1537276453.4'],
    ['JSON {callid}', '{"callid":"abc-1"}', 'application/json', 'abc-1'],
    ['JSON {callId} as a number', '{"callId":42}', null, '42'],
  ])('reads the call id from %s', (_what, body, type, id) => {
    expect(callIdFromResponse(body, type)).toBe(id);
  });

  it.each([
    ['markup', '<script>alert(1)</script>'],
    ['an HTML error page', '<html><body>502 Bad Gateway</body></html>'],
    ['a huge body', 'x'.repeat(10_000)],
    ['JSON without an id', '{"ok":true}'],
    ['nothing', ''],
  ])('refuses %s as a call id, quoting at most 80 characters of it', (_what, body) => {
    expect(() => callIdFromResponse(body, 'text/html')).toThrow(HookError);
    try {
      callIdFromResponse(body, null);
    } catch (error) {
      expect((error as Error).message.length).toBeLessThan(400);
    }
  });
});

/**
 * A fake telephony API behind `fetch` (unit tests start no servers: those run only in the
 * loopback namespace; the real HTTP path is the e2e suite's). It records each request and
 * answers as told; a delayed answer honours the abort signal as fetch does.
 */
function fakeApi(answer: { status: number; body: string; delayMs?: number }): { fetch: Fetch; seen: string[] } {
  const seen: string[] = [];
  const fake: Fetch = (url, init) => {
    seen.push(`${init.method ?? 'GET'} ${url} ${typeof init.body === 'string' ? init.body : ''}`);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => resolve(new Response(answer.body, { status: answer.status, headers: { 'content-type': 'text/plain' } })), answer.delayMs ?? 0);
      init.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(new DOMException('aborted', 'AbortError'));
      });
    });
  };
  return { fetch: fake, seen };
}

describe('sending hooks', () => {
  it('posts the click-to-call body and returns the call id the API answered', async () => {
    const api = fakeApi({ status: 200, body: '1537276453.47245539' });
    const hook = template({ ...CLICK2CALL, url: 'https://pbx.example/click2call' });
    expect(await clickToCall(hook, { ramal: '1001', telefone: '41988445566', chave: 'k' }, api.fetch)).toBe('1537276453.47245539');
    expect(api.seen).toEqual(['POST https://pbx.example/click2call {"ramal":"1001","telefone":"41988445566","chave":"k"}']);
  });

  it('says which hook failed and with what status, without the secret', async () => {
    const api = fakeApi({ status: 403, body: 'no' });
    const hook = template({ url: 'https://pbx.example/end?chave={chave}' });
    const error = await sendHook('callEnd', hook, { chave: 'TOPSECRET' }, api.fetch).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HookError);
    expect((error as HookError).message).toMatch(/Hook callEnd: GET https:\/\/pbx.example\/end\?chave=\*\*\* answered 403/);
    expect((error as HookError).message).not.toContain('TOPSECRET');
  });

  it('gives up after the template timeout with a hook-timeout error', async () => {
    const api = fakeApi({ status: 200, body: '1', delayMs: 3000 });
    const hook = template({ url: 'https://pbx.example/slow', timeoutMs: 500 });
    const error = await sendHook('callStart', hook, {}, api.fetch).catch((caught: unknown) => caught);
    expect((error as HookError).code).toBe('hook-timeout');
    expect((error as HookError).message).toMatch(/within 500 ms/);
  });
});
