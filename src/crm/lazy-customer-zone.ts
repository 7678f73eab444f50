/**
 * The customer's zone (customer-zone.ts) reads numbers with libphonenumber-js, ~28 KB gzip: its
 * own chunk, shared with the dial plan, so the agent session's chunk does not pull it in before
 * the phone registers (docs/architecture.md, "Code loaded after start-up"). The dial plan loads it
 * at REGISTER 200; a screen pop that needs a zone before that starts the load itself.
 */
import type * as CustomerZoneCode from './customer-zone.ts';

let loaded: typeof CustomerZoneCode | undefined;
let loading: Promise<typeof CustomerZoneCode> | undefined;

/** The module, fetched once; a failed fetch is forgotten so that the next need fetches again. */
export function loadCustomerZone(): Promise<typeof CustomerZoneCode> {
  loading ??= import('./customer-zone.ts').then(
    (code) => (loaded = code),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The module if it is in already, for synchronous readers that redraw once it arrives. */
export function loadedCustomerZone(): typeof CustomerZoneCode | undefined {
  return loaded;
}
