/**
 * Reads typed values out of a settings map while collecting every problem, so one pass reports
 * all of them. Invalid optional settings still yield their default, so the rest of the map is
 * checked too; the caller decides from `issues` whether the result may be used.
 */
import { describeValue } from '../shared/errors.ts';
import type { ConfigErrorCode, ConfigIssue } from './config-error.ts';
import { MAX_SETTING_LENGTH } from './defaults.ts';
import { rawSettingValue, settingLabel, settingValue, type SettingsMap } from './settings-map.ts';
import type { Parsed } from './value-parsers.ts';

/** A parser together with the sentence describing what it accepts when nothing was typed. */
export interface SettingFormat<T> {
  readonly parse: (text: string) => Parsed<T>;
  /** What to type, used when the setting is missing (a parser only says it once it has refused). */
  readonly expected: string;
  /** Hides secrets (e.g. TURN passwords) in `received` and in the message. */
  readonly redact?: (raw: string) => string;
}

/** Builds the one-sentence message every issue carries. */
export function issueMessage(
  code: ConfigErrorCode,
  path: string,
  label: string | undefined,
  received: string | undefined,
  expected: string,
  problem?: string,
): string {
  const where = `Setting ${path}${label === undefined ? '' : ` (${describeValue(label, 60)})`}`;
  const what = code === 'MISSING_SETTING' ? 'is missing or empty' : `is invalid${problem === undefined ? '' : `: ${problem}`}`;
  return `${where} ${what}. Received ${describeValue(received)}; expected ${expected}.`;
}

/** Reads one settings map, collecting an issue for every missing or invalid value. */
export class SettingsReader {
  readonly issues: ConfigIssue[] = [];

  constructor(private readonly settings: SettingsMap) {}

  /** The label of `path` as the admin sees it, when the map has one. */
  label(path: string): string | undefined {
    return settingLabel(this.settings, path);
  }

  /** Records a problem that is about the combination of settings rather than one value. */
  report(code: ConfigErrorCode, path: string, expected: string, problem?: string): void {
    const received = rawSettingValue(this.settings, path);
    const label = this.label(path);
    this.issues.push({
      code,
      path,
      label,
      received,
      expected,
      message: issueMessage(code, path, label, received, expected, problem),
    });
  }

  /** A setting Dialtone cannot run without: missing or invalid values are both reported. */
  required<T>(path: string, format: SettingFormat<T>): T | undefined {
    const text = settingValue(this.settings, path);
    if (text === undefined) {
      this.report('MISSING_SETTING', path, format.expected);
      return undefined;
    }
    return this.parse(path, text, format);
  }

  /** A setting with a default: empty means the default; an invalid value is reported, then defaulted. */
  optional<T>(path: string, format: SettingFormat<T>, fallback: T): T {
    const text = settingValue(this.settings, path);
    if (text === undefined) return fallback;
    return this.parse(path, text, format) ?? fallback;
  }

  private parse<T>(path: string, text: string, format: SettingFormat<T>): T | undefined {
    const result =
      text.length > MAX_SETTING_LENGTH
        ? ({ ok: false, expected: format.expected, problem: `the value has ${text.length} characters, more than the ${MAX_SETTING_LENGTH} allowed` } as const)
        : format.parse(text);
    if (result.ok) return result.value;
    const raw = rawSettingValue(this.settings, path);
    const received = raw === undefined || format.redact === undefined ? raw : format.redact(raw);
    const label = this.label(path);
    this.issues.push({
      code: 'INVALID_SETTING',
      path,
      label,
      received,
      expected: result.expected,
      message: issueMessage('INVALID_SETTING', path, label, received, result.expected, result.problem),
    });
    return undefined;
  }
}
