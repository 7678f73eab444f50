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

/** What the test drives through `page.evaluate`. */
export interface HarnessApi {
  /** Replaces the state and notifies the shell, as the app does after every change. */
  setState(state: ShellState): void;
  /** Intents received since the last call, oldest first; empties the record. */
  takeIntents(): SoftphoneIntent[];
  /** Messages passed to `alert()` (an injected script would call it). */
  readonly alerts: string[];
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
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}

const alerts: string[] = [];
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
  showLinkPage: (language, link, number, status) => {
    const page = document.createElement('dialtone-phone-link-page');
    Object.assign(page, { messages: linkPageMessagesFor(language), link, number, status });
    root.replaceChildren(page);
  },
};
