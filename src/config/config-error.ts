import { DialtoneError } from '../shared/errors.ts';

/**
 * Why a call-center definition or a settings map was refused:
 * - `XML_SYNTAX`: the text is not well-formed XML (unclosed tag, undefined entity, two roots…);
 * - `XML_STRUCTURE`: well-formed XML that breaks a rule Salesforce enforces on import (root
 *   element, attributes, sortOrders, names, required `reqGeneralInfo` items, Lightning limits);
 * - `MISSING_SETTING`: a setting Dialtone cannot run without is absent or empty;
 * - `INVALID_SETTING`: a setting is present but its value does not fit its format or range.
 */
export const CONFIG_ERROR_CODES = ['XML_SYNTAX', 'XML_STRUCTURE', 'MISSING_SETTING', 'INVALID_SETTING'] as const;
/** One of {@link CONFIG_ERROR_CODES}. */
export type ConfigErrorCode = (typeof CONFIG_ERROR_CODES)[number];

/**
 * One problem found in a call-center definition or settings map. Validation collects all of them
 * so an admin (or the adapter's error panel) sees every problem at once, not one per attempt.
 */
export interface ConfigIssue {
  readonly code: ConfigErrorCode;
  /** Settings path of the offending section or item, e.g. `/neotelConnection/sipWebSocketUrl`; `/` for the whole file. */
  readonly path: string;
  /** The item's (or section's) label as the admin sees it in Setup, when known. */
  readonly label: string | undefined;
  /** The raw value received, exactly as typed; `undefined` when nothing was there. */
  readonly received: string | undefined;
  /** What would have been accepted, as a sentence for a human. */
  readonly expected: string;
  /** The full sentence: what was wrong, where, the value received and what was expected. */
  readonly message: string;
  /** 1-based position in the XML text, when the problem comes from a definition file. */
  readonly line?: number;
  readonly column?: number;
}

/**
 * The error thrown by `configFromSettings` and `settingsFromCallCenterXml`. Its `issues` hold every
 * problem found; its `code` is the code of the first one (callers wanting all codes read `issues`).
 */
export class ConfigError extends DialtoneError<ConfigErrorCode> {
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[], options?: { cause?: unknown }) {
    const first = issues[0];
    if (first === undefined) throw new RangeError('ConfigError needs at least one issue to report.');
    const message =
      issues.length === 1
        ? first.message
        : `${issues.length} problems in the call-center settings:\n${issues.map((issue) => `- ${issue.message}`).join('\n')}`;
    super(first.code, message, options);
    this.issues = issues;
  }
}
