/**
 * The agent session's Salesforce side around calls (docs/screen-pop.md): the screen pop and the
 * record linked to each call ({@link ScreenPop}), click-to-dial (enabled while the agent is
 * logged in), and the record intents of the panel (`repointCall`, `syncRecord`, `clickToDial`).
 * `agent-session.ts` builds one and hands it views and intents.
 *
 * The screen pop's code (the pop, its rules and policy, auto-minimise: ~6 KB gzip) is its own
 * chunk, fetched once a view shows the phone registered: a pop needs a call, and a call needs a
 * registered phone, so registering does not wait for it (docs/benchmarks.md, issue 18). A pop or
 * a record intent that comes first waits for it.
 */
import { hasCall, hasSession } from '../call/index.ts';
import type { DeliveredContact } from '../call/call-facts.ts';
import type { Config } from '../config/index.ts';
import type { AgentView, CallRecordView, SoftphoneIntent } from '../view/agent-view.ts';
import type { CallFacts } from '../call/index.ts';
import type { LinkedRecord } from '../crm/linked-record.ts';
import type { OpenCti } from '../opencti/index.ts';
import { messageOf } from '../shared/errors.ts';
import type { CrmHooks } from './agent-runtime.ts';
import type { PopMinimiser } from './pop-minimise.ts';
import type { ScreenPop } from './screen-pop.ts';

/** What the desk needs from the session. */
export interface CrmDeskOptions {
  readonly api: OpenCti | undefined;
  readonly config: Config;
  /** The record slice changed (the session patches the runtime's view). */
  readonly onRecord: (record: CallRecordView | null) => void;
  /** An intent for the session (a click-to-dial becomes a `dial`, relayed to the owner tab if need be). */
  readonly send: (intent: SoftphoneIntent) => void;
  /** The clicked record's Neotel contact arrived after its dial was sent (the owner tab's machine takes it). */
  readonly contactFound: (contact: DeliveredContact, clickedAt: number) => void;
  readonly warn: (message: string, cause?: unknown) => void;
  /** The agent's auto-minimise setting (CONFIGURACIÓN), read at each pop; absent = off. */
  readonly autoMinimise?: () => boolean;
}

/** Intents the desk handles (routed to the app, never to the machine). */
const CRM_INTENTS: ReadonlySet<SoftphoneIntent['kind']> = new Set(['repointCall', 'syncRecord', 'clickToDial']);

export class CrmDesk {
  /** The screen pop and the linked records, once its chunk is in; `undefined` until then and outside Salesforce. */
  private pop: ScreenPop | undefined;
  private popLoad: Promise<ScreenPop | undefined> | undefined;
  /** Whether a view asked for the screen pop's code already (a failed load is retried by a pop, not by every view). */
  private popAsked = false;
  private disposed = false;
  private readonly linkListeners = new Set<(call: CallFacts, link: LinkedRecord | null) => void>();
  private clickToDialOn: boolean | undefined;
  private readonly offClick: (() => void) | undefined;
  private minimiser: PopMinimiser | undefined;

  constructor(private readonly options: CrmDeskOptions) {
    const api = options.api;
    this.offClick = api?.onClickToDial((payload) =>
      options.send({
        kind: 'clickToDial',
        number: payload.number,
        recordId: payload.recordId ?? payload.contactId ?? payload.accountId ?? null,
        objectType: payload.objectType ?? null,
        recordName: payload.recordName ?? null,
      }),
    );
  }

  /** The record linked to `call` (the Task's `WhoId`/`WhatId`), or `null` (always before the screen pop's code is in: no call has popped). */
  linkOf(call: CallFacts): LinkedRecord | null {
    return this.pop?.linkOf(call) ?? null;
  }

  /** Calls `listener` whenever a call's linked record changes (from the moment the screen pop is in); returns the unsubscribe. */
  onLinkChange(listener: (call: CallFacts, link: LinkedRecord | null) => void): () => void {
    this.linkListeners.add(listener);
    return () => this.linkListeners.delete(listener);
  }

  /**
   * Fetches the screen pop's chunk once and builds the pop (and auto-minimise) from it; resolves
   * `undefined` outside Salesforce. A failed fetch is warned about and forgotten, so the next pop
   * or record intent tries again.
   */
  loadScreenPop(): Promise<ScreenPop | undefined> {
    const { api, config, onRecord, warn, autoMinimise } = this.options;
    if (!api || this.disposed) return Promise.resolve(undefined);
    this.popLoad ??= Promise.all([import('./screen-pop.ts'), import('./pop-minimise.ts')]).then(
      ([{ ScreenPop }, { PopMinimiser }]) => {
        if (this.disposed) return undefined;
        const pop = new ScreenPop({ api, config, onView: onRecord, warn });
        pop.onLinkChange((call, link) => {
          for (const listener of this.linkListeners) listener(call, link);
        });
        if (autoMinimise) this.minimiser = new PopMinimiser({ api, screenPop: pop, enabled: autoMinimise, warn });
        this.pop = pop;
        return pop;
      },
      (error: unknown) => {
        this.popLoad = undefined;
        warn('the screen pop did not load; the next call tries again', error);
        return undefined;
      },
    );
    return this.popLoad;
  }

  /** The runtime's CRM hooks: pops here (once the screen pop's code is in); `log` is the Task logger's. */
  hooks(log: CrmHooks['log']): CrmHooks {
    return {
      pop: (call) => {
        if (this.pop) this.pop.pop(call);
        else void this.loadScreenPop().then((pop) => pop?.pop(call));
      },
      log,
    };
  }

  /** Whether `intent` is the desk's. */
  handles(intent: SoftphoneIntent): boolean {
    return CRM_INTENTS.has(intent.kind);
  }

  /** A record intent (in the tab that owns the phone). */
  async intent(intent: SoftphoneIntent): Promise<void> {
    switch (intent.kind) {
      case 'repointCall':
        await (await this.loadScreenPop())?.repoint(intent.recordId);
        return;
      case 'syncRecord':
        await (await this.loadScreenPop())?.sync();
        return;
      case 'clickToDial': {
        // The dial goes out first: the record's lookup is an Apex round trip to the org, and the
        // agent is waiting for the phone to ring. allowClickToDialSearch: a record carrying the
        // Neotel ids brings its contact along when the lookup answers, so the call can be
        // categorised and scheduled (seed 004); the call takes it in whatever phase it is by then.
        const clickedAt = Date.now();
        // The screen pop is normally in since the phone registered; if not, the dial does not wait
        // for it, and the record is noted before the dial's own pop runs (it waits for the same load).
        let pop = this.pop;
        const dialled = pop === undefined;
        if (dialled) {
          this.options.send({ kind: 'dial', number: intent.number });
          pop = await this.loadScreenPop();
        }
        if (intent.recordId !== null) {
          pop?.clickedToDial({
            number: intent.number,
            recordId: intent.recordId,
            ...(intent.objectType === null ? {} : { objectType: intent.objectType }),
            ...(intent.recordName === null ? {} : { recordName: intent.recordName }),
          });
        }
        const lookup = intent.recordId !== null && this.options.config.crm.allowClickToDialSearch ? pop?.neotelContactOf(intent.recordId, intent.objectType, intent.number) : undefined;
        if (!dialled) this.options.send({ kind: 'dial', number: intent.number });
        const contact = await lookup;
        if (contact) this.options.contactFound(contact, clickedAt);
        return;
      }
      default:
        return;
    }
  }

  /**
   * The owner's view: the screen pop follows the machine's current call. `true` = the record
   * slice changed, and the newer view was already drawn (through `onRecord`).
   */
  ownerView(view: AgentView): boolean {
    return this.pop?.follow(hasCall(view.agent) ? view.agent.call : null) ?? false;
  }

  /** Every tab's view: click-to-dial is on while the agent is logged in (each tab has its own). */
  shown(view: AgentView): void {
    if (view.agent.phone === 'registered' && !this.popAsked) {
      this.popAsked = true;
      void this.loadScreenPop();
    }
    const on = hasSession(view.agent) && view.agent.phase !== 'loggingOut';
    if (on === this.clickToDialOn || !this.options.api) return;
    this.clickToDialOn = on;
    const api = this.options.api;
    void (on ? api.enableClickToDial() : api.disableClickToDial()).catch((error: unknown) => {
      this.clickToDialOn = undefined;
      this.options.warn(`could not ${on ? 'enable' : 'disable'} click-to-dial: ${messageOf(error)}`, error);
    });
  }

  dispose(): void {
    this.disposed = true;
    this.offClick?.();
    this.minimiser?.dispose();
    this.pop?.dispose();
  }
}
