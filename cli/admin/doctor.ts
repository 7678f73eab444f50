/**
 * `dialtone-admin doctor`: reads the org and says, check by check, what is missing or wrong for
 * this Dialtone version, each with the command or the Setup page that fixes it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateConfig } from '../../src/config/index.ts';
import { placeholderSettings } from '../check-call-center.ts';
import type { OrgConnection } from './auth.ts';
import { settingsFromMetadata, type CallCenterRecord } from './call-center.ts';
import { explain } from './errors.ts';
import type { Output } from './output.ts';
import { findCallCenter, findPermissionSet, PERMISSION_SET, soqlText } from './users.ts';
import { hasSoftphone, readUtilityBar } from './utility-bar.ts';

export interface Check { check: string; ok: boolean; detail: string; fix?: string }
export interface DoctorArgs { callCenter: string; apexDir: string; runTests: boolean }

/** What the apex/ package defines, read from its files so the doctor follows the package. */
function expected(apexDir: string): { fields: Map<string, string[]>; permissions: { field: string; editable: boolean }[]; classes: string[]; tests: string[] } {
  const base = join(apexDir, 'force-app', 'main', 'default');
  const fields = new Map<string, string[]>();
  for (const object of readdirSync(join(base, 'objects'))) {
    fields.set(object, readdirSync(join(base, 'objects', object, 'fields')).map((f) => f.replace('.field-meta.xml', '')));
  }
  const ps = readFileSync(join(base, 'permissionsets', `${PERMISSION_SET}.permissionset-meta.xml`), 'utf8');
  const permissions = [...ps.matchAll(/<fieldPermissions>\s*<editable>(\w+)<\/editable>\s*<field>([\w.]+)<\/field>/g)].map((m) => ({ field: m[2]!, editable: m[1] === 'true' }));
  const sources = readdirSync(join(base, 'classes')).filter((f) => f.endsWith('.cls'));
  const isTest = (f: string): boolean => /@isTest/i.test(readFileSync(join(base, 'classes', f), 'utf8').split(/\bclass\b/i)[0] ?? '');
  return { fields, permissions, classes: sources.map((f) => f.slice(0, -4)), tests: sources.filter(isTest).map((f) => f.slice(0, -4)) };
}

async function adapterReachable(url: string): Promise<Check> {
  const check = 'Adapter URL reachable over https';
  if (!url.startsWith('https://')) return { check, ok: false, detail: `reqAdapterUrl is ${JSON.stringify(url)}: Lightning frames only https adapters`, fix: 'Serve dist/ over https (docs/admin-setup.md step 1) and deploy again with --set reqAdapterUrl=https://…' };
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    return res.ok ? { check, ok: true, detail: `${url} answered ${res.status}` } : { check, ok: false, detail: `${url} answered HTTP ${res.status}`, fix: 'Check dist/ is served at that address (docs/admin-setup.md step 1).' };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { check, ok: false, detail: `${url} did not answer: ${cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))}`, fix: 'Check the host serves dist/ over https with a certificate browsers trust (docs/admin-setup.md step 1).' };
  }
}

export async function runDoctor(out: Output, org: OrgConnection, args: DoctorArgs): Promise<{ checks: Check[]; ok: boolean }> {
  const checks: Check[] = [];
  const want = expected(args.apexDir);
  const q = async <T>(soql: string, tooling = false): Promise<T[]> => {
    try {
      return ((tooling ? await org.conn.tooling.query<T & Record<string, unknown>>(soql) : await org.conn.query<T & Record<string, unknown>>(soql)).records);
    } catch (error) {
      throw explain(error, `doctor (${soql.split(' FROM ')[1]?.split(' ')[0] ?? 'query'}) in ${org.alias}`);
    }
  };

  const cc = await findCallCenter(org, args.callCenter);
  if (!cc) checks.push({ check: 'Call center', ok: false, detail: `no call center ${args.callCenter}`, fix: 'dialtone-admin deploy --set reqAdapterUrl=… --set neoApiUrl=… (or import callcenter-definition.xml in Setup → Call Centers)' });
  else {
    let record: CallCenterRecord;
    try {
      record = (await org.conn.metadata.read('CallCenter', args.callCenter)) as unknown as CallCenterRecord;
    } catch (error) {
      throw explain(error, `doctor (reading CallCenter ${args.callCenter}) in ${org.alias}`);
    }
    const settings = settingsFromMetadata(record);
    const config = validateConfig(settings);
    checks.push(config.ok
      ? { check: 'Call center settings', ok: true, detail: `${cc.Name}: valid for this Dialtone version` }
      : { check: 'Call center settings', ok: false, detail: config.errors.map((e) => e.message).join(' | '), fix: 'dialtone-admin deploy --set item=value for each item named (docs/configuration.md), or edit it in Setup → Call Centers' });
    const unset = ['/neotelConnection/neoApiUrl', '/neotelConnection/sipWebSocketUrl', '/neotelConnection/sipDomain'].filter((p) => !settings[p]);
    const placeholders = [...unset, ...placeholderSettings(settings).filter((p) => p.startsWith('/neotelConnection/'))];
    checks.push(placeholders.length === 0
      ? { check: 'NeoApi and SIP hosts', ok: true, detail: `${settings['/neotelConnection/neoApiUrl'] ?? ''}, ${settings['/neotelConnection/sipWebSocketUrl'] ?? ''}` }
      : { check: 'NeoApi and SIP hosts', ok: false, detail: `${placeholders.join(', ')} ${unset.length > 0 ? 'not set or ' : ''}still example.com`, fix: 'dialtone-admin deploy --set neoApiUrl=https://NEOTEL/neoapi/webservice.asmx --set sipWebSocketUrl=wss://NEOTEL/… --set sipDomain=NEOTEL' });
    checks.push(await adapterReachable(record.adapterUrl ?? settings['/reqGeneralInfo/reqAdapterUrl'] ?? ''));
  }

  const missingFields: string[] = [];
  for (const [object, fields] of want.fields) {
    let names: string[] = [];
    try {
      names = (await org.conn.sobject(object).describe()).fields.map((f) => f.name);
    } catch (error) {
      if ((error as { errorCode?: string }).errorCode !== 'NOT_FOUND') throw explain(error, `doctor (describe ${object}) in ${org.alias}`);
    }
    missingFields.push(...fields.filter((f) => !names.includes(f)).map((f) => `${object}.${f}`));
  }
  checks.push(missingFields.length === 0 ? { check: 'Fields', ok: true, detail: `${[...want.fields.values()].flat().length} Dialtone fields present` } : { check: 'Fields', ok: false, detail: `missing ${missingFields.join(', ')}`, fix: 'dialtone-admin deploy' });

  const psId = await findPermissionSet(org);
  if (!psId) checks.push({ check: 'Field-level security', ok: false, detail: `no permission set ${PERMISSION_SET}`, fix: 'dialtone-admin deploy' });
  else {
    const rows = await q<{ Field: string; PermissionsRead: boolean; PermissionsEdit: boolean }>(`SELECT Field, PermissionsRead, PermissionsEdit FROM FieldPermissions WHERE ParentId = ${soqlText(psId)}`);
    const lacking = want.permissions.filter((p) => !rows.some((r) => r.Field === p.field && r.PermissionsRead && (!p.editable || r.PermissionsEdit))).map((p) => p.field);
    checks.push(lacking.length === 0 ? { check: 'Field-level security', ok: true, detail: `${PERMISSION_SET} reads/edits all ${want.permissions.length} fields` } : { check: 'Field-level security', ok: false, detail: `${PERMISSION_SET} lacks ${lacking.join(', ')}`, fix: 'dialtone-admin deploy (restores the permission set)' });
  }

  const classes = await q<{ Name: string }>(`SELECT Id, Name FROM ApexClass WHERE Name IN (${want.classes.map(soqlText).join(', ')})`, true);
  const absent = want.classes.filter((c) => !classes.some((r) => r.Name === c));
  checks.push(absent.length === 0 ? { check: 'Apex classes', ok: true, detail: want.classes.join(', ') } : { check: 'Apex classes', ok: false, detail: `missing ${absent.join(', ')}`, fix: 'dialtone-admin deploy' });
  if (args.runTests && absent.length === 0) {
    let run: { numTestsRun: number; numFailures: number; failures: { name: string; methodName: string; message: string }[] };
    try {
      run = await org.conn.tooling.runTestsSynchronous({ tests: want.tests.map((className) => ({ className })) }) as unknown as typeof run;
    } catch (error) {
      throw explain(error, `doctor (running ${want.tests.join(', ')}) in ${org.alias}`);
    }
    checks.push(run.numFailures === 0 ? { check: 'Apex tests', ok: true, detail: `${run.numTestsRun} tests passed` } : { check: 'Apex tests', ok: false, detail: run.failures.map((f) => `${f.name}.${f.methodName}: ${f.message}`).join(' | '), fix: 'A failing test usually means a validation rule, a required field or a trigger of the org refuses what the test creates; fix that (or the test in apex/) and deploy again.' });
  }

  if (cc && psId) {
    const members = await q<{ Id: string; Username: string }>(`SELECT Id, Username FROM User WHERE CallCenterId = ${soqlText(cc.Id)}`);
    const holders = new Set((await q<{ AssigneeId: string }>(`SELECT AssigneeId FROM PermissionSetAssignment WHERE PermissionSetId = ${soqlText(psId)}`)).map((a) => a.AssigneeId));
    const without = members.filter((m) => !holders.has(m.Id)).map((m) => m.Username);
    if (members.length === 0) checks.push({ check: 'Users', ok: false, detail: `nobody is in ${args.callCenter}`, fix: 'dialtone-admin users add --username AGENT@… (or --profile NAME)' });
    else checks.push(without.length === 0 ? { check: 'Users', ok: true, detail: `${members.length} in ${args.callCenter}, all with ${PERMISSION_SET}` } : { check: 'Users', ok: false, detail: `${without.join(', ')} lack ${PERMISSION_SET}`, fix: `dialtone-admin users add ${without.map((u) => `--username ${u}`).join(' ')}` });
  }

  const bars = await q<{ DeveloperName: string }>("SELECT Id, DeveloperName FROM FlexiPage WHERE Type = 'UtilityBar'", true);
  const withPhone: string[] = [];
  for (const bar of bars) {
    const page = await readUtilityBar(org, bar.DeveloperName);
    if (page && hasSoftphone(page)) withPhone.push(bar.DeveloperName);
  }
  checks.push(withPhone.length > 0 ? { check: 'Utility item (Open CTI Softphone)', ok: true, detail: `on ${withPhone.join(', ')}` } : { check: 'Utility item (Open CTI Softphone)', ok: false, detail: `no utility bar has it (${bars.map((b) => b.DeveloperName).join(', ') || 'the org has no utility bar'})`, fix: bars.length > 0 ? `dialtone-admin deploy --utility-bar ${bars[0]!.DeveloperName} (or App Manager → your app → Utility Items → Open CTI Softphone)` : 'App Manager → your Lightning app → Utility Items → Add → Open CTI Softphone' });

  const ok = checks.every((c) => c.ok);
  for (const c of checks) {
    out.line(`${c.ok ? '✔' : '✘'} ${c.check}: ${c.detail}`);
    if (!c.ok && c.fix) out.line(`    fix: ${c.fix}`);
  }
  out.line(ok ? `All ${checks.length} checks passed: ${org.alias} is set up for Dialtone.` : `${checks.filter((c) => !c.ok).length} of ${checks.length} checks failed; each says how to fix it.`);
  return { checks, ok };
}
