/**
 * A minimal typed emitter: `on(name, listener)` returns its own unsubscribe function. A listener
 * that throws does not stop the others; the error goes to `onListenerError`.
 */
export class TypedEvents<Events extends { [Name in keyof Events]: (...args: never[]) => void }> {
  private readonly listeners = new Map<keyof Events, Set<Events[keyof Events]>>();

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

  /** Calls every listener of `name` with `args`. */
  emit<Name extends keyof Events>(name: Name, ...args: Parameters<Events[Name]>): void {
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

  /** Forgets every listener. */
  clear(): void {
    this.listeners.clear();
  }
}
