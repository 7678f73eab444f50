/**
 * A minimal typed emitter: `on(name, listener)` returns its own unsubscribe function. A listener
 * that throws does not stop the others; the error goes to `onListenerError`. `hold()` keeps the
 * listeners out of a stretch of work (the phone's automatic answer): what is emitted meanwhile is
 * delivered afterwards, in order.
 */
export class TypedEvents<Events extends { [Name in keyof Events]: (...args: never[]) => void }> {
  private readonly listeners = new Map<keyof Events, Set<Events[keyof Events]>>();
  /** Unreleased `hold()`s; while any is, `emit` queues. */
  private holds = 0;
  private readonly held: { name: keyof Events; args: unknown[] }[] = [];

  constructor(private readonly onListenerError: (error: unknown) => void = (error) => console.error('[dialtone sip] listener failed', error)) {}

  /** Subscribes; call the returned function to unsubscribe. */
  on<Name extends keyof Events>(name: Name, listener: Events[Name]): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  /** Calls every listener of `name` with `args` (later, in order, while held). */
  emit<Name extends keyof Events>(name: Name, ...args: Parameters<Events[Name]>): void {
    if (this.holds > 0) {
      this.held.push({ name, args });
      return;
    }
    this.deliver(name, args);
  }

  /**
   * Holds every emit until the returned function is called (once; later calls do nothing); then
   * the held events go to the listeners in the order they were emitted. Holds nest.
   */
  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      // A listener may hold again while the queue drains: what is left waits for that release.
      while (this.holds === 0) {
        const next = this.held.shift();
        if (next === undefined) return;
        this.deliver(next.name, next.args as Parameters<Events[keyof Events]>);
      }
    };
  }

  /** Forgets every listener (and what a hold kept for them). */
  clear(): void {
    this.listeners.clear();
    this.held.length = 0;
  }

  private deliver<Name extends keyof Events>(name: Name, args: Parameters<Events[Name]>): void {
    const set = this.listeners.get(name);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        (listener as (...values: Parameters<Events[Name]>) => void)(...args);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }
}
