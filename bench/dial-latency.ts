/**
 * Budget: click-to-dial event → NeoApi `Dial` on the wire ≤ 30 ms p95.
 *
 * The Open CTI click-to-dial event has its own benchmark (click-to-dial.ts); this one measures
 * the agent's other dial intent, the dial pad: the number is typed into `dial-input`, then one
 * in-page script reads the clocks and clicks `dial-button` (a Playwright click would add its own
 * actionability checks to the span). Two spans per dial:
 * - click → `fetch` of Dial started in the adapter (page clock, `performance.now()`, sub-ms): the
 *   adapter's own share;
 * - click → Dial logged by the simulator (the page's `Date.now()` against the request log's ISO
 *   `at`; one machine, one system clock, both whole milliseconds, so ±1 ms): "on the wire",
 *   including the loopback HTTP hop and the simulator parsing the request.
 * The callee never answers; each dial is hung up as soon as it is Dialing, then Play, then a
 * 300 ms pause so the last call's teardown is not in the next one's span. The dial plan
 * (libphonenumber-js) is a lazily loaded chunk, so the first dial is reported apart.
 *
 * The simulator runs in this Node process, next to Playwright's client and the PBX's JavaScript
 * WebRTC stack (every Dial rings the agent's platform leg, which the adapter answers). So the
 * process's event-loop delay is reported too: a simulator busy with media logs Dial late, which
 * is the simulator's time, not the adapter's.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Frame } from 'playwright-core';
import { requestMark, requestsOf } from '../e2e/agent/support/agent-steps.ts';
import { waitFor } from '../e2e/agent/support/agent-console.ts';
import { fetchesSince, playAfterCall, startBenchAgent } from './agent-bench.ts';
import { untilStatus } from '../e2e/agent/support/agent-steps.ts';
import { formatSummary, summarize, verdict, type LatencySummary } from './stats.ts';

/** ../shared/DESIGN.md, "Budgets". */
export const DIAL_BUDGET_MS = 30;

/** One dial's spans (ms). */
export interface DialSample {
  toFetchMs: number | undefined;
  toWireMs: number;
}

/** The first dial apart, the later ones summarised. */
export interface DialReport {
  /** The first dial of the page (loads the dial plan chunk). */
  first: DialSample | undefined;
  /** Every later dial. */
  samples: DialSample[];
  toFetch: LatencySummary;
  toWire: LatencySummary;
  /** Event-loop delay of the Node process running the simulator, during the dials (ms). */
  loopDelay: { p50: number; p99: number; max: number };
  stoppedEarly?: string;
}

const DIALLED = '1139990000';

/** Clicks the dial button from inside the frame and returns the clocks read just before (also bench/call-trace.ts). */
export async function clickDial(frame: Frame): Promise<{ epochMs: number; perfMs: number }> {
  const clocks = await frame.evaluate(() => {
    const roots: (Document | ShadowRoot)[] = [document];
    for (let root = roots.pop(); root; root = roots.pop()) {
      const button = root.querySelector<HTMLButtonElement>('[data-testid="dial-button"]');
      if (button) {
        const at = { epochMs: Date.now(), perfMs: performance.now() };
        button.click();
        return at;
      }
      for (const element of root.querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
    }
    return undefined;
  });
  if (!clocks) throw new Error('No [data-testid="dial-button"] in the adapter frame: the dial pad is shown only while the agent is Ready');
  return clocks;
}

/** One dial from the pad: typed, clicked, seen by the simulator, hung up, Play. */
async function dialOnce(frame: Frame, neotel: Parameters<typeof requestsOf>[0]): Promise<DialSample> {
  await frame.getByTestId('dial-input').fill(DIALLED);
  const mark = await requestMark(neotel);
  const clicked = await clickDial(frame);
  const [dial] = await waitFor('the simulator to log Dial', () => requestsOf(neotel, 'Dial', mark), (entries) => entries.length > 0, 5_000);
  const fetch = (await fetchesSince(frame, clicked.epochMs)).find((f) => /\/Dial(?:\?|$)/.test(f.url));
  await untilStatus(frame, ['dialing', 'inCall']);
  await frame.getByTestId('hang-up').click();
  await playAfterCall(frame);
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { toFetchMs: fetch === undefined ? undefined : fetch.perfMs - clicked.perfMs, toWireMs: Date.parse(dial!.at) - clicked.epochMs };
}

/** Dials `runs` times from the dial pad of one page (bounded by `maxSeconds` too). */
export async function measureDial(runs = 30, maxSeconds = 120): Promise<DialReport> {
  const agent = await startBenchAgent();
  let first: DialSample | undefined;
  const samples: DialSample[] = [];
  let stoppedEarly: string | undefined;
  const deadline = Date.now() + maxSeconds * 1000;
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  try {
    await agent.rig.neotel.setNumber({ number: DIALLED, neverAnswer: true });
    first = await dialOnce(agent.adapter, agent.rig.neotel);
    for (let i = 1; i < runs; i++) {
      if (Date.now() > deadline) {
        stoppedEarly = `time cap of ${maxSeconds} s reached after ${i} of ${runs} dials`;
        break;
      }
      samples.push(await dialOnce(agent.adapter, agent.rig.neotel));
    }
  } catch (error) {
    stoppedEarly = `stopped by an error after ${samples.length + (first ? 1 : 0)} dials: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    loop.disable();
    await agent.close();
  }
  const loopDelay = { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 };
  const toFetch = samples.map((s) => s.toFetchMs).filter((ms): ms is number => ms !== undefined);
  return { first, samples, toFetch: summarize(toFetch), toWire: summarize(samples.map((s) => s.toWireMs)), loopDelay, ...(stoppedEarly ? { stoppedEarly } : {}) };
}

/** Prints the report in the style of the other `npm run bench` sections. */
export function printDialReport(report: DialReport): void {
  console.log(`dial pad click → NeoApi Dial, ${report.samples.length} dials after the first (one page):`);
  console.log(`  click → Dial fetch started (page clock):   ${formatSummary(report.toFetch)}`);
  console.log(`  click → Dial logged by the simulator (±1 ms): ${formatSummary(report.toWire, 0)} — ${verdict(report.toWire.p95, DIAL_BUDGET_MS)} the ${DIAL_BUDGET_MS} ms p95 budget`);
  console.log(`  simulator's Node event-loop delay meanwhile: p50 ${report.loopDelay.p50.toFixed(1)} ms, p99 ${report.loopDelay.p99.toFixed(1)} ms, max ${report.loopDelay.max.toFixed(1)} ms`);
  if (report.first) {
    const fetch = report.first.toFetchMs === undefined ? 'not seen' : `${report.first.toFetchMs.toFixed(1)} ms`;
    console.log(`  first dial of the page (loads the dial plan chunk): fetch ${fetch}, on the wire ${report.first.toWireMs.toFixed(0)} ms — ${verdict(report.first.toWireMs, DIAL_BUDGET_MS)} ${DIAL_BUDGET_MS} ms`);
  }
  if (report.stoppedEarly) console.log(`  note: ${report.stoppedEarly}`);
}
