/**
 * The "done when": from an empty org, deploy → users add → doctor is all green; a second
 * deploy changes nothing and says so; --dry-run changes nothing. jsforce talks HTTP to the
 * stand-in; nothing is mocked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedParts, loginJwt, startAdminHarness, type AdminHarness } from './harness.ts';

let h: AdminHarness;

beforeAll(async () => {
  h = await startAdminHarness();
  expect((await loginJwt(h, 'ci')).status).toBe(0);
});
afterAll(async () => h.close());

describe('dialtone-admin on an empty org', () => {
  it('deploys the call center and the apex/ package with its tests, showing progress', async () => {
    const run = await h.cli(['deploy', '--org', 'ci', ...h.values, '--utility-bar', 'LightningService_UtilityBar']);
    expect(run.stderr).not.toMatch(/error:/);
    expect(run.status).toBe(0);
    // The progress bar is fed by checkDeployStatus: components first, then the tests.
    expect(run.stderr).toMatch(/\] 33\/33 components · 0\/16 tests {2}Running Test: /);
    expect(run.stderr).toMatch(/\] 33\/33 components · 16\/16 tests/);
    expect(run.stdout).toMatch(/Deployed to ci: 31 created, 1 changed, 0 unchanged; 16 Apex tests passed/);
    expect(run.stdout).toContain('created  CallCenter DialtoneCTI');
    expect(run.stdout).toContain('created  CustomField Contact.neoSyncId__c');
    expect(run.stdout).toContain('created  PermissionSet Dialtone_Softphone');
    const cc = h.sf.org.rows('CallCenter')[0];
    expect(cc).toMatchObject({ InternalName: 'DialtoneCTI', AdapterUrl: h.adapterUrl });
    expect(h.sf.org.metadata.get('CallCenter/DialtoneCTI')?.text).toContain('<value>wss://neotel.acme.example/sip</value>');
  });

  it('says doctor is not green before any user is added, with the fix', async () => {
    const run = await h.cli(['doctor', '--org', 'ci']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('✘ Users: nobody is in DialtoneCTI');
    expect(run.stdout).toContain('fix: dialtone-admin users add --username');
  });

  it('adds users to the call center and the permission set, then lists them', async () => {
    const add = await h.cli(['users', 'add', '--org', 'ci', '--username', 'agent1@acme.example', '--username', 'agent2@acme.example']);
    expect(add.status).toBe(0);
    expect(add.stdout).toMatch(/2 users added to DialtoneCTI and the permission set Dialtone_Softphone/);
    const again = await h.cli(['users', 'add', '--org', 'ci', '--username', 'agent1@acme.example']);
    expect(again.stdout).toMatch(/Nothing changed/);
    const list = await h.cli(['users', 'list', '--org', 'ci', '--json']);
    const json = JSON.parse(list.stdout) as { ok: boolean; users: { username: string; permissionSet: boolean }[] };
    expect(json.ok).toBe(true);
    expect(json.users).toEqual([
      expect.objectContaining({ username: 'agent1@acme.example', permissionSet: true }),
      expect.objectContaining({ username: 'agent2@acme.example', permissionSet: true }),
    ]);
  });

  it('doctor reports every check green (--json for scripts)', async () => {
    const run = await h.cli(['doctor', '--org', 'ci', '--json']);
    const json = JSON.parse(run.stdout) as { ok: boolean; checks: { check: string; ok: boolean; detail: string }[] };
    expect(json.checks.filter((c) => !c.ok)).toEqual([]);
    expect(json.checks.map((c) => c.check)).toEqual([
      'Call center settings', 'NeoApi and SIP hosts', 'Adapter URL reachable over https', 'Fields', 'Field-level security',
      'Apex classes', 'Apex tests', 'Users', 'Utility item (Open CTI Softphone)',
    ]);
    expect(json.ok).toBe(true);
    expect(run.status).toBe(0);
  });

  it('a second deploy changes nothing and says so', async () => {
    const before = h.sf.org.snapshot();
    const run = await h.cli(['deploy', '--org', 'ci', ...h.values, '--utility-bar', 'LightningService_UtilityBar']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Nothing changed: ci already had all 31 components as they are here; 16 Apex tests passed\./m);
    expect(changedParts(before, h.sf.org.snapshot())).toEqual([]);
  });

  it('--dry-run validates a change without saving it', async () => {
    const before = h.sf.org.snapshot();
    const run = await h.cli(['deploy', '--org', 'ci', '--dry-run', ...h.values, '--set', 'sipDomain=pbx2.acme.example', '--json']);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { checkOnly: boolean; components: { changed: number }; changes: { fullName: string }[] };
    expect(json.checkOnly).toBe(true);
    expect(json.changes.map((c) => c.fullName)).toEqual(['DialtoneCTI']);
    expect(changedParts(before, h.sf.org.snapshot())).toEqual([]);
  });

  it('users remove takes a user out of both', async () => {
    const run = await h.cli(['users', 'remove', '--org', 'ci', '--username', 'agent2@acme.example']);
    expect(run.status).toBe(0);
    const agent2 = h.sf.org.userByName('agent2@acme.example')!;
    expect(agent2.CallCenterId).toBeNull();
    expect(h.sf.org.rows('PermissionSetAssignment').some((a) => a.AssigneeId === agent2.Id)).toBe(false);
  });
});
