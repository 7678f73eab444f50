/**
 * Lookups in constant tables by a key that came from outside (a server's text, a file, a message).
 * `table[key]` on an object literal also finds Object.prototype's members: `constructor`,
 * `toString`, `__proto__`… would read as a function instead of "not in the table".
 */

/** `table[key]` when `key` is the table's own entry, else `undefined`. */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
