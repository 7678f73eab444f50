/**
 * Custom elements defined on first need: the module that defines a tag is fetched with a dynamic
 * `import()` (its own chunk, out of the start-up bundle), and the shell draws the tag only once
 * `customElements.whenDefined` says so. `preload()` starts every load right after start-up, so the
 * chunks are normally in before a call or a supervisor needs them; until then the part is not drawn,
 * and a chunk that failed to load is drawn as a warning instead of breaking the shell.
 */
export type LazyElementState = 'defined' | 'loading' | 'failed';

export class LazyElements {
  private readonly loads = new Map<string, Promise<void>>();
  private readonly failures = new Map<string, unknown>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly loaders: Readonly<Record<string, () => Promise<unknown>>>) {}

  /** `onChange` runs when a tag becomes defined or its load fails; returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The tag's state, starting its load the first time it is asked for. */
  state(tag: string): LazyElementState {
    if (customElements.get(tag)) return 'defined';
    if (this.failures.has(tag)) return 'failed';
    void this.load(tag);
    return 'loading';
  }

  /** Why the tag's module did not load, when it did not. */
  failure(tag: string): unknown {
    return this.failures.get(tag);
  }

  /** Starts every load (after start-up, so a call never waits for one). */
  preload(): Promise<void> {
    return Promise.all(Object.keys(this.loaders).map((tag) => this.load(tag))).then(() => undefined);
  }

  private load(tag: string): Promise<void> {
    let pending = this.loads.get(tag);
    if (pending) return pending;
    const loader = this.loaders[tag];
    if (!loader) throw new Error(`lazy element <${tag}>: no module registered (registered: ${Object.keys(this.loaders).join(', ')})`);
    pending = loader()
      .then(() => customElements.whenDefined(tag))
      .then(
        () => undefined,
        (error: unknown) => {
          this.failures.set(tag, error);
          console.warn(`dialtone: the module of <${tag}> did not load`, error);
        },
      )
      .then(() => {
        for (const listener of this.listeners) listener();
      });
    this.loads.set(tag, pending);
    return pending;
  }
}
