/**
 * A compressed 8-hour idle soak of what runs while an agent sits Ready: the Position poll, one a
 * second, through the real `NeoApiClient` (POST binding, ASMX XML answer as a `Response`) and
 * `PositionPoller`, with a ticker that fires at once, so 28 800 polls take seconds instead of
 * 8 hours. Every 5 simulated minutes a call appears in Position and ends a minute later (a new
 * call id each time), so the parse and fact paths run too, not only the unchanged-answer path.
 * The heap (after two forced full GCs) is read at every simulated hour; it must stay flat.
 *
 * This runs in Node, not in the adapter frame: it covers the poll's code and its retained state
 * (the client's last answer, the poller's last snapshot), not the browser's own fetch
 * machinery; the browser soak of calls is bench/call-soak.ts.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { NeoApiClient } from '../src/platforms/neotel/client.ts';
import type { PositionPollerEvent } from '../src/platforms/neotel/position-events.ts';
import { PositionPoller } from '../src/platforms/neotel/position-poller.ts';
import type { Ticker } from '../src/platforms/neotel/ticker.ts';
import { MANUAL_CALL, NEWER_IDLE } from '../test/platforms/neotel/position-samples.ts';

const HOURS = 8;
const POLLS_PER_HOUR = 3600;

export interface IdleSoakReport {
  polls: number;
  events: Record<string, number>;
  /** V8 heap used after GC at the start and after each simulated hour (MB). */
  heapMb: number[];
  seconds: number;
}

const xml = (text: string): string => `<?xml version="1.0" encoding="utf-8"?>\n<string xmlns="http://tempuri.org/">${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</string>`;

/** What Position answers on poll `n`: idle, or a call (a new id each time) for one minute in five. */
function answerOf(n: number): string {
  const inCall = n % 300 >= 240;
  return inCall ? MANUAL_CALL.replace(/IDLLAMADA=1159449/, `IDLLAMADA=${1_000_000 + Math.floor(n / 300)}`) : NEWER_IDLE;
}

/** Fires the poller's next poll as soon as the previous one is handled. */
class ImmediateTicker implements Ticker {
  readonly kind = 'timeout';
  private due: (() => void) | null = null;
  after(_delayMs: number, tick: () => void): () => void {
    this.due = tick;
    return () => (this.due = null);
  }
  dispose(): void {
    this.due = null;
  }
  take(): (() => void) | null {
    const tick = this.due;
    this.due = null;
    return tick;
  }
}

export async function measureIdleSoak(): Promise<IdleSoakReport> {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const heap = (): number => {
    gc();
    gc();
    return process.memoryUsage().heapUsed / 1024 / 1024;
  };
  let n = 0;
  const client = new NeoApiClient({
    serviceUrl: 'http://127.0.0.1:9/neoapi/webservice.asmx',
    binding: 'POST',
    timeoutMs: 5000,
    fetch: () => Promise.resolve(new Response(xml(answerOf(n++)), { status: 200, headers: { 'Content-Type': 'text/xml; charset=utf-8' } })),
  });
  const ticker = new ImmediateTicker();
  const events: Record<string, number> = {};
  let handled: (() => void) | null = null;
  const poller = new PositionPoller({
    client,
    user: '8100',
    ticker,
    onEvent: (event: PositionPollerEvent) => {
      events[event.kind] = (events[event.kind] ?? 0) + 1;
    },
  });
  const started = Date.now();
  const heapMb = [heap()];
  poller.start();
  for (let hour = 0; hour < HOURS; hour++) {
    for (let i = 0; i < POLLS_PER_HOUR; i++) {
      // Wait for the poll in flight to be handled (it schedules the next one), then fire it.
      for (let spins = 0; spins < 1000; spins++) {
        const tick = ticker.take();
        if (tick) {
          handled = tick;
          break;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (!handled) throw new Error(`the poller scheduled no next poll after ${n} polls`);
      handled();
      handled = null;
    }
    heapMb.push(heap());
  }
  poller.stop();
  return { polls: n, events, heapMb, seconds: (Date.now() - started) / 1000 };
}

export function printIdleSoakReport(report: IdleSoakReport): void {
  const [first] = report.heapMb;
  const last = report.heapMb.at(-1) ?? NaN;
  const after1 = report.heapMb[1] ?? NaN;
  console.log(`compressed idle soak: ${report.polls} Position polls (${HOURS} simulated hours at 1 Hz) in ${report.seconds.toFixed(0)} s, Node:`);
  console.log(`  facts: ${Object.entries(report.events).map(([kind, count]) => `${kind} ${count}`).join(', ')}`);
  console.log(`  V8 heap after GC, per simulated hour (MB): ${report.heapMb.map((mb) => mb.toFixed(2)).join(' → ')}`);
  console.log(`  hour 1 → hour ${HOURS}: ${(last - after1 >= 0 ? '+' : '')}${((last - after1) * 1024).toFixed(0)} KB (start ${first?.toFixed(2)} MB)`);
}
