/**
 * The sip platform's recording link: the recording hook rendered for the call, with the hook
 * secret left out of what the Task stores and put in for the panel's player.
 */
import { describe, expect, it } from 'vitest';
import { parseCallId } from '../../src/call/ids.ts';
import { recordingFieldOf, recordingUrlOf, withRecordingLink } from '../../src/crm/recording-link.ts';
import { parseHookTemplate } from '../../src/platforms/sip/hook-template.ts';
import { callFacts, T0 } from '../call/support.ts';

const parsed = parseHookTemplate(JSON.stringify({ method: 'GET', url: 'https://pbx.example.com/gravacao?callid={callId}&telefone={telefone}&chave={chave}' }), { loopbackHttpAllowed: () => false });
if (!parsed.ok) throw new Error(parsed.problem);
const sipPlatform = { telephonyPlatform: 'sip', hooks: { clickToCall: null, callStart: null, callEnd: null, recording: parsed.value }, recordingField: 'Recording_Url__c', hookSecret: 's3cret' } as const;
const crm = { recordingUrlTemplate: 'https://neotel.example.com/r/{file}', recordingField: 'Recording__c' };
const call = callFacts({ callId: parseCallId('1733400000') ?? null, number: '+5511955550000', answeredAt: T0 + 1000, endedAt: T0 + 5000, endedBy: 'remote' });
const stored = 'https://pbx.example.com/gravacao?callid=1733400000&telefone=%2B5511955550000&chave=';

describe("the recording link on a sip call's Task", () => {
  it('goes into the chosen field and the Description, without the secret', () => {
    const config = { crm, sipPlatform };
    const url = recordingUrlOf(call, config, 'task');
    expect(url).toBe(stored);
    const fields = withRecordingLink({ Subject: 'Call' }, url, recordingFieldOf(config));
    expect(fields.Recording_Url__c).toBe(stored);
    expect(fields.Description).toBe(`Recording: ${stored}`);
    expect(JSON.stringify(fields)).not.toContain('s3cret');
  });

  it('gives the player the link with the secret', () => {
    expect(recordingUrlOf(call, { crm, sipPlatform }, 'player')).toBe(`${stored}s3cret`);
  });

  it('is left out without a recording hook or a call id, and Neotel keeps its own template and field', () => {
    expect(recordingUrlOf(call, { crm, sipPlatform: { ...sipPlatform, hooks: { ...sipPlatform.hooks, recording: null } } }, 'task')).toBeNull();
    expect(recordingUrlOf(callFacts({ callId: null }), { crm, sipPlatform }, 'task')).toBeNull();
    const neotel = { crm, sipPlatform: { ...sipPlatform, telephonyPlatform: 'neotel' as const } };
    expect(recordingFieldOf(neotel)).toBe('Recording__c');
    expect(recordingUrlOf(call, neotel, 'task')).toBeNull(); // no Position file on this call
  });
});
