/**
 * Text messages to the customer (docs/text-messages.md): the length and charset rules an SMS
 * or WhatsApp message must meet before it is sent, and the Task that records a sent message.
 * Pure: the panel counts as the agent types, the app checks again before sending.
 *
 * SMS: GSM 03.38 (7-bit) holds 160 characters in one message, 153 per part when concatenated;
 * `^ { } [ ] ~ \ | €` take two. Any other character makes the whole message UCS-2: 70 in one,
 * 67 per part. WhatsApp: up to 4096 characters.
 */
import type { LinkedRecord } from './linked-record.ts';
import { hasControlCharacter } from '../shared/text-checks.ts';
import { lookupFieldsOf } from './task-log.ts';

/** Where a message goes (same names as the platform port's `TextChannel`). */
export type MessageChannel = 'sms' | 'whatsapp';

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ ÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';
const GSM_BASIC_SET = new Set(GSM_BASIC);
const GSM_EXTENDED_SET = new Set(GSM_EXTENDED);

/** WhatsApp's own limit on one text message. */
export const WHATSAPP_MAX_LENGTH = 4096;

/** Why a message cannot be sent as typed. */
export type MessageProblem = 'empty' | 'controlCharacters' | 'tooLong';

/** The measure of a message on its channel. */
export interface MessageMeasure {
  /** `gsm7` / `ucs2` for SMS, `unicode` for WhatsApp. */
  readonly encoding: 'gsm7' | 'ucs2' | 'unicode';
  /** Length in the channel's units (GSM septets, UTF-16 units, or characters). */
  readonly length: number;
  /** SMS parts the operator bills (1 for WhatsApp). */
  readonly segments: number;
  /** The most the channel takes with the configured SMS parts. */
  readonly limit: number;
  readonly problem: MessageProblem | null;
  /** The first character that forced UCS-2 (the agent may want to replace it), when any. */
  readonly nonGsm: string | null;
}

/** Measures `text` for `channel`; `maxSmsSegments` = the parts an SMS may use (setting). */
export function measureMessage(text: string, channel: MessageChannel, maxSmsSegments: number): MessageMeasure {
  // A control character other than a line break would reach the handset as garbage or be dropped.
  const control = hasControlCharacter(text.replace(/\r?\n/g, ''));
  const empty = text.trim() === '';
  if (channel === 'whatsapp') {
    const length = Array.from(text).length;
    const problem = empty ? 'empty' : control ? 'controlCharacters' : length > WHATSAPP_MAX_LENGTH ? 'tooLong' : null;
    return { encoding: 'unicode', length, segments: 1, limit: WHATSAPP_MAX_LENGTH, problem, nonGsm: null };
  }
  let septets = 0;
  let nonGsm: string | null = null;
  for (const ch of text) {
    if (GSM_BASIC_SET.has(ch)) septets += 1;
    else if (GSM_EXTENDED_SET.has(ch)) septets += 2;
    else {
      nonGsm ??= ch;
      break;
    }
  }
  const gsm = nonGsm === null;
  const length = gsm ? septets : text.length;
  const single = gsm ? 160 : 70;
  const part = gsm ? 153 : 67;
  const segments = length <= single ? 1 : Math.ceil(length / part);
  const limit = maxSmsSegments <= 1 ? single : part * maxSmsSegments;
  const problem = empty ? 'empty' : control ? 'controlCharacters' : length > limit ? 'tooLong' : null;
  return { encoding: gsm ? 'gsm7' : 'ucs2', length, segments, limit, problem, nonGsm };
}

/** A customer number a message can go to: 6 to 15 digits, an optional leading `+`. */
export function messageNumberOf(typed: string): string | null {
  const compact = typed.replace(/[\s().-]/g, '');
  return /^\+?[0-9]{6,15}$/.test(compact) ? compact : null;
}

/** One message the platform accepted, as the Task records it. */
export interface SentMessage {
  readonly channel: MessageChannel;
  readonly to: string;
  readonly text: string;
  readonly agent: string;
  /** The platform's message id, when it answered one. */
  readonly messageId: string | null;
  /** The call it was sent during (or after, in wrap-up), when any. */
  readonly callId: string | null;
  readonly sentAt: number;
}

const CHANNEL_NAMES: Readonly<Record<MessageChannel, string>> = { sms: 'SMS', whatsapp: 'WhatsApp' };

/** The Task's idempotency key (also its `CallObject`): the platform id, else agent and time. */
export function messageTaskKey(message: SentMessage): string {
  return message.messageId !== null && message.messageId !== '' ? `msg:${message.messageId}` : `msg:${message.agent}:${message.sentAt}`;
}

/** The Task of one sent message, linked to the call's record when there is one. */
export function messageTaskFields(message: SentMessage, link: LinkedRecord | null): Readonly<Record<string, string | number | null>> {
  const channel = CHANNEL_NAMES[message.channel];
  const iso = new Date(message.sentAt).toISOString();
  return {
    Subject: `${channel} to ${message.to}`,
    TaskSubtype: 'Task',
    Type: 'Other',
    Status: 'Completed',
    ActivityDate: iso.slice(0, 10),
    Description: [
      `Channel: ${channel}`,
      `To: ${message.to}`,
      `Agent: ${message.agent}`,
      `Sent: ${iso}`,
      `Call: ${message.callId ?? 'none'}`,
      `Message id: ${message.messageId ?? 'unknown'}`,
      '',
      message.text,
    ].join('\n'),
    ...lookupFieldsOf(link),
  };
}
