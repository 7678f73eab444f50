/**
 * The attendant features of the agent session (seed 000; docs/call-history.md, docs/phone-links.md):
 * the call history, "Show in CRM" and tel:/sip:/callto: links. `agent-session.ts` hands it the
 * calls the Task log sees, the owner's views, and the intents it handles in this tab.
 */
import { hasSession, type AgentState, type CallFacts } from '../call/index.ts';
import type { Category } from '../config/index.ts';
import type { AgentView, AttendantView, CallHistoryEntryView, SoftphoneIntent } from '../view/agent-view.ts';
import type { LinkedRecord } from '../crm/linked-record.ts';
import type { OpenCti } from '../opencti/index.ts';
import { SALESFORCE_ID_SHAPE } from '../shared/salesforce-id.ts';
import { messageOf } from '../shared/errors.ts';
import type { DialtoneStore } from '../storage/index.ts';
import type { IntentOf } from './intent-table.ts';
import { LazyCallHistory } from './lazy-call-history.ts';
import { listenForPhoneLinks, phoneLinksSupported, registerPhoneLinks, type LinkOutcome } from './phone-links.ts';

/** What the desk needs from the session. */
export interface AttendantDeskOptions {
  /** Salesforce, when framed by it ("Show in CRM"); `undefined` in tests and standalone. */
  readonly api: OpenCti | undefined;
  readonly categories: readonly Category[];
  /** The machine's state now (a link dials only for a logged-in, idle agent). */
  readonly agent: () => AgentState;
  /** The history slice changed (the owner patches its view; followers get it mirrored). */
  readonly onHistory: (entries: readonly CallHistoryEntryView[]) => void;
  /** This tab's own slice changed: draw the last view again. */
  readonly onLocal: () => void;
  /** An intent for the session (a link's `dial`). */
  readonly send: (intent: SoftphoneIntent) => void;
  readonly warn: (message: string, cause?: unknown) => void;
  /** Default: the `dialtone` database (pass the session's one when it shares a connection). */
  readonly open?: () => Promise<DialtoneStore>;
}

export class AttendantDesk {
  /** Its code loads with the first logged-in agent's history (lazy-call-history.ts). */
  private readonly history: LazyCallHistory;
  private local: AttendantView;
  private stopLinks: (() => void) | undefined;

  constructor(private readonly options: AttendantDeskOptions) {
    this.history = new LazyCallHistory({
      categories: options.categories,
      onEntries: options.onHistory,
      warn: options.warn,
      ...(options.open ? { open: options.open } : {}),
    });
    // `navigator` is typed as always there, but Node (the unit tests) has none before v21.
    this.local = { phoneLinks: phoneLinksSupported(globalThis.navigator), crmOpenFailed: null };
  }

  /** A view with this tab's own slice (drawn in every tab, owner or follower). */
  decorate(view: AgentView): AgentView {
    return { ...view, attendant: this.local };
  }

  /**
   * Runs the desk's intents, in the tab where the agent clicked (their place is `here`,
   * intent-handlers.ts): the record opens, and the browser prompts, there.
   */
  handleLocally(intent: IntentOf<'showInCrm' | 'registerPhoneLinks'>): void {
    if (intent.kind === 'showInCrm') void this.showInCrm(intent.recordId);
    if (intent.kind === 'registerPhoneLinks') {
      // Synchronously, inside the agent's click: browsers prompt only from a user gesture.
      const phoneLinks = registerPhoneLinks(globalThis.navigator, globalThis.location);
      if (phoneLinks.status === 'failed') this.options.warn(`phone links were not registered: ${phoneLinks.detail ?? ''}`);
      this.setLocal({ ...this.local, phoneLinks });
    }
  }

  /** A call the Task log saw (ended, or done with): the history keeps it with its record. */
  logged(call: CallFacts, link: LinkedRecord | null): void {
    this.history.record(call, link);
  }

  /** The owner's view: the history shown is the logged-in agent's. */
  follow(view: AgentView): void {
    this.history.follow(hasSession(view.agent) ? view.agent.session.user : null);
  }

  /** This tab owns the phone: it answers the link pages (only the owner does, so a link dials once). */
  own(): void {
    this.stopLinks ??= listenForPhoneLinks((number) => this.dialFromLink(number), this.options.warn);
  }

  /** "Forget me": the history of every agent in this browser. */
  forget(): Promise<void> {
    return this.history.forget();
  }

  dispose(): void {
    this.stopLinks?.();
    this.stopLinks = undefined;
  }

  private dialFromLink(number: string): Exclude<LinkOutcome, 'badNumber'> {
    const agent = this.options.agent();
    if (!hasSession(agent) || agent.phase === 'loggingOut') return 'notLoggedIn';
    if (agent.phase !== 'ready') return 'busy';
    this.options.send({ kind: 'dial', number });
    return 'dialling';
  }

  /** Opens the record in the Salesforce tab the agent is looking at (Open CTI `screenPop`). */
  private async showInCrm(recordId: string): Promise<void> {
    const api = this.options.api;
    let failure: string | null = null;
    if (!SALESFORCE_ID_SHAPE.test(recordId)) failure = `"${recordId.slice(0, 40)}" is not a Salesforce record id (15 or 18 letters and digits)`;
    else if (!api) failure = 'Dialtone is not running inside Salesforce';
    else {
      try {
        await api.screenPop({ type: 'sobject', params: { recordId } });
      } catch (error) {
        failure = messageOf(error);
      }
    }
    if (failure !== null) this.options.warn(`"Show in CRM" did not open ${recordId}: ${failure}`);
    this.setLocal({ ...this.local, crmOpenFailed: failure === null ? null : { recordId, detail: failure } });
  }

  private setLocal(local: AttendantView): void {
    this.local = local;
    this.options.onLocal();
  }
}
