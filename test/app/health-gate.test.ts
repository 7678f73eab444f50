import { describe, expect, it, vi } from 'vitest';
import { healthView, makesAvailable, NO_FACTS, SILENT_INPUT_DB, type HealthFacts, type MicrophoneFacts, type RoundTrip } from '../../src/app/health-checks.ts';
import { HealthGate, type HealthProbes } from '../../src/app/health-gate.ts';
import type { AgentState } from '../../src/call/index.ts';
import type { AgentView } from '../../src/view/agent-view.ts';
import { messagesFor } from '../../src/i18n/catalogues.ts';
import { shell, states } from '../../e2e/components/support/views.ts';

const GRANTED: MicrophoneFacts = { permission: 'granted', inputs: 1, levelDb: -30, error: null };
const REACHED: RoundTrip = { ok: true, detail: null };
const ALL_GOOD: HealthFacts = { ...NO_FACTS, microphone: GRANTED, outputs: { count: 1, listed: true }, platform: REACHED, salesforce: REACHED, storage: REACHED };

function statusOf(facts: HealthFacts, agent: AgentState, check: string): string | undefined {
  return healthView(facts, agent).checks.find((c) => c.check === check)?.status;
}

describe('the health gate rules', () => {
  it('lets a logged-out agent log in when every check passes, the phone being checked at login', () => {
    const view = healthView(ALL_GOOD, states.loggedOut());
    expect(view.blockedBy).toBeNull();
    expect(view.checks.map((c) => `${c.check}:${c.status}`)).toEqual(['microphone:ok', 'speaker:ok', 'phone:later', 'platform:ok', 'salesforce:ok', 'storage:ok']);
  });

  it('blocks on a denied microphone and says how to allow it', () => {
    const view = healthView({ ...ALL_GOOD, microphone: { ...GRANTED, permission: 'denied', levelDb: null } }, states.loggedOut());
    expect(view.blockedBy).toMatchObject({ check: 'microphone', status: 'failed', reason: 'micDenied' });
    expect(messagesFor('es').health.reason.micDenied).toMatch(/candado/);
  });

  it('blocks with no microphone plugged in, warns (without blocking) on a silent one', () => {
    expect(healthView({ ...ALL_GOOD, microphone: { ...GRANTED, inputs: 0 } }, states.loggedOut()).blockedBy?.reason).toBe('micNoDevice');
    const silent = healthView({ ...ALL_GOOD, microphone: { ...GRANTED, levelDb: SILENT_INPUT_DB - 10 } }, states.loggedOut());
    expect(silent.blockedBy).toBeNull();
    expect(silent.checks[0]).toMatchObject({ status: 'warning', reason: 'micSilent' });
  });

  it('does not block a microphone the browser has not asked for yet: the login click asks', () => {
    const view = healthView({ ...ALL_GOOD, microphone: { ...GRANTED, permission: 'prompt', levelDb: null } }, states.loggedOut());
    expect(view.blockedBy).toBeNull();
    expect(view.canAskMicrophone).toBe(true);
    expect(view.checks[0]).toMatchObject({ status: 'later', reason: 'micPrompt' });
  });

  it('blocks a login while the platform does not answer its probe, keeping the server text as detail', () => {
    const view = healthView({ ...ALL_GOOD, platform: { ok: false, detail: 'NETWORK: fetch failed' } }, states.loggedOut());
    expect(view.blockedBy).toMatchObject({ check: 'platform', reason: 'platformUnreachable', detail: 'NETWORK: fetch failed' });
  });

  it('reads the phone and the platform from the machine in a session, never from a stale probe', () => {
    const ready = states.ready();
    const probeFailed = { ...ALL_GOOD, platform: { ok: false, detail: 'old' } };
    expect(healthView(probeFailed, ready).blockedBy).toBeNull();
    expect(healthView(ALL_GOOD, { ...ready, neoApi: 'degraded' }).blockedBy?.reason).toBe('platformUnreachable');
    expect(healthView(ALL_GOOD, { ...ready, phone: 'down' }).blockedBy?.reason).toBe('phoneDown');
    expect(healthView(ALL_GOOD, { ...ready, phone: 'reconnecting' }).blockedBy?.reason).toBe('phoneReconnecting');
  });

  it('only warns about the speaker, Salesforce and storage', () => {
    const facts: HealthFacts = { ...ALL_GOOD, outputs: { count: 0, listed: true }, salesforce: { ok: false, detail: 'timeout' }, storage: { ok: false, detail: 'UNAVAILABLE' } };
    const view = healthView(facts, states.loggedOut());
    expect(view.blockedBy).toBeNull();
    expect(statusOf(facts, states.loggedOut(), 'speaker')).toBe('warning');
    expect(statusOf(facts, states.loggedOut(), 'salesforce')).toBe('warning');
    expect(statusOf(facts, states.loggedOut(), 'storage')).toBe('warning');
    expect(statusOf({ ...ALL_GOOD, outputs: { count: 0, listed: false } }, states.loggedOut(), 'speaker')).toBe('ok');
  });

  it('shows the sip platform as checked through the phone, and standalone as no Salesforce', () => {
    const facts: HealthFacts = { ...ALL_GOOD, platform: 'none', salesforce: 'none' };
    expect(healthView(facts, states.loggedOut()).checks.find((c) => c.check === 'platform')).toMatchObject({ status: 'skipped', reason: 'platformViaPhone' });
    expect(healthView(facts, states.loggedOut()).checks.find((c) => c.check === 'salesforce')).toMatchObject({ status: 'skipped', reason: 'salesforceStandalone' });
  });

  it('refuses only what makes the agent available', () => {
    expect(makesAvailable({ kind: 'unpause' })).toBe(true);
    expect(makesAvailable({ kind: 'available' })).toBe(true);
    expect(makesAvailable({ kind: 'releaseContact' })).toBe(true);
    expect(makesAvailable({ kind: 'holdContacts', hold: false })).toBe(true);
    expect(makesAvailable({ kind: 'holdContacts', hold: true })).toBe(false);
    expect(makesAvailable({ kind: 'hangUp' })).toBe(false);
    expect(makesAvailable({ kind: 'pause', subtype: 1 })).toBe(false);
    expect(makesAvailable({ kind: 'logout', force: false })).toBe(false);
  });
});

/** Probes a test steers: each answers what `answers` holds when asked. */
function fakeProbes(answers: { microphone: MicrophoneFacts; platform: RoundTrip | 'none' }) {
  let changed: (() => void) | undefined;
  const calls = { microphone: 0, platform: 0, tone: 0 };
  const probes: HealthProbes = {
    microphone: () => {
      calls.microphone += 1;
      return Promise.resolve(answers.microphone);
    },
    outputs: () => Promise.resolve({ count: 1, listed: true }),
    playTone: () => {
      calls.tone += 1;
      return Promise.reject(new Error('the browser kept the audio suspended'));
    },
    platform: () => {
      calls.platform += 1;
      return Promise.resolve(answers.platform);
    },
    salesforce: () => Promise.resolve(REACHED),
    storage: () => Promise.resolve(REACHED),
    watch: (onChange) => {
      changed = onChange;
      return () => (changed = undefined);
    },
  };
  return { probes, calls, fire: () => changed?.() };
}

function viewOf(agent: AgentState): AgentView {
  const state = shell(agent);
  if (state.phase !== 'ready') throw new Error('the shell of an agent view is ready');
  return state.view;
}

describe('the health gate', () => {
  it('runs the checks again when the permission changes, and lets the login through once granted', async () => {
    const answers: { microphone: MicrophoneFacts; platform: RoundTrip | 'none' } = { microphone: { ...GRANTED, permission: 'denied' }, platform: REACHED };
    const { probes, calls, fire } = fakeProbes(answers);
    const gate = new HealthGate({ probes, changed: () => undefined, warn: () => undefined });
    gate.start();
    const loggedOut = states.loggedOut();
    const login = { kind: 'login', user: '1001', device: '1001', password: 'x', devicePassword: 'y', campaign: null, remember: false, rememberDevicePassword: false } as const;
    await vi.waitFor(() => expect(gate.refusal(login, loggedOut)?.reason).toBe('micDenied'));
    answers.microphone = GRANTED;
    fire();
    await vi.waitFor(() => expect(gate.refusal(login, loggedOut)).toBeNull());
    expect(calls.microphone).toBe(2);
    gate.dispose();
  });

  it('probes the platform again after a connection turns bad, and keeps trying while logged out', async () => {
    vi.useFakeTimers();
    try {
      const answers = { microphone: GRANTED, platform: { ok: false, detail: 'NETWORK' } as RoundTrip | 'none' };
      const { probes, calls } = fakeProbes(answers);
      const gate = new HealthGate({ probes, changed: () => undefined, warn: () => undefined });
      gate.decorate(viewOf(states.loggedOut()));
      gate.start();
      await vi.advanceTimersByTimeAsync(0);
      expect(calls.platform).toBe(1);
      answers.platform = REACHED;
      await vi.advanceTimersByTimeAsync(5_000);
      expect(calls.platform).toBe(2);
      expect(gate.decorate(viewOf(states.loggedOut())).health?.blockedBy).toBeNull();
      // In a session the Position poll is the round-trip: a lost phone re-runs the device checks, no probe.
      gate.decorate(viewOf(states.ready()));
      const before = calls.microphone;
      gate.decorate(viewOf({ ...states.ready(), phone: 'down' }));
      await vi.advanceTimersByTimeAsync(0);
      expect(calls.microphone).toBe(before + 1);
      expect(calls.platform).toBe(2);
      gate.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('says why the test tone could not play', async () => {
    const { probes } = fakeProbes({ microphone: GRANTED, platform: REACHED });
    const gate = new HealthGate({ probes, changed: () => undefined, warn: () => undefined });
    await gate.playTone();
    const speaker = gate.decorate(viewOf(states.loggedOut())).health?.checks.find((c) => c.check === 'speaker');
    expect(speaker).toMatchObject({ status: 'warning', reason: 'toneFailed', detail: 'the browser kept the audio suspended' });
  });
});
