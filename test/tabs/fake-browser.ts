/**
 * An in-memory stand-in for one browser profile's Web Locks and BroadcastChannels, faithful in the
 * parts the tab link relies on:
 *  - locks: one FIFO queue of requests per name; the head is granted (asynchronously, as browsers
 *    do) when nobody holds the lock, and held until the promise its callback returned settles;
 *    `ifAvailable` grants only when the lock is free and nobody is queued, else calls back with null;
 *  - channels: a message is structured-cloned on post (so a function throws DataCloneError) and
 *    delivered in a later task to every other open channel of the same name, never to the sender;
 *  - a tab crash releases the tab's lock, drops its queued requests and closes its channels.
 */
import type { ChannelLike, LockManagerLike } from '../../src/tabs/index.ts';

interface LockRequest {
  tab: FakeTab;
  callback: (lock: object | null) => Promise<void> | undefined;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface HeldLock {
  tab: FakeTab;
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class FakeBrowser {
  private readonly queues = new Map<string, LockRequest[]>();
  private readonly held = new Map<string, HeldLock>();
  private readonly channels = new Map<string, Set<FakeChannel>>();
  /** Every grant, in order: `<tab>` names, to check no two owners overlapped. */
  readonly grants: string[] = [];

  openTab(label: string): FakeTab {
    return new FakeTab(this, label);
  }

  /** The tab currently holding lock `name`, if any. */
  holder(name: string): string | undefined {
    return this.held.get(name)?.tab.label;
  }

  /** Posts raw `data` on channel `name` as a foreign sender would (delivered to every member). */
  inject(name: string, data: unknown): void {
    this.deliver(name, undefined, data);
  }

  request(tab: FakeTab, name: string, options: { ifAvailable?: boolean }, callback: LockRequest['callback']): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const request: LockRequest = { tab, callback, resolve, reject };
      const queue = this.queue(name);
      if (options.ifAvailable === true && (this.held.has(name) || queue.length > 0)) {
        void nextTask().then(() => this.run(request, null, () => undefined));
        return;
      }
      queue.push(request);
      void nextTask().then(() => this.grantNext(name));
    });
  }

  crash(tab: FakeTab): void {
    for (const [name, queue] of this.queues) {
      this.queues.set(name, queue.filter((request) => request.tab !== tab));
    }
    for (const [name, lock] of this.held) {
      if (lock.tab === tab) {
        this.held.delete(name);
        void nextTask().then(() => this.grantNext(name));
      }
    }
    for (const members of this.channels.values()) {
      for (const channel of members) if (channel.tab === tab) channel.close();
    }
  }

  join(channel: FakeChannel): void {
    let members = this.channels.get(channel.name);
    if (!members) this.channels.set(channel.name, (members = new Set()));
    members.add(channel);
  }

  leave(channel: FakeChannel): void {
    this.channels.get(channel.name)?.delete(channel);
  }

  deliver(name: string, sender: FakeChannel | undefined, data: unknown): void {
    const copy = structuredClone(data);
    const targets = [...(this.channels.get(name) ?? [])].filter((member) => member !== sender);
    void nextTask().then(() => {
      for (const target of targets) target.receive(structuredClone(copy));
    });
  }

  private queue(name: string): LockRequest[] {
    let queue = this.queues.get(name);
    if (!queue) this.queues.set(name, (queue = []));
    return queue;
  }

  private grantNext(name: string): void {
    if (this.held.has(name)) return;
    const request = this.queue(name).shift();
    if (!request) return;
    const lock: HeldLock = { tab: request.tab };
    this.held.set(name, lock);
    this.grants.push(request.tab.label);
    this.run(request, { name }, () => {
      // Released only if this grant still holds it (a crash may have released it already).
      if (this.held.get(name) === lock) {
        this.held.delete(name);
        this.grantNext(name);
      }
    });
  }

  private run(request: LockRequest, lock: object | null, release: () => void): void {
    let result: Promise<void> | undefined;
    try {
      result = request.callback(lock);
    } catch (error) {
      release();
      request.reject(error);
      return;
    }
    Promise.resolve(result).then(
      (value) => {
        release();
        request.resolve(value);
      },
      (error: unknown) => {
        release();
        request.reject(error);
      },
    );
  }
}

export class FakeTab {
  readonly locks: LockManagerLike;

  constructor(
    private readonly browser: FakeBrowser,
    readonly label: string,
  ) {
    this.locks = { request: (name, options, callback) => browser.request(this, name, options, callback) };
  }

  /** The `channel` factory for `joinTabs`. */
  readonly channel = (name: string): ChannelLike => new FakeChannel(this.browser, this, name);

  crash(): void {
    this.browser.crash(this);
  }
}

export class FakeChannel implements ChannelLike {
  private readonly listeners: { type: string; listener: (event: { data: unknown }) => void }[] = [];
  private open = true;

  constructor(
    private readonly browser: FakeBrowser,
    readonly tab: FakeTab,
    readonly name: string,
  ) {
    browser.join(this);
  }

  postMessage(message: unknown): void {
    if (!this.open) throw new Error('InvalidStateError: the channel is closed');
    this.browser.deliver(this.name, this, message);
  }

  addEventListener(type: 'message' | 'messageerror', listener: (event: { data: unknown }) => void): void {
    this.listeners.push({ type, listener });
  }

  close(): void {
    this.open = false;
    this.browser.leave(this);
  }

  receive(data: unknown): void {
    if (!this.open) return;
    for (const { type, listener } of this.listeners) if (type === 'message') listener({ data });
  }
}
