/**
 * Metadata API deploys in the stand-in: `deploy` checks the zip and runs the Apex tests the
 * options ask for, then `checkDeployStatus` reveals the job the way Salesforce's polls do
 * (components, then tests, then done). Apex does not run outside Salesforce: a test method
 * passes unless the org declares it failing (`OrgSwitches.failingApexTests`), and then it is
 * reported as Salesforce reports a failing assertion, with its class, method and line.
 * With `rollbackOnError` (always on in production) any failure saves nothing; `checkOnly` never saves.
 */
import { readDeployZip, testMethods, type Component, type Problem } from './components.ts';
import type { Org } from './org.ts';

export interface DeployOptions { checkOnly: boolean; rollbackOnError: boolean; testLevel: string; runTests: string[] }

export interface TestOutcome { name: string; methodName: string; id: string; line: number; failure: string | undefined }

interface Job {
  id: string;
  userId: string;
  userName: string;
  options: DeployOptions;
  created: string;
  components: { component: Component; changed: boolean; created: boolean; id: string }[];
  problems: Problem[];
  tests: TestOutcome[];
  success: boolean;
  polls: number;
}

export class Deployer {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly org: Org) {}

  start(userId: string, zipBase64: string, options: DeployOptions): { id: string; done: false; state: 'Queued' } {
    const { components, problems } = readDeployZip(this.org, zipBase64);
    const tests = problems.length > 0 ? [] : this.runTests(components, options);
    const success = problems.length === 0 && tests.every((t) => t.failure === undefined);
    const saves = success || !options.rollbackOnError;
    const applied = components.map((component) => {
      const key = `${component.type}/${component.fullName}`;
      const before = this.org.metadata.get(key);
      const created = before === undefined;
      const changed = !created && before.text !== component.text;
      return { component, created, changed, id: before?.id ?? this.org.newId(component.type) };
    });
    // Salesforce leaves an unchanged component alone (its componentSuccess says changed=false, created=false).
    if (saves && !options.checkOnly) for (const a of applied) if (a.created || a.changed) this.apply(a.component, a.id);
    const user = this.org.find('User', userId);
    const id = this.org.newId('DeployRequest');
    this.jobs.set(id, { id, userId, userName: String(user?.Name ?? ''), options, created: new Date().toISOString(), components: applied, problems, tests, success, polls: 0 });
    return { id, done: false, state: 'Queued' };
  }

  /** Runs the declared outcomes of the test methods the test level selects. */
  runTests(components: readonly Component[], options: Pick<DeployOptions, 'testLevel' | 'runTests'>): TestOutcome[] {
    const sources = new Map<string, string>();
    for (const [key, entry] of this.org.metadata) if (key.startsWith('ApexClass/')) sources.set(key.slice(10), entry.text);
    for (const c of components) if (c.type === 'ApexClass') sources.set(c.fullName, c.text);
    let classes: string[];
    if (options.testLevel === 'RunSpecifiedTests') classes = options.runTests;
    else if (options.testLevel === 'RunLocalTests' || options.testLevel === 'RunAllTestsInOrg') classes = [...sources.keys()].filter((name) => /@isTest/i.test((sources.get(name) ?? '').split(/\bclass\b/i)[0] ?? ''));
    else return [];
    return this.outcomes(classes, sources);
  }

  outcomes(classes: readonly string[], sources: ReadonlyMap<string, string>): TestOutcome[] {
    const out: TestOutcome[] = [];
    for (const name of classes) {
      const source = sources.get(name);
      if (source === undefined) {
        out.push({ name, methodName: '', id: '', line: 0, failure: `No test class named ${name} was found` });
        continue;
      }
      const id = this.org.rows('ApexClass').find((r) => r.Name === name)?.Id ?? this.org.newId('ApexClass');
      for (const method of testMethods(source)) {
        out.push({ name, methodName: method.name, id, line: method.line, failure: this.org.switches.failingApexTests[`${name}.${method.name}`] });
      }
    }
    return out;
  }

  private apply(c: Component, id: string): void {
    const modified = new Date().toISOString();
    this.org.metadata.set(`${c.type}/${c.fullName}`, { text: c.text, id, modified });
    for (const listener of this.org.onSaved) listener(`${c.type}/${c.fullName}`);
    const upsert = (table: string, match: (r: Record<string, unknown>) => boolean, values: Record<string, string | number | boolean | null>): string => {
      const row = this.org.rows(table).find(match);
      if (row) return Object.assign(row, values).Id;
      return this.org.insert(table, values).Id;
    };
    if (c.type === 'CustomField') {
      const [object, field] = c.fullName.split('.') as [string, string];
      const fields = this.org.customFields.get(object) ?? new Map<string, Record<string, string>>();
      fields.set(field, c.detail as Record<string, string>);
      this.org.customFields.set(object, fields);
    } else if (c.type === 'ApexClass') {
      upsert('ApexClass', (r) => r.Name === c.fullName, { Name: c.fullName, Status: 'Active', ApiVersion: 62, NamespacePrefix: null });
    } else if (c.type === 'CallCenter') {
      const d = c.detail as Record<string, string>;
      upsert('CallCenter', (r) => r.InternalName === c.fullName, { Name: d.displayName ?? c.fullName, InternalName: c.fullName, Version: d.version ?? null, AdapterUrl: d.adapterUrl ?? null });
    } else if (c.type === 'FlexiPage') {
      const d = c.detail as Record<string, string>;
      upsert('FlexiPage', (r) => r.DeveloperName === c.fullName, { DeveloperName: c.fullName, MasterLabel: d.masterLabel ?? c.fullName, Type: d.type ?? '' });
    } else if (c.type === 'PermissionSet') {
      const d = c.detail as { label?: string; fieldPermissions?: { field: string; readable: string; editable: string }[] };
      const parentId = upsert('PermissionSet', (r) => r.Name === c.fullName, { Name: c.fullName, Label: d.label ?? c.fullName, IsOwnedByProfile: false });
      const rows = this.org.rows('FieldPermissions');
      for (const row of rows.filter((r) => r.ParentId === parentId)) this.org.remove('FieldPermissions', row.Id);
      for (const fp of d.fieldPermissions ?? []) {
        this.org.insert('FieldPermissions', { ParentId: parentId, SobjectType: fp.field.split('.')[0] ?? '', Field: fp.field, PermissionsRead: fp.readable === 'true', PermissionsEdit: fp.editable === 'true' });
      }
    }
  }

  /** The DeployResult of a job at this poll, as `checkDeployStatus` answers it; undefined for an unknown id. */
  status(id: string, includeDetails: boolean): Record<string, unknown> | undefined {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    job.polls += 1;
    const total = job.components.length + 1;
    const testsTotal = job.tests.length;
    // Poll 1: half the components; 2: all, tests starting; 3: half the tests; then done.
    const stage = job.problems.length > 0 ? Math.min(job.polls, 2) * 2 : job.polls;
    const done = job.problems.length > 0 ? job.polls >= 2 : job.polls >= (testsTotal > 0 ? 4 : 2);
    const componentsDone = done || stage >= 2 ? total : Math.floor(total / 2);
    const testsDone = done ? testsTotal : stage >= 3 ? Math.floor(testsTotal / 2) : 0;
    const failures = job.tests.filter((t) => t.failure !== undefined);
    const status = !done ? 'InProgress' : job.success ? 'Succeeded' : job.options.rollbackOnError ? 'Failed' : 'SucceededPartial';
    const now = new Date().toISOString();
    const result: Record<string, unknown> = {
      checkOnly: job.options.checkOnly, completedDate: done ? now : undefined, createdBy: job.userId, createdByName: job.userName,
      createdDate: job.created, done, id: job.id, ignoreWarnings: false, lastModifiedDate: now,
      numberComponentErrors: done ? job.problems.length : 0, numberComponentsDeployed: done ? total - job.problems.length : componentsDone,
      numberComponentsTotal: total, numberTestErrors: done ? failures.length : 0, numberTestsCompleted: testsDone - (done ? failures.length : 0),
      numberTestsTotal: testsTotal, rollbackOnError: job.options.rollbackOnError, runTestsEnabled: testsTotal > 0, startDate: job.created,
      stateDetail: done ? undefined : stage >= 2 && testsTotal > 0 ? `Running Test: ${job.tests[testsDone]?.name ?? ''}.${job.tests[testsDone]?.methodName ?? ''}` : 'Processing Type: CustomField',
      status, success: done && job.success,
    };
    if (done && !job.success && job.problems.length === 0) result.errorStatusCode = undefined;
    if (includeDetails || done) result.details = this.details(job, done);
    return result;
  }

  private details(job: Job, done: boolean): Record<string, unknown> {
    const now = new Date().toISOString();
    const failed = new Set(job.problems.map((p) => `${p.type}/${p.fullName}`));
    const successes = done && job.problems.length === 0 ? [
      { changed: false, componentType: '', created: false, createdDate: now, deleted: false, fileName: 'package.xml', fullName: 'package.xml', success: true },
      ...job.components.filter((a) => !failed.has(`${a.component.type}/${a.component.fullName}`)).map((a) => ({
        changed: a.changed, componentType: a.component.type, created: a.created, createdDate: now, deleted: false,
        fileName: a.component.fileName, fullName: a.component.fullName, id: a.id, success: true,
      })),
    ] : [];
    const componentFailures = done ? job.problems.map((p) => ({
      changed: false, columnNumber: p.column, componentType: p.type, created: false, createdDate: now, deleted: false,
      fileName: p.fileName, fullName: p.fullName, lineNumber: p.line, problem: p.problem, problemType: 'Error', success: false,
    })) : [];
    const tests = done ? job.tests : [];
    const runTestResult = {
      numFailures: tests.filter((t) => t.failure !== undefined).length,
      numTestsRun: tests.length,
      totalTime: tests.length * 120,
      successes: tests.filter((t) => t.failure === undefined).map((t) => ({ id: t.id, methodName: t.methodName, name: t.name, namespace: undefined, time: 120 })),
      failures: tests.filter((t) => t.failure !== undefined).map((t) => ({
        id: t.id, message: t.failure, methodName: t.methodName, name: t.name, namespace: undefined, packageName: t.name,
        stackTrace: `Class.${t.name}.${t.methodName}: line ${t.line}, column 1`, time: 120, type: 'Class',
      })),
      codeCoverage: [], codeCoverageWarnings: [],
    };
    return { componentSuccesses: successes, componentFailures, runTestResult };
  }
}
