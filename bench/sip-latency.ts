/**
 * The `sip` platform's two latency budgets (docs/benchmarks.md, "sip platform"), on the real
 * widget (dist/ in the Lightning console stand-in, `telephonyPlatform=sip`) registered at Debian's
 * Kamailio, as e2e/interop/sip-platform-widget.test.ts runs it:
 *
 * - INVITE received → incoming-call card rendered: a raw UDP user agent INVITEs the agent through
 *   Kamailio; the adapter's own marks `dialtone:invite` (the phone handed the INVITE to the
 *   machine, after the sip adapter announced it) and `dialtone:ringing-shown` (the card's DOM
 *   committed), frame clock. The agent declines (486) and the next call follows.
 * - click-to-dial → INVITE on the wire: the Lightning emulator's Open CTI click on a record's
 *   phone (Node's `Date.now()` just before the control request) → Kamailio's receive time of the
 *   browser's INVITE (`$TV(Sn)` in its trace, same system clock). An upper bound: it includes the
 *   emulator's control hop and Kamailio writing its log line. The number is unregistered, so
 *   Kamailio answers 404 and the call ends by itself.
 */
import { startKamailio } from '../dev/kamailio/kamailio.ts';
import { logIn, untilStatus } from '../e2e/agent/support/agent-steps.ts';
import { startRtpengine } from '../e2e/interop/support/rtpengine.ts';
import { SipWidgetConsole } from '../e2e/interop/support/sip-widget-console.ts';
import { UdpUac } from '../e2e/interop/support/udp-uac.ts';
import { until } from '../e2e/interop/support/until.ts';
import { formatSummary, summarize, verdict, type LatencySummary } from './stats.ts';

/** ../shared/DESIGN.md, "Budgets" (the Neotel platform's, applied to sip). */
export const SIP_INCOMING_BUDGET_MS = 50;
export const SIP_DIAL_BUDGET_MS = 30;

export interface SipLatencyReport {
  readonly card: LatencySummary;
  readonly dial: LatencySummary;
  readonly notes: readonly string[];
}

const AGENT = { user: '1001', password: 'unused-on-sip', device: '1001', devicePassword: 'sip-1001' } as const;

/** `runs` inbound calls and `runs` click-to-dials, each loop bounded by `maxSeconds` too. */
export async function measureSip(runs = 20, maxSeconds = 120): Promise<SipLatencyReport> {
  const rtpengine = await startRtpengine(39000, 10 * 60_000);
  const kamailio = await startKamailio({ users: { [AGENT.device]: AGENT.devicePassword }, rtpengineSock: rtpengine.ngSock });
  const console_ = await SipWidgetConsole.start(kamailio, {});
  const notes: string[] = [];
  const cardMs: number[] = [];
  const dialMs: number[] = [];
  const pbx = await UdpUac.open(kamailio.udpPort, kamailio.domain);
  try {
    const { adapter } = await console_.openTab(500);
    await logIn(adapter, AGENT);
    await untilStatus(adapter, ['ready'], 20_000);
    let deadline = Date.now() + maxSeconds * 1000;
    for (let i = 0; i < runs && Date.now() < deadline; i++) {
      await adapter.evaluate(() => performance.clearMarks());
      pbx.invite(AGENT.device, 34600);
      await untilStatus(adapter, ['ringing']);
      const handle = await adapter.waitForFunction(() => {
        const invite = performance.getEntriesByName('dialtone:invite').at(-1);
        const shown = performance.getEntriesByName('dialtone:ringing-shown').at(-1);
        return invite && shown ? shown.startTime - invite.startTime : undefined;
      }, undefined, { timeout: 5_000, polling: 20 });
      cardMs.push((await handle.jsonValue())!);
      await adapter.getByTestId('decline').click();
      await pbx.finalReply('INVITE', 5_000);
      await untilStatus(adapter, ['ready']);
    }
    const created = await console_.lightning.createRecord('Contact', { LastName: 'Bench SIP', Phone: '5550199' });
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    const id = String(created.record.fields.Id);
    deadline = Date.now() + maxSeconds * 1000;
    for (let i = 0; i < runs && Date.now() < deadline; i++) {
      const mark = kamailio.trace().length;
      const clicked = Date.now();
      await console_.lightning.clickToDial(id, 'Phone');
      const line = await until('the INVITE in Kamailio\'s trace', () => kamailio.trace().slice(mark).find((l) => / req INVITE .*ruri=sip:5550199@/.test(l)), 10_000);
      const at = Number(/^t=(\S+)/.exec(line)?.[1]) * 1000;
      dialMs.push(at - clicked);
      await untilStatus(adapter, ['ready', 'wrapUp'], 10_000);
      if ((await adapter.getByTestId('status').getAttribute('data-status')) === 'wrapUp') await adapter.getByTestId('available').click();
      await untilStatus(adapter, ['ready']);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  } catch (error) {
    notes.push(`stopped by an error after ${cardMs.length} inbound and ${dialMs.length} click-to-dial runs: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    pbx.close();
    await console_.close();
    await kamailio.stop();
    await rtpengine.stop();
  }
  return { card: summarize(cardMs), dial: summarize(dialMs), notes };
}

export function printSipReport(report: SipLatencyReport): void {
  console.log(`sip platform: INVITE received → incoming-call card rendered, ${report.card.count} calls (adapter marks, frame clock):`);
  console.log(`  ${formatSummary(report.card)} — ${verdict(report.card.p95, SIP_INCOMING_BUDGET_MS)} the ${SIP_INCOMING_BUDGET_MS} ms p95 budget`);
  console.log(`sip platform: click-to-dial → INVITE received by Kamailio, ${report.dial.count} clicks (epoch clocks; includes the emulator's hop):`);
  console.log(`  ${formatSummary(report.dial)} — ${verdict(report.dial.p95, SIP_DIAL_BUDGET_MS)} the ${SIP_DIAL_BUDGET_MS} ms p95 budget`);
  for (const note of report.notes) console.log(`  note: ${note}`);
}
