/**
 * A tiny stand-in for the adapter page: a window (framed or not) with a query string, a document
 * that records injected `<script>`s, and a browser-like way of "running" them: the script body runs,
 * an exception goes to the window's `error` listeners as an ErrorEvent (muted to "Script error."
 * for cross-origin scripts, like Chromium), then the element fires `load`. Or it fails to load
 * (`error` on the element), or nothing happens at all.
 */
import type { ErrorEventLike, ScriptElementLike, WindowLike } from '../../src/opencti/script-injection.ts';
import type { MessageEventLike } from '../../src/opencti/subscribe-line.ts';
import type { TrustFileResponse } from '../../src/opencti/trust-file.ts';

/** What the page's server answers for `trusted-origins.json`: a JSON value (200), or a raw answer. */
export type TrustFileAnswer = { json: unknown } | { status: number; body: string } | { networkError: string };

/** The file as dist/ ships it: any Salesforce host, no dev console. */
export const SHIPPED_TRUST_FILE: TrustFileAnswer = { json: { salesforceHosts: [], devOrigins: [] } };

/** Either kind of window listener; each set holds only its own kind. */
type WindowListener = ((event: ErrorEventLike) => void) & ((event: MessageEventLike) => void);

export class FakeScript implements ScriptElementLike {
  src = '';
  async = true;
  readonly #listeners = new Map<string, Set<() => void>>();

  addEventListener(type: 'load' | 'error', listener: () => void): void {
    const set = this.#listeners.get(type) ?? new Set();
    set.add(listener);
    this.#listeners.set(type, set);
  }

  removeEventListener(type: 'load' | 'error', listener: () => void): void {
    this.#listeners.get(type)?.delete(listener);
  }

  fire(type: 'load' | 'error'): void {
    for (const listener of [...(this.#listeners.get(type) ?? [])]) listener();
  }
}

/** What the "browser" does with an injected script. */
export type ScriptBehaviour = (script: FakeScript, page: FakePage) => void;

interface FakeWindow extends WindowLike {
  sforce?: unknown;
}

export class FakePage {
  readonly window: FakeWindow;
  readonly scripts: FakeScript[] = [];
  /** ErrorEvents that a listener marked handled (`preventDefault`). */
  readonly handledErrors: ErrorEventLike[] = [];
  /** ErrorEvents nobody handled: the browser would log them as uncaught. */
  readonly uncaughtErrors: ErrorEventLike[] = [];
  /** URLs the page fetched (the loader reads only its trust file). */
  readonly fetched: string[] = [];
  behaviour: ScriptBehaviour;
  trustFile: TrustFileAnswer;
  readonly #errorListeners = new Set<(event: ErrorEventLike) => void>();
  readonly #messageListeners = new Set<(event: MessageEventLike) => void>();

  constructor(options: { url: string; framed?: boolean; behaviour?: ScriptBehaviour; head?: 'head' | 'root' | 'none'; trustFile?: TrustFileAnswer }) {
    const url = new URL(options.url);
    this.behaviour = options.behaviour ?? (() => undefined);
    this.trustFile = options.trustFile ?? SHIPPED_TRUST_FILE;
    const fetchFile = (target: string): Promise<TrustFileResponse> => {
      this.fetched.push(target);
      const answer = this.trustFile;
      if ('networkError' in answer) return Promise.reject(new TypeError(answer.networkError));
      const status = 'json' in answer ? 200 : answer.status;
      const body = 'json' in answer ? JSON.stringify(answer.json) : answer.body;
      return Promise.resolve({ ok: status >= 200 && status < 300, status, text: () => Promise.resolve(body) });
    };
    const append = (node: never): void => {
      const script = node as FakeScript;
      this.scripts.push(script);
      // The browser fetches and runs it later, never inside appendChild.
      queueMicrotask(() => {
        this.behaviour(script, this);
      });
    };
    const where = options.head ?? 'head';
    const self: FakeWindow = {
      parent: undefined,
      location: { href: url.href, search: url.search, protocol: url.protocol },
      fetch: fetchFile,
      document: {
        createElement: () => new FakeScript(),
        head: where === 'head' ? { appendChild: append } : null,
        documentElement: where === 'none' ? null : { appendChild: append },
      },
      addEventListener: (type: 'error' | 'message', listener: WindowListener) => {
        this.#listenersOf(type).add(listener);
      },
      removeEventListener: (type: 'error' | 'message', listener: WindowListener) => {
        this.#listenersOf(type).delete(listener);
      },
    };
    (self as { parent: unknown }).parent = options.framed === false ? self : { name: 'salesforce-host' };
    this.window = self;
  }

  #listenersOf(type: 'error' | 'message'): Set<WindowListener> {
    return (type === 'error' ? this.#errorListeners : this.#messageListeners) as Set<WindowListener>;
  }

  /** How many window `message` listeners are attached. */
  get messageListenerCount(): number {
    return this.#messageListeners.size;
  }

  /** How many window `error` listeners are attached (the loader must remove its own). */
  get errorListenerCount(): number {
    return this.#errorListeners.size;
  }

  /** Raises a window error event the way a browser reports an uncaught exception. */
  reportError(event: { message: string; filename: string; error: unknown }): void {
    const state = { prevented: false };
    const full: ErrorEventLike = {
      ...event,
      preventDefault: () => {
        state.prevented = true;
      },
    };
    for (const listener of [...this.#errorListeners]) listener(full);
    (state.prevented ? this.handledErrors : this.uncaughtErrors).push(full);
  }

  /** Runs `body` as the script's code, then fires `load` (the order browsers use). */
  execute(script: FakeScript, body: () => void, options: { muted?: boolean } = {}): void {
    try {
      body();
    } catch (thrown) {
      const text = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
      this.reportError(
        options.muted === true
          ? { message: 'Script error.', filename: '', error: null }
          : { message: `Uncaught ${text}`, filename: script.src, error: thrown },
      );
    }
    script.fire('load');
  }
}

/** The script installs `api` as `window.sforce.opencti`. */
export function installs(api: unknown): ScriptBehaviour {
  return (script, page) => {
    page.execute(script, () => {
      page.window.sforce = { opencti: api };
    });
  };
}

/** The library installs itself, then refuses to initialise by throwing its string. */
export function refuses(api: unknown, refusal: string, muted = false): ScriptBehaviour {
  return (script, page) => {
    page.execute(
      script,
      () => {
        page.window.sforce = { opencti: api };
        throw refusal; // eslint-disable-line @typescript-eslint/only-throw-error -- the real library throws a string
      },
      { muted },
    );
  };
}

/** Salesforce answers with an HTML login page: a syntax error, nothing installed. */
export function loginPage(muted = false): ScriptBehaviour {
  return (script, page) => {
    page.execute(
      script,
      () => {
        throw new SyntaxError("Unexpected token '<'");
      },
      { muted },
    );
  };
}

/** The fetch fails (network error, 404, blocked). */
export const networkError: ScriptBehaviour = (script) => {
  script.fire('error');
};

/** The script runs and does nothing. */
export const runsEmpty: ScriptBehaviour = (script, page) => {
  page.execute(script, () => undefined);
};
