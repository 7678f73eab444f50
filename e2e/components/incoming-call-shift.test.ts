/**
 * The ringing card does not move its buttons while it fills in (issue 15): the screen pop's
 * record (the caller's name, long enough to wrap), the platform's caller name and the queue's
 * configured name arrive after the card is first drawn. In the 500-call soak 97 presses on Answer
 * landed on the card beside it, because the name line arriving above pushed Answer down. Answer's
 * and Decline's boxes are read every animation frame from the first draw to the last update, in
 * es, pt and en, at 340 × 560.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useUi, type UiPage } from './support/ui-page.ts';
import { shell, states } from './support/views.ts';
import { boxesInOrder, moved, recordRingFrames, recordedRingFrames } from '../support/ring-frames.ts';
import type { AgentState } from '../../src/call/index.ts';
import type { Language } from '../../src/i18n/index.ts';
import type { AgentView, CallRecordView } from '../../src/view/agent-view.ts';

const page = useUi({ beforeAll, beforeEach, afterEach, afterAll });
let ui: UiPage;
beforeEach(() => {
  ui = page();
});

const LONG_NAME = 'María de los Ángeles Fernández-Villaverde y Rodríguez de la Fuente';

function linked(name: string): CallRecordView {
  return {
    status: 'linked',
    linked: { id: '003Dt000HccIdlkIIC', objectType: 'Contact', name, reason: { kind: 'search', field: 'Phone', value: '+34600112233', rule: null } },
    candidates: [],
    canSync: false,
  };
}

/** A manual ring (no automatic answer), with the platform's caller name once it has it. */
function ringing(callerName: string | null): AgentState {
  const ring = states.ringing();
  if (ring.phase !== 'ringing') throw new Error('states.ringing() is not ringing');
  return { ...ring, autoAnswer: false, call: { ...ring.call, callerName } };
}

const startRecording = () => ui.page.evaluate(recordRingFrames);
const recorded = () => ui.page.evaluate(recordedRingFrames);

describe('the incoming card while it rings', () => {
  for (const language of ['es', 'pt', 'en'] as const satisfies readonly Language[]) {
    it(`keeps Answer and Decline in place as the name, record and queue arrive (${language}, 340 × 560)`, async () => {
      await ui.page.setViewportSize({ width: 340, height: 560 });
      await startRecording();
      const base = shell(ringing(null));
      if (base.phase !== 'ready') throw new Error(`shell() gave phase ${base.phase}, expected ready`);
      const unnamedQueues: Partial<AgentView> = { options: { ...base.view.options, queues: [] } };
      // First draw: only the number (the queue not yet named by the configuration).
      await ui.show(shell(ringing(null), unnamedQueues, language));
      // The platform's caller name.
      await ui.show(shell(ringing('J. Pérez'), unnamedQueues, language));
      // The queue's configured name, then the screen pop's record with a long name.
      await ui.show(shell(ringing('J. Pérez'), {}, language));
      await ui.show(shell(ringing('J. Pérez'), { record: linked(LONG_NAME) }, language));
      expect(await ui.page.getByTestId('incoming-name').textContent()).toBe(LONG_NAME);
      const frames = await recorded();
      expect(frames.length, 'frames with Answer drawn').toBeGreaterThan(3);
      const first = frames[0]!;
      const worst = Math.max(...frames.map((f) => moved(first.answer, f.answer)));
      const worstDecline = Math.max(...frames.map((f) => moved(first.decline, f.decline)));
      expect(worst, `Answer's boxes (x,y,w,h) in order: ${boxesInOrder(frames.map((f) => f.answer))}`).toBeLessThanOrEqual(0.5);
      expect(worstDecline, 'Decline moved').toBeLessThanOrEqual(0.5);
      expect(await ui.page.getByTestId('incoming-call').evaluate((el) => el.scrollWidth <= el.clientWidth), 'no sideways scroll').toBe(true);
    });
  }
});

/**
 * The header's badge line sits above the card, and the "call logs waiting for Salesforce" badge
 * wraps it onto a second line: it used to come and go while the phone rang (the last call's Task
 * saved as the next call rang), moving Answer by a line (docs/benchmarks.md, "Twelfth pass (a)").
 */
describe('the header above the ringing card', () => {
  for (const language of ['es', 'pt', 'en'] as const satisfies readonly Language[]) {
    it(`keeps Answer in place when the last logs are saved, or a log starts waiting, while it rings (${language})`, async () => {
      await ui.page.setViewportSize({ width: 340, height: 560 });
      await ui.show(shell(states.ready(), { pendingLogs: 1 }, language));
      await startRecording();
      await ui.show(shell(ringing('J. Pérez'), { pendingLogs: 1 }, language));
      await ui.show(shell(ringing('J. Pérez'), { pendingLogs: 0 }, language));
      await ui.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const saved = await recorded();
      expect(await ui.page.getByTestId('pending-logs').count(), 'nothing waits: no badge to read').toBe(0);

      await ui.show(shell(states.ready(), { pendingLogs: 0 }, language));
      await startRecording();
      await ui.show(shell(ringing('J. Pérez'), { pendingLogs: 0 }, language));
      await ui.show(shell(ringing('J. Pérez'), { pendingLogs: 1 }, language));
      await ui.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const waiting = await recorded();
      for (const [what, frames] of [['the badge going', saved], ['a badge coming', waiting]] as const) {
        expect(frames.length, `${what}: frames with Answer drawn`).toBeGreaterThan(1);
        const first = frames[0]!;
        expect(Math.max(...frames.map((f) => moved(first.answer, f.answer))), `${what}: Answer's boxes (x,y,w,h): ${boxesInOrder(frames.map((f) => f.answer))}`).toBeLessThanOrEqual(0.5);
      }
      await ui.show(shell(states.connected(), { pendingLogs: 1 }, language));
      expect(await ui.page.getByTestId('pending-logs').getAttribute('data-count'), 'shown once the ring is over').toBe('1');
    });
  }
});
