/**
 * Starts Debian's Kamailio as a throw-away SIP-over-WebSocket registrar/proxy on 127.0.0.1, for
 * the interop suite (e2e/interop) and for trying the phone by hand (./cli.ts).
 *
 * ```
 *   startKamailio() ──render cfg into a temp dir──▶ spawn kamailio -DD -E ──WS port accepts──▶ running
 *   running ──restart()──▶ SIGTERM, wait for exit ──spawn again, same port──▶ running (usrloc empty)
 *   running ──stop()────▶ SIGTERM (SIGKILL after 5 s) to the process group ──▶ temp dir removed
 * ```
 *
 * The config (./kamailio.cfg) is a template, rendered per run with a free port, so parallel runs
 * never clash. Kamailio must be installed (`apt-get install kamailio kamailio-websocket-modules`);
 * when it is not, startKamailio throws saying so: the interop suite must fail, not skip.
 */

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const KAMAILIO_PATH = process.env.KAMAILIO_PATH ?? '/usr/sbin/kamailio';
export const KAMCMD_PATH = process.env.KAMCMD_PATH ?? '/usr/sbin/kamcmd';
const MODULES_DIR = '/usr/lib/x86_64-linux-gnu/kamailio/modules';
const TEMPLATE = fileURLToPath(new URL('./kamailio.cfg', import.meta.url));

export interface KamailioOptions {
  /** WebSocket port on 127.0.0.1; 0 or absent = a free port. */
  wsPort?: number;
  /** SIP users allowed to REGISTER (digest auth) and their passwords. */
  users?: Readonly<Record<string, string>>;
  /** SIP domain and digest realm. */
  domain?: string;
  /** How long to wait for the WebSocket port after a (re)start. */
  startTimeoutMs?: number;
  /** UDP port for plain SIP peers (baresip); 0 or absent = a free port. */
  udpPort?: number;
  /** Registrar limits, seconds (defaults 60 and 3600); a REGISTER asking less than `minExpires` gets 423. */
  minExpires?: number;
  maxExpires?: number;
  /** rtpengine's ng control address (`udp:127.0.0.1:<port>`): relay media between WebRTC and plain RTP peers. */
  rtpengineSock?: string;
  /** The 2nd authenticated REGISTER of each user (its first refresh) gets 503 and the binding is dropped. */
  refresh503?: boolean;
  /** INVITEs from UDP peers get `P-Asserted-Identity: "Ana Cliente" <sip:+34911234567@domain>`. */
  assertIdentity?: boolean;
}

export interface RunningKamailio {
  /** `ws://127.0.0.1:<port>` for sip.js's transport. */
  wsUrl: string;
  wsPort: number;
  /** UDP port of plain SIP (`sip:127.0.0.1:<port>;transport=udp`). */
  udpPort: number;
  domain: string;
  /** The temp dir holding the rendered config, the ctl socket and the log. */
  runDir: string;
  /** Stops Kamailio, waits for it to exit, starts it again on the same port. Resolves when the port accepts. */
  restart(): Promise<{ downMs: number; upMs: number }>;
  /** AORs in the location table (usrloc), through kamcmd over the ctl socket. */
  registeredAors(): Promise<string[]>;
  /** The last lines Kamailio wrote to stderr (for failure messages). */
  logTail(lines?: number): string;
  /** Every `SIPTRACE` line (each request and reply that passed) since start, in order. */
  trace(): string[];
  /** Stops Kamailio (process group) and removes the temp dir. Safe to call twice. */
  stop(): Promise<void>;
}

const DEFAULT_USERS: Readonly<Record<string, string>> = { agent: 'agent-secret', customer: 'customer-secret' };
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Fills the template's placeholders; exported for tests of the rendering. */
export interface KamailioVariant {
  udpPort: number;
  minExpires: number;
  maxExpires: number;
  rtpengineSock?: string;
  refresh503?: boolean;
  assertIdentity?: boolean;
}

const DEFAULT_VARIANT: KamailioVariant = { udpPort: 5060, minExpires: 60, maxExpires: 3600 };

export function renderKamailioConfig(
  template: string,
  values: { wsPort: number; runDir: string; domain: string; users: Readonly<Record<string, string>>; variant?: KamailioVariant },
): string {
  const variant = values.variant ?? DEFAULT_VARIANT;
  const defines = [
    variant.rtpengineSock === undefined ? undefined : '#!define WITH_RTPENGINE',
    variant.refresh503 === true ? '#!define WITH_REFRESH_503' : undefined,
    variant.assertIdentity === true ? '#!define WITH_PAI' : undefined,
  ].filter((line) => line !== undefined);
  const quote = (text: string, what: string): string => {
    if (!/^[\w.@+-]+$/.test(text)) throw new Error(`Kamailio config: ${what} ${JSON.stringify(text)} has characters the config cannot quote; use letters, digits and . @ + - _`);
    return `"${text}"`;
  };
  const passwords = Object.entries(values.users)
    .map(([user, password]) => `\t\tif ($au == ${quote(user, 'user')}) $var(password) = ${quote(password, `password of ${user}`)};`)
    .join('\n');
  const filled: Record<string, string> = {
    WS_PORT: String(values.wsPort),
    RUN_DIR: values.runDir,
    MODULES: MODULES_DIR,
    PASSWORDS: passwords,
    REALM: quote(values.domain, 'domain').slice(1, -1),
    UDP_PORT: String(variant.udpPort),
    MIN_EXPIRES: String(variant.minExpires),
    MAX_EXPIRES: String(variant.maxExpires),
    RTPENGINE_SOCK: variant.rtpengineSock ?? 'udp:127.0.0.1:2223',
    DEFINES: defines.join('\n'),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (match, name: string) => {
    const value = filled[name];
    if (value === undefined) throw new Error(`Kamailio config template: unknown placeholder ${match}`);
    return value;
  });
}

/** A port nobody listens on right now (127.0.0.1). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.setTimeout(500, () => done(false));
  });
}

/** Throws with the install command when Kamailio or its WebSocket module is missing. */
export function assertKamailioInstalled(): void {
  const missing = [KAMAILIO_PATH, join(MODULES_DIR, 'websocket.so')].filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `Kamailio is not installed (missing ${missing.join(', ')}). The interop suite needs Debian's packages: ` +
        'apt-get install --no-install-recommends kamailio kamailio-websocket-modules (.ci/run installs them).',
    );
  }
}

/** Renders the config into a fresh temp dir and starts Kamailio; resolves when its WebSocket port accepts. */
export async function startKamailio(options: KamailioOptions = {}): Promise<RunningKamailio> {
  assertKamailioInstalled();
  const domain = options.domain ?? '127.0.0.1';
  const startTimeoutMs = options.startTimeoutMs ?? 10_000;
  const wsPort = options.wsPort && options.wsPort > 0 ? options.wsPort : await freePort();
  const runDir = await mkdtemp(join(tmpdir(), 'dialtone-kamailio-'));
  const configFile = join(runDir, 'kamailio.cfg');
  const udpPort = options.udpPort && options.udpPort > 0 ? options.udpPort : await freePort();
  const variant: KamailioVariant = {
    udpPort,
    minExpires: options.minExpires ?? DEFAULT_VARIANT.minExpires,
    maxExpires: options.maxExpires ?? DEFAULT_VARIANT.maxExpires,
    ...(options.rtpengineSock === undefined ? {} : { rtpengineSock: options.rtpengineSock }),
    refresh503: options.refresh503 === true,
    assertIdentity: options.assertIdentity === true,
  };
  await writeFile(configFile, renderKamailioConfig(await readFile(TEMPLATE, 'utf8'), { wsPort, runDir, domain, users: options.users ?? DEFAULT_USERS, variant }));

  let log: string[] = [];
  const trace: string[] = [];
  let child: ChildProcess | undefined;
  let stopped = false;

  const spawnOnce = async (): Promise<number> => {
    const started = performance.now();
    // -DD: no daemon, the main process stays our child; -E: log to stderr; own process group
    // (detached) so stop() reaches the forked workers too.
    const proc = spawn(KAMAILIO_PATH, ['-f', configFile, '-DD', '-E', '-Y', runDir, '-P', join(runDir, 'kamailio.pid'), '-m', '64', '-M', '8'], {
      cwd: runDir,
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child = proc;
    proc.stderr.setEncoding('utf8');
    proc.stderr.on('data', (chunk: string) => {
      const lines = chunk.split('\n').filter((line) => line.length > 0);
      log.push(...lines);
      for (const line of lines) {
        const at = line.indexOf('SIPTRACE ');
        if (at >= 0 && trace.length < 20_000) trace.push(line.slice(at + 'SIPTRACE '.length));
      }
      if (log.length > 400) log = log.slice(-200);
    });
    let exit: string | undefined;
    proc.once('exit', (code, signal) => {
      exit = `exited with ${signal ?? `code ${code}`}`;
    });
    const deadline = started + startTimeoutMs;
    for (let attempt = 0; attempt < 10_000; attempt++) {
      if (exit !== undefined) throw new Error(`Kamailio ${exit} before its WebSocket port ${wsPort} accepted connections. Log:\n${log.slice(-30).join('\n')}`);
      if (await canConnect(wsPort)) return performance.now() - started;
      if (performance.now() > deadline) break;
      await sleep(25);
    }
    await kill();
    throw new Error(`Kamailio did not accept connections on 127.0.0.1:${wsPort} within ${startTimeoutMs} ms. Log:\n${log.slice(-30).join('\n')}`);
  };

  /** SIGTERM to the group, SIGKILL after 5 s; resolves when the main process has exited (port free). */
  const kill = async (): Promise<void> => {
    const proc = child;
    child = undefined;
    if (!proc?.pid || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    const signalGroup = (signal: NodeJS.Signals): void => {
      try {
        process.kill(-proc.pid!, signal);
      } catch {
        // The group is already gone.
      }
    };
    signalGroup('SIGTERM');
    const timer = setTimeout(() => signalGroup('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    // Workers may outlive the main process by a moment; make sure none keeps the port.
    signalGroup('SIGKILL');
  };

  await spawnOnce();

  return {
    wsUrl: `ws://127.0.0.1:${wsPort}`,
    wsPort,
    udpPort,
    domain,
    runDir,
    trace: () => [...trace],
    restart: async () => {
      if (stopped) throw new Error('Kamailio restart() after stop()');
      const started = performance.now();
      await kill();
      const downMs = performance.now() - started;
      const upMs = await spawnOnce();
      return { downMs, upMs };
    },
    registeredAors: async () => {
      const { stdout } = await promisify(execFile)(KAMCMD_PATH, ['-s', `unix:${runDir}/kamailio_ctl`, 'ul.dump', 'brief'], { timeout: 5000 });
      return [...stdout.matchAll(/AoR:\s*(\S+)/g)].map((match) => match[1]!).sort();
    },
    logTail: (lines = 30) => log.slice(-lines).join('\n'),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await kill();
      await rm(runDir, { recursive: true, force: true });
    },
  };
}
