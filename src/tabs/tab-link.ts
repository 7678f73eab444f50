/**
 * One tab's link to the others sharing a phone.
 *
 *            joinTabs
 *               │ lock free (ifAvailable)?
 *        yes ┌──┴──┐ no                 no Web Locks / BroadcastChannel
 *            ▼     ▼                                │
 *         owner ◄─ follower  (queued on the lock;   ▼
 *            │      │         granted when every   alone
 *            │      │         tab ahead has gone)   │
 *            └──────┴────────── close() ────────────┴──► closed
 *
 * The lock is the only source of truth for ownership: a tab becomes owner only inside the lock
 * callback and stays owner until it resolves the promise it returned there, so two owners cannot
 * exist even when tabs load together. The channel only carries state and intents.
 */
import { TabsError } from './errors.ts';
import { Listeners } from './listeners.ts';
import { PROTOCOL_VERSION, parseTabMessage, type OutgoingMessage, type TabMessage } from './messages.ts';
import { PendingRelays } from './pending-relays.ts';
import { applySlices, diffSlices, type SlicePatch } from './slices.ts';
import { assertCanCross, assertChangesCanCross, notSerialisable } from './serialisable.ts';
import type { AloneReason, ChannelLike, RelayOutcome, TabId, TabLink, TabRole } from './types.ts';

/** What {@link TabLinkImpl} needs; {@link joinTabs} fills it in from the options. */
export interface TabLinkSetup<S, I> {
  name: string;
  tabId: TabId;
  ackTimeoutMs: number;
  /** Payload guards; absent means every payload is trusted (same origin, same app). */
  isState: ((value: unknown) => value is S) | undefined;
  isIntent: ((value: unknown) => value is I) | undefined;
}

export class TabLinkImpl<S, I> implements TabLink<S, I> {
  readonly tabId: TabId;
  private currentRole: TabRole = 'follower';
  private reason: AloneReason | undefined;
  private state: S | undefined;
  private ignored = 0;
  private owner: TabId | undefined;
  /** Owner: how many states it has published (its `seq`). Follower: the owner's last `seq` applied. */
  private seq = 0;
  private channel: ChannelLike | undefined;
  /**
   * Owner: some other tab may be listening (one said hello or relayed, or this tab took over from
   * an owner that had followers). Until then a publish keeps the state and posts nothing: with one
   * tab open, the fan-out costs nothing.
   */
  private heard = false;
  /** Follower: a delta did not fit; the whole state was asked for and has not arrived yet. */
  private resyncing = false;
  /** Follower: how many times a gap made it ask for the whole state (for tests and diagnostics). */
  private resyncs = 0;
  private releaseLock: (() => void) | undefined;
  private readonly roleListeners = new Listeners<[TabRole, S | undefined]>();
  private readonly intentListeners = new Listeners<[I, TabId]>();
  private readonly stateListeners = new Listeners<[S]>();
  private readonly relays: PendingRelays;

  constructor(private readonly setup: TabLinkSetup<S, I>) {
    this.tabId = setup.tabId;
    this.relays = new PendingRelays(setup.ackTimeoutMs, (to, id, intent) => this.post({ type: 'intent', to, id, intent }));
  }

  get role(): TabRole {
    return this.currentRole;
  }

  get aloneReason(): AloneReason | undefined {
    return this.reason;
  }

  get lastState(): S | undefined {
    return this.state;
  }

  get ignoredMessages(): number {
    return this.ignored;
  }

  get resyncCount(): number {
    return this.resyncs;
  }

  /** Starts listening on `channel` (before any lock is held, so an owner can answer at once). */
  attach(channel: ChannelLike): void {
    this.channel = channel;
    channel.addEventListener('message', (event) => this.receive(event.data));
    // A message that could not be deserialised (e.g. posted by a newer browser feature) is foreign.
    channel.addEventListener('messageerror', () => this.ignored++);
  }

  /** Role at join time: no coordination possible. */
  becomeAlone(reason: AloneReason): void {
    this.reason = reason;
    this.currentRole = 'alone';
    this.detachChannel();
  }

  /** Role at join time: the lock is queued behind another tab's. Asks the owner for its state. */
  becomeFollower(): void {
    this.currentRole = 'follower';
    this.post({ type: 'hello' });
  }

  /**
   * Lock callback: this tab owns the phone until `close()`. Returns the promise the lock is held
   * for. At join (`takeover` false) nobody is told; on takeover the followers learn the new owner
   * and get the inherited state, and the app gets it through `onRoleChange`.
   */
  holdLock(takeover: boolean): Promise<void> {
    // Granted after close(): a queued request we could not withdraw. Let it go at once.
    if (this.currentRole === 'closed') return Promise.resolve();
    const held = new Promise<void>((resolve) => {
      this.releaseLock = resolve;
    });
    this.currentRole = 'owner';
    this.owner = this.tabId;
    this.seq = 0;
    // On takeover the tabs still queued behind the lock are listening; at join nobody has said so.
    this.heard = takeover;
    if (takeover) {
      // At-most-once: what we relayed to the old owner is not re-sent to ourselves.
      this.relays.abandonAll();
      this.post(this.state === undefined ? { type: 'owner' } : { type: 'state', seq: this.seq, state: this.state });
      this.roleListeners.emit('owner', this.state);
    }
    return held;
  }

  onRoleChange(listener: (role: TabRole, lastState: S | undefined) => void): () => void {
    return this.roleListeners.add(listener);
  }

  onIntent(listener: (intent: I, from: TabId) => void): () => void {
    return this.intentListeners.add(listener);
  }

  onState(listener: (state: S) => void): () => void {
    return this.stateListeners.add(listener);
  }

  publish(state: S): void {
    switch (this.currentRole) {
      case 'closed':
        return; // Teardown races (a last SIP event after close) are harmless: nobody listens.
      case 'follower':
        throw new TabsError('NOT_OWNER', this.where, `publish() was called on a follower (tab ${this.tabId}, owner ${this.owner ?? 'not known yet'}); only the owner publishes — relay an intent instead.`);
      case 'alone':
        this.checkChanges(state);
        this.state = state;
        return;
      case 'owner': {
        const patches = this.state === undefined ? undefined : diffSlices(this.state, state);
        // The same state again: nothing to send, nothing to count.
        if (patches?.length === 0) return;
        if (!this.heard) this.checkChanges(state, patches);
        else if (patches === undefined) this.post({ type: 'state', seq: this.seq + 1, state }, 'state');
        else this.post({ type: 'delta', seq: this.seq + 1, patches }, 'state');
        this.seq++;
        this.state = state;
      }
    }
  }

  relay(intent: I): Promise<RelayOutcome> {
    switch (this.currentRole) {
      case 'closed':
        return Promise.resolve('unconfirmed');
      case 'owner':
      case 'alone':
        this.assertSerialisable(intent, 'intent');
        this.intentListeners.emit(intent, this.tabId);
        return Promise.resolve('delivered');
      case 'follower':
        this.assertSerialisable(intent, 'intent');
        return this.relays.add(intent, this.owner);
    }
  }

  close(): void {
    if (this.currentRole === 'closed') return;
    this.currentRole = 'closed';
    this.relays.abandonAll();
    this.roleListeners.clear();
    this.intentListeners.clear();
    this.stateListeners.clear();
    this.detachChannel();
    this.releaseLock?.();
    this.releaseLock = undefined;
  }

  private get where(): string {
    return `tabs:${this.setup.name}`;
  }

  private receive(data: unknown): void {
    if (this.currentRole === 'closed' || this.currentRole === 'alone') return;
    const message = parseTabMessage(data);
    if (message === undefined || message.from === this.tabId) {
      this.ignored++;
      return;
    }
    const from = message.from as TabId;
    this.heard = true;
    if ('to' in message && message.to !== undefined && message.to !== this.tabId) return;
    switch (message.type) {
      case 'hello':
        if (this.currentRole === 'owner') this.answerHello(from);
        return;
      case 'owner':
        this.followOwner(from);
        return;
      case 'state':
        this.receiveState(message.state, message.seq, from);
        return;
      case 'delta':
        this.receiveDelta(message.patches, message.seq, from);
        return;
      case 'intent':
        this.receiveIntent(message, from);
        return;
      case 'ack':
        if (!this.relays.acknowledge(message.id, from)) this.ignored++;
    }
  }

  private answerHello(from: TabId): void {
    this.post(this.state === undefined ? { type: 'owner', to: from } : { type: 'state', to: from, seq: this.seq, state: this.state });
  }

  private followOwner(from: TabId): void {
    // Only a follower has an owner to learn about; an owner hearing another "owner" is hearing a
    // message the previous owner posted before it left, delivered after the lock moved.
    if (this.currentRole !== 'follower') {
      this.ignored++;
      return;
    }
    if (from !== this.owner) this.seq = 0;
    this.owner = from;
    this.relays.ownerIs(from);
  }

  private receiveState(state: unknown, seq: number, from: TabId): void {
    if (this.currentRole !== 'follower' || !this.accepts(state, this.setup.isState)) {
      this.ignored++;
      return;
    }
    // The answer to our hello can cross a publish: keep the newest, drop a repeat.
    if (from === this.owner && seq <= this.seq) return;
    this.resyncing = false;
    this.seq = seq;
    this.owner = from;
    this.relays.ownerIs(from);
    this.state = state;
    this.stateListeners.emit(state);
  }

  /**
   * The slices the owner changed since its `seq - 1`. Applied only on top of exactly that state;
   * a gap (a delta lost, or one from an owner whose whole state we never had) asks the owner for
   * its whole state again (`hello`, once until it arrives) and drops deltas until then.
   */
  private receiveDelta(patches: readonly SlicePatch[], seq: number, from: TabId): void {
    if (this.currentRole !== 'follower') {
      this.ignored++;
      return;
    }
    if (from === this.owner && seq <= this.seq) return; // a repeat
    const fits = from === this.owner && seq === this.seq + 1 && this.state !== undefined && !this.resyncing;
    const next = fits ? applySlices(this.state, patches) : undefined;
    if (next === undefined || !this.accepts(next, this.setup.isState)) {
      if (!this.resyncing) {
        this.resyncing = true;
        this.resyncs++;
        this.post({ type: 'hello' });
      }
      return;
    }
    this.seq = seq;
    this.state = next;
    this.stateListeners.emit(next);
  }

  private receiveIntent(message: Extract<TabMessage, { type: 'intent' }>, from: TabId): void {
    const { intent } = message;
    if (this.currentRole !== 'owner' || !this.accepts(intent, this.setup.isIntent)) {
      this.ignored++;
      return;
    }
    // Acknowledge before running: the follower learns it arrived even if a listener is slow.
    this.post({ type: 'ack', to: from, id: message.id });
    this.intentListeners.emit(intent, from);
  }

  private accepts<T>(value: unknown, guard: ((value: unknown) => value is T) | undefined): value is T {
    return guard === undefined || guard(value);
  }

  private post(message: OutgoingMessage, what?: 'state' | 'intent'): void {
    if (!this.channel) return;
    try {
      this.channel.postMessage({ v: PROTOCOL_VERSION, from: this.tabId, ...message });
    } catch (error) {
      if (what === undefined) throw error;
      throw notSerialisable(what, error, this.where);
    }
  }

  private checkChanges(state: S, patches = this.state === undefined ? undefined : diffSlices(this.state, state)): void {
    assertChangesCanCross(state, patches, this.where);
  }

  private assertSerialisable(value: unknown, what: 'state' | 'intent'): void {
    assertCanCross(value, what, this.where);
  }

  private detachChannel(): void {
    const channel = this.channel;
    this.channel = undefined;
    channel?.close();
  }
}
