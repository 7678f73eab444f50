import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO_PATH, loadDefaultScenario, loadScenarioFile, parseScenario, ScenarioError } from '../../../dev/neotel/scenario/load.ts';

function problemsOf(input: unknown): readonly string[] {
  try {
    parseScenario(input, 'test');
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
  return [];
}

describe('scenario', () => {
  it('loads the default scenario with the catalogues the simulator documents', () => {
    const s = loadDefaultScenario();
    expect(s.users.map((u) => u.id)).toEqual(['1001', '1002', '1003', '2001']);
    expect(s.breaks.map((b) => b.id)).toEqual([1, 2, 3, 4, 8, 9, 10, 11, 12, 13]);
    expect(s.categories.flatMap((c) => c.subcategories.map((x) => `${x.id} ${x.name}`))).toEqual(expect.arrayContaining(['26 Venta', '27 No contesta', '28 Agenda']));
    expect(s.campaigns.find((c) => c.id === 97)).toMatchObject({ name: 'SALESFORCE', dialer: 'Predictive', crm: 3, base: 7 });
  });

  it('uses the Salesforce ids of the dev/lightning record fixture as contact keys (DATA)', () => {
    const fixture = JSON.parse(readFileSync('dev/lightning/fixtures/records.json', 'utf8')) as Record<string, { Id: string; neoContactId__c?: string }[]>;
    const scenario = loadDefaultScenario();
    const contacts = scenario.bases.flatMap((b) => b.contacts);
    const maria = fixture.Contact?.find((c) => c.neoContactId__c === '12345');
    expect(contacts.find((c) => c.id === 12345)?.clave1).toBe(maria?.Id);
    const ids = new Set(Object.values(fixture).flat().map((r) => r.Id));
    const salesforceKeys = contacts.map((c) => c.clave1).filter((k) => /^[0-9a-zA-Z]{18}$/.test(k));
    expect(salesforceKeys.filter((k) => !ids.has(k))).toEqual([]);
  });

  interface Editable {
    users: { id: unknown }[];
    campaigns: { base: unknown; dialer: unknown }[];
    queues: { members: unknown[] }[];
  }
  const defaultInput = (): Editable => JSON.parse(readFileSync(DEFAULT_SCENARIO_PATH, 'utf8')) as Editable;

  it('names the path and the received value of every badly shaped item', () => {
    const input = defaultInput();
    input.users[0]!.id = 'abc';
    input.campaigns[1]!.dialer = 'Progressive';
    expect(problemsOf(input)).toEqual([
      'users[0].id: expected digits only (received "abc")',
      'campaigns[1].dialer: Invalid option: expected one of "Manual"|"Predictive"|"Preview" (received "Progressive")',
    ]);
  });

  it('checks references between sections once every item is well shaped', () => {
    const input = defaultInput();
    input.campaigns[0]!.base = 999;
    input.queues[0]!.members.push('7777');
    expect(problemsOf(input)).toEqual(['campaigns[0].base: base 999 is not in bases[] (received 999)', 'queues[0].members[3]: user 7777 is not in users[] (received "7777")']);
  });

  it('reports duplicate ids and unknown keys', () => {
    const problems = problemsOf({ users: [{ id: '1', password: 'x', name: 'A' }, { id: '1', password: 'y', name: 'B' }], extra: true });
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining('users[1]: duplicate id "1" (first at users[0])'), expect.stringContaining('(root): Unrecognized key: "extra"')]));
  });

  it('explains a file that is missing or not JSON', () => {
    expect(() => loadScenarioFile('/nonexistent/scenario.json')).toThrow(/Invalid Neotel scenario \/nonexistent\/scenario\.json:\n {2}- cannot read the file/);
  });
});
