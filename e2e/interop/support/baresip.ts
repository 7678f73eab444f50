/**
 * baresip (Debian `baresip-core`) as the customer: a third-party SIP user agent over UDP that
 * calls the agent through Kamailio, with rtpengine relaying its plain RTP to the browser's WebRTC
 * (sip-test-stack.md, "baresip 1.0 over UDP"). Driven through its `ctrl_tcp` module (netstring
 * JSON commands); the evidence is its own: the log (`received event: '5' (end=0)` under `-v`, call states) and
 * the `sndfile` recording of what it decoded from the agent.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createConnection, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../../dev/kamailio/kamailio.ts';
import { startHelper, type Helper } from './child-process.ts';

export const BARESIP_PATH = process.env.BARESIP_PATH ?? '/usr/bin/baresip';

export interface BaresipOptions {
  /** Kamailio's UDP port on 127.0.0.1 (the outbound proxy). */
  proxyUdpPort: number;
  /** SIP domain (Kamailio's). */
  domain: string;
  /** The user baresip calls from (`From: <sip:bot@domain>`). */
  user: string;
  /** Sine frequency baresip sends as its voice (ausine). */
  toneHz: number;
  /** First RTP port of its own range (100 ports). */
  rtpPortMin: number;
  maxLifetimeMs: number;
  /** Registers at Kamailio with this digest password (so the agent can call it); absent = calls out only. */
  password?: string;
  /** `auto`: answers every call by itself (a customer or colleague the agent calls). Default `manual`. */
  answerMode?: 'auto' | 'manual';
  /**
   * Keep recording what it decodes after a hold (see {@link keepDecodeTapAcrossHolds}). Default
   * false: its `*-enc.wav` recordings are then missing.
   */
  recordAcrossHolds?: boolean;
}

/**
 * baresip 1.0.0 stops recording what it decodes at the first re-INVITE whose answer is not
 * `sendrecv` (a hold): `audio_decoder_set()` then flushes the decode filter chain (sndfile's tap)
 * and restarts the audio, but `aufilt_setup()` rebuilds the chains only when BOTH are empty, and
 * the encode chain (sndfile's `-enc.wav` tap) is still there. The customer keeps hearing the
 * agent; its recording just ends at the hold (src/audio.c of v1.0.0, read for this). The far side
 * must prove what it hears after a resume, so this makes sndfile's *encode* tap fail to open —
 * a directory already sits at each `dump-<second>-enc.wav` name it could use over the bot's
 * life — leaving the encode chain empty: every audio restart then opens a new `-dec.wav`.
 */
async function keepDecodeTapAcrossHolds(dir: string, lifetimeMs: number): Promise<void> {
  const two = (n: number): string => String(n).padStart(2, '0');
  const start = Date.now() - 2000;
  const names = new Set<string>();
  for (let at = start; at <= start + lifetimeMs + 4000; at += 1000) {
    const t = new Date(at); // baresip names its files in local time, as Date's getters read it
    names.add(`dump-${t.getFullYear()}-${two(t.getMonth() + 1)}-${two(t.getDate())}-${two(t.getHours())}-${two(t.getMinutes())}-${two(t.getSeconds())}-enc.wav`);
  }
  await Promise.all([...names].map((name) => mkdir(join(dir, name))));
}

export class Baresip {
  /** `ctrl_tcp` events (type and param), in order, from a connection kept open for them. */
  readonly events: { type: string; param: string }[] = [];
  private eventSocket: Socket | undefined;

  private constructor(
    readonly helper: Helper,
    private readonly dir: string,
    private readonly ctrlPort: number,
    private readonly options: BaresipOptions,
  ) {}

  /** Opens the connection that receives baresip's events (CALL_DTMF_START, CALL_CLOSED…). */
  private async listen(): Promise<void> {
    const socket = createConnection({ host: '127.0.0.1', port: this.ctrlPort });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('error', reject);
    });
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        const colon = buffer.indexOf(':');
        const length = Number(buffer.slice(0, colon));
        if (colon < 0 || !Number.isFinite(length) || buffer.length < colon + 1 + length + 1) break;
        const json = buffer.slice(colon + 1, colon + 1 + length);
        buffer = buffer.slice(colon + 1 + length + 1);
        try {
          const message = JSON.parse(json) as { event?: boolean; type?: string; param?: string };
          if (message.event === true && this.events.length < 10_000) this.events.push({ type: message.type ?? '', param: message.param ?? '' });
        } catch {
          // not JSON: ignore
        }
      }
    });
    socket.on('error', () => undefined);
    this.eventSocket = socket;
  }

  static async start(options: BaresipOptions): Promise<Baresip> {
    if (!existsSync(BARESIP_PATH)) throw new Error(`baresip is not installed (missing ${BARESIP_PATH}): apt-get install --no-install-recommends baresip-core (.ci/run installs it).`);
    const dir = await mkdtemp(join(tmpdir(), 'dialtone-baresip-'));
    if (options.recordAcrossHolds === true) await keepDecodeTapAcrossHolds(dir, options.maxLifetimeMs);
    // A port taken between our probe and baresip's bind (another test's process) fails its start with
    // "Address already in use": new ports, at most three tries.
    for (let attempt = 1; ; attempt++) {
      try {
        return await Baresip.startIn(dir, options);
      } catch (error) {
        if (attempt >= 3 || !String(error).includes('Address already in use')) throw error;
      }
    }
  }

  private static async startIn(dir: string, options: BaresipOptions): Promise<Baresip> {
    const { sipPort, ctrlPort } = await sipAndControlPorts();
    await writeFile(
      join(dir, 'config'),
      [
        'poll_method epoll',
        `sip_listen 127.0.0.1:${sipPort}`,
        'sip_transports udp',
        'net_interface 127.0.0.1', // not `lo` (sip-test-stack.md pitfall 13)
        `audio_source ausine,${options.toneHz}`,
        'audio_player aubridge,nil',
        'audio_alert aubridge,nil',
        `rtp_ports ${options.rtpPortMin}-${options.rtpPortMin + 99}`,
        'rtcp_mux yes',
        'statmode_default off', // no per-second status line in the log
        'module_path /usr/lib/baresip/modules',
        'module g711.so',
        'module opus.so',
        'module ausine.so',
        'module aubridge.so',
        'module sndfile.so',
        'module_app account.so',
        'module_app menu.so',
        'module_app ctrl_tcp.so',
        `ctrl_tcp_listen 127.0.0.1:${ctrlPort}`,
        `snd_path ${dir}`,
        '',
      ].join('\n'),
    );
    // regint=0: it only calls out; Kamailio authenticates REGISTER only. With a password it
    // registers (digest) so calls to its user reach it.
    const registration = options.password === undefined ? 'regint=0' : `auth_pass=${options.password};regint=300`;
    await writeFile(
      join(dir, 'accounts'),
      `<sip:${options.user}@${options.domain}>;${registration};answermode=${options.answerMode ?? 'manual'};audio_codecs=opus/48000/2,PCMU/8000;outbound="sip:127.0.0.1:${options.proxyUdpPort};transport=udp"\n`,
    );
    // -v: the received-DTMF lines are debug output.
    const helper = startHelper('baresip', BARESIP_PATH, ['-v', '-f', dir], { cwd: dir, maxLifetimeMs: options.maxLifetimeMs });
    await helper.waitFor(/baresip is ready/, 10_000);
    const baresip = new Baresip(helper, dir, ctrlPort, options);
    await baresip.listen();
    return baresip;
  }

  /** Sends one `ctrl_tcp` command; resolves with its response (`ok`, `data`). */
  async command(command: string, params = ''): Promise<{ ok: boolean; data: string }> {
    const token = `t${Date.now()}${Math.round(Math.random() * 1000)}`;
    const json = JSON.stringify({ command, params, token });
    return new Promise((resolve, reject) => {
      const socket = createConnection({ host: '127.0.0.1', port: this.ctrlPort }, () => socket.write(`${Buffer.byteLength(json)}:${json},`));
      let buffer = '';
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`baresip ctrl_tcp: no answer to ${command} ${params} within 5 s`));
      }, 5000);
      socket.on('data', (chunk) => {
        buffer += chunk.toString('utf8');
        // Netstrings `<len>:<json>,`; events come on the same socket: keep the response with our token.
        for (const match of buffer.matchAll(/\d+:(\{.*?\}),/g)) {
          const message = JSON.parse(match[1]!) as { response?: boolean; ok?: boolean; data?: string; token?: string };
          if (message.response === true && message.token === token) {
            clearTimeout(timer);
            socket.end();
            resolve({ ok: message.ok === true, data: message.data ?? '' });
          }
        }
      });
      socket.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  /** Calls `user` on the domain through Kamailio. */
  async dial(user: string): Promise<void> {
    const answer = await this.command('dial', `sip:${user}@${this.options.domain}`);
    if (!answer.ok) throw new Error(`baresip could not dial ${user}: ${answer.data}`);
  }

  /** Hangs up its current call (no error when there is none). */
  async hangup(): Promise<void> {
    await this.command('hangup').catch(() => undefined);
  }

  /**
   * Digits baresip received as RFC 4733 events, in order: its `CALL_DTMF_START` events (from
   * event `fromEvent` on), or else its log lines `received event: 'x' (end=0|1)` (from line `fromLine`).
   */
  receivedDigits(fromEvent = 0, fromLine = 0): string {
    const events = this.events.slice(fromEvent).filter((event) => event.type === 'CALL_DTMF_START').map((event) => event.param);
    if (events.length > 0) return events.join('');
    // baresip 1.0 -v logs `received event: '5' (end=0)` at the start of a digit and `(end=1)` at
    // its end; a digit counts once, from its start, or from its end when the start was lost.
    let digits = '';
    let open: string | undefined;
    for (const line of this.helper.lines().slice(fromLine)) {
      const match = /received (?:event|DTMF): '(.)'(?: \(end=(\d)\))?/.exec(line);
      if (!match) continue;
      const [, digit = '', end = '1'] = match;
      if (end === '0') {
        digits += digit;
        open = digit;
      } else {
        if (open !== digit) digits += digit;
        open = undefined;
      }
    }
    return digits;
  }

  /** The `sndfile` recording of what baresip decoded from the far end (the agent), newest call (or `back` calls before it). */
  async decodedRecording(back = 0): Promise<Buffer> {
    const files = (await readdir(this.dir)).filter((name) => name.endsWith('-dec.wav')).sort();
    const newest = files.at(-1 - back);
    if (newest === undefined) throw new Error(`baresip wrote no *-dec.wav in ${this.dir} (sndfile): files ${(await readdir(this.dir)).join(', ')}`);
    return readFile(join(this.dir, newest));
  }

  /** How many `*-dec.wav` recordings baresip has written so far (a mark for {@link decodedSince}). */
  async recordingCount(): Promise<number> {
    return (await readdir(this.dir)).filter((name) => name.endsWith('-dec.wav')).length;
  }

  /**
   * Every decoded recording written after the first `count`, oldest first. sndfile starts a new
   * file whenever a re-INVITE restarts the stream (hold, resume), so one call can span several.
   */
  async decodedSince(count: number): Promise<Buffer[]> {
    const files = (await readdir(this.dir)).filter((name) => name.endsWith('-dec.wav')).sort().slice(count);
    return Promise.all(files.map((name) => readFile(join(this.dir, name))));
  }

  async stop(): Promise<void> {
    this.eventSocket?.destroy();
    await this.helper.stop();
    await rm(this.dir, { recursive: true, force: true });
  }
}

/**
 * A SIP port and a control port for one baresip. baresip 1.0 binds a TLS transport on the SIP port
 * + 1 even with `sip_transports udp`, so that one must be free too and not the control port
 * (a CI run failed on it: "tcp: sock_bind … Address already in use", "SIP/TLS transport failed").
 */
async function sipAndControlPorts(): Promise<{ sipPort: number; ctrlPort: number }> {
  const ctrlPort = await freePort();
  for (let tries = 0; tries < 20; tries++) {
    const sipPort = await freePort();
    if (sipPort === ctrlPort || sipPort + 1 === ctrlPort || sipPort + 1 > 65_535) continue;
    if (await canBind(sipPort + 1)) return { sipPort, ctrlPort };
  }
  throw new Error(`no SIP port for baresip with its next port free in 20 tries (control port ${ctrlPort})`);
}

/** Whether a TCP port on 127.0.0.1 can be bound now. */
function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
