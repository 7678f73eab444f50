/**
 * A set of listeners of one kind. A listener that throws does not stop the others nor the link's
 * message handling: the error is reported and the next listener runs.
 */
export class Listeners<Args extends unknown[]> {
  private readonly set = new Set<(...args: Args) => void>();

  /** Adds `listener`; the returned function removes it. */
  add(listener: (...args: Args) => void): () => void {
    this.set.add(listener);
    return () => {
      this.set.delete(listener);
    };
  }

  emit(...args: Args): void {
    for (const listener of [...this.set]) {
      try {
        listener(...args);
      } catch (error) {
        // A broken app listener must not break tab coordination; surface it like an uncaught error.
        console.error('[dialtone tabs] listener failed', error);
      }
    }
  }

  clear(): void {
    this.set.clear();
  }
}
