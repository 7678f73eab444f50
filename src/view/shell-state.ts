/**
 * The shell's side of the app–UI contract: what the shell shows (`ShellState`, a phase union whose
 * `ready` phase carries the agent view) and the service the app provides to the components.
 * Types only, so the app (which implements the service) and the UI (which draws the state) share
 * them without either importing the other.
 */
import type { Language } from '../i18n/index.ts';
import type { AgentView, SoftphoneIntent } from './agent-view.ts';

/** One problem in the call-center settings, as the error panel shows it. */
export interface ShellConfigIssue {
  /** Settings path, e.g. `/neotelConnection/sipWebSocketUrl`. */
  readonly path: string;
  /** The item's label from the call-center definition, when Salesforce sent one. */
  readonly label?: string | undefined;
  /** The raw value received; undefined when the setting was missing or empty. */
  readonly received?: string | undefined;
  /** What a valid value looks like, in a sentence. */
  readonly expected: string;
}

/**
 * What the shell shows, as a discriminated union on `phase`:
 *
 * ```
 *   booting ──► standalone             (not framed by Salesforce, or Open CTI refused to start)
 *      │
 *      ├──────► settings-unavailable ──(retry)──► booting
 *      ├──────► config-error           (the call-center XML has bad values)
 *      └──────► ready
 * ```
 */
export type ShellState =
  | { readonly phase: 'booting'; readonly language: Language }
  | {
      readonly phase: 'standalone';
      readonly language: Language;
      readonly reason: string;
      readonly detail: string;
      /** The refused framing origin (reason `UNTRUSTED_ORIGIN`). */
      readonly origin?: string;
    }
  | { readonly phase: 'settings-unavailable'; readonly language: Language; readonly detail: string }
  | { readonly phase: 'config-error'; readonly language: Language; readonly issues: readonly ShellConfigIssue[] }
  | {
      readonly phase: 'ready';
      /** The language on screen: the agent's choice (`view.prefs.language`), else `salesforceLanguage`. */
      readonly language: Language;
      /** The call center's `language`, else the browser's: what "Same as Salesforce" gives. */
      readonly salesforceLanguage?: Language;
      readonly displayName: string;
      readonly neoApiHost: string;
      readonly sipHost: string;
      /** The agent softphone: login, status, calls (see agent-view.ts). */
      readonly view: AgentView;
      /**
       * A login was sent before the session's code had run (the form is drawn first): it waits for
       * it, and the form shows itself busy meanwhile. Absent or `false` otherwise.
       */
      readonly loginWaiting?: boolean;
    };

/** The service the app provides to components: read state, subscribe, send intents. */
export interface SoftphoneService {
  readonly state: ShellState;
  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: (state: ShellState) => void): () => void;
  /** Intent: read the settings again (after a failure to get them). */
  retry(): void;
  /** Intent of the agent UI; refusals and failures come back as notices in the view. */
  send(intent: SoftphoneIntent): void;
}
