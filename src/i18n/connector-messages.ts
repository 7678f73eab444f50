/**
 * Text of seed 004's connector features (docs/recording-link.md, docs/screen-pop.md,
 * docs/wrap-up.md): the recording player, what the agent is told after reopening a softphone the
 * pop minimised, and the callback's time zones. One nested catalogue per language, reached as
 * `Messages.connector`, so these features add one key to each language file.
 */

/** Every string of the recording player, the reopen notice and the callback time zones. */
export interface ConnectorMessages {
  readonly recordingTitle: string;
  /** The `<audio>` element's accessible name. */
  readonly recordingPlayer: string;
  readonly recordingOpen: string;
  /** The file did not load: why it may be, and what to do next. */
  readonly recordingFailed: string;
  readonly recordingRetry: string;
  /** After the pop minimised the softphone and the agent reopened it. */
  readonly reopenedSynced: string;
  readonly reopenedNotSynced: string;
  readonly reopenedSearch: string;
  /** The callback form: the time is typed in the customer's zone, e.g. `Customer's time (America/Mexico_City)`. */
  readonly customerTime: (zone: string) => string;
  /** Beside it: the same instant for the agent, e.g. `Your time: 05/12 18:30`. */
  readonly agentTime: (time: string) => string;
  /** Where the customer's zone came from. */
  readonly zoneFromRecord: string;
  readonly zoneFromNumber: string;
}
