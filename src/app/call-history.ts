/**
 * The agent's call history (docs/call-history.md): every call the Task log sees (when it ends, and
 * again when the agent is done with it) becomes one entry of the logged-in agent, kept in IndexedDB
 * (`dialtone/history`, at most `HISTORY_LIMIT` per agent) and shown newest first (the view carries
 * the newest `HISTORY_SHOWN`). When IndexedDB
 * is not there (a private window, blocked third-party storage) the history lives in this page only.
 */
import type { CallFacts } from '../call/index.ts';
import type { Category } from '../config/index.ts';
import type { CallHistoryEntryView } from '../view/agent-view.ts';
import { HISTORY_SHOWN } from '../view/call-history-view.ts';
import type { LinkedRecord } from '../crm/linked-record.ts';
import { callObjectOf, dispositionName } from '../crm/task-log.ts';
import { HISTORY_LIMIT, openStore, type CallHistoryInput, type CallHistoryRecord, type CallHistoryStore, type DialtoneStore } from '../storage/index.ts';

/** What the keeper needs from the session. */
export interface CallHistoryOptions {
  readonly categories: readonly Category[];
  /** The list shown changed (the session patches the view): the newest {@link HISTORY_SHOWN} calls at most. */
  readonly onEntries: (entries: readonly CallHistoryEntryView[]) => void;
  readonly warn: (message: string, cause?: unknown) => void;
  /** Default: the `dialtone` database. */
  readonly open?: () => Promise<DialtoneStore>;
}

/** The history in memory, for a page without IndexedDB (same rules as the store). */
function memoryHistory(): CallHistoryStore {
  let records: CallHistoryRecord[] = [];
  return {
    put: (entry) => {
      const key = `${entry.agent}\u0000${entry.callKey}`;
      const others = records.filter((r) => r.key !== key);
      const mine = [...others.filter((r) => r.agent === entry.agent), { ...entry, key }].sort((a, b) => b.startedAt - a.startedAt).slice(0, HISTORY_LIMIT);
      records = [...others.filter((r) => r.agent !== entry.agent), ...mine];
      return Promise.resolve();
    },
    list: (agent, limit = HISTORY_LIMIT) => Promise.resolve(records.filter((r) => r.agent === agent).sort((a, b) => b.startedAt - a.startedAt).slice(0, limit)),
    clear: () => {
      records = [];
      return Promise.resolve();
    },
  };
}

/** Talk time in whole seconds, `null` for a call never answered. */
function durationOf(record: CallHistoryRecord): number | null {
  if (record.answeredAt === null) return null;
  const end = record.endedAt ?? record.answeredAt;
  return Math.max(0, Math.round((end - record.answeredAt) / 1000));
}

/** One stored call as the panel draws it. */
export function historyEntryView(record: CallHistoryRecord): CallHistoryEntryView {
  return {
    key: record.callKey,
    direction: record.direction,
    number: record.number,
    name: record.record?.name ?? record.callerName,
    record: record.record,
    startedAt: record.startedAt,
    durationSeconds: durationOf(record),
    disposition: record.disposition?.label ?? null,
  };
}

/** Texts longer than the store allows are cut (a caller's display name is untrusted input). */
const clip = (text: string | null | undefined): string | null => (text == null || text === '' ? null : text.slice(0, 256));

/** Keeps the logged-in agent's history and its view. Only the tab that owns the phone writes. */
export class CallHistoryKeeper {
  private readonly store: Promise<CallHistoryStore>;
  private agent: string | null = null;
  private entries: readonly CallHistoryEntryView[] = [];
  /** Writes and reads run one after another, so a list never misses the entry just written. */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: CallHistoryOptions) {
    this.store = (options.open ?? (() => openStore()))().then(
      (store) => store.history,
      (error: unknown) => {
        options.warn('the call history cannot be kept in this browser (IndexedDB unavailable); it lasts until the page closes', error);
        return memoryHistory();
      },
    );
  }

  /** The agent whose history is shown (`null` = logged out: nothing shown). */
  follow(agent: string | null): void {
    if (agent === this.agent) return;
    this.agent = agent;
    this.entries = [];
    // Called while a view is being drawn: the emptied list is drawn after it, not inside it.
    queueMicrotask(() => {
      if (this.agent === agent) this.options.onEntries(this.entries);
    });
    if (agent !== null) this.refresh(agent);
  }

  /** A call the Task log saw (`final` = the agent is done with it); `link` = its Salesforce record. */
  record(call: CallFacts, link: LinkedRecord | null): void {
    const agent = this.agent;
    if (agent === null) return;
    const disposition = call.disposition;
    const entry: CallHistoryInput = {
      agent,
      callKey: callObjectOf(call),
      direction: call.direction,
      number: clip(call.number),
      callerName: clip(call.callerName),
      record: link === null ? null : { id: link.id, objectType: link.objectType, name: clip(link.name) },
      startedAt: call.startedAt,
      answeredAt: call.answeredAt,
      endedAt: call.endedAt,
      disposition: disposition === null ? null : { subcategory: disposition.subcategory, label: dispositionName(disposition.subcategory, this.options.categories), callbackAt: disposition.callbackAt },
    };
    void this.run((store) => store.put(entry), 'the call could not be added to the history');
    this.refresh(agent);
  }

  /** "Forget me": every agent's history in this browser. */
  forget(): Promise<void> {
    this.entries = [];
    this.options.onEntries(this.entries);
    return this.run((store) => store.clear(), 'the call history could not be erased');
  }

  private refresh(agent: string): void {
    void this.run(async (store) => {
      // Only what the panel draws goes into the view; the store keeps its 50 for itself.
      const records = await store.list(agent, HISTORY_SHOWN);
      // A logout (or another agent) while reading: that list is no longer the one to show.
      if (agent !== this.agent) return;
      this.entries = records.map(historyEntryView);
      this.options.onEntries(this.entries);
    }, 'the call history could not be read');
  }

  private run(work: (store: CallHistoryStore) => Promise<void>, failure: string): Promise<void> {
    const next = this.chain.then(async () => work(await this.store)).catch((error: unknown) => this.options.warn(failure, error));
    this.chain = next;
    return next;
  }
}
