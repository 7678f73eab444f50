import { createContext } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Language } from '../i18n/index.ts';
import type { AgentView, SoftphoneIntent } from './agent-view.ts';

export * from './agent-view.ts';

/** One problem in the call-center settings, as the error panel shows it. */
export interface ShellConfigIssue {
  /** Settings path, e.g. `/neotelConnection/sipWebSocketUrl`. */
  readonly path: string;
  /** The item's label from the call-center definition, when Salesforce sent one. */
  readonly label?: string | undefined;
  /** The raw value received; undefined when the setting was missing or empty. */
  readonly received?: string | undefined;
  /** What a valid value looks like, in a sentence. */
  readonly expected: string;
}

/**
 * What the shell shows, as a discriminated union on `phase`:
 *
 * ```
 *   booting ──► standalone             (not framed by Salesforce, or Open CTI refused to start)
 *      │
 *      ├──────► settings-unavailable ──(retry)──► booting
 *      ├──────► config-error           (the call-center XML has bad values)
 *      └──────► ready
 * ```
 */
export type ShellState =
  | { readonly phase: 'booting'; readonly language: Language }
  | {
      readonly phase: 'standalone';
      readonly language: Language;
      readonly reason: string;
      readonly detail: string;
      /** The refused framing origin (reason `UNTRUSTED_ORIGIN`). */
      readonly origin?: string;
    }
  | { readonly phase: 'settings-unavailable'; readonly language: Language; readonly detail: string }
  | { readonly phase: 'config-error'; readonly language: Language; readonly issues: readonly ShellConfigIssue[] }
  | {
      readonly phase: 'ready';
      /** The language on screen: the agent's choice (`view.prefs.language`), else `salesforceLanguage`. */
      readonly language: Language;
      /** The call center's `language`, else the browser's: what "Same as Salesforce" gives. */
      readonly salesforceLanguage?: Language;
      readonly displayName: string;
      readonly neoApiHost: string;
      readonly sipHost: string;
      /** The agent softphone: login, status, calls (see agent-view.ts). */
      readonly view: AgentView;
    };

/** The service the app provides to components: read state, subscribe, send intents. */
export interface SoftphoneService {
  readonly state: ShellState;
  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: (state: ShellState) => void): () => void;
  /** Intent: read the settings again (after a failure to get them). */
  retry(): void;
  /** Intent of the agent UI; refusals and failures come back as notices in the view. */
  send(intent: SoftphoneIntent): void;
}

export const softphoneContext = createContext<SoftphoneService | undefined>(Symbol('dialtone-softphone'));

/**
 * A hidden panel gets no animation frames; its view still follows the state this often (a ringing
 * call opens the panel, and what it then shows must already be the call).
 */
const HIDDEN_FLUSH_MS = 100;

/**
 * Keeps a component in step with the service: subscribes on connect, unsubscribes on disconnect,
 * and asks the host to render when the state changed, at most once per animation frame: a call's
 * burst of state changes (INVITE, answer, SIP and NeoApi answers in the same few milliseconds)
 * is drawn once, with the latest state.
 */
export class ShellStateController implements ReactiveController {
  private unsubscribe: (() => void) | undefined;
  private current: ShellState | undefined;
  private frame: number | undefined;
  private fallback: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly service: () => SoftphoneService | undefined,
  ) {
    host.addController(this);
  }

  get state(): ShellState | undefined {
    return this.current ?? this.service()?.state;
  }

  hostConnected(): void {
    this.attach();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.cancelFlush();
  }

  /** Call when the service arrives after connect (context provided late). */
  attach(): void {
    const service = this.service();
    if (!service || this.unsubscribe) return;
    this.current = service.state;
    this.unsubscribe = service.subscribe((state) => {
      this.current = state;
      this.scheduleFlush();
    });
    this.host.requestUpdate();
  }

  private scheduleFlush(): void {
    if (this.frame !== undefined || this.fallback !== undefined) return;
    const flush = (): void => {
      this.cancelFlush();
      this.host.requestUpdate();
    };
    this.frame = requestAnimationFrame(flush);
    this.fallback = setTimeout(flush, HIDDEN_FLUSH_MS);
  }

  private cancelFlush(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    clearTimeout(this.fallback);
    this.frame = undefined;
    this.fallback = undefined;
  }
}
