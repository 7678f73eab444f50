/**
 * The supervisor's side of monitoring, and the agent's "you are monitored" indicator
 * (docs/monitoring.md). Runs the pure supervision machine (src/call/monitoring.ts): its NeoApi
 * requests (`StartMonitor`, `StopMonitor`), its SIP actions on the monitoring leg (answered at
 * once, never rung to the supervisor as a call) and its record of each finished session. The
 * agent runtime hands over, before the call machine sees them, the SIP and Position facts the
 * monitoring leg owns.
 */
import type { AgentEvent, AgentState, PlatformPort } from '../call/index.ts';
import {
  IDLE_SUPERVISION,
  claimsMonitoringEvent,
  monitoringEventOf,
  supervise,
  type MonitoringSession,
  type Supervision,
  type SupervisionEffect,
  type SupervisionEvent,
} from '../call/monitoring.ts';
import type { Config, NeotelUser } from '../config/index.ts';
import type { AgentView, MonitorableAgent, MonitoringIndicator, SoftphoneIntent } from '../view/agent-view.ts';
import type { NeoApiLike } from './agent-runtime.ts';
import type { MonitoringLog } from './monitoring-log.ts';
import type { PhoneLike } from './phone-bridge.ts';

export { MONITOR_INTENTS } from './monitor-intents.ts';

/** How to build a {@link SupervisionDesk}. */
export interface SupervisionDeskOptions {
  readonly config: Config;
  /** Where the `monitor`/`stopMonitor` commands go. */
  readonly platform: Pick<PlatformPort<AgentEvent>, 'run'>;
  /** NeoApi's user listing (`GetUsers`). */
  readonly neo: NeoApiLike;
  readonly log: MonitoringLog;
  /** The machine's state now (who is logged in). */
  readonly agent: () => AgentState;
  /** The desk's part of the view changed: draw again. */
  readonly changed: () => void;
  readonly warn: (message: string, cause?: unknown) => void;
  readonly now?: () => number;
}

/** One `GetUsers` entry, as far as the desk reads it. */
interface PlatformUser {
  readonly id: string;
  readonly name: string;
  readonly supervisor: boolean;
  readonly state: string | null;
  readonly callId: string | null;
}

const textOf = (value: unknown): string | null => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : null);

/** Reads the JSON answer of `GetUsers` (docs/neoapi-contract.md §3.13); entries without an `Id` are skipped. */
export function parsePlatformUsers(answer: unknown): PlatformUser[] {
  if (typeof answer !== 'string' || answer.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer);
  } catch (error) {
    throw new Error(`GetUsers answered text that is not JSON (expected a JSON array of users): ${answer.slice(0, 120)}`, { cause: error });
  }
  if (!Array.isArray(parsed)) throw new Error(`GetUsers answered ${typeof parsed}, expected a JSON array of users`);
  const users: PlatformUser[] = [];
  for (const item of parsed as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const entry = item as Record<string, unknown>;
    const id = textOf(entry.Id);
    if (!id) continue;
    const call = textOf(entry.Llamada);
    users.push({
      id,
      name: textOf(entry.Nombre) ?? id,
      supervisor: textOf(entry.Perfil)?.toLowerCase() === 'supervisor',
      state: textOf(entry.Estado),
      callId: call === null || call === '' || /^0+$/.test(call) ? null : call,
    });
  }
  return users;
}

/**
 * The agents a supervisor may pick: the configured `monitoredUsers` first (with the platform's
 * state when it lists them), then every other non-supervisor user the platform lists; never the
 * supervisor themselves.
 */
export function monitorableAgents(configured: readonly NeotelUser[], platform: readonly PlatformUser[] | null, self: string): MonitorableAgent[] {
  const byId = new Map((platform ?? []).map((u) => [u.id, u]));
  const agents: MonitorableAgent[] = configured
    .filter((u) => u.id !== self)
    .map((u) => ({ id: u.id, name: u.name, state: byId.get(u.id)?.state ?? null, callId: byId.get(u.id)?.callId ?? null }));
  const listed = new Set(agents.map((a) => a.id));
  for (const u of platform ?? []) {
    if (u.supervisor || u.id === self || listed.has(u.id)) continue;
    agents.push({ id: u.id, name: u.name, state: u.state, callId: u.callId });
  }
  return agents;
}

/** Monitoring for one tab's session: the supervisor panel and the agent's indicator. */
export class SupervisionDesk {
  private state: Supervision = IDLE_SUPERVISION;
  private platformUsers: PlatformUser[] | null = null;
  /** Whether this desk already asked `GetUsers` for a monitoring supervisor's name. */
  private usersAsked = false;
  private indicator: MonitoringIndicator | null = null;
  private phone: PhoneLike | undefined;
  private readonly now: () => number;

  constructor(private readonly options: SupervisionDeskOptions) {
    this.now = options.now ?? (() => Date.now());
  }

  /** The logged-in user when they are a supervisor of the configuration, else `null`. */
  /** A NeoApi request by its contract name, sent under the deployment's name when `neoApiMethods` renames it. */
  private call(method: string, params: Readonly<Record<string, string>>): Promise<string | boolean | undefined> {
    const wireName = this.options.config.connection.neoApiMethods.methods[method];
    return this.options.neo.call(method, params, wireName === undefined ? undefined : { wireName });
  }

  private supervisor(): string | null {
    const agent = this.options.agent();
    if (!('session' in agent)) return null;
    const user = String(agent.session.user);
    return this.options.config.supervision.supervisorUserIds.includes(user) ? user : null;
  }

  /** Adds the desk's parts to a view of the runtime. */
  decorate(view: AgentView): AgentView {
    const supervisor = this.supervisor();
    const loggedIn = 'session' in view.agent;
    return {
      ...view,
      supervision:
        supervisor === null
          ? null
          : {
              agents: monitorableAgents(this.options.config.supervision.monitoredUsers, this.platformUsers, supervisor),
              status: this.state.status,
              agent: this.state.agent,
              mode: this.state.mode,
              requestedMode: this.state.requestedMode,
              error: this.state.error,
            },
      monitoredBy: loggedIn && this.options.config.supervision.showMonitoringToAgent && this.indicator ? this.named(this.indicator) : null,
    };
  }

  /** The indicator with the supervisor's name, when anyone knows it (else the id stays what is shown). */
  private named(indicator: MonitoringIndicator): MonitoringIndicator {
    const id = indicator.supervisor;
    if (id === null) return indicator;
    const { transfers, supervision } = this.options.config;
    const known = [...(this.platformUsers ?? []), ...transfers.users, ...supervision.monitoredUsers].find((u) => u.id === id && u.name.trim() !== '' && u.name !== id);
    return { ...indicator, supervisorName: known?.name ?? null };
  }

  /**
   * An agent's desk lists no users (only a supervisor's panel needs them): when a supervisor the
   * configuration does not name starts listening, ask the platform once per session (`GetUsers`).
   * Until it answers, or if it cannot, the indicator shows the id.
   */
  private lookUpSupervisor(indicator: MonitoringIndicator | null): void {
    if (indicator?.supervisor == null || this.usersAsked || this.named(indicator).supervisorName) return;
    const agent = this.options.agent();
    if (!('session' in agent)) return;
    this.usersAsked = true;
    this.call('GetUsers', { USUARIO: String(agent.session.user) })
      .then((answer) => {
        this.platformUsers = parsePlatformUsers(answer);
        this.options.changed();
      })
      .catch((error: unknown) => this.options.warn(`GetUsers failed; the monitored indicator shows supervisor ${indicator.supervisor} by id`, error));
  }

  /**
   * Called by the runtime with each event before the call machine: `true` = the monitoring leg
   * owns it (the machine must not see it). `phone` is the runtime's live phone.
   */
  /** Whether {@link intercept} would take `event` (no side effects). */
  claims(event: AgentEvent): boolean {
    return claimsMonitoringEvent(this.state, event);
  }

  intercept(event: AgentEvent, phone: PhoneLike | undefined): boolean {
    if (!claimsMonitoringEvent(this.state, event)) return false;
    this.phone = phone;
    const supervisor = this.supervisor() ?? '';
    const mapped = monitoringEventOf(event);
    if (mapped !== null) this.apply(mapped, supervisor);
    return true;
  }

  /** A monitoring intent of the panel. */
  intent(intent: SoftphoneIntent): void {
    const supervisor = this.supervisor();
    if (supervisor === null) {
      this.options.warn(`monitoring intent ${intent.kind} ignored: the logged-in user is not in supervisorUserIds`);
      return;
    }
    const at = this.now();
    switch (intent.kind) {
      case 'monitorRefresh':
        void this.refresh();
        return;
      case 'monitorStart': {
        const callId = this.platformUsers?.find((u) => u.id === intent.agent)?.callId ?? null;
        this.apply({ kind: 'monitorStart', at, agent: intent.agent, mode: intent.mode, agentCallId: callId }, supervisor);
        return;
      }
      case 'monitorSwitch':
        this.apply({ kind: 'monitorSwitch', at, mode: intent.mode }, supervisor);
        return;
      case 'monitorStop':
        this.apply({ kind: 'monitorStop', at }, supervisor);
        return;
      default:
        return;
    }
  }

  /** Lists the platform's users (`GetUsers`) for the panel; the configured list stays when it fails. */
  async refresh(): Promise<void> {
    const supervisor = this.supervisor();
    if (supervisor === null) return;
    try {
      this.platformUsers = parsePlatformUsers(await this.call('GetUsers', { USUARIO: supervisor }));
    } catch (error) {
      // GetUsers is Dialtone's own listing (evidence `dialtone`): a real server may not have it.
      this.options.warn('GetUsers failed; the panel shows the configured monitoredUsers only', error);
    }
    this.options.changed();
  }

  /** What Position says about this user being monitored (`MONITOREO`, `MONITOREO_USUARIO`). */
  positionSeen(indicator: MonitoringIndicator | null): void {
    const before = this.indicator;
    if (before?.mode === indicator?.mode && before?.supervisor === indicator?.supervisor) return;
    this.indicator = indicator;
    this.options.changed();
    this.lookUpSupervisor(indicator);
  }

  private apply(event: SupervisionEvent, supervisor: string): void {
    const result = supervise(this.state, event, supervisor);
    if (!result.ok) {
      this.state = { ...this.state, error: result.message };
      this.options.changed();
      return;
    }
    const changed = result.state !== this.state;
    this.state = result.state;
    if (changed) this.options.changed();
    for (const effect of result.effects) this.run(effect, supervisor);
  }

  private run(effect: SupervisionEffect, supervisor: string): void {
    switch (effect.kind) {
      case 'platform': {
        const command = effect.command.command;
        void this.options.platform.run(effect.command).then((outcome) =>
          this.apply({ kind: 'monitorRequestDone', at: this.now(), command, ok: outcome.ok, message: outcome.ok ? null : outcome.failure.detail }, supervisor),
        );
        return;
      }
      case 'answerLeg':
        this.phone?.answer().catch((error: unknown) => this.options.warn('answering the monitoring leg failed', error));
        return;
      case 'hangUpLeg':
        this.phone?.hangUp().catch((error: unknown) => this.options.warn('hanging up the monitoring leg failed', error));
        return;
      case 'recordSession':
        this.record(effect.session);
        return;
    }
  }

  private record(session: MonitoringSession): void {
    this.options.log.record(session).catch((error: unknown) => this.options.warn(`the monitoring Task of ${session.supervisor} → ${session.agent} was not saved`, error));
  }
}
