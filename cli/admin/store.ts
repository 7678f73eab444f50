/**
 * Where `dialtone-admin` remembers the orgs an admin logged in to: `orgs.json` in
 * `$DIALTONE_ADMIN_HOME` (default `~/.config/dialtone-admin`), mode 0600. Tokens in it are
 * encrypted with AES-256-GCM under a random key kept in `key` beside it (0600): the file can be
 * shown, copied into a backup or grepped without giving the session away. Like the sf CLI's
 * generic Unix keychain, this does not protect against someone who can read the admin's home.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { AdminError } from './errors.ts';

export type AuthFlow = 'web' | 'jwt' | 'password' | 'sf';

export interface StoredOrg {
  flow: AuthFlow;
  loginUrl: string;
  instanceUrl: string;
  username: string;
  clientId: string;
  /** JWT flow: the private key's path (the key itself is never copied). */
  keyFile?: string;
  /** sf flow: the sf CLI alias or username whose auth is reused. */
  sfOrg?: string;
  /** `iv.tag.ciphertext` (base64url) of {accessToken, refreshToken}. */
  secrets?: string;
}

export interface Secrets { accessToken?: string; refreshToken?: string }

export function storeHome(): string {
  return process.env.DIALTONE_ADMIN_HOME ?? join(homedir(), '.config', 'dialtone-admin');
}

function ensureHome(): string {
  const home = storeHome();
  mkdirSync(home, { recursive: true, mode: 0o700 });
  return home;
}

function key(): Buffer {
  const file = join(ensureHome(), 'key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  const k = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (k.length !== 32) throw new AdminError('AUTH', `The key file ${file} is damaged (expected 32 bytes of base64).`, `Delete ${file} and orgs.json beside it, then log in again with dialtone-admin auth.`);
  return k;
}

export function encrypt(secrets: Secrets): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.');
}

export function decrypt(text: string, alias: string): Secrets {
  try {
    const [iv, tag, data] = text.split('.').map((p) => Buffer.from(p, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', key(), iv!);
    decipher.setAuthTag(tag!);
    return JSON.parse(Buffer.concat([decipher.update(data!), decipher.final()]).toString('utf8')) as Secrets;
  } catch {
    throw new AdminError('AUTH', `The saved login of ${alias} cannot be decrypted (the key file changed or orgs.json was edited).`, `Log in again: dialtone-admin auth web --alias ${alias}.`);
  }
}

export function readOrgs(): Record<string, StoredOrg> {
  const file = join(storeHome(), 'orgs.json');
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, StoredOrg>;
  } catch (error) {
    throw new AdminError('AUTH', `${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`, `Delete ${file} and log in again with dialtone-admin auth.`);
  }
}

export function saveOrg(alias: string, org: StoredOrg | undefined): void {
  const orgs = readOrgs();
  const next = Object.fromEntries(Object.entries(orgs).filter(([name]) => name !== alias));
  if (org !== undefined) next[alias] = org;
  const file = join(ensureHome(), 'orgs.json');
  writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}
