import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adapterTrustFor, createAdapterFiles, type AdapterTrust } from '../shared/adapter-trust.ts';
import { devCertificate } from '../shared/certificate.ts';
import { BadRequestError, listen, sendJson, sendText, type ListeningServer } from '../shared/http.ts';
import { createStaticFiles } from '../shared/static-files.ts';
import { controlRoutes, errorStatus } from './control/routes.ts';
import { hostAsset, hostScript } from './host-bundle.ts';
import { hostRoutes } from './host-routes.ts';
import { readSoftphoneLayout } from './layout/softphone-layout.ts';
import { allApiVersions, libraryText, libraryVersionFor } from './library-route.ts';
import { DEFAULT_FIXTURES, REPO_ROOT, defaultAllowLocalOrigins, type LightningOptions } from './options.ts';
import { readRecordsFixture } from './records/fixture.ts';
import { settingsFromCallCenterXml } from '../../src/config/call-center-xml.ts';
import { CallCenter } from './settings/call-center.ts';
import { LightningEmulator } from './state/emulator.ts';
import { TabStreams } from './state/tab-streams.ts';

export type { LightningOptions } from './options.ts';

/** A running emulator. */
export interface LightningServer {
  /** The console page (`http://localhost:PORT/`): open it in a browser. */
  url: string;
  /** The console's origin: what the adapter receives as `sfdcIframeOrigin`. */
  origin: string;
  /** Base URL of the control API (`<origin>/__control`). */
  controlUrl: string;
  /** The adapter URL the console frames (before `mode`/`sfdcIframeOrigin` are appended). */
  adapterUrl: string;
  /** Origin of the adapter server, when `serveAdapterDir` was given. */
  adapterOrigin: string | undefined;
  /** PEM certificate of the https servers (trust it, or ignore certificate errors). */
  certificate: string | undefined;
  /** Whether the served library accepts localhost consoles (dev origin allowance). */
  allowLocalOrigins: boolean;
  /** In-process access to the emulated org and console. */
  emulator: LightningEmulator;
  close(): Promise<void>;
}

const TEST_ADAPTER_DIR = fileURLToPath(new URL('./test-adapter/public/', import.meta.url));
const HOST_PAGE = /^\/($|lightning(\/|$)|flow\/|one\/one\.app)/;

/**
 * Starts the Lightning console emulator: the host page, Open CTI library, control API and,
 * optionally, the adapter on its own origin. See docs/dev-lightning.md.
 */
export async function startLightning(options: LightningOptions = {}): Promise<LightningServer> {
  const hostName = options.hostName ?? 'localhost';
  const adapterHostName = options.adapterHostName ?? 'localhost';
  const protocol = options.https === true ? 'https' : 'http';
  const allowLocalOrigins = options.allowLocalOrigins ?? defaultAllowLocalOrigins(hostName);
  const apiVersions = options.apiVersions ?? allApiVersions();
  const tls = options.https === true ? await devCertificate([hostName, adapterHostName]) : undefined;

  const servers: ListeningServer[] = [];
  let adapterOrigin: string | undefined;
  // Known once the console listens: the served adapter trusts exactly that console (docs/security.md).
  const adapterTrust: { current?: AdapterTrust } = {};
  const overrides: Record<string, string> = { ...options.settingOverrides };
  if (options.serveAdapterDir !== undefined) {
    const files = createAdapterFiles(resolve(options.serveAdapterDir), () => adapterTrust.current);
    const adapterServer = await listen(
      async (req, res) => {
        if (!(await files(req, res))) sendText(res, 404, `Not found in ${options.serveAdapterDir ?? ''}: ${req.url ?? ''}`);
      },
      { port: options.adapterPort ?? 0, ...(tls ? { tls } : {}) },
    );
    servers.push(adapterServer);
    adapterOrigin = `${protocol}://${adapterHostName}:${adapterServer.port}`;
    // A relative adapter URL (`/?v=57`) is a path on the adapter server.
    overrides['/reqGeneralInfo/reqAdapterUrl'] = new URL(options.adapterUrl ?? '/', `${adapterOrigin}/`).href;
  } else if (options.adapterUrl !== undefined) {
    overrides['/reqGeneralInfo/reqAdapterUrl'] = options.adapterUrl;
  }

  const xmlPath = options.callCenterXmlPath ?? resolve(REPO_ROOT, 'callcenter-definition.xml');
  const makeCallCenter = (): CallCenter => {
    const callCenter = new CallCenter(settingsFromCallCenterXml, overrides);
    callCenter.importFile(xmlPath);
    return callCenter;
  };
  const streams = new TabStreams();
  const emulator = new LightningEmulator({
    callCenter: makeCallCenter,
    layout: readSoftphoneLayout(options.layoutPath ?? DEFAULT_FIXTURES.layout),
    records: readRecordsFixture(options.recordsPath ?? DEFAULT_FIXTURES.records),
    ...(allowLocalOrigins
      ? { devOriginBanner: 'Dev origin allowance on: this console\'s Open CTI library also accepts localhost origins, which Salesforce\'s never does.' }
      : {}),
    pusher: (tab, update) => streams.push(tab, update),
  });
  const host = hostRoutes(emulator, streams);
  const control = controlRoutes(emulator);
  const testAdapter = createStaticFiles({ root: TEST_ADAPTER_DIR });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://x');
    try {
      const version = libraryVersionFor(url.pathname, apiVersions);
      if (typeof version === 'number') { sendText(res, 200, libraryText(version, allowLocalOrigins), 'text/javascript; charset=utf-8'); return; }
      if (version) { sendText(res, 404, version.error); return; }
      if (url.pathname === '/__host/host.js') { sendText(res, 200, await hostScript(), 'text/javascript; charset=utf-8'); return; }
      if (url.pathname === '/__host/host.css') { sendText(res, 200, hostAsset('host.css'), 'text/css; charset=utf-8'); return; }
      if (url.pathname.startsWith('/__dev/test-adapter/')) {
        req.url = url.pathname.slice('/__dev/test-adapter'.length) + url.search;
        if (await testAdapter(req, res)) return;
      }
      if (await host.handle(req, res, url)) return;
      if (await control.handle(req, res, url)) return;
      if (req.method === 'GET' && HOST_PAGE.test(url.pathname)) { sendText(res, 200, hostAsset('index.html'), 'text/html; charset=utf-8'); return; }
      sendText(res, 404, `Not found: ${url.pathname}`);
    } catch (error) {
      const status = error instanceof BadRequestError ? error.status : errorStatus(error);
      sendJson(res, status, { error: error instanceof Error ? error.message : String(error) });
    }
  };
  const main = await listen(handle, { port: options.port ?? 0, ...(tls ? { tls } : {}) });
  servers.push(main);
  const origin = `${protocol}://${hostName}:${main.port}`;
  adapterTrust.current = adapterTrustFor([origin]);

  return {
    url: `${origin}/`,
    origin,
    controlUrl: `${origin}/__control`,
    adapterUrl: emulator.adapterUrl(),
    adapterOrigin,
    certificate: tls?.cert,
    allowLocalOrigins,
    emulator,
    close: async () => {
      streams.closeAll(emulator.tabs.values());
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}
