/**
 * A failed platform command in the agent's words: what failed (per operation) and what to do
 * next (per failure code, src/call/platform.ts). "Refused" (the contact center said no) and
 * "unreachable" (it did not answer) read differently, because the agent acts differently.
 * What failed lives with the operation's other texts in operations.ts (one file, three languages).
 * The platform's own text never leads: the notice shows it behind a "Technical details" disclosure.
 * Each language's texts are in texts-<language>.ts (only the language on screen is fetched).
 */
import type { FailureCode, Operation } from '../call/index.ts';

/** The texts of one language. */
export interface FailureMessages {
  /** "<what failed>" */
  readonly op: Readonly<Record<Operation, string>>;
  /** "<why, and what to do next>" */
  readonly cause: Readonly<Record<FailureCode, string>>;
  /** The disclosure's label. */
  readonly details: string;
}
