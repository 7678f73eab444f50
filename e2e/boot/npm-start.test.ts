import { spawn, type ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { shellPhase } from './support.ts';

// The README's promise: `npm start` gives the whole product on its embedded default.
let child: ChildProcess;
let output = '';
let browser: Browser;

function waitForReady(timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no "ready" line within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const ready = /^ready (\S+)$/m.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]!);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code ?? 'a signal'}:\n${output}`)));
  });
}

beforeAll(async () => {
  child = spawn(process.execPath, ['--import', 'tsx', 'dev/start.ts', '--port', '0', '--neotel-port', '0', '--no-build'], { stdio: ['ignore', 'pipe', 'pipe'] });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
  child.kill('SIGTERM');
});

it('npm start serves the console, the simulator and the adapter, and the adapter comes up ready', async () => {
  const url = await waitForReady(30_000);
  const neoApi = /NeoApi\s+(\S+)/.exec(output)?.[1];
  expect(neoApi).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/neoapi\/webservice\.asmx$/);

  const wsdl = await fetch(`${neoApi!}?wsdl`);
  expect(wsdl.status).toBe(200);
  expect(await wsdl.text()).toContain('targetNamespace="http://tempuri.org/"');

  const page = await browser.newPage();
  await page.goto(url);
  await page.getByTestId('utility-item').click();
  const frame = await (await page.waitForSelector('iframe.openctiSoftPhone')).contentFrame();
  const text = await shellPhase(frame!, 'ready');
  expect(text).toContain(new URL(neoApi!).host);
  expect(frame!.url()).toContain(`${new URL(neoApi!).origin}/softphone/`);

  // Hosted as docs/admin-setup.md asks a deployer: trusts and may be framed by this console only.
  const consoleOrigin = new URL(url).origin;
  const adapter = await fetch(`${new URL(neoApi!).origin}/softphone/`);
  expect(adapter.headers.get('content-security-policy')).toBe(`frame-ancestors ${consoleOrigin}`);
  const trust = await fetch(`${new URL(neoApi!).origin}/softphone/trusted-origins.json`);
  expect(await trust.json()).toEqual({ salesforceHosts: [], devOrigins: [consoleOrigin] });
});
