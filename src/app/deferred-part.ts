/**
 * A part of the session whose code is its own chunk, built when first needed (issue 18: the Task
 * log, supervision, the call history; see lazy-task-log.ts, lazy-supervision.ts,
 * lazy-call-history.ts). What is asked before it is in is kept and run, in the order asked, once
 * it is; a failed fetch is reported with how much waits, and fetched again at the next need.
 */
export class DeferredPart<T> {
  private part: T | undefined;
  private loading = false;
  private readonly queued: ((part: T) => void)[] = [];

  /**
   * `make` fetches the chunk and builds the part; `ready` runs after what was kept has run;
   * `failed` hears of a failed fetch and how many operations wait.
   */
  constructor(
    private readonly make: () => Promise<T>,
    private readonly failed: (error: unknown, waiting: number) => void,
    private readonly ready: (part: T) => void = () => undefined,
  ) {}

  /** The part, once its code is in. */
  get current(): T | undefined {
    return this.part;
  }

  /** Fetches the code now (once). */
  load(): void {
    if (this.part !== undefined || this.loading) return;
    this.loading = true;
    this.make().then(
      (part) => {
        this.part = part;
        for (const run of this.queued.splice(0)) run(part);
        this.ready(part);
      },
      (error: unknown) => {
        this.loading = false;
        this.failed(error, this.queued.length);
      },
    );
  }

  /** Runs `act` on the part now, or keeps it for when the part is in (and fetches it). */
  hold(act: (part: T) => void): void {
    if (this.part !== undefined) act(this.part);
    else {
      this.queued.push(act);
      this.load();
    }
  }

  /** {@link hold} with `act`'s answer. Synchronously when the part is in, so calls keep their order. */
  run<R>(act: (part: T) => R | Promise<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.hold((part) => {
        try {
          Promise.resolve(act(part)).then(resolve, reject);
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
  }
}
