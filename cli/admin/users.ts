/**
 * `dialtone-admin users add|list|remove`: who is in the Dialtone call center (User.CallCenterId)
 * and holds the Dialtone_Softphone permission set. Changes go in one Composite request with
 * allOrNone, so a refusal leaves every user as they were.
 */
import type { OrgConnection } from './auth.ts';
import { AdminError, explain } from './errors.ts';
import type { Output } from './output.ts';

export const PERMISSION_SET = 'Dialtone_Softphone';

export interface UsersArgs { action: 'add' | 'list' | 'remove'; usernames: string[]; profiles: string[]; permissionSets: string[]; callCenter: string }

interface UserRow { Id: string; Username: string; Name: string; CallCenterId: string | null; Profile?: { Name?: string } | null }

export const soqlText = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

async function query<T>(org: OrgConnection, soql: string, what: string): Promise<T[]> {
  try {
    return (await org.conn.query<T & Record<string, unknown>>(soql)).records;
  } catch (error) {
    throw explain(error, `${what} in ${org.alias}`);
  }
}

export async function findCallCenter(org: OrgConnection, internalName: string): Promise<{ Id: string; Name: string } | undefined> {
  return (await query<{ Id: string; Name: string }>(org, `SELECT Id, Name, InternalName FROM CallCenter WHERE InternalName = ${soqlText(internalName)}`, 'Looking up the call center'))[0];
}

export async function findPermissionSet(org: OrgConnection): Promise<string | undefined> {
  return (await query<{ Id: string }>(org, `SELECT Id FROM PermissionSet WHERE Name = ${soqlText(PERMISSION_SET)}`, 'Looking up the permission set'))[0]?.Id;
}

async function prerequisites(org: OrgConnection, callCenter: string): Promise<{ ccId: string; psId: string }> {
  const cc = await findCallCenter(org, callCenter);
  const psId = await findPermissionSet(org);
  if (!cc || !psId) {
    throw new AdminError('BAD_INPUT', `${org.alias} has no ${!cc ? `call center ${callCenter}` : ''}${!cc && !psId ? ' and no ' : ''}${!psId ? `permission set ${PERMISSION_SET}` : ''} yet.`, 'Deploy them first: dialtone-admin deploy (then run this command again).');
  }
  return { ccId: cc.Id, psId };
}

const USER_FIELDS = 'Id, Username, Name, CallCenterId, Profile.Name';

async function targets(org: OrgConnection, args: UsersArgs): Promise<UserRow[]> {
  const found = new Map<string, UserRow>();
  if (args.usernames.length > 0) {
    const rows = await query<UserRow>(org, `SELECT ${USER_FIELDS} FROM User WHERE Username IN (${args.usernames.map(soqlText).join(', ')})`, 'Looking up the users');
    const missing = args.usernames.filter((u) => !rows.some((r) => r.Username.toLowerCase() === u.toLowerCase()));
    if (missing.length > 0) throw new AdminError('BAD_INPUT', `No user named ${missing.join(', ')} in ${org.alias}.`, 'Give Salesforce usernames (as on Setup → Users), e.g. agent@acme.com; nothing was changed.');
    for (const r of rows) found.set(r.Id, r);
  }
  for (const profile of args.profiles) {
    const rows = await query<UserRow>(org, `SELECT ${USER_FIELDS} FROM User WHERE Profile.Name = ${soqlText(profile)} AND IsActive = true`, `Looking up the users of profile ${profile}`);
    if (rows.length === 0) throw new AdminError('BAD_INPUT', `No active user has the profile ${JSON.stringify(profile)} in ${org.alias}.`, 'Check the profile name (Setup → Profiles); nothing was changed.');
    for (const r of rows) found.set(r.Id, r);
  }
  for (const ps of args.permissionSets) {
    const assigned = await query<{ AssigneeId: string }>(org, `SELECT AssigneeId FROM PermissionSetAssignment WHERE PermissionSet.Name = ${soqlText(ps)}`, `Looking up who holds ${ps}`);
    if (assigned.length === 0) throw new AdminError('BAD_INPUT', `Nobody holds the permission set ${JSON.stringify(ps)} in ${org.alias}.`, 'Check its API name (Setup → Permission Sets); nothing was changed.');
    const rows = await query<UserRow>(org, `SELECT ${USER_FIELDS} FROM User WHERE Id IN (${assigned.map((a) => soqlText(a.AssigneeId)).join(', ')})`, 'Looking up the users');
    for (const r of rows) found.set(r.Id, r);
  }
  if (found.size === 0) throw new AdminError('BAD_USAGE', `users ${args.action} needs whom: --username U, --profile NAME or --permission-set NAME (each repeatable).`, 'e.g. dialtone-admin users add --profile "Call Center Agent"');
  return [...found.values()];
}

interface CompositeResponse { compositeResponse: { httpStatusCode: number; referenceId: string; body: unknown }[] }

async function composite(org: OrgConnection, requests: { method: string; url: string; referenceId: string; body?: unknown }[], who: ReadonlyMap<string, string>): Promise<void> {
  if (requests.length === 0) return;
  let response: CompositeResponse;
  try {
    response = await org.conn.requestPost<CompositeResponse>('/composite', { allOrNone: true, compositeRequest: requests });
  } catch (error) {
    throw explain(error, `Updating the users of ${org.alias}`);
  }
  const failed = response.compositeResponse.filter((r) => r.httpStatusCode >= 400 && !JSON.stringify(r.body).includes('PROCESSING_HALTED'));
  if (failed.length > 0) {
    const first = (failed[0]!.body as { errorCode?: string; message?: string }[])[0] ?? {};
    const explained = explain({ errorCode: first.errorCode, message: `${who.get(failed[0]!.referenceId) ?? failed[0]!.referenceId}: ${first.message ?? ''}` }, `Updating the users of ${org.alias}`);
    throw new AdminError(explained.kind, `${explained.message} Nothing was changed: the request was all-or-none.`, explained.fix, explained.code);
  }
}

const base = (org: OrgConnection): string => `/services/data/v${org.conn.version}/sobjects`;

export async function runUsers(out: Output, org: OrgConnection, args: UsersArgs): Promise<unknown> {
  const { ccId, psId } = await prerequisites(org, args.callCenter);
  const assignments = await query<{ Id: string; AssigneeId: string }>(org, `SELECT Id, AssigneeId FROM PermissionSetAssignment WHERE PermissionSetId = ${soqlText(psId)}`, 'Reading the permission set assignments');
  const holds = new Map(assignments.map((a) => [a.AssigneeId, a.Id]));
  if (args.action === 'list') {
    const members = await query<UserRow>(org, `SELECT ${USER_FIELDS} FROM User WHERE CallCenterId = ${soqlText(ccId)} ORDER BY Username`, 'Reading the call center users');
    const extra = assignments.filter((a) => !members.some((m) => m.Id === a.AssigneeId)).length;
    const rows = members.map((m) => ({ username: m.Username, name: m.Name, profile: m.Profile?.Name ?? '', permissionSet: holds.has(m.Id) }));
    out.line(rows.length === 0 ? `Nobody is in the call center ${args.callCenter} yet: dialtone-admin users add --username …` : `${rows.length} user${rows.length === 1 ? '' : 's'} in ${args.callCenter}:`);
    for (const r of rows) out.line(`  ${r.username}  (${r.profile})${r.permissionSet ? '' : `  — missing permission set ${PERMISSION_SET}: users add --username ${r.username}`}`);
    if (extra > 0) out.line(`${extra} user(s) hold ${PERMISSION_SET} but are not in the call center.`);
    return { callCenter: args.callCenter, users: rows };
  }
  const users = await targets(org, args);
  const requests: { method: string; url: string; referenceId: string; body?: unknown }[] = [];
  const changed: string[] = [];
  users.forEach((u, i) => {
    const inCenter = u.CallCenterId !== null && u.CallCenterId.slice(0, 15) === ccId.slice(0, 15);
    const assignment = holds.get(u.Id);
    if (args.action === 'add') {
      if (!inCenter) requests.push({ method: 'PATCH', url: `${base(org)}/User/${u.Id}`, referenceId: `user${i}`, body: { CallCenterId: ccId } });
      if (assignment === undefined) requests.push({ method: 'POST', url: `${base(org)}/PermissionSetAssignment`, referenceId: `assign${i}`, body: { AssigneeId: u.Id, PermissionSetId: psId } });
      if (!inCenter || assignment === undefined) changed.push(u.Username);
    } else {
      if (inCenter) requests.push({ method: 'PATCH', url: `${base(org)}/User/${u.Id}`, referenceId: `user${i}`, body: { CallCenterId: null } });
      if (assignment !== undefined) requests.push({ method: 'DELETE', url: `${base(org)}/PermissionSetAssignment/${assignment}`, referenceId: `unassign${i}` });
      if (inCenter || assignment !== undefined) changed.push(u.Username);
    }
  });
  await composite(org, requests, new Map(requests.map((r) => [r.referenceId, users[Number(/\d+$/.exec(r.referenceId)?.[0] ?? -1)]?.Username ?? r.referenceId])));
  const verb = args.action === 'add' ? 'added to' : 'removed from';
  if (changed.length === 0) out.line(`Nothing changed: ${users.length === 1 ? 'the user was' : `all ${users.length} users were`} already ${args.action === 'add' ? 'in' : 'out of'} ${args.callCenter} ${args.action === 'add' ? 'with' : 'and without'} ${PERMISSION_SET}.`);
  else out.line(`${changed.length} user${changed.length === 1 ? '' : 's'} ${verb} ${args.callCenter} and the permission set ${PERMISSION_SET}: ${changed.join(', ')}`);
  return { action: args.action, callCenter: args.callCenter, changed, unchanged: users.map((u) => u.Username).filter((u) => !changed.includes(u)) };
}
