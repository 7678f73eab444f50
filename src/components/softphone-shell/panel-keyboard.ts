/**
 * The panel's keyboard support (focus after actions and on open, hotkeys, Escape), loaded as its
 * own chunk right after start-up: nothing in it is needed to draw the first screen, and the eager
 * bundle has a budget (scripts/check-bundle-size.ts).
 */
import type { ReactiveControllerHost } from 'lit';
import type { AgentState } from '../../call/index.ts';
import { FocusKeeper } from './focus-keeper.ts';
import { handlePanelKey } from './panel-keys.ts';

/** Attaches the keyboard support to the shell; returns how to detach the key handler. */
export function attachPanelKeyboard(host: ReactiveControllerHost & HTMLElement, agent: () => AgentState | undefined): () => void {
  new FocusKeeper(host, agent);
  const onKey = (event: KeyboardEvent): void => {
    if (host.shadowRoot) handlePanelKey(event, host.shadowRoot);
  };
  host.addEventListener('keydown', onKey);
  return () => host.removeEventListener('keydown', onKey);
}
