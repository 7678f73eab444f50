/**
 * Budget: the Open CTI click-to-dial event → NeoApi `Dial` on the wire ≤ 30 ms p95, with the
 * record lookup (`runApex` `NeotelDataRetrieval.getContactById`, an Apex round trip to the org in
 * production) answering 100 ms late.
 *
 * Each round clicks the mobile phone of a Contact that carries Neotel ids in the Lightning
 * console emulator (`/__control/click-to-dial`, as a person's click), with a `LATE_REPLY`
 * injection holding that `runApex` answer back 100 ms. An init script in the adapter frame
 * stamps the `onClickToDial` listener message before the Open CTI library's listener sees it, so
 * the spans start at the event the adapter gets:
 * - event → `fetch` of Dial started (resource timing's startTime, page clock): the adapter's share;
 * - event → Dial logged by the simulator (page `Date.now()` against the log's ISO `at`, ±1 ms);
 * - event → `runApex` answered (the lookup), to show that Dial did not wait for it.
 * The callee never answers; each dial is hung up once Dialing, then Play, then a 300 ms pause.
 * The first round (it loads the dial plan chunk) is reported apart.
 */
import type { Frame } from 'playwright-core';
import { requestMark, requestsOf, untilStatus } from '../e2e/agent/support/agent-steps.ts';
import { waitFor } from '../e2e/agent/support/agent-console.ts';
import { dialOf } from '../e2e/agent/support/dial-plan.ts';
import { playAfterCall, startBenchAgent } from './agent-bench.ts';
import { formatSummary, summarize, verdict, type LatencySummary } from './stats.ts';

export const CLICK_TO_DIAL_BUDGET_MS = 30;
const APEX_DELAY_MS = 100;
/** María José González: a Contact with neoContactId__c, neoBaseId__c and neoCrmId__c. */
const MARIA = '003Dt000HccIdlkIIC';
const MARIA_MOBILE = '+54 9 11 5555-0101';

export interface ClickSample {
  toFetchMs: number | undefined;
  toWireMs: number;
  /** When the lookup's `runApex` answer reached the adapter, from the event (page clock). */
  toApexMs: number | undefined;
}

export interface ClickReport {
  first: ClickSample | undefined;
  samples: ClickSample[];
  toFetch: LatencySummary;
  toWire: LatencySummary;
  toApex: LatencySummary;
  stoppedEarly?: string;
}

interface Stamp {
  kind: 'click' | 'apex';
  epochMs: number;
  perfMs: number;
}

declare global {
  interface Window {
    __clickStamps?: Stamp[];
  }
}

/** Stamps the Open CTI messages the benchmark times, before any page listener sees them. */
const STAMP_SCRIPT = `(() => {
  const stamps = (window.__clickStamps = []);
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (typeof data !== 'object' || data === null) return;
    const kind = data.methodName === 'onClickToDial' && data.shouldExecuteListener ? 'click' : data.methodName === 'runApex' && data.shouldExecuteCallback ? 'apex' : null;
    if (kind) stamps.push({ kind, epochMs: Date.now(), perfMs: performance.now() });
    if (stamps.length > 20) stamps.shift();
  }, true);
})();`;

async function stampsOf(frame: Frame): Promise<Stamp[]> {
  return frame.evaluate(() => window.__clickStamps ?? []);
}

type Agent = Awaited<ReturnType<typeof startBenchAgent>>;

async function clickOnce(agent: Agent): Promise<ClickSample> {
  const { rig, adapter } = agent;
  await adapter.evaluate(() => {
    (window.__clickStamps ?? []).splice(0);
    // The 250-entry buffer would fill with Position polls; this round needs only its own entries.
    performance.clearResourceTimings();
  });
  await rig.lightning.inject({ methodName: 'runApex:getContactById', kind: 'LATE_REPLY', delayMs: APEX_DELAY_MS });
  const mark = await requestMark(rig.neotel);
  const clicked = await rig.lightning.clickToDial(MARIA, 'MobilePhone');
  if (!clicked.delivered) throw new Error('the console did not deliver onClickToDial: is click-to-dial enabled (agent logged in)?');
  const [dial] = await waitFor('the simulator to log Dial', () => requestsOf(rig.neotel, 'Dial', mark), (entries) => entries.length > 0, 5_000);
  const click = await waitFor('the onClickToDial stamp', () => stampsOf(adapter), (stamps) => stamps.some((s) => s.kind === 'click'), 5_000).then((s) => s.find((x) => x.kind === 'click')!);
  const apex = (await waitFor('the runApex answer', () => stampsOf(adapter), (stamps) => stamps.some((s) => s.kind === 'apex' && s.perfMs > click.perfMs), 5_000)).find((s) => s.kind === 'apex' && s.perfMs > click.perfMs);
  // Resource timing's startTime is when the adapter called fetch (page clock), like the tracker's.
  const fetchStart = await adapter.evaluate((after) => performance.getEntriesByType('resource').find((e) => /\/Dial(?:\?|$)/.test(e.name) && e.startTime >= after)?.startTime, click.perfMs);
  await untilStatus(adapter, ['dialing', 'inCall']);
  await adapter.getByTestId('hang-up').click();
  await playAfterCall(adapter);
  await new Promise((resolve) => setTimeout(resolve, 300));
  return {
    toFetchMs: fetchStart === undefined ? undefined : fetchStart - click.perfMs,
    toWireMs: Date.parse(dial!.at) - click.epochMs,
    toApexMs: apex === undefined ? undefined : apex.perfMs - click.perfMs,
  };
}

/** Clicks to dial `runs` times in one page (bounded by `maxSeconds` too). */
export async function measureClickToDial(runs = 20, maxSeconds = 120): Promise<ClickReport> {
  // Before the page's scripts: the stamp's listener is the window's first, so it runs before the
  // Open CTI library's, which dials synchronously inside its handler.
  const agent = await startBenchAgent([STAMP_SCRIPT]);
  let first: ClickSample | undefined;
  const samples: ClickSample[] = [];
  let stoppedEarly: string | undefined;
  const deadline = Date.now() + maxSeconds * 1000;
  try {
    await agent.rig.neotel.setNumber({ number: dialOf(MARIA_MOBILE), neverAnswer: true });
    await waitFor('click-to-dial to be enabled', async () => (await agent.rig.lightning.state()).tab?.clickToDialEnabled, (on) => on === true, 10_000);
    first = await clickOnce(agent);
    for (let i = 1; i < runs; i++) {
      if (Date.now() > deadline) {
        stoppedEarly = `time cap of ${maxSeconds} s reached after ${i} of ${runs} clicks`;
        break;
      }
      samples.push(await clickOnce(agent));
    }
  } catch (error) {
    stoppedEarly = `stopped by an error after ${samples.length + (first ? 1 : 0)} clicks: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await agent.close();
  }
  const defined = (values: (number | undefined)[]) => values.filter((ms): ms is number => ms !== undefined);
  return {
    first,
    samples,
    toFetch: summarize(defined(samples.map((s) => s.toFetchMs))),
    toWire: summarize(samples.map((s) => s.toWireMs)),
    toApex: summarize(defined(samples.map((s) => s.toApexMs))),
    ...(stoppedEarly ? { stoppedEarly } : {}),
  };
}

export function printClickToDialReport(report: ClickReport): void {
  console.log(`Open CTI click-to-dial event → NeoApi Dial, runApex lookup answering ${APEX_DELAY_MS} ms late, ${report.samples.length} clicks after the first:`);
  console.log(`  event → Dial fetch started (page clock):      ${formatSummary(report.toFetch)}`);
  console.log(`  event → Dial logged by the simulator (±1 ms): ${formatSummary(report.toWire, 0)} — ${verdict(report.toWire.p95, CLICK_TO_DIAL_BUDGET_MS)} the ${CLICK_TO_DIAL_BUDGET_MS} ms p95 budget`);
  console.log(`  event → runApex lookup answered:              ${formatSummary(report.toApex, 0)} (Dial does not wait for it)`);
  if (report.first) {
    const fetch = report.first.toFetchMs === undefined ? 'not seen' : `${report.first.toFetchMs.toFixed(1)} ms`;
    console.log(`  first click of the page (loads the dial plan chunk): fetch ${fetch}, on the wire ${report.first.toWireMs.toFixed(0)} ms`);
  }
  if (report.stoppedEarly) console.log(`  note: ${report.stoppedEarly}`);
}
