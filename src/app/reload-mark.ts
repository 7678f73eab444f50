/**
 * The key of the session a page keeps in sessionStorage for its reload (call-resume.ts,
 * docs/reload.md), and whether this tab's page left one — which the start-up bundle asks before
 * it knows the call center (the settings are on their way), to fetch the phone's code early.
 */

const PREFIX = 'dialtone:session:';

/** The sessionStorage key of `callCenter`'s session. */
export function sessionMarkKey(callCenter: string): string {
  return `${PREFIX}${callCenter}`;
}

/** The parts of `Storage` read here (tests pass a map). */
export interface KeyedStorage {
  readonly length: number;
  key(index: number): string | null;
}

/** Whether `storage` holds a session kept for a reload, of any call center; never throws. */
export function reloadMarkPresent(storage: KeyedStorage | null): boolean {
  if (!storage) return false;
  try {
    for (let i = 0; i < storage.length; i++) if (storage.key(i)?.startsWith(PREFIX)) return true;
  } catch {
    // A storage the browser refuses to this frame: no reload to prepare for.
  }
  return false;
}

/** This page's sessionStorage, or `null` (no DOM, or the browser refuses it to this frame). */
export function pageSessionStorage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    // Reading `sessionStorage` throws a SecurityError where the browser blocks storage for the frame.
    return null;
  }
}
