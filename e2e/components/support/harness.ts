/**
 * Browser entry of the agent-UI tests: mounts `<dialtone-softphone>` under a fake service
 * provided through @lit/context (as `startSoftphone` does), lets the test set the state, and
 * records every intent the UI sends and every `alert()` a rogue name could trigger.
 */
import { ContextProvider } from '@lit/context';
import { softphoneContext } from '../../../src/controllers/softphone-context.ts';
import type { SoftphoneIntent } from '../../../src/view/agent-view.ts';
import type { ShellState, SoftphoneService } from '../../../src/view/shell-state.ts';
import '../../../src/components/softphone-shell/softphone-shell.ts';
import '../../../src/components/phone-link-page/phone-link-page.ts';
import type { PhoneLinkPageStatus } from '../../../src/components/phone-link-page/phone-link-page.ts';
import type { Language } from '../../../src/i18n/index.ts';
import { linkPageMessagesFor } from '../../../src/i18n/link-page-messages.ts';
import { messagesFor } from '../../../src/i18n/catalogues.ts';
import { AgentElement } from '../../../src/components/shared/agent-element.ts';
import type { AgentView } from '../../../src/view/agent-view.ts';
import { shareUnchangedSlices } from '../../../src/app/view-store.ts';
// The parts the shell loads lazily, defined at once so that every tag can be mounted alone.
import '../../../src/components/transfer-panel/transfer-panel.ts';
import '../../../src/components/wrap-up-panel/wrap-up-panel.ts';
import '../../../src/components/monitoring-panel/monitoring-panel.ts';
import '../../../src/components/call-record/call-record.ts';
import '../../../src/components/call-history/call-history.ts';
import '../../../src/components/desk-actions/desk-actions.ts';
import '../../../src/components/directory/directory.ts';
import '../../../src/components/softphone-shell/agent-parts.ts';
import '../../../src/components/phone-window-bar/phone-window-bar.ts';

/** What the test drives through `page.evaluate`. */
export interface HarnessApi {
  /** Replaces the state and notifies the shell, as the app does after every change. */
  setState(state: ShellState): void;
  /** Intents received since the last call, oldest first; empties the record. */
  takeIntents(): SoftphoneIntent[];
  /** Messages passed to `alert()` (an injected script would call it). */
  readonly alerts: string[];
  /**
   * Mounts `tag` alone (outside the shell) on `state`'s view wrapped in a proxy, and returns the
   * view's top-level slices read while it and the elements it draws rendered, and the slices the
   * element declares (`viewSlices`; `null` = none declared).
   */
  slicesRead(tag: string, state: ShellState): Promise<{ readonly read: string[]; readonly declared: string[] | null }>;
  /** The agent-UI element tags (every `AgentElement` defined on the page). */
  agentTags(): string[];
  /** From now on counts each agent-UI element's renders by tag; returns the counts so far. */
  renders(): Record<string, number>;
  /** Forgets every element's `viewSlices` (each then draws every new view, as before the view store). */
  forgetSlices(): void;
  /** Replaces the softphone with the page a clicked phone link opens (docs/phone-links.md). */
  showLinkPage(language: Language, link: string, number: string | null, status: PhoneLinkPageStatus): void;
}

declare global {
  interface Window {
    harness: HarnessApi;
  }
}

class FakeSoftphone implements SoftphoneService {
  private readonly listeners = new Set<(state: ShellState) => void>();
  intents: SoftphoneIntent[] = [];

  constructor(public state: ShellState) {}

  subscribe(listener: (state: ShellState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  retry(): void {
    // The agent-UI tests never show the settings-unavailable phase.
  }

  send(intent: SoftphoneIntent): void {
    this.intents.push(intent);
  }

  set(state: ShellState): void {
    // A state arrives from the test as a copy: like the app (phone-placement.ts `show`), keep every
    // slice equal to the one drawn by reference, so that elements draw only what changed.
    const before = this.state;
    this.state = before.phase === 'ready' && state.phase === 'ready' ? { ...state, view: shareUnchangedSlices(before.view, state.view) } : state;
    for (const listener of this.listeners) listener(this.state);
  }
}

const alerts: string[] = [];
const renderCounts: Record<string, number> = {};
const counted = new Set<string>();

/** Every `dialtone-*` tag whose class is an agent-UI element (the ones that take a view). */
function agentTags(): string[] {
  const tags = [...new Set([...document.querySelectorAll('*')].map((e) => e.localName))];
  const known = [
    'dialtone-agent-status', 'dialtone-status-menu', 'dialtone-break-menu', 'dialtone-call-controls', 'dialtone-call-history', 'dialtone-call-info',
    'dialtone-call-record', 'dialtone-campaign-picker', 'dialtone-desk-actions', 'dialtone-dial-pad', 'dialtone-directory', 'dialtone-failed-logs',
    'dialtone-health-gate', 'dialtone-incoming-call', 'dialtone-login-form', 'dialtone-monitored-indicator', 'dialtone-monitoring-panel',
    'dialtone-notice-list', 'dialtone-phone-links', 'dialtone-phone-window-bar', 'dialtone-settings-panel', 'dialtone-transfer-panel', 'dialtone-wrap-up-panel',
  ];
  return [...new Set([...known, ...tags])].filter((tag) => (customElements.get(tag)?.prototype ?? null) instanceof AgentElement).sort();
}

window.alert = (message?: unknown) => {
  alerts.push(String(message));
};

const root = document.getElementById('root');
if (!root) throw new Error('The harness page has no #root element to mount the softphone in');
const fake = new FakeSoftphone({ phase: 'booting', language: 'en' });
new ContextProvider(root, { context: softphoneContext, initialValue: fake });
root.append(document.createElement('dialtone-softphone'));

window.harness = {
  setState: (state) => fake.set(state),
  takeIntents: () => {
    const taken = fake.intents;
    fake.intents = [];
    return taken;
  },
  alerts,
  slicesRead: async (tag, state) => {
    if (state.phase !== 'ready') throw new Error(`slicesRead needs a ready state, got ${state.phase}`);
    const read = new Set<string>();
    const view = new Proxy(state.view, {
      get: (target, key, receiver) => {
        // Lit asks any value bound to a property whether it is a directive: not a read of the view.
        if (typeof key === 'string' && !key.startsWith('_$lit')) read.add(key);
        return Reflect.get(target, key, receiver) as unknown;
      },
      has: (target, key) => {
        if (typeof key === 'string') read.add(key);
        return Reflect.has(target, key);
      },
      ownKeys: (target) => {
        read.add('*every slice*');
        return Reflect.ownKeys(target);
      },
    });
    const element = document.createElement(tag);
    if (!(element instanceof AgentElement)) throw new Error(`${tag} is not an agent-UI element`);
    Object.assign(element, { view, messages: messagesFor(state.language) });
    const host = document.createElement('div');
    host.append(element);
    document.body.append(host);
    // Nested elements render in later microtasks and frames.
    for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    host.remove();
    const declared = (element.constructor as typeof AgentElement).viewSlices;
    return { read: [...read].sort(), declared: declared === undefined ? null : [...declared].sort() };
  },
  agentTags: () => agentTags(),
  renders: () => {
    for (const tag of agentTags()) {
      const element = customElements.get(tag) as unknown as { prototype: { render: (this: unknown) => unknown } } | undefined;
      if (!element || counted.has(tag)) continue;
      counted.add(tag);
      renderCounts[tag] = 0;
      const render = element.prototype.render;
      element.prototype.render = function (this: unknown) {
        renderCounts[tag] = (renderCounts[tag] ?? 0) + 1;
        return render.call(this);
      };
    }
    return { ...renderCounts };
  },
  forgetSlices: () => {
    for (const tag of agentTags()) {
      const element = customElements.get(tag) as unknown as { viewSlices?: readonly (keyof AgentView)[] };
      element.viewSlices = undefined;
    }
  },
  showLinkPage: (language, link, number, status) => {
    const page = document.createElement('dialtone-phone-link-page');
    Object.assign(page, { messages: linkPageMessagesFor(language), link, number, status });
    root.replaceChildren(page);
  },
};
