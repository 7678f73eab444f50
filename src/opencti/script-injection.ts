/**
 * Runs one classic `<script>` and reports what happened, including exceptions thrown while it ran —
 * which a browser delivers to the window's `error` event, not to the script element.
 *
 * The script is cross-origin (served by Salesforce) and loaded without `crossorigin`, because
 * Salesforce sends no CORS headers for it. The browser therefore *mutes* its errors: the window
 * sees `"Script error."` with no file name and no error object. Errors are attributed to our script
 * when they name it, carry the library's refusal text, or are muted, and only between injection
 * and the script's own `load`/`error` event (a script's exceptions are reported before its `load`).
 */
import type { MessageEventLike } from './subscribe-line.ts';

import type { GateWindow } from './origin-gate.ts';

/** The slice of an `ErrorEvent` the loader reads. */
export interface ErrorEventLike {
  readonly message: string;
  readonly filename: string;
  readonly error: unknown;
  preventDefault(): void;
}

/** The slice of an `HTMLScriptElement` the loader uses. */
export interface ScriptElementLike {
  src: string;
  async: boolean;
  addEventListener(type: 'load' | 'error', listener: () => void): void;
  removeEventListener(type: 'load' | 'error', listener: () => void): void;
}

/** The slice of `document` the loader uses. */
export interface DocumentLike {
  createElement(tagName: 'script'): ScriptElementLike;
  readonly head: { appendChild(node: never): unknown } | null;
  readonly documentElement: { appendChild(node: never): unknown } | null;
}

/** The slice of `window` the loader uses; a real `Window` fits. */
export interface WindowLike extends GateWindow {
  readonly parent: unknown;
  readonly document: DocumentLike;
  addEventListener(type: 'error', listener: (event: ErrorEventLike) => void): void;
  /** For the shim's watch on replies the library cannot deliver (subscribe-line.ts). */
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
  removeEventListener(type: 'error', listener: (event: ErrorEventLike) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
}

/** What happened to the script. */
export type ScriptOutcome =
  /** It ran; `thrown` is the first error it raised while running, if any. */
  | { readonly kind: 'ran'; readonly thrown?: ErrorEventLike }
  /** The browser could not fetch or would not run it (network error, HTTP error, blocked). */
  | { readonly kind: 'failed' }
  /** Neither within the time limit. */
  | { readonly kind: 'timeout' };

/** The message Chromium and Firefox give an error from a cross-origin script without CORS. */
export const MUTED_ERROR_MESSAGE = 'Script error.';

/**
 * Appends `<script src=url>` to the document and resolves with its {@link ScriptOutcome}.
 * Errors attributed to the script are marked handled (`preventDefault`) so they are not reported
 * as uncaught: the caller turns them into a reason.
 *
 * @param isOurs  extra test for a window error (e.g. its message is the library's refusal text)
 */
export function runScript(
  win: WindowLike,
  url: string,
  timeoutMs: number,
  isOurs: (event: ErrorEventLike) => boolean,
): Promise<ScriptOutcome> {
  return new Promise<ScriptOutcome>((resolve) => {
    const doc = win.document;
    const parent = doc.head ?? doc.documentElement;
    if (parent === null) {
      // A document being torn down: nothing to attach a script to.
      resolve({ kind: 'failed' });
      return;
    }
    const script = doc.createElement('script');
    let thrown: ErrorEventLike | undefined;

    const onWindowError = (event: ErrorEventLike): void => {
      const muted = event.message === MUTED_ERROR_MESSAGE && event.filename === '';
      if (!(muted || event.filename === url || isOurs(event))) return;
      event.preventDefault();
      thrown ??= event;
    };
    const done = (outcome: ScriptOutcome): void => {
      clearTimeout(timer);
      win.removeEventListener('error', onWindowError);
      script.removeEventListener('load', onLoad);
      script.removeEventListener('error', onFailed);
      resolve(outcome);
    };
    const onLoad = (): void => {
      done(thrown === undefined ? { kind: 'ran' } : { kind: 'ran', thrown });
    };
    const onFailed = (): void => {
      done({ kind: 'failed' });
    };
    const timer = setTimeout(() => {
      done({ kind: 'timeout' });
    }, timeoutMs);

    win.addEventListener('error', onWindowError);
    script.addEventListener('load', onLoad);
    script.addEventListener('error', onFailed);
    // Keep execution order predictable; this is the only script we inject.
    script.async = false;
    script.src = url;
    parent.appendChild(script as never);
  });
}
