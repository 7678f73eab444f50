/**
 * The emulator's served Open CTI library, run in a stand-in for the adapter frame's window: it
 * records what the library posts to its parent and delivers host replies the way a browser
 * dispatches a `message` event — every listener runs, and an exception thrown by one is reported
 * (collected in `reported`) without stopping the others.
 *
 * The library runs in this realm (not a `node:vm` context), so its `Error`s are this realm's and
 * code under test can tell them apart with `instanceof`, as it can in the browser.
 */
import { libraryText } from '../../../dev/lightning/library-route.ts';

export const INIT_FAILURE = 'Failed to initialize Open CTI. Ensure that it is loaded from the right frame with correct URL parameters';
export const CONSOLE = 'https://acme.lightning.force.com';
export const FRAMED = `?mode=Lightning&sfdcIframeOrigin=${encodeURIComponent(CONSOLE)}`;

export interface Posted {
  message: Record<string, unknown>;
  targetOrigin: string;
}

export type Fn = (...args: unknown[]) => void;

/** `sforce.opencti`, indexable for table-driven tests. */
export interface Api {
  [method: string]: unknown;
  getCallCenterSettings: Fn;
  getAppViewInfo: Fn;
  onClickToDial: Fn;
  onNavigationChange: Fn;
  enableClickToDial: Fn;
  disableClickToDial: Fn;
  refreshView: Fn;
  notifyInitializationComplete: Fn;
  saveLog: Fn;
  screenPop: Fn;
  searchAndScreenPop: Fn;
  runApex: Fn;
  setSoftphonePanelHeight: Fn;
  hvs?: Record<string, Fn>;
  subscribe?: Fn;
  unsubscribe?: Fn;
  publish?: Fn;
}

type MessageListener = (event: { origin: string; data: unknown }) => void;

/** The frame: its window (for the shim), the library's API, and the host's side of the wire. */
export interface LibraryFrame {
  api: Api;
  window: {
    addEventListener(type: 'message', listener: MessageListener): void;
    removeEventListener(type: 'message', listener: MessageListener): void;
  };
  posted: Posted[];
  /** What the library threw while loading, if anything. */
  thrown: unknown;
  /** Exceptions message listeners threw, as the browser would report them. */
  reported: unknown[];
  /** Dispatches one message to every listener; returns what they threw. */
  deliver: (data: unknown, origin?: string) => unknown[];
  /** Delivers the host's callback reply to a posted request. */
  answer: (request: Posted | undefined, response: unknown) => unknown[];
  /** How many `message` listeners are attached. */
  listenerCount: () => number;
}

/** Loads the library as the emulator serves it, in a frame at `search` over `protocol`. */
export function loadLibrary(
  options: { search?: string; protocol?: string; apiVersion?: number; allowLocalOrigins?: boolean } = {},
): LibraryFrame {
  const posted: Posted[] = [];
  const reported: unknown[] = [];
  const listeners: MessageListener[] = [];
  const apiVersion = options.apiVersion ?? 57;
  const window: Record<string, unknown> = {
    location: { search: options.search ?? FRAMED, protocol: options.protocol ?? 'https:' },
    parent: { postMessage: (message: Record<string, unknown>, targetOrigin: string) => posted.push({ message, targetOrigin }) },
    addEventListener: (type: string, listener: MessageListener) => {
      if (type === 'message') listeners.push(listener);
    },
    removeEventListener: (type: string, listener: MessageListener) => {
      const at = listeners.indexOf(listener);
      if (type === 'message' && at !== -1) listeners.splice(at, 1);
    },
  };
  let thrown: unknown;
  try {
    // The served file is a script for a browser; `window` is its only free variable.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- runs our own library file, as a browser would
    const run = new Function('window', libraryText(apiVersion, options.allowLocalOrigins ?? false)) as (w: unknown) => void;
    run(window);
  } catch (error) {
    thrown = error;
  }
  const deliver = (data: unknown, origin = CONSOLE): unknown[] => {
    const errors: unknown[] = [];
    for (const listener of [...listeners]) {
      try {
        listener({ origin, data });
      } catch (error) {
        errors.push(error);
      }
    }
    reported.push(...errors);
    return errors;
  };
  const api = (window.sforce as { opencti?: Api } | undefined)?.opencti;
  return {
    api: api!,
    window: window as unknown as LibraryFrame['window'],
    posted,
    thrown,
    reported,
    deliver,
    answer: (request, response) => deliver(replyTo(request, response, apiVersion)),
    listenerCount: () => listeners.length,
  };
}

/** The host's callback reply to `request`, v57 flags on. */
export function replyTo(request: Posted | undefined, response: unknown, apiVersion = 57): Record<string, unknown> {
  if (request === undefined) throw new Error('replyTo: no such request was posted');
  return {
    methodName: request.message.methodName,
    callId: request.message.callId,
    apiVersion,
    apiType: 'opencti',
    response,
    shouldExecuteCallback: true,
    shouldExecuteListener: false,
  };
}
