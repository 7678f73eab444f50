/**
 * Each fault Salesforce answers gives a clear message (what, where, what to do) and a non-zero
 * exit, and leaves the org as it was.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedParts, loginJwt, startAdminHarness, type AdminHarness } from './harness.ts';

let h: AdminHarness;

beforeAll(async () => {
  h = await startAdminHarness();
  expect((await loginJwt(h, 'admin')).status).toBe(0);
  expect((await loginJwt(h, 'agent', 'agent1@acme.example')).status).toBe(0);
});
afterAll(async () => h.close());

describe('faults', () => {
  it('INSUFFICIENT_ACCESS: a user who may not change metadata is told whom to log in as', async () => {
    const before = h.sf.org.snapshot();
    const run = await h.cli(['deploy', '--org', 'agent', ...h.values]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/error: Deploying to agent \(http:\/\/127\.0\.0\.1:\d+\): the logged-in user lacks the permission for this \(INSUFFICIENT_ACCESS: INSUFFICIENT_ACCESS: use of the Metadata API requires/);
    expect(run.stderr).toContain('fix: Log in as a System Administrator');
    expect(changedParts(before, h.sf.org.snapshot())).toEqual([]);
  });

  it('a failing Apex test fails the deploy with the test, its message and its line, and saves nothing', async () => {
    h.sf.org.switches.failingApexTests['DialtoneTaskLogTest.aDeletedTaskIsWrittenAgain'] = 'System.AssertException: Assertion Failed: Expected: 1, Actual: 2';
    const before = h.sf.org.snapshot();
    const run = await h.cli(['deploy', '--org', 'admin', ...h.values]);
    delete h.sf.org.switches.failingApexTests['DialtoneTaskLogTest.aDeletedTaskIsWrittenAgain'];
    expect(run.status).toBe(1);
    const source = readFileSync('apex/force-app/main/default/classes/DialtoneTaskLogTest.cls', 'utf8').split('\n');
    const line = source.findIndex((l) => l.includes('void aDeletedTaskIsWrittenAgain(')) + 1;
    expect(line).toBeGreaterThan(0);
    expect(run.stderr).toContain(`apex/force-app/main/default/classes/DialtoneTaskLogTest.cls:${line}: test DialtoneTaskLogTest.aDeletedTaskIsWrittenAgain failed: System.AssertException: Assertion Failed: Expected: 1, Actual: 2`);
    expect(run.stderr).toContain('fix: Nothing was saved: Salesforce rolls a failed deploy back.');
    expect(changedParts(before, h.sf.org.snapshot())).toEqual([]);
  });

  it('a component Salesforce refuses is reported at its source file and line', async () => {
    const apex = join(h.dir, 'apex-broken');
    cpSync('apex', apex, { recursive: true });
    const file = join(apex, 'force-app/main/default/permissionsets/Dialtone_Softphone.permissionset-meta.xml');
    const text = readFileSync(file, 'utf8').replace('<field>Lead.neoCrmId__c</field>', '<field>Lead.neoCrmID__c</field>');
    writeFileSync(file, text);
    const line = text.split('\n').findIndex((l) => l.includes('Lead.neoCrmID__c')) + 1;
    const run = await h.cli(['deploy', '--org', 'admin', '--apex-dir', apex, ...h.values]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`permissionsets/Dialtone_Softphone.permissionset-meta.xml:${line}: PermissionSet Dialtone_Softphone: In field: field - no CustomField named Lead.neoCrmID__c found`);
  });

  it('INVALID_FIELD: an org without the call-center feature is named as the cause', async () => {
    expect((await h.cli(['deploy', '--org', 'admin', ...h.values])).status).toBe(0);
    h.sf.org.hiddenFields.add('User.CallCenterId');
    const run = await h.cli(['users', 'list', '--org', 'admin']);
    h.sf.org.hiddenFields.delete('User.CallCenterId');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Reading the call center users in admin: Salesforce does not know a field the command uses \(INVALID_FIELD: No such column 'CallCenterId' on entity 'User'/);
    expect(run.stderr).toContain('the org has no call-center (Open CTI) feature');
  });

  it('a refused user change is all-or-none: nobody is half added', async () => {
    const before = h.sf.org.snapshot();
    // agent1 could be added; chatter@ has a Chatter Free license, which cannot hold the permission set.
    const run = await h.cli(['users', 'add', '--org', 'admin', '--username', 'agent1@acme.example', '--username', 'chatter@acme.example', '--json']);
    expect(run.status).toBe(1);
    const json = JSON.parse(run.stdout) as { ok: boolean; error: { code: string; message: string } };
    expect(json.ok).toBe(false);
    expect(json.error.code).toBe('FIELD_INTEGRITY_EXCEPTION');
    expect(json.error.message).toContain("The user license doesn't allow the permission: Apex Class Access");
    expect(json.error.message).toContain('Nothing was changed: the request was all-or-none.');
    expect(changedParts(before, h.sf.org.snapshot())).toEqual([]);
  });

  it('API_DISABLED_FOR_ORG: says which editions and permission allow the API', async () => {
    h.sf.org.switches.apiEnabled = false;
    const deploy = await h.cli(['deploy', '--org', 'admin', ...h.values]);
    const doctor = await h.cli(['doctor', '--org', 'admin']);
    h.sf.org.switches.apiEnabled = true;
    expect(deploy.status).toBe(1);
    expect(deploy.stderr).toMatch(/this org or user may not use the Salesforce API \(API_DISABLED_FOR_ORG/);
    expect(deploy.stderr).toContain('"API Enabled"');
    expect(doctor.status).toBe(1);
    expect(doctor.stderr).toContain('API_DISABLED_FOR_ORG');
  });

  it('bad values are refused before anything is sent, with the item and the value', async () => {
    const run = await h.cli(['deploy', '--org', 'admin', ...h.values, '--set', 'sipWebSocketUrl=http://pbx.acme.example/sip']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('With these values the softphone would not start');
    expect(run.stderr).toContain('http://pbx.acme.example/sip');
    const unknown = await h.cli(['deploy', '--org', 'admin', '--set', 'nosuchItem=1']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('cannot place "nosuchItem": no item of that name is in the definition');
    const usage = await h.cli(['deploy', '--frobnicate']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('Unknown option --frobnicate for deploy.');
  });
});
