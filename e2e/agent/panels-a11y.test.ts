/**
 * Issue 15: the agent-actions panel (with the text message form) and the directory, which the
 * agent's-day walk (agent-a11y.test.ts) does not draw, checked by themselves in the real panel at
 * 340×560, in es, pt and en, at 100 % and 200 % zoom (support/panel-states.ts, zoomPanel): axe-core
 * finds nothing (any impact), no visible text is cut by its box, and the panel does not scroll sideways. Two states each: ready (the
 * idle action, a directory search with its results listed and one highlighted) and in a call (the
 * in-call actions, the message form with its channel radios, the directory as transfer targets).
 * Real console (dev/lightning) framing the built adapter, dev/neotel behind it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import type { Language } from '../../src/i18n/languages.ts';
import { waitFor, type AgentConsole } from './support/agent-console.ts';
import { logIn, waitForStatus } from './support/agent-steps.ts';
import { axeViolations, clippedTexts, openPanel, sidewaysScroll, zoomPanel } from './support/panel-states.ts';

const SETTINGS = {
  '/neotelConfigOptions/allowTextMessage': 'true',
  '/dialtoneActions/agentActions': [
    'id=validate|task=1|params={agent}|when=idle|en=Validate me|es=Validarme|pt=Validar-me',
    'id=balance|task=5|params={phoneNumber}|when=inCall,wrapUp|en=Account balance|es=Saldo de la cuenta|pt=Saldo da conta',
  ].join(';'),
};

let rig: AgentConsole | undefined;

afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

/** axe, the clipping check and no sideways scrolling on the whole frame, at 100 % and at 200 % zoom (then back to 100 %). */
async function check(frame: Frame, state: string, language: Language): Promise<void> {
  for (const zoom of [1, 2]) {
    await zoomPanel(frame, zoom);
    const where = `${state}, ${language}, ${zoom}×`;
    expect(await axeViolations(frame), `axe, ${where}`).toEqual([]);
    expect(await clippedTexts(frame), `clipped text, ${where}`).toEqual([]);
    expect(await sidewaysScroll(frame), `sideways scrolling, ${where}`).toEqual([]);
  }
  await zoomPanel(frame, 1);
}

describe('the agent actions and the directory at 340×560 are accessible and nothing is cut', () => {
  it.each(['es', 'pt', 'en'] as Language[])('in %s, ready and in a call, at 1× and 2× zoom', { timeout: 240_000 }, async (language) => {
    const opened = await openPanel(language, SETTINGS);
    rig = opened.rig;
    const frame = opened.tab.adapter;
    await logIn(frame, rig.agent());
    await waitForStatus(frame, 'ready', 15_000);
    await frame.getByTestId('agent-action-validate').waitFor({ timeout: 15_000 });

    // The directory with results listed, then one highlighted (its Call / Favourite buttons drawn).
    const input = frame.getByTestId('directory-input');
    await input.pressSequentially('a', { delay: 30 });
    await waitFor('directory results', () => frame.getByTestId('directory').getAttribute('data-settled'), (s) => s === 'true', 60_000);
    await frame.getByTestId('directory-option').first().waitFor({ timeout: 15_000 });
    await check(frame, 'ready, directory listed', language);
    // Arrow down highlights the first (Enter would call it).
    await input.press('ArrowDown');
    await frame.getByTestId('directory-favourite').waitFor({ timeout: 15_000 });
    await check(frame, 'ready, directory entry highlighted', language);

    const { callId } = await rig.neotel.placeInbound({ number: '1155550101', queue: 3, data: `panels-a11y-${Date.now()}` });
    await waitForStatus(frame, 'ringing', 15_000);
    await frame.getByTestId('answer').click();
    await waitForStatus(frame, 'inCall');
    await frame.getByTestId('agent-action-balance').waitFor({ timeout: 15_000 });
    await frame.getByTestId('message-channel-whatsapp').waitFor({ timeout: 15_000 });
    expect(await frame.getByTestId('directory').count(), 'the directory is drawn in a call (transfer targets)').toBe(1);
    await check(frame, 'in a call, actions and message form', language);
    await rig.neotel.hangup(callId);
    await waitForStatus(frame, 'wrapUp');
  });
});
