/**
 * Budget: INVITE received → incoming-call UI shown and screen pop requested ≤ 50 ms p95.
 *
 * The real product end to end (Neotel simulator with its PBX, the Lightning console framing the
 * built adapter). Each run places an inbound queue call, waits for Ringing, and reads two marks
 * the adapter leaves in its frame: `dialtone:invite` (src/app/phone-bridge.ts, where the SIP
 * bridge gets the INVITE) and `dialtone:ringing-shown` (the incoming card's first update, i.e.
 * its DOM committed; the paint follows in the next frame). Both are on the frame's own clock, so
 * the delta is exact to the microsecond Chromium allows. The screen pop is taken from the
 * Lightning emulator's request log: its ISO `at` (server clock, ms) minus the INVITE mark turned
 * into epoch ms; that span also holds the console page's hop to the emulator's server, so it is
 * an upper bound of "screen pop requested". The agent answers, the customer hangs up, Play.
 */
import { playAfterCall, startBenchAgent, type BenchAgent } from './agent-bench.ts';
import { untilStatus } from '../e2e/agent/support/agent-steps.ts';
import { formatSummary, summarize, verdict, type LatencySummary } from './stats.ts';

/** ../shared/DESIGN.md, "Budgets". */
export const INCOMING_BUDGET_MS = 50;

/** Per-call samples and their summaries. */
export interface IncomingReport {
  runs: number;
  /** INVITE mark → incoming card rendered, per call (ms, frame clock). */
  cardMs: number[];
  card: LatencySummary;
  /** INVITE mark → screen pop logged by the console (ms, epoch clocks), per call that popped. */
  screenPopMs: number[];
  screenPop: LatencySummary;
  /** Why the loop ended before `runs` calls (the time cap or an error), when it did. */
  stoppedEarly?: string;
}

interface Marks {
  inviteEpochMs: number;
  cardMs: number;
}

/** Reads (and clears) the two marks of the call that is ringing now. */
async function readMarks(agent: BenchAgent): Promise<Marks> {
  const handle = await agent.adapter.waitForFunction(
    () => {
      const invite = performance.getEntriesByName('dialtone:invite').at(-1);
      const shown = performance.getEntriesByName('dialtone:ringing-shown').at(-1);
      if (!invite || !shown) return undefined;
      performance.clearMarks('dialtone:invite');
      performance.clearMarks('dialtone:ringing-shown');
      return { inviteEpochMs: performance.timeOrigin + invite.startTime, cardMs: shown.startTime - invite.startTime };
    },
    undefined,
    { timeout: 5_000, polling: 20 },
  );
  return (await handle.jsonValue()) as Marks;
}

/** Places `runs` inbound calls (bounded by `maxSeconds` too) and measures each one's ringing. */
export async function measureIncoming(runs = 30, maxSeconds = 120): Promise<IncomingReport> {
  const agent = await startBenchAgent();
  const cardMs: number[] = [];
  const screenPopMs: number[] = [];
  let stoppedEarly: string | undefined;
  const queue = agent.rig.scenario.queues[0];
  if (!queue) throw new Error('The default Neotel scenario has no queue to place inbound calls into (scenario.queues is empty)');
  const deadline = Date.now() + maxSeconds * 1000;
  try {
    // Marks from before the first call (none expected) must not pair with the first INVITE.
    await agent.adapter.evaluate(() => performance.clearMarks());
    for (let i = 0; i < runs; i++) {
      if (Date.now() > deadline) {
        stoppedEarly = `time cap of ${maxSeconds} s reached after ${i} of ${runs} calls`;
        break;
      }
      const popsBefore = (await agent.rig.lightning.log()).at(-1)?.seq ?? 0;
      const { callId } = await agent.rig.neotel.placeInbound({ number: `11555${String(10000 + i)}`, queue: queue.id, toneHz: 1000 });
      await untilStatus(agent.adapter, ['ringing']);
      const marks = await readMarks(agent);
      cardMs.push(marks.cardMs);
      const pop = (await agent.rig.lightning.log({ since: popsBefore })).find((entry) => /screenpop/i.test(entry.methodName));
      if (pop) screenPopMs.push(Date.parse(pop.at) - marks.inviteEpochMs);
      await agent.adapter.getByTestId('answer').click();
      await untilStatus(agent.adapter, ['inCall']);
      await agent.rig.neotel.hangup(callId);
      await playAfterCall(agent.adapter);
    }
  } catch (error) {
    stoppedEarly = `stopped by an error after ${cardMs.length} calls: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await agent.close();
  }
  return { runs: cardMs.length, cardMs, card: summarize(cardMs), screenPopMs, screenPop: summarize(screenPopMs), ...(stoppedEarly ? { stoppedEarly } : {}) };
}

/** Prints the report in the style of the other `npm run bench` sections. */
export function printIncomingReport(report: IncomingReport): void {
  console.log(`INVITE received → incoming-call card rendered, ${report.runs} inbound calls (adapter marks, frame clock):`);
  console.log(`  ${formatSummary(report.card)} — ${verdict(report.card.p95, INCOMING_BUDGET_MS)} the ${INCOMING_BUDGET_MS} ms p95 budget`);
  if (report.screenPop.count > 0) {
    console.log(`INVITE received → screen pop logged by the console, ${report.screenPop.count} calls (epoch clocks, ±1 ms; includes the console's hop to its server):`);
    console.log(`  p50 ${report.screenPop.p50.toFixed(0)} ms, p95 ${report.screenPop.p95.toFixed(0)} ms, max ${report.screenPop.max.toFixed(0)} ms — ${verdict(report.screenPop.p95, INCOMING_BUDGET_MS)} the ${INCOMING_BUDGET_MS} ms p95 budget`);
  } else {
    console.log('  screen pop: the console logged no screen-pop request while these calls rang (see docs/benchmarks.md)');
  }
  if (report.stoppedEarly) console.log(`  note: ${report.stoppedEarly}`);
}
