/**
 * `dialtone-admin deploy`: the call center (callcenter-definition.xml + the admin's values) and
 * the apex/ package in one Metadata API deploy that runs the package's Apex tests; `--dry-run`
 * validates only (checkOnly). Salesforce rolls a failed deploy back, so a failure saves nothing,
 * and it reports, per component, whether it was created or changed: an unchanged org says so.
 */
import { validateConfig } from '../../src/config/index.ts';
import { formatIssue, placeholderSettings } from '../check-call-center.ts';
import type { OrgConnection } from './auth.ts';
import { callCenterMetadata, readDefinition, resolveValues } from './call-center.ts';
import { AdminError, explain } from './errors.ts';
import type { Output } from './output.ts';
import { addApexPackage, addFile, emptyPackage, sourceOf, zipPackage, type DeployPackage } from './package-zip.ts';
import { addSoftphoneItem, UTILITY_ITEM } from './utility-bar.ts';

export interface DeployArgs {
  dryRun: boolean;
  xml: string;
  values: Record<string, string>;
  apexDir: string;
  withApex: boolean;
  utilityBars: string[];
  cwd: string;
}

/** The settings the admin means: the definition with --settings then --set applied; refused if the softphone would not start. */
export function effectiveSettings(xml: string, values: Record<string, string>, out: Output): Record<string, string> {
  const settings = { ...readDefinition(xml) };
  Object.assign(settings, resolveValues(settings, values, xml));
  const config = validateConfig(settings);
  if (!config.ok) {
    throw new AdminError('BAD_INPUT', `With these values the softphone would not start:\n${config.errors.map((issue) => `  ${formatIssue(xml, issue)}`).join('\n')}`, 'Give the right values with --set item=value or --settings file.json (docs/configuration.md describes each item).');
  }
  for (const path of placeholderSettings(settings)) out.warn(`${path} still points at the example.com placeholder (${settings[path] ?? ''}); pass --set ${path.split('/')[2] ?? path}=… with your Neotel server's address.`);
  return settings;
}

const POLL_MS = (): number => Number(process.env.DIALTONE_ADMIN_POLL_MS ?? 2000);
const DEPLOY_TIMEOUT_MS = 60 * 60_000;

interface DeployMessage { changed?: boolean; created?: boolean; componentType?: string | null; fullName?: string; fileName?: string; lineNumber?: number | null; columnNumber?: number | null; problem?: string | null }
interface TestFailure { name?: string; methodName?: string | null; message?: string; stackTrace?: string | null }

export async function runDeploy(out: Output, org: OrgConnection, args: DeployArgs): Promise<unknown> {
  const settings = effectiveSettings(args.xml, args.values, out);
  const pkg: DeployPackage = emptyPackage();
  const cc = callCenterMetadata(settings);
  addFile(pkg, 'CallCenter', cc.fullName, `callCenters/${cc.fullName}.callCenter`, cc.xml, `${args.xml} (with your values)`);
  if (args.withApex) addApexPackage(pkg, args.apexDir, args.cwd);
  for (const page of args.utilityBars) {
    const xml = await addSoftphoneItem(org, page);
    if (xml !== undefined) addFile(pkg, 'FlexiPage', page, `flexipages/${page}.flexipage`, xml, `FlexiPage ${page} (read from the org, ${UTILITY_ITEM} added)`);
  }
  const where = `Deploying to ${org.alias} (${org.conn.instanceUrl})`;
  let id: string;
  try {
    ({ id } = await org.conn.metadata.deploy(zipPackage(pkg), {
      checkOnly: args.dryRun, rollbackOnError: true, singlePackage: true,
      ...(pkg.testClasses.length > 0 ? { testLevel: 'RunSpecifiedTests', runTests: pkg.testClasses } : { testLevel: 'NoTestRun' }),
    }));
  } catch (error) {
    throw explain(error, where);
  }
  out.info(`${args.dryRun ? 'Validating (nothing is saved)' : 'Deploying'} ${[...pkg.members.values()].flat().length} components${pkg.testClasses.length > 0 ? ` and running ${pkg.testClasses.join(', ')}` : ''} — deploy ${id}`);
  const started = Date.now();
  let result: Awaited<ReturnType<typeof org.conn.metadata.checkDeployStatus>>;
  for (;;) {
    if (Date.now() - started > DEPLOY_TIMEOUT_MS) throw new AdminError('SALESFORCE', `${where}: deploy ${id} did not finish within an hour.`, `Follow it in Setup → Deployment Status (id ${id}).`);
    try {
      result = await org.conn.metadata.checkDeployStatus(id, true);
    } catch (error) {
      throw explain(error, `${where}: checkDeployStatus ${id}`);
    }
    out.progress(result.numberComponentsDeployed + result.numberComponentErrors, result.numberComponentsTotal, result.numberTestsCompleted + result.numberTestErrors, result.numberTestsTotal, result.done ? '' : result.stateDetail ?? result.status);
    if (result.done) break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS()));
  }
  out.endProgress();
  const details = result.details as { componentSuccesses?: DeployMessage[]; componentFailures?: DeployMessage[]; runTestResult?: { failures?: TestFailure[]; numTestsRun?: number } } | undefined;
  const list = <T>(v: T | T[] | undefined | null): T[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
  const successes = list(details?.componentSuccesses).filter((c) => c.fullName !== 'package.xml');
  const failures = list(details?.componentFailures);
  const testFailures = list(details?.runTestResult?.failures);
  const changed = successes.filter((c) => c.changed === true || c.created === true).map((c) => ({ type: c.componentType ?? '', fullName: c.fullName ?? '', created: Boolean(c.created) }));
  const summary = {
    id, status: result.status, success: result.success, checkOnly: args.dryRun,
    components: { total: result.numberComponentsTotal, changed: changed.filter((c) => !c.created).length, created: changed.filter((c) => c.created).length },
    changes: changed,
    tests: { run: result.numberTestsTotal, failed: result.numberTestErrors },
    failures: failures.map((f) => ({ type: f.componentType ?? '', fullName: f.fullName ?? '', at: sourceOf(pkg, f.fileName ?? '', f.lineNumber), problem: f.problem ?? '' })),
    testFailures: testFailures.map((t) => ({ test: `${t.name ?? ''}.${t.methodName ?? ''}`, message: t.message ?? '', at: testSource(pkg, t) })),
  };
  if (!result.success) {
    const lines = [
      ...summary.failures.map((f) => `  ${f.at}: ${f.type} ${f.fullName}: ${f.problem}`),
      ...summary.testFailures.map((t) => `  ${t.at}: test ${t.test} failed: ${t.message}`),
    ];
    const error = new AdminError('DEPLOY_FAILED', `${where}: Salesforce ${args.dryRun ? 'would refuse' : 'refused'} the deploy (${result.status}, ${failures.length} component problem${failures.length === 1 ? '' : 's'}, ${testFailures.length} failing test${testFailures.length === 1 ? '' : 's'}):\n${lines.join('\n')}`, `Nothing was saved: Salesforce rolls a failed deploy back. Fix the listed files${testFailures.length > 0 ? ' or the failing tests' : ''} and run deploy again.`, result.errorStatusCode ?? undefined);
    Object.assign(error, { details: summary });
    throw error;
  }
  if (args.dryRun) out.line(`Validation passed; nothing was saved. A deploy would create ${summary.components.created} and change ${summary.components.changed} of ${successes.length} components; ${summary.tests.run} Apex tests passed.`);
  else if (changed.length === 0) out.line(`Nothing changed: ${org.alias} already had all ${successes.length} components as they are here; ${summary.tests.run} Apex tests passed.`);
  else {
    out.line(`Deployed to ${org.alias}: ${summary.components.created} created, ${summary.components.changed} changed, ${successes.length - changed.length} unchanged; ${summary.tests.run} Apex tests passed.`);
    for (const c of changed) out.line(`  ${c.created ? 'created' : 'changed'}  ${c.type} ${c.fullName}`);
  }
  if (!args.dryRun && changed.length > 0) out.line('Next: dialtone-admin users add --username AGENT@… (call center + permission set), then dialtone-admin doctor.');
  return summary;
}

function testSource(pkg: DeployPackage, t: TestFailure): string {
  const line = /line (\d+)/.exec(t.stackTrace ?? '')?.[1];
  return sourceOf(pkg, `classes/${t.name ?? ''}.cls`, line === undefined ? undefined : Number(line));
}
