/**
 * The agent session's Salesforce side around calls (docs/screen-pop.md): the screen pop and the
 * record linked to each call ({@link ScreenPop}), click-to-dial (enabled while the agent is
 * logged in), and the record intents of the panel (`repointCall`, `syncRecord`, `clickToDial`).
 * `agent-session.ts` builds one and hands it views and intents.
 */
import { hasCall, hasSession } from '../call/index.ts';
import type { DeliveredContact } from '../call/call-facts.ts';
import type { Config } from '../config/index.ts';
import type { AgentView, CallRecordView, SoftphoneIntent } from '../controllers/agent-view.ts';
import type { OpenCti } from '../opencti/index.ts';
import { messageOf } from '../shared/errors.ts';
import type { CrmHooks } from './agent-runtime.ts';
import { PopMinimiser } from './pop-minimise.ts';
import { ScreenPop } from './screen-pop.ts';

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
  /** The screen pop and the linked records; `undefined` outside Salesforce. */
  readonly screenPop: ScreenPop | undefined;
  private clickToDialOn: boolean | undefined;
  private readonly offClick: (() => void) | undefined;
  private readonly minimiser: PopMinimiser | undefined;

  constructor(private readonly options: CrmDeskOptions) {
    const api = options.api;
    this.screenPop = api ? new ScreenPop({ api, config: options.config, onView: options.onRecord, warn: options.warn }) : undefined;
    const autoMinimise = options.autoMinimise;
    this.minimiser = api && this.screenPop && autoMinimise ? new PopMinimiser({ api, screenPop: this.screenPop, enabled: autoMinimise, warn: options.warn }) : undefined;
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

  /** The runtime's CRM hooks: pops here; `log` is the Task logger's. */
  hooks(log: CrmHooks['log']): CrmHooks {
    return { pop: (call) => this.screenPop?.pop(call), log };
  }

  /** Whether `intent` is the desk's. */
  handles(intent: SoftphoneIntent): boolean {
    return CRM_INTENTS.has(intent.kind);
  }

  /** A record intent (in the tab that owns the phone). */
  async intent(intent: SoftphoneIntent): Promise<void> {
    switch (intent.kind) {
      case 'repointCall':
        await this.screenPop?.repoint(intent.recordId);
        return;
      case 'syncRecord':
        await this.screenPop?.sync();
        return;
      case 'clickToDial': {
        if (intent.recordId !== null) {
          this.screenPop?.clickedToDial({
            number: intent.number,
            recordId: intent.recordId,
            ...(intent.objectType === null ? {} : { objectType: intent.objectType }),
            ...(intent.recordName === null ? {} : { recordName: intent.recordName }),
          });
        }
        // The dial goes out first: the record's lookup is an Apex round trip to the org, and the
        // agent is waiting for the phone to ring. allowClickToDialSearch: a record carrying the
        // Neotel ids brings its contact along when the lookup answers, so the call can be
        // categorised and scheduled (seed 004); the call takes it in whatever phase it is by then.
        const clickedAt = Date.now();
        const lookup = intent.recordId !== null && this.options.config.crm.allowClickToDialSearch ? this.screenPop?.neotelContactOf(intent.recordId, intent.objectType, intent.number) : undefined;
        this.options.send({ kind: 'dial', number: intent.number });
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
    return this.screenPop?.follow(hasCall(view.agent) ? view.agent.call : null) ?? false;
  }

  /** Every tab's view: click-to-dial is on while the agent is logged in (each tab has its own). */
  shown(view: AgentView): void {
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
    this.offClick?.();
    this.minimiser?.dispose();
    this.screenPop?.dispose();
  }
}
