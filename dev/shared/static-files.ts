import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Content type for a file name, `application/octet-stream` when unknown. */
export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticFilesOptions {
  /** Directory served; nothing outside it is ever read. */
  root: string;
  /** Served for a directory request. */
  index?: string;
  /** Extra headers on every file (e.g. a `Content-Security-Policy`). */
  headers?: Readonly<Record<string, string>>;
}

/**
 * Serves files from one directory for GET/HEAD. Returns `false` (answers nothing) when no file
 * matches, so callers can chain their own routes or a 404. Paths that try to leave the root
 * (`..`, encoded or not) are refused with 403.
 */
export function createStaticFiles(options: StaticFilesOptions): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const root = resolve(options.root);
  const index = options.index ?? 'index.html';
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      // A malformed escape cannot name a file of ours.
      return false;
    }
    if (pathname.includes('\0')) return false;
    let file = resolve(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end(`Refusing a path outside the served directory: ${pathname}`);
      return true;
    }
    let info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) {
      file = join(file, index);
      info = await stat(file).catch(() => undefined);
    }
    if (!info?.isFile()) return false;
    res.writeHead(200, {
      'Content-Type': contentTypeFor(file),
      'Content-Length': info.size,
      'Cache-Control': 'no-cache',
      ...options.headers,
    });
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    await new Promise<void>((done, fail) => {
      createReadStream(file).on('error', fail).on('end', done).pipe(res);
    });
    return true;
  };
}
