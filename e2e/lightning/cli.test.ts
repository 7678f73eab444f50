import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { LightningControl } from '../../dev/lightning/control-client.ts';
import { assertInLoopbackNamespace } from '../support/browser.ts';

let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill('SIGTERM');
});

/** Starts the CLI and resolves with the URL of its `ready <url>` line (bounded wait). */
function startCli(args: string[]): Promise<{ url: string; output: string }> {
  assertInLoopbackNamespace();
  child = spawn(process.execPath, ['--import', 'tsx', 'dev/lightning/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`No "ready" line within 20 s; output so far:\n${output}`)), 20_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const ready = /^ready (\S+)$/m.exec(output);
      if (ready?.[1]) {
        clearTimeout(timer);
        resolve({ url: ready[1], output });
      }
    };
    child?.stdout?.on('data', read);
    child?.stderr?.on('data', read);
    child?.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`CLI exited with ${String(code)} before "ready":\n${output}`));
    });
  });
}

describe('npm run lightning', () => {
  it('prints "ready <url>" once listening and applies --set like an admin\'s edit', async () => {
    const { url, output } = await startCli(['--port', '0', '--strict-origins', '--set', '/neotelConnection/neoApiUrl=http://localhost:9/neoapi/webservice.asmx']);
    expect(url).toMatch(/^http:\/\/localhost:\d+\/$/);
    expect(output).not.toContain('dev origin allowance');
    const settings = await new LightningControl(url).settings();
    expect(settings.settings['/neotelConnection/neoApiUrl']).toBe('http://localhost:9/neoapi/webservice.asmx');
    expect(settings.importError).toBeUndefined();
    const library = await fetch(new URL('/support/api/57.0/lightning/opencti_min.js', url));
    expect(await library.text()).toContain('"allowLocalOrigins":false');
  });
});
