import { DialtoneError } from '../shared/errors.ts';

/**
 * Why a tab-link operation failed.
 *
 * - `INVALID_NAME`: `joinTabs` got an empty or over-long lock/channel name.
 * - `NOT_OWNER`: `publish` was called on a follower; only the owner (or a tab alone) publishes.
 * - `NOT_SERIALISABLE`: the state or intent cannot cross tabs (`structuredClone` refused it: a
 *   function, a DOM node, a class instance with private slots…).
 */
export type TabsErrorCode = 'INVALID_NAME' | 'NOT_OWNER' | 'NOT_SERIALISABLE';

/** The error `src/tabs` throws; `where` names the link (`tabs:<name>`). */
export class TabsError extends DialtoneError<TabsErrorCode> {
  readonly where: string;

  constructor(code: TabsErrorCode, where: string, message: string, options?: { cause?: unknown }) {
    super(code, `${where}: ${message}`, options);
    this.where = where;
  }
}
