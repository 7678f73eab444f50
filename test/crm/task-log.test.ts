import { describe, expect, it } from 'vitest';
import { newCall, type CallFacts } from '../../src/call/call-facts.ts';
import { parseCallId, parseSipLegId } from '../../src/call/ids.ts';
import type { LinkedRecord } from '../../src/crm/linked-record.ts';
import { TaskLogError, callObjectOf, taskFieldsOf, type TaskLogConfig } from '../../src/crm/task-log.ts';

const T0 = Date.UTC(2026, 11, 4, 10, 0, 0);
const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const config = (useTaskDescriptionField = false): TaskLogConfig => ({
  categories: [
    { id: 1, name: 'Ventas', subcategories: [{ id: 101, name: 'Venta realizada' }, { id: 102, name: 'No interesado' }] },
    { id: null, name: 'Agenda', subcategories: [{ id: 201, name: 'Volver a llamar' }] },
  ],
  crm: { useTaskDescriptionField },
});
const contact: LinkedRecord = { id: '003Dt000001AbCdIAK', objectType: 'Contact', name: 'Ana <b>', reason: { kind: 'search', field: 'Phone', value: '600111222', rule: null } };
const account: LinkedRecord = { ...contact, id: '001Dt000001AbCdIAK', objectType: 'Account' };
const opportunity: LinkedRecord = { ...contact, id: '006Dt000001AbCdIAK', objectType: 'Opportunity' };

function ended(facts: Partial<CallFacts> = {}, direction: CallFacts['direction'] = 'inbound'): CallFacts {
  return newCall(direction, T0, {
    callId: parseCallId('4711'),
    number: '600111222',
    answeredAt: T0 + 2000,
    endedAt: T0 + 65_400,
    endedBy: 'remote',
    ...facts,
  });
}

describe('taskFieldsOf', () => {
  it('maps an answered inbound call to a completed Call Task with duration, call object and no disposition yet', () => {
    const fields = taskFieldsOf(ended(), contact, config(), { final: false, dateOf: utcDay });
    expect(fields).toEqual({
      TaskSubtype: 'Call',
      Type: 'Call',
      Subject: 'Call 600111222 (inbound)',
      Status: 'Completed',
      ActivityDate: '2026-12-04',
      CallType: 'Inbound',
      CallObject: '4711',
      CallDurationInSeconds: 63,
      WhoId: contact.id,
      WhatId: null,
    });
  });

  it('writes the sub-category name as the disposition once final, and "released" without one', () => {
    const categorised = ended({ disposition: { subcategory: 102, callbackAt: null } });
    expect(taskFieldsOf(categorised, null, config(), { final: true }).CallDisposition).toBe('No interesado');
    expect(taskFieldsOf(ended(), null, config(), { final: true }).CallDisposition).toBe('released');
    const unknown = ended({ disposition: { subcategory: 999, callbackAt: null } });
    expect(taskFieldsOf(unknown, null, config(), { final: true }).CallDisposition).toBe('Subcategory 999');
  });

  it('puts Contact/Lead in WhoId and Account/Opportunity in WhatId, clearing the other', () => {
    expect(taskFieldsOf(ended(), account, config(), { final: true })).toMatchObject({ WhoId: null, WhatId: account.id });
    expect(taskFieldsOf(ended(), opportunity, config(), { final: true })).toMatchObject({ WhoId: null, WhatId: opportunity.id });
    expect(taskFieldsOf(ended(), { ...contact, objectType: 'Lead' }, config(), { final: true })).toMatchObject({ WhoId: contact.id, WhatId: null });
  });

  it('calls the dialer and manual dials Outbound, and a never-answered call lasts 0 s', () => {
    const missed = ended({ answeredAt: null }, 'dialer');
    const fields = taskFieldsOf(missed, null, config(), { final: true });
    expect(fields).toMatchObject({ CallType: 'Outbound', CallDurationInSeconds: 0, Subject: 'Call 600111222 (dialer)' });
    expect(taskFieldsOf(ended({}, 'outbound'), null, config(), { final: true }).CallType).toBe('Outbound');
    expect(taskFieldsOf(ended({ number: null }), null, config(), { final: true }).Subject).toBe('Call unknown number (inbound)');
  });

  it('writes the management details into Description only with useTaskDescriptionField', () => {
    const call = ended({ campaign: 97, queue: 5, disposition: { subcategory: 201, callbackAt: '2026-12-05T09:30:00' } }, 'outbound');
    expect(taskFieldsOf(call, null, config(false), { final: true })).not.toHaveProperty('Description');
    const description = taskFieldsOf(call, null, config(true), { final: true }).Description;
    expect(description).toBe('Number: 600111222\nDirection: outbound\nCampaign: 97\nQueue: 5\nDisposition: Volver a llamar\nCallback: 2026-12-05T09:30:00');
  });

  it('records every transfer in Description, with or without useTaskDescriptionField', () => {
    const call = ended({
      transfers: [
        { target: { kind: 'user', user: '1002' }, mode: 'attended', at: T0 + 10_000, outcome: 'ended' },
        { target: { kind: 'queue', queue: 5 }, mode: 'blind', at: T0 + 30_000, outcome: 'done' },
      ],
    });
    const lines = [
      'Transfer: attended to user 1002 at 2026-12-04T10:00:10.000Z (ended)',
      'Transfer: blind to queue 5 at 2026-12-04T10:00:30.000Z (done)',
    ];
    expect(taskFieldsOf(call, null, config(false), { final: false }).Description).toBe(lines.join('\n'));
    const full = String(taskFieldsOf(call, null, config(true), { final: false }).Description);
    expect(full.split('\n').slice(-2)).toEqual(lines);
    expect(full).toContain('Number: 600111222');
  });

  it('uses a stable CallObject for a call the platform never numbered', () => {
    const leg = ended({ callId: null, legId: parseSipLegId('abc123') });
    expect(callObjectOf(leg)).toBe('dialtone-leg:abc123');
    expect(callObjectOf(ended({ callId: null }))).toBe(`dialtone-call:${T0}`);
    expect(taskFieldsOf(leg, null, config(), { final: false }).CallObject).toBe('dialtone-leg:abc123');
  });

  it('refuses a call that has not ended, impossible times and a linked record without an id, saying what and where', () => {
    expect(() => taskFieldsOf(ended({ endedAt: null }), null, config(), { final: false })).toThrow(/call "4711" has no endedAt/);
    expect(() => taskFieldsOf(ended({ answeredAt: T0 + 99_000 }), null, config(), { final: false })).toThrow(/answeredAt .* is after endedAt/);
    expect(() => taskFieldsOf({ ...ended(), startedAt: Number.NaN }, null, config(), { final: false })).toThrow(/startedAt: received null; expected epoch milliseconds/);
    const bad = (): unknown => taskFieldsOf(ended(), { ...contact, id: 'nope' }, config(), { final: false });
    expect(bad).toThrow(TaskLogError);
    expect(bad).toThrow(/linked record id: received "nope"; expected a 15- or 18-character Salesforce id/);
  });
});
