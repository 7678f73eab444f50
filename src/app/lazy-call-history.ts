/**
 * The call history's code (`CallHistoryKeeper`, the Task naming it shares with the Task log, and
 * the store's history code) is fetched when a logged-in agent's history is first needed — the
 * login comes after REGISTER 200 — or at the first call recorded or "forget me", not at start-up
 * (docs/call-history.md, "When the code loads"; issue 18). Before that nothing is shown (no one is
 * logged in), and what is asked meanwhile runs, in order, once the code is in.
 */
import type { CallFacts } from '../call/index.ts';
import type { LinkedRecord } from '../crm/linked-record.ts';
import type * as KeeperChunk from './call-history.ts';
import type { CallHistoryKeeper, CallHistoryOptions } from './call-history.ts';

/** A {@link CallHistoryKeeper} whose code is fetched when first needed. */
export class LazyCallHistory {
  private keeper: CallHistoryKeeper | undefined;
  private loading = false;
  private readonly queued: ((keeper: CallHistoryKeeper) => void)[] = [];

  constructor(
    private readonly options: CallHistoryOptions,
    private readonly code: () => Promise<typeof KeeperChunk> = () => import('./call-history.ts'),
  ) {}

  /** Whether the code is in (tests). */
  get loaded(): boolean {
    return this.keeper !== undefined;
  }

  /** `CallHistoryKeeper.follow`: nobody logged in before the code is in needs nothing (the keeper starts with nobody). */
  follow(agent: string | null): void {
    if (this.keeper) this.keeper.follow(agent);
    else if (agent !== null || this.loading) void this.with((keeper) => keeper.follow(agent));
  }

  record(call: CallFacts, link: LinkedRecord | null): void {
    void this.with((keeper) => keeper.record(call, link));
  }

  forget(): Promise<void> {
    return this.with((keeper) => keeper.forget());
  }

  /** Runs `act` on the keeper now, or once its code is in (in the order asked); a failed fetch is retried at the next use. */
  private with<T>(act: (keeper: CallHistoryKeeper) => T | Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      // Synchronously: a record must reach the keeper before a later follow() changes its agent.
      const run = (keeper: CallHistoryKeeper): void => {
        try {
          Promise.resolve(act(keeper)).then(resolve, reject);
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
      if (this.keeper) {
        run(this.keeper);
        return;
      }
      this.queued.push(run);
      if (this.loading) return;
      this.loading = true;
      this.code().then(
        ({ CallHistoryKeeper: Keeper }) => {
          const keeper = new Keeper(this.options);
          this.keeper = keeper;
          for (const next of this.queued.splice(0)) next(keeper);
        },
        (error: unknown) => {
          this.loading = false;
          this.options.warn(`the call history's code (assets/call-history-*.js) did not load; ${this.queued.length} history operation(s) wait for the next use (reload the page if it persists)`, error);
        },
      );
    });
  }
}
