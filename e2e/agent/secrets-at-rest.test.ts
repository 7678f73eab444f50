/**
 * Issue #11 point 2, end to end: what a real Chromium profile keeps after an agent logged in and
 * closed the browser. The agent logs in (dev/lightning + dev/neotel) ticking every "remember"
 * option the form offers; the browser is closed and started again on the same profile directory;
 * then every storage of both origins (IndexedDB — every database and store, sealed records opened
 * with the key stored beside them —, localStorage, sessionStorage, Cache Storage) and every file
 * of the profile are searched for the passwords. After the restart the agent must be asked for the
 * Neotel password: no Login reaches NeoApi by itself.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/browser.ts';
import { AgentConsole, openConsoleTab, waitFor, type AgentTab } from './support/agent-console.ts';
import { logIn, requestMark, requestsOf, waitForStatus } from './support/agent-steps.ts';
import { clearText, filesHolding, storageOf, type FrameStorage } from './support/stored-secrets.ts';

/** Distinctive passwords, so a match on disk cannot be a coincidence. */
const NEO_PASSWORD = 'neo-Xq7vZk4Lp';
const DEVICE_PASSWORD = 'sip-Wm3rT9bQy';

type Who = ReturnType<AgentConsole['agent']>;

/** A regular profile, as agents use, kept in a directory the test controls across restarts. */
function newProfile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dialtone-secrets-profile-'));
  mkdirSync(join(dir, 'Default'), { recursive: true });
  // Third-party storage allowed, as in Chrome's default profile (see AgentConsole.start).
  writeFileSync(join(dir, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }));
  return dir;
}

function launch(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
}

/** A console whose agent 1001 has the distinctive passwords. */
async function consoleWith(settingOverrides: Record<string, string>): Promise<{ desk: AgentConsole; who: Who }> {
  const desk = await AgentConsole.start(settingOverrides);
  // The console's own browser is not used here: this test restarts its own on a kept profile.
  await desk.context.close();
  const scenario = structuredClone(desk.scenario);
  const who = desk.agent();
  for (const user of scenario.users) if (user.id === who.user) Object.assign(user, { password: NEO_PASSWORD });
  for (const device of scenario.devices) if (device.name === `SIP/${who.device}`) Object.assign(device, { password: DEVICE_PASSWORD });
  await desk.neotel.reset(scenario);
  return { desk, who: { ...who, password: NEO_PASSWORD, devicePassword: DEVICE_PASSWORD } };
}

/** Logs in ticking every checkbox of the login form (every "remember" the call center offers). */
async function logInRememberingAll(tab: AgentTab, who: Who): Promise<string[]> {
  const boxes = tab.adapter.locator('dialtone-login-form input[type="checkbox"]');
  await tab.adapter.getByTestId('login-submit').waitFor();
  const ticked: string[] = [];
  for (const box of await boxes.all()) {
    await box.check();
    ticked.push((await box.getAttribute('data-testid')) ?? '?');
  }
  await logIn(tab.adapter, who);
  await waitForStatus(tab.adapter, 'ready', 20_000);
  return ticked;
}

interface AfterRestart {
  readonly tab: AgentTab;
  readonly console: FrameStorage;
  readonly adapter: FrameStorage;
  readonly neoOnDisk: string[];
  readonly deviceOnDisk: string[];
}

/**
 * Closes the browser, starts it again on the same profile, opens the softphone and waits until
 * it has read its preferences (the remembered user is in the form) — or has left the form, which
 * only a login by itself can do —; then inspects everything.
 */
async function restartAndInspect(desk: AgentConsole, profile: string, context: BrowserContext, who: { user: string }): Promise<{ context: BrowserContext; seen: AfterRestart }> {
  await context.close();
  const restarted = await launch(profile);
  const tab = await openConsoleTab(restarted, desk.lightningServer.url);
  const probe = async (): Promise<{ status: string | null; user: string }> => {
    const status = await tab.adapter.getByTestId('status').first().getAttribute('data-status', { timeout: 1_000 }).catch(() => null);
    const user = status === 'loggedOut' ? await tab.adapter.getByTestId('login-user').inputValue({ timeout: 1_000 }).catch(() => '') : '';
    return { status, user };
  };
  await waitFor('the remembered user in the login form (or a login by itself)', probe, (s) => s.status !== null && (s.status !== 'loggedOut' || s.user === who.user), 15_000);
  const seen: AfterRestart = {
    tab,
    console: await storageOf(tab.page.mainFrame()),
    adapter: await storageOf(tab.adapter),
    neoOnDisk: filesHolding(profile, NEO_PASSWORD),
    deviceOnDisk: filesHolding(profile, DEVICE_PASSWORD),
  };
  return { context: restarted, seen };
}

/** After the restart nothing logged in by itself, and the agent is asked for the Neotel password. */
async function expectAskedForPassword(desk: AgentConsole, seen: AfterRestart, sinceRestart: number): Promise<void> {
  expect(await requestsOf(desk.neotel, 'Login', sinceRestart), 'no Login may reach NeoApi before the agent types the password').toEqual([]);
  expect(await seen.tab.adapter.getByTestId('status').first().getAttribute('data-status')).toBe('loggedOut');
  expect(await seen.tab.adapter.getByTestId('login-password').inputValue()).toBe('');
  expect(await seen.tab.adapter.getByTestId('login-password').isVisible()).toBe(true);
}

/** One console and one kept profile for a describe block, torn down after it. */
interface Rig {
  desk: AgentConsole;
  who: Who;
  readonly profile: string;
  context: BrowserContext | undefined;
}

function useRig(settingOverrides: Record<string, string>): Rig {
  const rig = { profile: newProfile(), context: undefined } as Rig;
  beforeAll(async () => {
    Object.assign(rig, await consoleWith(settingOverrides));
  });
  afterAll(async () => {
    await rig.context?.close().catch(() => undefined);
    await rig.desk.close();
    rmSync(rig.profile, { recursive: true, force: true });
  });
  return rig;
}

/** Logs in ticking every remember box, restarts the browser on the same profile, inspects. */
async function logInRestartInspect(rig: Rig): Promise<{ ticked: string[]; mark: number; seen: AfterRestart }> {
  rig.context = await launch(rig.profile);
  const first = await openConsoleTab(rig.context, rig.desk.lightningServer.url);
  const ticked = await logInRememberingAll(first, rig.who);
  const mark = await requestMark(rig.desk.neotel);
  const restart = await restartAndInspect(rig.desk, rig.profile, rig.context, rig.who);
  rig.context = restart.context;
  return { ticked, mark, seen: restart.seen };
}

describe('secrets at rest when the admin allows remembering the device password', () => {
  const rig = useRig({ '/dialtoneAgent/allowRememberDevicePassword': 'true' });

  it('keeps no NeoApi password anywhere and the device password never in clear; after a restart it asks for the Neotel password and uses the kept device password', async () => {
    const { ticked, mark, seen } = await logInRestartInspect(rig);
    const everything = JSON.stringify([seen.console, seen.adapter]);
    expect(everything, 'the NeoApi password, even after opening the vault with its stored key').not.toContain(NEO_PASSWORD);
    expect(seen.neoOnDisk, 'profile files holding the NeoApi password').toEqual([]);
    expect(clearText(seen.adapter) + clearText(seen.console), 'the device password in clear').not.toContain(DEVICE_PASSWORD);
    expect(seen.deviceOnDisk, 'profile files holding the device password in clear').toEqual([]);
    // It is kept (sealed), as the admin allowed and the agent asked: opening the vault shows it.
    expect(seen.adapter.decrypted.join('\n')).toContain(DEVICE_PASSWORD);
    expect(seen.adapter.localStorage).toEqual({});
    expect(seen.adapter.sessionStorage).toEqual({});

    await expectAskedForPassword(rig.desk, seen, mark);
    expect(await seen.tab.adapter.locator('#devicePassword-help').textContent()).toContain('leave it empty');
    await seen.tab.adapter.getByTestId('login-password').fill(NEO_PASSWORD);
    await seen.tab.adapter.getByTestId('login-submit').click();
    await waitForStatus(seen.tab.adapter, 'ready', 20_000);
    const logins = await requestsOf(rig.desk.neotel, 'Login', mark);
    expect(logins.map((r) => r.params)).toEqual([{ DEVICE: `SIP/${rig.who.device}`, USUARIO: rig.who.user, CLAVE: NEO_PASSWORD }]);
    expect(seen.tab.errors).toEqual([]);
    expect(ticked, 'the form offered both remember options').toEqual(['login-remember', 'login-rememberDevicePassword']);
  }, 120_000);
});

describe('secrets at rest with the default call center (no password may be remembered)', () => {
  const rig = useRig({});

  it('keeps neither password, not even sealed, and asks for both after a restart', async () => {
    const { mark, seen } = await logInRestartInspect(rig);
    const everything = JSON.stringify([seen.console, seen.adapter]);
    for (const secret of [NEO_PASSWORD, DEVICE_PASSWORD]) expect(everything, `${secret} anywhere, vault opened`).not.toContain(secret);
    expect([...seen.neoOnDisk, ...seen.deviceOnDisk], 'profile files holding a password').toEqual([]);
    expect(seen.adapter.indexedDb['dialtone/vault'], 'the vault').toEqual({ keys: [], values: [] });

    await expectAskedForPassword(rig.desk, seen, mark);
    expect(await seen.tab.adapter.getByTestId('login-devicePassword').inputValue()).toBe('');
    expect(await seen.tab.adapter.locator('#devicePassword-help').count()).toBe(0);
    expect(await seen.tab.adapter.getByTestId('login-rememberDevicePassword').count()).toBe(0);
  }, 120_000);
});
