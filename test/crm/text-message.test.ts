import { describe, expect, it } from 'vitest';
import { measureMessage, messageNumberOf, messageTaskFields, messageTaskKey } from '../../src/crm/text-message.ts';
import { fillParams, readTaskAnswer } from '../../src/crm/agent-action.ts';

describe('measureMessage', () => {
  it('counts GSM characters, the two-septet ones twice, and splits long SMS into 153-character parts', () => {
    expect(measureMessage('Hola, mañana €5', 'sms', 3)).toMatchObject({ encoding: 'gsm7', length: 16, segments: 1, limit: 459, problem: null });
    expect(measureMessage('a'.repeat(161), 'sms', 3)).toMatchObject({ segments: 2, problem: null });
    expect(measureMessage('a'.repeat(460), 'sms', 3)).toMatchObject({ problem: 'tooLong', limit: 459 });
    expect(measureMessage('a'.repeat(161), 'sms', 1)).toMatchObject({ problem: 'tooLong', limit: 160 });
  });

  it('switches to UCS-2 for a character outside the SMS alphabet and names it', () => {
    expect(measureMessage('Olá 😀', 'sms', 1)).toMatchObject({ encoding: 'ucs2', length: 6, limit: 70, nonGsm: 'á' });
  });

  it('refuses empty text and control characters, keeps line breaks, and allows 4096 characters on WhatsApp', () => {
    expect(measureMessage('  ', 'sms', 3).problem).toBe('empty');
    expect(measureMessage('a\u0007b', 'whatsapp', 3).problem).toBe('controlCharacters');
    expect(measureMessage('line 1\nline 2', 'sms', 3).problem).toBeNull();
    expect(measureMessage('😀'.repeat(4096), 'whatsapp', 3)).toMatchObject({ length: 4096, problem: null });
    expect(measureMessage('a'.repeat(4097), 'whatsapp', 3).problem).toBe('tooLong');
  });

  it('accepts 6 to 15 digits with an optional + and common separators as a number', () => {
    expect(messageNumberOf('+54 (11) 4555-1234')).toBe('+541145551234');
    expect(messageNumberOf('12ab')).toBeNull();
    expect(messageNumberOf('1234567890123456')).toBeNull();
  });
});

describe('the Task of a sent message', () => {
  it('carries the channel, number, agent, call and the text, linked to the record, keyed by the platform id', () => {
    const message = { channel: 'whatsapp', to: '1145551234', text: 'Hola', agent: '1001', messageId: 'MSG000001', callId: 'C1', sentAt: Date.UTC(2026, 11, 5, 10) } as const;
    expect(messageTaskKey(message)).toBe('msg:MSG000001');
    expect(messageTaskFields(message, { id: '003Dt000HccIdlkIIC', objectType: 'Contact', name: 'María', reason: 'singleMatch' } as never)).toMatchObject({
      Subject: 'WhatsApp to 1145551234',
      TaskSubtype: 'Task',
      WhoId: '003Dt000HccIdlkIIC',
      Description: 'Channel: WhatsApp\nTo: 1145551234\nAgent: 1001\nSent: 2026-12-05T10:00:00.000Z\nCall: C1\nMessage id: MSG000001\n\nHola',
    });
  });
});

describe('agent action parameters and answers', () => {
  const values = { phoneNumber: '1145551234', contactId: null, baseId: null, crmId: null, callId: 'C9', agent: '1001', campaign: null, queue: '4', crmKey: null, recordId: null };

  it('fills the templates from the call, literal text kept', () => {
    expect(fillParams(['{phoneNumber}', 'ref-{callId}'], values)).toEqual({ ok: true, params: ['1145551234', 'ref-C9'] });
  });

  it('names every value the call lacks instead of sending empty ones', () => {
    expect(fillParams(['{contactId}', '{crmKey}', '{agent}'], values)).toEqual({ ok: false, missing: ['contactId', 'crmKey'] });
  });

  it('reads the Message and a Status=false of a task answer; plain text is shown as it is', () => {
    expect(readTaskAnswer('[{"Status":"true","Message":"Usuario 1001 validado"}]')).toEqual({ ok: true, text: 'Usuario 1001 validado' });
    expect(readTaskAnswer('[{"Status":"false","Message":"Sin saldo"}]')).toEqual({ ok: false, text: 'Sin saldo' });
    expect(readTaskAnswer('hecho')).toEqual({ ok: true, text: 'hecho' });
  });
});
