/**
 * What the call soak keeps, outside the pages it measures, to explain a call that did not ring:
 * the simulator's own diagnostics and a one-line summary of every SIP frame (the last
 * {@link KEPT_LINES}, in the bench's Node process), and, once a step failed, what the platform
 * thinks of each agent (its `Position`), the queue, the last calls, the last NeoApi requests and
 * the panel's last console lines. Nothing here runs in the measured isolates before the failure.
 */
import type { BenchAgent } from './agent-bench.ts';
import type { SoakDriver } from './soak-driver.ts';

const KEPT_LINES = 80;
/** The Position keys that say whether the platform offers the agent a queued call (dev/neotel/center/sessions.ts `isFreeForWork`). */
const POSITION_KEYS = ['STATUS', 'ESTADO_CRM', 'INICIO_CRM', 'SUB_ESTADO', 'SUBTIPO_DESCANSO', 'SAL_CAMPAÑA_DEFAULT', 'IDLLAMADA', 'IDLLAMADA_ULT', 'BASE', 'IDCONTACTO'];

/** A ring of the simulator's log lines and SIP frame summaries, stamped with seconds since the start. */
export class SoakTrace {
  private readonly lines: string[] = [];
  private readonly started = Date.now();

  /** For `AgentConsoleOptions.neotelLog`. */
  readonly log = (line: string): void => this.push(`pbx ${line}`);

  /** For `AgentConsoleOptions.sipTrace`: the first line, CSeq, Call-ID and any expiry of each frame. */
  readonly sip = (direction: 'in' | 'out', connectionId: string, text: string): void => {
    if (/^\s*$/.test(text)) return; // keep-alive CRLFs
    const [first = ''] = text.split('\r\n', 1);
    const header = (name: string, short: string): string => new RegExp(`^(?:${name}|${short}):\\s*(.*)$`, 'im').exec(text)?.[1]?.trim() ?? '';
    const expiry = /expires=(\d+)/i.exec(header('Contact', 'm'))?.[1] ?? header('Expires', 'Expires');
    const callId = header('Call-ID', 'i').slice(0, 10);
    this.push(`sip ${direction === 'in' ? '→' : '←'} ${connectionId} ${first} | ${header('CSeq', 'CSeq')} | ${callId}${expiry ? ` | expires ${expiry}` : ''}`);
  };

  /** A line of the soak's own (which call, which side). */
  note(line: string): void {
    this.push(`soak ${line}`);
  }

  private push(line: string): void {
    this.lines.push(`${((Date.now() - this.started) / 1000).toFixed(3)} s ${line}`);
    if (this.lines.length > KEPT_LINES) this.lines.shift();
  }

  /** The kept lines, oldest first. */
  recent(): readonly string[] {
    return this.lines;
  }
}

function positionFields(position: string): string {
  const values = new Map(position.split('|').map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)] as const));
  return POSITION_KEYS.map((key) => `${key}=${values.get(key) ?? '(absent)'}`).join(' ');
}

/** Reads everything the report needs to say why the soak stalled; each part that cannot be read says so. */
export async function explainStall(agent: BenchAgent, driver: SoakDriver | undefined, floor: SoakDriver | undefined, trace: SoakTrace): Promise<string> {
  const part = async (name: string, read: () => Promise<string[]> | string[]): Promise<string> => {
    try {
      return [`${name}:`, ...(await read()).map((line) => `    ${line}`)].join('\n  ');
    } catch (error) {
      return `${name}: (unreadable: ${error instanceof Error ? error.message : String(error)})`;
    }
  };
  const control = agent.rig.neotel;
  const parts = await Promise.all([
    part("the panel's status pill, phone badge, machine phase and notices", async () => {
      const status = driver ? await driver.status() : '(no driver)';
      const phone = await agent.adapter.locator('[data-testid="phone-status"]').first().getAttribute('data-phone', { timeout: 1000 }).catch(() => '(none)');
      const phase = await agent.adapter.locator('[data-agent-phase]').first().getAttribute('data-agent-phase', { timeout: 1000 }).catch(() => '(none)');
      const notices = await agent.adapter.locator('[data-testid="notice"], [data-testid="desk-outcome"]').allTextContents();
      return [`status ${status}, phone ${phone}, machine phase ${phase}`, ...notices.map((text) => `notice: ${text.replace(/\s+/g, ' ').trim()}`)];
    }),
    part("the floor page's line", async () => [floor ? await floor.run<string>('document.getElementById("state")?.dataset.state ?? "(no #state)"') : '(not opened)']),
    part('the platform (simulator) positions and queues', async () => {
      const state = await control.state();
      return [
        ...state.positions.map((p) => `${p.user} on ${p.device}: ${positionFields(p.position)}`),
        ...state.queues.map((q) => `queue ${q.id} ${q.name}: waiting ${q.waiting.length === 0 ? '(none)' : q.waiting.join(', ')}`),
      ];
    }),
    part('the last 3 calls', async () =>
      (await control.calls()).slice(-3).flatMap((call) => [
        `${call.id} ${call.kind} ${call.phase} agent ${call.agent ?? '(none)'} leg ${call.agentLegState ?? '-'} ended ${call.endReason || '-'}`,
        ...call.events.slice(-6).map((event) => `  ${event.at} ${event.what}`),
      ]),
    ),
    part('the last 25 NeoApi requests', async () =>
      (await control.requests()).slice(-25).map((entry) => `${entry.at} ${entry.method} ${entry.params.USUARIO ?? ''} → ${entry.status} ${entry.response.replace(/\s+/g, ' ').slice(0, 80)}`),
    ),
    part("the panel's last console lines", () => agent.logs.slice(-15)),
    part('the simulator log and SIP frames, last kept', () => [...trace.recent()]),
  ]);
  return parts.join('\n  ');
}
