import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, createStaticFiles } from '../../../dev/shared/static-files.ts';

/** A response that records status, headers and body, without a socket. */
function fakeResponse(): { res: ServerResponse; result: () => Promise<{ status: number; headers: Record<string, unknown>; body: string }> } {
  const stream = new PassThrough();
  let status = 0;
  let headers: Record<string, unknown> = {};
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const res = Object.assign(stream, {
    writeHead(code: number, h: Record<string, unknown> = {}) {
      status = code;
      headers = h;
      return res;
    },
  }) as unknown as ServerResponse;
  return {
    res,
    result: async () => {
      if (!stream.writableEnded) await new Promise((r) => stream.once('finish', r));
      return { status, headers, body: Buffer.concat(chunks).toString('utf8') };
    },
  };
}

const root = mkdtempSync(join(tmpdir(), 'static-'));
mkdirSync(join(root, 'app'));
writeFileSync(join(root, 'app', 'index.html'), '<p>adapter</p>');
writeFileSync(join(root, 'app', 'main.js'), 'export {};');
const serve = createStaticFiles({ root: join(root, 'app'), headers: { 'X-Test': 'yes' } });
const request = (url: string, method = 'GET') => ({ url, method }) as unknown as IncomingMessage;

describe('static files (dev/shared)', () => {
  it('serves a directory\'s index.html and files with their content type and extra headers', async () => {
    const index = fakeResponse();
    expect(await serve(request('/?mode=Lightning'), index.res)).toBe(true);
    expect(await index.result()).toMatchObject({ status: 200, body: '<p>adapter</p>', headers: { 'Content-Type': 'text/html; charset=utf-8', 'X-Test': 'yes' } });
    const script = fakeResponse();
    await serve(request('/main.js'), script.res);
    expect((await script.result()).headers['Content-Type']).toBe('text/javascript; charset=utf-8');
  });

  it('refuses paths that escape the root, even percent-encoded', async () => {
    writeFileSync(join(root, 'secret.txt'), 'TOP-SECRET-CONTENT');
    const escape = fakeResponse();
    expect(await serve(request('/%2e%2e%2fsecret.txt'), escape.res)).toBe(true);
    const result = await escape.result();
    expect(result.status).toBe(403);
    expect(result.body).not.toContain('TOP-SECRET-CONTENT');
  });

  it('answers nothing (false) for missing files and other methods, so callers can chain routes', async () => {
    expect(await serve(request('/nope.js'), fakeResponse().res)).toBe(false);
    expect(await serve(request('/main.js', 'POST'), fakeResponse().res)).toBe(false);
    expect(contentTypeFor('x.unknown')).toBe('application/octet-stream');
  });
});
