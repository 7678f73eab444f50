/**
 * The Neotel simulator on one HTTP port (loopback):
 *
 *   /neoapi/webservice.asmx   NeoApi (HTTP GET/POST, SOAP 1.1, WSDL) — any case, like IIS
 *   /sip                      SIP over WebSocket (upgrade handed to the PBX)
 *   /softphone/               the built adapter (dist/), same origin as NeoApi (deployment model);
 *                             after `serveSoftphoneTo(console)` with that console's
 *                             trusted-origins.json and frame-ancestors header (docs/security.md)
 *   /control/                 control page + JSON API
 *
 * ```ts
 * const neotel = await startNeotel({ port: 0 });
 * await fetch(`${neotel.url}/neoapi/webservice.asmx/Position?USUARIO=1001`);
 * await neotel.close();
 * ```
 */
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { adapterTrustFor, createAdapterFiles, type AdapterTrust } from '../shared/adapter-trust.ts';
import { devCertificate } from '../shared/certificate.ts';
import { listen, sendText, type ListeningServer } from '../shared/http.ts';
import type { Clock } from './center/clock.ts';
import { ContactCenter } from './center/contact-center.ts';
import { createControlHandler } from './control/routes.ts';
import { createNeoApiHandler } from './neoapi/asmx-handler.ts';
import { NeoApiFaults } from './neoapi/fault-injection.ts';
import { DEFAULT_RESPONSE_ENCODING, type ResponseEncoding } from './neoapi/response-encoding.ts';
import { DeploymentNames } from './neoapi/deployment-names.ts';
import { NeoApiLog } from './neoapi/request-log.ts';
import type { Pbx } from './pbx/types.ts';
import { loadDefaultScenario, loadScenarioFile, parseScenario } from './scenario/load.ts';
import type { Scenario } from './scenario/schema.ts';

export interface NeotelOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Bind address (default 127.0.0.1: the network rule). */
  host?: string;
  /** A scenario object, a path to a JSON file, or the default scenario. */
  scenario?: Scenario | string;
  /** The PBX; default: the real simulated PBX of dev/neotel/pbx (SIP over WebSocket, WebRTC audio). */
  pbx?: Pbx;
  clock?: Clock;
  /** Directory served at /softphone/ (default: the repository's dist/). */
  softphoneDir?: string;
  /** Diagnostics (PBX log lines, startup). */
  log?: (line: string) => void;
  /** Every SIP frame in and out of the default PBX (`PbxOptions.trace`); bench/call-soak.ts keeps the last ones to explain a stall. */
  sipTrace?: (direction: 'in' | 'out', connectionId: string, text: string) => void;
  /**
   * Also serve everything over https (and SIP over wss) on a second port, with a self-signed
   * certificate for 127.0.0.1: what an adapter inside an https Salesforce console needs.
   */
  https?: boolean;
  /** The deployment's NeoApi names (`neoApiMethods` syntax); default the contract's. */
  neoApiNames?: string;
  /**
   * `false`: no NeoApi (404 at its path): the PBX, the control page and the adapter only, as the
   * `sip` platform's demo needs (`npm start -- --platform sip`, docs/sip-platform.md). Default true.
   */
  neoApi?: boolean;
}

/** The https twin of the simulator's URLs (`NeotelOptions.https`). */
export interface NeotelSecureUrls {
  /** `https://127.0.0.1:<port>` */
  readonly url: string;
  readonly neoApiUrl: string;
  /** `wss://127.0.0.1:<port>/sip` */
  readonly sipUrl: string;
  /** PEM certificate of the https port. */
  readonly certificate: string;
}

export interface NeotelServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** `<url>/neoapi/webservice.asmx` */
  readonly neoApiUrl: string;
  /** `ws://127.0.0.1:<port>/sip` */
  readonly sipUrl: string;
  /** The current contact center (replaced by {@link reset}). */
  readonly center: ContactCenter;
  readonly pbx: Pbx;
  readonly log: NeoApiLog;
  /** Injected NeoApi failures (`/control/faults/neoapi`). */
  readonly faults: NeoApiFaults;
  /** The https port's URLs, when started with `https: true`. */
  readonly secure: NeotelSecureUrls | undefined;
  /**
   * Hosts /softphone/ for these console origins from now on: its trusted-origins.json trusts them
   * and every answer carries `Content-Security-Policy: frame-ancestors <them>`, as a deployment
   * must (docs/security.md). Before the first call, dist/ is served as built.
   */
  serveSoftphoneTo(consoleOrigins: readonly string[]): void;
  /** Fresh state: ends every call, forgets sessions, clears the NeoApi fault; `scenario` (validated like a file) replaces the current one when given. */
  reset(scenario?: unknown): void;
  close(): Promise<void>;
}

/** The PBX's optional WebSocket entry point (dev/neotel/pbx `SimulatedPbx.handleUpgrade`). */
interface UpgradablePbx extends Pbx {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
}
const canUpgrade = (pbx: Pbx): pbx is UpgradablePbx => typeof (pbx as Partial<UpgradablePbx>).handleUpgrade === 'function';

const DIST_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));

async function createDefaultPbx(log: (line: string) => void, trace: NeotelOptions['sipTrace']): Promise<Pbx> {
  const { createPbx } = await import('./pbx/index.ts');
  return createPbx({ domain: '127.0.0.1', log, ...(trace ? { trace } : {}) });
}

function resolveScenario(input: Scenario | string | undefined): Scenario {
  if (input === undefined) return loadDefaultScenario();
  if (typeof input === 'string') return loadScenarioFile(input);
  return parseScenario(input, '(options.scenario)');
}

/** Starts the simulator; resolves once it listens. */
export async function startNeotel(options: NeotelOptions = {}): Promise<NeotelServer> {
  const log = options.log ?? (() => undefined);
  let scenario = resolveScenario(options.scenario);
  const ownsPbx = options.pbx === undefined;
  const pbx = options.pbx ?? (await createDefaultPbx(log, options.sipTrace));
  const requestLog = new NeoApiLog();
  const faults = new NeoApiFaults();
  let responseEncoding: ResponseEncoding = { ...DEFAULT_RESPONSE_ENCODING };
  const encoding = { get: (): ResponseEncoding => ({ ...responseEncoding }), set: (next: ResponseEncoding): void => void (responseEncoding = { ...next }) };
  const names = new DeploymentNames(options.neoApiNames ?? '');
  const newCenter = (): ContactCenter => new ContactCenter({ scenario, pbx, ...(options.clock ? { clock: options.clock } : {}) });
  let center = newCenter();
  const reset = (next?: unknown): void => {
    if (next !== undefined) scenario = parseScenario(next, '(reset scenario)');
    center.shutdown();
    center = newCenter();
    faults.clear();
    responseEncoding = { ...DEFAULT_RESPONSE_ENCODING };
    names.reset();
  };

  const neoApi = createNeoApiHandler({ center: () => center, log: requestLog, errorDetail: () => center.world.scenario.platform.errorDetail, faults, encoding: encoding.get, operations: names.operations });
  const control = createControlHandler({ center: () => center, log: requestLog, reset, faults, pbx, encoding, names });
  const softphoneDir = options.softphoneDir ?? DIST_DIR;
  let trust: AdapterTrust | undefined;
  const softphone = createAdapterFiles(softphoneDir, () => trust);

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (options.neoApi !== false && (await neoApi(req, res))) return;
    if (await control(req, res)) return;
    const path = new URL(req.url ?? '/', 'http://neotel.invalid').pathname;
    if (path === '/') {
      res.writeHead(302, { Location: '/control/' }).end();
      return;
    }
    if (path === '/softphone') {
      res.writeHead(301, { Location: '/softphone/' }).end();
      return;
    }
    if (path.startsWith('/softphone/')) {
      // The static handler serves its root at "/": hand it the path below /softphone.
      const inner = Object.create(req, { url: { value: (req.url ?? '/').slice('/softphone'.length) } }) as IncomingMessage;
      if (await softphone(inner, res)) return;
      if (!existsSync(softphoneDir)) {
        sendText(res, 404, `The adapter is not built: ${softphoneDir} is missing (run npm run build)`);
        return;
      }
    }
    const serves = options.neoApi === false ? 'runs as a plain SIP PBX (no NeoApi) and serves /control/' : 'serves /neoapi/webservice.asmx, /control/';
    sendText(res, 404, `Not found: ${path}. The simulator ${serves}, /softphone/ and /sip (WebSocket).`);
  };

  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = new URL(req.url ?? '/', 'http://neotel.invalid').pathname;
    if (path === '/sip' && canUpgrade(pbx)) pbx.handleUpgrade(req, socket, head);
    else socket.destroy();
  };
  const host = options.host ?? '127.0.0.1';
  const listening = await listen(handler, { port: options.port ?? 0, bindAddress: host });
  listening.server.on('upgrade', upgrade);
  const url = `http://${host}:${listening.port}`;
  log(`neotel listening on ${url}`);
  let secure: NeotelSecureUrls | undefined;
  let secureListening: ListeningServer | undefined;
  if (options.https === true) {
    const tls = await devCertificate([host]);
    secureListening = await listen(handler, { port: 0, bindAddress: host, tls });
    secureListening.server.on('upgrade', upgrade);
    const secureUrl = `https://${host}:${secureListening.port}`;
    secure = { url: secureUrl, neoApiUrl: `${secureUrl}/neoapi/webservice.asmx`, sipUrl: `wss://${host}:${secureListening.port}/sip`, certificate: tls.cert };
    log(`neotel listening on ${secureUrl}`);
  }
  return {
    url,
    port: listening.port,
    neoApiUrl: `${url}/neoapi/webservice.asmx`,
    sipUrl: `ws://${host}:${listening.port}/sip`,
    get center() {
      return center;
    },
    pbx,
    log: requestLog,
    faults,
    secure,
    serveSoftphoneTo: (consoleOrigins) => {
      trust = adapterTrustFor(consoleOrigins);
    },
    reset,
    close: async () => {
      faults.close();
      center.shutdown();
      if (ownsPbx) await pbx.close();
      await Promise.all([listening.close(), secureListening?.close()]);
    },
  };
}
