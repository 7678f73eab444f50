/**
 * Runs `dialtone-admin` as an admin would — a child process — against the Salesforce API stand-in
 * (dev/salesforce) on loopback, with its own store folder, and keeps everything it printed so a
 * test can grep it for tokens.
 */
import { execFile, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devCertificate } from '../../dev/shared/certificate.ts';
import { startSalesforce, type SalesforceStandIn } from '../../dev/salesforce/server.ts';

export interface CliRun { status: number; stdout: string; stderr: string }

export interface AdminHarness {
  sf: SalesforceStandIn;
  dir: string;
  home: string;
  keyFile: string;
  adapterUrl: string;
  /** Everything every CLI run printed. */
  transcript: string[];
  env: Record<string, string>;
  cli(args: readonly string[], extraEnv?: Record<string, string>): Promise<CliRun>;
  /** Starts the CLI and hands its stderr lines to `onLine` while it runs. */
  cliStreaming(args: readonly string[], onLine: (line: string) => void): Promise<CliRun>;
  /** The connection values a real admin passes (the shipped file has example.com placeholders). */
  values: string[];
  close(): Promise<void>;
}

const MAIN = join(import.meta.dirname, '..', '..', 'cli', 'admin', 'main.ts');

export async function startAdminHarness(options: { callbackPort?: number } = {}): Promise<AdminHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'dialtone-admin-'));
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyFile = join(dir, 'server.key');
  writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const callbacks = options.callbackPort === undefined ? [] : [`http://localhost:${options.callbackPort}/OauthRedirect`];
  const sf = await startSalesforce({ app: { jwtPublicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), callbackUrls: callbacks } });
  // The adapter host doctor checks: https with a certificate the CLI trusts through NODE_EXTRA_CA_CERTS.
  const certificate = await devCertificate(['127.0.0.1']);
  const caFile = join(dir, 'adapter-ca.pem');
  writeFileSync(caFile, certificate.cert);
  const adapter: Server = createServer({ key: certificate.key, cert: certificate.cert }, (_req, res) => res.end('<!doctype html><title>Dialtone</title>'));
  await new Promise<void>((resolve) => adapter.listen(0, '127.0.0.1', resolve));
  const adapterUrl = `https://127.0.0.1:${(adapter.address() as AddressInfo).port}/softphone/`;
  const home = join(dir, 'home');
  const env: Record<string, string> = { ...process.env as Record<string, string>, DIALTONE_ADMIN_HOME: home, DIALTONE_ADMIN_POLL_MS: '20', NODE_EXTRA_CA_CERTS: caFile };
  delete env.DIALTONE_ADMIN_ORG;
  const transcript: string[] = [];
  const cwd = join(import.meta.dirname, '..', '..');
  const cli = (args: readonly string[], extraEnv: Record<string, string> = {}): Promise<CliRun> => new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd, env: { ...env, ...extraEnv }, timeout: 120_000 }, (error, stdout, stderr) => {
      transcript.push(stdout, stderr);
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
  const cliStreaming = (args: readonly string[], onLine: (line: string) => void): Promise<CliRun> => new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      for (const line of d.toString().split('\n')) if (line.trim() !== '') onLine(line.trim());
    });
    child.on('close', (code) => {
      transcript.push(stdout, stderr);
      resolve({ status: code ?? 1, stdout, stderr });
    });
  });
  const values = ['--set', `reqAdapterUrl=${adapterUrl}`, '--set', 'neoApiUrl=https://neotel.acme.example/neoapi/webservice.asmx', '--set', 'sipWebSocketUrl=wss://neotel.acme.example/sip', '--set', 'sipDomain=neotel.acme.example'];
  return {
    sf, dir, home, keyFile, adapterUrl, transcript, env, cli, cliStreaming, values,
    close: async () => {
      adapter.closeAllConnections();
      await new Promise<void>((resolve) => adapter.close(() => resolve()));
      await sf.close();
    },
  };
}

/** Logs in as `username` with the JWT bearer flow under `alias`. */
export async function loginJwt(h: AdminHarness, alias: string, username = 'admin@acme.example'): Promise<CliRun> {
  return h.cli(['auth', 'jwt', '--alias', alias, '--login-url', h.sf.url, '--client-id', h.sf.app.clientId, '--username', username, '--key-file', h.keyFile]);
}

/** The parts (tables, metadata components) of the org that differ between two snapshots. */
export function changedParts(before: unknown, after: unknown): string[] {
  const b = before as { tables: Record<string, unknown>; metadata: Record<string, unknown> };
  const a = after as typeof b;
  const differ = (x: Record<string, unknown>, y: Record<string, unknown>, prefix: string): string[] =>
    [...new Set([...Object.keys(x), ...Object.keys(y)])].filter((k) => JSON.stringify(x[k]) !== JSON.stringify(y[k])).map((k) => `${prefix}${k}`);
  return [...differ(b.tables, a.tables, 'table '), ...differ(b.metadata, a.metadata, '')];
}

/** Every file under `dir`, as text (what a token grep reads). */
export function filesUnder(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(path, readFileSync(path, 'latin1'));
    }
  };
  walk(dir);
  return out;
}
