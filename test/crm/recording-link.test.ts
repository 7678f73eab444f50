/**
 * The sip platform's recording link on the call's Task: the recording hook rendered for the call,
 * in the chosen field and the Description, with the hook secret left out.
 */
import { describe, expect, it } from 'vitest';
import { parseCallId } from '../../src/call/ids.ts';
import { taskFieldsOf } from '../../src/crm/task-log.ts';
import { parseHookTemplate } from '../../src/platforms/sip/hook-template.ts';
import { callFacts, T0 } from '../call/support.ts';

const parsed = parseHookTemplate(JSON.stringify({ method: 'GET', url: 'https://pbx.example.com/gravacao?callid={callId}&telefone={telefone}&chave={chave}' }), { loopbackHttpAllowed: () => false });
if (!parsed.ok) throw new Error(parsed.problem);
const sipPlatform = { telephonyPlatform: 'sip', hooks: { clickToCall: null, callStart: null, callEnd: null, recording: parsed.value }, recordingField: 'Recording_Url__c' } as const;
const call = callFacts({ callId: parseCallId('1733400000') ?? null, number: '+5511955550000', answeredAt: T0 + 1000, endedAt: T0 + 5000, endedBy: 'remote' });

describe('the recording link on a sip call\'s Task', () => {
  it('goes into the chosen field and the Description, without the secret', () => {
    const fields = taskFieldsOf(call, null, { categories: [], crm: { useTaskDescriptionField: false }, sipPlatform }, { final: true, dateOf: () => '2026-12-06' });
    const url = 'https://pbx.example.com/gravacao?callid=1733400000&telefone=%2B5511955550000&chave=';
    expect(fields.Recording_Url__c).toBe(url);
    expect(fields.Description).toBe(`Recording: ${url}`);
  });

  it('is left out on Neotel, without a recording hook, or with no field chosen (Description only)', () => {
    const base = { categories: [], crm: { useTaskDescriptionField: false } };
    expect(taskFieldsOf(call, null, base, { final: true }).Description).toBeUndefined();
    expect(taskFieldsOf(call, null, { ...base, sipPlatform: { ...sipPlatform, telephonyPlatform: 'neotel' } }, { final: true }).Description).toBeUndefined();
    const descriptionOnly = taskFieldsOf(call, null, { ...base, sipPlatform: { ...sipPlatform, recordingField: null } }, { final: true });
    expect(descriptionOnly.Description).toMatch(/^Recording: https:\/\/pbx\.example\.com\/gravacao\?callid=1733400000/);
    expect(Object.keys(descriptionOnly)).not.toContain('Recording_Url__c');
  });
});
