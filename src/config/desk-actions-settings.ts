/**
 * The `dialtoneActions` section (docs/agent-actions.md, docs/text-messages.md): the agent
 * actions an admin defines (a label per language, when each is offered, the Neotel task and its
 * parameters from the call) and how text messages are offered. Read with the SettingsReader, so a
 * bad entry is one ConfigIssue that names the setting, the entry and what is expected — the XML
 * checker (`npm run check-call-center`) and the adapter's error panel show it.
 */
import { ACTION_MOMENTS, ACTION_PLACEHOLDERS, type ActionMoment, type AgentAction, type DeskActionsConfig, type LabelLanguage, type TextMessageChannel } from './desk-actions-types.ts';
import { integer } from './setting-formats.ts';
import type { SettingFormat, SettingsReader } from './settings-reader.ts';
import { accept, hasControlCharacter, refuse, type Parsed } from './value-parsers.ts';

/** The placeholders `template` uses that are not known. */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] ?? '').filter((name) => !(ACTION_PLACEHOLDERS as readonly string[]).includes(name));
}

/** The section's name in the call-center definition. */
export const DESK_ACTIONS_SECTION = 'dialtoneActions';

/** Defaults: no actions; both channels; 3 SMS parts (459 GSM characters). */
export const DEFAULT_DESK_ACTIONS: DeskActionsConfig = { agentActions: [], textMessageChannels: ['sms', 'whatsapp'], smsMaxSegments: 3 };

const LANGS: readonly LabelLanguage[] = ['en', 'es', 'pt'];
const FIELDS = ['id', 'task', 'params', 'when', ...LANGS] as const;
const MAX_TASK_PARAMS = 22;

export const AGENT_ACTIONS_EXPECTED =
  'actions separated by ";", each as key=value pairs separated by "|": id (letters, digits, -), task (the Neotel task id, a whole number), ' +
  `params (optional, up to ${MAX_TASK_PARAMS} values separated by "," using ${ACTION_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}), ` +
  `when (optional, any of ${ACTION_MOMENTS.join(', ')} separated by ","; default inCall,wrapUp) and a label en=, es= and/or pt= (at least one, up to 40 characters), ` +
  'e.g. id=refund|task=12|params={phoneNumber},{contactId}|when=inCall,wrapUp|en=Refund|es=Reembolso';

/** Parses one action entry; a string says what is wrong with it. */
function parseAction(entry: string): AgentAction | string {
  const values = new Map<string, string>();
  for (const pair of entry.split('|')) {
    const equals = pair.indexOf('=');
    if (equals < 0) return `${JSON.stringify(pair.trim())} has no "="`;
    const key = pair.slice(0, equals).trim();
    if (!(FIELDS as readonly string[]).includes(key)) return `${JSON.stringify(key)} is not a field (fields: ${FIELDS.join(', ')})`;
    if (values.has(key)) return `${key} is given twice`;
    values.set(key, pair.slice(equals + 1).trim());
  }
  const id = values.get('id') ?? '';
  if (!/^[A-Za-z][A-Za-z0-9-]{0,39}$/.test(id)) return `id ${JSON.stringify(id)} must be 1 to 40 letters, digits or "-", starting with a letter`;
  const taskText = values.get('task') ?? '';
  const task = Number(taskText);
  if (!/^\d{1,10}$/.test(taskText) || task < 1 || task > 2_147_483_647) return `task ${JSON.stringify(taskText)} of ${id} must be the Neotel task id, a whole number from 1`;
  const paramsText = values.get('params') ?? '';
  const params = paramsText === '' ? [] : paramsText.split(',').map((p) => p.trim());
  if (params.length > MAX_TASK_PARAMS) return `${id} has ${params.length} params; a Neotel task takes at most ${MAX_TASK_PARAMS}`;
  for (const param of params) {
    const unknown = unknownPlaceholders(param);
    if (unknown.length > 0) return `param ${JSON.stringify(param)} of ${id} uses ${unknown.map((u) => `{${u}}`).join(', ')}, which is not a call value`;
    if (hasControlCharacter(param)) return `param ${JSON.stringify(param)} of ${id} has a control character`;
  }
  const whenText = values.get('when') ?? 'inCall,wrapUp';
  const when = whenText.split(',').map((w) => w.trim()).filter((w) => w !== '');
  const badWhen = when.find((w) => !(ACTION_MOMENTS as readonly string[]).includes(w));
  if (badWhen !== undefined || when.length === 0) return `when ${JSON.stringify(whenText)} of ${id} must list ${ACTION_MOMENTS.join(', ')}`;
  const labels: Partial<Record<LabelLanguage, string>> = {};
  for (const lang of LANGS) {
    const label = values.get(lang);
    if (label === undefined) continue;
    if (label === '' || label.length > 40 || hasControlCharacter(label) || /[<>]/.test(label)) return `label ${lang}=${JSON.stringify(label)} of ${id} must be 1 to 40 characters without < > or control characters`;
    labels[lang] = label;
  }
  if (Object.keys(labels).length === 0) return `${id} has no label: give en=, es= or pt=`;
  return { id, labels, when: [...new Set(when)] as ActionMoment[], task, params };
}

/** `agentActions`: every entry valid and each id once. */
export function parseAgentActions(text: string): Parsed<readonly AgentAction[]> {
  const actions: AgentAction[] = [];
  for (const raw of text.split(';')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const action = parseAction(entry);
    if (typeof action === 'string') return refuse(AGENT_ACTIONS_EXPECTED, `in action ${JSON.stringify(entry.slice(0, 80))}, ${action}`);
    if (actions.some((a) => a.id === action.id)) return refuse(AGENT_ACTIONS_EXPECTED, `the id ${action.id} is used twice`);
    actions.push(action);
  }
  return accept(actions);
}

const AGENT_ACTIONS: SettingFormat<readonly AgentAction[]> = { parse: parseAgentActions, expected: AGENT_ACTIONS_EXPECTED };

const CHANNELS_EXPECTED = 'sms, whatsapp or both separated by ","';
const CHANNELS: SettingFormat<readonly TextMessageChannel[]> = {
  expected: CHANNELS_EXPECTED,
  parse: (text) => {
    const channels = text.split(',').map((c) => c.trim().toLowerCase()).filter((c) => c !== '');
    const bad = channels.find((c) => c !== 'sms' && c !== 'whatsapp');
    if (bad !== undefined || channels.length === 0) return refuse(CHANNELS_EXPECTED, bad === undefined ? undefined : `${JSON.stringify(bad)} is not a channel`);
    return accept([...new Set(channels)] as TextMessageChannel[]);
  },
};

const path = (item: string): string => `/${DESK_ACTIONS_SECTION}/${item}`;

/** Reads the section with `read` (its issues join the config's). */
export function readDeskActions(read: SettingsReader): DeskActionsConfig {
  return {
    agentActions: read.optional(path('agentActions'), AGENT_ACTIONS, DEFAULT_DESK_ACTIONS.agentActions),
    textMessageChannels: read.optional(path('textMessageChannels'), CHANNELS, DEFAULT_DESK_ACTIONS.textMessageChannels),
    smsMaxSegments: read.optional(path('smsMaxSegments'), integer(1, 10, 'SMS parts'), DEFAULT_DESK_ACTIONS.smsMaxSegments),
  };
}
