import { describe, expect, it } from 'vitest';
import { callNeoApi, type TransportSettings } from '../../../src/platforms/neotel/transport.ts';
import type { NeoApiBinding } from '../../../src/config/index.ts';

/** The `fetch` options of one `Position` call with `binding`. */
async function optionsOf(binding: NeoApiBinding): Promise<RequestInit> {
  let seen: RequestInit | undefined;
  const settings: TransportSettings = {
    serviceUrl: 'https://neotel.example/neoapi/webservice.asmx',
    binding,
    timeoutMs: 5000,
    maxBodyBytes: 1 << 20,
    log: undefined,
    now: () => 0,
    fetch: (_url, init) => {
      seen = init;
      return Promise.resolve(new Response('<?xml version="1.0" encoding="utf-8"?><string xmlns="http://tempuri.org/">ESTADO=0|</string>', { status: 200, headers: { 'Content-Type': 'text/xml; charset=utf-8' } }));
    },
  };
  await callNeoApi(settings, 'Position', { USUARIO: '1001' });
  if (!seen) throw new Error('the transport made no request');
  return seen;
}

describe('the request options of a NeoApi call (the Position poll goes once a second)', () => {
  it('sends no Referer and, for a POST nothing can cache, no no-cache headers', async () => {
    const post = await optionsOf('POST');
    expect(post.referrerPolicy).toBe('no-referrer');
    expect(post.cache).toBeUndefined();
    expect(post.credentials).toBeUndefined();
  });

  it('keeps a GET out of the HTTP cache, so a poll never reads a stale Position', async () => {
    const get = await optionsOf('GET');
    expect(get.referrerPolicy).toBe('no-referrer');
    expect(get.cache).toBe('no-store');
  });
});
