import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { shellPhase, spawnNpmStart, type NpmStart } from './support.ts';

// The README's promise: `npm start` gives the whole product on its embedded default.
let npm: NpmStart;
let browser: Browser;

beforeAll(async () => {
  npm = spawnNpmStart(['--port', '0', '--neotel-port', '0', '--no-build']);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
  npm.child.kill('SIGTERM');
});

it('npm start serves the console, the simulator and the adapter, and the adapter comes up ready', async () => {
  const url = await npm.ready(30_000);
  const output = npm.output();
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
