import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { logIn, openStatusMenu, takeBreak, untilStatus } from '../agent/support/agent-steps.ts';
import { shellPhase, spawnNpmStart, type NpmStart } from './support.ts';

// The README's promise for the second platform: `npm start -- --platform sip` runs the same demo
// as a plain SIP PBX (no NeoApi) plus the HTTP telephony stand-in, and an agent registers, is
// ready, and goes not ready with the settings' own reasons.
let npm: NpmStart;
let browser: Browser;

beforeAll(async () => {
  npm = spawnNpmStart(['--platform', 'sip', '--port', '0', '--neotel-port', '0', '--no-build']);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
  npm.child.kill('SIGTERM');
});

it('npm start -- --platform sip: no NeoApi, the HTTP telephony API up, and an agent registers and is ready', async () => {
  const url = await npm.ready(30_000);
  const output = npm.output();
  const api = /HTTP telephony API \(click2call, gravacao\)\s+(\S+)/.exec(output)?.[1];
  expect(api).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(output).not.toMatch(/NeoApi\s+http/);
  // The stand-in checks the key: a click2call without it is refused.
  const refused = await fetch(`${api!}/click2call`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ramal: '1001', telefone: '11955550000' }) });
  expect(refused.status).toBe(401);

  const page = await browser.newPage();
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) consoleLines.push(`HTTP ${response.status()} ${response.request().method()} ${response.url()} ${response.request().postData() ?? ''}`);
  });
  await page.goto(url);
  await page.getByTestId('utility-item').click();
  const frame = (await (await page.waitForSelector('iframe.openctiSoftPhone')).contentFrame())!;
  await shellPhase(frame, 'ready', 20_000);
  // The simulator runs as a plain SIP PBX: its NeoApi path is gone.
  const adapterOrigin = new URL(frame.url()).origin;
  expect((await fetch(`${adapterOrigin}/neoapi/webservice.asmx?wsdl`)).status).toBe(404);

  await logIn(frame, { user: '1001', password: '1234', device: '1001', devicePassword: 'sip-1001' });
  await untilStatus(frame, ['ready'], 20_000);
  // Not ready with the sip platform's reasons (sipNotReadyReasons), then ready again.
  await openStatusMenu(frame);
  const reasons = await frame.locator('[data-testid="pause"]').allTextContents();
  expect(reasons.map((r) => r.trim())).toEqual(['Almuerzo', 'Capacitación']);
  await takeBreak(frame);
  await untilStatus(frame, ['onBreak'], 10_000);
  await frame.getByTestId('unpause').click();
  await untilStatus(frame, ['ready'], 10_000);

  // A dial goes through the demo's click-to-call hook: the PBX rings the agent, the softphone
  // answers its own call, and the simulated customer answers.
  await frame.getByTestId('dial-input').fill('11955550000');
  await frame.getByTestId('dial-button').click();
  await untilStatus(frame, ['inCall'], 20_000).catch(async (error: unknown) => {
    const notices = await frame.getByTestId('notice').allInnerTexts().catch(() => []);
    console.log(consoleLines.join('\n'));
    const dialError = await frame.getByTestId('dial-error').allInnerTexts().catch(() => []);
    throw new Error(`${String(error)}; notices: ${notices.join(' | ')}; dial error: ${dialError.join(' | ')}; server output: ${npm.output()}`);
  });
  expect(npm.output()).not.toContain('demo-chave');
});
