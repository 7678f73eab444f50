/**
 * The call history as the agent UI draws it (docs/call-history.md): the app (src/app/call-history.ts)
 * builds it from the calls it logged; components read it from `AgentView.history`.
 */

/**
 * How many calls `AgentView.history` carries and the panel draws: the newest 20. The browser keeps
 * more per agent (`HISTORY_LIMIT` of src/storage, 50); the view carries only what is drawn, so the
 * view, every tab's copy of it and each redraw hold 20 entries, never the whole store.
 */
export const HISTORY_SHOWN = 20;

/** One past call, newest first in `AgentView.history` (at most {@link HISTORY_SHOWN}). Names are untrusted: render as text only. */
export interface CallHistoryEntryView {
  /** Unique in the list (the call's `CallObject`). */
  readonly key: string;
  readonly direction: 'inbound' | 'outbound' | 'dialer';
  /** The customer's number as the platform gave it; `null` = withheld (no redial). */
  readonly number: string | null;
  /** The record's name, else the caller's display name; `null` when neither is known. */
  readonly name: string | null;
  /** The Salesforce record linked to the call ("Show in CRM" opens it). */
  readonly record: { readonly id: string; readonly objectType: string; readonly name: string | null } | null;
  /** Epoch ms the call started. */
  readonly startedAt: number;
  /** Talk time in whole seconds (answer → end); `null` = never answered. */
  readonly durationSeconds: number | null;
  /** The disposition's name as configured; `null` = not categorised. */
  readonly disposition: string | null;
}

/** The phone-link registration as the settings panel shows it (docs/phone-links.md). */
export interface PhoneLinksView {
  /** `available` = not asked yet; `registered` = the browser was asked in this page; `unsupported` = no `registerProtocolHandler`. */
  readonly status: 'available' | 'registered' | 'unsupported' | 'failed';
  /** Why a registration failed (the browser's words), shown small. */
  readonly detail: string | null;
}

/** What only this tab knows (never mirrored from the owner tab): links and "Show in CRM". */
export interface AttendantView {
  readonly phoneLinks: PhoneLinksView;
  /** The last "Show in CRM" that Salesforce refused: the record id and Salesforce's words; `null` = none. */
  readonly crmOpenFailed: { readonly recordId: string; readonly detail: string } | null;
}
