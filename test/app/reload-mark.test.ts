import { describe, expect, it } from 'vitest';
import { reloadMarkPresent, sessionMarkKey } from '../../src/app/reload-mark.ts';

/** sessionStorage's keys, as a map. */
function storage(keys: string[]) {
  return { length: keys.length, key: (i: number) => keys[i] ?? null };
}

describe('whether the page before a reload left a session (src/app/reload-mark.ts)', () => {
  it('sees the session of any call center, before the settings name it', () => {
    expect(reloadMarkPresent(storage(['other', sessionMarkKey('DialtoneCTI')]))).toBe(true);
  });

  it('sees none in an empty storage, among other keys, without a storage, or in one that throws', () => {
    expect(reloadMarkPresent(storage([]))).toBe(false);
    expect(reloadMarkPresent(storage(['dialtone:phone-window-use:DialtoneCTI']))).toBe(false);
    expect(reloadMarkPresent(null)).toBe(false);
    const refused = { get length(): number { throw new Error('SecurityError'); }, key: () => null };
    expect(reloadMarkPresent(refused)).toBe(false);
  });
});
