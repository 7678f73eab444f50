/**
 * Finding controls across the components' shadow roots, for the shell's keyboard and focus
 * handling (the shell owns the panel; each component keeps its controls in its own shadow root).
 */

/** Every shadow-including descendant of `root` matching `selector`, in tree order. */
export function deepQueryAll(root: ParentNode, selector: string, found: HTMLElement[] = []): HTMLElement[] {
  for (const element of root.querySelectorAll<HTMLElement>('*')) {
    if (element.matches(selector)) found.push(element);
    if (element.shadowRoot) deepQueryAll(element.shadowRoot, selector, found);
  }
  return found;
}

/** Whether a person could use `element` now: enabled and drawn. */
export function usable(element: HTMLElement): boolean {
  if ('disabled' in element && element.disabled) return false;
  return element.getClientRects().length > 0;
}

/**
 * Whether a hotkey may press `element`: usable, or an enabled item of a closed menu (the status
 * menu keeps its items in the DOM, so Alt+Shift+R takes a break without opening it).
 */
export function pressable(element: HTMLElement): boolean {
  if (usable(element)) return true;
  const menu = element.closest('[role="menu"]');
  return menu instanceof HTMLElement && menu.hidden && element.getAttribute('aria-disabled') !== 'true';
}

/** The first control with one of these test ids that `accept`s (default: usable), in the order given. */
export function firstUsable(root: ParentNode, testIds: readonly string[], accept: (element: HTMLElement) => boolean = usable): HTMLElement | undefined {
  for (const id of testIds) {
    const hit = deepQueryAll(root, `[data-testid="${id}"]`).find(accept);
    if (hit) return hit;
  }
  return undefined;
}

/** The controls a keyboard user can reach inside `root`, shadow roots included. */
export const FOCUSABLE = 'button, input, select, textarea, summary, a[href], [tabindex]:not([tabindex="-1"])';

/** The element that has the focus, through the shadow roots. */
export function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
