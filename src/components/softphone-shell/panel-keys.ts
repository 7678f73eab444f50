import { firstUsable, pressable } from './deep-query.ts';

/**
 * The panel's hotkeys (docs/agent-softphone.md, "Keyboard"): Alt+Shift and a letter, read from
 * `event.code` so they are the same keys on every keyboard layout and on macOS (where Alt+Shift+A
 * types "Å"). Each presses the button on screen, so a hotkey can do exactly what the panel
 * offers now (a disabled or absent button: nothing happens), never a rule of its own.
 */
export const HOTKEYS = {
  KeyA: ['answer'],
  KeyH: ['hang-up'],
  KeyO: ['hold'],
  KeyM: ['mute'],
  /**
   * Ready / not ready: back from a break, available again after a call, or take a break (the
   * first break reason of the status menu, which it takes without being opened).
   */
  KeyR: ['unpause', 'available', 'pause'],
} as const satisfies Record<string, readonly string[]>;

/** The letters of {@link HOTKEYS}, for the settings panel's list. */
export type Hotkey = keyof typeof HOTKEYS;

/**
 * Handles a keydown inside the panel: a hotkey presses its button; Escape closes the menu or form
 * the focus is in (an open `<details>`, or a region opened by an `aria-expanded` toggle) and puts
 * the focus back on what opened it. Returns whether it handled the key.
 */
export function handlePanelKey(event: KeyboardEvent, root: ShadowRoot): boolean {
  if (event.defaultPrevented) return false;
  if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code in HOTKEYS) {
    const button = firstUsable(root, HOTKEYS[event.code as Hotkey], pressable);
    if (!button) return false;
    event.preventDefault();
    button.click();
    return true;
  }
  if (event.key === 'Escape' && !event.altKey && !event.ctrlKey && !event.metaKey) return closeAround(event);
  return false;
}

/** Closes the innermost open menu or form on the event's path. */
function closeAround(event: KeyboardEvent): boolean {
  for (const node of event.composedPath()) {
    if (!(node instanceof HTMLElement)) continue;
    // A select's own list and a modal dialog answer Escape themselves.
    if (node instanceof HTMLSelectElement || node instanceof HTMLDialogElement) return false;
    if (node instanceof HTMLDetailsElement && node.open) {
      node.open = false;
      node.querySelector<HTMLElement>(':scope > summary')?.focus();
      event.preventDefault();
      return true;
    }
    if (node.getAttribute('aria-expanded') === 'true' && node.hasAttribute('aria-controls')) return pressToggle(node, event);
    if (node.id !== '') {
      const toggle = (node.getRootNode() as ParentNode).querySelector<HTMLElement>(`[aria-controls~="${CSS.escape(node.id)}"][aria-expanded="true"]`);
      if (toggle) return pressToggle(toggle, event);
    }
  }
  return false;
}

function pressToggle(toggle: HTMLElement, event: KeyboardEvent): boolean {
  toggle.click();
  toggle.focus();
  event.preventDefault();
  return true;
}
