/**
 * `dialtone-admin` (`npm run admin -- …`): sets a Salesforce org up for Dialtone.
 * Commands: auth, check, deploy, users, doctor; `--json` on each. docs/admin-cli.md.
 * Exit status: 0 done (doctor: all green), 1 failed or problems found, 2 bad command line.
 */
import { validateConfig } from '../../src/config/index.ts';
import { formatIssue, placeholderSettings } from '../check-call-center.ts';
import { all, one, parseArgs, required, setPairs, type Parsed } from './args.ts';
import { connect, loginJwt, loginPassword, loginSf, loginWeb } from './auth.ts';
import { readDefinition, readSettingsFile, resolveValues } from './call-center.ts';
import { runDeploy } from './deploy.ts';
import { runDoctor } from './doctor.ts';
import { AdminError } from './errors.ts';
import { Output, type Write } from './output.ts';
import { readOrgs, saveOrg, storeHome } from './store.ts';
import { runUsers } from './users.ts';

export const USAGE = `dialtone-admin — set up a Salesforce org for Dialtone (docs/admin-cli.md)

  auth web      --alias A --login-url URL --client-id KEY [--port 1717]   log in in a browser (OAuth2 + PKCE)
  auth jwt      --alias A --login-url URL --client-id KEY --username U --key-file server.key   (CI)
  auth sf       --alias A --sf-org SF_ALIAS                               reuse an sf CLI login
  auth password --alias A --login-url URL --client-id KEY --username U --i-understand-password-login
                [--password-env VAR] [--client-secret-env VAR]            legacy; password+token from the environment
  auth list | auth logout --alias A
  check   [--xml callcenter-definition.xml] [--set item=value …] [--settings values.json]
  deploy  [--org A] [--dry-run] [--xml …] [--set item=value …] [--settings values.json]
          [--apex-dir apex] [--no-apex] [--utility-bar PAGE …]
  users   add|remove [--org A] --username U … | --profile NAME … | --permission-set NAME …
  users   list [--org A]
  doctor  [--org A] [--skip-tests] [--call-center DialtoneCTI]

  --json on every command prints one JSON document on stdout; messages go to stderr.`;

function values(p: Parsed): Record<string, string> {
  const fromFile = one(p, 'settings');
  return { ...(fromFile === undefined ? {} : readSettingsFile(fromFile)), ...setPairs(p) };
}

async function auth(out: Output, p: Parsed): Promise<unknown> {
  const action = p.action ?? 'list';
  if (action === 'list') {
    const orgs = Object.entries(readOrgs()).map(([alias, o]) => ({ alias, flow: o.flow, username: o.username, instanceUrl: o.instanceUrl }));
    out.line(orgs.length === 0 ? 'No org is logged in: dialtone-admin auth web --alias ORG …' : orgs.map((o) => `${o.alias}  ${o.username}  ${o.instanceUrl}  (${o.flow})`).join('\n'));
    return { orgs, store: storeHome() };
  }
  const alias = required(p, 'alias', 'Name the org, e.g. --alias acme-prod; later commands take --org acme-prod.');
  if (action === 'logout') {
    saveOrg(alias, undefined);
    out.line(`Forgot ${alias} (its saved login is deleted; revoke the session in Setup → Connected Apps OAuth Usage if it may have leaked).`);
    return { alias, loggedOut: true };
  }
  const loginUrl = (): string => required(p, 'login-url', 'e.g. --login-url https://acme.my.salesforce.com (sandboxes: https://acme--uat.sandbox.my.salesforce.com).');
  const clientId = (): string => required(p, 'client-id', 'The connected app\'s consumer key (docs/admin-cli.md#connected-app).');
  let stored;
  if (action === 'web') {
    const port = Number(one(p, 'port') ?? 1717);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AdminError('BAD_USAGE', `--port expects a port number; received ${JSON.stringify(one(p, 'port'))}.`, 'Use the port of the connected app\'s callback URL http://localhost:PORT/OauthRedirect.');
    stored = await loginWeb(out, alias, loginUrl(), clientId(), port);
  } else if (action === 'jwt') {
    stored = await loginJwt(out, loginUrl(), clientId(), required(p, 'username', 'The Salesforce username CI acts as.'), required(p, 'key-file', 'The PEM private key of the connected app\'s certificate.'));
  } else if (action === 'sf') {
    stored = await loginSf(out, required(p, 'sf-org', 'An alias or username from sf org list.'));
  } else if (action === 'password') {
    if (!p.flags.has('i-understand-password-login')) throw new AdminError('BAD_USAGE', 'Password login is legacy and off unless asked for explicitly.', 'Prefer auth web or auth jwt; if you must, add --i-understand-password-login and put the password + security token in DIALTONE_SF_PASSWORD (never on the command line).');
    const passwordVar = one(p, 'password-env') ?? 'DIALTONE_SF_PASSWORD';
    const secretVar = one(p, 'client-secret-env') ?? 'DIALTONE_SF_CLIENT_SECRET';
    const password = process.env[passwordVar];
    const secret = process.env[secretVar];
    if (!password || !secret) throw new AdminError('BAD_USAGE', `Password login reads the password followed by the security token from $${passwordVar} and the consumer secret from $${secretVar}; ${!password ? passwordVar : secretVar} is empty.`, 'Set both variables in the environment (never pass secrets as arguments: other users can see them in ps).');
    stored = await loginPassword(out, loginUrl(), clientId(), secret, required(p, 'username', 'The Salesforce username.'), password);
  } else {
    throw new AdminError('BAD_USAGE', `Unknown auth action ${JSON.stringify(action)}.`, 'Use auth web, jwt, sf, password, list or logout.');
  }
  saveOrg(alias, stored);
  out.line(`Logged in to ${stored.instanceUrl} as ${stored.username}; saved as ${alias} (${stored.flow}${stored.flow === 'jwt' || stored.flow === 'sf' ? ', no token stored' : ', token encrypted'} in ${storeHome()}).`);
  return { alias, flow: stored.flow, username: stored.username, instanceUrl: stored.instanceUrl };
}

function check(out: Output, p: Parsed): { ok: boolean; settings: Record<string, string>; problems: string[]; warnings: string[] } {
  const xml = one(p, 'xml') ?? 'callcenter-definition.xml';
  const settings = { ...readDefinition(xml) };
  Object.assign(settings, resolveValues(settings, values(p), xml));
  const config = validateConfig(settings);
  const problems = config.ok ? [] : config.errors.map((issue) => formatIssue(xml, issue));
  const warnings = placeholderSettings(settings).map((path) => `${path} still points at the example.com placeholder (${settings[path] ?? ''})`);
  for (const w of warnings) out.warn(w);
  if (problems.length > 0) out.info(`${xml} imports, but the softphone would not start with these values:\n${problems.map((l) => `  ${l}`).join('\n')}`);
  else out.line(`${xml}: imports into Salesforce and configures the softphone (${Object.keys(settings).length} settings).`);
  return { ok: problems.length === 0, settings, problems, warnings };
}

export interface Io { stdout: Write; stderr: Write; tty: boolean; cwd: string }

export async function run(argv: readonly string[], io: Io): Promise<number> {
  let out = new Output(argv.includes('--json'), io.stdout, io.stderr, io.tty);
  try {
    const p = parseArgs(argv);
    out = new Output(p.json, io.stdout, io.stderr, io.tty && !p.json);
    if (p.command === 'help' || p.flags.has('help')) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    let result: unknown;
    let status = 0;
    if (p.command === 'auth') result = await auth(out, p);
    else if (p.command === 'check') {
      const r = check(out, p);
      result = r;
      status = r.ok ? 0 : 1;
    } else if (p.command === 'deploy') {
      result = await runDeploy(out, await connect(out, one(p, 'org')), {
        dryRun: p.flags.has('dry-run'), xml: one(p, 'xml') ?? 'callcenter-definition.xml', values: values(p),
        apexDir: one(p, 'apex-dir') ?? 'apex', withApex: !p.flags.has('no-apex'), utilityBars: all(p, 'utility-bar'), cwd: io.cwd,
      });
    } else if (p.command === 'users') {
      const action = p.action ?? 'list';
      if (action !== 'add' && action !== 'remove' && action !== 'list') throw new AdminError('BAD_USAGE', `Unknown users action ${JSON.stringify(action)}.`, 'Use users add, users list or users remove.');
      result = await runUsers(out, await connect(out, one(p, 'org')), { action, usernames: all(p, 'username'), profiles: all(p, 'profile'), permissionSets: all(p, 'permission-set'), callCenter: one(p, 'call-center') ?? 'DialtoneCTI' });
    } else if (p.command === 'doctor') {
      const r = await runDoctor(out, await connect(out, one(p, 'org')), { callCenter: one(p, 'call-center') ?? 'DialtoneCTI', apexDir: one(p, 'apex-dir') ?? 'apex', runTests: !p.flags.has('skip-tests') });
      result = r;
      status = r.ok ? 0 : 1;
    } else {
      throw new AdminError('BAD_USAGE', `Unknown command ${JSON.stringify(p.command)}.`, 'Run dialtone-admin help.');
    }
    out.result({ ok: status === 0, ...(result as object) });
    return status;
  } catch (error) {
    const e = error instanceof AdminError ? error : new AdminError('SALESFORCE', `Unexpected failure: ${error instanceof Error ? error.message : String(error)}`, 'Run again; if it repeats, report it with the command line (tokens are never printed).');
    out.endProgress();
    out.info(`error: ${e.message}\n  fix: ${e.fix}`);
    out.result({ ok: false, error: { kind: e.kind, code: e.code, message: e.message, fix: e.fix, details: (e as { details?: unknown }).details } });
    return e.exitCode;
  }
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const status = await run(process.argv.slice(2), { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), tty: process.stderr.isTTY, cwd: process.cwd() });
  // jsforce keeps sockets alive; leave once the output is flushed.
  process.stdout.write('', () => process.exit(status));
}
