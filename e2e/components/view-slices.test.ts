/**
 * Per-slice drawing in real Chromium (issue 18 item 2, issue 15 item 2): each agent-UI element
 * declares the view slices it reads (`viewSlices`), and a new view that changed none of them does
 * not draw it again. Checked two ways: every element, mounted alone on a view that records what it
 * reads, reads nothing it did not declare (a missing slice would leave a stale part on screen);
 * and renders are counted while views change as the view store changes them.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { shareUnchangedSlices } from '../../src/app/view-store.ts';
import type { AgentState } from '../../src/call/index.ts';
import type { AgentView, CallHistoryEntryView, CallRecordView, ShownNotice, SupervisionView, TransferTargets } from '../../src/view/agent-view.ts';
import type { ShellState } from '../../src/view/shell-state.ts';
import { useUi, type UiPage } from './support/ui-page.ts';
import { shell, states } from './support/views.ts';

const page = useUi({ beforeAll, beforeEach, afterEach, afterAll });
let ui: UiPage;
beforeEach(() => {
  ui = page();
});

const notice = (id: number): ShownNotice => ({ id, notice: 'operationFailed', level: 'warning', detail: 'Hold refused', at: Date.now() });
const record: CallRecordView = {
  status: 'linked',
  linked: { id: '003Dt000HccIdlkIIC', objectType: 'Contact', name: 'María José González', reason: { kind: 'search', field: 'Phone', value: '+34600112233', rule: 'Contact' } },
  candidates: [],
  canSync: false,
};
const targets: TransferTargets = { users: [{ id: '1002', name: 'Bruno Agente' }], queues: [], campaigns: [], numbers: [], campaignNumbers: {}, allowManualNumber: true, source: 'config' };
const history: CallHistoryEntryView[] = [
  { key: '4711', direction: 'outbound', number: '+34600112233', name: 'María José González', record: null, startedAt: Date.now() - 60_000, durationSeconds: 65, disposition: null },
];
const supervision: SupervisionView = { agents: [{ id: '1002', name: 'Bruno Agente', state: 'InCall', callId: '4711' }], status: 'idle', agent: null, mode: null, requestedMode: null, error: null };

const microphone = { check: 'microphone', status: 'failed', reason: 'micDenied', detail: 'NotAllowedError' } as const;

/** Every slice filled, so that the branches drawing them run. */
const rich: Partial<AgentView> = {
  notices: [notice(1)],
  pendingLogs: 2,
  failedLogs: [],
  supervision,
  monitoredBy: null,
  transferTargets: targets,
  record,
  history,
  directory: {
    query: 'bru',
    answered: 1,
    status: 'done',
    results: [{ key: 'user:1002', source: 'colleague', kind: 'user', id: '1002', name: 'Bruno Agente', number: '1002', objectType: null, favourite: false }],
    salesforceError: null,
  },
  health: { checks: [microphone], blockedBy: microphone, inputLevelDb: null, tone: 'idle', canAskMicrophone: true },
  deskActions: { actions: [{ id: 'balance', labels: { en: 'Account balance' } }], running: null, outcome: null, message: null },
  confirmLogout: true,
  dialError: { number: 'abc', reason: 'invalidCharacters' },
};

const viewOf = (state: ShellState): AgentView => {
  if (state.phase !== 'ready') throw new Error('shell() draws the ready phase');
  return state.view;
};

/** The next view as the app hands it to the shell: `patch` applied, equal slices kept by reference. */
function next(before: ShellState, agent: AgentState | null, patch: Partial<AgentView> = {}): ShellState {
  const previous = viewOf(before);
  const fresh = agent === null ? { ...previous, ...patch } : { ...viewOf(shell(agent, { ...previous, ...patch })) };
  return { ...before, view: shareUnchangedSlices(previous, fresh) } as ShellState;
}

async function rendersDuring(steps: readonly ShellState[]): Promise<Record<string, number>> {
  const before = await ui.page.evaluate(() => window.harness.renders());
  for (const step of steps) await ui.show(step);
  const after = await ui.page.evaluate(() => window.harness.renders());
  return Object.fromEntries(Object.keys(after).map((tag) => [tag, (after[tag] ?? 0) - (before[tag] ?? 0)]));
}

/** One inbound call as the view store publishes it: 14 views, each changing a few slices. */
function oneCall(): ShellState[] {
  const ringing = states.ringing();
  const connected = states.connected();
  const steps: ShellState[] = [];
  const push = (agent: AgentState | null, patch: Partial<AgentView> = {}) => {
    const base = steps.at(-1) ?? shell(states.ready());
    steps.push(next(base, agent, patch));
  };
  push(ringing);
  push({ ...ringing, answering: true } as AgentState);
  push(null, { record });
  push(connected, { transferTargets: targets });
  push(null, { notices: [notice(2)] });
  push(states.connected({ held: true }));
  push(null, { notices: [] });
  push(connected);
  push(states.wrapUp());
  push(null, { pendingLogs: 1 });
  push(null, { history });
  push(null, { pendingLogs: 0 });
  push(states.ready(), { record: null });
  push(null, { notices: [notice(3)] });
  return steps;
}

describe('per-slice drawing', () => {
  it('every agent-UI element declares its slices and reads no other, in every phase', async () => {
    const tags = await ui.page.evaluate(() => window.harness.agentTags());
    expect(tags.length, 'the harness defines the agent-UI elements').toBeGreaterThan(20);
    const agents = [states.loggedOut(), states.loggingIn(), states.ready(), states.ready({ availability: { kind: 'onBreak', subtype: 1, since: Date.now() - 60_000 } } as never), states.ringing(), states.connected(), states.connected({ held: true, muted: true }), states.wrapUp()];
    const undeclared: string[] = [];
    for (const tag of tags) {
      for (const agent of agents) {
        for (const language of ['en', 'es'] as const) {
          const { read, declared } = await ui.page.evaluate(([t, s]) => window.harness.slicesRead(t, s), [tag, shell(agent, rich, language)] as const);
          if (declared === null) {
            undeclared.push(`${tag}: declares no viewSlices (reads [${read.join(', ')}] in ${agent.phase})`);
            continue;
          }
          for (const slice of read) if (!declared.includes(slice)) undeclared.push(`${tag} reads ${slice} in ${agent.phase} but declares only [${declared.join(', ')}]`);
        }
      }
    }
    expect([...new Set(undeclared)]).toEqual([]);
  });

  it('does not redraw the call controls or the keypad for a notice, and redraws the call controls for a hold', async () => {
    const inCall = shell(states.connected(), { notices: [] });
    await ui.show(inCall);
    await ui.page.evaluate(() => window.harness.renders());
    const withNotice = next(inCall, null, { notices: [notice(7)] });
    const notices = await rendersDuring([withNotice]);
    expect(notices['dialtone-notice-list'], 'the notice list draws the notice').toBe(1);
    expect(notices['dialtone-call-controls'] ?? 0, 'the call controls read no notice').toBe(0);
    expect(await ui.page.getByTestId('notice').count(), 'the notice is on screen').toBe(1);

    const held = await rendersDuring([next(withNotice, states.connected({ held: true }))]);
    expect(held['dialtone-call-controls'], 'the call controls draw the hold').toBe(1);
    expect(held['dialtone-notice-list'] ?? 0, 'the notice list reads no call state').toBe(0);
    expect(await ui.page.getByTestId('hold').getAttribute('class'), 'the hold button shows the held call').toBe('on');

    const idle = shell(states.ready(), { notices: [] });
    await ui.show(idle);
    await ui.page.evaluate(() => window.harness.renders());
    const idleNotice = await rendersDuring([next(idle, null, { notices: [notice(8)] })]);
    expect(idleNotice['dialtone-dial-pad'] ?? 0, 'the keypad reads no notice').toBe(0);
    expect(idleNotice['dialtone-notice-list']).toBe(1);
  });

  it('draws one call with fewer renders than when every element drew every view', async () => {
    const call = oneCall();
    await ui.show(shell(states.ready()));
    await ui.page.evaluate(() => window.harness.renders());
    const sliced = await rendersDuring(call);
    await ui.page.evaluate(() => window.harness.forgetSlices());
    await ui.show(shell(states.ready()));
    const everything = await rendersDuring(call);
    const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`one call, ${call.length} views: ${total(sliced)} renders with viewSlices, ${total(everything)} when every element draws every view`, JSON.stringify({ sliced, everything }));
    expect(total(sliced)).toBeLessThan(total(everything) / 2);
    expect(sliced['dialtone-call-info'] ?? 0, 'the call information follows info only').toBeLessThan(everything['dialtone-call-info'] ?? 0);
  });
});
