/**
 * The sip.js chunk (~55 KB gzip), loaded once per page: by the app once the login form is drawn
 * (softphone-app.ts), once the session's code is in when the page reloads a session that registers
 * again by itself (docs/reload.md), and by the phone (lazy-phone.ts) when it registers. Kept out of
 * lazy-phone.ts, which is in the session's chunk, so the start-up bundle can ask for it before
 * that chunk is in.
 */
import type * as SipPhoneChunk from '../sip/sip-phone.ts';

export type SipPhoneModule = typeof SipPhoneChunk;

let sipModule: Promise<SipPhoneModule> | undefined;
/** A phone was asked for: from then on the warm-up would only compete with its REGISTER. */
let phoneRequested = false;

/** A phone is about to register: the chunk's parser warm-up, if not run yet, is skipped. */
export function phoneWanted(): void {
  phoneRequested = true;
}

/**
 * Starts (once) loading the sip.js chunk; a failure is reported where the phone is used. Once it
 * is in, sip.js's parser is run once (`warmUpSipStack`) unless a phone is already registering.
 */
export function preloadSipPhone(load: () => Promise<SipPhoneModule> = () => import('../sip/sip-phone.ts')): Promise<SipPhoneModule> {
  if (sipModule === undefined) {
    sipModule = load();
    void sipModule.then((chunk) => {
      if (phoneRequested) return;
      try {
        chunk.warmUpSipStack();
      } catch {
        // Only a warm-up: the phone parses for real when it registers.
      }
    }, () => undefined);
  }
  // Retried on the next login if this load failed.
  sipModule.catch(() => {
    sipModule = undefined;
  });
  return sipModule;
}

/**
 * The chunk for a reloaded page whose session resumes and registers the phone by itself
 * (docs/reload.md): loaded without the warm-up, since the phone registers moments later and the
 * warm-up would only compete with the resume or the REGISTER for the main thread (in an A/B at
 * load 8-13, ready → REGISTER 200 was 334 ms median with it and 285 without; docs/benchmarks.md,
 * "Thirteenth pass (b)").
 */
export function preloadSipPhoneForReload(load?: () => Promise<SipPhoneModule>): Promise<SipPhoneModule> {
  phoneWanted();
  return preloadSipPhone(load);
}
