/**
 * The call recording's link on the Task, for every platform (docs/recording-link.md): the URL is
 * written into a Task field the admin chose and as a `Recording: <url>` line of the Description,
 * and the call record panel plays it (`<dialtone-recording-player>`).
 *
 * Each platform says how it builds the URL (Neotel: `/dialtoneCrm/recordingUrlTemplate` with the
 * file the platform status names; the sip platform: its recording hook) and hands this module the
 * finished URL through {@link RecordingLinkSource}; the Task-side writing and the player are the
 * same for all. Pure: no I/O.
 */
import type { CallFacts } from '../call/call-facts.ts';
import type { SipPlatformConfig } from '../config/sip-platform-types.ts';
import { renderHook } from '../platforms/sip/hook-template.ts';
import { DialtoneError, describeValue } from '../shared/errors.ts';
import type { TaskFields, TaskFieldValue } from './task-log.ts';

/** The Description line that carries the link (English, like the rest of the Task's text). */
export const RECORDING_LINE_LABEL = 'Recording';

/** Placeholders a template may use (the setting's check in src/config/crm-extra-formats.ts lists the same: pure folders share no runtime code). */
export const RECORDING_PLACEHOLDERS = ['file', 'callId', 'phone'] as const;
/** One of {@link RECORDING_PLACEHOLDERS}. */
export type RecordingPlaceholder = (typeof RECORDING_PLACEHOLDERS)[number];

/** What a platform gives the Task logger: the recording URL of a call, `null` = none. */
export interface RecordingLinkSource {
  /** The URL of `call`'s recording, or `null` (no recording, no template). Must not throw for a call without one. */
  urlOf(call: CallFacts): string | null;
  /** Task field API name that receives the URL; `null` = the Description line only. */
  readonly field: string | null;
}

/** A template or value the link cannot be built from. */
export class RecordingLinkError extends DialtoneError<'BAD_TEMPLATE' | 'MISSING_VALUE'> {}

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/**
 * Renders `template` (`https://rec.example.com/play?f={file}&id={callId}`): each placeholder is
 * replaced by its value, URL-encoded. Throws {@link RecordingLinkError} for an unknown placeholder
 * or a placeholder whose value is missing, naming both.
 */
export function renderRecordingUrl(template: string, values: Readonly<Partial<Record<RecordingPlaceholder, string | null>>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(RECORDING_PLACEHOLDERS as readonly string[]).includes(name)) {
      throw new RecordingLinkError('BAD_TEMPLATE', `recording URL template ${describeValue(template)}: unknown placeholder ${whole}; expected ${RECORDING_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`);
    }
    const value = values[name as RecordingPlaceholder];
    if (value === undefined || value === null || value === '') {
      throw new RecordingLinkError('MISSING_VALUE', `recording URL template ${describeValue(template)}: the call has no ${name} for ${whole}.`);
    }
    return encodeURIComponent(value);
  });
}

/**
 * The Neotel recording URL of a call: the template filled with the recording file the platform
 * status named, the platform call id and the number; `null` when there is no template or the call
 * was not recorded (no file).
 */
export function neotelRecordingUrl(template: string | null, call: CallFacts): string | null {
  const file = call.platformData?.recordingFile ?? null;
  if (template === null || file === null) return null;
  return renderRecordingUrl(template, { file, callId: call.callId, phone: call.number });
}

/**
 * The Task fields with the recording link: `field` (when set) holds the URL, and the Description
 * gains (or has replaced) its `Recording: <url>` line. `url === null` leaves the fields as they are.
 */
export function withRecordingLink(fields: TaskFields, url: string | null, field: string | null): TaskFields {
  if (url === null) return fields;
  const line = `${RECORDING_LINE_LABEL}: ${url}`;
  const previous = fields.Description;
  const kept = typeof previous === 'string' && previous !== '' ? previous.split('\n').filter((l) => !l.startsWith(`${RECORDING_LINE_LABEL}: `)) : [];
  const out: Record<string, TaskFieldValue> = { ...fields, Description: [...kept, line].join('\n') };
  if (field !== null && field !== 'Description') out[field] = url;
  return out;
}

/** The recording URL a Task's Description carries (the line {@link withRecordingLink} wrote), or `null`. */
export function recordingUrlOfDescription(description: unknown): string | null {
  if (typeof description !== 'string') return null;
  const line = description.split('\n').find((l) => l.startsWith(`${RECORDING_LINE_LABEL}: `));
  return line === undefined ? null : line.slice(RECORDING_LINE_LABEL.length + 2);
}

/** What the platform's recording link needs of the configuration (a whole `Config` fits). */
export interface RecordingConfig {
  readonly crm: { readonly recordingUrlTemplate: string | null; readonly recordingField: string | null };
  readonly sipPlatform?: Pick<SipPlatformConfig, 'telephonyPlatform' | 'hooks' | 'recordingField' | 'hookSecret'>;
}

/**
 * The recording URL of `call` on the session's platform, or `null`. Neotel: `recordingUrlTemplate`
 * with the platform status's recording file. sip: the GET `sipRecordingHook` rendered for the call, with `{chave}` left
 * empty for the Task (the secret is never stored in Salesforce in clear) and filled for the panel's
 * player, which fetches it from this browser (docs/recording-link.md, docs/sip-platform.md).
 */
export function recordingUrlOf(call: CallFacts, config: RecordingConfig, use: 'task' | 'player'): string | null {
  const sip = config.sipPlatform;
  if (sip?.telephonyPlatform !== 'sip') return neotelRecordingUrl(config.crm.recordingUrlTemplate, call);
  const template = sip.hooks.recording;
  if (template?.method !== 'GET' || call.callId === null) return null;
  return renderHook(template, { callId: call.callId, telefone: call.number ?? '', chave: use === 'player' ? (sip.hookSecret ?? '') : '' }).url;
}

/** The Task field that receives the recording URL on the session's platform; `null` = the Description line only. */
export function recordingFieldOf(config: RecordingConfig): string | null {
  return config.sipPlatform?.telephonyPlatform === 'sip' ? config.sipPlatform.recordingField : config.crm.recordingField;
}
