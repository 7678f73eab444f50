/**
 * The desks a logged-in agent uses beside the phone, whose code loads once the phone is registered
 * (their own chunks: they neither sit in the start-up bundle nor compete with registering,
 * docs/benchmarks.md): supervision and the monitored indicator (docs/monitoring.md), agent actions
 * and text messages (docs/agent-actions.md, docs/text-messages.md) and the directory
 * (docs/directory.md). Each adds its slice to the owner's view once it is in.
 */
import type { AgentEvent, AgentState, PlatformPort } from '../call/index.ts';
import type { Config } from '../config/index.ts';
import type { OpenCti } from '../opencti/index.ts';
import type { DialtoneStore } from '../storage/index.ts';
import type { AgentView } from '../view/agent-view.ts';
import type { NeoApiLike } from './agent-runtime.ts';
import type { DeskActions, DeskActionsOptions } from './desk-actions.ts';
import type { DirectoryDesk } from './directory-desk.ts';
import type { LazyTaskLog } from './lazy-task-log.ts';
import { LazySupervision } from './lazy-supervision.ts';
import { loadTransferTargets } from './transfer-targets.ts';

/** What the desks act on. */
export interface RegisteredDesksParts {
  readonly config: Config;
  readonly platform: PlatformPort<AgentEvent>;
  readonly neo: NeoApiLike;
  /** Salesforce (the directory searches it); `undefined` outside it. */
  readonly api: OpenCti | undefined;
  /** The session's one database connection (the directory's favourites). */
  readonly store: Promise<DialtoneStore>;
  /** Monitoring sessions and text messages go through the same Task-log outbox as calls (idempotent by CallObject). */
  readonly tasks: LazyTaskLog | undefined;
  readonly agent: () => AgentState;
  readonly linkOf: DeskActionsOptions['linkOf'];
  /** A desk's slice changed (or a desk arrived): the owner's view is derived again. */
  readonly changed: () => void;
  readonly warn: (message: string, cause?: unknown) => void;
}

/** Supervision, agent actions and the directory: loaded at REGISTER 200, drawn once they are in. */
export class RegisteredDesks {
  /** Built at once (the runtime asks it about every event); its code loads in `load`. */
  readonly supervision: LazySupervision;
  private actionsDesk: DeskActions | undefined;
  private directoryDesk: DirectoryDesk | undefined;
  private loggedIn = false;

  constructor(private readonly parts: RegisteredDesksParts) {
    const { config, platform, neo, tasks, agent, changed, warn } = parts;
    this.supervision = new LazySupervision({ config, platform, neo, tasks, agent, changed, warn });
  }

  /** Agent actions and text messages; `undefined` until their chunk is in. */
  get actions(): DeskActions | undefined {
    return this.actionsDesk;
  }

  /** The directory; `undefined` until its chunk is in. */
  get directory(): DirectoryDesk | undefined {
    return this.directoryDesk;
  }

  /** Fetches the desks' code (the phone is registered) and draws them once they are in. */
  load(): void {
    const { config, platform, neo, api, store, tasks, agent, linkOf, changed, warn } = this.parts;
    void Promise.all([import('./desk-actions.ts'), import('./directory-desk.ts')])
      .then(([{ DeskActions }, { DirectoryDesk }]) => {
        this.actionsDesk = new DeskActions({ config, platform, agent, linkOf, tasks, changed, warn });
        this.directoryDesk = new DirectoryDesk({ api, listTargets: (user) => loadTransferTargets(neo, user, config), prefs: async () => (await store).prefs, changed, warn });
        changed();
      })
      .catch((error: unknown) => warn('agent actions, text messages and the directory did not load', error));
    this.supervision.load();
  }

  /** The owner's view with the desks' slices; a fresh login asks the supervision desk for its lists again. */
  decorate(view: AgentView): AgentView {
    const supervised = this.supervision.decorate(view);
    const withActions = this.actionsDesk?.decorate(supervised) ?? supervised;
    const decorated = this.directoryDesk?.decorate(withActions) ?? withActions;
    const loggedIn = 'session' in decorated.agent;
    if (loggedIn && !this.loggedIn && decorated.supervision) void this.supervision.refresh();
    this.loggedIn = loggedIn;
    return decorated;
  }
}
