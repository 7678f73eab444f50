/**
 * What an agent does in the softphone panel, as a person would (clicks and typing in the adapter
 * frame), and the proofs the tests read from the outside: NeoApi requests the simulator received,
 * the audio the adapter hears, and the call's recording on the platform.
 */
import { expect } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { NeotelControl } from '../../../dev/neotel/control-client.ts';
import type { NeoApiLogEntry } from '../../../dev/neotel/neoapi/request-log.ts';
import { parseWav } from '../../../dev/neotel/pbx/index.ts';
import type { AgentConsole, AgentTab } from './agent-console.ts';
import { beepsInRecording, measureHeardTone, toneInRecording, type HeardInBrowser } from '../../neotel/support/audio-proof.ts';

/** Chromium's fake microphone beeps at 400 Hz. */
export const FAKE_MIC_HZ = 400;

/** A reloaded or new console's softphone frame, with the utility panel open (the console may restore it open). */
export async function panelFrameOf(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe.openctiSoftPhone', { state: 'attached', timeout: 15_000 });
  if (!(await handle.isVisible())) await page.getByTestId('utility-item').click();
  await handle.waitForElementState('visible', { timeout: 5_000 });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('The utility panel has no softphone frame');
  return frame;
}

/** The text of a control (pierces the shadow roots). */
export async function textOf(frame: Frame, testId: string): Promise<string> {
  return (await frame.getByTestId(testId).first().textContent({ timeout: 5_000 })) ?? '';
}

/**
 * Waits until the status pill shows one of `keys` and returns it. Playwright's own wait (its
 * polling backs off to 100 ms at most), so a call loop does not pay a fixed sleep per step.
 */
export async function untilStatus(frame: Frame, keys: readonly string[], timeoutMs = 10_000): Promise<string> {
  const pill = frame.locator(`[data-testid="status"]:is(${keys.map((k) => `[data-status="${k}"]`).join(', ')})`).first();
  try {
    await pill.waitFor({ state: 'attached', timeout: timeoutMs });
  } catch (error) {
    const now = await frame.getByTestId('status').first().getAttribute('data-status', { timeout: 1_000 }).catch(() => null);
    throw new Error(`The agent status did not become ${keys.join(' or ')} within ${timeoutMs} ms; it is ${now ?? '(no status pill)'}`, { cause: error });
  }
  return (await pill.getAttribute('data-status')) ?? '';
}

/** Waits until the status pill shows `key` (its `data-status`: ready, onBreak, inCall, wrapUp…); returns its text. */
export async function waitForStatus(frame: Frame, key: string, timeoutMs = 10_000): Promise<string> {
  await untilStatus(frame, [key], timeoutMs);
  return (await frame.getByTestId('status').first().textContent()) ?? '';
}

/** Opens the header's status menu (ready, breaks, campaigns) and waits for it to be drawn. */
export async function openStatusMenu(frame: Frame): Promise<void> {
  const button = frame.getByTestId('status-menu');
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await frame.locator('#status-menu-list').waitFor({ state: 'visible', timeout: 5_000 });
}

/** Takes a break from the status menu: `reason` (a break type id), else the first one listed. */
export async function takeBreak(frame: Frame, reason?: number | string): Promise<void> {
  await openStatusMenu(frame);
  const items = frame.locator(reason === undefined ? '[data-testid="pause"]' : `[data-testid="pause"][data-break="${reason}"]`);
  await items.first().click();
}

/** Enters an outbound campaign from the status menu. */
export async function joinCampaign(frame: Frame, campaign: number | string): Promise<void> {
  await openStatusMenu(frame);
  await frame.locator(`[data-testid="join-campaign"][data-campaign="${campaign}"]`).click();
}

/** Leaves the current outbound campaign from the status menu. */
export async function leaveCampaign(frame: Frame): Promise<void> {
  await openStatusMenu(frame);
  await frame.getByTestId('leave-campaign').click();
}

/** Unfolds the idle keypad (folded away behind its toggle until asked for). */
export async function openKeypad(frame: Frame): Promise<void> {
  const toggle = frame.getByTestId('keypad-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/**
 * Fills the login form and submits it. `rememberDevicePassword`: ticks "Remember the device
 * password" (the call center must allow it: `allowRememberDevicePassword`), so a reload registers
 * again by itself (docs/reload.md).
 */
export async function logIn(frame: Frame, who: { user: string; password: string; device: string; devicePassword: string }, options: { rememberDevicePassword?: boolean } = {}): Promise<void> {
  await frame.getByTestId('login-device').fill(who.device);
  await frame.getByTestId('login-devicePassword').fill(who.devicePassword);
  if (options.rememberDevicePassword === true) await frame.getByTestId('login-rememberDevicePassword').check();
  await frame.getByTestId('login-user').fill(who.user);
  await frame.getByTestId('login-password').fill(who.password);
  await frame.getByTestId('login-submit').click();
}

/**
 * A tab with the scenario's first agent logged in and Ready, the platform's dialler off (no queue call is offered
 * but the test's own). `neverAnswer`: a number the simulator lets ring for ever when dialled, for
 * tests that look at the dial's window. No audio probe: these tests read the page as it is.
 */
export async function openReadyTab(rig: AgentConsole, options: { neverAnswer?: string; initScript?: string } = {}): Promise<AgentTab> {
  await rig.neotel.setDialer(false);
  if (options.neverAnswer !== undefined) await rig.neotel.setNumber({ number: options.neverAnswer, neverAnswer: true });
  if (options.initScript !== undefined) await rig.context.addInitScript({ content: options.initScript });
  const tab = await rig.openTab({ audioProbe: false });
  await logIn(tab.adapter, rig.agent());
  await untilStatus(tab.adapter, ['ready'], 20_000);
  return tab;
}

/** The focused control's test id (else its tag name), through the shadow roots. */
export function focusedTestId(frame: Frame): Promise<string | null> {
  return frame.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.getAttribute('data-testid') ?? active?.tagName ?? null;
  });
}

/** NeoApi requests of `method` the simulator received since `since` (request sequence). */
export function requestsOf(neotel: NeotelControl, method: string, since = 0): Promise<NeoApiLogEntry[]> {
  return neotel.requests({ since, method });
}

/** The sequence number to pass as `since` to see only later requests. */
export async function requestMark(neotel: NeotelControl): Promise<number> {
  const all = await neotel.requests();
  return all.at(-1)?.seq ?? 0;
}

/** The audio the adapter plays: `hz` must stand out, and the tones of other calls must not. */
export async function expectHears(frame: Frame, hz: number, others: readonly number[], why: string): Promise<HeardInBrowser> {
  const heard = await measureHeardTone(frame, hz, others);
  const detail = `${why}: ${JSON.stringify(heard)}`;
  expect(Math.abs(heard.peakHz - hz), detail).toBeLessThan(12);
  expect(heard.snrDb, detail).toBeGreaterThan(30);
  for (const [other, level] of Object.entries(heard.others)) expect(level, `${detail}; ${other} Hz must be ≥ 30 dB below`).toBeLessThan(heard.levelDb - 30);
  return heard;
}

/** The platform's recording of the call holds the agent's microphone (and the customer's voice). */
export async function expectRecordingHasAgent(neotel: NeotelControl, callId: string, customerHz: number): Promise<string> {
  const wav = parseWav(await neotel.recording(callId));
  const beeps = beepsInRecording(wav, FAKE_MIC_HZ);
  const voice = toneInRecording(wav, customerHz);
  const seconds = wav.samples.length / wav.sampleRate;
  const detail = `recording of ${callId} (${seconds.toFixed(1)} s): mic ${beeps.count}/${beeps.expected} beeps at ${beeps.peakDbfs.toFixed(1)} dBFS, customer ${customerHz} Hz median ${voice.medianDbfs.toFixed(1)} dBFS`;
  expect(beeps.count, `the agent's microphone should be in the ${detail}`).toBeGreaterThanOrEqual(Math.max(1, Math.floor(beeps.expected / 2)));
  expect(voice.medianDbfs, `the customer should be in the ${detail}`).toBeGreaterThan(-20);
  return detail;
}
