/**
 * A tiny loopback HTTP server for the interop pages: each page is one TypeScript entry bundled
 * with esbuild (sip.js included: ~0.65 s less page load than 193 ES modules, sip-test-stack.md
 * pitfall 15) and served as `/<name>/` (HTML) + `/<name>.js` (bundle). http://127.0.0.1 is a
 * secure context, so getUserMedia and ws:// work without TLS.
 */

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bundleEntry } from '../../support/bundle.ts';

export interface PageServer {
  /** URL of page `name`, e.g. http://127.0.0.1:41234/far-end/ */
  url(name: string): string;
  close(): Promise<void>;
}

const bundle = (entry: string): Promise<string> => bundleEntry(entry, { minify: true });

/** Bundles every entry (name → absolute path of a .ts file) and serves them on 127.0.0.1. */
export async function startPageServer(entries: Readonly<Record<string, string>>): Promise<PageServer> {
  const scripts = new Map<string, string>();
  await Promise.all(Object.entries(entries).map(async ([name, entry]) => scripts.set(name, await bundle(entry))));
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const page = /^\/([\w-]+)\/$/.exec(path)?.[1];
    const script = /^\/([\w-]+)\.js$/.exec(path)?.[1];
    if (page !== undefined && scripts.has(page)) {
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${page}</title></head><body><h1>${page}</h1><script type="module" src="/${page}.js"></script></body></html>`);
    } else if (script !== undefined && scripts.has(script)) {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(scripts.get(script));
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: (name) => {
      if (!scripts.has(name)) throw new Error(`No interop page named ${JSON.stringify(name)}; pages: ${[...scripts.keys()].join(', ')}`);
      return `http://127.0.0.1:${port}/${name}/`;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
