/**
 * Supervision's code — the desk, the supervision machine and the monitoring Task, ~3 KB gzip — is
 * its own chunk, fetched once the phone is registered (docs/monitoring.md, "When the code loads";
 * issue 18). Nothing is lost before it is in:
 * - an idle supervision claims one fact only, the platform's report of a `Monitor` call, and this
 *   facade claims it too (`isMonitorCall`, the desk's own rule), so a monitoring leg reported
 *   right at login is never taken for a customer call;
 * - every other claim needs a monitoring the supervisor started (`monitorStart`), and an intent
 *   is held until the desk runs it: no leg can exist before its request went out;
 * - claimed events, intents and the last monitored indicator from Position are handed to the
 *   desk, in order, once it is in.
 */
import type { AgentEvent } from '../call/index.ts';
import { isMonitorCall } from '../call/monitor-call.ts';
import type { AgentView, MonitoringIndicator, SoftphoneIntent } from '../view/agent-view.ts';
import type { TaskEnqueue } from './monitoring-log.ts';
import type { PhoneLike } from './phone-bridge.ts';
import type * as DeskModule from './supervision-desk.ts';
import type * as LogModule from './monitoring-log.ts';
import type { SupervisionDesk, SupervisionDeskOptions } from './supervision-desk.ts';
import { DeferredPart } from './deferred-part.ts';

export { MONITOR_INTENTS } from './monitor-intents.ts';

/** The desk's options, with the outbox its monitoring Tasks go through instead of the log itself. */
export interface LazySupervisionOptions extends Omit<SupervisionDeskOptions, 'log'> {
  /** The Task log (`undefined` outside Salesforce: sessions are then reported as not recorded). */
  readonly tasks: TaskEnqueue | undefined;
}

/** The chunk's two modules. */
export interface SupervisionCode {
  readonly desk: typeof DeskModule;
  readonly log: typeof LogModule;
}

const fetchCode = async (): Promise<SupervisionCode> => {
  const [desk, log] = await Promise.all([import('./supervision-desk.ts'), import('./monitoring-log.ts')]);
  return { desk, log };
};

/** A {@link SupervisionDesk} whose code is fetched when first needed. */
export class LazySupervision {
  private readonly desk: DeferredPart<SupervisionDesk>;
  /** Whether an indicator was handed to the desk (so a later `null` must follow it). */
  private heldIndicator = false;

  constructor(options: LazySupervisionOptions, code: () => Promise<SupervisionCode> = fetchCode) {
    const { tasks, ...deskOptions } = options;
    this.desk = new DeferredPart(
      async () => {
        const { desk, log } = await code();
        return new desk.SupervisionDesk({ ...deskOptions, log: log.monitoringLogOf(tasks, options.warn) });
      },
      (error, waiting) =>
        options.warn(`supervision's code (assets/supervision-desk-*.js) did not load; ${waiting} monitoring fact(s) wait for it and the next one retries (reload the page if it persists)`, error),
      (desk) => {
        // A supervisor who logged in while it loaded gets the users list the login would have asked for.
        void desk.refresh();
        options.changed();
      },
    );
  }

  /** Whether the code is in (tests). */
  get loaded(): boolean {
    return this.desk.current !== undefined;
  }

  /** Fetches the code now (the phone registered, or a monitoring fact or intent arrived). */
  load(): void {
    this.desk.load();
  }

  /** `SupervisionDesk.decorate`; before the code is in, the view has no supervision parts yet. */
  decorate(view: AgentView): AgentView {
    return this.desk.current?.decorate(view) ?? view;
  }

  /** `SupervisionDesk.claims`, without side effects: before the code is in, what an idle desk claims. */
  claims(event: AgentEvent): boolean {
    return this.desk.current?.claims(event) ?? isMonitorCall(event);
  }

  /** `SupervisionDesk.intercept`: before the code is in, claims what an idle desk claims, and hands it over later. */
  intercept(event: AgentEvent, phone: PhoneLike | undefined): boolean {
    const desk = this.desk.current;
    if (desk) return desk.intercept(event, phone);
    if (!isMonitorCall(event)) return false;
    this.desk.hold((loaded) => loaded.intercept(event, phone));
    return true;
  }

  intent(intent: SoftphoneIntent): void {
    this.desk.hold((desk) => desk.intent(intent));
  }

  refresh(): Promise<void> {
    // Before the code is in, the load refreshes once it is.
    return this.desk.current?.refresh() ?? Promise.resolve();
  }

  /** `SupervisionDesk.positionSeen`; the desk gets the latest one when it loads (a `null` before anything else needs nothing). */
  positionSeen(indicator: MonitoringIndicator | null): void {
    if (this.desk.current || indicator !== null || this.heldIndicator) {
      this.heldIndicator = true;
      this.desk.hold((desk) => desk.positionSeen(indicator));
    }
  }
}
