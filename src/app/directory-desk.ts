/**
 * The directory (docs/directory.md; issue 17 item 15, seed 000's attendant console): one search
 * over the agent's colleagues (the platform users and queues NeoApi `GetUsers`/`GetQueues` listed
 * for the transfer targets), Salesforce records (Open CTI `searchAndScreenPop` with `deferred`, so
 * nothing pops) and the agent's favourites (kept per agent in IndexedDB, the `favourites`
 * preference), merged. The panel debounces typing; this desk drops an answer that a newer query
 * made stale.
 */
import { hasSession } from '../call/index.ts';
import type { AgentView, SoftphoneIntent, TransferTargets } from '../view/agent-view.ts';
import type { DirectoryEntry, DirectoryIntent, DirectoryView } from '../view/directory-view.ts';
import type { OpenCti } from '../opencti/index.ts';
import { messageOf } from '../shared/errors.ts';
import { MAX_FAVOURITES, type PrefsStore, type StoredFavourite } from '../storage/index.ts';

const KINDS: ReadonlySet<SoftphoneIntent['kind']> = new Set(['directorySearch', 'directoryFavourite']);
/** Salesforce searches nothing shorter (its library's rule). */
const SALESFORCE_MIN = 3;
/** The list stays short enough to scan in the utility panel. */
const MAX_RESULTS = 25;

/** How to build a {@link DirectoryDesk}. */
export interface DirectoryDeskOptions {
  /** Salesforce, when framed by it; `undefined` = no record search. */
  readonly api: Pick<OpenCti, 'searchAndScreenPop'> | undefined;
  /**
   * The colleagues and queues for `user` (configured + NeoApi `GetUsers`/`GetQueues`,
   * src/app/transfer-targets.ts), asked once per session at the first search: the runtime lists
   * them only when a call connects.
   */
  readonly listTargets: (user: string) => Promise<TransferTargets>;
  /** The preferences store (favourites). */
  readonly prefs: () => Promise<PrefsStore>;
  readonly changed: () => void;
  readonly warn: (message: string, cause?: unknown) => void;
}

/** Lower case without accents, for matching `gonz` with `González`. */
export function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** Whether every word of `query` starts a word of one of `texts` (or a number contains its digits). */
export function matches(query: string, texts: readonly (string | null)[]): boolean {
  const words = folded(query).split(/\s+/u).filter(Boolean);
  if (words.length === 0) return true;
  const digits = query.replace(/\D/g, '');
  return texts.some((text) => {
    if (text === null) return false;
    if (digits.length >= 3 && digits.length === query.replace(/[\s().+-]/g, '').length && text.replace(/\D/g, '').includes(digits)) return true;
    const haystack = folded(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    return words.every((w) => haystack.some((h) => h.startsWith(w)));
  });
}

const keyOf = (kind: DirectoryEntry['kind'], id: string): string => `${kind}:${id}`;

function fromFavourite(f: StoredFavourite): DirectoryEntry {
  return { key: keyOf(f.kind, f.id), source: 'favourite', kind: f.kind, id: f.id, name: f.name, number: f.number, objectType: f.objectType, favourite: true };
}

/** Colleagues and queues of the transfer targets that match. */
export function colleaguesMatching(query: string, targets: TransferTargets | null): DirectoryEntry[] {
  if (targets === null || query.trim() === '') return [];
  const users = targets.users
    .filter((u) => matches(query, [u.name, u.id]))
    .map((u): DirectoryEntry => ({ key: keyOf('user', u.id), source: 'colleague', kind: 'user', id: u.id, name: u.name, number: u.id, objectType: null, favourite: false }));
  const queues = targets.queues
    .filter((q) => matches(query, [q.name, String(q.id)]))
    .map((q): DirectoryEntry => ({ key: keyOf('queue', String(q.id)), source: 'queue', kind: 'queue', id: String(q.id), name: q.name, number: null, objectType: null, favourite: false }));
  return [...users, ...queues];
}

/** The records of a deferred `searchAndScreenPop` answer, with the first phone field they carry. */
export function recordsOfSearch(result: Readonly<Record<string, unknown>>): DirectoryEntry[] {
  const out: DirectoryEntry[] = [];
  for (const [key, value] of Object.entries(result)) {
    if (key === 'SCREEN_POP_DATA' || typeof value !== 'object' || value === null) continue;
    const r = value as Record<string, unknown>;
    const id = typeof r.Id === 'string' ? r.Id : key;
    const name = typeof r.Name === 'string' ? r.Name : typeof r.displayName === 'string' ? r.displayName : id;
    const objectType = typeof r.RecordType === 'string' ? r.RecordType : typeof r.object === 'string' ? r.object : null;
    const phone = [r.Phone, r.MobilePhone].find((p): p is string => typeof p === 'string' && /\d/.test(p)) ?? null;
    out.push({ key: keyOf('record', id), source: 'salesforce', kind: 'record', id, name, number: phone, objectType, favourite: false });
  }
  return out;
}

/** Favourites first, then colleagues, queues and records; one entry per key, marked when a favourite. */
export function merged(favourites: readonly DirectoryEntry[], others: readonly DirectoryEntry[]): DirectoryEntry[] {
  const starred = new Set(favourites.map((f) => f.key));
  const seen = new Set<string>();
  const out: DirectoryEntry[] = [];
  for (const entry of [...favourites, ...others]) {
    if (seen.has(entry.key)) continue;
    seen.add(entry.key);
    out.push(starred.has(entry.key) ? { ...entry, favourite: true } : entry);
  }
  return out.slice(0, MAX_RESULTS);
}

export class DirectoryDesk {
  private view: DirectoryView = { query: '', answered: 0, status: 'idle', results: [], salesforceError: null };
  private targets: TransferTargets | null = null;
  /** This desk's own listing for the agent (until the runtime's has the platform's lists). */
  private listing: Promise<TransferTargets | null> | null = null;
  private listed: TransferTargets | null = null;
  private agent: string | null = null;
  private favourites: StoredFavourite[] = [];
  private seq = 0;

  constructor(private readonly options: DirectoryDeskOptions) {}

  handles(intent: SoftphoneIntent): intent is DirectoryIntent {
    return KINDS.has(intent.kind);
  }

  /** The view with the directory; follows the logged-in agent (their favourites). */
  decorate(view: AgentView): AgentView {
    const agent = hasSession(view.agent) ? String(view.agent.session.user) : null;
    if (agent !== this.agent) {
      this.agent = agent;
      this.favourites = [];
      this.listing = null;
      this.listed = null;
      this.view = { query: '', answered: 0, status: 'idle', results: [], salesforceError: null };
      if (agent !== null) void this.loadFavourites(agent);
    }
    const fromRuntime = view.transferTargets ?? null;
    this.targets = fromRuntime?.source === 'platform' ? fromRuntime : (this.listed ?? fromRuntime);
    return { ...view, directory: agent === null ? null : this.view };
  }

  async intent(intent: DirectoryIntent): Promise<void> {
    if (intent.kind === 'directorySearch') await this.search(intent.query.slice(0, 100), intent.id);
    else await this.setFavourite(intent.entry, intent.on);
  }

  private async search(query: string, id: number): Promise<void> {
    const seq = ++this.seq;
    const agent = this.agent;
    if (agent !== null && this.targets?.source !== 'platform') {
      this.listing ??= this.options.listTargets(agent).then(
        (targets) => (this.agent === agent ? (this.listed = targets) : null),
        (error: unknown) => {
          this.options.warn('the directory could not list the colleagues and queues', error);
          return null;
        },
      );
      const listed = await this.listing;
      if (seq !== this.seq) return;
      if (listed !== null) this.adopt(listed);
    }
    const favourites = this.favourites.filter((f) => matches(query, [f.name, f.id, f.number])).map(fromFavourite);
    const local = merged(favourites, colleaguesMatching(query, this.targets));
    const api = this.options.api;
    const remote = api !== undefined && query.trim().length >= SALESFORCE_MIN;
    // While Salesforce answers, the records of the last answer that still match stay listed: the
    // list does not flicker empty at every keystroke.
    const kept = remote ? this.view.results.filter((r) => r.source === 'salesforce' && matches(query, [r.name, r.number])) : [];
    this.show({ query, answered: id, status: remote ? 'searching' : 'done', results: merged(local, kept), salesforceError: null });
    if (!remote) return;
    let records: DirectoryEntry[] = [];
    let error: string | null = null;
    try {
      records = recordsOfSearch(await api.searchAndScreenPop({ searchParams: query.trim(), callType: 'outbound', deferred: true }));
    } catch (cause) {
      error = messageOf(cause);
      this.options.warn(`the directory could not search Salesforce for ${JSON.stringify(query)}`, cause);
    }
    // A newer query was typed meanwhile: its answer is the one to show.
    if (seq !== this.seq) return;
    this.show({ query, answered: id, status: 'done', results: merged(favourites, [...colleaguesMatching(query, this.targets), ...records]), salesforceError: error });
  }

  /** Takes this desk's listing unless the runtime's view already carries the platform's. */
  private adopt(listed: TransferTargets): void {
    if (this.targets?.source !== 'platform') this.targets = listed;
  }

  private async loadFavourites(agent: string): Promise<void> {
    try {
      const all = await (await this.options.prefs()).get('favourites');
      if (this.agent !== agent) return;
      this.favourites = [...(all?.[agent] ?? [])];
      if (this.view.query === '') this.show({ ...this.view, results: this.favourites.map(fromFavourite) });
    } catch (error) {
      this.options.warn('the directory favourites could not be read', error);
    }
  }

  private async setFavourite(entry: DirectoryEntry, on: boolean): Promise<void> {
    const agent = this.agent;
    if (agent === null) return;
    const rest = this.favourites.filter((f) => keyOf(f.kind, f.id) !== entry.key);
    const next: StoredFavourite[] = on ? [{ kind: entry.kind, id: entry.id, name: entry.name.slice(0, 256), number: entry.number, objectType: entry.objectType }, ...rest].slice(0, MAX_FAVOURITES) : rest;
    this.favourites = next;
    const results = this.view.results.map((r) => (r.key === entry.key ? { ...r, favourite: on } : r));
    this.show({ ...this.view, results: this.view.query === '' ? next.map(fromFavourite) : results });
    try {
      const prefs = await this.options.prefs();
      const all = (await prefs.get('favourites')) ?? {};
      await prefs.set('favourites', { ...all, [agent]: next });
    } catch (error) {
      this.options.warn(`the favourite ${entry.name} was not saved`, error);
    }
  }

  private show(view: DirectoryView): void {
    this.view = view;
    this.options.changed();
  }
}
