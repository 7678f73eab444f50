import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/config-from-settings.ts';
import { parseAgentActions } from '../../src/config/desk-actions-settings.ts';
import { settingsWith } from './support.ts';

const PATH = '/dialtoneActions/agentActions';

/** The one issue the XML checker (validateConfig) reports for `value`. */
function issueFor(path: string, value: string): string {
  const result = validateConfig(settingsWith({ [path]: value }));
  if (result.ok) throw new Error(`expected ${path}=${value} to be refused`);
  expect(result.errors.map((e) => e.path)).toEqual([path]);
  return result.errors[0]!.message;
}

describe('dialtoneActions/agentActions', () => {
  it('reads actions with labels per language, moments, the task and parameter templates', () => {
    const parsed = parseAgentActions('id=refund|task=12|params={phoneNumber},ref-{callId}|when=inCall,wrapUp|en=Refund|es=Reembolso; id=me|task=1|when=idle|pt=Eu');
    expect(parsed).toEqual({
      ok: true,
      value: [
        { id: 'refund', task: 12, params: ['{phoneNumber}', 'ref-{callId}'], when: ['inCall', 'wrapUp'], labels: { en: 'Refund', es: 'Reembolso' } },
        { id: 'me', task: 1, params: [], when: ['idle'], labels: { pt: 'Eu' } },
      ],
    });
  });

  it('defaults to no actions, both message channels and 3 SMS parts', () => {
    const result = validateConfig(settingsWith({}));
    expect(result.ok && result.config.actions).toEqual({ agentActions: [], textMessageChannels: ['sms', 'whatsapp'], smsMaxSegments: 3 });
  });

  it.each([
    ['an unknown placeholder', 'id=a|task=1|params={phone}|en=A', 'param "{phone}" of a uses {phone}, which is not a call value'],
    ['a task that is not a number', 'id=a|task=twelve|en=A', 'task "twelve" of a must be the Neotel task id'],
    ['an unknown moment', 'id=a|task=1|when=ringing|en=A', 'when "ringing" of a must list idle, inCall, wrapUp'],
    ['no label', 'id=a|task=1', 'a has no label'],
    ['an id used twice', 'id=a|task=1|en=A;id=a|task=2|en=B', 'the id a is used twice'],
    ['an unknown field', 'id=a|task=1|fr=Bonjour', '"fr" is not a field'],
    ['too many parameters', `id=a|task=1|en=A|params=${Array.from({ length: 23 }, () => 'x').join(',')}`, 'a has 23 params; a Neotel task takes at most 22'],
  ])('refuses %s, naming the setting, the entry and what is expected', (_why, value, problem) => {
    const message = issueFor(PATH, value);
    expect(message).toContain(`Setting ${PATH}`);
    expect(message).toContain(problem);
    expect(message).toContain('e.g. id=refund|task=12');
  });

  it('refuses an unknown text message channel and an SMS part count out of range', () => {
    expect(issueFor('/dialtoneActions/textMessageChannels', 'sms,telegram')).toContain('"telegram" is not a channel');
    expect(issueFor('/dialtoneActions/smsMaxSegments', '11')).toContain('a whole number from 1 to 10 SMS parts');
  });
});
