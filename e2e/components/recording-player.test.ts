/**
 * The recording player in the call record panel (docs/recording-link.md), in real Chromium against
 * the harness: a file that does not load gives the clear message (es, en) with a keyboard-operable
 * "Try again", and the player and its link are named for screen readers.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallRecordView } from '../../src/view/agent-view.ts';
import { useUi, type UiPage } from './support/ui-page.ts';
import { shell, states } from './support/views.ts';

const hooks = { beforeAll, beforeEach, afterEach, afterAll };
const page = useUi(hooks);
let ui: UiPage;
beforeEach(() => {
  ui = page();
});

/** Not audio at all: the element fails to decode it (a file a recording server answered wrongly). */
const MISSING = 'data:audio/wav;base64,AAAAAAAAAAAAAAAA';

const withRecording: CallRecordView = { status: 'none', linked: null, candidates: [], canSync: false, recordingUrl: MISSING, reopened: 'notSynced' };

describe('the recording player', () => {
  it('says why a recording does not play and what to do, and tries again by keyboard', async () => {
    await ui.show(shell(states.connected(), { record: withRecording }));
    expect(await ui.page.getByTestId('recording-link').getAttribute('href')).toBe(MISSING);
    const failed = ui.page.getByTestId('recording-failed');
    await failed.waitFor({ timeout: 10_000 });
    expect(await failed.getAttribute('role')).toBe('alert');
    expect(await failed.textContent()).toContain('The recording could not be loaded');
    expect(await ui.page.getByTestId('record-reopened').textContent()).toContain('No new record was saved for this call yet');
    const retry = ui.page.getByTestId('recording-retry');
    await retry.focus();
    await ui.page.keyboard.press('Enter');
    await expect.poll(() => ui.page.getByTestId('recording-failed').count(), { message: 'a new attempt fails again, and says so again' }).toBe(1);
    expect((await ui.controls()).unnamed).toEqual([]);
  });

  it('speaks Spanish', async () => {
    await ui.show(shell(states.connected(), { record: withRecording }, 'es'));
    await ui.page.getByTestId('recording-failed').waitFor({ timeout: 10_000 });
    expect(await ui.page.getByTestId('recording-failed').textContent()).toContain('No se pudo cargar la grabación');
    expect(await ui.page.getByTestId('recording-audio').count()).toBe(0);
  });
});
