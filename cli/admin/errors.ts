/**
 * What went wrong, said so an admin can act: what happened, where (the org, the API call), and
 * what to do. Salesforce's fault codes (from jsforce's errors) map to a fix each.
 */
export type AdminErrorKind = 'BAD_USAGE' | 'BAD_INPUT' | 'AUTH' | 'SALESFORCE' | 'DEPLOY_FAILED' | 'PROBLEMS_FOUND';

export class AdminError extends Error {
  constructor(readonly kind: AdminErrorKind, message: string, readonly fix: string, readonly code?: string) {
    super(message);
    this.name = 'AdminError';
  }

  /** 2 for a command line that cannot run, 1 for everything else that failed. */
  get exitCode(): number {
    return this.kind === 'BAD_USAGE' ? 2 : 1;
  }
}

const FIXES: Readonly<Record<string, { what: string; fix: string }>> = {
  INVALID_SESSION_ID: {
    what: 'Salesforce refused the session: it expired, was revoked, or belongs to another org',
    fix: 'Log in again: dialtone-admin auth web --alias ORG (or auth jwt for CI), then run the command again.',
  },
  API_DISABLED_FOR_ORG: {
    what: 'this org or user may not use the Salesforce API',
    fix: 'Use an edition with API access (Enterprise, Unlimited, Developer, or Professional with the API add-on) and give the admin\'s profile the "API Enabled" permission.',
  },
  INSUFFICIENT_ACCESS: {
    what: 'the logged-in user lacks the permission for this',
    fix: 'Log in as a System Administrator, or give the user "Modify Metadata Through Metadata API Functions" (or "Modify All Data") and "Manage Call Centers".',
  },
  INSUFFICIENT_ACCESS_OR_READONLY: {
    what: 'the logged-in user may not change these records',
    fix: 'Log in as an admin with "Manage Users" and "Manage Call Centers", then run the command again.',
  },
  INVALID_FIELD: {
    what: 'Salesforce does not know a field the command uses',
    fix: 'If the field is CallCenterId, the org has no call-center (Open CTI) feature: enable it or use an edition that has it. Otherwise deploy the apex/ package first (dialtone-admin deploy).',
  },
  FIELD_INTEGRITY_EXCEPTION: {
    what: 'Salesforce refused a value for this user or record',
    fix: 'Leave out users whose license cannot run a softphone (e.g. Chatter Free, which cannot hold a permission set with Apex class access), or give them a Salesforce license first.',
  },
  INVALID_TYPE: {
    what: 'Salesforce does not know an object the command uses',
    fix: 'Deploy the apex/ package first (dialtone-admin deploy), or check the org has the call-center feature.',
  },
};

interface SalesforceLike { errorCode?: unknown; name?: unknown; message?: unknown }

/** Turns a jsforce / OAuth error into an AdminError naming the call and the org. */
export function explain(error: unknown, where: string): AdminError {
  if (error instanceof AdminError) return error;
  const e = (error ?? {}) as SalesforceLike;
  const raw = typeof e.errorCode === 'string' ? e.errorCode : typeof e.name === 'string' ? e.name : '';
  const code = raw.replace(/^sf:/, '');
  const message = typeof e.message === 'string' ? e.message.trim() : String(error);
  const known = FIXES[code] ?? (code.startsWith('INSUFFICIENT_ACCESS') ? FIXES.INSUFFICIENT_ACCESS : undefined);
  if (known) return new AdminError('SALESFORCE', `${where}: ${known.what} (${code}: ${firstLines(message)}).`, known.fix, code);
  if (/^(invalid_grant|invalid_client_id|invalid_client|redirect_uri_mismatch|unsupported_grant_type)$/.test(code)) {
    return new AdminError('AUTH', `${where}: Salesforce refused the login (${code}: ${message}).`, 'Check the connected app\'s consumer key, callback URL and certificate, and that the user is pre-authorized for the app; docs/admin-cli.md#connected-app.', code);
  }
  if (/ECONNREFUSED|ENOTFOUND|fetch failed|EAI_AGAIN|ETIMEDOUT/i.test(message)) {
    return new AdminError('SALESFORCE', `${where}: cannot reach Salesforce (${message}).`, 'Check the login/instance URL (--login-url) and the network, then try again.', 'NETWORK');
  }
  return new AdminError('SALESFORCE', `${where}: ${code ? `${code}: ` : ''}${firstLines(message)}`, 'See the message above; run with --json for the raw details, or dialtone-admin doctor for a diagnosis.', code || undefined);
}

function firstLines(text: string): string {
  // SOQL errors carry the query and a caret line; keep the sentence that names the problem.
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^\^$/.test(l));
  return lines.length > 1 ? lines.filter((l) => !l.startsWith("ERROR at Row")).slice(-1)[0] ?? text : text;
}
