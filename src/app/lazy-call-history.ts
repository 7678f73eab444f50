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
import { DeferredPart } from './deferred-part.ts';

/** A {@link CallHistoryKeeper} whose code is fetched when first needed. */
export class LazyCallHistory {
  private readonly keeper: DeferredPart<CallHistoryKeeper>;
  private asked = false;

  constructor(options: CallHistoryOptions, code: () => Promise<typeof KeeperChunk> = () => import('./call-history.ts')) {
    this.keeper = new DeferredPart(
      async () => new (await code()).CallHistoryKeeper(options),
      (error, waiting) =>
        options.warn(`the call history's code (assets/call-history-*.js) did not load; ${waiting} history operation(s) wait for the next use (reload the page if it persists)`, error),
    );
  }

  /** Whether the code is in (tests). */
  get loaded(): boolean {
    return this.keeper.current !== undefined;
  }

  /** `CallHistoryKeeper.follow`: nobody logged in before anything was asked needs nothing (the keeper starts with nobody). */
  follow(agent: string | null): void {
    if (agent === null && !this.asked) return;
    this.asked = true;
    this.keeper.hold((keeper) => keeper.follow(agent));
  }

  record(call: CallFacts, link: LinkedRecord | null): void {
    this.asked = true;
    this.keeper.hold((keeper) => keeper.record(call, link));
  }

  forget(): Promise<void> {
    this.asked = true;
    return this.keeper.run((keeper) => keeper.forget());
  }
}
