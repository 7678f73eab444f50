import type { RelayOutcome, TabId } from './types.ts';

interface PendingRelay {
  readonly intent: unknown;
  /** The owner it was sent to; `undefined` while the follower does not know the owner yet. */
  to: TabId | undefined;
  readonly settle: (outcome: RelayOutcome) => void;
}

/**
 * The follower's intents waiting for the owner's acknowledgement. At-most-once: each is posted to
 * exactly one owner, once; an owner change or the timeout settles it `unconfirmed`, never re-sends.
 */
export class PendingRelays {
  private readonly pending = new Map<number, PendingRelay>();
  private nextId = 0;

  constructor(
    private readonly timeoutMs: number,
    private readonly send: (to: TabId, id: number, intent: unknown) => void,
  ) {}

  /** Sends now when the owner is known, otherwise as soon as it is (within the timeout). */
  add(intent: unknown, owner: TabId | undefined): Promise<RelayOutcome> {
    const id = this.nextId++;
    return new Promise<RelayOutcome>((resolve) => {
      const timer = setTimeout(() => this.settle(id, 'unconfirmed'), this.timeoutMs);
      this.pending.set(id, {
        intent,
        to: undefined,
        settle: (outcome) => {
          clearTimeout(timer);
          resolve(outcome);
        },
      });
      if (owner !== undefined) this.sendTo(id, owner);
    });
  }

  /** The owner acknowledged intent `id`. An ack from another tab than the addressee is ignored. */
  acknowledge(id: number, from: TabId): boolean {
    const relay = this.pending.get(id);
    if (relay?.to !== from) return false;
    this.settle(id, 'delivered');
    return true;
  }

  /**
   * The owner is now `owner`: relays still waiting for an owner are sent to it; relays sent to a
   * previous owner are given up (it may have run them just before leaving — we cannot know).
   */
  ownerIs(owner: TabId): void {
    for (const [id, relay] of this.pending) {
      if (relay.to === undefined) this.sendTo(id, owner);
      else if (relay.to !== owner) this.settle(id, 'unconfirmed');
    }
  }

  /** Gives up every pending relay (this tab took over, or closed). */
  abandonAll(): void {
    for (const id of [...this.pending.keys()]) this.settle(id, 'unconfirmed');
  }

  private sendTo(id: number, owner: TabId): void {
    const relay = this.pending.get(id);
    if (!relay) return;
    relay.to = owner;
    this.send(owner, id, relay.intent);
  }

  private settle(id: number, outcome: RelayOutcome): void {
    const relay = this.pending.get(id);
    if (!relay) return;
    this.pending.delete(id);
    relay.settle(outcome);
  }
}
