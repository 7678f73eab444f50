/**
 * `npm run neotel` as a person runs it: the real PBX, `ready <url>` on stdout, a WebSocket
 * upgrade on /sip reaching the PBX, and clear errors for a bad scenario.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGTERM');
});

function run(args: string[]): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'dev/neotel/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function readyUrl(output: () => string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = /^ready (http:\/\/127\.0\.0\.1:\d+)$/m.exec(output());
    if (match?.[1]) return match[1];
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no "ready <url>" line within ${timeoutMs} ms; output so far:\n${output()}`);
}

describe('npm run neotel', () => {
  it('prints ready <url>, serves NeoApi and hands /sip WebSocket upgrades to the PBX', async () => {
    const { output } = run(['--port', '0']);
    const url = await readyUrl(output);
    const wsdl = await fetch(`${url}/neoapi/webservice.asmx?wsdl`).then((r) => r.text());
    expect(wsdl).toContain('<wsdl:operation name="Position">');
    const ws = new WebSocket(`${url.replace('http', 'ws')}/sip`, 'sip');
    const opened = await new Promise<boolean>((resolve) => {
      ws.once('open', () => resolve(true));
      ws.once('error', () => resolve(false));
      setTimeout(() => resolve(false), 5000);
    });
    expect(opened).toBe(true);
    expect(ws.protocol).toBe('sip');
    ws.close();
  });

  it('exits with the path and value of every problem in a bad scenario file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'neotel-scenario-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ users: [{ id: 'x', password: '1', name: 'A' }] }));
    const { output, exited } = run(['--port', '0', '--scenario', file]);
    expect(await exited).toBe(1);
    expect(output()).toContain(`Invalid Neotel scenario ${file}:`);
    expect(output()).toContain('users[0].id: expected digits only (received "x")');
  });

  it('refuses a bad --port with the usage', async () => {
    const { output, exited } = run(['--port', 'eighty']);
    expect(await exited).toBe(2);
    expect(output()).toContain('--port: expected an integer 0-65535, received "eighty"');
  });
});
