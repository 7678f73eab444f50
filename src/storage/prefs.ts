import { describeValue } from '../shared/errors.ts';
import type { Language } from '../i18n/index.ts';
import { StorageError } from './errors.ts';
import type { DialtoneDb } from './schema.ts';

/** The panel size the agent last left, in CSS pixels (Open CTI's ranges). */
export interface PanelSize {
  readonly width: number;
  readonly height: number;
}

/**
 * Everything Dialtone remembers between sessions, per browser profile and adapter origin.
 * Secrets never go here: a device password the admin lets agents keep lives in the vault, the
 * NeoApi password nowhere (docs/security.md).
 */
export interface Prefs {
  /** NeoApi user last logged in (pre-fills the login form). */
  user: string;
  /** Device / extension last used. */
  device: string;
  /** UI language the agent picked, overriding the call-center default. */
  language: Language;
  /** Last panel size (`setSoftphonePanelWidth/Height`). */
  panelSize: PanelSize;
  /** Minimise the utility panel after a call ends. */
  autoMinimise: boolean;
  /** `MediaDeviceInfo.deviceId` of the microphone. */
  microphoneId: string;
  /** `deviceId` of the speaker/headset for the call audio. */
  speakerId: string;
  /** `deviceId` of the output that rings (often the laptop speaker). */
  ringerId: string;
  /** Each agent's directory favourites, by NeoApi user (docs/directory.md); "forget me" clears them. */
  favourites: Readonly<Record<string, readonly StoredFavourite[]>>;
}

/** One directory favourite as stored: what to show and how to reach it. */
export interface StoredFavourite {
  readonly kind: 'user' | 'queue' | 'record' | 'number';
  /** The platform user or queue id, the Salesforce record id, or the number. */
  readonly id: string;
  readonly name: string;
  readonly number: string | null;
  /** The record's object API name (`Contact`), for records. */
  readonly objectType: string | null;
}

/** Most favourites kept per agent. */
export const MAX_FAVOURITES = 50;

function isFavourite(value: unknown): value is StoredFavourite {
  if (typeof value !== 'object' || value === null) return false;
  const f = value as Record<string, unknown>;
  return (
    ['user', 'queue', 'record', 'number'].includes(String(f.kind)) && isShortText(f.id) && typeof f.name === 'string' && f.name.length <= 256 &&
    (f.number === null || isShortText(f.number)) && (f.objectType === null || isShortText(f.objectType))
  );
}

function isFavourites(value: unknown): value is Prefs['favourites'] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value as Record<string, unknown>).every((list) => Array.isArray(list) && list.length <= MAX_FAVOURITES && list.every(isFavourite));
}

/** The name of one preference. */
export type PrefName = keyof Prefs;

// Adapters may only import types from src/i18n, so the languages are repeated here; the
// `Record<Language, true>` type fails the build if i18n gains or loses one and this was not updated.
const EVERY_LANGUAGE: Record<Language, true> = { es: true, pt: true, en: true };
const STORED_LANGUAGES = Object.keys(EVERY_LANGUAGE);

const DEVICE_ID = /^[\x20-\x7e]{1,256}$/;

function isShortText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= 256;
}

function isPanelSize(value: unknown): value is PanelSize {
  if (typeof value !== 'object' || value === null) return false;
  const { width, height } = value as Record<string, unknown>;
  return (
    Number.isInteger(width) && Number.isInteger(height) &&
    (width as number) >= 200 && (width as number) <= 1920 &&
    (height as number) >= 240 && (height as number) <= 2560
  );
}

/** One validator per preference plus the words used when a value is refused. */
interface Rule {
  readonly check: (value: unknown) => boolean;
  readonly expected: string;
}

const RULES: Readonly<Record<PrefName, Rule>> = {
  user: { check: isShortText, expected: 'a non-blank string of at most 256 characters' },
  device: { check: isShortText, expected: 'a non-blank string of at most 256 characters' },
  language: {
    check: (v) => typeof v === 'string' && STORED_LANGUAGES.includes(v),
    expected: `one of ${STORED_LANGUAGES.join(', ')}`,
  },
  panelSize: { check: isPanelSize, expected: '{ width: integer 200–1920, height: integer 240–2560 }' },
  autoMinimise: { check: (v) => typeof v === 'boolean', expected: 'true or false' },
  microphoneId: { check: (v) => typeof v === 'string' && DEVICE_ID.test(v), expected: 'a MediaDeviceInfo.deviceId (printable ASCII, 1–256 characters)' },
  speakerId: { check: (v) => typeof v === 'string' && DEVICE_ID.test(v), expected: 'a MediaDeviceInfo.deviceId (printable ASCII, 1–256 characters)' },
  ringerId: { check: (v) => typeof v === 'string' && DEVICE_ID.test(v), expected: 'a MediaDeviceInfo.deviceId (printable ASCII, 1–256 characters)' },
  favourites: { check: isFavourites, expected: `an object of agent → up to ${MAX_FAVOURITES} favourites { kind, id, name, number, objectType }` },
};

function isPrefName(name: unknown): name is PrefName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(RULES, name);
}

/** Typed access to the `prefs` store. Every value is validated on write and on read. */
export interface PrefsStore {
  /** The stored value, or `undefined` if never set. Rejects `CORRUPT_RECORD` for a bad record. */
  get<K extends PrefName>(name: K): Promise<Prefs[K] | undefined>;
  /** Stores `value`. Rejects `INVALID_VALUE` (nothing written) if it breaks the rule for `name`. */
  set<K extends PrefName>(name: K, value: Prefs[K]): Promise<void>;
  /** Forgets one preference. */
  remove(name: PrefName): Promise<void>;
  /** Forgets every preference, including ones a newer build wrote ("forget me"). */
  clear(): Promise<void>;
  /** Every valid stored preference; corrupt ones are left out (and reported in `corrupt`). */
  getAll(): Promise<{ prefs: Partial<Prefs>; corrupt: PrefName[] }>;
}

/** Builds the prefs API over an open connection (`where` prefixes error locations). */
export function createPrefsStore(db: () => DialtoneDb, databaseName: string): PrefsStore {
  const where = (name: string): string => `${databaseName}/prefs/${name}`;

  function assertName(name: unknown): asserts name is PrefName {
    if (!isPrefName(name)) {
      throw new StorageError('INVALID_VALUE', where(String(name)), `unknown preference ${describeValue(name)}; expected one of ${Object.keys(RULES).join(', ')}.`);
    }
  }

  return {
    async get(name) {
      assertName(name);
      const value = await db().get('prefs', name).catch((cause: unknown) => {
        throw new StorageError('READ_FAILED', where(name), 'IndexedDB could not read the preference.', { cause });
      });
      if (value === undefined) return undefined;
      if (!RULES[name].check(value)) {
        throw new StorageError('CORRUPT_RECORD', where(name), `stored value ${describeValue(value)} is not ${RULES[name].expected}.`);
      }
      return value as Prefs[typeof name];
    },
    async set(name, value) {
      assertName(name);
      if (!RULES[name].check(value)) {
        throw new StorageError('INVALID_VALUE', where(name), `refused ${describeValue(value)}; expected ${RULES[name].expected}.`);
      }
      await db().put('prefs', value, name).catch((cause: unknown) => {
        throw new StorageError('WRITE_FAILED', where(name), 'IndexedDB could not write the preference.', { cause });
      });
    },
    async remove(name) {
      assertName(name);
      await db().delete('prefs', name).catch((cause: unknown) => {
        throw new StorageError('WRITE_FAILED', where(name), 'IndexedDB could not delete the preference.', { cause });
      });
    },
    async clear() {
      await db().clear('prefs').catch((cause: unknown) => {
        throw new StorageError('WRITE_FAILED', where('*'), 'IndexedDB could not clear the preferences.', { cause });
      });
    },
    async getAll() {
      const tx = db().transaction('prefs', 'readonly');
      const prefs: Record<string, unknown> = {};
      const corrupt: PrefName[] = [];
      for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
        const name = cursor.key;
        if (!isPrefName(name)) continue; // a preference a newer build added: not ours to judge
        if (RULES[name].check(cursor.value)) prefs[name] = cursor.value;
        else corrupt.push(name);
      }
      await tx.done;
      return { prefs, corrupt };
    },
  };
}
