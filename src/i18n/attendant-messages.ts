/**
 * The attendant features' text (docs/call-history.md, docs/phone-links.md): call history, "Show in
 * CRM" and phone links. One nested catalogue per language, reached as `Messages.attendant`, so
 * these features add one key to each language file instead of dozens.
 */

/** Every string of the call history, "Show in CRM" and the phone-link page and setting. */
export interface AttendantMessages {
  /** BCP 47 tag for dates and times (`Intl`). */
  readonly locale: string;
  readonly historyTitle: string;
  readonly historyEmpty: string;
  /** How many calls are kept and what erases them. */
  readonly historyKept: (limit: number) => string;
  readonly directions: Readonly<Record<'inbound' | 'outbound' | 'dialer', string>>;
  readonly withheld: string;
  readonly unknownCaller: string;
  readonly notAnswered: string;
  /** Talk time, e.g. `Talked 1:05`. */
  readonly talked: (clock: string) => string;
  readonly notCategorised: string;
  readonly redial: string;
  /** The redial button's accessible name: what will be called. */
  readonly redialLabel: (who: string) => string;
  readonly showInCrm: string;
  /** "Show in CRM"'s accessible name: which record opens. */
  /** Starts with {@link showInCrm}: a voice user says the visible text (WCAG 2.5.3, axe label-content-name-mismatch). */
  readonly showInCrmLabel: (what: string) => string;
  /** The source icon's text: the call's record was found in Salesforce. */
  readonly foundInCrm: string;

  /** The panel size's allowed range (Open CTI's limits), under the size fields. */
  readonly panelSizeRange: string;
  /** A typed size outside that range: nothing was applied. */
  readonly panelSizeRefused: string;
  readonly linksTitle: string;
  readonly linksHelp: string;
  readonly linksRegister: string;
  readonly linksRegistered: string;
  readonly linksUnsupported: string;
  readonly linksFailed: (detail: string) => string;

}
