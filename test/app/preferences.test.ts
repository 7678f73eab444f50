import { afterEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { PreferenceKeeper } from '../../src/app/preferences.ts';
import type { SoftphoneIntent } from '../../src/view/agent-view.ts';
import { openStore, type DialtoneStore } from '../../src/storage/index.ts';
import { freshDatabaseName } from '../storage/support.ts';

type LoginIntent = Extract<SoftphoneIntent, { kind: 'login' }>;

const NEO_PASSWORD = 'neo-Xq7vZk-secret';
const DEVICE_PASSWORD = 'sip-Wm3rT-secret';
const LOGIN: LoginIntent = {
  kind: 'login', user: '1001', device: '1001', password: NEO_PASSWORD, devicePassword: DEVICE_PASSWORD, campaign: null, remember: true, rememberDevicePassword: true,
};
/** The additional data the vault binds its ciphertexts to: public, it ships in the bundle. */
const VAULT_AAD = new TextEncoder().encode('dialtone/vault/secret/v1');

const opened: DialtoneStore[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

function keeper(name: string, allowRememberDevicePassword: boolean, warnings: string[] = []): PreferenceKeeper {
  return new PreferenceKeeper((message) => warnings.push(message), { allowRememberDevicePassword }, async () => {
    const store = await openStore({ name });
    opened.push(store);
    return store;
  });
}

/** A keeper that loaded and remembered `login`, as after a first login in this browser. */
async function afterLogin(name: string, allowed: boolean, login: LoginIntent = LOGIN): Promise<PreferenceKeeper> {
  const prefs = keeper(name, allowed);
  await prefs.load();
  await prefs.rememberLogin(login);
  return prefs;
}

/**
 * Everything the database holds, as an attacker with the profile would read it: every record of
 * every store, plus whatever the vault's ciphertext decrypts to with the key stored next to it.
 */
async function everythingStored(name: string): Promise<{ raw: string; decrypted: string[]; records: Record<string, unknown[]> }> {
  const db = await openDB(name);
  const records: Record<string, unknown[]> = {};
  const keys: CryptoKey[] = [];
  const sealed: { iv: Uint8Array<ArrayBuffer>; ciphertext: ArrayBuffer }[] = [];
  try {
    for (const store of db.objectStoreNames) {
      const values = await db.getAll(store);
      records[store] = values;
      for (const value of values) {
        const v = value as Record<string, unknown>;
        if (v.key instanceof CryptoKey) keys.push(v.key);
        if (v.iv instanceof Uint8Array && v.ciphertext instanceof ArrayBuffer) sealed.push({ iv: v.iv as Uint8Array<ArrayBuffer>, ciphertext: v.ciphertext });
      }
    }
  } finally {
    db.close();
  }
  const decrypted: string[] = [];
  for (const key of keys) {
    for (const { iv, ciphertext } of sealed) {
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: VAULT_AAD }, key, ciphertext);
      decrypted.push(new TextDecoder().decode(plain));
    }
  }
  const raw = JSON.stringify(records, (_k, value: unknown) => (value instanceof ArrayBuffer || value instanceof Uint8Array ? new TextDecoder().decode(value) : value));
  return { raw, decrypted, records };
}

describe('the remembered login (PreferenceKeeper)', () => {
  it('never stores the NeoApi password, not even sealed, whatever the agent ticks', async () => {
    const name = freshDatabaseName();
    await afterLogin(name, true);
    const { raw, decrypted } = await everythingStored(name);
    expect(raw).not.toContain(NEO_PASSWORD);
    expect(decrypted.join('\n')).not.toContain(NEO_PASSWORD);
    // The device password is there, sealed: absent from the raw records, present once opened.
    expect(raw).not.toContain(DEVICE_PASSWORD);
    expect(decrypted).toEqual([JSON.stringify({ v: 2, device: '1001', devicePassword: DEVICE_PASSWORD })]);
  });

  it('keeps no device password when the admin does not allow it, even if the agent asks', async () => {
    const name = freshDatabaseName();
    const prefs = keeper(name, false);
    await prefs.load();
    const after = await prefs.rememberLogin(LOGIN);
    expect(after.devicePasswordRemembered).toBe(false);
    expect(after).toMatchObject({ user: '1001', device: '1001' });
    const { raw, records } = await everythingStored(name);
    expect(records.vault).toEqual([]);
    expect(raw).not.toContain(DEVICE_PASSWORD);
  });

  it('keeps the device password only when the agent ticks it, and forgets it when unticked', async () => {
    const name = freshDatabaseName();
    const prefs = keeper(name, true);
    await prefs.load();
    expect((await prefs.rememberLogin({ ...LOGIN, rememberDevicePassword: false })).devicePasswordRemembered).toBe(false);
    expect((await everythingStored(name)).records.vault).toEqual([]);
    expect((await prefs.rememberLogin(LOGIN)).devicePasswordRemembered).toBe(true);
    expect((await prefs.rememberLogin({ ...LOGIN, rememberDevicePassword: false })).devicePasswordRemembered).toBe(false);
    expect((await everythingStored(name)).records.vault).toEqual([]);
  });

  it('wipes a kept device password, key included, at the next load once the admin forbids keeping it', async () => {
    const name = freshDatabaseName();
    await afterLogin(name, true);
    const forbidden = keeper(name, false);
    expect((await forbidden.load()).devicePasswordRemembered).toBe(false);
    expect((await everythingStored(name)).records.vault).toEqual([]);
    expect(await forbidden.completeLogin({ ...LOGIN, devicePassword: '' })).toMatchObject({ devicePassword: '' });
  });

  it('fills an empty device password from the vault for the same device only, and never the NeoApi password', async () => {
    const name = freshDatabaseName();
    await afterLogin(name, true);
    const later = keeper(name, true);
    expect((await later.load()).devicePasswordRemembered).toBe(true);
    const typed = { ...LOGIN, password: '', devicePassword: '' };
    expect(await later.completeLogin(typed)).toEqual({ ...typed, devicePassword: DEVICE_PASSWORD });
    expect(await later.completeLogin({ ...typed, device: '1002' })).toEqual({ ...typed, device: '1002' });
  });

  it('wipes a vault record an older build sealed with the NeoApi password, instead of using it', async () => {
    const name = freshDatabaseName();
    const store = await openStore({ name });
    opened.push(store);
    await store.vault.save(JSON.stringify({ v: 1, devicePassword: DEVICE_PASSWORD, password: NEO_PASSWORD }));
    const warnings: string[] = [];
    const prefs = keeper(name, true, warnings);
    expect((await prefs.load()).devicePasswordRemembered).toBe(false);
    expect((await everythingStored(name)).records.vault).toEqual([]);
    expect(await prefs.completeLogin({ ...LOGIN, password: '', devicePassword: '' })).toMatchObject({ password: '', devicePassword: '' });
  });

  it('keeps the chosen panel language for the next page load, and following Salesforce again forgets it', async () => {
    const name = freshDatabaseName();
    const first = keeper(name, false);
    await first.load();
    expect((await first.apply({ kind: 'setLanguage', language: 'pt' })).language).toBe('pt');
    const reloaded = keeper(name, false);
    expect((await reloaded.load()).language, 'a reload reads the choice back').toBe('pt');
    expect((await reloaded.apply({ kind: 'setLanguage', language: null })).language).toBeNull();
    expect((await keeper(name, false).load()).language, '"Same as Salesforce" leaves nothing stored').toBeNull();
  });

  it('"forget me" erases every preference and the vault, and keeps the Task logs waiting for Salesforce', async () => {
    const name = freshDatabaseName();
    const prefs = await afterLogin(name, true);
    await prefs.apply({ kind: 'setPanelSize', width: 360, height: 600 });
    await prefs.apply({ kind: 'setAudioDevice', role: 'microphone', deviceId: 'mic-2' });
    const store = await openStore({ name });
    opened.push(store);
    await store.outbox.enqueue('call-1', { Subject: 'Call' }, { now: Date.now() });
    const after = await prefs.apply({ kind: 'forgetMe' });
    expect(after).toMatchObject({ user: '', device: '', devicePasswordRemembered: false, panelWidth: null, microphoneId: null });
    const { records } = await everythingStored(name);
    expect(records.prefs).toEqual([]);
    expect(records.vault).toEqual([]);
    expect(records.outbox).toHaveLength(1);
    expect((await keeper(name, true).load())).toMatchObject({ user: '', device: '', devicePasswordRemembered: false });
  });
});

describe('reading the vault at start-up and login', () => {
  it('decrypts the remembered device password once: the login uses what start-up read', async () => {
    const name = freshDatabaseName();
    await afterLogin(name, true);
    let loads = 0;
    const prefs = new PreferenceKeeper(() => undefined, { allowRememberDevicePassword: true }, async () => {
      const store = await openStore({ name });
      opened.push(store);
      const load = store.vault.load.bind(store.vault);
      return { ...store, vault: { ...store.vault, load: () => (loads++, load()) } };
    });
    expect((await prefs.load()).devicePasswordRemembered).toBe(true);
    const completed = await prefs.completeLogin({ ...LOGIN, devicePassword: '' });
    expect(completed.devicePassword).toBe(DEVICE_PASSWORD);
    expect(loads).toBe(1);
  });
});
