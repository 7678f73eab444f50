/**
 * Nominal ("branded") types for ids that must never be mixed up. Only parsers at a boundary
 * create them, e.g. `asBrand<SalesforceId>(raw)` after validating `raw`.
 */
declare const brand: unique symbol;
export type Brand<T, Name extends string> = T & { readonly [brand]: Name };

/** Marks an already-validated value with its brand. */
export function asBrand<B extends Brand<unknown, string>>(value: Omit<B, typeof brand>): B {
  return value as B;
}
