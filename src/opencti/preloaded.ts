/**
 * What the inline preload (`preload.ts`) leaves for the loader (`loader.ts`) and the shim: shared
 * here so the inline script carries none of the loader's code.
 */
import type { ErrorEventLike, ScriptOutcome, WindowLike } from './script-injection.ts';

/** What the library throws (a string, not an `Error`) when it will not start (reference §1.3). */
export const LIBRARY_REFUSAL =
  'Failed to initialize Open CTI. Ensure that it is loaded from the right frame with correct URL parameters';

/** Whether an error event is the library's refusal to start. */
export function isLibraryRefusal(event: ErrorEventLike): boolean {
  return event.error === LIBRARY_REFUSAL || event.message.includes(LIBRARY_REFUSAL);
}

/** How long the preload waits for the library to load or fail (the loader's default deadline). */
export const PRELOAD_TIMEOUT_MS = 10_000;

/**
 * Where the preload leaves a `Promise<PreloadedLibrary | undefined>` (non-writable; `undefined`
 * when the gate refused). Only same-origin script can set a property of this window.
 */
export const PRELOADED_LIBRARY = '__dialtoneOpenCti';

/** The library the preload ran, and the settings it asked for once the library was there. */
export interface PreloadedLibrary {
  readonly url: string;
  readonly outcome: ScriptOutcome;
  /** `getCallCenterSettings`' raw answer, for the shim's first call; `undefined` when not asked. */
  readonly settings: Promise<unknown> | undefined;
}

/** Windows whose preload the loader took already: a retry after a failure loads afresh. */
const taken = new WeakSet<object>();

/**
 * The preload's library for `url`, once per window; `undefined` when there is none, it was for
 * another URL (another API version), or it was taken already.
 */
export async function takePreloadedLibrary(win: WindowLike, url: string): Promise<PreloadedLibrary | undefined> {
  const preloaded = (win as unknown as Record<string, unknown>)[PRELOADED_LIBRARY];
  if (!(preloaded instanceof Promise) || taken.has(win)) return undefined;
  taken.add(win);
  const library = (await preloaded) as PreloadedLibrary | undefined;
  return library?.url === url ? library : undefined;
}
