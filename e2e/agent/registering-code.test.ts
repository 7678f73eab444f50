/**
 * Issue 18, size: only what registering needs is fetched before the phone registers. The built
 * adapter in the Lightning console, the agent logs in; every script the adapter frame requested
 * before the 200 OK of REGISTER arrived on its SIP WebSocket (bench/wire-probe.ts times the SIP
 * messages on the frame's clock) is attributed to its sources through dist/'s source maps. The
 * panels shown only in or after a call, the agent-action and directory desks, the screen pop and
 * libphonenumber-js must not be among them — and must still arrive once the phone is registered —,
 * nor the texts of a language other than the catalogues'. The profile is fresh, so the Task-log
 * outbox is empty: the Task log's code (logger, sender, outbox) waits for REGISTER 200 too (a
 * non-empty outbox loads it at once: e2e/agent/task-log, "survives a panel reload"); so do supervision
 * and the call history (docs/monitoring.md, docs/call-history.md: "When the code loads"), the parts
 * only a logged-in agent sees (incoming card, call controls, dial pad, the monitored indicator and
 * the header's status timer…), the refused-logs list (none here), the Task's recording link and the phone's call-only code (second
 * line, DTMF queue, ringtone): docs/architecture.md, "Code loaded after start-up". The NeoApi
 * contract's prose (contract-notes.ts) is never fetched at all, nor, by this Neotel call center
 * whose `sipPlatform` section is as shipped, that section's parsers (sip-platform-settings.ts with
 * the hook templates and pop headers: src/config/sip-platform-defaults.ts).
 * `npm run bench` with BENCH_ONLY=registered prints the same set with sizes (docs/benchmarks.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIRE_SCRIPT, registeredAt, wireOf } from '../../bench/wire-probe.ts';
import { AgentConsole, waitFor, type AgentTab } from './support/agent-console.ts';
import { logIn, waitForStatus } from './support/agent-steps.ts';

/** Sources that registering does not need (docs/architecture.md, "Code loaded after start-up"). */
const AFTER_REGISTER = /node_modules\/libphonenumber-js\/|src\/components\/(transfer-panel|wrap-up-panel|monitoring-panel|call-record|call-history|desk-actions|directory|incoming-call|call-controls|dial-pad|break-menu|campaign-picker|call-info|monitored-indicator|failed-logs)\/|src\/components\/shared\/(elapsed-time|clock-controller)\.ts|src\/crm\/recording-link\.ts|src\/platforms\/neotel\/contract-notes\.ts|src\/config\/sip-platform-settings\.ts|src\/platforms\/sip\/(hook-template|pop-data)\.ts|src\/components\/softphone-shell\/agent-parts\.ts|src\/app\/(desk-actions|directory-desk|screen-pop|pop-minimise|task-logger|task-send|supervision-desk|call-history)\.ts|src\/crm\/(dial-number|customer-zone|task-log|monitoring-task)\.ts|src\/call\/monitoring\.ts|src\/storage\/(outbox|call-history)\.ts|src\/sip\/(call-parts|second-line|call-transfer|conference-mixer|dtmf-queue|ringtone)\.ts/;

let rig: AgentConsole;
let tab: AgentTab;

/** The sources of a built script of dist/ (`assets/x.js`), from its source map. */
function sourcesOf(file: string): string[] {
  const map = JSON.parse(readFileSync(join('dist', `${file}.map`), 'utf8')) as { sources: string[] };
  return map.sources;
}

/** dist/ scripts the adapter frame requested, with their request start (frame clock). */
async function scriptsOf(): Promise<{ file: string; startTime: number }[]> {
  const entries = await tab.adapter.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({ path: new URL(e.name).pathname, startTime: e.startTime })),
  );
  return entries.filter((e) => /\/softphone\/assets\/[^/]+\.js$/.test(e.path)).map((e) => ({ file: e.path.replace(/^.*\/softphone\//, ''), startTime: e.startTime }));
}

beforeAll(async () => {
  rig = await AgentConsole.start();
  await rig.context.addInitScript({ content: `globalThis.__name ??= (target) => target;\n${WIRE_SCRIPT}` });
  tab = await rig.openTab({ audioProbe: false });
});

afterAll(async () => {
  if (tab.errors.length > 0) console.info('page errors:', tab.errors);
  await rig.close();
});

describe('code fetched before the phone registers (issue 18)', () => {
  it('is the start-up bundle, the agent session and sip.js — no panel, desk or libphonenumber-js until REGISTER 200', async () => {
    await waitForStatus(tab.adapter, 'loggedOut', 20_000);
    await logIn(tab.adapter, rig.agent());
    await waitForStatus(tab.adapter, 'ready', 20_000);
    const registered = registeredAt(await wireOf(tab.adapter));
    expect(registered, 'a 200 OK of REGISTER on the adapter frame\'s SIP WebSocket').toBeDefined();
    const before = (await scriptsOf()).filter((s) => s.startTime <= (registered ?? 0));
    const sources = before.map((s) => ({ file: s.file, sources: sourcesOf(s.file) }));
    // The measurement saw the registering code itself, or it proves nothing.
    expect(sources.some((s) => s.sources.some((src) => src.includes('node_modules/sip.js/'))), 'sip.js fetched before REGISTER').toBe(true);
    expect(sources.some((s) => s.sources.some((src) => src.endsWith('src/app/agent-session.ts'))), 'the agent session fetched before REGISTER').toBe(true);
    const early = sources.flatMap((s) => s.sources.filter((src) => AFTER_REGISTER.test(src)).map((src) => `${s.file}: ${src}`));
    expect(early, 'code that registering does not need, fetched before REGISTER 200').toEqual([]);
    // A catalogue brings its own language's texts only (src/i18n/texts-<language>.ts), never the
    // three together: the languages of the texts fetched are those of the catalogues fetched.
    const lang = await tab.adapter.evaluate(() => document.documentElement.lang);
    const fetched = (pattern: RegExp) => [...new Set(sources.flatMap((s) => s.sources.map((src) => pattern.exec(src)?.[1]).filter((l) => l !== undefined)))].sort();
    const catalogues = fetched(/src\/i18n\/(es|pt|en)\.ts$/);
    expect(catalogues, 'the catalogue of the language on screen fetched before REGISTER 200').toContain(lang);
    expect(fetched(/src\/i18n\/texts-(es|pt|en)\.ts$/), 'the languages of the nested texts fetched before REGISTER 200').toEqual(catalogues);
  });

  it('fetches the dial plan (libphonenumber-js), the screen pop and the Ready panel parts once the phone is registered', async () => {
    const after = await waitFor(
      'the dial plan, the screen pop, the call history part and the Task log fetched after REGISTER 200',
      async () => (await scriptsOf()).flatMap((s) => sourcesOf(s.file)),
      (all) => all.some((src) => src.includes('node_modules/libphonenumber-js/')) && all.some((src) => src.includes('src/components/call-history/')) && all.some((src) => src.endsWith('src/app/screen-pop.ts')) && all.some((src) => src.endsWith('src/app/task-logger.ts')) && all.some((src) => src.endsWith('src/app/supervision-desk.ts')),
      15_000,
    );
    expect(after.some((src) => src.includes('src/app/desk-actions.ts')), 'the agent-action desk fetched once registered').toBe(true);
    expect(after.some((src) => src.endsWith('src/app/task-logger.ts')) && after.some((src) => src.endsWith('src/storage/outbox.ts')), 'the Task log and its outbox fetched once registered').toBe(true);
    expect(after.some((src) => src.endsWith('src/app/supervision-desk.ts')), 'supervision fetched once registered').toBe(true);
    // What only a logged-in agent sees (src/components/softphone-shell/agent-parts.ts) comes once
    // the phone is registered, the incoming card with it: an INVITE reaches a registered phone only.
    await waitFor(
      'the logged-in agent\'s parts (incoming card, call controls, dial pad, break menu, campaign picker, call information) defined',
      () => tab.adapter.evaluate(() => ['dialtone-incoming-call', 'dialtone-call-controls', 'dialtone-dial-pad', 'dialtone-break-menu', 'dialtone-campaign-picker', 'dialtone-call-info', 'dialtone-monitored-indicator', 'dialtone-elapsed'].filter((tag) => !customElements.get(tag))),
      (missing) => missing.length === 0,
      15_000,
    );
    // The header drew the status timer before its code may have arrived: it runs once upgraded.
    await waitFor('the status timer running (whole minutes: `<1 min`)', () => tab.adapter.getByTestId('status-timer').textContent({ timeout: 1_000 }).catch(() => null), (text) => /\d min/.test(text ?? ''), 5_000);
    const now = (await scriptsOf()).flatMap((s) => sourcesOf(s.file));
    expect(now.some((src) => src.includes('src/components/dial-pad/')), 'the agent parts fetched once registered').toBe(true);
    // The phone's call-only code (src/sip/call-parts.ts): transfer, conference, digits, ringtone.
    expect(after.some((src) => src.endsWith('src/sip/second-line.ts')) && after.some((src) => src.endsWith('src/sip/ringtone.ts')), 'the phone\'s call-only code fetched once registered').toBe(true);
  });
});
